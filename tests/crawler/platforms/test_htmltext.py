"""Text as a browser shows it: the whitespace rules that keep Thai text exact."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler.platforms.htmltext import element_lines


def _lines(fragment: str) -> list[str]:
    return element_lines(lxml_html.fragment_fromstring(fragment, create_parent="div"))


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>a   b\n c</p>", ["a b c"]),  # ASCII whitespace collapses
        ("<p>  trimmed  </p>", ["trimmed"]),  # and is trimmed at line ends
        ("<p>&nbsp;</p>", ["\xa0"]),  # NBSP is text
        ("<p>นวัตกรรม &nbsp;</p>", ["นวัตกรรม \xa0"]),  # the sample's trailing " \xa0"
        ("<p>a<br>b</p>", ["a", "b"]),
        ("<p>a<b> b</b> <i>c</i></p>", ["a b c"]),
        ("<p>one</p><p>two</p>", ["one", "two"]),
        ("<p></p><p>   </p>", []),
        ("<pre>  kept\n  as is</pre>", ["  kept", "  as is"]),
        ('<p style="white-space: pre-wrap">  a  b </p>', ["  a  b "]),
        ('<div style="white-space:pre-wrap"><p> x </p></div>', [" x "]),
        ('<p style="white-space: normal">  a  b </p>', ["a b"]),
        ("<table><tr><td>1</td><td>2</td></tr><tr><th>x</th></tr></table>", ["1 2", "x"]),
        ("<p>shown<script>hidden()</script><style>.x{}</style></p>", ["shown"]),
        ("<ul><li>a</li><li>b</li></ul>", ["a", "b"]),
        ("<p>๒๕๖๔\u200b</p>", ["๒๕๖๔\u200b"]),  # zero-width space kept (it is in the text)
        # mandatory line breaks (pasted from word processors) end a line, as browsers show them
        ("<p>ย่อหน้า\u2028ต่อ</p>", ["ย่อหน้า", "ต่อ"]),
        ("<p>a\u2029b\x85c</p>", ["a", "b", "c"]),
        ("<p>a\x0bb\x0cc</p>", ["a", "b", "c"]),
        ("<p>a \u2028 b</p>", ["a", "b"]),  # the spaces around a break are trimmed
        ("<p>a\u2028\u2028b</p>", ["a", "b"]),  # no empty paragraph
        ('<p style="white-space:pre-wrap"> a \u2028 b </p>', [" a ", " b "]),
        ("<p>a\x1cb</p>", ["a", "b"]),  # no line of the text form may hold U+001C
    ],
)
def test_lines(fragment: str, expected: list[str]) -> None:
    assert _lines(fragment) == expected
