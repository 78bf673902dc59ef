"""Checking an archive, and repairing what can be derived: ``scrapy verify [--repair]``.

Errors (the archive is not what it claims):
- a file under ``media/`` whose bytes are not what its name (their SHA-256) says, or a
  record or URL entry naming a file the archive lacks (:mod:`crawler.media.checks`);
- a symbolic link anywhere in a local archive (never written by the crawler; never read);
- a record that does not validate, or whose content hash or key does not match it;
- a version without its text or HTML, or whose text is not the rendering of its record,
  or whose HTML is not the page its WARC record holds (cut short, altered);
- a dedup state entry for a version the store does not hold;
- a ``latest.json`` that is missing or points at a missing or older version, once the
  dedup state has recorded the newest version (before that, a crash can leave the
  pointer behind: a note; the next store of the article or ``--repair`` moves it).
  A pointer back at an earlier version whose fetch time is later than every record's
  is a page that reverted to that version: no error.

``--repair`` also rewrites a missing or wrong ``article.txt`` from its record (the raw
HTML, if lost, cannot be derived and stays an error).

Notes (harmless, reported): versions a crash left uncommitted (no record: invisible, and
completed when the article is next stored), temporary files, versions the state has not
recorded yet (it lags the store after a crash; the next run records them), versions whose
WARC record is in a file the archive does not hold yet (a file is stored once complete:
a crawl still running holds it, or a killed one's machine until its next crawl).

``--repair`` rebuilds the dedup state and the revisit schedule from the store, rewrites
the ``latest.json`` pointers, and removes temporary files of a local archive.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from crawler.media.checks import check_media, pointers
from crawler.state.backend import State
from crawler.state.rebuild import rebuild_state
from crawler.storage.archive import Archive
from crawler.storage.events import event_problems
from crawler.storage.layout import (
    ARTICLES,
    EVENTS,
    LATEST,
    PAGE,
    PARTS,
    RECORD,
    TEXT,
    TEXT_TYPE,
    WARC_FOLDER,
    LatestPointer,
    article_of,
    version_key,
)
from crawler.storage.local import LocalStorage
from crawler.verify.local import local_problems
from crawler.verify.pages import page_problems
from schemas.digest import content_sha256
from schemas.models import ArchivedArticle
from schemas.textform import render


@dataclass
class Report:
    """What verification found."""

    versions: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    pointed_files: dict[str, str] = field(default_factory=dict)
    """SHA-256 of each file a record says the archive holds -> a version naming it."""

    @property
    def ok(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        verdict = "OK" if self.ok else f"{len(self.errors)} errors"
        head = f"verify: {verdict}: {self.versions} versions of {self.articles} articles"
        return [
            head,
            *(f"  error: {e}" for e in self.errors),
            *(f"  note: {n}" for n in self.notes),
            *(f"  repaired: {r}" for r in self.repaired),
        ]


def _check_version(
    archive: Archive, key: str, files: set[str], report: Report, repair: bool
) -> ArchivedArticle | None:
    missing = [name for name in PARTS if name not in files]
    if RECORD in missing:
        report.notes.append(f"{key}: uncommitted version (no record; a crash leftover)")
        return None
    storage = archive.storage
    try:
        article = ArchivedArticle.model_validate_json(storage.get(f"{key}/{RECORD}") or b"")
    except ValidationError as exc:
        report.errors.append(f"{key}/{RECORD}: invalid record: {exc.errors()[0]['msg']}")
        return None
    report.versions += 1
    report.pointed_files.update(dict.fromkeys(pointers(article), key))
    text = render(article).encode("utf-8")
    stored_text = storage.get(f"{key}/{TEXT}") if TEXT in files or repair else None
    if repair and stored_text != text:
        storage.put(f"{key}/{TEXT}", text, TEXT_TYPE)
        report.repaired.append(f"{key}/{TEXT} rewritten from its record")
        files.add(TEXT)
        stored_text = text
        missing = [name for name in PARTS if name not in files]
    if missing:
        report.errors.append(f"{key}: committed version without {', '.join(missing)}")
    if content_sha256(article) != article.content_sha256:
        report.errors.append(f"{key}: content_sha256 does not match the record's content")
    expected = version_key(article)
    if expected != key:
        report.errors.append(f"{key}: the record belongs at {expected}")
    if TEXT in files and stored_text != text:
        report.errors.append(f"{key}/{TEXT} is not the rendering of its record")
    return article


def verify(archive: Archive, state: State | None, repair: bool = False) -> Report:
    """Check every version, pointer and state entry; with ``repair``, fix what derives
    (``repair`` needs the state)."""
    report = Report()
    files, pointers, events = _article_files(archive)
    held = set(archive.storage.list(WARC_FOLDER))
    latest, stored, pointed = _check_versions(archive, files, held, report, repair)
    report.articles = len(latest)
    recorded = state.versions.all_keys() if state is not None else stored
    for prefix, (key, article) in sorted(latest.items()):
        _check_pointer(
            archive, prefix, key, article, prefix in pointers, stored, recorded, report, repair
        )
    for name, count in sorted(pointed.items()):
        if name not in held:
            report.notes.append(f"{count} versions point to {name}, not in the archive yet")
    report.errors.extend(event_problems(archive.storage, events))
    media = check_media(archive.storage, report.pointed_files)
    report.errors.extend(media.errors)
    if media.files:
        report.notes.append(f"media: {media.files} files, {media.bytes} bytes, each checked")
    if state is not None:
        _check_state(recorded, stored, report, repair)
    if repair and state is not None:
        count = rebuild_state(archive, state)
        report.repaired.append(f"dedup state and revisit schedule rebuilt from {count} versions")
    if isinstance(archive.storage, LocalStorage):
        report.errors.extend(local_problems(archive.storage, report.notes, report.repaired, repair))
    return report


def _article_files(archive: Archive) -> tuple[dict[str, set[str]], set[str], list[str]]:
    """The files of each version folder, the article folders with a pointer, and the
    events' keys (checked by :func:`event_problems`)."""
    files: dict[str, set[str]] = defaultdict(set)
    pointers: set[str] = set()
    events: list[str] = []
    for key in archive.storage.list(ARTICLES):
        folder, name = key.rsplit("/", 1)
        if EVENTS in key:
            events.append(key)
        elif name == LATEST:
            pointers.add(folder)
        else:
            files[folder].add(name)
    return files, pointers, events


