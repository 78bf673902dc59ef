"""A page's pictures checked against the pictures its evidence claims (its cover).

A claimed picture (a card's thumbnail, the share image) confirms the pictures read when
it is among them, in any rendition.  Missing among them it is no verdict, since a page
need not show its cover -- unless the page's markup names it all the same, where a
picture was served in a way the reader did not know (:mod:`.confirm` for the rest).
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from lxml import etree

from crawler.platforms.evidence import Claim, Evidence, sources
from crawler.platforms.mfa.image_urls import original_url
from crawler.platforms.page import ParsedPage
from schemas.assess import DISAGREES, RawArticle
from schemas.models import Finding


def _picture_key(url: str) -> str:
    """One key for every rendition and spelling of a picture (scheme, query dropped)."""
    parts = urlsplit(original_url(url, None))
    return f"{(parts.hostname or '').lower()}{parts.path}"


def _tail(url: str) -> str:
    """What names a picture in any rendition or spelling: its path, past the platform's
    rendition segment (``/mfa/<op>/``)."""
    path = urlsplit(original_url(url, None)).path
    return path.split("/mfa/0/", 1)[1] if "/mfa/0/" in path else path


# whether any attribute holds the text, asked of libxml2: the common answer, no (a card's
# cover the page does not show), without reading every attribute in Python
_NAMED = etree.XPath("boolean(.//@*[contains(., $tail) or contains(., $quoted)])")


def _named_anywhere(page: ParsedPage, tail: str) -> bool:
    """Whether some attribute holds ``tail`` as written or percent-encoded (True when
    libxml2 cannot be asked: a control character in it; the full search then tells)."""
    try:
        return bool(_NAMED(page.root, tail=tail, quoted=_encoded(tail)))
    except ValueError:  # not XML text (a control character): lxml refuses it
        return True


def _encoded(tail: str) -> str:
    """``tail`` percent-encoded as UTF-8 (a lone surrogate, which JSON may hold, too)."""
    return quote(tail, errors="surrogatepass")


def _shown_pictures(page: ParsedPage, claims: list[Claim]) -> list[Claim]:
    """The claims whose picture the page's markup names somewhere (an attribute, a
    style's ``url()``): shown to a browser, read as a picture or not; in the order the
    page names them, attribute by attribute."""
    tails = {claim: _tail(str(claim.value)) for claim in claims}
    tails = {claim: tail for claim, tail in tails.items() if len(tail) > 4}
    tails = {claim: tail for claim, tail in tails.items() if _named_anywhere(page, tail)}
    encoded = {claim: _encoded(tail) for claim, tail in tails.items()}
    found: list[Claim] = []
    for element in page.root.iter():
        if not tails:
            break
        if not isinstance(element.tag, str):
            continue
        for value in element.attrib.values():
            for claim, tail in list(tails.items()):
                if tail in value or encoded[claim] in value:
                    found.append(claim)
                    del tails[claim]
    return found


def confirm_pictures(raw: RawArticle, page: ParsedPage, evidence: Evidence) -> None:
    """A claimed picture is the article's cover (a card's thumbnail, the share image),
    which the page need not show: it confirms the pictures read, and its absence among
    them is no verdict -- unless the page's markup names it and no picture was read
    from there (a lazy-loading convention the reader did not know)."""
    if not evidence.images:
        return
    read = {_picture_key(url) for i in raw.images for url in (i.url, i.served_url) if url}
    agreeing = [c for c in evidence.images if _picture_key(str(c.value)) in read]
    if agreeing:
        raw.evidence["images"] = sources(agreeing)
        return
    missed = _shown_pictures(page, list(evidence.images))
    if missed:
        first = missed[0]
        reason = (
            f"{DISAGREES} {first.source}: the page shows {first.value}, which was not read as"
            " a picture"
        )
        raw.notes.append(Finding(field="images", value=None, reason=reason))
