"""Many sites of the platform in one process: what each site holds (``--sites N``).

Site discovery is tested on sites the crawler knows only by host name, so each site is
what a real one shows a visitor: home pages whose banner menu names its listings among
pages that are not listings, listings of both URL forms and of different depths, articles
shown in two listings, and editors who add, hide or drop a listing between two crawls
(:func:`add_listing`, :class:`Listing`'s ``in_menu`` and ``served``).  Everything is
drawn from the seed and the site's index, so that a test's numbers are the same on every
run; the articles are the shared corpus cycled under new slugs, as
:mod:`replica.generated` makes them, dated over the years before today.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, unquote

from replica.content import Page, format_date, load_pages
from replica.platform_words import ABOUT, ADDED, CONTACT, HIGHLIGHTS, NAMES
from replica.render import PAGE_SIZE, Theme

LANGUAGES = ("th", "en")
SPAN_DAYS = 5 * 365  # the articles' dates: over the five years before today


def hex_id(*parts: object) -> str:
    """A 24-hex id (a menu's, a category's), fixed by what it names."""
    return hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()[:24]


def _path(language: str, form: str, name: str, ident: str | None) -> str:
    if form == "category":
        return f"/{language}/content-category/{quote(name)}"
    if form == "archive":  # a path of neither listing form: only its content tells
        return f"/{language}/{quote(name)}-archive"
    return f"/{language}/page/{quote(name)}" + (f"?menu={ident}" if ident else "")


@dataclass
class Listing:
    """A listing: its cards are ``articles``, newest first, linked with ``?cate=<ident>``."""

    name: str
    label: str
    language: str
    form: str  # "category" (/content-category/<name>), "page" (/page/<name>?menu=<id>),
    # or "archive" (/<name>-archive: neither form)
    ident: str
    articles: list[Page] = field(default_factory=list)
    in_menu: bool = True
    served: bool = True

    @property
    def path(self) -> str:
        """As the menu links it."""
        return _path(self.language, self.form, self.name, self.ident)

    @property
    def key(self) -> str:
        """The decoded path a request for any of its pages has."""
        return unquote(self.path.split("?")[0])

    def page_count(self) -> int:
        return max(1, -(-len(self.articles) // PAGE_SIZE))


@dataclass(frozen=True)
class MenuPage:
    """A page the menu names that is no listing: text, no cards, no article metadata."""

    name: str
    label: str
    language: str
    ident: str | None

    @property
    def path(self) -> str:
        return _path(self.language, "page", self.name, self.ident)

    @property
    def key(self) -> str:
        return unquote(self.path.split("?")[0])


LATEST_PATH = "/th/latest"


@dataclass
class PlatformSite:
    """One site of the platform as it is now; ``nested`` and ``role_nav`` vary its menu."""

    index: int
    theme: Theme
    listings: list[Listing] = field(default_factory=list)
    pages: list[MenuPage] = field(default_factory=list)
    articles: dict[str, Page] = field(default_factory=dict)  # by decoded path
    nested: bool = False  # some listings in a dropdown <ul> inside an <li>
    role_nav: bool = False  # the menu in <div role="navigation">, not <nav>
    made: int = 0  # articles made so far (their slugs' running number)
    added: int = 0  # listings added by the controls so far

    @property
    def facebook(self) -> str:
        return f"https://www.facebook.com/thaiembassy{self.index}"

    def listing(self, key: str) -> Listing | None:
        """The listing a path names (as linked, encoded or not, with or without query)."""
        wanted = unquote(key.split("?")[0]).rstrip("/")
        return next((item for item in self.listings if item.key == wanted), None)

    def latest(self) -> str | None:
        """Where ``/th/latest`` redirects on every third site: its first Thai listing in
        the menus (a menu item that is no listing of its own)."""
        menu = self.menu("th")
        return menu[0].path if self.index % 3 == 2 and menu else None

    def menu(self, language: str) -> list[Listing]:
        return [item for item in self.listings if item.language == language and item.in_menu]

    def newest(self, language: str, count: int = 6) -> list[Page]:
        """What the home page shows: the site's newest articles in ``language``."""
        pages = [page for page in self.articles.values() if page.language == language]
        return sorted(pages, key=Page.sort_date, reverse=True)[:count]

    def reachable(self) -> list[str]:
        """Every article a visitor can reach from a served listing or a home page: its
        href without the ``?cate=`` of the listing that linked it."""
        hrefs = {
            p.href.split("?")[0] for item in self.listings if item.served for p in item.articles
        }
        hrefs |= {p.href.split("?")[0] for lang in LANGUAGES for p in self.newest(lang)}
        return sorted(hrefs)