def _check_versions(
    archive: Archive, files: dict[str, set[str]], held: set[str], report: Report, repair: bool
) -> tuple[dict[str, tuple[str, ArchivedArticle]], set[str], Counter[str]]:
    """Every version checked: the newest of each article, the stored versions, and how
    many versions point to each WARC file."""
    latest: dict[str, tuple[str, ArchivedArticle]] = {}
    stored: set[str] = set()
    pointed: Counter[str] = Counter()
    for key in sorted(files):
        article = _check_version(archive, key, files[key], report, repair)
        if article is None:
            continue
        stored.add(key)
        if article.warc_record is not None:
            pointed[article.warc_record.file] += 1
            if article.warc_record.file in held and PAGE in files[key]:
                report.errors.extend(page_problems(archive, key, article))
        prefix = article_of(key)
        if prefix not in latest or article.fetched_at > latest[prefix][1].fetched_at:
            latest[prefix] = (key, article)
    return latest, stored, pointed


def _check_pointer(
    archive: Archive,
    prefix: str,
    key: str,
    article: ArchivedArticle,
    has_pointer: bool,
    stored: set[str],
    recorded: set[str],
    report: Report,
    repair: bool,
) -> None:
    """An article's ``latest.json`` points at its newest version (or back, on purpose)."""
    pointer = archive.latest(prefix) if has_pointer else None
    if (pointer is not None and pointer.version == key) or _is_revert(
        pointer, prefix, stored, article
    ):
        return
    target = pointer.version if pointer else None
    problem = f"{prefix}/{LATEST} points at {target}, not {key}"
    if repair:
        archive.move_latest(article, key, newest=True)
        report.repaired.append(problem)
    elif key in recorded:
        report.errors.append(problem)
    else:  # a crash between the version and its pointer: the next store fixes it
        report.notes.append(f"{problem} (the version is not recorded yet)")


def _is_revert(
    pointer: LatestPointer | None, prefix: str, stored: set[str], newest: ArchivedArticle
) -> bool:
    """Whether ``latest.json`` points back at an earlier stored version on purpose: the
    page was fetched again as that version (``reverted``) after the newest record."""
    if pointer is None or pointer.version not in stored or article_of(pointer.version) != prefix:
        return False
    try:
        return datetime.fromisoformat(pointer.fetched_at) >= newest.fetched_at
    except ValueError:
        return False


def _check_state(recorded: set[str], stored: set[str], report: Report, repair: bool) -> None:
    for key in sorted(recorded - stored):
        problem = f"the dedup state claims {key}, which the store does not hold"
        (report.repaired if repair else report.errors).append(problem)
    lagging = stored - recorded
    if lagging:
        report.notes.append(f"{len(lagging)} stored versions not yet in the dedup state")
