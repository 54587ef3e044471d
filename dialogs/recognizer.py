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

Every recognition carries the slot ``lang`` ("da" or "en"), guessed from the wording.
Deadlines come from ``minutes.dates``, periods from ``minutes.periods``; nothing here parses a date itself.

Slots per intent (a slot that was not said is None/False, never missing):

* DECISIONS: ``topic`` (str|None, original casing, stopwords kept), ``period`` (Period|None),
  ``meeting_kind`` ("Rådmandsmøde"|"Chefteammøde"|None), ``presenter`` (str|None),
  ``outcome_wanted`` ("decided"|"discussed"|"noted"|"postponed"), ``asks_deadline`` (bool),
  ``latest_meeting`` (bool: "på seneste/sidste CT-møde").
* ADD_FOLLOWUP: ``text`` (task, marker and deadline phrase removed; "" when none was given),
  ``due`` (date|None), ``due_phrase`` (str|None), ``owner`` (subject before a verb, else None),
  ``addressee`` (the name between the marker and the colon, "opfølgning @Jens: …", else None),
  ``item_ref`` ({"number": str, "meeting_kind": str|None, "date": date|None} | None).
* LIST_FOLLOWUPS: ``mine``, ``overdue`` (bool), ``meeting_kind``.
* CLOSE_FOLLOWUP: ``id`` (int|None; None for "luk opfølgning" without a number).
* NEXT_MEETING / UNSUBSCRIBE: ``meeting_kind``.
* SUBSCRIBE: ``meeting_kind`` (None = all), ``who`` ("us"|"me"; "us" unless "mig"/"me" is said),
  ``days_before`` (int|None), ``at`` ("HH:MM"|None), ``minutes_before`` (int|None).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from dialogs.turn import Intent
from minutes.dates import find_deadline, parse_deadline
from minutes.kinds import MEETING_KINDS
from minutes.periods import find_period

__all__ = ["MAX_TEXT_CHARS", "SCORERS", "THRESHOLD", "Recognition", "rank", "recognize"]

THRESHOLD = 0.5  # a scorer must reach this to win outright
BARE_TOPIC_SCORE = 0.3  # what a text without any cue scores as a DECISIONS question
MAX_TEXT_CHARS = 1000  # longer messages are not questions; they are UNKNOWN without scoring
MAX_TOPIC_WORDS = 12  # a "bare topic" longer than this is not a topic
MAX_TOPIC_CHARS = 150

@dataclass(frozen=True)
class Recognition:
    """The intent of one message, how sure we are (0..1), and what it said (slots, read-only)."""

    intent: Intent
    score: float
    slots: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


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
    """A phrasing of an intent: a pattern, its weight, and slots it implies when it matches."""

    pattern: re.Pattern[str]
    weight: float
    slots: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


def _cue(pattern: str, weight: float, **slots: Any) -> _Cue:
    return _Cue(_rx(pattern), weight, MappingProxyType(slots))


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
    """One message prepared for the scorers: whitespace collapsed, the time, known next meetings."""

    raw: str
    now: datetime
    meetings: Mapping[str, date] | None


_Score = tuple[float, dict[str, Any]]
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


_EN_WORDS = frozenset(
    """what which when who was were did does do decided decide decision decisions agreed approved
    discussed about the follow-up follow-ups followup followups remind reminder reminders next meeting
    meetings my open overdue close done help hello hi hey agenda unsubscribe subscribe us me this
    channel day days before by is are show list all of on regarding presented can you please new add
    hour hours minutes sends send memo tell search find deadline's chief team tomorrow today will call
    action item please and within weeks week""".split()
)
_DA_WORDS = frozenset(
    """hvad hvilke hvilken hvornår hvem blev der besluttet besluttede beslutning beslutninger om
    opfølgning opfølgninger påmind påmindelse påmindelser næste møde mødet mine min åbne luk færdig løst
    hjælp hej dagsorden dagsordenen og til på er os mig før dagen kl senest inden af i vedrørende
    angående fremlagde drøftet godkendt vedtaget rådmanden chefteamet har vi jeg kan du afmeld
    forfaldne sender melder time timer minutter fra med ny""".split()
)
_WORD = re.compile(r"[\w'-]+")


def _fold_word(word: str) -> str:
    return word.lower().replace("aa", "å").replace("oe", "ø").replace("ae", "æ")


_EN_FOLDED = frozenset(_fold_word(w) for w in _EN_WORDS)
_DA_FOLDED = frozenset(_fold_word(w) for w in _DA_WORDS)


