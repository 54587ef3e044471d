"""What every published committee-minutes family shares: committees, dates, decision headings, absence.

Danish municipalities publish their committees' agendas and minutes in a handful of families (CMS
page copies, ESDH text exports, agenda-portal HTML, publication XML). The family readers
(:mod:`minutes.committee_text`, :mod:`minutes.committee_html`, :mod:`minutes.committee_xml`) find the
parts; this module turns the parts into a :class:`~minutes.model.Meeting` the same way for all of them,
so one family never reads a date, an absence or an outcome differently from another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from minutes.calendar import MONTH_PATTERN, month_number
from minutes.model import AgendaItem, DocumentType, Meeting, ParseError, Section
from minutes.outcomes import classify_public_outcome

__all__ = [
    "COMMITTEE_RE",
    "DecisionHeading",
    "ItemParts",
    "MeetingParts",
    "absence_names",
    "build_meeting",
    "clean_title",
    "committee_in",
    "find_datetime",
    "find_time",
    "parse_decision_heading",
    "split_names",
]

# Month words (Danish, the English of half-translated CMS dates, abbreviations) come from the calendar.
_MONTH_WORD = MONTH_PATTERN

# A committee's own name: "Seniorudvalget", "Social- og Sundhedsudvalget", "Kultur-, Fritids- og
# Idrætsudvalget", "Udvalget for Sundhed og Omsorg", or a council ("Kommunalbestyrelsen", "Byrådet").
COMMITTEE_RE = re.compile(
    r"(?<![\wæøåÆØÅ])(?:"
    r"[A-ZÆØÅ][\wæøå]*-,?\s+(?:[\wæøå]+-,?\s+)*og\s+[\wæøåÆØÅ]+udvalg(?:et)?"
    r"|[A-ZÆØÅ][\wæøå]*udvalg(?:et)?"
    r"|Udvalget\s+for\s+[A-ZÆØÅ][\wæøå]*(?:,\s+[A-ZÆØÅa-zæøå][\wæøå]*)*(?:\s+og\s+[A-ZÆØÅa-zæøå][\wæøå]*)?"
    r"|Kommunalbestyrelsen|Byrådet|Borgerrepræsentationen|Regionsrådet|Magistraten"
    r")(?![\wæøå])"
)

_DATE_SRC = (
    r"(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?:T(?P<ih>\d{1,2}):(?P<imi>\d{2}))?"
    r"|(?P<nd>\d{1,2})[-./](?P<nm>\d{1,2})[-./](?P<ny>\d{4})"
    rf"|(?P<td>\d{{1,2}})\.?\s+(?P<tm>{_MONTH_WORD}),?\s+(?P<ty>\d{{4}})"
    rf"|(?P<fm>{_MONTH_WORD})\s+(?P<fd>\d{{1,2}}),?\s+(?P<fy>\d{{4}}))"
)
_CLOCK = r"(?P<{0}h>\d{{1,2}})[:.](?P<{0}m>\d{{2}})(?::\d{{2}})?"
_RANGE = rf"(?:\s*(?:-|–|—|til)\s*(?:kl\.?\s*)?{_CLOCK.format('e')}(?!\d))?"
_DATETIME_RE = re.compile(
    rf"(?<!\d){_DATE_SRC}(?!\d)"
    rf"(?:\s*(?:,|-|–|—)?\s*(?:kl\.?|klokken)?\s*{_CLOCK.format('s')}(?!\d){_RANGE})?",
    re.IGNORECASE,
)
_TIME_RE = re.compile(rf"(?:(?:kl\.?|klokken)\s*)?(?<![\d.,]){_CLOCK.format('s')}(?!\d){_RANGE}", re.IGNORECASE)


def _time(hour: str | None, minute: str | None) -> time | None:
    if hour is None or minute is None:
        return None
    try:
        return time(int(hour), int(minute))
    except ValueError:
        return None


def find_datetime(text: str) -> tuple[date, time | None, time | None] | None:
    """The first (date, start, end) in ``text`` in any published spelling, or None.

    "14. juni 2022", "tirsdag den 12. september 2023 kl. 17.00", "03-11-2022 16:00:00",
    "Tirsdag, Februar 22, 2022 - 15:30", "Tirsdag, 24 februar, 2026 - 15:00", "18. apr 2023",
    "2025-03-05T15:30:00"; an end time where a range is printed ("kl. 15.00-17.00").
    """
    for match in _DATETIME_RE.finditer(text):
        if match["iy"]:
            y, m, d = int(match["iy"]), int(match["im"]), int(match["id"])
        elif match["ny"]:
            y, m, d = int(match["ny"]), int(match["nm"]), int(match["nd"])
        elif match["ty"]:
            y, m, d = int(match["ty"]), month_number(match["tm"]), int(match["td"])
        else:
            y, m, d = int(match["fy"]), month_number(match["fm"]), int(match["fd"])
        try:
            day = date(y, m, d)
        except ValueError:
            continue
        start = _time(match["ih"], match["imi"]) or _time(match["sh"], match["sm"])
        return day, start, _time(match["eh"], match["em"])
    return None


def find_time(text: str) -> tuple[time | None, time | None]:
    """(start, end) of a time-only value such as "Kl. 15:30" or "kl. 15.00 - 17.00"."""
    match = _TIME_RE.search(text)
    if match is None:
        return None, None
    return _time(match["sh"], match["sm"]), _time(match["eh"], match["em"])


def committee_in(text: str) -> str | None:
    """The first committee name in ``text`` ("Social- og Sundhedsudvalget"), or None."""
    match = COMMITTEE_RE.search(text)
    return match.group(0) if match else None


def same_committee(a: str | None, b: str | None) -> bool:
    """True when two spellings name the same committee (case and spacing aside)."""
    if not a or not b:
        return True  # an unnamed side cannot contradict
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


# ------------------------------------------------------------------------------------------
# Titles, names, absence
# ------------------------------------------------------------------------------------------

_TITLE_SUFFIX_RE = re.compile(r"\s*\((?:[BODIUE]|[BODIUE]\s*,\s*[BODIUE])\)\s*$")
_CLOSED_SUFFIX_RE = re.compile(
    r"\s*(?:[-–—]\s*lukket(?:\s+punkt)?|\(\s*lukket(?:\s+punkt)?\s*\)|\[\s*lukket(?:\s+punkt)?\s*\])\s*$",
    re.IGNORECASE,
)
_OPEN_SUFFIX_RE = re.compile(r"\s*(?:[-–—]\s*åbent?\s+punkt|\(\s*åbent?\s+punkt\s*\))\s*$", re.IGNORECASE)


def clean_title(title: str) -> tuple[str, bool]:
    """(core title, closed) of a printed item title: "(B)"/"(O)"/"(D)", "- Lukket punkt",
    "(Lukket punkt)" and "- Åbent punkt" are markers, not title."""
    title = " ".join(title.split())
    closed = False
    for _ in range(3):  # suffixes may stack: "Forlig (B) - Lukket punkt"
        before = title
        if (m := _CLOSED_SUFFIX_RE.search(title)) is not None:
            title, closed = title[: m.start()], True
        title = _OPEN_SUFFIX_RE.sub("", title)
        title = _TITLE_SUFFIX_RE.sub("", title)
        if title == before:
            break
    return title.strip(" \t-–—:"), closed


_PARTY_RE = re.compile(r"\s*\([^()]{1,12}\)")
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|\bog\b|&)\s*")


def split_names(text: str) -> tuple[str, ...]:
    """People in "A (V), B og C." with party letters, roles ("Formand") and full stops dropped."""
    names: list[str] = []
    for part in _NAME_SPLIT_RE.split(_PARTY_RE.sub("", text)):
        name = part.strip(" .:|\t")
        name = re.sub(r"^(?:formand|næstformand|borgmester|rådmand)\s+", "", name, flags=re.IGNORECASE)
        if name and any(ch.isalpha() for ch in name) and len(name) <= 60 and name not in names:
            names.append(name)
    return tuple(names)


_ABSENCE_RES = (
    re.compile(r"^(?:Afbud\s+fra|Fraværende\s+var)\s+(?P<names>\S.*?)\.?\s*$", re.IGNORECASE),
    re.compile(r"^(?:Fraværende|Afbud|Fravær)\s*(?::|\s)\s*(?P<names>\S.*?)\s*$", re.IGNORECASE),
    re.compile(r"^(?P<names>[A-ZÆØÅ][^.]*?)\s+deltog\s+ikke\s+i\s+mødet\.?\s*$"),
    re.compile(r"^(?P<names>[A-ZÆØÅ][^.]*?)\s+(?:var|er|har\s+meldt)\s+(?:fraværende|afbud)\.?\s*$"),
)
_ABSENCE_SENTENCE_RE = re.compile(r"(?:^|(?<=[.!]\s))Afbud\s+fra\s+(?P<names>[^.]+)\.?")


def absence_names(line: str) -> tuple[str, ...] | None:
    """The people a line records as absent from the whole meeting, or None when it is no absence line.

    "Fraværende: Johannes Kirkegaard (D).", "Afbud: Preben Tarp, Mathilde Fuglsang.", "Afbud fra
    Charlotte Munck.", "Yasmin Ørum (F) deltog ikke i mødet.", "Oliver Damkjær var fraværende."
    Leaving early or sitting out one item ("forlod mødet", "deltog ikke i behandlingen") is not absence.
    """
    flat = " ".join(line.split()).strip("| ")
    if not flat or len(flat) > 300:
        return None
    for pattern in _ABSENCE_RES:
        match = pattern.match(flat)
        if match is not None:
            names = split_names(match["names"])
            return names or None
    return None


def absence_in_remarks(text: str) -> tuple[str, ...]:
    """Absence named inside a remarks field: "Afbud fra Preben Tarp og Mathilde Fuglsang. Rune … deltog …"."""
    names: list[str] = []
    for match in _ABSENCE_SENTENCE_RE.finditer(" ".join(text.split())):
        names.extend(n for n in split_names(match["names"]) if n not in names)
    return tuple(names)


# ------------------------------------------------------------------------------------------
# Decision headings
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionHeading:
    """A heading that opens a decision block; ``committee``/``day`` name the meeting when printed,
    ``inline`` is decision text printed on the heading's own line ("Beslutning: Godkendt.")."""

    committee: str | None
    day: date | None
    inline: str = ""


