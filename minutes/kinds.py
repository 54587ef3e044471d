"""Meeting kinds: the kinds the archive knows, their aliases, and the one key that compares them.

``kind_key`` is the only place a meeting-kind string is turned into a comparison key. The
recognizer finds a kind in a question with :data:`MEETING_KINDS`' patterns; the deadline reader
("til næste CT-møde"), reminders and follow-ups compare kinds with ``kind_key``; the search index
stores ``kind_key(kind, resolve_aliases=False)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

__all__ = ["CHEFTEAMMOEDE", "MEETING_KINDS", "RAADMANDSMOEDE", "MeetingKind", "kind_key"]

RAADMANDSMOEDE = "Rådmandsmøde"
CHEFTEAMMOEDE = "Chefteammøde"


@dataclass(frozen=True)
class MeetingKind:
    """A meeting kind: its name as documents write it, and how people name it in a message.

    ``pattern`` is a case-insensitive regex source for finding the kind in free text (whole words;
    the caller adds word boundaries and may widen æ/ø/å to their ASCII spellings); ``aliases`` are
    the exact short names ``kind_key`` resolves to this kind.
    """

    name: str
    pattern: str
    aliases: tuple[str, ...]


MEETING_KINDS: tuple[MeetingKind, ...] = (
    MeetingKind(
        RAADMANDSMOEDE,
        r"(?:rådmand\w*|(?-i:RM)(?:-?møde\w*)?|alderman\w*)",  # "RM" only in capitals: "rm" is no word
        ("rm", "rm-møde", "rm møde", "rm meeting", "rådmand", "rådmandsmøde", "rådmand meeting",
         "rådmands meeting"),
    ),
    MeetingKind(
        CHEFTEAMMOEDE,
        r"(?:chefteam\w*|(?-i:CT)(?:-?møde\w*)?|chief[- ]team(?:'s)?|management[- ]team)",
        ("ct", "ct-møde", "ct møde", "ct meeting", "chefteam", "chefteam meeting", "chefteammøde"),
    ),
)

_ALIASES: Mapping[str, str] = MappingProxyType(
    {alias: kind.name.lower() for kind in MEETING_KINDS for alias in kind.aliases}
)


# A kind named in the genitive: "udvalgets", "kommunalbestyrelsens", "mødets" (the s after a definite
# ending, so "Jens" keeps his), "the committee's".
_GENITIVE = re.compile(r"(?<=\w{3}e[nt])s$|['’]s$")


def kind_key(kind: str, *, resolve_aliases: bool = True) -> str:
    """The key under which two meeting-kind strings are the same kind.

    By default: lower case, whitespace squashed, a genitive dropped, definite form made indefinite,
    aliases resolved: "Rådmandsmødet" -> "rådmandsmøde", "CT-møde" -> "chefteammøde", "RM" ->
    "rådmandsmøde", "Seniorudvalgets" -> "seniorudvalget" ("påmind os om seniorudvalgets møder");
    any other kind is kept ("Testmøde 01" -> "testmøde 01").

    ``resolve_aliases=False`` is the search index's key: the kind case-folded and nothing more.
    It differs on purpose: it is stored in every index row (the ``kind_key`` column and the
    ``k…`` meta token) and must agree with the plain ``lower(meeting_kind)`` filter the search
    uses when the index is not consulted; resolving aliases there would need a re-index of every
    store and would let a filter match kinds it never matched before. The recognizer hands the
    search canonical names ("Rådmandsmøde"), so the search never needs the aliases.
    """
    if not resolve_aliases:
        return kind.casefold()
    k = _GENITIVE.sub("", re.sub(r"\s+", " ", kind.strip().lower()))
    if k.endswith("mødet"):
        k = k[:-1]
    return _ALIASES.get(k, k)
