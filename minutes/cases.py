"""Case numbers ("sagsnumre"): one key for the spellings different systems give the same case.

A case travels from a committee to Økonomiudvalget and the council, and each system prints its number
its own way: the ESDH's "24/2316" (two-digit year / serial) is the portal's "EMN-2024-02316". The key
makes them equal; numbers in any other scheme ("290-2022-1841", "27.30.00-P22-1-22", "398114") are
kept as printed, only case and spacing aside.
"""

from __future__ import annotations

import re

__all__ = ["case_key", "title_series"]

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


_SERIES_SPLIT_RE = re.compile(r"\s+[-–—:]\s+")
_YEARS_RE = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2,4})?\b|\d+\.?\s*(?:halvår|kvartal)")


def title_series(title: str) -> str | None:
    """The running topic of a "Topic - this time's subject" title, as a comparison key, or None.

    Committees title a topic's items alike across meetings and years: "Akutpladser - udvidelse af
    Akutcentret" and "Akutpladser - belægning og genindlæggelser 2025" are one series ("akutpladser");
    years are left out of the key ("Frivillighedsstrategi 2022-2026 - midtvejsstatus" is
    "frivillighedsstrategi"). A title without such a split, or with a generic head, has none.
    """
    parts = _SERIES_SPLIT_RE.split(title.strip(), maxsplit=1)
    if len(parts) < 2:
        return None
    words = _YEARS_RE.sub(" ", parts[0]).casefold().replace(",", " ").split()
    head = " ".join(w for w in words if w not in _FILLER).strip(" .")
    if len(head) < 5 or not any(len(word) >= 5 for word in head.split()) or head in _GENERIC_HEADS:
        return None
    return head


_FILLER = frozenset({"i", "på", "af", "for", "og", "til", "om", "med", "ved", "fra", "the", "of"})
_GENERIC_HEADS = frozenset({"orientering", "meddelelser", "temadrøftelse", "drøftelse", "status", "budget", "regnskab", "evt."})