def corpus(shared: Path) -> dict[str, list[Page]]:
    """The shared pages that are articles (they show a date), by language."""
    pages = [p for p in load_pages(shared) if p.imported_raw or p.updated_raw]
    return {lang: [p for p in pages if p.language == lang] for lang in LANGUAGES}


def _article(site: PlatformSite, source: Page, listing: Listing, day: date) -> Page:
    """A new article of ``site`` made from ``source``, dated ``day``, linked from
    ``listing``; kept in the site's articles."""
    slug = unquote(source.href.split("?")[0].rstrip("/").rsplit("/", 1)[-1])
    path = f"/{source.language}/content/{quote(slug)}-s{site.index}-{site.made}"
    raw = format_date(day, source.language)
    page = replace(
        source,
        href=f"{path}?cate={listing.ident}",
        imported_raw=raw,
        updated_raw=raw if source.updated_raw is not None else None,
        image_seed=f"{site.index:08x}{site.made:016x}",
    )
    site.made += 1
    site.articles[unquote(path)] = page
    return page


def _source(sources: dict[str, list[Page]], site: PlatformSite, language: str) -> Page:
    pool = sources[language]
    return pool[(site.index * 7 + site.made) % len(pool)]


def _depths(rng: random.Random, index: int, position: int, own: int) -> list[int]:
    """How many articles each own listing of a language holds: mostly one page, on one
    language in eight a listing of three pages, on another of two."""
    depths = [rng.randint(3, 4) for _ in range(own)]
    if (index + position) % 8 == 1:
        depths[0] = rng.randint(21, 25)
    elif (index + position) % 8 == 5:
        depths[0] = rng.randint(11, 16)
    return depths


def _language(
    site: PlatformSite, sources: dict[str, list[Page]], seed: int, language: str, today: date
) -> None:
    """The listings, menu pages and articles of one language of a site."""
    position = LANGUAGES.index(language)
    rng = random.Random(f"{seed}/{site.index}/{language}")  # noqa: S311 - not security
    own = 3 if rng.random() < 0.3 else 2
    names = rng.sample(NAMES[language], own)
    forms = ["category", "page"] if (site.index + position) % 2 else ["page", "category"]
    forms.append(rng.choice(forms))
    listings = [
        Listing(name, label, language, forms[i], hex_id(seed, site.index, language, name))
        for i, (name, label) in enumerate(names)
    ]
    slots = [
        i for i, depth in enumerate(_depths(rng, site.index, position, own)) for _ in range(depth)
    ]
    rng.shuffle(slots)
    for j, i in enumerate(slots):  # newest first over the site: listings interleave in time
        day = today - timedelta(days=1 + j * SPAN_DAYS // len(slots))
        listings[i].articles.append(
            _article(site, _source(sources, site, language), listings[i], day)
        )
    if site.index % 5 == 3:  # its deepest listing at a path of neither listing form
        max(listings, key=lambda item: len(item.articles)).form = "archive"
    if (site.index + position) % 3 == 0:  # the newest three of each other listing
        name, label = HIGHLIGHTS[language]
        top = Listing(name, label, language, rng.choice(forms), hex_id(seed, site.index, name))
        picked = sorted(
            (p for item in listings for p in item.articles[:3]), key=Page.sort_date, reverse=True
        )
        top.articles = [replace(p, href=f"{p.href.split('?')[0]}?cate={top.ident}") for p in picked]
        listings.insert(0, top)
    site.listings += listings
    about, label = ABOUT[language]
    site.pages.append(MenuPage(about, label, language, hex_id(seed, site.index, language, about)))
    if rng.random() < 0.6:
        site.pages.append(MenuPage(*CONTACT[language], language, None))


def build_platform(
    sources: dict[str, list[Page]], seed: int, count: int, today: date
) -> list[PlatformSite]:
    """``count`` sites as loaded: site ``k`` drawn from ``seed`` and ``k`` alone."""
    sites = []
    for k in range(count):
        site = PlatformSite(k, Theme(seed * 1009 + k + 1, fuzz=True), nested=k % 2 == 1)
        site.role_nav = k % 3 == 2
        for language in LANGUAGES:
            _language(site, sources, seed, language, today)
        sites.append(site)
    return sites


def add_listing(
    site: PlatformSite, sources: dict[str, list[Page]], seed: int, language: str, today: date
) -> Listing:
    """A new listing in the menu of ``language``, of 4 to 8 new articles dated today."""
    site.added += 1
    rng = random.Random(f"{seed}/{site.index}/{language}/added/{site.added}")  # noqa: S311
    name, label = (part.format(n=site.added) for part in ADDED[language])
    form = "page" if site.added % 2 else "category"
    listing = Listing(name, label, language, form, hex_id(seed, site.index, language, name))
    listing.articles = [
        _article(site, _source(sources, site, language), listing, today)
        for _ in range(rng.randint(4, 8))
    ]
    site.listings.append(listing)
    return listing
