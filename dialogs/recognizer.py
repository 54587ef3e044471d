"""What a message asks for: a pure, scored intent recognizer.

``recognize(text, now)`` runs every scorer in ``SCORERS`` (one per intent), each of which looks at
the text and answers ``(score in 0..1, slots)``. The best score wins. Below ``THRESHOLD`` an empty
text or a greeting is HELP, a text that looks like a topic ("frisættelse", "klippekort") is a
DECISIONS question about that topic (users type bare topics), and anything else (punctuation,
garbage, a pasted essay) is UNKNOWN.

Scorers are tables of weighted regular expressions ("cues"); the score of an intent is the weight
of its strongest cue, lowered where a cue of a rival intent is present (a reason is given next to
each penalty). Danish is understood first; the patterns are written in proper Danish and compiled
so that "æ", "ø", "å" also match the usual ASCII spellings ("ae"/"e", "oe"/"o", "aa"/"a").

Every recognition carries ``lang`` (a catalogue language, "da" or "en" today), guessed from the wording.
Deadlines come from ``minutes.dates``, periods from ``minutes.periods``; nothing here parses a date itself.

Each intent's slots are a dataclass of ``dialogs.slots`` (``SLOT_TYPES`` says which): DECISIONS
``DecisionSlots``, ADD_FOLLOWUP ``FollowUpSlots``, LIST_FOLLOWUPS ``FollowUpListSlots``, CLOSE_FOLLOWUP
``CloseSlots``, NEXT_MEETING and UNSUBSCRIBE ``MeetingKindSlots``, SUBSCRIBE ``SubscribeSlots``, the
rest ``NoSlots``. ``read_task`` reads a bare task text exactly as the body of "opfølgning: …".
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from dialogs.slots import (
    Audience,
    CaseSlots,
    CloseSlots,
    DecisionSlots,
    FollowUpListSlots,
    FollowKind,
    FollowSlots,
    FollowUpSlots,
    ItemRef,
    MeetingKindSlots,
    NoSlots,
    Slots,
    SubscribeSlots,
    UnfollowSlots,
)
from dialogs.texts import DEFAULT_LANGUAGE
from dialogs.turn import Intent
from minutes.dates import find_deadline, parse_deadline
from minutes.kinds import MEETING_KINDS
from minutes.committee import committee_mention
from minutes.lexicon import lexicon
from minutes.model import DocumentType, Outcome
from minutes.periods import find_period
from minutes.text import words

__all__ = ["MAX_TEXT_CHARS", "SCORERS", "SLOT_TYPES", "THRESHOLD", "Recognition", "rank", "read_task", "recognize"]

THRESHOLD = 0.5  # a scorer must reach this to win outright
BARE_TOPIC_SCORE = 0.3  # what a text without any cue scores as a DECISIONS question
MAX_TEXT_CHARS = 1000  # longer messages are not questions; they are UNKNOWN without scoring
MAX_TOPIC_WORDS = 12  # a "bare topic" longer than this is not a topic
MAX_TOPIC_CHARS = 150
MAX_QUESTION_WORDS = 30  # ... and one asked as a question (an interrogative first, or "?" last)

@dataclass(frozen=True)
class Recognition:
    """The intent of one message, how sure we are (0..1), what it said (typed slots) and in which language."""

    intent: Intent
    score: float
    slots: Slots = field(default_factory=NoSlots)
    lang: str = DEFAULT_LANGUAGE


# --------------------------------------------------------------------------------------------
# Pattern helpers
# --------------------------------------------------------------------------------------------

_ASCII_SPELLINGS = {"æ": "(?:æ|ae|e)", "ø": "(?:ø|oe|o)", "å": "(?:å|aa|a)"}


def _rx(pattern: str) -> re.Pattern[str]:
    """Compile a case-insensitive pattern in which æ/ø/å also match their ASCII spellings.

    Patterns given here must not put æ, ø or å inside a character class.
    """
    return re.compile("".join(_ASCII_SPELLINGS.get(ch, ch) for ch in pattern), re.IGNORECASE)


@dataclass(frozen=True)
class _Cue:
    """A phrasing of an intent: a pattern, its weight, and flags it implies when it matches."""

    pattern: re.Pattern[str]
    weight: float
    flags: frozenset[str] = frozenset()


def _cue(pattern: str, weight: float, *flags: str) -> _Cue:
    return _Cue(_rx(pattern), weight, frozenset(flags))


def _strongest(cues: tuple[_Cue, ...], text: str) -> tuple[float, _Cue | None, re.Match[str] | None]:
    """The weight, cue and match of the strongest cue found in ``text`` (0.0, None, None if none)."""
    best: tuple[float, _Cue | None, re.Match[str] | None] = (0.0, None, None)
    for cue in cues:
        if cue.weight > best[0] and (m := cue.pattern.search(text)) is not None:
            best = (cue.weight, cue, m)
    return best


def _cut(text: str, start: int, end: int) -> str:
    return f"{text[:start]} {text[end:]}"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------------------------
# What every scorer sees
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """One message prepared for the scorers: whitespace collapsed, the time, known next meetings, and the
    language it is in (read once, for every scorer and the result)."""

    raw: str
    now: datetime
    meetings: Mapping[str, date] | None
    lang: str = DEFAULT_LANGUAGE


_Score = tuple[float, Slots]
Scorer = Callable[[_Text], _Score]


# --------------------------------------------------------------------------------------------
# Shared vocabulary: meeting kinds, language, decision words
# --------------------------------------------------------------------------------------------

_ANY_KIND = "|".join(kind.pattern for kind in MEETING_KINDS)
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind.name, _rx(rf"\b{kind.pattern}(?!\w)")) for kind in MEETING_KINDS
)
# The whole phrase that names a meeting kind in a question, cut out of a topic:
# "på rådmandsmødet", "at the chief team meeting", "på seneste CT-møde", "rådmanden".
_KIND_PHRASE = _rx(
    r"(?:\b(?:på|til|fra|i|ved|under|at|in|on|from|by|of)\s+)?(?:\b(?:the|det|et|de)\s+)?"
    r"(?P<latest>\b(?:seneste|sidste|forrige|last|latest|previous|most\s+recent)\s+)?"
    rf"\b(?:{_ANY_KIND})(?:[\s-]+(?:meetings?|møde\w*))?(?!\w)"
)


def _meeting_kind(text: str) -> str | None:
    """The meeting kind a text names (the first one named), or None."""
    found = [(m.start(), kind) for kind, pattern in _KINDS if (m := pattern.search(text))]
    return min(found)[1] if found else None


_WORD = re.compile(r"[\w'-]+")


def _fold_word(word: str) -> str:
    return word.lower().replace("aa", "å").replace("oe", "ø").replace("ae", "æ")


def _load_cues() -> dict[str, dict[str, Any]]:
    """Language -> its cue words, from ``dialogs/cues/<language>.toml`` (data beside the recognizer)."""
    return {
        entry.name.removesuffix(".toml"): tomllib.loads(entry.read_text(encoding="utf-8"))
        for entry in sorted(files("dialogs").joinpath("cues").iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml")
    }


_CUES = _load_cues()


def _words(key: str, *, fold: bool = True) -> frozenset[str]:
    """The union over every language of the cue word list ``key``."""
    return frozenset(_fold_word(w) if fold else w for cues in _CUES.values() for w in str(cues[key]).split())


# Each language's typical words, for guessing which language a message is in.
_LANGUAGE_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(_fold_word(w) for w in str(cues["language_words"]).split()) for lang, cues in _CUES.items()
}


def _language(text: str) -> str:
    """The language with the most typical words in ``text``; Danish unless another has strictly more."""
    tokens = [_fold_word(w) for w in _WORD.findall(text)]
    counts = {lang: sum(1 for w in tokens if w in words) for lang, words in _LANGUAGE_WORDS.items()}
    best = DEFAULT_LANGUAGE
    for lang, count in counts.items():
        if count > counts.get(best, 0):
            best = lang
    return best


# Words that make a message about decisions, whatever else it mentions.
_DECISION_WORDS = _rx(
    r"\b(?:beslut\w*|vedtag\w*|vedtog|godkendt\w*|drøftet|drøftede|decided|decisions?|agreed|approved)\b"
)


# --------------------------------------------------------------------------------------------
# DECISIONS
# --------------------------------------------------------------------------------------------

_DONE = (
    r"(?:besluttet|vedtaget|godkendt|aftalt|konkluderet|tiltrådt|drøftet|diskuteret|besluttede|"
    r"vedtog|godkendte|aftalte|konkluderede|tiltrådte|drøftede|diskuterede|taget\s+til\s+efterretning|"
    r"udsat|besluttet\s+og\s+drøftet|drøftet\s+og\s+besluttet)"
)
_DECISION_CUES: tuple[_Cue, ...] = (
    _cue(rf"\bhvad\s+(?:er|blev|har|var|bliver)?\s*(?:der|man|vi|de|i)?\s*(?:egentlig\s+)?{_DONE}\b", 0.95),
    _cue(r"\bhvilke\s+beslutning(?:er)?\s+(?:er|blev|har)\s+(?:der\s+)?(?:truffet|taget)\b", 0.95),
    _cue(
        r"\bwhat\s+(?:was|were|has\s+been|have\s+been|got|is|are)\s+(?:\w+\s+)?"
        r"(?:decided|agreed|approved|adopted|discussed|concluded|resolved|postponed)\b",
        0.95,
    ),
    _cue(
        r"\bwhat\s+did\s+(?:[\w'-]+\s+){0,4}?(?:decide|agree(?:\s+on)?|approve|adopt|discuss|conclude|resolve)\b",
        0.95,
    ),
    _cue(r"\b(?:blev|er)\s+der\s+(?:truffet\s+)?(?:beslutning(?:er)?|besluttet|vedtaget|godkendt|drøftet)\b", 0.9),
    _cue(
        r"\b(?:beslutning(?:er|en|erne)?|decisions?|resolutions?)\s+"
        r"(?:om|vedr\.?|vedrørende|angående|ang\.?|omkring|for|på|til|on|about|regarding|concerning|of)\b",
        0.9,
    ),
    _cue(r"^\W*(?:beslutning(?:er|en|erne)?|decisions?)\b", 0.85),
    _cue(
        r"\b(?:hvornår|hvad)\s+er\s+(?:der\s+)?(?:deadline(?:n)?|fristen|frist)\b(?:\s+(?:for|på|til|om))?",
        0.9,
        "asks_deadline",
    ),
    _cue(
        r"\b(?:when\s+is|what\s+is|what's)\s+(?:the\s+)?deadline\b(?:\s+(?:for|on|of))?", 0.9, "asks_deadline"
    ),
    _cue(r"^\W*(?:deadline(?:n)?|frist(?:en)?)\s+(?:for|på|on|of)\b", 0.85, "asks_deadline"),
    _cue(r"\b(?:besluttet|besluttede|vedtaget|godkendt|drøftet|drøftede|decided|agreed|discussed)\b", 0.75),
    # What a committee did at a meeting: "hvad behandlede kommunalbestyrelsen", "hvad var på dagsordenen i …".
    # A bare "referat" asks for a meeting only with "fra/for" or when it is all that is left once the
    # meeting and date are cut ("referat ssu 29/10-24"); inside a statement ("ultimo denne måned: Jens
    # sender referat og …") it is the thing a task is about.
    _cue(
        r"\bhvad\s+(?:behandlede|behandlet|drøftede|vedtog|godkendte)\b|\bhvad\s+(?:var|stod)\s+på\s+dagsorden(?:en)?\b"
        r"|\b(?:referat(?:et)?|beslutninger|decisions)\s+(?:fra|for|of)\b|^\W*referat(?:et)?\W*$",
        0.75,
    ),
    _cue(
        r"\b(?:hvad\s+(?:ved\s+du|står\s+der|siger\s+referat\w*|skete\s+der|sker\s+der)|fortæl\s+(?:mig\s+)?om"
        r"|søg(?:\s+efter)?|tell\s+me\s+about|search(?:\s+for)?|what\s+do\s+you\s+know)\b",
        0.7,
    ),
)
_OUTCOME_WORDS: tuple[tuple[Outcome, re.Pattern[str]], ...] = (
    (Outcome.DISCUSSED, _rx(r"\b(?:drøft\w*|diskut\w*|discuss\w*|debat\w*)")),
    (Outcome.NOTED, _rx(r"\b(?:til\s+efterretning|noted|orienteret\s+om)\b")),
    (Outcome.POSTPONED, _rx(r"\b(?:udsat|udskudt|postponed|deferred)\b")),
)
_DECIDED_WORDS = _rx(r"\b(?:beslut\w*|vedtag\w*|vedtog|godkend\w*|decid\w*|decision\w*|agreed|approved)\b")

# "hvad fremlagde Hanne Linnemann om …", "fremlagt af Hanne", "presented by …", "what did X present"
_PRESENT_VERB = r"(?:fremlagde|fremlægger|præsenterede|fremlagt|præsenteret|forelagde|orienterede|fortalte)"
_PRESENTER_CUES: tuple[re.Pattern[str], ...] = (
    _rx(rf"\b(?:hvad|hvilke\s+\w+|hvilket\s+\w+|hvilken\s+\w+)\s+(?:blev\s+|har\s+)?{_PRESENT_VERB}\s+(?!af\b)"),
    _rx(r"\b(?:hvad\s+(?:blev|er)\s+)?(?:fremlagt|præsenteret|forelagt)\s+af\s+"),
    _rx(r"\b(?:what\s+(?:was|were)\s+)?presented\s+by\s+"),
    _rx(r"\bwhat\s+did\s+"),  # "what did Hanne Linnemann present (about …)"; needs "present" after the name
)
_NAME_STOP = _words("name_stop")
_NAME_WORD = re.compile(r"\s*(?P<w>[^\W\d_][\w.'-]*)")
_PRESENT_AFTER_NAME = re.compile(r"\s+present\b", re.IGNORECASE)


def _take_name(text: str, pos: int, *, max_words: int = 4) -> tuple[str, int]:
    """The person's name starting at ``pos`` (up to ``max_words`` words, until a filler word)."""
    words: list[str] = []
    end = pos
    while len(words) < max_words and (m := _NAME_WORD.match(text, end)) is not None:
        if _fold_word(m["w"]) in _NAME_STOP:
            break
        words.append(m["w"])
        end = m.end()
    return " ".join(words), end


