"""The metrics read back with Prometheus' own parser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from prometheus_client.parser import text_string_to_metric_families

from crawler.runs import history, metrics
from crawler.runs.report import RunReport

START = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_the_last_run_as_metrics() -> None:
    earlier = RunReport(
        started=START - timedelta(days=1),
        finished=START - timedelta(hours=23),
        healthy=True,
        scope={"sites": ['odd"site', "b.example"]},
    )
    run = RunReport(
        started=START,
        finished=START + timedelta(seconds=90),
        healthy=False,
        requests=70,
        scope={"sites": ['odd"site', "b.example"]},
        sites={'odd"site': {"new": 3, "failed": 2}, "b.example": {"new": 0, "failed": 0}},
    )
    samples = _samples(metrics.render(run, history.per_site([earlier, run])))
    assert samples[("mfa_articles", (("outcome", "new"), ("site", 'odd"site')))] == 3
    assert samples[("mfa_fetch_failures", (("site", 'odd"site'),))] == 2
    assert samples[("mfa_requests", ())] == 70
    assert samples[("mfa_run_duration_seconds", ())] == 90  # the report's end - start: a value
    assert samples[("mfa_run_healthy", ())] == 0
    last = samples[("mfa_last_success_timestamp_seconds", (("site", "b.example"),))]
    assert last == earlier.finished.timestamp()  # an unhealthy night keeps the earlier success
