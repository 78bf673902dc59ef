"""The runs an archive has seen, read back from their reports (``scrapy runs``, metrics).

Reports sort by their keys (start times first), so the last runs are the last keys;
for each site the history says when it last ran and when it last ran healthy, and which
sites have not had a healthy run for a number of days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from crawler.runs.report import RunReport
from crawler.storage import Storage
from crawler.storage.layout import RUNS


@dataclass(frozen=True)
class SiteRecord:
    """A site as the reports tell it."""

    site: str
    last_run: datetime
    last_healthy: datetime | None


def reports(storage: Storage, last: int | None = None) -> list[RunReport]:
    """The run reports, oldest first (the ``last`` ones only, if given)."""
    keys = sorted(key for key in storage.list(RUNS) if key.endswith(".json"))
    found = []
    for key in keys[-last:] if last else keys:
        data = storage.get(key)
        report = RunReport.read(data) if data is not None else None
        if report is not None:
            found.append(report)
    return sorted(found, key=lambda report: (report.started, report.key))


def per_site(runs: list[RunReport]) -> dict[str, SiteRecord]:
    """Each site's last run and last healthy run (``runs`` oldest first)."""
    records: dict[str, SiteRecord] = {}
    for run in runs:
        for site in run.scope.get("sites", []):
            earlier = records.get(site)
            healthy = run.finished if run.healthy else (earlier.last_healthy if earlier else None)
            records[site] = SiteRecord(site, run.finished, healthy)
    return records


def stale(records: dict[str, SiteRecord], days: float, now: datetime) -> list[SiteRecord]:
    """Sites with no healthy run in the last ``days`` days."""
    limit = now - timedelta(days=days)
    return [
        record
        for record in sorted(records.values(), key=lambda r: r.site)
        if record.last_healthy is None or record.last_healthy < limit
    ]
