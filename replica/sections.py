"""The parts of an article page after its body, in a layout's markup.

Each renderer returns the HTML and what a right reading finds in it (images, videos,
attachments), so that the page and its expected record come from one place.  The
gallery and video sections follow ``real-markup/``: an ``h4`` heading, a slick slider,
lazy-loading spans with a blurred ``r_50x50`` placeholder and a ``div[title]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from replica.content import Page
from replica.markup import Markup
from replica.media import IMAGE_HOSTS, SHARED_FILE, image_host

GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


@dataclass
class Part:
    html: str = ""
    images: list[dict[str, Any]] = field(default_factory=list)
    videos: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)


def lazy_span(m: Markup, url: str) -> str:
    shown = f"&quot;{url}&quot;" if m.layout.file_names == "parens-quoted" else url
    style = f"background-image:url({shown});background-size:100% 100%;color:transparent;display:inline-block"
    return (
        f'<div{m.cls("lazy-image")}><span class=" lazy-load-image-background blur" style="{style}">'
        '<span class="" style="display:inline-block"></span></span></div>'
    )


def _slides(m: Markup, items: list[str]) -> str:
    slider = m.layout.slider
    if slider == "slick":
        slides = "".join(
            f'<div data-index="{i}" class="slick-slide{" slick-active slick-current" if i == 0 else ""}"'
            f' tabindex="-1" aria-hidden="{"false" if i == 0 else "true"}" style="outline:none">'
            f'<div><div class="p-2">{item}</div></div></div>'
            for i, item in enumerate(items)
        )
        return (
            '<div class="slick-slider slick-initialized"><button class="slick-arrow slick-prev">'
            f'Previous</button><div class="slick-list"><div class="slick-track">{slides}</div></div>'
            '<ul class="slick-dots"><li class="slick-active"><button>1</button></li></ul></div>'
        )
    if slider == "swiper":
        slides = "".join(f'<div class="swiper-slide">{item}</div>' for item in items)
        return (
            f'<div class="swiper"><div class="swiper-wrapper">{slides}</div>'
            '<div class="swiper-button-prev">‹</div><div class="swiper-button-next">›</div>'
            f'<div class="swiper-pagination">1 / {len(items)}</div></div>'
        )
    cols = m.gap(3).join(f"<div{m.cls('gallery', 'col-4')}>{item}</div>" for item in items)
    return f"<div{m.cls('gallery', 'row')}>{cols}</div>"


def _heading(m: Markup, text: str, style: str) -> str:
    if style == "h4":
        return f'<div class="content-justify-between row"><div class="col"><h4 class="m-0">{m.text(text)}</h4></div></div>'
    if style == "div":
        return f"<div{m.cls('section-title')}><strong>{m.text(text)}</strong></div>"
    return ""


def proxied(url: str, base: str, width: int = 640) -> str:
    """``url`` as Next.js's image proxy on the site serves it."""
    return f"{base}/_next/image?url={quote(url, safe='')}&w={width}&q=75"


def _placeholder(m: Markup, blur: str) -> str:
    """What a lazy ``<img>`` shows until a script swaps the picture in."""
    return {
        "gif": "/static/images/placeholder.gif",
        "svg": "/_next/static/media/blank.svg",
        "tiny": blur,
    }.get(m.layout.placeholder, GIF)


def _lazy_img(m: Markup, src: str, blur: str, alt: str) -> str:
    attribute = m.layout.lazy_attribute
    value = f"{src} 300w" if attribute == "data-srcset" else src
    return f'<img class="lazyload" src="{_placeholder(m, blur)}" {attribute}="{value}"{alt}>'


def gallery(m: Markup, page: Page, base: str = "https://www.mfa.go.th") -> Part:
    layout, part, items = m.layout, Part(), []
    default = "รูปภาพประกอบ" if page.language == "th" else "Images"
    heading = page.captions[0] if page.captions else default
    form, carrier = layout.gallery, layout.captions
    if form == "figure":
        carrier = "visible"
    if form == "lazy-span" and carrier == "alt":
        carrier = "title"  # a span has no alt text
    for index, caption in enumerate(page.captions):
        key = page.image_seed[index * 2 : index * 2 + 24]
        if index == 0 and len(IMAGE_HOSTS) > 1:  # served here: one picture every page shows
            key = "shared0000"
        # the uploader's file name: the photo's, whichever page shows it (a translation
        # showing the same photo shows the same URL); the layout only quotes it or not
        name = (
            f"{index + 1}.jpg"
            if int(key[-1], 16) % 2 == 0
            else f"S__36655{index}%20({index + 1}).jpg"
        )
        full, thumb = (
            f"{image_host()}/0/{key}/{name}",
            f"{image_host()}/r_300x200/{key}/{name}",
        )
        blur = f"{image_host()}/r_50x50/{key}/{name}"
        alt = f' alt="{m.attr(caption)}"' if carrier == "alt" else ' alt=""'
        served = proxied(thumb, base) if layout.proxy and form != "lazy-span" else thumb
        if form == "img":
            picture = f'<a href="{full}" data-lightbox="gallery"><img src="{served}"{alt}></a>'
        elif form == "lazy-img":
            picture = _lazy_img(m, served, blur, alt)
        elif form == "srcset":
            large = f"{image_host()}/r_800x600/{key}/{name}"
            large = proxied(large, base, 1080) if layout.proxy else large
            picture = (
                f'<picture><source type="image/webp" srcset="{large} 800w">'
                f'<img src="{served}"{alt}></picture>'
            )
        elif form == "figure":
            picture = f'<figure><img src="{served}" alt=""><figcaption>{m.text(caption)}</figcaption></figure>'
        else:
            served, picture = blur, lazy_span(m, blur)
            if form == "noscript":
                picture += f'<noscript><img src="{thumb}"{alt}></noscript>'
        titled = f' title="{m.attr(caption)}"' if carrier == "title" else ""
        shown = (
            f'<div title="{m.attr(caption)}">{m.text(caption)}</div>'
            if carrier == "visible"
            else ""
        )
        items.append(f"<div{m.cls('gallery-item')}{titled}>{picture}{shown}</div>")
        expected_caption = caption if carrier != "none" else heading
        part.images.append({"url": full, "served_url": served, "caption": expected_caption})
    if page.broken == "emptygallery":  # the heading, and pictures no reader can find
        style = layout.gallery_heading if layout.gallery_heading != "none" else "h4"
        return Part(
            f'<div>{_heading(m, heading, style)}<div class="row"><div class="col"></div></div></div>'
        )
    if items and layout.flat_gallery and layout.gallery_heading != "none":
        # the heading, then each picture a loose sibling of it: nothing wraps the two
        part.html = _heading(m, heading, layout.gallery_heading) + m.gap(2).join(items)
    elif items:
        part.html = f"<div>{_heading(m, heading, layout.gallery_heading)}{_slides(m, items)}</div>"
    return part