def _take_presenter(text: str) -> tuple[str | None, str]:
    """(presenter, text without the presenter phrase) for "hvad fremlagde <name> …" and kin."""
    for index, pattern in enumerate(_PRESENTER_CUES):
        for m in pattern.finditer(text):
            name, end = _take_name(text, m.end())
            if not name:
                continue
            if index == len(_PRESENTER_CUES) - 1:  # "what did NAME present"
                after = _PRESENT_AFTER_NAME.match(text, end)
                if after is None:
                    continue
                end = after.end()
            return name, _cut(text, m.start(), end)
    return None, text


_EDGE_FILLER = _words("topic_filler")
_EDGE_JUNK = re.compile(r"^[\W_]+|[\W_]+$")


def _tidy_topic(text: str) -> str | None:
    """The topic words of what is left of a question: filler and punctuation cut off the edges."""
    words = _squash(_EDGE_JUNK.sub(" ", _squash(text))).split(" ")
    while words and _fold_word(_EDGE_JUNK.sub("", words[0])) in _EDGE_FILLER | {""}:
        words.pop(0)
    while words and _fold_word(_EDGE_JUNK.sub("", words[-1])) in _EDGE_FILLER | {""}:
        words.pop()
    topic = _EDGE_JUNK.sub("", " ".join(words))
    return topic or None


def _topic_like(topic: str | None, max_words: int = MAX_TOPIC_WORDS) -> bool:
    """A short run of words with letters in it: something worth searching the minutes for."""
    # Words are what has letters or digits in it: a dash between two parts ("… care - where are we") is none.
    n = sum(1 for w in (topic or "").split() if any(c.isalnum() for c in w))
    if not topic or len(topic) > MAX_TOPIC_CHARS * max_words // MAX_TOPIC_WORDS or n > max_words:
        return False
    letters = sum(ch.isalpha() for ch in topic)
    visible = sum(not ch.isspace() for ch in topic)
    return letters >= 2 and letters >= visible / 2