def _language(text: str) -> str:
    """ "en" when more of the words are typical English than typical Danish, else "da"."""
    tokens = [_fold_word(w) for w in _WORD.findall(text)]
    english = sum(1 for w in tokens if w in _EN_FOLDED)
    danish = sum(1 for w in tokens if w in _DA_FOLDED)
    return "en" if english > danish else "da"


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
        asks_deadline=True,
    ),
    _cue(
        r"\b(?:when\s+is|what\s+is|what's)\s+(?:the\s+)?deadline\b(?:\s+(?:for|on|of))?", 0.9, asks_deadline=True
    ),
    _cue(r"^\W*(?:deadline(?:n)?|frist(?:en)?)\s+(?:for|på|on|of)\b", 0.85, asks_deadline=True),
    _cue(r"\b(?:besluttet|besluttede|vedtaget|godkendt|drøftet|drøftede|decided|agreed|discussed)\b", 0.75),
    _cue(
        r"\b(?:hvad\s+(?:ved\s+du|står\s+der|siger\s+referat\w*|skete\s+der|sker\s+der)|fortæl\s+(?:mig\s+)?om"
        r"|søg(?:\s+efter)?|tell\s+me\s+about|search(?:\s+for)?|what\s+do\s+you\s+know)\b",
        0.7,
    ),
)
_OUTCOME_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("discussed", _rx(r"\b(?:drøft\w*|diskut\w*|discuss\w*|debat\w*)")),
    ("noted", _rx(r"\b(?:til\s+efterretning|noted|orienteret\s+om)\b")),
    ("postponed", _rx(r"\b(?:udsat|udskudt|postponed|deferred)\b")),
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
_NAME_STOP = frozenset(
    _fold_word(w)
    for w in """om på i til for vedr vedrørende angående omkring med fra ved af og den det
    about on at in for regarding to from with of present presented""".split()
)
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


_EDGE_FILLER = frozenset(
    _fold_word(w)
    for w in """om vedrørende vedr vedr. angående ang ang. omkring med for på til af i ved noget der
    blev er hvad hvilke hej hejsa og så lige about on regarding re concerning for of in at anything
    something what was were did is the any hi hello hey please venligst tak""".split()
)
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


def _topic_like(topic: str | None) -> bool:
    """A short run of words with letters in it: something worth searching the minutes for."""
    if not topic or len(topic) > MAX_TOPIC_CHARS or len(topic.split()) > MAX_TOPIC_WORDS:
        return False
    letters = sum(ch.isalpha() for ch in topic)
    visible = sum(not ch.isspace() for ch in topic)
    return letters >= 2 and letters >= visible / 2


def _score_decisions(t: _Text) -> _Score:
    """ "hvad blev besluttet om X", "beslutninger om X", "what was decided on X", a bare topic, …"""
    period, rest = find_period(t.raw, t.now)
    presenter, rest = _take_presenter(rest)
    kind = _meeting_kind(rest)
    latest = False
    for m in reversed(list(_KIND_PHRASE.finditer(rest))):
        latest = latest or bool(m["latest"])
        rest = _cut(rest, m.start(), m.end())
    score = 0.9 if presenter else 0.0
    slots: dict[str, Any] = {"asks_deadline": False}
    # Cut every cue out of the text (strongest first) so that only the topic is left.
    for cue in sorted(_DECISION_CUES, key=lambda c: -c.weight):
        while (found := cue.pattern.search(rest)) is not None and found.end() > found.start():
            score = max(score, cue.weight)
            slots.update(cue.slots)
            rest = _cut(rest, found.start(), found.end())
    topic = _tidy_topic(rest)
    if score == 0.0 and _topic_like(topic):
        score = BARE_TOPIC_SCORE
    outcome = "decided"
    if not _DECIDED_WORDS.search(t.raw):
        outcome = next((name for name, p in _OUTCOME_WORDS if p.search(t.raw)), "decided")
    slots.update(
        topic=topic,
        period=period,
        meeting_kind=kind,
        presenter=presenter,
        outcome_wanted=outcome,
        latest_meeting=latest,
    )
    return score, slots


# --------------------------------------------------------------------------------------------
# ADD_FOLLOWUP
# --------------------------------------------------------------------------------------------

