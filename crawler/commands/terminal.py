"""Page text as a terminal shows it: control characters made visible.

Text from pages is untrusted: an ESC sequence in a paragraph would clear the operator's
screen, retitle the window or hide the lines before it, and bidirectional controls
(U+202E and the isolates) would show ``gnp.exe`` as ``exe.png``.  Every such character
is printed as its escape (``\\x1b``, ``\\u202e``); everything else, Thai text, NBSP and
trailing spaces included, is printed as it is.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control and bidirectional-control character escaped (tabs and
    line breaks too: one paragraph is one line)."""
    return _CONTROL.sub(
        _escape, text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def shown(value: Any) -> str:
    """A field's value for a line of the terminal: dates as ISO dates, text quoted and
    escaped, nothing as ``none``."""
    if value is None:
        return "none"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return f'"{printable(value)}"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(shown(item) for item in value) + "]"
    return printable(str(value))
