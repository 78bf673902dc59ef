"""What only a local archive can hold, for ``scrapy verify``: temporary files left by
interrupted writes (a note; removed by ``--repair``) and symbolic links (never written by
the crawler, never followed by a command: an error)."""

from __future__ import annotations

from crawler.storage.local import LocalStorage


def local_problems(
    storage: LocalStorage, notes: list[str], repaired: list[str], repair: bool
) -> list[str]:
    """The errors of a local archive; notes and repairs are added to those lists."""
    leftovers = [p for p in storage.root.rglob(".*.tmp") if p.is_file()]
    if leftovers:
        notes.append(f"{len(leftovers)} temporary files left by interrupted writes")
    if repair:
        for path in leftovers:
            path.unlink(missing_ok=True)
        if leftovers:
            repaired.append(f"{len(leftovers)} temporary files removed")
    return [
        f"{link}: a symbolic link (to {(storage.root / link).readlink()}); the crawler writes"
        " none, and no command follows it"
        for link in storage.links()
    ]