_DECISION_WORD_RE = re.compile(r"^(?:Beslutning(?:er)?|Afgørelse|Udvalgets\s+beslutning)(?![\wæøå])\s*(?P<rest>.*)$", re.I)
_MEETING_REF_RE = re.compile(
    r"^(?P<who>.+?),\s*(?P<when>\d{1,2}[-./]\d{1,2}[-./]\d{4}),\s*(?:pkt|punkt)\.?\s*\d+\s*:?\s*$", re.IGNORECASE
)


def parse_decision_heading(line: str) -> DecisionHeading | None:
    """A decision heading: "Beslutning", "Beslutning: Godkendt.", "Beslutning i Seniorudvalget den
    03-11-2022", "Beslutning Økonomiudvalget den 30-01-2024", "Beslutning i X den 14. juni 2022:",
    "Social- og Sundhedsudvalget, 22-02-2022, pkt. 10"; None for any other line."""
    flat = " ".join(line.split())
    if not flat or len(flat) > 400:
        return None
    match = _DECISION_WORD_RE.match(flat)
    if match is not None:
        rest = match["rest"].strip()
        if not rest or rest == ":":
            return DecisionHeading(None, None)
        if rest.startswith(":"):
            return DecisionHeading(None, None, rest[1:].strip())
        if len(flat) > 160:
            return None
        found = find_datetime(rest)
        who = committee_in(rest)
        if found is None or not re.match(r"^(?:i\s+|fra\s+|for\s+)?\S", rest) or (who is None and not rest.lower().startswith(("den ", "d. "))):
            return None
        return DecisionHeading(who, found[0])
    match = _MEETING_REF_RE.match(flat)
    if match is None or committee_in(match["who"]) is None:
        return None
    found = find_datetime(match["when"])
    return DecisionHeading(committee_in(match["who"]), found[0]) if found else None


