"""The history of runs, read from the reports: last runs, last healthy run per site."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawler.runs import history
from crawler.runs.report import RunReport
from crawler.storage.local import LocalStorage

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def _run(days_ago: float, healthy: bool, *sites: str) -> RunReport:
    started = NOW - timedelta(days=days_ago)
    return RunReport(
        started=started,
        finished=started + timedelta(minutes=5),
        healthy=healthy,
        scope={"sites": list(sites)},
    )


def test_reports_are_kept_under_runs_and_read_back_oldest_first(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    runs = [_run(3, True, "a"), _run(1, False, "a"), _run(2, True, "a")]
    for run in runs:
        storage.put(run.key, run.dump(), "application/json")
    assert runs[0].key.startswith("runs/20261130T020000.000Z_")
    assert [r.started for r in history.reports(storage)] == sorted(r.started for r in runs)
    assert [r.started for r in history.reports(storage, last=1)] == [runs[1].started]


def test_two_runs_started_within_one_second_keep_their_order(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    first = _run(1, True, "a").model_copy(update={"run_id": "ffffffff"})
    second = first.model_copy(
        update={"run_id": "00000000", "started": first.started + timedelta(milliseconds=300)}
    )
    for run in (second, first):
        storage.put(run.key, run.dump(), "application/json")
    assert [r.run_id for r in history.reports(storage)] == ["ffffffff", "00000000"]
    assert [r.run_id for r in history.reports(storage, last=1)] == ["00000000"]


def test_each_site_has_its_last_run_and_its_last_healthy_run() -> None:
    runs = [_run(5, True, "a", "b"), _run(3, True, "a"), _run(1, False, "a", "b")]
    records = history.per_site(runs)
    assert records["a"].last_run == runs[2].finished
    assert records["a"].last_healthy == runs[1].finished
    assert records["b"].last_healthy == runs[0].finished
    assert [r.site for r in history.stale(records, 4, NOW)] == ["b"]
    assert [r.site for r in history.stale(records, 2, NOW)] == ["a", "b"]
    never = history.per_site([_run(1, False, "c")])
    assert [r.site for r in history.stale(never, 30, NOW)] == ["c"]