def videos(m: Markup, page: Page) -> Part:
    part, items = Part(), []
    for index in range(m.layout.videos):
        key = page.image_seed[index : index + 10]
        blur = f"{image_host()}/r_50x50/{key}/video-{index + 1}.jpg"
        title = (
            f"วิดีโอการประชุม ตอนที่ {index + 1}"
            if page.language == "th"
            else f"Video of the meeting, part {index + 1}"
        )
        link = f"https://www.youtube.com/watch?v={page.image_seed[index : index + 11]}"
        item = (
            f"<div{m.cls('video-container')}>{lazy_span(m, blur)}"
            f"<strong{m.cls('play-icon', 'icon-web-play-circled')}></strong></div>"
            f'<div title="{m.attr(title)}">{m.text(title)}</div>'
        )
        if m.layout.video_links:
            item = f'<a href="{link}" target="_blank">{item}</a>'
        items.append(
            f'<div class="p-2 clickable" tabindex="-1" style="width:25%;display:inline-block">{item}</div>'
        )
        part.videos.append(
            {
                "title": title,
                "url": link if m.layout.video_links else None,
                "thumbnail_url": f"{image_host()}/0/{key}/video-{index + 1}.jpg",
                "thumbnail_served_url": blur,
            }
        )
    if items:
        heading = "วิดีโอประกอบ" if page.language == "th" else "Videos"
        style = "div" if m.layout.gallery_heading == "div" else "h4"
        part.html = f'<div>{_heading(m, heading, style)}<div class="row"><div class="p-2 col">{_slides(m, items)}</div></div></div>'
    return part


def share(m: Markup, page: Page, url: str) -> Part:
    target = quote(url, safe="")
    links = {
        "Facebook": f"https://www.facebook.com/sharer/sharer.php?u={target}",
        "Twitter": f"https://twitter.com/intent/tweet?url={target}",
        "Line": f"https://social-plugins.line.me/lineit/share?url={target}",
    }
    label = "แชร์" if page.language == "th" else "Share"
    style = m.layout.share
    if style == "icons":
        icons = "".join(
            f'<a href="{h}"><img src="/static/{n.lower()}.svg" alt=""></a>'
            for n, h in links.items()
        )
        return Part(f"<div{m.cls('share')}>{icons}</div>")
    if style == "text":
        texts = " ".join(f'<a href="{h}">{n}</a>' for n, h in links.items())
        return Part(f"<div{m.cls('share')}><span>{label}</span> {texts}</div>")
    if style == "labelled":
        icons = "".join(
            f'<a href="{h}"><i class="fa fa-{n.lower()}"></i></a>' for n, h in links.items()
        )
        return Part(f"<div{m.cls('share')}><h5>{label}</h5><div>{icons}</div></div>")
    return Part()


def attachments(m: Markup, page: Page) -> Part:
    part, links = Part(), []
    if len(IMAGE_HOSTS) > 1:  # the replica serves the files: one shared by every page
        url = f"{image_host()}/{SHARED_FILE}"
        name = "แบบฟอร์มแถลงการณ์" if page.language == "th" else "Statement form"
        links.append(f'<li><a href="{url}" target="_blank">{m.text(name)}</a></li>')
        part.attachments.append({"url": url, "title": name})
    for index in range(m.layout.attachments):
        url = f"{image_host()}/0/{page.image_seed[:10]}/document-{index + 1}.pdf"
        name = f"เอกสารแนบ {index + 1}" if page.language == "th" else f"Attachment {index + 1}"
        links.append(f'<li><a href="{url}" target="_blank">{m.text(name)}</a></li>')
        part.attachments.append({"url": url, "title": name})
    if links:
        heading = "ไฟล์แนบ" if page.language == "th" else "Attachments"
        part.html = f"<div{m.cls('attachments')}><h4>{heading}</h4><ul>{''.join(links)}</ul></div>"
    return part


def tags(m: Markup, page: Page) -> Part:
    """The article's tags after the body: a label and its links on one line, or under a
    heading of their own."""
    if m.layout.tags == "none":
        return Part()
    label = "แท็ก" if page.language == "th" else "Tags"
    words = ("กระทรวงการต่างประเทศ", "ข่าวสาร") if page.language == "th" else ("MFA", "News")
    links = " ".join(
        f'<a href="/{page.language}/search?tag={quote(w)}">#{m.text(w)}</a>' for w in words
    )
    if m.layout.tags == "inline":
        return Part(f"<div{m.cls('tags')}><span>{label}</span> {links}</div>")
    return Part(f"<div{m.cls('tags')}><h5>{label}</h5><div>{links}</div></div>")