# ------------------------------------------------------------------------------------------
# Parts -> Meeting
# ------------------------------------------------------------------------------------------


@dataclass
class ItemParts:
    """What a family reader found for one item, before normalisation."""

    number: str
    title: str
    case_number: str | None = None
    confidential: bool = False
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    decision: list[str] = field(default_factory=list)
    decided: bool = False  # a decision block with text for THIS meeting was found


@dataclass
class MeetingParts:
    """What a family reader found for one meeting document."""

    source: str
    committee: str | None = None
    day: date | None = None
    start: time | None = None
    end: time | None = None
    location: str | None = None
    members: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    says_minutes: bool = False  # "Referat", "Beslutningsprotokol", publication type 2
    says_agenda: bool = False  # "Dagsorden"
    source_url: str | None = None
    items: list[ItemParts] = field(default_factory=list)


def _flat_lines(lines: list[str]) -> str:
    """Lines as stored text: whitespace runs collapsed, blank lines dropped, list indentation kept."""
    out = []
    for line in lines:
        flat = " ".join(line.split())
        if flat:
            indented = line[:1] in {" ", "\t"} and re.match(r"\s+(?:[-•]|\d+[.)]|[a-z][.)])\s", line)
            out.append("  " + flat if indented else flat)
    return "\n".join(out)


