"""The benchmark's behavioural aims, checked on every run: a missed one is a line at the
end of the table and a non-zero exit status.  Rates and CPU stay figures, not verdicts
(machines differ twice over from one session to the next); what a crawl *does* does not
depend on the machine.

- the full crawl walks every listing to its end (else every later run is full again)
  and is healthy;
- an incremental run of the unchanged site asks for at most 5% of the full crawl's
  requests;
- after 1% of the articles (the most recent) were updated, the next run catches every
  update.
"""

from __future__ import annotations

from bench.measure import Measure

FULL = "full pipeline -> local disk"
UNCHANGED, UPDATED = "incremental, nothing changed", "incremental, 1% updated"
MAX_INCREMENTAL_SHARE = 0.05


def missed(rows: list[tuple[int, Measure]]) -> list[str]:
    """A line per aim the rows miss (none: every aim met)."""
    by = {(size, m.name): m for size, m in rows}
    lines = []
    for size, measure in rows:
        for walk in measure.extra.get("walks", []):
            if measure.name == FULL and walk != "complete":
                lines.append(f"{size}: {measure.name}: listings not walked to the end ({walk})")
        if measure.extra.get("unhealthy"):
            lines.append(f"{size}: {measure.name}: unhealthy: {measure.extra['unhealthy']}")
    for size in sorted({size for size, _ in rows}):
        full = by.get((size, FULL))
        unchanged = by.get((size, UNCHANGED))
        if full and unchanged and unchanged.requests > MAX_INCREMENTAL_SHARE * full.requests:
            share = 100 * unchanged.requests / full.requests
            lines.append(
                f"{size}: {UNCHANGED}: {share:.1f}% of the full crawl's requests"
                f" (aim: at most {100 * MAX_INCREMENTAL_SHARE:.0f}%)"
            )
        updated = by.get((size, UPDATED))
        if updated and updated.extra.get("caught", 0) < updated.extra.get("updated_on_site", 0):
            lines.append(
                f"{size}: {UPDATED}: caught {updated.extra['caught']} of"
                f" {updated.extra['updated_on_site']} updates (aim: all)"
            )
    return lines
