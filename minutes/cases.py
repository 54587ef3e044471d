"""Case numbers ("sagsnumre"): one key for the spellings different systems give the same case.

A case travels from a committee to Økonomiudvalget and the council, and each system prints its number
its own way: the ESDH's "24/2316" (two-digit year / serial) is the portal's "EMN-2024-02316". The key
makes them equal; numbers in any other scheme ("290-2022-1841", "27.30.00-P22-1-22", "398114") are
kept as printed, only case and spacing aside.
"""

from __future__ import annotations

import re

__all__ = ["case_key"]

_YEAR_SERIAL_RE = re.compile(r"^(?P<y>\d{2})/(?P<n>\d{1,7})$")
_PREFIXED_RE = re.compile(r"^[A-ZÆØÅ]{2,6}-(?P<y>(?:19|20)\d{2})-(?P<n>\d{1,7})$", re.IGNORECASE)


def case_key(number: str | None) -> str | None:
    """The comparison key of a printed case number, or None for none.

    "24/2316" and "EMN-2024-02316" -> "2024-2316"; anything else: upper case, whitespace removed.
    """
    if not number or not number.strip():
        return None
    raw = "".join(number.split())
    if (m := _YEAR_SERIAL_RE.match(raw)) is not None:
        return f"20{m['y']}-{int(m['n'])}"
    if (m := _PREFIXED_RE.match(raw)) is not None:
        return f"{m['y']}-{int(m['n'])}"
    return raw.upper()