_LATEST_MEETING = _rx(r"\b(?:på\s+|at\s+|in\s+)?(?:(?:sit|det|the|its)\s+)?(?:seneste|sidste|latest|last|most\s+recent)\s+(?:møde\w*|meeting)\b")


# A question whose only topic word names a family of documents browses that family ("hvilke indstillinger
# blev godkendt i 2022"). Only the indstilling: "dagsorden" and "referat" name a meeting's items, which
# the meeting browse already answers from whichever document holds them.
_INDSTILLING_WORDS = _words("indstilling_words", fold=False)


def _document_type(topic: str | None, lang: str) -> DocumentType | None:
    """The document family a topic consists of, apart from question words; else None."""
    if not topic:
        return None
    stopwords = lexicon().stopwords
    stop = stopwords.get(lang, stopwords["da"])
    content = [w for w in words(topic) if w not in stop or w in _INDSTILLING_WORDS]
    return DocumentType.INDSTILLING if len(content) == 1 and content[0] in _INDSTILLING_WORDS else None


def _score_decisions(t: _Text) -> _Score:
    """ "hvad blev besluttet om X", "beslutninger om X", "what was decided on X", a bare topic, …"""
    period, rest = find_period(t.raw, t.now)
    presenter, rest = _take_presenter(rest)
    kind = _meeting_kind(rest)
    latest = False
    for m in reversed(list(_KIND_PHRASE.finditer(rest))):
        latest = latest or bool(m["latest"])
        rest = _cut(rest, m.start(), m.end())
    committee = committee_mention(rest) if kind is None else None
    if committee is not None:
        # A committee ("Seniorudvalget", "SSU", "the council"): named as said; the handler resolves it
        # against the committees in the store.
        kind, start, end = committee
        rest = _cut(rest, start, end)
    if kind is not None and (found := _LATEST_MEETING.search(rest)) is not None:
        # "hvad besluttede rådmanden på sidste møde": the newest meeting held by now.
        latest = True
        rest = _cut(rest, found.start(), found.end())
    score = 0.9 if presenter else 0.0
    asks_deadline = False
    # Cut every cue out of the text (strongest first) so that only the topic is left.
    for cue in sorted(_DECISION_CUES, key=lambda c: -c.weight):
        while (found := cue.pattern.search(rest)) is not None and found.end() > found.start():
            score = max(score, cue.weight)
            asks_deadline = asks_deadline or "asks_deadline" in cue.flags
            rest = _cut(rest, found.start(), found.end())
    topic = _tidy_topic(rest)
    document_type = _document_type(topic, t.lang)
    if document_type is not None:  # browsing that family, newest first, as sure as a committee's meeting
        topic, score = None, max(score, 0.9)
    # A topic alone, or a longer question that names no decision ("hvad gør vi for at færre elever
    # stopper undervejs i praktikken?"): still a question for the minutes.
    bare = score == 0.0 and (_topic_like(topic) or (_is_question(t.raw) and _topic_like(topic, MAX_QUESTION_WORDS)))
    if bare:
        score = BARE_TOPIC_SCORE
    if not topic and (committee is not None or (kind is not None and (period is not None or latest))):
        # A committee's meeting without a topic ("seniorudvalget nov 2022", "hvad var på dagsordenen i
        # SSU i februar 2026", "rådmandsmødet 19/9-25"): the meeting's items, past tense, not the next
        # meeting's agenda.
        score = max(score, 0.9)
    outcome = Outcome.DECIDED
    if not _DECIDED_WORDS.search(t.raw):
        outcome = next((name for name, p in _OUTCOME_WORDS if p.search(t.raw)), Outcome.DECIDED)
    return score, DecisionSlots(
        topic=topic,
        period=period,
        meeting_kind=kind,
        presenter=presenter,
        outcome_wanted=outcome,
        asks_deadline=asks_deadline,
        latest_meeting=latest,
        document_type=document_type.value if document_type is not None else None,
        topic_only=bare,
    )


# --------------------------------------------------------------------------------------------
# CASE
# --------------------------------------------------------------------------------------------

# A case number as systems print them: "24/2316", "EMN-2024-02316", "27.12.00-P20-4-25", "290-2022-1841".
_CASE_NUMBER = r"(?P<num>\d{2}/\d{1,7}|[A-Za-zÆØÅæøå]{2,6}-\d{4}-\d{1,7}|\d{2}(?:\.\d{2}){2}-[A-Za-z]\d{2}-\d{1,4}-\d{2}|\d{3}-\d{4}-\d{1,7}|\d{5,7})"
_CASE_REF = _rx(
    rf"\b(?:(?:vis|show|find|open|åbn)\s+)?(?:sag(?:en|snr\.?|snummer|sid\.?)?|case(?:\s+(?:no\.?|number))?)\s*(?:nr\.?\s*|:\s*)?{_CASE_NUMBER}(?![\w/-])"
)
_CASE_CUES: tuple[_Cue, ...] = (
    _cue(r"\bhvad\s+(?:er\s+der|har\s+der)\s+(?:sket|været)\s+(?:i|med)\s+(?:sagen|sager)(?:\s+om)?\b", 0.97),
    _cue(r"\bhvad\s+(?:er\s+der\s+sket|skete\s+der(?:\s+videre)?|sker\s+der)\s+(?:med|i|omkring)\b", 0.96),
    _cue(r"\bhvordan\s+er\s+det\s+gået\s+(?:med|for)\b", 0.96),
    _cue(r"\bhvor\s+(?:endte|ender|står)\s+(?:vi\s+(?:nu\s+)?(?:med\s+)?)?", 0.96),
    _cue(r"\b(?:hvor\s+står\s+vi(?:\s+nu)?|hvor\s+er\s+sagen(?:\s+nu)?|hele\s+forløbet|sagens\s+forløb|forløbet|seneste\s+status|sagshistorik(?:ken)?)\b", 0.96),
    _cue(r"\bwhat\s+(?:has\s+)?happened\s+(?:to|with)\s+(?:the\s+case\s+(?:about|on|of)\s+)?", 0.97),
    _cue(r"\b(?:where\s+does|how\s+far\s+is)\b|\b(?:history|timeline)\s+of\b", 0.96),
    _cue(r"\b(?:i\s+)?sagen\s+om\b|\bthe\s+case\s+(?:about|on|of)\b", 0.96),
)


_FOLLOW_WORD = _rx(r"\b(?:følg\w*|follow\w*|unfollow\w*|abonn\w*|subscrib\w*)\b")


def _score_case(t: _Text) -> _Score:
    """ "vis sag 22/8731", "hvad er der sket i sagen om akutpladser?", "what happened to the case about …"."""
    period, rest = find_period(t.raw, t.now)
    number: str | None = None
    score = 0.0
    if (ref := _CASE_REF.search(rest)) is not None:
        number, score = ref["num"], 0.97
        rest = _cut(rest, ref.start(), ref.end())
    for cue in _CASE_CUES:
        while (found := cue.pattern.search(rest)) is not None and found.end() > found.start():
            score = max(score, cue.weight)
            rest = _cut(rest, found.start(), found.end())
    topic = _tidy_topic(re.sub(r"\b(?:nu|now|stand|stands|videre|om|about)\b", " ", rest))
    if (number is None and not topic) or _FOLLOW_WORD.search(t.raw) or _marked_task(t.raw):
        # A case question names its case; "følg sag 24/2316" is following it (FOLLOW); and a message that
        # opens with a follow-up marker ("opfølgning: Lone tjekker op på sagen om …") is a task that
        # merely mentions a case (ADD_FOLLOWUP).
        score = 0.0
    return score, CaseSlots(case_number=number, topic=topic, period=period)


# --------------------------------------------------------------------------------------------
# ADD_FOLLOWUP
# --------------------------------------------------------------------------------------------

