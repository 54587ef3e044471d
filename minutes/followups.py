"""Follow-ups in a decision text: who committed to what ("Økonomi fremsender …") and by when."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from minutes.dates import COPENHAGEN, find_deadline
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
# Speed gate, not date parsing: find_deadline costs about 2 µs per character, so it only sees
# clauses with a word that could belong to a date (a month, weekday, week, relative or holiday
# word) or day/month digits around a separator. minutes.dates decides what the date is.
# ("næste CT-møde" needs the caller's meeting calendar, which minutes never have: not gated in.)
_DATE_WORDS = frozenset(
    """
    januar februar marts april maj juni juli august september oktober november december
    jan feb mar mrt apr jun jul aug sep sept okt nov dec january february march may june july
    october mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday thursday
    friday saturday sunday uge uger week weeks wk dag dage hverdage arbejdsdage måned måneder år
    day days month months year years idag morgen imorgen overmorgen today tomorrow weekend weekenden
    primo medio ultimo early mid late udgangen slutningen starten begyndelsen midten midt løbet
    månedens ugens årets julen juleferien påske påsken påskeferien sommer sommeren sommerferie
    sommerferien efterårsferie efterårsferien
    vinterferie vinterferien nytår christmas xmas easter summer
    """.split()
)
_WORD_RE = re.compile(r"[a-zæøå]+")
_NUMERIC_DATE_RE = re.compile(r"\d\s?[./-]\s?\d")


def _date_cues(text: str) -> tuple[frozenset[str], bool]:
    """The date words in ``text`` and whether it has day/month-like digits ("15/12", "1.4").

    A speed gate before find_deadline, not date parsing; a clause without cues is not offered.
    """
    words = _DATE_WORDS.intersection(_WORD_RE.findall(text.lower()))
    return frozenset(words), _has_numeric_date(text)


def _has_numeric_date(text: str) -> bool:
    for match in _NUMERIC_DATE_RE.finditer(text):
        before, after = match.start(), match.end()
        if before >= 2 and text[before - 1].isdigit() and text[before - 2].isdigit():
            continue  # "2024-2025", "10.000"
        if after + 1 < len(text) and text[after].isdigit() and text[after + 1].isdigit():
            continue
        return True
    return False


def _clause_has_cue(clause: str, words: frozenset[str], numeric: bool) -> bool:
    if words:
        lowered = clause.lower()
        if any(word in lowered for word in words) and not words.isdisjoint(_WORD_RE.findall(lowered)):
            return True
    return numeric and _has_numeric_date(clause)


# A follow-up whose own words are nothing but the deadline gets the item title as its text.
_EMPTY_REMAINDER_RE = re.compile(
    r"^[\s:.,;()\-–]*(?:(?:deadline|frist|senest|inden|d\.|den)[\s:.,;\-–]*)*$", re.IGNORECASE
)


def _clauses(text: str) -> list[str]:
    """Lines -> sentences -> dash-separated clauses; list markers cut."""
    out: list[str] = []
    for line in text.split("\n"):
        line = _LIST_MARKER_RE.sub("", line, count=1)
        for sentence in _SENTENCE_END_RE.split(line):
            for clause in _CLAUSE_DASH_RE.split(sentence):
                clause = clause.strip()
                if clause:
                    out.append(clause)
    return out


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
    has_commitment = _COMMITMENT_RE.search(text) is not None
    cue_words, cue_numeric = _date_cues(text)
    if not (has_commitment or cue_words or cue_numeric):
        return ()  # the common case, decided in a few passes over the whole text
    now = datetime.combine(meeting_date, time(12, 0), tzinfo=COPENHAGEN)
    found: list[FollowUp] = []
    for clause in _clauses(text):
        owner: str | None = None
        for verb in _COMMITMENT_RE.finditer(clause) if has_commitment else ():
            if verb.start() and clause[verb.start() - 1].isalnum():
                continue
            owner = _owner(clause, verb.start())
            if owner:
                break
        match = (
            find_deadline(clause, now, prefer_future=False)
            if _clause_has_cue(clause, cue_words, cue_numeric)
            else None
        )
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
