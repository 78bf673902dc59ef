"""The words of the replica's sites (:mod:`replica.platform`): listing names as URLs
and menus show them, ASCII and Thai as real sites have them."""

from __future__ import annotations

NAMES = {  # (name in the URL, label in the menu): ASCII and Thai names, as sites have;
    # none is one the article pages' chrome links (article_page.LISTING, asides.sidebar):
    # a listing taken out of the menus is not found again through an article's breadcrumb
    "th": [
        ("ข่าวสารนิเทศ", "ข่าวสารนิเทศ"),
        ("กิจกรรมสถานเอกอัครราชทูต", "กิจกรรมสถานเอกอัครราชทูต"),
        ("news-th", "ข่าวสาร"),
        ("ประกาศ", "ประกาศ"),
        ("activities", "กิจกรรม"),
        ("ข่าวกงสุล", "ข่าวกงสุล"),
    ],
    "en": [
        ("press-releases", "Press Releases"),
        ("news", "News"),
        ("embassy-activities", "Embassy Activities"),
        ("announcements", "Announcements"),
        ("consular-news", "Consular News"),
        ("events", "Events"),
    ],
}
HIGHLIGHTS = {"th": ("ข่าวเด่นประจำสัปดาห์", "ข่าวเด่น"), "en": ("highlights", "Highlights")}
ADDED = {"th": ("ข่าวใหม่-{n}", "ข่าวใหม่ {n}"), "en": ("new-listing-{n}", "New listing {n}")}
ABOUT = {
    "th": ("เกี่ยวกับสถานเอกอัครราชทูต", "เกี่ยวกับสถานเอกอัครราชทูต"),
    "en": ("about-the-embassy", "About the Embassy"),
}
CONTACT = {"th": ("contact", "ติดต่อเรา"), "en": ("contact", "Contact us")}
