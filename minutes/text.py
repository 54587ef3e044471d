"""Danish text normalisation and stemming for search.

Tokens keep æ, ø, å distinct (never folded to ae/o/a). Stems come from the Snowball Danish stemmer.
Compounds are handled by the index storing each stem forwards and reversed, so a query stem can match
the head of a compound ("budget" -> "budgetforslag") or its tail ("innovationsmotor" ->
"miniinnovationsmotor"); see ``storage/search_index.py``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_TOKEN = re.compile(r"[0-9a-zæøåäöüé]+")
_STEMMER = snowballstemmer.stemmer("danish")

# Function words and question words. Removed only after intent, dates and names are taken out.
STOPWORDS: frozenset[str] = frozenset(
    """
    af alle alt altså andet andre at bare blev blive bliver da de dem den denne der deres det dette dig din dine
    disse dog du efter eller en end er et for fra ham han hans har havde have hende hendes her hos hun hvad
    hvem hvis hvor hvordan hvornår hvilke hvilken hvilket i ikke ind ingen jeg jer jo kan kunne man mange
    med meget men mig min mine mit mod ned noget nogle nu når og også om op os over på sig sin sine sit skal
    skulle som så sådan til ud under var være været vi vil ville vor vore vores blevet nogen noget
    besluttet besluttede beslutning beslutninger beslutningen vedtaget godkendt drøftet sagt
    tale snak emnet punkt punktet angående vedrørende omkring ang vedr
    the a an of on about what was were is are did do does decided decision decisions regarding for in to
    and or with by how when which who any there
    """.split()
)


def fold(text: str) -> str:
    """Lower-case with Unicode composition normalised (æ/ø/å kept as themselves)."""
    return unicodedata.normalize("NFC", text).lower()


def words(text: str) -> list[str]:
    """The word tokens of ``text``, lower-cased; punctuation and markup are separators."""
    return _TOKEN.findall(fold(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball Danish stem of one lower-case word (numbers are kept as they are)."""
    if word.isdigit() or len(word) <= 3:
        return word
    return str(_STEMMER.stemWord(word))


def stems(text: str) -> list[str]:
    """Stems of every word in ``text``, in order, duplicates kept."""
    return [stem(w) for w in words(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning: stopwords dropped, duplicates dropped, order kept."""
    seen: dict[str, None] = {}
    for w in words(text):
        if w in STOPWORDS or len(w) < 2:
            continue
        seen.setdefault(stem(w), None)
    return list(seen)


SHORT_STEM = 4  # a stem shorter than this is over-stemmed when its word is LONG_WORD letters or more
LONG_WORD = 5


def overstemmed(word: str, stem_: str) -> bool:
    """True when Snowball cut a longer word down to a short, ambiguous stem ("demens" -> "dem").

    Such words are searched and indexed as themselves too, so "demens" still finds "demensstrategi".
    """
    return len(stem_) < SHORT_STEM and len(word) >= LONG_WORD and not word.isdigit()


def content_terms(text: str) -> list[tuple[str, str]]:
    """(word, stem) of the words that carry meaning, like :func:`content_stems` (one pair per stem)."""
    seen: dict[str, str] = {}
    for w in words(text):
        if w in STOPWORDS or len(w) < 2:
            continue
        seen.setdefault(stem(w), w)
    return [(w, s) for s, w in seen.items()]


def reverse(term: str) -> str:
    """The term spelled backwards: suffix matching becomes prefix matching in the index."""
    return term[::-1]


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    # b is one longer: skipping one char of b must give a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


_ASCII_SPELLING_RE = re.compile(r"aa|ae|oe", re.IGNORECASE)
_DANISH_LETTER = {"aa": "å", "ae": "æ", "oe": "ø"}


def restore_danish_letters(text: str) -> tuple[str, tuple[int, ...] | None]:
    """``text`` with the ASCII spellings "aa", "ae", "oe" written as å, æ, ø ("naeste paaske" ->
    "næste påske"), and where each character of the result starts in ``text``.

    The offsets have one entry per character of the result plus one for its end (``len(text)``),
    so a span ``(s, e)`` of the result is ``(offsets[s], offsets[e])`` in ``text``; None when
    nothing changed. For reading dates typed without æ/ø/å: a few English or Danish words change
    too ("does", "Aarhus"), which no date rule reads.
    """
    if _ASCII_SPELLING_RE.search(text) is None:
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    at = 0
    for m in _ASCII_SPELLING_RE.finditer(text):
        out.append(text[at : m.start()])
        offsets.extend(range(at, m.start()))
        letter = _DANISH_LETTER[m.group(0).lower()]
        out.append(letter.upper() if m.group(0)[0].isupper() else letter)
        offsets.append(m.start())
        at = m.end()
    out.append(text[at:])
    offsets.extend(range(at, len(text) + 1))
    return "".join(out), tuple(offsets)
