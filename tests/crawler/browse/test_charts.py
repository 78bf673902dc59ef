"""The hand-drawn charts: which months and years they span, what each bar says."""

from __future__ import annotations

import re
from collections import Counter

from crawler.browse.charts import RECENT_MONTHS, bars, every_year, months, ranked, years


def test_months_span_the_last_five_years_with_the_gaps_kept() -> None:
    counts = Counter({"2019-03": 1, "2024-11": 2, "2025-02": 1, "undated": 4})
    keys = months(counts, until="2026-12")
    assert keys[-1] == "2025-02" and len(keys) == RECENT_MONTHS
    assert keys[0] == "2020-03" and "2024-12" in keys and "2025-01" in keys
    assert months(Counter({"2025-01": 1, "2025-03": 1}), until="2026-12") == [
        "2025-01",
        "2025-02",
        "2025-03",
    ]
    assert months(Counter({"undated": 3}), until="2026-12") == []
    assert months(Counter({"2024-12": 1, "2025-01": 1}), until="2026-12") == ["2024-12", "2025-01"]
    # A date after the report's month is implausible: it neither shows nor moves the window.
    assert months(Counter({"2026-11": 1, "2099-01": 1}), until="2026-12") == ["2026-11"]


def test_years_leave_out_implausible_dates_and_keep_empty_years() -> None:
    counts = Counter({"1627-05": 1, "2015-01": 2, "2015-06": 1, "2018-02": 3, "2099-01": 1})
    per_year, outside = years(counts, until="2026-12")
    assert (per_year, outside) == (Counter({"2015": 3, "2018": 3}), 2)
    assert every_year(per_year) == ["2015", "2016", "2017", "2018"]


def test_each_bar_says_its_series_key_and_count() -> None:
    series = [("updates", Counter({"2025-01": 4})), ("silent edits", Counter({"2025-03": 2}))]
    svg = bars("Articles", ["2025-01", "2025-02", "2025-03"], series)
    assert re.findall(r"<title>(.*?)</title>", svg) == [
        "updates 2025-01: 4",
        "silent edits 2025-03: 2",
    ]
    assert 'aria-label="Articles"' in svg and ">4</text>" in svg  # the axis top
    heights = [
        float(h)
        for h in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"', svg)
    ]
    assert heights[0] == 2 * heights[1]  # 4 against 2
    assert "nothing dated" in bars("Articles", [], [("a", Counter())])


def test_ranked_bars_largest_first_labels_escaped() -> None:
    svg = ranked("Warnings", Counter({"title: <none>": 1, "body: empty": 5}))
    titles = re.findall(r"<title>(.*?)</title>", svg)
    assert titles == ["body: empty: 5", "title: &lt;none&gt;: 1"]
    assert "none." in ranked("Warnings", Counter())