# "opf"/"opf." is how staff abbreviate "opfølgning" ("opf: …", "opf. Jens sender …"); it is a marker
# only as a word of its own, never the start of "opfølgning" or "opfordring".
_FU_ABBREVIATION = r"opf(?:\.|\b)"
_FU_NOUN = (
    rf"(?:opfølgning(?:spunkt)?\b|{_FU_ABBREVIATION}|to-?do\b|follow[- ]?up\b|action(?:\s+(?:item|point))?\b"
    r"|opgave\b|task\b)"
)
_FU_NEW = r"(?:ny|nyt|new|add|opret|tilføj|registrer|lav|create)\s+(?:en\s+|et\s+|a\s+|an\s+)?"
_FOLLOWUP_CUES: tuple[_Cue, ...] = (
    # "opfølgning: …", "ny opfølgning @Jens: …", "todo: …", "follow-up til punkt 2 på RM 9/1: …"
    _cue(rf"^\W*(?:{_FU_NEW})?{_FU_NOUN}(?P<head>[^:?\n]{{0,80}}?)\s*:\s*(?P<body>.*)$", 0.95),
    # "ny opfølgning Økonomi sender notat …" (no colon, but "ny"/"add" says it)
    _cue(rf"^\W*{_FU_NEW}{_FU_NOUN}\s*[-–]?\s*(?P<body>.*)$", 0.9),
    # "Opfølgning - Økonomi sender notat …", "opf. – …": a dash where the colon would be
    _cue(rf"^\W*(?:opfølgning|{_FU_ABBREVIATION}|to-?do|follow[- ]?up|action(?:\s+(?:item|point))?)\s*[-–]\s+"
         r"(?P<body>\S.*)$", 0.9),
    # "opfølgning Økonomi sender notat senest fredag": only a task when it has a deadline or a doer
    _cue(r"^\W*(?:(?:opfølgning|opf|to-?do|follow[- ]?up)\s+|opf\.\s*)(?P<body>\S.*)$", 0.45, "weak"),
)


def _marked_task(raw: str) -> bool:
    """Whether ``raw`` opens with an explicit follow-up marker (the strong cues above, not the weak one)
    and what follows it is a statement: a question after the marker stays a question."""
    for cue in _FOLLOWUP_CUES:
        if cue.weight >= 0.9 and (found := cue.pattern.search(raw)) is not None:
            return not _is_question(found["body"])
    return False


_ITEM_REF = _rx(
    r"(?:\b(?:til|på|for|under|vedr\.?|to|on|re)\s+)?\b(?:punkt|pkt\.?|item)\s*(?P<num>\d{1,3}(?:\.\d{1,2})?)"
    rf"(?:\s+(?:på|fra|i|ved|on|at|from|in|of)\s+(?:the\s+)?(?P<kind>{_ANY_KIND})(?:[\s-]+(?:meeting|møde\w*))?"
    r"(?:\s+(?:(?:d\.|den|on|of)\s*)?(?P<date>\d{1,2}\s?[./-]\s?\d{1,2}(?:[./-]\d{2,4})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+[^\W\d_]+\.?(?:\s+\d{4})?))?)?"
)
# Imperatives that start a task ("Send notat …") and are never its doer.
_IMPERATIVES = _words("imperatives")
_NOT_VERBS = _words("not_verbs", fold=False)
_MODALS = _words("modals", fold=False)
_CONNECTORS = _words("connectors", fold=False)


def _looks_like_verb(word: str) -> bool:
    verb = word.lower()
    return verb in _MODALS or (
        verb not in _NOT_VERBS and (verb.endswith("er") or verb.endswith("r") or verb.endswith("s")) and len(verb) > 2
    )


def _inverted_owner(words: list[str]) -> str | None:
    """The doer after a fronted verb, as Danish puts it once a deadline opens the sentence:
    "(inden vinterferien) sender Økonomi …", "(ultimo Q1) skal Byg have …"."""
    if len(words) < 3 or not _looks_like_verb(words[0]) or _fold_word(words[0]) in _IMPERATIVES:
        return None
    name: list[str] = []
    for index, word in enumerate(words[1:5], start=1):
        clean = word.strip(",.;:")
        if clean[:1].isupper() or (name and clean in _CONNECTORS and index + 1 < len(words)
                                   and words[index + 1][:1].isupper()):
            name.append(clean)
            continue
        break
    return " ".join(name) if name and name[-1] not in _CONNECTORS else None


def _owner(body: str) -> str | None:
    """The doer when the task starts with a subject before a verb ("Økonomi sender …") or a dash
    ("Økonomi - kvartalsrapport …"), or follows a fronted verb ("sender Økonomi …"); else None."""
    words = body.split()
    if words and words[0][:1].islower():
        return _inverted_owner(words)
    name: list[str] = []
    for index, word in enumerate(words[:7]):
        clean = word.strip(",.;:")
        if clean[:1].isupper() or (name and clean in _CONNECTORS and index + 1 < len(words)
                                   and words[index + 1][:1].isupper()):
            name.append(clean)
            continue
        if not name or _fold_word(name[0]) in _IMPERATIVES:
            return None
        if clean in ("-", "–"):
            return " ".join(name)
        verb = clean.lower()
        is_verb = verb in _MODALS or (
            verb not in _NOT_VERBS and (verb.endswith("er") or verb.endswith("r") or verb.endswith("s"))
            and len(verb) > 2
        )
        return " ".join(name) if is_verb else None
    return None


def _item_ref(text: str, now: datetime) -> tuple[ItemRef | None, str]:
    """(the item reference, text without it) for "til punkt 2 på rådmandsmødet 9/1"."""
    m = _ITEM_REF.search(text)
    if m is None:
        return None, text
    when = parse_deadline(m["date"], now, prefer_future=False) if m["date"] else None
    ref = ItemRef(number=m["num"], meeting_kind=_meeting_kind(m["kind"] or ""), date=when)
    return ref, _cut(text, m.start(), m.end())


def _tidy_task(text: str) -> str:
    """A task text with doubled spaces and dangling punctuation or connectors removed."""
    text = _squash(text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)  # "(deadline: 1. marts)" once the deadline is cut out
    text = re.sub(r"(?<![.])([.,;:])\1(?![.])", r"\1", text)  # "notat. Frist: fredag." -> "notat."
    text = re.sub(r"^[\s,;:.\-–]+|[\s,;:\-–]+$", "", text)
    text = re.sub(r"(?:\s+(?:og|and|,))+$", "", text)
    return text.rstrip(" ,;:-–")


def _task(head: str, body: str, now: datetime, meetings: Mapping[str, date] | None) -> tuple[FollowUpSlots, str]:
    """The follow-up a marker's ``head`` (before the colon) and ``body`` (the task) describe, and what is
    left of the body once the item reference and the deadline are cut out."""
    ref, head = _item_ref(head, now)
    if ref is None:
        ref, body = _item_ref(body, now)
    deadline = find_deadline(body, now, meetings=meetings)
    if deadline is not None:
        body = _cut(body, deadline.start, deadline.end)
    slots = FollowUpSlots(
        text=_tidy_task(body),
        due=deadline.due if deadline else None,
        due_phrase=deadline.phrase.strip() if deadline else None,
        owner=_owner(_squash(body)),
        addressee=_tidy_task(head.replace("@", " ")) or None,
        item_ref=ref,
    )
    return slots, body


def read_task(text: str, now: datetime, *, meetings: Mapping[str, date] | None = None) -> FollowUpSlots:
    """A bare task text ("Økonomi sender notat senest fredag") read as the body of "opfølgning: …".

    Both ways of logging (typed with the marker, or the answer to "Hvad skal der følges op på?") so agree
    on doer, deadline and item. A text too long to be scored is the task as it stands.
    """
    if len(text) > MAX_TEXT_CHARS:
        return FollowUpSlots(text=text)
    return _task("", _squash(text), now, meetings)[0]


# ---- a task without a marker ------------------------------------------------------------------
# Staff often log a follow-up without the word: "@Lone sender udkast senest 1. marts", "Jens: notat til
# chefteamet inden påske", "HR to send the policy draft by Q3". Such a message is a task when it is not a
# question and names a deadline said as one, or a doer; see _score_implicit_task.

