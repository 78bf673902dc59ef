"""The checks every crawl passes before it fetches anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.commands.preflight import Refused, check_archive, check_arguments, check_settings
from tests.support.project import project_settings


def test_the_project_defaults_pass() -> None:
    check_settings(project_settings())


@pytest.mark.parametrize(
    ("overrides", "said"),
    [
        ({"NOTIFY_ON": "unhealthy,silent-edit"}, "NOTIFY_ON: unknown silent-edit; accepted:"),
        ({"NOTIFY_SMTP_PORT": "smtp"}, "NOTIFY_SMTP_PORT: 'smtp' is not a port number"),
        ({"NOTIFY_SMTP_PORT": "0"}, "NOTIFY_SMTP_PORT: '0' is not a port number"),
        ({"NOTIFY_WEBHOOK_URL": "hooks.example/x"}, "NOTIFY_WEBHOOK_URL: 'hooks.example/x' is"),
        ({"PUSHGATEWAY_URL": "pushgateway:9091"}, "PUSHGATEWAY_URL: 'pushgateway:9091' is"),
    ],
)
def test_a_mistyped_operator_setting_is_refused(overrides: dict[str, str], said: str) -> None:
    with pytest.raises(Refused, match="^" + said.replace(".", r"\.")):
        check_settings(project_settings(**overrides))


def test_comma_lists_may_carry_spaces() -> None:
    check_settings(project_settings(NOTIFY_ON="unhealthy, silent_edit , "))


def test_a_wrong_argument_and_an_unknown_site_are_refusals() -> None:
    """What each argument accepts is tested with the arguments; here: both become Refused."""
    with pytest.raises(Refused, match="since"):
        check_arguments({"since": "yesterday"}, project_settings())
    with pytest.raises(Refused, match=r"www\.example\.org"):
        check_arguments({"site": "www.example.org"}, project_settings())


def test_a_local_archive_under_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    settings = project_settings(
        ARCHIVE_URI=str(tmp_path / "file" / "archive"), STATE_DIR=str(tmp_path / "state")
    )
    with pytest.raises(Refused, match="does not take a write"):
        check_archive(settings)


def test_a_writable_local_archive_passes_and_keeps_no_probe_in_sight(tmp_path: Path) -> None:
    check_archive(project_settings(ARCHIVE_URI=str(tmp_path / "archive")))
    assert (tmp_path / "archive").is_dir()
    assert not list((tmp_path / "archive").glob("articles/**/*.json"))