_LOCATION_NOTE_RE = re.compile(r"\s*\((?:hybrid|online|virtuel|via|link|teams)[^()]*\)\s*$", re.IGNORECASE)


def build_meeting(parts: MeetingParts, problems: list[str]) -> Meeting:
    """A :class:`Meeting` from a family reader's parts.

    ``problems`` names what the reader looked for and did not find; it goes into the ParseError
    raised when there is no committee, no date or no item.
    """
    missing = []
    if parts.committee is None:
        missing.append("a committee name (e.g. 'Seniorudvalget', 'Udvalg: …')")
    if parts.day is None:
        missing.append("a meeting date (e.g. 'Dato: 4. juni 2026', '03-11-2022 16:00:00')")
    if not parts.items:
        missing.append("numbered items (e.g. '2. Titel', 'Pkt. 7 Titel', 'Sag nr. 31')")
    if missing:
        raise ParseError(parts.source, "not a committee agenda or minutes: no " + ", no ".join(missing + problems))
    assert parts.committee is not None and parts.day is not None  # for mypy: checked above
    absent: list[str] = list(dict.fromkeys(parts.absent))
    items = []
    for raw in parts.items:
        decision_lines = []
        for line in raw.decision:
            names = absence_names(line)
            if names is not None:
                absent.extend(n for n in names if n not in absent)
                if not line.strip().lower().startswith("afbud fra"):
                    continue  # an absence note, not the decision ("Afbud fra X." alone is kept below)
            decision_lines.append(line)
        decision = _flat_lines(decision_lines)
        if not decision:
            # "Afbud fra X." as an item's whole decision (an "Afbud/fravær" item) is its text.
            decision = _flat_lines([line for line in raw.decision if line.strip().lower().startswith("afbud fra")])
        title, closed = clean_title(raw.title)
        sections = tuple(Section(h, t) for h, body in raw.sections if (t := _flat_lines(body)))
        items.append(
            AgendaItem(
                number=raw.number,
                title=title or raw.title.strip(),
                decision=decision,
                outcome=classify_public_outcome(decision),
                confidential=raw.confidential or closed,
                sections=sections,
                case_number=raw.case_number,
            )
        )
    has_decisions = any(item.decision for item in items)
    minutes = has_decisions or (parts.says_minutes and not parts.says_agenda)
    location = _LOCATION_NOTE_RE.sub("", parts.location).strip() if parts.location else None
    kind_word = "Referat" if minutes else "Dagsorden"
    return Meeting(
        source=parts.source,
        kind=parts.committee,
        title=f"{parts.committee} – {kind_word}",
        date=parts.day,
        document_type=DocumentType.MINUTES if minutes else DocumentType.AGENDA,
        meeting_kind=parts.committee,
        start=parts.start,
        end=parts.end,
        location=location or None,
        participants=tuple(dict.fromkeys(parts.members)),
        absent=tuple(absent),
        source_url=parts.source_url,
        items=tuple(items),
    )


# ------------------------------------------------------------------------------------------
# Committees named in a question
# ------------------------------------------------------------------------------------------