IMPLICIT_TASK_SCORE = 0.6  # above THRESHOLD; below every real question cue (decisions 0.7+, reminders 0.8+)
ADDRESSED_TASK_SCORE = 0.55  # "@Lone sender udkast": a task for someone, no deadline (the bot asks for it)

_QUESTION_WORDS = _words("question_words")
_DEADLINE_OPENERS: tuple[str, ...] = tuple(
    sorted({_fold_word(p) for cues in _CUES.values() for p in cues["deadline_openers"]}, key=len, reverse=True)
)
# "@Lone …", "@Jens Hansen: …" — someone addressed with an at-sign (the CLI, or a typed "@")
_AT_HEAD = re.compile(r"^\W*?(?P<head>@[^\W\d_][\w.-]*(?:\s+[^\W\d_a-zæøå][\w.-]*)?)\s*[:,\-–]?\s+(?P<body>\S.*)$")
# "Jens: …", "Lone, send …", "Økonomi og HR: …" — a name (capitalised words) before a colon or comma
_NAME_HEAD = re.compile(
    r"^\W*?(?P<head>[^\W\d_a-zæøå][\w.-]*(?:\s+(?:og|and|&|[^\W\d_a-zæøå][\w.-]*)){0,3})\s*[:,]\s+(?P<body>\S.*)$"
)
_GREETINGS = _words("topic_filler")  # "Hej, …", "Tak, …" are no one's name


def _is_question(text: str) -> bool:
    words = [_fold_word(w) for w in _WORD.findall(text)[:1]]
    return text.rstrip().endswith("?") or bool(words and words[0] in _QUESTION_WORDS)


def _said_as_deadline(phrase: str) -> bool:
    """True when a deadline phrase opens with a deadline word ("senest …", "i løbet af …", "by …")."""
    folded = _fold_word(_squash(phrase))
    return any(folded == p or folded.startswith(p + " ") for p in _DEADLINE_OPENERS)


def _score_implicit_task(t: _Text) -> _Score:
    """A follow-up without a marker: a statement that names a deadline said as one, or a doer, or both."""
    if _DECISION_WORDS.search(t.raw) or _SUBSCRIBE_HINT.search(t.raw):
        return 0.0, FollowUpSlots()  # "frist for det besluttede …", "påmind os …" belong to those intents
    head, body, at_sign = "", t.raw, False
    if (m := _AT_HEAD.match(t.raw)) is not None:
        head, body, at_sign = m["head"], m["body"], True
    elif (m := _NAME_HEAD.match(t.raw)) is not None and not all(
        _fold_word(w) in _GREETINGS for w in m["head"].split()
    ):
        head, body = m["head"], m["body"]
    if _is_question(body):
        return 0.0, FollowUpSlots()
    slots, _ = _task(head, body, t.now, t.meetings)
    if not slots.text:
        return 0.0, FollowUpSlots()
    doer = bool(head) or slots.owner is not None
    words = {_fold_word(w) for w in _WORD.findall(body)}
    task_word = bool(words & (_MODALS | _IMPERATIVES))
    if slots.due is not None and (doer or task_word or _said_as_deadline(slots.due_phrase or "")):
        return IMPLICIT_TASK_SCORE, slots
    if at_sign and len(slots.text.split()) >= 2:
        return ADDRESSED_TASK_SCORE, slots
    return 0.0, FollowUpSlots()


def _score_add_followup(t: _Text) -> _Score:
    """ "opfølgning: Økonomi sender notat senest uge 45", "follow-up: …", "todo: …", or a task without
    a marker ("@Lone sender udkast senest 1. marts")."""
    weight, cue, m = _strongest(_FOLLOWUP_CUES, t.raw)
    if cue is None or m is None:
        return _score_implicit_task(t)
    slots, body = _task(m.groupdict().get("head") or "", m["body"], t.now, t.meetings)
    weak = "weak" in cue.flags
    if weak and slots.due is not None and slots.due < t.now.date() and slots.owner is None:
        # "opfølgning på budgettet pr 30 juni 2023": a date already passed is no new task's deadline, and
        # without a doer the message is a topic and its date
        return 0.0, FollowUpSlots()
    if weak:
        weight = 0.6 if (slots.due is not None or slots.owner is not None) else weight
        if _DECISION_WORDS.search(t.raw):
            weight -= 0.2  # "opfølgning på det besluttede …" reads as a question about decisions
    if body.rstrip().endswith("?"):
        weight -= 0.2  # "opfølgning: hvad blev besluttet om X?" is a question, not a task
    if not slots.text:
        # "opfølgning:" alone: clearly meant as a new task, but the handler must ask what it is;
        # the weak marker without a task is no task at all.
        weight = 0.4 if weak else min(weight, 0.6)
    return weight, slots


# --------------------------------------------------------------------------------------------
# LIST_FOLLOWUPS / CLOSE_FOLLOWUP
# --------------------------------------------------------------------------------------------

_FU_PLURAL = r"(?:opfølgning(?:er|erne|spunkter|spunkterne)|follow[- ]?ups|to-?dos|action\s+items)"
_LIST_CUES: tuple[_Cue, ...] = (
    _cue(
        r"\b(?:mine|min|vores|åbne|udestående|forfaldne|overskredne|forsinkede|alle|vis|list|se|hvilke|"
        r"my|our|open|outstanding|pending|overdue|late|all|show|which|what\s+are)\b"
        rf"(?:\s+\w+){{0,2}}?\s+{_FU_PLURAL}\b",
        0.9,
    ),
    _cue(rf"\b{_FU_PLURAL}\s+(?:fra|på|til|for|from|of|at)\b", 0.85),
    _cue(rf"\b{_FU_PLURAL}\s+(?:har|er|der)\s+(?:jeg|vi|åbne|forfaldne)\b", 0.85),
    _cue(rf"^\W*{_FU_PLURAL}\W*$", 0.85),
    _cue(rf"\b{_FU_PLURAL}\b", 0.7),
    _cue(r"\b(?:mine|my)\s+(?:opgaver|tasks)\b", 0.75),
)
_MINE = _rx(r"\b(?:mine|min|mig|jeg|my|me|i\s+have|assigned\s+to\s+me)\b")
_OVERDUE = _rx(r"\b(?:forfald\w*|overskred\w*|forsinke\w*|for\s+sent|udløbne?|overdue|late|past\s+due)\b")


def _score_list_followups(t: _Text) -> _Score:
    """ "mine opfølgninger", "forfaldne opfølgninger fra rådmandsmødet", "open follow-ups"."""
    weight, _, _ = _strongest(_LIST_CUES, t.raw)
    if weight and _DECISION_WORDS.search(t.raw):
        weight -= 0.3  # "hvad blev besluttet om opfølgninger …" asks about decisions
    return weight, FollowUpListSlots(
        mine=bool(_MINE.search(t.raw)),
        overdue=bool(_OVERDUE.search(t.raw)),
        meeting_kind=_meeting_kind(t.raw),
    )


_CLOSE_VERB = (
    r"(?:luk|lukket|færdig|færdiggjort|løst|afslut|afsluttet|udført|klar|ok|close|closed|done|finish(?:ed)?"
    r"|resolve[ds]?|complete[ds]?)"
)
_CLOSE_NOUN = r"(?:opfølgning(?:en)?|follow[- ]?up|to-?do|punkt|opgave|task|nr\.?|no\.?|number)"
_CLOSE_CUES: tuple[_Cue, ...] = (
    _cue(rf"^\W*{_CLOSE_VERB}\s+(?:{_CLOSE_NOUN}\s*)?#?\s*(?P<id>\d{{1,9}})\s*[.!]*\s*$", 0.95),
    _cue(
        rf"^\W*(?:{_CLOSE_NOUN}\s*)?#?\s*(?P<id>\d{{1,9}})\s+(?:er|is)?\s*(?:nu\s+|now\s+)?"
        rf"{_CLOSE_VERB}\s*[.!]*\s*$",
        0.9,
    ),
    _cue(
        rf"^\W*(?:marker|mark|sæt)\s+(?:{_CLOSE_NOUN}\s*)?#?\s*(?P<id>\d{{1,9}})\s+(?:som|as|til|to)\s+"
        rf"{_CLOSE_VERB}\W*$",
        0.9,
    ),
    _cue(r"^\W*(?:luk|close)\s+(?:en\s+|an?\s+)?(?:opfølgning|follow[- ]?up)\W*$", 0.55),
)


