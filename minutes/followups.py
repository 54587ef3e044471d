"""Follow-ups in a decision text: who committed to what ("Økonomi fremsender …") and by when."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from datetime import date, datetime, time

from minutes.calendar import COPENHAGEN
from minutes.dates import date_cue_starts, find_deadline, may_contain_date
from minutes.model import FollowUp

__all__ = ["extract_followups"]

# Present-tense commitment phrases; the owner is the subject right before them.
_COMMITMENT_RE = re.compile(
    r"(?:melder\s+(?:retur|tilbage)|vender\s+tilbage|kommer\s+tilbage|fremsender|sender"
    r"|udarbejder|tager(?:\s+[\wæøå-]+){0,4}?\s+med|drøfter(?:\s+[\wæøå-]+){1,5}?\s+med"
    r"|følger\s+op|undersøger|sørger\s+for|er\s+tovholdere?|er\s+ansvarlige?\s+for|har\s+ansvaret"
    r"|indkalder|kontakter|tager\s+kontakt|afklarer|inviterer|forbereder|koordinerer|giver\s+besked"
    r"|orienterer|samler\s+op|går\s+videre|melder(?:\s+[\wæøå-]+){0,3}?\s+ind|analyserer|beregner"
    r"|indhenter|planlægger|afholder|udsender|fremlægger|forelægger|præsenterer|beskriver|reviderer"
    r"|opdaterer|kvalificerer|igangsætter)(?![\wæøå])"
)
# The same at a word start only, with the character before (text is searched with a space in
# front): re skips to non-alphanumeric characters in C before it tries the verbs.
_COMMITMENT_AT_WORD_RE = re.compile(rf"[\W_]{_COMMITMENT_RE.pattern}")
# A date right after these words is when something takes effect ("fra 1. juli"), not a deadline.
_EFFECTIVE_BEFORE_RE = re.compile(r"(?:\bfra|\bpr\.|\bper|\bsiden|med virkning fra|fra og med)\s*$", re.IGNORECASE)
_DEADLINE_WORD_RE = re.compile(r"deadline|frist|senest", re.IGNORECASE)
_LIST_MARKER_RE = re.compile(r"^\s*(?:[-•*]|\d+[.)]|[a-z][.)])\s+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"”'])")
_CLAUSE_DASH_RE = re.compile(r"\s[–—-]\s")
_PAREN_RE = re.compile(r"\s*\([^()]*\)")
_TOKEN_RE = re.compile(r"[\wæøåÆØÅ][\wæøåÆØÅ.'-]*|[,/&]|\S")
_CONNECTORS = frozenset({"og", ",", "/", "&"})
# Capitalised at the start of a sentence but never an owner.
_NOT_OWNERS = frozenset(
    "Der Det De Den Dette Disse Vi Man Jeg Du Han Hun I Som Hvis Når At Og Men Så Nu Her Derefter "
    "Herefter Desuden Samtidig Endvidere Herudover Derudover Også Evt Evt.".split()
)
# A follow-up whose own words are nothing but the deadline gets the item title as its text.
_EMPTY_REMAINDER_RE = re.compile(
    r"^[\s:.,;()\-–]*(?:(?:deadline|frist|senest|inden|d\.|den)[\s:.,;\-–]*)*$", re.IGNORECASE
)


def _clauses(text: str, wanted: Callable[[int, int], bool] | None = None) -> list[tuple[int, str]]:
    """Lines -> sentences -> dash-separated clauses, list markers cut; each with its offset.

    ``text[start : start + len(clause)] == clause``; every clause begins at 0 or after
    whitespace and ends before whitespace or at the end of ``text``. Lines for which
    ``wanted(line_start, line_end)`` is false are left out.
    """
    out: list[tuple[int, str]] = []
    line_start = 0
    for line in text.split("\n"):
        offset = line_start
        line_start += len(line) + 1
        if wanted is not None and not wanted(offset, offset + len(line)):
            continue
        marker = _LIST_MARKER_RE.match(line)
        begin = marker.end() if marker else 0
        sentences: list[tuple[int, int]] = []
        for end in _SENTENCE_END_RE.finditer(line, begin):
            sentences.append((begin, end.start()))
            begin = end.end()
        sentences.append((begin, len(line)))
        for a, b in sentences:
            for dash in _CLAUSE_DASH_RE.finditer(line, a, b):
                _add_clause(out, line, offset, a, dash.start())
                a = dash.end()
            _add_clause(out, line, offset, a, b)
    return out


def _add_clause(out: list[tuple[int, str]], line: str, offset: int, a: int, b: int) -> None:
    piece = line[a:b]
    clause = piece.strip()
    if clause:
        out.append((offset + a + len(piece) - len(piece.lstrip()), clause))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def _any_within(offsets: tuple[int, ...], start: int, end: int) -> bool:
    i = bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def _owner(clause: str, verb_start: int) -> str | None:
    """The run of capitalised words (joined by "og", ",", "/") right before the verb, if any."""
    tokens = _TOKEN_RE.findall(_PAREN_RE.sub("", clause[:verb_start]))
    run: list[str] = []
    for token in reversed(tokens):
        if token in _CONNECTORS or token[0].isupper():
            run.append(token)
            if len(run) > 9:
                return None
        else:
            break
    run.reverse()
    while run and (run[0] in _CONNECTORS or run[0] in _NOT_OWNERS):
        run.pop(0)
    while run and run[-1] in _CONNECTORS:
        run.pop()
    if not run:
        return None
    owner = run[0]
    for previous, token in zip(run, run[1:]):
        owner += token if token in {",", "/"} or previous == "/" else " " + token
    return owner


def extract_followups(text: str, *, meeting_date: date, fallback_text: str) -> tuple[FollowUp, ...]:
    """Commitments and deadlines in ``text`` (one decision text or section), in text order.

    A clause is a follow-up when it has a commitment verb with a named subject (the owner:
    "Jens og Annette melder retur …", "Økonomi drøfter fordelingsnøgle med BA"), or a deadline
    that ``minutes.dates.find_deadline`` reads with ``now`` = ``meeting_date`` at 12:00
    Copenhagen time and ``prefer_future=False`` (so "Uge 43" is week 43 of the meeting's year)
    which lies after the meeting or is called a deadline/frist/senest, and is not an effective
    date ("fra 1. juli", "pr. 1. januar"). With an owner, the clause's date (if any) is its due
    date whatever its wording. A clause that is nothing
    but its deadline ("Deadline: Uge 43") takes ``fallback_text`` (the item title) as its text.
    """
    # Both scans run once over the whole text. A clause is searched for a verb only when a
    # verb match of the whole text touches it (a clause's own word-start matches always do:
    # a clause starts after whitespace and a match ends in a letter), and offered
    # to find_deadline (about 2 µs per character) only when its pre-check from minutes.dates
    # (built from the same vocabulary) fires. No meeting calendar is passed, so "næste
    # CT-møde" is never a deadline here.
    # (spans include the character before the verb; offsets shift by the leading space)
    verbs = [(m.start() - 1, m.end() - 1) for m in _COMMITMENT_AT_WORD_RE.finditer(" " + text)]
    cues = date_cue_starts(text)
    if not verbs and cues == ():
        return ()  # the common case, decided in two passes over the whole text
    now = datetime.combine(meeting_date, time(12, 0), tzinfo=COPENHAGEN)
    found: list[FollowUp] = []
    def wanted(start: int, end: int) -> bool:  # a line with neither verb nor date cue
        return _overlaps(verbs, start, end) or cues is None or _any_within(cues, start, end)

    for start, clause in _clauses(text, wanted):
        end = start + len(clause)
        owner: str | None = None
        for verb in _COMMITMENT_RE.finditer(clause) if _overlaps(verbs, start, end) else ():
            if verb.start() and clause[verb.start() - 1].isalnum():
                continue
            owner = _owner(clause, verb.start())
            if owner:
                break
        has_date = may_contain_date(clause) if cues is None else _any_within(cues, start, end)
        match = find_deadline(clause, now, prefer_future=False) if has_date else None
        if owner is not None:
            found.append(FollowUp(clause, owner, match.due if match else None))
            continue
        if match is None:
            continue
        if match.due <= meeting_date and not _DEADLINE_WORD_RE.search(clause):
            continue  # a date on or before the meeting is history, not a follow-up
        if _EFFECTIVE_BEFORE_RE.search(clause, 0, match.start):
            continue  # "fra 1. juli 2021": when a decision takes effect
        remainder = clause[: match.start] + clause[match.end :]
        body = fallback_text if _EMPTY_REMAINDER_RE.match(remainder) else clause
        found.append(FollowUp(body, None, match.due))
    unique: dict[FollowUp, None] = dict.fromkeys(found)
    return tuple(unique)
