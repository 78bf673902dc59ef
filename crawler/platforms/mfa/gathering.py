"""What the boxes after the metadata show besides text: pictures, videos and files.

Pictures are kept once per original URL (a slider serves a slide twice, a
``<noscript>`` repeats a lazy span), with the caption their item shows; videos come
from the video section's items, from links to video sites and from embedded players;
attachments from links to documents (in an attachment section, from every link).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.platforms.mfa.boxes import Box
from crawler.platforms.mfa.chrome import box_links
from crawler.platforms.mfa.items import is_video_url, item_of, item_text
from crawler.platforms.mfa.media import carriers_in, picture_urls, video_link
from crawler.platforms.mfa.vocabulary import DEFAULT_CAPTIONS, GALLERY, VIDEO, normalised
from crawler.platforms.page import ParsedPage, is_document_url, one_line
from schemas.assess import RawArticle
from schemas.models import Attachment, Finding, ImageRef, VideoRef

_DEFAULT = {normalised(c) for c in DEFAULT_CAPTIONS}


@dataclass
class Picture:
    url: str
    served: str
    caption: str | None
    heading: str | None
    """The heading of the gallery it was found in (its caption if it has none)."""


@dataclass
class Section:
    """A section a heading opened, and how many pictures or videos were found in it."""

    kind: str
    heading: str
    found: int = 0


@dataclass
class Gathering:
    """Pictures, videos and attachments, in the order the page shows them."""

    page: ParsedPage
    pictures: dict[str, Picture] = field(default_factory=dict)
    videos: dict[str, VideoRef] = field(default_factory=dict)
    attachments: dict[str, Attachment] = field(default_factory=dict)
    items: list[HtmlElement] = field(default_factory=list)
    """The items (a picture with what belongs to it) seen so far."""
    stop: set[HtmlElement] = field(default_factory=set)
    """The open section's heading: no item holds it."""

    def in_item(self, box: Box) -> bool:
        chain = (box.owner, *box.owner.iterancestors())
        return any(item in chain for item in self.items)

    def has_pictures(self, box: Box) -> bool:
        page = self.page
        return any(picture_urls(c, page) for node in box.nodes for c in carriers_in(node, page))

    def pictures_of(self, box: Box, shown: bool, heading: str | None = None) -> int:
        """Take the box's pictures (``shown``: in a gallery, where an item's text is its
        caption); returns how many were new."""
        taken = 0
        for node in box.nodes:
            for carrier in carriers_in(node, self.page):
                urls = picture_urls(carrier, self.page)
                if urls is None:
                    continue
                item = item_of(carrier, urls.url, self.page, self.stop) if shown else carrier
                self.items.append(item)
                caption = item_text(item, carrier, self.page, shown)
                known = self.pictures.get(urls.url)
                if known is None:
                    self.pictures[urls.url] = Picture(urls.url, urls.served, caption, heading)
                    taken += 1
                elif known.caption is None:
                    known.caption = caption
        return taken

    def media(self, box: Box, state: str, section: Section | None) -> None:
        """A box of the gallery or the video section."""
        assert section is not None
        if state == GALLERY:
            section.found += self.pictures_of(box, True, section.heading)
            return
        for node in box.nodes:
            for carrier in carriers_in(node, self.page):
                urls = picture_urls(carrier, self.page, linked=True)
                if urls is None:
                    continue
                item = item_of(carrier, urls.url, self.page, self.stop)
                self.items.append(item)
                link = video_link(item, carrier, self.page)
                title = item_text(item, carrier, self.page, True)
                self.video(
                    VideoRef(
                        title=title,
                        url=link,
                        thumbnail_url=urls.url,
                        thumbnail_served_url=urls.served,
                    ),
                    section,
                )
        self.embeds(box, section)
        for anchor, url in box_links(box, self.page):
            if is_video_url(url) and not any(v.url == url for v in self.videos.values()):
                title = one_line(" ".join(self.page.lines(anchor)))
                self.video(VideoRef(title=title, url=url), section)

    def video(self, video: VideoRef, section: Section | None) -> None:
        key = video.url or video.thumbnail_url or video.title or str(len(self.videos))
        if key not in self.videos:
            self.videos[key] = video
            if section is not None and section.kind == VIDEO:
                section.found += 1

    def embeds(self, box: Box, section: Section | None) -> None:
        """Players embedded in the box (YouTube, Facebook, Vimeo iframes; ``<video>``)."""
        for node in box.nodes:
            for embed in node.iter("iframe", "video", "embed"):
                link = video_link(embed, None, self.page)
                if link is not None and (embed.tag != "iframe" or is_video_url(link)):
                    self.video(VideoRef(title=one_line(embed.get("title")), url=link), section)

    def attach(self, box: Box, everything: bool) -> None:
        """Documents the box links (``everything``: every web link, in a file section)."""
        for anchor, url in box_links(box, self.page):
            wanted = is_document_url(url) or (
                everything and urlsplit(url).scheme in ("http", "https")
            )
            if wanted and url not in self.attachments:
                title = one_line(" ".join(self.page.lines(anchor))) or one_line(anchor.get("title"))
                self.attachments[url] = Attachment(url=url, title=title)

    def write(self, raw: RawArticle, sections: list[Section]) -> None:
        """Images, videos, attachments and the findings of empty sections into ``raw``."""
        for picture in self.pictures.values():
            caption = picture.caption
            if caption is None and picture.heading and normalised(picture.heading) in _DEFAULT:
                caption = picture.heading
            raw.images.append(ImageRef(url=picture.url, served_url=picture.served, caption=caption))
        raw.videos = list(self.videos.values())
        raw.attachments = list(self.attachments.values())
        for section in sections:
            if section.kind in (GALLERY, VIDEO) and not section.found:
                what = "image" if section.kind == GALLERY else "video"
                reason = f"the page shows a {section.kind} heading but no {what} was found under it"
                field_name = "images" if section.kind == GALLERY else "videos"
                raw.notes.append(Finding(field=field_name, value=section.heading, reason=reason))