def _score_close_followup(t: _Text) -> _Score:
    """ "luk 12", "færdig 12", "luk opfølgning 12", "close 12", "12 er løst"."""
    weight, _, m = _strongest(_CLOSE_CUES, t.raw)
    ident = m.groupdict().get("id") if m is not None else None
    return weight, CloseSlots(id=int(ident) if ident else None)


# --------------------------------------------------------------------------------------------
# NEXT_MEETING
# --------------------------------------------------------------------------------------------

_NEXT_CUES: tuple[_Cue, ...] = (
    _cue(
        r"\b(?:næste|kommende|førstkommende|next|upcoming|coming)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:\w*møde\w*|meetings?|(?-i:RM|CT))\b",
        0.9,
    ),
    _cue(
        r"\bhvornår\s+(?:er|holdes|mødes|har\s+vi)\s+(?:der\s+)?(?:\w+\s+){0,2}?"
        r"(?:\w*møde\w*|chefteamet|rådmanden)\b",
        0.8,
    ),
    _cue(r"\bwhen\s+(?:is|does)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:meeting|meet)\b", 0.8),
    _cue(r"\b(?:dagsorden\w*|agenda)\b", 0.85),
)
# "senest inden næste rådmandsmøde" is a deadline, not a question about that meeting.
_DEADLINE_BEFORE_NEXT = _rx(
    r"\b(?:inden|f\u00f8r|senest|by|before|until)\s+(?:det\s+|the\s+)?(?:næste|kommende|next|upcoming)\b"
)
_SUBSCRIBE_HINT = _rx(r"\b(?:påmind\w*|remind\w*|notif\w*)")


# "var på dagsordenen", "har X haft på dagsordenen", "was on the agenda": a past meeting's agenda.
_PAST_AGENDA = _rx(r"\b(?:var|haft|havde|blev|was|were|had|has\s+been)\b")
_NEXT_WORD = _rx(r"\b(?:næste|kommende|førstkommende|next|upcoming|coming)\b")


def _score_next_meeting(t: _Text) -> _Score:
    """ "næste møde", "hvad er på dagsordenen til næste rådmandsmøde?", "agenda for the next CT meeting"."""
    weight, _, _ = _strongest(_NEXT_CUES, t.raw)
    if weight and _DEADLINE_BEFORE_NEXT.search(t.raw):
        weight = min(weight, 0.4)
    if weight and not _NEXT_WORD.search(t.raw) and (_PAST_AGENDA.search(t.raw) or find_period(t.raw, t.now)[0]):
        # "dagsordenen for chefteammødet 11. marts 2027", "hvad har X haft på dagsordenen": one meeting's
        # (or a person's) items, which the decisions handler lists; the next-meeting card knows no date.
        weight -= 0.5
    if weight and (_DECISION_WORDS.search(t.raw) or _SUBSCRIBE_HINT.search(t.raw)):
        weight -= 0.3  # the meeting is the object of another request
    return weight, MeetingKindSlots(meeting_kind=_meeting_kind(t.raw))


# --------------------------------------------------------------------------------------------
# SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS
# --------------------------------------------------------------------------------------------

_STOP_WORDS = _rx(
    r"\b(?:stop|stands|afmeld\w*|frameld\w*|annuller\w*|slet|fjern|deaktiver\w*|ingen\s+flere|ikke\s+flere"
    r"|unsubscribe|cancel|remove|delete|disable|turn\s+off|no\s+more)\b"
)
_SUBSCRIBE_CUES: tuple[_Cue, ...] = (
    _cue(r"\b(?:påmind|påminde|mind)\s+(?:os|mig|kanalen|teamet|gruppen|alle)\b", 0.95),
    _cue(r"\bremind\s+(?:us|me|this\s+channel|the\s+channel|the\s+team|everyone|all\s+of\s+us)\b", 0.95),
    _cue(r"\b(?:giv|send)\s+(?:os|mig)\s+(?:besked|en\s+påmindelse|påmindelser)\b", 0.9),
    _cue(r"\b(?:påmind|påminde|remind)\b", 0.8),
    _cue(r"\b(?:abonner\w*|tilmeld\w*|(?<!un)subscribe)\b", 0.8),
    _cue(r"\b(?:påmindelse\w*|reminders?)\b.*\b(?:f\u00f8r|inden|forinden|before)\b", 0.7),
)
_NUMBER_VALUES: dict[str, int] = {word: int(n) for cues in _CUES.values() for word, n in cues["numbers"].items()}
_NUMBER = r"(?:\d{1,3}|" + "|".join(re.escape(w) for w in _NUMBER_VALUES) + ")"
_BEFORE = r"(?:før|inden|forinden|i\s+forvejen|before|ahead|in\s+advance|prior)"
_DAY_BEFORE = _rx(rf"\b(?:dagen|the\s+day|a\s+day|day)\s+{_BEFORE}\b")
_DAYS_BEFORE = _rx(
    rf"\b(?P<n>{_NUMBER})\s+(?:hver|arbejds)?(?:dage?|dagen|days?|working\s+days?|business\s+days?)\s+{_BEFORE}\b"
)
_HALF_HOUR = _rx(rf"\b(?:en\s+halv\s+time|half\s+an\s+hour|a\s+half\s+hour)\s+{_BEFORE}\b")
_QUARTER = _rx(rf"\b(?:et\s+kvarter|a\s+quarter(?:\s+of\s+an\s+hour)?)\s+{_BEFORE}\b")
_HOURS_BEFORE = _rx(rf"\b(?P<n>{_NUMBER})\s+(?:timer?|hours?|t)\s+{_BEFORE}\b")
_MINUTES_BEFORE = _rx(rf"\b(?P<n>{_NUMBER})\s+(?:minutter|minut|min\.?|minutes?|mins?)\s+{_BEFORE}")
_CLOCK = _rx(r"\b(?:kl\.?|klokken|at)\s*(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?(?!\w)")
_WHO_ME = _rx(r"\b(?:mig|me|jeg)\b")


