"""Reading the boxes after the metadata: the body, and where pictures, videos and
attachments are (:mod:`.gathering` keeps them).

The body is decided by what each box is, not by where a layout puts it:

* a box whose only line is a section heading (:mod:`.vocabulary`) opens that section:
  the gallery and video sections give pictures and videos, attachments give files,
  related news and tags give nothing; none of them is body, and the body ends there.
  A section is the element the heading begins; a heading that stands alone (nothing but
  wrappers of its own around it) owns what follows it, its pictures as loose siblings,
  up to the next heading or a paragraph of prose;
* a card of another article with a picture or a date (related news) ends the body;
* a header line that strayed (a view counter in a row of its own) is read as header;
* a share bar (links to share endpoints, or to social networks with at most a label
  such as "แชร์") and script-only buttons (print, copy link) are skipped;
* text beyond the element holding the title and the metadata, or further out than
  the body's first paragraph (a sidebar beside the article column), is not body;
* every other box is body: its lines are paragraphs, its pictures the article's.

Once the body has ended, only sections and pictures are read; a section that comes
before any body text (a slider above the article) gives way to the first paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement

from crawler.platforms.mfa.boxes import Box
from crawler.platforms.mfa.cards import Cards
from crawler.platforms.mfa.chrome import is_chrome, is_link, labelled_links
from crawler.platforms.mfa.gathering import Gathering, Section
from crawler.platforms.mfa.header import header_fields, header_lines
from crawler.platforms.mfa.items import media_container, section_root
from crawler.platforms.mfa.media import carriers_in
from crawler.platforms.mfa.vocabulary import (
    ATTACHMENTS,
    GALLERY,
    SHARE,
    VIDEO,
    is_decoration,
    section_kind,
)
from crawler.platforms.page import ParsedPage
from schemas.assess import RawArticle
from schemas.textform import read_header_line

BODY, AFTER = "body", "after"


@dataclass
class Reader:
    """Feeds on boxes in document order; :meth:`finish` writes what it read into ``raw``."""

    page: ParsedPage
    cards: Cards
    raw: RawArticle
    state: str = BODY
    body_level: int | None = None
    section: Section | None = None
    section_root: HtmlElement | None = None
    sections: list[Section] = field(default_factory=list)
    media: dict[HtmlElement, int] = field(default_factory=dict)
    guarded: set[HtmlElement] = field(default_factory=set)
    """The metadata block and its ancestors: no gallery holds them."""
    skipped: set[HtmlElement] = field(default_factory=set)
    """Elements read already (a headline after the metadata): never body."""
    gathering: Gathering = field(init=False)

    def __post_init__(self) -> None:
        self.gathering = Gathering(self.page)

    def feed(self, box: Box) -> None:
        if any(node in self.skipped for node in (box.owner, *box.owner.iterancestors())):
            return
        heading = box.lines[0] if len(box.lines) == 1 else None
        kind = section_kind(heading) if heading is not None else None
        if kind is not None and (is_link(box, self.page) or self.gathering.in_item(box)):
            kind = None  # a link to a file named "ดาวน์โหลด", a caption "Images"
        card = self._card(box)
        self._leave_section(box)
        if kind is not None and card is None:
            self._open(kind, heading or "", box)
            return
        labelled = labelled_links(box, self.page) if card is None else None
        if labelled is not None:  # a label and its links on one line: "แท็ก #a #b"
            self._open(*labelled, box)
            return
        if card is not None and (self.cards.rich(card, self.page) or self.state != BODY):
            if self.state == BODY and self.raw.body:
                self.state = AFTER  # related news: the body has ended
            return
        fields = header_fields(box.lines) if box.lines else None
        if fields and fields - {"bare_date"}:
            for line in header_lines(box.lines):
                read_header_line(self.raw, line, box.owner.sourceline or 0, view_last=False)
            return
        if is_chrome(box, self.page):
            return
        if self.state == BODY:
            self._body(box)
        elif self.state in (GALLERY, VIDEO):
            if self._is_prose(box) and (not self.raw.body or self.section_root is None):
                self.state = BODY  # a slider above the article; text after loose pictures
                self._body(box)
            else:
                self.gathering.media(box, self.state, self.section)
        elif self.state == ATTACHMENTS:
            self.gathering.attach(box, everything=True)
            self.gathering.pictures_of(box, shown=True)
        elif not box.outer:  # after the body, in related news or tags
            self.gathering.pictures_of(box, shown=True)

    def _leave_section(self, box: Box) -> None:
        """A box outside the element that a section heading opens ends the section."""
        root = self.section_root
        if root is None or self.state in (BODY, AFTER):
            return
        if box.owner is not root and root not in box.owner.iterancestors():
            self.state = AFTER if self.raw.body else BODY
            self.section_root = None

    def _card(self, box: Box) -> HtmlElement | None:
        for node in (box.owner, *box.nodes):
            container = self.cards.container_of(node)
            if container is not None:
                return container
        return None

    def _open(self, kind: str, heading: str, box: Box) -> None:
        if kind == SHARE:
            return  # a label; the links beside it are a share bar
        self.state = kind
        root = section_root(box.owner, self.page, self.guarded)
        if (
            root is not None
            and self.page.lines(root) == box.lines
            and not carriers_in(root, self.page)
        ):
            root = None  # a heading in wrappers of its own: its section runs to the next one
        self.section_root = root
        self.section = Section(kind, heading)
        self.sections.append(self.section)
        self.gathering.stop = {box.owner}  # no picture's item holds the heading

    def _is_prose(self, box: Box) -> bool:
        """Text after a section heading that is body after all (a slider above the
        article): not a decoration, not in a picture's item, and not inside the element
        the heading opens (a video's title under its player)."""
        if not any(not is_decoration(line) for line in box.lines):
            return False
        chain = (box.owner, *box.owner.iterancestors())
        if self.section_root is not None and self.section_root in chain:
            return False
        return not any(item in chain for item in self.gathering.items)

    def _body(self, box: Box) -> None:
        beyond = box.outer or (self.body_level is not None and box.level > self.body_level)
        if box.lines and beyond:
            self.state = AFTER if self.raw.body else self.state
            return
        if beyond:
            return
        shown = media_container(box.owner, bool(box.lines), self.page, self.guarded, self.media)
        self.gathering.pictures_of(box, shown=shown is not None)
        if box.lines and shown is not None:
            return  # a gallery with no heading: its text is captions
        self.gathering.embeds(box, self.section)
        lines = box.lines
        if (
            lines
            and all(is_decoration(line) for line in lines)
            and self.gathering.has_pictures(box)
        ):
            return
        if lines:
            if not self.raw.body:
                self.raw.lines["body"] = box.owner.sourceline or 0
            self.raw.body += lines
            self.body_level = box.level if self.body_level is None else self.body_level
        self.gathering.attach(box, everything=False)

    def finish(self) -> None:
        """Write images, videos, attachments and the findings into ``raw``."""
        self.gathering.write(self.raw, self.sections)