_MENTION_RE = re.compile(
    r"(?<![\wæøå])(?:(?:i|på|fra|hos|af|ved|in|by|at|of|from)\s+)?(?:(?:det|the|vores|our)\s+)?(?P<m>"
    r"[\wæøå]+-\s*(?:[\wæøå]+-\s*)*og\s+[\wæøå]*udvalg\w*"
    r"|[\wæøå]+udvalg(?:et|ets|ene|s)?"  # a named one: "udvalget" alone names none (a question word)
    r"|kommunalbestyrelse\w*|byråd\w*|borgerrepræsentation\w*|regionsråd\w*"
    r"|(?:city\s+|municipal\s+)?council(?:'s)?"
    r"|(?:[\wæøå]+\s+and\s+)?(?:senior|seniors|elderly|health|finance|financial|economic|economy|social|care)\s+committee(?:'s)?"
    r"|(?-i:[A-ZÆØÅ]{1,3}U|KB|BR)|ssu|seu|øu|kb|sou|æu"
    r")(?:[\s-]+(?:møde(?:t|r|rne)?|meetings?))?(?![\wæøå])",
    re.IGNORECASE,
)
_ENGLISH_COMMITTEES = (
    (re.compile(r"council", re.I), ("kommunalbestyrelsen", "byrådet", "borgerrepræsentationen")),
    (re.compile(r"senior|elderly", re.I), ("seniorudvalget", "ældreudvalget")),
    (re.compile(r"finance|financial|economic|economy", re.I), ("økonomiudvalget",)),
    (re.compile(r"health|social|care", re.I), ("sundhed", "social")),
)


def committee_mention(text: str) -> tuple[str, int, int] | None:
    """The committee a question names ("seniorudvalget", "SSU", "ØU", "kommunalbestyrelsen", "the
    council", "senior committee") as (mention, start, end of the phrase incl. its preposition)."""
    match = _MENTION_RE.search(text)
    if match is None:
        return None
    return match["m"], match.start(), match.end()


def abbreviations(committee: str) -> frozenset[str]:
    """The short names a committee goes by: "Social- og Sundhedsudvalget" -> SSU, "Økonomiudvalget" ->
    ØU, "Seniorudvalget" -> SU/SEU, "Kommunalbestyrelsen" -> KB, "Byrådet" -> BR."""
    name = committee.casefold()
    words = [w for w in re.split(r"[\s-]+", name) if w and w not in {"og", "for"}]
    out: set[str] = set()
    if name.endswith(("udvalget", "udvalg")):
        heads = [w[0] for w in words]
        out.add("".join(heads) + "u")
        if len(words) == 1:
            out.add(words[0][:2] + "u")
    if name.startswith("kommunalbestyrelse"):
        out.add("kb")
    if name.startswith("byråd"):
        out.add("br")
    return frozenset(out)


def resolve_committee(mention: str, known: list[str]) -> str | None:
    """The stored committee (one of ``known``) a question's mention names, or None.

    Exact name, its stem ("seniorudvalg" for "Seniorudvalget"), an abbreviation (SSU, ØU, KB), or an
    English name ("the council", "senior committee")."""
    key = " ".join(mention.casefold().replace("'s", "").split())
    key = re.sub(r"^(?:the|city|municipal)\s+", "", key)
    for kind in known:
        folded = kind.casefold()
        if key == folded or (len(key) >= 6 and (folded.startswith(key) or key.startswith(folded[:-2]))):
            return kind
    for kind in known:
        if key in abbreviations(kind):
            return kind
    for pattern, names in _ENGLISH_COMMITTEES:
        if pattern.search(key) and "committee" in key or (pattern.pattern == "council" and pattern.search(key)):
            for kind in known:
                if any(kind.casefold().startswith(n) or n in kind.casefold() for n in names):
                    return kind
    return None


_PROCEDURAL_RE = re.compile(
    r"^(?:godkendelse\s+af\s+dagsorden(?:en)?|evt\.?|eventuelt|meddelelser\b.*|orientering\s+fra\s+(?:formand|udvalgsformand|administration|direktør)\w*.*"
    r"|afbud(?:/fravær)?|fravær|bemærkninger\s+til\s+dagsordenen|underskrift\w*|næste\s+møde)$",
    re.IGNORECASE,
)


def is_procedural(title: str) -> bool:
    """True for a meeting's standing items (approval of the agenda, absence, messages, any other business)."""
    return _PROCEDURAL_RE.match(" ".join(title.split())) is not None