def _number_value(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBER_VALUES[w]


def _clock(text: str) -> str | None:
    """ "HH:MM" of "kl. 14", "kl 8.30", "at 2 pm"; None when absent or not a time of day."""
    m = _CLOCK.search(text)
    if m is None:
        return None
    hour, minute = int(m["h"]), int(m["m"] or 0)
    ampm = (m["ampm"] or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _lead(text: str) -> tuple[int | None, str | None, int | None]:
    """days_before / at / minutes_before of a reminder request (all None when no lead is given)."""
    days: int | None = None
    minutes: int | None = None
    if _DAY_BEFORE.search(text):
        days = 1
    elif m := _DAYS_BEFORE.search(text):
        days = _number_value(m["n"])
    if _HALF_HOUR.search(text):
        minutes = 30
    elif _QUARTER.search(text):
        minutes = 15
    elif m := _HOURS_BEFORE.search(text):
        minutes = 60 * _number_value(m["n"])
    elif m := _MINUTES_BEFORE.search(text):
        minutes = _number_value(m["n"])
    return days, _clock(text), minutes


def _reminder_kind(text: str) -> str | None:
    """The meeting kind a reminder request names, or a committee as said ("seniorudvalgets", "the Economy
    committee's"), which the handler resolves against the committees in the store."""
    if (kind := _meeting_kind(text)) is not None:
        return kind
    committee = committee_mention(text)
    return committee[0] if committee is not None else None


def _score_subscribe(t: _Text) -> _Score:
    """ "påmind os om rådmandsmøder dagen før kl. 14", "remind me about CT 1 hour before"."""
    weight, _, _ = _strongest(_SUBSCRIBE_CUES, t.raw)
    if weight and _STOP_WORDS.search(t.raw):
        weight = min(weight, 0.3)  # "stop påmindelser" is the opposite request
    days, at, minutes = _lead(t.raw)
    return weight, SubscribeSlots(
        meeting_kind=_reminder_kind(t.raw), who=Audience.ME if _WHO_ME.search(t.raw) else Audience.US,
        days_before=days, at=at, minutes_before=minutes,
    )


_REMINDER_NOUN = r"(?:påmindelse\w*|reminders?|abonnement\w*|subscriptions?|notifikation\w*|notifications?)"
_UNSUBSCRIBE_CUES: tuple[_Cue, ...] = (
    _cue(
        r"\b(?:stop|stands|stop\s+med|afmeld|frameld|annuller|slet|fjern|deaktiver|slå|ingen\s+flere|ikke\s+flere"
        rf"|cancel|remove|delete|disable|turn\s+off|no\s+more)\b.{{0,40}}?{_REMINDER_NOUN}",
        0.95,
    ),
    _cue(rf"\b{_REMINDER_NOUN}\s+(?:fra|off)\b", 0.9),
    _cue(r"\b(?:stop\s+(?:med\s+at\s+)?(?:påminde|remind)\w*|unsubscribe|afmeld\w*|frameld\w*)\b", 0.9),
)


def _score_unsubscribe(t: _Text) -> _Score:
    """ "stop påmindelser (om chefteammøder)", "afmeld påmindelser", "unsubscribe"."""
    weight, _, _ = _strongest(_UNSUBSCRIBE_CUES, t.raw)
    return weight, MeetingKindSlots(meeting_kind=_reminder_kind(t.raw))


_LIST_SUBSCRIPTION_CUES: tuple[_Cue, ...] = (
    _cue(
        r"\b(?:hvilke|hvad\s+for\s+(?:nogle\s+)?|vis|se|mine|vores|aktive|which|what|show|list|my|our|active)"
        rf"(?:\s+\w+){{0,2}}?\s+{_REMINDER_NOUN}",
        0.9,
    ),
    _cue(rf"\bhar\s+(?:vi|jeg)\s+(?:nogen\s+|nogle\s+)?{_REMINDER_NOUN}", 0.9),
    _cue(rf"\b(?:do\s+(?:we|i)\s+have\s+(?:any\s+)?){_REMINDER_NOUN}", 0.9),
    _cue(rf"^\W*{_REMINDER_NOUN}\W*$", 0.7),
)


def _score_list_subscriptions(t: _Text) -> _Score:
    """ "hvilke påmindelser har vi?", "which reminders do we have"."""
    weight, _, _ = _strongest(_LIST_SUBSCRIPTION_CUES, t.raw)
    if weight and _STOP_WORDS.search(t.raw):
        weight = min(weight, 0.4)  # "stop alle påmindelser" is an unsubscribe
    return weight, NoSlots()


# --------------------------------------------------------------------------------------------
# FOLLOW / UNFOLLOW / LIST_FOLLOWS
# --------------------------------------------------------------------------------------------

_FOLLOW_CUES: tuple[_Cue, ...] = (
    # "følg emnet frisættelse", "følg med i demensområdet", "follow the topic dementia"; not "følg op på …"
    _cue(r"^\W*(?:følg|follow)\s+(?!op\b|up\b)(?P<rest>\S.*)$", 0.95),
    _cue(r"^\W*(?:jeg|vi|i|we)\s+(?:vil\s+gerne\s+|vil\s+|would\s+like\s+to\s+|want\s+to\s+)(?:følge|follow)\s+"
         r"(?!op\b|up\b)(?P<rest>\S.*)$", 0.9),
    # "abonnér på klippekort", "subscribe to dementia"; with a meeting kind it stays an agenda reminder
    _cue(r"^\W*(?:abonn[eé]r\w*|subscribe)\s+(?:på|to|on)\s+(?P<rest>\S.*)$", 0.9, "subscribe"),
    _cue(r"^\W*(?:hold|keep)\s+(?:mig|os|me|us)\s+(?:orienteret|opdateret|posted|updated|informed)\s+"
         r"(?:om|on|about)\s+(?P<rest>\S.*)$", 0.9),
)
_FOLLOW_WITH = _rx(r"^(?:med\s+i|med\s+på|along\s+with)\s+")
_DIGEST = _rx(
    r"\b(?:dagligt|hver\s+(?:dag|morgen)|om\s+morgenen|daily|every\s+(?:day|morning)|each\s+morning)\b"
    r"(?:\s*,?\s*(?:kl\.?|klokken|at)\s*(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?:am|a\.m\.)?)?"
)
DIGEST_HOUR = 8  # "dagligt" without a time: the morning message comes at 08:00
_CASE = _rx(
    r"^(?:(?:the\s+)?(?:sag(?:en)?|sagsnr\.?|sagsnummer(?:et)?|sagsnummer|journalnr\.?|case)\s*"
    r"(?:nr\.?|no\.?|number|nummer)?\s*:?\s*)(?P<n>[\w./-]*\d[\w./-]*)\W*$"
)
_TOPIC_MARK = _rx(r"^(?:emnet|emne|temaet|tema|the\s+topic|topic|the\s+subject|subject)\s+(?:of\s+)?")
_COMMITTEE = _rx(
    r"^(?:the\s+)?(?P<c>(?:[^\W\d_][\w]*-?,?\s+){0,4}?[^\W\d_]*udvalg(?:et)?|kommunalbestyrelsen?|byråd(?:et)?)"
    r"(?:s?\s*møder(?:ne)?|'s\s+meetings|\s+meetings)?\W*$"
)
_COMMITTEE_EN: Mapping[str, str] = MappingProxyType({
    name: printed for cues in _CUES.values() for name, printed in dict(cues.get("committees", {})).items()
})
_COMMITTEE_EN_RX = (
    _rx(r"^(?:the\s+)?(?P<c>" + "|".join(re.escape(n) for n in sorted(_COMMITTEE_EN, key=len, reverse=True))
        + r")(?:'s)?(?:\s+meetings?)?\W*$") if _COMMITTEE_EN else None
)
_SUBJECT_TAIL = re.compile(r"[\s?!.]+$")


def _digest(text: str) -> tuple[int | None, str]:
    """(hour, text without the phrase) for "dagligt kl. 8", "hver morgen", "daily at 7"; (None, text) without."""
    m = _DIGEST.search(text)
    if m is None:
        return None, text
    hour = int(m["h"]) if m["h"] else DIGEST_HOUR
    return (hour if 0 <= hour <= 23 else DIGEST_HOUR), _cut(text, m.start(), m.end())


def read_follow(rest: str) -> FollowSlots:
    """What "følg <rest>" follows: a case ("sag 24/2316"), a committee or meeting kind ("Ældreudvalget",
    "rådmandsmøderne"), else a topic ("emnet frisættelse", "hjemmeplejen"); "dagligt kl. 8" is a digest."""
    hour, rest = _digest(rest)
    rest = _squash(_SUBJECT_TAIL.sub("", _FOLLOW_WITH.sub("", _squash(rest))))
    if (m := _CASE.match(rest)) is not None:
        return FollowSlots(FollowKind.CASE, m["n"], hour)
    if (m := _TOPIC_MARK.match(rest)) is not None:
        return FollowSlots(FollowKind.TOPIC, _tidy_topic(rest[m.end():]) or "", hour)
    kind = _meeting_kind(rest)
    if kind is not None and not _tidy_topic(_KIND_PHRASE.sub(" ", rest)):
        return FollowSlots(FollowKind.COMMITTEE, kind, hour)
    if _COMMITTEE_EN_RX is not None and (m := _COMMITTEE_EN_RX.match(rest)) is not None:
        return FollowSlots(FollowKind.COMMITTEE, _COMMITTEE_EN[m["c"].lower()], hour)
    if (m := _COMMITTEE.match(rest)) is not None:
        name = m["c"]
        return FollowSlots(FollowKind.COMMITTEE, name[:1].upper() + name[1:], hour)
    return FollowSlots(FollowKind.TOPIC, _tidy_topic(rest) or "", hour)


def _score_follow(t: _Text) -> _Score:
    """ "følg emnet frisættelse", "abonnér på klippekort", "følg Ældreudvalget", "følg sag 24/2316"."""
    weight, cue, m = _strongest(_FOLLOW_CUES, t.raw)
    if cue is None or m is None:
        return 0.0, FollowSlots()
    slots = read_follow(m["rest"])
    if "subscribe" in cue.flags and (slots.kind is FollowKind.COMMITTEE and _meeting_kind(m["rest"])
                                     or _SUBSCRIBE_HINT.search(t.raw) or _DAY_BEFORE.search(t.raw)):
        weight = 0.6  # "abonnér på rådmandsmøder" keeps meaning agenda reminders
    if not slots.subject:
        weight = min(weight, 0.6)  # "følg" alone: the handler asks what to follow
    return weight, slots


_UNFOLLOW_CUES: tuple[_Cue, ...] = (
    _cue(r"\b(?:stop|hold\s+op|hør\s+op|stands|afmeld)\s+(?:med\s+)?(?:at\s+)?følge\b(?P<rest>.*)$", 0.95),
    _cue(r"\bfølg\s+ikke\s+(?:længere\s+|mere\s+)?(?P<rest>.*)$", 0.95),
    _cue(r"\b(?:unfollow|stop\s+following|don'?t\s+follow)\b(?P<rest>.*)$", 0.95),
)


def _score_unfollow(t: _Text) -> _Score:
    """ "stop med at følge frisættelse", "unfollow case 24/2316", "stop med at følge" (everything)."""
    weight, _, m = _strongest(_UNFOLLOW_CUES, t.raw)
    if m is None:
        return 0.0, UnfollowSlots()
    what = read_follow(m["rest"]) if m["rest"].strip(" ?!.") else None
    if what is None or not what.subject:
        return weight, UnfollowSlots()
    return weight, UnfollowSlots(what.subject, what.kind)


_LIST_FOLLOW_CUES: tuple[_Cue, ...] = (
    _cue(r"\bhvad\s+følger\s+(?:vi|jeg|du|i)\b", 0.95),
    _cue(r"\bhvilke\s+(?:emner|sager|udvalg|ting)\s+følger\s+(?:vi|jeg)\b", 0.95),
    _cue(r"\bwhat\s+(?:do|are)\s+(?:i|we)\s+(?:follow|following)\b", 0.95),
    _cue(r"\b(?:what|which)\s+(?:topics|cases|committees)\s+(?:do|are)\s+(?:i|we)\s+(?:follow|following)\b", 0.95),
    _cue(r"^\W*(?:vis\s+)?(?:mine|vores|show\s+my|show\s+our|my|our)\s+(?:følgede|follows)\W*$", 0.9),
)


def _score_list_follows(t: _Text) -> _Score:
    """ "hvad følger vi?", "what do I follow?"."""
    weight, _, _ = _strongest(_LIST_FOLLOW_CUES, t.raw)
    return weight, NoSlots()


# --------------------------------------------------------------------------------------------
# HELP
# --------------------------------------------------------------------------------------------

_GREETING = (
    r"(?:hej(?:sa|med\s+dig)?|hallo|halløj|goddag|godmorgen|god\s+morgen|davs|hi|hey|hello|good\s+morning)"
)
_HELP_CUES: tuple[_Cue, ...] = (
    _cue(r"^\s*$", 1.0),
    _cue(
        rf"^\W*(?:hjælp|help|{_GREETING}|hvad\s+kan\s+du(?:\s+gøre|\s+hjælpe\s+(?:mig\s+)?med)?|what\s+can\s+you\s+do"
        r"|hvordan\s+virker\s+du|how\s+do(?:es)?\s+(?:you|this|it)\s+work|kommandoer|commands|vejledning|menu"
        r"|start|\?+)(?:\W+(?:bot|referatbot))?\W*$",
        1.0,
    ),
    _cue(r"^\W*(?:hjælp|help)\b", 0.6),
    _cue(r"\b(?:hvad\s+kan\s+du|what\s+can\s+you\s+do|hvordan\s+bruger\s+jeg)\b", 0.8),
)


def _score_help(t: _Text) -> _Score:
    """ "hjælp", "help", "?", "hej", "hello", "hvad kan du", and the empty message."""
    weight, _, _ = _strongest(_HELP_CUES, t.raw)
    return weight, NoSlots()


# --------------------------------------------------------------------------------------------
# The table and the decision
# --------------------------------------------------------------------------------------------

SCORERS: Mapping[Intent, Scorer] = MappingProxyType(
    {
        Intent.DECISIONS: _score_decisions,
        Intent.CASE: _score_case,
        Intent.ADD_FOLLOWUP: _score_add_followup,
        Intent.LIST_FOLLOWUPS: _score_list_followups,
        Intent.CLOSE_FOLLOWUP: _score_close_followup,
        Intent.NEXT_MEETING: _score_next_meeting,
        Intent.SUBSCRIBE: _score_subscribe,
        Intent.UNSUBSCRIBE: _score_unsubscribe,
        Intent.LIST_SUBSCRIPTIONS: _score_list_subscriptions,
        Intent.FOLLOW: _score_follow,
        Intent.UNFOLLOW: _score_unfollow,
        Intent.LIST_FOLLOWS: _score_list_follows,
        Intent.HELP: _score_help,
    }
)


# The slots each intent's recognition carries (a handler may rely on its type).
SLOT_TYPES: Mapping[Intent, type[Slots]] = MappingProxyType(
    {
        Intent.DECISIONS: DecisionSlots,
        Intent.CASE: CaseSlots,
        Intent.ADD_FOLLOWUP: FollowUpSlots,
        Intent.LIST_FOLLOWUPS: FollowUpListSlots,
        Intent.CLOSE_FOLLOWUP: CloseSlots,
        Intent.NEXT_MEETING: MeetingKindSlots,
        Intent.SUBSCRIBE: SubscribeSlots,
        Intent.UNSUBSCRIBE: MeetingKindSlots,
        Intent.LIST_SUBSCRIPTIONS: NoSlots,
        Intent.FOLLOW: FollowSlots,
        Intent.UNFOLLOW: UnfollowSlots,
        Intent.LIST_FOLLOWS: NoSlots,
        Intent.HELP: NoSlots,
        Intent.UNKNOWN: NoSlots,
    }
)


# "29/10-24", "14/6-22": the short dates of Danish minutes and mail, read with their century.
_SHORT_YEAR_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})-(\d{2})(?![\d/-])")