_FU_NOUN = r"(?:opfølgning(?:spunkt)?|to-?do|follow[- ]?up|action(?:\s+item)?|opgave|task)"
_FU_NEW = r"(?:ny|nyt|new|add|opret|tilføj|registrer|lav|create)\s+(?:en\s+|et\s+|a\s+|an\s+)?"
_FOLLOWUP_CUES: tuple[_Cue, ...] = (
    # "opfølgning: …", "ny opfølgning @Jens: …", "todo: …", "follow-up til punkt 2 på RM 9/1: …"
    _cue(rf"^\W*(?:{_FU_NEW})?{_FU_NOUN}\b(?P<head>[^:?\n]{{0,80}}?)\s*:\s*(?P<body>.*)$", 0.95),
    # "ny opfølgning Økonomi sender notat …" (no colon, but "ny"/"add" says it)
    _cue(rf"^\W*{_FU_NEW}{_FU_NOUN}\b\s*[-–]?\s*(?P<body>.*)$", 0.9),
    # "opfølgning Økonomi sender notat senest fredag": only a task when it has a deadline or a doer
    _cue(r"^\W*(?:opfølgning|to-?do|follow[- ]?up)\s+(?P<body>\S.*)$", 0.45, weak=True),
)
_ITEM_REF = _rx(
    r"(?:\b(?:til|på|for|under|vedr\.?|to|on|re)\s+)?\b(?:punkt|pkt\.?|item)\s*(?P<num>\d{1,3}(?:\.\d{1,2})?)"
    rf"(?:\s+(?:på|fra|i|ved|on|at|from|in|of)\s+(?:the\s+)?(?P<kind>{_ANY_KIND})(?:[\s-]+(?:meeting|møde\w*))?"
    r"(?:\s+(?:(?:d\.|den|on|of)\s*)?(?P<date>\d{1,2}\s?[./-]\s?\d{1,2}(?:[./-]\d{2,4})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+[^\W\d_]+\.?(?:\s+\d{4})?))?)?"
)
# Imperatives that start a task ("Send notat …") and are never its doer.
_IMPERATIVES = frozenset(
    _fold_word(w)
    for w in """send ring tjek husk lav skriv book find følg giv tag sørg undersøg kontakt indkald opdater ret
    læs se hent del inviter aftal afklar svar meld bestil check call write make prepare ask update review follow
    remember email mail invite contact please"""
    .split()
)
_NOT_VERBS = frozenset("der her hver efter under over eller for mer this us as his its yes".split())
_MODALS = frozenset(
    "skal vil må kan bør har er får går gør ser tager will shall must should can to is has does".split()
)
_CONNECTORS = frozenset({"og", "&", "and", "i", "for"})


def _owner(body: str) -> str | None:
    """The doer when the task starts with a subject before a verb ("Økonomi sender …"), else None."""
    words = body.split()
    name: list[str] = []
    for index, word in enumerate(words[:7]):
        clean = word.strip(",.;:")
        if clean[:1].isupper() or (name and clean in _CONNECTORS and index + 1 < len(words)
                                   and words[index + 1][:1].isupper()):
            name.append(clean)
            continue
        if not name or _fold_word(name[0]) in _IMPERATIVES:
            return None
        verb = clean.lower()
        is_verb = verb in _MODALS or (
            verb not in _NOT_VERBS and (verb.endswith("er") or verb.endswith("r") or verb.endswith("s"))
            and len(verb) > 2
        )
        return " ".join(name) if is_verb else None
    return None


def _item_ref(text: str, now: datetime) -> tuple[dict[str, Any] | None, str]:
    """({number, meeting_kind, date}, text without it) for "til punkt 2 på rådmandsmødet 9/1"."""
    m = _ITEM_REF.search(text)
    if m is None:
        return None, text
    when = parse_deadline(m["date"], now, prefer_future=False) if m["date"] else None
    ref = {"number": m["num"], "meeting_kind": _meeting_kind(m["kind"] or ""), "date": when}
    return ref, _cut(text, m.start(), m.end())


def _tidy_task(text: str) -> str:
    """A task text with doubled spaces and dangling punctuation or connectors removed."""
    text = _squash(text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"^[\s,;:.\-–]+|[\s,;:\-–]+$", "", text)
    text = re.sub(r"(?:\s+(?:og|and|,))+$", "", text)
    return text.rstrip(" ,;:-–")


def _score_add_followup(t: _Text) -> _Score:
    """ "opfølgning: Økonomi sender notat senest uge 45", "follow-up: …", "todo: …"."""
    weight, cue, m = _strongest(_FOLLOWUP_CUES, t.raw)
    if cue is None or m is None:
        return 0.0, {}
    head = m.groupdict().get("head") or ""
    body = m["body"]
    ref, head = _item_ref(head, t.now)
    if ref is None:
        ref, body = _item_ref(body, t.now)
    deadline = find_deadline(body, t.now, meetings=t.meetings)
    if deadline is not None:
        body = _cut(body, deadline.start, deadline.end)
    owner = _owner(_squash(body))
    if cue.slots.get("weak"):
        weight = 0.6 if (deadline is not None or owner is not None) else weight
        if _DECISION_WORDS.search(t.raw):
            weight -= 0.2  # "opfølgning på det besluttede …" reads as a question about decisions
    if body.rstrip().endswith("?"):
        weight -= 0.2  # "opfølgning: hvad blev besluttet om X?" is a question, not a task
    addressee = _tidy_task(head.replace("@", " ")) or None
    text = _tidy_task(body)
    if not text:
        # "opfølgning:" alone: clearly meant as a new task, but the handler must ask what it is;
        # the weak marker without a task is no task at all.
        weight = 0.4 if cue.slots.get("weak") else min(weight, 0.6)
    return weight, {
        "text": text,
        "due": deadline.due if deadline else None,
        "due_phrase": deadline.phrase.strip() if deadline else None,
        "owner": owner,
        "addressee": addressee,
        "item_ref": ref,
    }


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
    return weight, {
        "mine": bool(_MINE.search(t.raw)),
        "overdue": bool(_OVERDUE.search(t.raw)),
        "meeting_kind": _meeting_kind(t.raw),
    }


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
    return weight, {"id": int(ident) if ident else None}


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


