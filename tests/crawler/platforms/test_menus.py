"""Where discovery looks for a site's listings: the pages a home page's menus lead to."""

from __future__ import annotations

from lxml import html

from crawler.platforms.mfa import read_platform_page
from crawler.platforms.mfa.menus import section_links
from crawler.platforms.page import PageContext

HOME = "https://dili.thaiembassy.org/th"
PAGE = """<html><body>
<header><nav><ul>
  <li><a href="/th">หน้าหลัก</a></li>
  <li><a href="/th/page/ข่าวสถานทูต?menu=60e4152e5723d0065d425342&p=2#top">ข่าวสถานทูต</a></li>
  <li><a href="/th/news-archive">คลังข่าว</a><ul>
     <li><a href="/th/content-category/announcements">ประกาศ</a></li>
     <li><a href="https://dili.thaiembassy.org/th/page/contact">ติดต่อ</a></li></ul></li>
  <li><a href="/en">English</a></li>
  <li><a href="/en/page/news?menu=1">News (EN)</a></li>
  <li><a href="https://www.facebook.com/thaiembassydili">Facebook</a></li>
  <li><a href="https://london.thaiembassy.org/th/page/news?menu=2">London</a></li>
  <li><a href="/th/search?q=x">ค้นหา</a></li>
  <li><a href="/th/files/form.pdf">แบบฟอร์ม</a></li>
  <li><a href="mailto:thaidili@mfa.go.th">mail</a></li>
</ul></nav></header>
<main>
  <p>See <a href="/th/about-us">about us</a> and <a href="/th/page/visa?menu=abc">visa</a>.</p>
  <div class="p-3 col-md-4"><a href="/th/content/news-1?cate=5d7cdddc15e39c3cd8007251">
    <div title="ข่าวหนึ่ง">ข่าวหนึ่ง</div></a><p class="date">13 ก.ย. 2564</p></div>
</main></body></html>"""


def _context(discover: bool = True) -> PageContext:
    return PageContext.of(HOME, frozenset({"dili.thaiembassy.org"}), discover=discover)


def test_listing_forms_anywhere_first_then_other_paths_the_menus_name() -> None:
    links = section_links(html.fromstring(PAGE), _context(), 500)
    assert links == [
        "https://dili.thaiembassy.org/th/page/ข่าวสถานทูต?menu=60e4152e5723d0065d425342",
        "https://dili.thaiembassy.org/th/content-category/announcements",
        "https://dili.thaiembassy.org/th/page/contact",
        "https://dili.thaiembassy.org/th/page/visa?menu=abc",  # a listing form, outside menus
        "https://dili.thaiembassy.org/th/news-archive",  # named by a menu only
    ]


def test_the_reading_lists_them_only_when_asked() -> None:
    asked = read_platform_page(html.fromstring(PAGE), _context())
    assert asked.kind == "listing" and len(asked.sections) == 5
    assert read_platform_page(html.fromstring(PAGE), _context(discover=False)).sections == []


def test_links_are_read_up_to_the_limit_and_a_list_of_links_is_judged_once() -> None:
    """A hostile home page: 20,000 links in one list read in a moment, the first 100."""
    items = "".join(f'<li><a href="/th/section-{n}">{n}</a></li>' for n in range(20_000))
    links = section_links(html.fromstring(f"<div><ul>{items}</ul></div>"), _context(), 100)
    assert links == [f"{HOME}/section-{n}" for n in range(100)]


def test_links_outside_menus_of_other_forms_are_not_candidates() -> None:
    page = """<main><p><a href="/th/about-us">about</a></p>
      <ul><li><a href="/th/one">one</a> and <a href="/th/two">two</a></li></ul>
      <a href="//dili.thaiembassy.org/th/page/ข่าว?menu=1">protocol-relative</a>
      <a href="https://dili.thaiembassy.org:8443/th/page/x?menu=2">another port</a></main>"""
    assert section_links(html.fromstring(page), _context(), 500) == [
        "https://dili.thaiembassy.org/th/page/ข่าว?menu=1"
    ]
