"""The schedulers run the documented command, and it works as they run it.

The command is read from each file (the systemd unit's ExecStart, the cron line, the
CronJob's container, the image's CMD) and must be the operator's guide's; the systemd and cron
commands are then run the way their scheduler would -- environment file and all --
against the replica, and must archive it."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import REPO
from tests.support.harness import Replica

pytestmark = pytest.mark.process
INFRA = REPO / "infra"
HOME = "/opt/mfa-archive"


def documented_command() -> str:
    """The command the operator's guide's "Running it on a schedule" gives."""
    guide = (REPO / "docs" / "operating.md").read_text("utf-8")
    section = guide.split("## Running it on a schedule", 1)[1]
    return next(line.strip() for line in section.splitlines() if "scrapy crawl mfa $" in line)


def _environment(tmp_path: Path, replica: Replica) -> Path:
    """An environment file, as an operator writes one, for a crawl of the replica."""
    port = urlsplit(replica.url).port
    registry = tmp_path / "sites.toml"
    registry.write_text(
        f'[[site]]\nhost = "127.0.0.1:{port}"\nscheme = "http"\n'
        'listings.th = ["/th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4"]\n'
        'listings.en = ["/en/content-category/press-release"]\n',
        "utf-8",
    )
    lines = [
        'MFA_CRAWL_OPTIONS="-a site=all -s AUTOTHROTTLE_ENABLED=False -s DOWNLOAD_DELAY=0"',
        f"ARCHIVE_URI={tmp_path / 'archive'}",
        f"SITE_REGISTRY={registry}",
        "ALLOW_PRIVATE_HOSTS=127.0.0.1",
        "ARCHIVE_CONTACT=test@example.org",
    ]
    path = tmp_path / "mfa-archive.env"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _read_env(path: Path) -> dict[str, str]:
    """An environment file as systemd reads it (a value's double quotes removed)."""
    pairs = (
        line.split("=", 1)
        for line in path.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    )
    return {key: value.removeprefix('"').removesuffix('"') for key, value in pairs}


def _archived(tmp_path: Path) -> tuple[int, int]:
    archive = tmp_path / "archive"
    return len(list(archive.rglob("article.json"))), len(list((archive / "runs").glob("*.json")))


def test_the_systemd_service_runs_the_documented_command(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    unit = (INFRA / "systemd" / "mfa-archive.service").read_text("utf-8")
    fields = dict(re.findall(r"^(\w+)=(.*)$", unit, re.MULTILINE))
    assert fields["WorkingDirectory"] == HOME
    assert fields["EnvironmentFile"] == "/etc/mfa-archive/mfa-archive.env"
    command = fields["ExecStart"].removeprefix(HOME + "/")
    assert command == documented_command()
    timer = (INFRA / "systemd" / "mfa-archive.timer").read_text("utf-8")
    assert "OnCalendar=" in timer and "Unit=mfa-archive.service" in timer
    environment = _read_env(_environment(tmp_path, fresh_replica))
    # systemd: $VAR is split on white space into arguments; the unit's environment is the file
    argv = [
        word
        for part in shlex.split(command)
        for word in (environment[part[1:]].split() if part.startswith("$") else [part])
    ]
    done = subprocess.run(
        argv,
        cwd=REPO,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert _archived(tmp_path) == (58, 1)


def test_the_cron_line_runs_the_documented_command(tmp_path: Path, fresh_replica: Replica) -> None:
    line = (INFRA / "cron" / "mfa-archive.cron").read_text("utf-8").strip().splitlines()[-1]
    schedule, user, shell = line.split(None, 5)[:5], line.split(None, 6)[5], line.split(None, 6)[6]
    assert len(schedule) == 5 and user == "mfa-archive"
    command = shell.split(" && ")[-1].split(" >> ")[0]
    assert command == documented_command()
    env_file = _environment(tmp_path, fresh_replica)
    log = tmp_path / "crawl.log"
    run = shell.replace(f"cd {HOME}", f"cd {shlex.quote(str(REPO))}")
    run = run.replace("/etc/mfa-archive/mfa-archive.env", str(env_file))
    run = run.replace("/var/log/mfa-archive/crawl.log", str(log))
    done = subprocess.run(
        ["/bin/sh", "-c", run],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, log.read_text("utf-8")[-3000:]
    assert _archived(tmp_path) == (58, 1)


def _find(node: Any, *path: str | int) -> Any:
    for step in path:
        node = node[step]
    return node


def test_the_kubernetes_cronjob_has_what_kubernetes_requires() -> None:
    documents = list(yaml.safe_load_all((INFRA / "kubernetes" / "cronjob.yaml").read_text()))
    [job] = [d for d in documents if d["kind"] == "CronJob"]
    assert job["apiVersion"] == "batch/v1" and job["metadata"]["name"]
    spec = job["spec"]
    assert len(spec["schedule"].split()) == 5 and spec["concurrencyPolicy"] == "Forbid"
    pod = _find(spec, "jobTemplate", "spec", "template", "spec")
    assert pod["restartPolicy"] in ("Never", "OnFailure")
    [container] = pod["containers"]
    assert container["name"] and container["image"]
    assert container["command"][-1] == documented_command()
    env = {e["name"]: e for e in container["env"]}
    assert env["ARCHIVE_URI"]["value"].startswith("s3://")
    for secret in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        assert env[secret]["valueFrom"]["secretKeyRef"]["name"]  # from a Secret, not a value
    [mount] = container["volumeMounts"]
    assert env["STATE_DIR"]["value"].startswith(mount["mountPath"])
    [volume] = pod["volumes"]
    claim = volume["persistentVolumeClaim"]["claimName"]
    assert any(
        d["kind"] == "PersistentVolumeClaim" and d["metadata"]["name"] == claim for d in documents
    )


def test_the_image_runs_the_documented_command() -> None:
    text = (INFRA / "container" / "Containerfile").read_text("utf-8")
    [cmd] = [line for line in text.splitlines() if line.startswith("CMD ")]
    assert yaml.safe_load(cmd.removeprefix("CMD "))[-1] == documented_command()
    assert "requirements.lock" in text and "scripts/setup.sh" not in text  # no dev tools


def test_the_image_installs_the_runtime_dependencies_pinned_and_nothing_else() -> None:
    """Every dependency of pyproject.toml pinned in the lock, within its range; no tool of
    the development extra that is not also a runtime dependency."""
    from packaging.requirements import Requirement

    lock = {}
    for line in (INFRA / "container" / "requirements.lock").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            lock[name.lower().replace("_", "-")] = version
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    for requirement in map(Requirement, project["dependencies"]):
        name = requirement.name.lower().replace("_", "-")
        assert name in lock and requirement.specifier.contains(lock[name]), requirement
    development = {Requirement(d).name.lower() for d in project["optional-dependencies"]["dev"]}
    assert not development & set(lock), development & set(lock)


def test_the_example_environment_reads_the_same_in_systemd_and_sh() -> None:
    example = INFRA / "env" / "mfa-archive.env"
    script = f'set -a && . {shlex.quote(str(example))} && printf %s "$MFA_CRAWL_OPTIONS"'
    shell = subprocess.run(
        ["/bin/sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
        env={},
    )
    assert shell.stdout == _read_env(example)["MFA_CRAWL_OPTIONS"] == "-a site=all"