def rank(text: str, now: datetime, *, meetings: Mapping[str, date] | None = None) -> tuple[Recognition, ...]:
    """Every intent's score and slots for ``text``, best first (ties keep the table's order).

    Returns an empty tuple for a text longer than ``MAX_TEXT_CHARS`` (it is not scored at all).
    """
    if len(text) > MAX_TEXT_CHARS:
        return ()
    squashed = _SHORT_YEAR_DATE.sub(r"\1/\2-20\3", _squash(text))
    prepared = _Text(squashed, now, meetings, _language(squashed))
    results = []
    for intent, scorer in SCORERS.items():
        score, slots = scorer(prepared)
        score = round(min(1.0, max(0.0, score)), 3)
        results.append(Recognition(intent, score, slots, prepared.lang))
    return tuple(sorted(results, key=lambda r: -r.score))


def recognize(text: str, now: datetime, *, meetings: Mapping[str, date] | None = None) -> Recognition:
    """The intent of ``text`` said at ``now``: the best-scoring intent, or the fallback.

    Fallback below ``THRESHOLD``: a topic-like text is DECISIONS about that topic (score
    ``BARE_TOPIC_SCORE``); anything else is UNKNOWN (score 0). ``meetings`` maps a meeting kind to
    the date of its next meeting, for deadlines like "inden næste rådmandsmøde". Never raises on
    any string.
    """
    ranked = rank(text, now, meetings=meetings)
    if not ranked:
        return Recognition(Intent.UNKNOWN, 0.0, NoSlots(), _language(text[:MAX_TEXT_CHARS]))
    best = ranked[0]
    if best.score >= THRESHOLD:
        return best
    decisions = next(r for r in ranked if r.intent is Intent.DECISIONS)
    if isinstance(decisions.slots, DecisionSlots) and (decisions.score > 0 or _topic_like(decisions.slots.topic)):
        return Recognition(Intent.DECISIONS, max(decisions.score, BARE_TOPIC_SCORE), decisions.slots, decisions.lang)
    return Recognition(Intent.UNKNOWN, 0.0, NoSlots(), best.lang)
