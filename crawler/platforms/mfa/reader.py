"""Reading the boxes after the metadata: body, pictures, videos, attachments.

The body is decided by what each box is, not by where a layout puts it:

* a box whose only line is a section heading (:mod:`.vocabulary`) opens that section:
  the gallery and video sections give pictures and videos, attachments give files,
  related news and tags give nothing; none of them is body, and the body ends there;
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
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.platforms.mfa.boxes import Box
from crawler.platforms.mfa.cards import Cards
from crawler.platforms.mfa.chrome import box_links, is_chrome, is_link, labelled_links
from crawler.platforms.mfa.header import header_fields, header_lines
from crawler.platforms.mfa.items import (
    is_video_url,
    item_of,
    item_text,
    media_container,
    section_root,
)
from crawler.platforms.mfa.media import carriers, picture_urls, video_link
from crawler.platforms.mfa.vocabulary import (
    ATTACHMENTS,
    DEFAULT_CAPTIONS,
    GALLERY,
    SHARE,
    VIDEO,
    is_decoration,
    normalised,
    section_kind,
)  # fmt: skip
from crawler.platforms.page import ParsedPage, is_document_url, one_line
from schemas.assess import RawArticle
from schemas.models import Attachment, Finding, ImageRef, VideoRef
from schemas.textform import read_header_line

BODY, AFTER = "body", "after"
_DEFAULT = {normalised(c) for c in DEFAULT_CAPTIONS}


@dataclass
class _Picture:
    url: str
    served: str
    caption: str | None
    heading: str | None


@dataclass
class _Section:
    kind: str
    heading: str
    found: int = 0


@dataclass
class Reader:
    """Feeds on boxes in document order; :meth:`finish` writes what it read into ``raw``."""

    page: ParsedPage
    cards: Cards
    raw: RawArticle
    state: str = BODY
    body_level: int | None = None
    section: _Section | None = None
    heading_owner: HtmlElement | None = None
    section_root: HtmlElement | None = None
    sections: list[_Section] = field(default_factory=list)
    pictures: dict[str, _Picture] = field(default_factory=dict)
    videos: dict[str, VideoRef] = field(default_factory=dict)
    attachments: dict[str, Attachment] = field(default_factory=dict)
    items: list[HtmlElement] = field(default_factory=list)
    media: dict[HtmlElement, int] = field(default_factory=dict)
    guarded: set[HtmlElement] = field(default_factory=set)
    """The metadata block and its ancestors: no gallery holds them."""
    skipped: set[HtmlElement] = field(default_factory=set)
    """Elements read already (a headline after the metadata): never body."""

    def feed(self, box: Box) -> None:
        if any(node in self.skipped for node in (box.owner, *box.owner.iterancestors())):
            return
        heading = box.lines[0] if len(box.lines) == 1 else None
        kind = section_kind(heading) if heading is not None else None
        if kind is not None and (is_link(box, self.page) or self._in_item(box)):
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
            if not self.raw.body and self._is_prose(box):
                self.state = BODY
                self._body(box)
            else:
                self._media(box)
        elif self.state == ATTACHMENTS:
            self._attach(box, everything=True)
            self._take_pictures(box, shown=True)
        elif not box.outer:  # after the body, in related news or tags
            self._take_pictures(box, shown=True)

    def _in_item(self, box: Box) -> bool:
        chain = (box.owner, *box.owner.iterancestors())
        return any(item in chain for item in self.items)

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
        self.section_root = section_root(box.owner, self.page, self.guarded)
        self.section = _Section(kind, heading)
        self.sections.append(self.section)
        self.heading_owner = box.owner

    def _is_prose(self, box: Box) -> bool:
        """Text after a section heading that is body after all (a slider above the
        article): not a decoration, not in a picture's item, and not inside the element
        the heading opens (a video's title under its player)."""
        if not any(not is_decoration(line) for line in box.lines):
            return False
        chain = (box.owner, *box.owner.iterancestors())
        if self.section_root is not None and self.section_root in chain:
            return False
        return not any(item in chain for item in self.items)

    def _body(self, box: Box) -> None:
        beyond = box.outer or (self.body_level is not None and box.level > self.body_level)
        if box.lines and beyond:
            self.state = AFTER if self.raw.body else self.state
            return
        if beyond:
            return
        if (
            box.lines
            and media_container(box.owner, bool(box.lines), self.page, self.guarded, self.media)
            is not None
        ):
            self._take_pictures(box, shown=True)
            return
        self._take_pictures(
            box,
            shown=media_container(box.owner, bool(box.lines), self.page, self.guarded, self.media)
            is not None,
        )
        self._embeds(box)
        lines = box.lines
        if lines and all(is_decoration(line) for line in lines) and self._has_pictures(box):
            return
        if lines:
            if not self.raw.body:
                self.raw.lines["body"] = box.owner.sourceline or 0
            self.raw.body += lines
            self.body_level = box.level if self.body_level is None else self.body_level
        self._attach(box, everything=False)

    def _has_pictures(self, box: Box) -> bool:
        return any(picture_urls(c, self.page) for node in box.nodes for c in carriers(node))

    def _take_pictures(self, box: Box, shown: bool, heading: str | None = None) -> int:
        taken = 0
        stop = {self.heading_owner} if self.heading_owner is not None else set()
        for node in box.nodes:
            for carrier in carriers(node):
                urls = picture_urls(carrier, self.page)
                if urls is None:
                    continue
                item = item_of(carrier, urls.url, self.page, stop) if shown else carrier
                self.items.append(item)
                caption = item_text(item, carrier, self.page, shown)
                known = self.pictures.get(urls.url)
                if known is None:
                    self.pictures[urls.url] = _Picture(urls.url, urls.served, caption, heading)
                    taken += 1
                elif known.caption is None:
                    known.caption = caption
        return taken

    def _media(self, box: Box) -> None:
        assert self.section is not None
        if self.state == GALLERY:
            self.section.found += self._take_pictures(box, True, self.section.heading)
            return
        stop = {self.heading_owner} if self.heading_owner is not None else set()
        for node in box.nodes:
            for carrier in carriers(node):
                urls = picture_urls(carrier, self.page, linked=True)
                if urls is None:
                    continue
                item = item_of(carrier, urls.url, self.page, stop)
                self.items.append(item)
                link = video_link(item, carrier, self.page)
                title = item_text(item, carrier, self.page, True)
                self._video(VideoRef(title=title, url=link, thumbnail_url=urls.url,
                                     thumbnail_served_url=urls.served))  # fmt: skip
        self._embeds(box)
        for anchor, url in box_links(box, self.page):
            if is_video_url(url) and not any(v.url == url for v in self.videos.values()):
                self._video(VideoRef(title=one_line(" ".join(self.page.lines(anchor))), url=url))

    def _video(self, video: VideoRef) -> None:
        key = video.url or video.thumbnail_url or video.title or str(len(self.videos))
        if key not in self.videos:
            self.videos[key] = video
            if self.section is not None and self.section.kind == VIDEO:
                self.section.found += 1

    def _embeds(self, box: Box) -> None:
        for node in box.nodes:
            for embed in node.iter("iframe", "video", "embed"):
                link = video_link(embed, None, self.page)
                if link is not None and (embed.tag != "iframe" or is_video_url(link)):
                    self._video(VideoRef(title=one_line(embed.get("title")), url=link))

    def _attach(self, box: Box, everything: bool) -> None:
        for anchor, url in box_links(box, self.page):
            wanted = is_document_url(url) or (
                everything and urlsplit(url).scheme in ("http", "https")
            )
            if wanted and url not in self.attachments:
                title = one_line(" ".join(self.page.lines(anchor))) or one_line(anchor.get("title"))
                self.attachments[url] = Attachment(url=url, title=title)

    def finish(self) -> None:
        """Write images, videos, attachments and the findings into ``raw``."""
        for picture in self.pictures.values():
            caption = picture.caption
            if caption is None and picture.heading and normalised(picture.heading) in _DEFAULT:
                caption = picture.heading
            self.raw.images.append(
                ImageRef(url=picture.url, served_url=picture.served, caption=caption)
            )
        self.raw.videos = list(self.videos.values())
        self.raw.attachments = list(self.attachments.values())
        for section in self.sections:
            if section.kind in (GALLERY, VIDEO) and not section.found:
                what = "image" if section.kind == GALLERY else "video"
                reason = f"the page shows a {section.kind} heading but no {what} was found under it"
                field_name = "images" if section.kind == GALLERY else "videos"
                self.raw.notes.append(
                    Finding(field=field_name, value=section.heading, reason=reason)
                )
