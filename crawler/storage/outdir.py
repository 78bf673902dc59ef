"""The one rule for every command that writes a folder (``scrapy report``, ``scrapy
export``, and any later one): it writes only into a folder that is empty or that the
same command wrote before (a marker file it leaves there), never into the root of the
file system, the home folder, the folder the shell is in (or one holding it), the
archive or a folder holding the archive, its state or its spool.  A folder it may not
write is refused before anything is read or written, in one line; what was in it stays.

A command that replaces its folder whole (the report) builds beside it under
``.<name>.building`` and keeps the previous one as ``.<name>.old`` for a moment: those
siblings are removed only when they hold the command's marker too (it is written into
``.building`` first of all), so a folder of the user's that happens to bear such a name
is never deleted.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class OutdirRefused(Exception):
    """The command may not write this folder; the message says why and what to do."""


def _resolved(path: Path) -> Path:
    return path.expanduser().resolve()


def checked_outdir(
    outdir: Path,
    marker: str,
    command: str,
    protected: Iterable[Path],
    written_before: Callable[[list[str]], bool] = lambda _names: False,
) -> Path:
    """``outdir`` resolved (``.`` and links), if the command may write it; else
    :class:`OutdirRefused`.  ``protected``: the archive's folders on this machine;
    ``written_before``: whether a folder holding these names (and no marker) is the
    command's own all the same (written by a version before the marker)."""
    path = _resolved(outdir)
    if path.parent == path:
        raise OutdirRefused(f"{path} is the root of the file system: name a folder of its own")
    if path == _resolved(Path.home()):
        raise OutdirRefused(f"{path} is the home folder: name a folder of its own")
    if _resolved(Path.cwd()).is_relative_to(path):
        raise OutdirRefused(f"{path} holds this shell's folder: run {command} from outside it")
    for kept in (_resolved(p) for p in protected):
        if kept.is_relative_to(path):
            raise OutdirRefused(f"{path} holds the archive's {kept}: name another folder")
        if path.is_relative_to(kept):
            raise OutdirRefused(f"{path} lies inside the archive's {kept}: name another folder")
    if path.exists() and not path.is_dir():
        raise OutdirRefused(f"{path} is a file, not a folder")
    names = [entry.name for entry in path.iterdir()] if path.is_dir() else []
    if names and not (path / marker).is_file() and not written_before(names):
        raise OutdirRefused(
            f"{path} is not empty and was not written by {command}: name an empty or new folder"
        )
    return path


def _remove_own(folder: Path, marker: str) -> None:
    """Remove ``folder`` if it is the command's own (its marker), refuse otherwise."""
    if folder.is_symlink() or (folder.exists() and not (folder / marker).is_file()):
        raise OutdirRefused(f"{folder} is in the way and was not written by this command")
    shutil.rmtree(folder, ignore_errors=True)


def replace_whole(outdir: Path, marker: str, note: str, build: Callable[[Path], T]) -> T:
    """Run ``build`` on a fresh folder beside ``outdir`` (checked: :func:`checked_outdir`),
    then put it in ``outdir``'s place: never half old and half new; an interrupted build
    leaves the previous folder as it was."""
    building = outdir.with_name(f".{outdir.name}.building")
    old = outdir.with_name(f".{outdir.name}.old")
    _remove_own(building, marker)
    _remove_own(old, marker)
    building.mkdir(parents=True)
    (building / marker).write_text(note, encoding="utf-8")
    try:
        result = build(building)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    if outdir.exists():
        outdir.rename(old)
    building.rename(outdir)
    shutil.rmtree(old, ignore_errors=True)
    return result