def _score_next_meeting(t: _Text) -> _Score:
    """ "næste møde", "hvad er på dagsordenen til næste rådmandsmøde?", "agenda for the next CT meeting"."""
    weight, _, _ = _strongest(_NEXT_CUES, t.raw)
    if weight and _DEADLINE_BEFORE_NEXT.search(t.raw):
        weight = min(weight, 0.4)
    if weight and (_DECISION_WORDS.search(t.raw) or _SUBSCRIBE_HINT.search(t.raw)):
        weight -= 0.3  # the meeting is the object of another request
    return weight, {"meeting_kind": _meeting_kind(t.raw)}


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
_NUMBER = r"(?:\d{1,3}|en|et|én|ét|to|tre|fire|fem|seks|syv|a|an|one|two|three|four|five|six|seven)"
_NUMBER_VALUES = {
    "en": 1, "et": 1, "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
}  # fmt: skip
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
_WHO_US = _rx(r"\b(?:os|vi|kanalen|teamet|gruppen|alle|us|we|channel|team|everyone)\b")


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


def _lead(text: str) -> dict[str, Any]:
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
    return {"days_before": days, "at": _clock(text), "minutes_before": minutes}


def _score_subscribe(t: _Text) -> _Score:
    """ "påmind os om rådmandsmøder dagen før kl. 14", "remind me about CT 1 hour before"."""
    weight, _, _ = _strongest(_SUBSCRIBE_CUES, t.raw)
    if weight and _STOP_WORDS.search(t.raw):
        weight = min(weight, 0.3)  # "stop påmindelser" is the opposite request
    who = "me" if _WHO_ME.search(t.raw) else "us"
    return weight, {"meeting_kind": _meeting_kind(t.raw), "who": who, **_lead(t.raw)}


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
    return weight, {"meeting_kind": _meeting_kind(t.raw)}


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
    return weight, {}


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
    return weight, {}


# --------------------------------------------------------------------------------------------
# The table and the decision
# --------------------------------------------------------------------------------------------

SCORERS: Mapping[Intent, Scorer] = MappingProxyType(
    {
        Intent.DECISIONS: _score_decisions,
        Intent.ADD_FOLLOWUP: _score_add_followup,
        Intent.LIST_FOLLOWUPS: _score_list_followups,
        Intent.CLOSE_FOLLOWUP: _score_close_followup,
        Intent.NEXT_MEETING: _score_next_meeting,
        Intent.SUBSCRIBE: _score_subscribe,
        Intent.UNSUBSCRIBE: _score_unsubscribe,
        Intent.LIST_SUBSCRIPTIONS: _score_list_subscriptions,
        Intent.HELP: _score_help,
    }
)


def rank(text: str, now: datetime, *, meetings: Mapping[str, date] | None = None) -> tuple[Recognition, ...]:
    """Every intent's score and slots for ``text``, best first (ties keep the table's order).

    Returns an empty tuple for a text longer than ``MAX_TEXT_CHARS`` (it is not scored at all).
    """
    if len(text) > MAX_TEXT_CHARS:
        return ()
    prepared = _Text(_squash(text), now, meetings)
    lang = _language(prepared.raw)
    results = []
    for intent, scorer in SCORERS.items():
        score, slots = scorer(prepared)
        score = round(min(1.0, max(0.0, score)), 3)
        results.append(Recognition(intent, score, MappingProxyType({**slots, "lang": lang})))
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
        return Recognition(Intent.UNKNOWN, 0.0, MappingProxyType({"lang": _language(text[:MAX_TEXT_CHARS])}))
    best = ranked[0]
    if best.score >= THRESHOLD:
        return best
    decisions = next(r for r in ranked if r.intent is Intent.DECISIONS)
    if _topic_like(decisions.slots.get("topic")):
        return Recognition(Intent.DECISIONS, max(decisions.score, BARE_TOPIC_SCORE), decisions.slots)
    return Recognition(Intent.UNKNOWN, 0.0, MappingProxyType({"lang": best.slots["lang"]}))
