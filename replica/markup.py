"""Writing HTML for one layout: class names, text escapes, whitespace between tags.

Class names are drawn afresh for each deploy (a seed), in the two hash styles the
platform's builds use: styled-jsx (``jsx-2368373130``) and styled-components
(``ContentDetailstyled__ContentDescription-sc-150bmwg-4 jWrYsI``).  Text is written so
that a browser shows exactly the page's text: HTML-escaped, NBSP as ``&nbsp;``, a
literal NBSP or ``&#160;``, some Thai letters as character references, and spaces a
browser would collapse kept with ``white-space: pre-wrap``.
"""

from __future__ import annotations

import random
import string
from html import escape

from replica.layouts import Layout

PRE = ' style="white-space:pre-wrap"'


def needs_pre(value: str) -> bool:
    """Whether a browser would change the text's spaces unless told to keep them."""
    return value != value.strip(" \t") or "  " in value or "\t" in value


class Markup:
    """The HTML vocabulary of one layout (one deploy)."""

    def __init__(self, layout: Layout, seed: int | None = None) -> None:
        self.layout = layout
        self._rng = random.Random(layout.seed if seed is None else seed)  # noqa: S311
        self._names: dict[str, str] = {}

    def cls(self, role: str, extra: str = "") -> str:
        """A ``class`` attribute for an element of a role, with bootstrap ``extra``."""
        name = self._names.get(role)
        if name is None:
            if self.layout.classes == "jsx":
                name = f"jsx-{self._rng.randrange(10**8, 10**10)}"
            else:
                part = role.title().replace("-", "")
                digest = "".join(self._rng.choices(string.ascii_lowercase + string.digits, k=6))
                short = "".join(self._rng.choices(string.ascii_letters, k=6))
                name = f"{part}styled__{part}Wrapper-sc-{digest}-{self._rng.randrange(9)} {short}"
            self._names[role] = name
        return f' class="{name}{" " + extra if extra else ""}"'

    def text(self, value: str) -> str:
        """Text content a browser shows as ``value``."""
        out = escape(value, quote=False)
        nbsp = {"entity": "&nbsp;", "literal": "\xa0", "numeric": "&#160;"}[self.layout.nbsp]
        out = out.replace("\xa0", nbsp)
        if self.layout.entities:
            out = "".join(
                f"&#{ord(c)};" if "\u0e01" <= c <= "\u0e2e" and i % 7 == 0 else c
                for i, c in enumerate(out)
            )
        return out

    def attr(self, value: str) -> str:
        return escape(value, quote=True)

    def gap(self, depth: int = 1) -> str:
        """Whitespace between block tags (which a browser ignores)."""
        return "\n" + "  " * depth if self.layout.pretty else ""

    def para(self, value: str, tag: str = "p", attrs: str = "") -> str:
        style = PRE if needs_pre(value) else ""
        return f"<{tag}{attrs}{style}>{self.text(value)}</{tag}>"
