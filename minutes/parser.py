"""Text of a minutes document -> :class:`~minutes.model.Meeting`.

Two families are understood:

* **Minutes/agenda exports** ("Rådmandsmøde (Rådmandsmøde)", a "DD-MM-YYYY HH:MM - HH:MM" line,
  a location, an "Information:" block of "Pkt. N kl. H.MM-H.MM names" slots, "Mødedeltagere :",
  an optional "Indhold" table of contents, then "Punkt N: title" / "Beslutning for Punkt N: title"
  sections), with or without markdown.
* **Indstillinger** (a proposal to one meeting: "Rådmandsindstilling: title" or a tab-separated
  header naming "Rådmandsmøde – fredag den 11. september 2020", Åben/Lukket checkboxes, sections
  Baggrund/Kommunikation/Beslutninger/…, and "Referat" with the meeting's decision), including
  HTML fragments pasted into the text.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, time

from minutes.calendar import MONTH_ABBREVIATIONS_DA, MONTHS_DA, WEEKDAYS_DA, alternation, month_number
from minutes.committee_text import looks_like_committee, parse_committee_lines
from minutes.followups import extract_followups
from minutes.markup import CHECKED, contains_html, html_to_text
from minutes.model import AgendaItem, DocumentType, FollowUp, Meeting, ParseError, Section
from minutes.outcomes import classify_outcome

__all__ = ["classify_outcome", "parse_text"]

# ------------------------------------------------------------------------------------------
# Lines
# ------------------------------------------------------------------------------------------

_NEWLINES_RE = re.compile(r"[\f\v\x85\u2028\u2029]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
# Either of the two above: one pass over a clean text settles both checks.
_ODD_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\x85\u2028\u2029]")
_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET_RE = re.compile(r"^(\s*)[*+](\s+)")
_MD_EMPHASIS_RE = re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?![\w*])")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_RULE_RE = re.compile(r"^[\s\-=_*|:~]*$")
_LEAD_LIST_RE = re.compile(r"^\s+(?=(?:[-•]|\d+[.)]|[a-z][.)])\s)")


def _clean_line(line: str) -> str:
    """One line without markdown headings, emphasis, escapes or trailing blanks (tabs kept)."""
    line = line.rstrip()
    if not line:
        return ""
    first = line.lstrip()[:1]
    if first == "#":
        line = _MD_HEADING_RE.sub("", line)
    elif first in {"*", "+"}:
        line = _MD_BULLET_RE.sub(r"\1-\2", line)
    if "*" in line or "_" in line:
        line = line.replace("**", "").replace("__", "")
        line = _MD_EMPHASIS_RE.sub(r"\1", line)
    if "\\" in line:
        line = _MD_ESCAPE_RE.sub(r"\1", line)
    return line.replace("\u00a0", " ")


def _prepare(text: str, source: str) -> tuple[list[str], bool]:
    """Normalised lines of ``text`` and whether they map 1:1 to the input lines (no HTML)."""
    if not text.strip(" \t\r\n\ufeff\u00a0"):
        raise ParseError(source, "empty document")
    odd = _ODD_CHARS_RE.search(text) is not None
    if odd and ("\x00" in text or len(_CONTROL_RE.findall(text)) > max(3, len(text) // 200)):
        raise ParseError(source, "binary content, not a text document")
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if odd and _NEWLINES_RE.search(text):
        text = _NEWLINES_RE.sub("\n", text)
    direct = True
    if contains_html(text):
        text = html_to_text(text, preserve_whitespace=True)
        direct = False
    return [_clean_line(line) for line in text.split("\n")], direct


def _flat(line: str) -> str:
    """A line as one run of text: cells and whitespace runs collapsed to single spaces."""
    return " ".join(line.split())


def _join(lines: list[str]) -> str:
    """Lines as the minutes' own text: blank lines dropped, whitespace collapsed, nesting kept.

    A list line that was indented stays indented by two spaces (the nesting is part of the list
    structure); everything else is flush left.
    """
    out: list[str] = []
    for line in lines:
        flat = _flat(line)
        if not flat:
            continue
        out.append("  " + flat if _LEAD_LIST_RE.match(line) else flat)
    return "\n".join(out)


# ------------------------------------------------------------------------------------------
# Dates, times, names
# ------------------------------------------------------------------------------------------

# Minutes are Danish documents: Danish month names and abbreviations ("22. sept. 2020") only.
_MONTH_WORD = rf"(?:{alternation((*MONTHS_DA, *MONTH_ABBREVIATIONS_DA))})\.?"
_WEEKDAY_WORD = rf"(?:{alternation(WEEKDAYS_DA)})"
# "20-08-2021", "22/2 2018", "11. september 2020", optionally after a weekday and "den".
_DATE_SRC = (
    rf"(?:{_WEEKDAY_WORD}\s*,?\s+)?(?:den\s+|d\.\s*)?"
    rf"(?P<d>\d{{1,2}})(?:\.\s*(?P<mname>{_MONTH_WORD})|[-/.](?P<m>\d{{1,2}})(?:[-/.]|\s+))\s*(?P<y>\d{{4}})"
)
_TIME_SRC = r"(?P<{0}h>\d{{1,2}})[.:](?P<{0}m>\d{{2}})"
_MINUTES_DATE_RE = re.compile(
    rf"^(?:dato\s*:\s*)?{_DATE_SRC}"
    rf"(?:\s*,?\s*(?:kl\.?\s*)?{_TIME_SRC.format('s')}(?:\s*[-–—]\s*{_TIME_SRC.format('e')})?)?\s*\.?$",
    re.IGNORECASE,
)
_DOC_DATE_RE = re.compile(rf"^(?:den\s+|d\.\s*)?{_DATE_SRC}\.?\s*(?:,\s*(?P<rest>.+))?$", re.IGNORECASE)
_MEETING_LINE_RE = re.compile(
    rf"^(?P<kind>[A-ZÆØÅ][\wæøå-]*møde)\s*(?:[-–—:,]\s*)?{_DATE_SRC}", re.IGNORECASE
)
_TITLE_KIND_RE = re.compile(r"^(?P<title>.*?)\s*\((?P<kind>[^()]+)\)\s*$")
_MEETING_WORD_RE = re.compile(r"[\wæøåÆØÅ-]*møde(?![\wæøå])", re.IGNORECASE)


def _make_date(match: re.Match[str]) -> date | None:
    month = month_number(match["mname"]) if match["mname"] else int(match["m"])
    try:
        return date(int(match["y"]), month, int(match["d"]))
    except ValueError:
        return None


def _make_time(match: re.Match[str], prefix: str) -> time | None:
    hour = match[prefix + "h"]
    if hour is None:
        return None
    try:
        return time(int(hour), int(match[prefix + "m"]))
    except ValueError:
        return None


_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|/|&|\bog\b|\band\b)\s*")
_PHONE_PAREN_RE = re.compile(r"\([^()]*\d[^()]*\)")
_NAME_JUNK_RE = re.compile(r"^(?:evt\.?|ev\.)\s+|[()\[\]\"”“]", re.IGNORECASE)


def _names(text: str) -> tuple[str, ...]:
    """Names in a list such as "A, B og C" / "A/B" / "(A), (evt. B)"; phone numbers dropped."""
    text = _PHONE_PAREN_RE.sub("", text)
    names: list[str] = []
    for part in _NAME_SPLIT_RE.split(text):
        name = _NAME_JUNK_RE.sub("", part).strip(" .:-–\t")
        name = _NAME_JUNK_RE.sub("", name).strip(" .:-–\t")
        if name and name not in names:
            names.append(name)
    return tuple(names)


# ------------------------------------------------------------------------------------------
# Minutes exports
# ------------------------------------------------------------------------------------------

_SLOT_RE = re.compile(
    r"^(?:Information\s*:\s*)?Pkt\.?\s*(?P<n>\d+(?:\.\d+)*)\.?"
    rf"(?:\s*,?\s*(?:kl\.?\s*)?{_TIME_SRC.format('s')}(?:\s*[-–—]\s*{_TIME_SRC.format('e')})?)?"
    r"\s*[:,–-]?\s*(?P<names>.*)$",
    re.IGNORECASE,
)
_INFO_RE = re.compile(r"^Information\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
_PARTICIPANTS_RE = re.compile(r"^(?:Mødedeltagere|Deltagere)\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
_TOC_HEAD_RE = re.compile(r"^(?:Indhold|Indholdsfortegnelse|Dagsorden)\s*:?$", re.IGNORECASE)
_TOC_LINE_RE = re.compile(r"(?:\.{3,}|…+)\s*\d+\s*$|\t\s*\d+\s*$")
_ITEM_RE = re.compile(r"^Punkt\s+(?P<n>\d+(?:\.\d+)*)\s*[.:–—-]\s*(?P<title>.*)$", re.IGNORECASE)
_ITEM_PART_RE = re.compile(
    r"^(?P<label>Beslutning(?:er)?|Indstilling(?:er)?|Sagsfremstilling|Sagsbeskrivelse|Resumé|Baggrund"
    r"|Bilag|Referat|Oplæg|Tidsplan|Økonomi)\s+(?:for|til|vedr\.?|vedrørende)\s+(?:Punkt|Pkt\.?)\s*"
    r"(?P<n>\d+(?:\.\d+)*)\.?\s*(?:[:.–—-]\s*(?P<title>.*))?$",
    re.IGNORECASE,
)
_SUBPOINT_RE = re.compile(r"^\s*(?:[-•]\s*)?(?P<n>\d+(?:\.\d+)+)\.?\s+(?P<text>\S.*)$")
_CLOSED_MARK_RE = re.compile(r"\s*[(\[]\s*lukket(?:\s+punkt)?\s*[)\]]\s*$|^lukket\s+punkt\s*[:.–-]\s*", re.I)
_CLOSED_LINE_RE = re.compile(r"^\s*[(\[]?\s*lukket(?:\s+punkt)?\s*[)\]]?\s*\.?$", re.IGNORECASE)


@dataclass
class _ItemDraft:
    number: str
    title: str
    body: list[str] = field(default_factory=list)
    decision: list[str] = field(default_factory=list)
    parts: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Slot:
    presenters: tuple[str, ...]
    start: time | None
    end: time | None


def _minutes_header(lines: list[str]) -> tuple[int, int, re.Match[str]] | None:
    """(title line, date line, date match) of a minutes export, if the text starts like one."""
    seen = 0
    previous: int | None = None
    for index, line in enumerate(lines):
        flat = _flat(line)
        if not flat or _RULE_RE.match(flat):
            continue
        match = _MINUTES_DATE_RE.match(flat)
        if match is not None and previous is not None:
            return previous, index, match
        previous = index
        seen += 1
        if seen > 6:
            return None
    return None


def _kind_and_title(line: str) -> tuple[str, str]:
    flat = _flat(line)
    title, paren = flat, ""
    match = _TITLE_KIND_RE.match(flat)
    if match is not None:
        title, paren = match["title"].strip(), match["kind"].strip()
    if paren.lower().endswith("møde"):
        kind = paren
    else:
        words = _MEETING_WORD_RE.findall(title)
        kind = words[-1] if words else (paren or title)
        kind = kind[:1].upper() + kind[1:]
    return kind, title or paren


def _parse_minutes(lines: list[str], source: str, header: tuple[int, int, re.Match[str]], direct: bool) -> Meeting:
    title_index, date_index, date_match = header
    kind, title = _kind_and_title(lines[title_index])
    day = _make_date(date_match)
    if day is None:
        line_no = date_index + 1 if direct else None
        raise ParseError(source, f"invalid meeting date {_flat(lines[date_index])!r}", line_no)
    start, end = _make_time(date_match, "s"), _make_time(date_match, "e")

    location: str | None = None
    participants: tuple[str, ...] = ()
    slots: dict[str, _Slot] = {}
    index = date_index + 1
    want_participants = False
    while index < len(lines):
        flat = _flat(lines[index])
        if _ITEM_RE.match(flat) or _ITEM_PART_RE.match(flat) or _TOC_HEAD_RE.match(flat):
            break
        index += 1
        if not flat or _RULE_RE.match(flat):
            continue
        if want_participants:
            participants, want_participants = _names(flat), False
            continue
        info = _INFO_RE.match(flat)
        if info is not None:
            flat = info["rest"]
            if not flat:
                continue
        slot = _SLOT_RE.match(flat)
        if slot is not None:
            slots[slot["n"]] = _Slot(_names(slot["names"]), _make_time(slot, "s"), _make_time(slot, "e"))
            continue
        who = _PARTICIPANTS_RE.match(flat)
        if who is not None:
            if who["rest"]:
                participants = _names(who["rest"])
            else:
                want_participants = True
            continue
        if location is None and info is None:
            location = flat

    drafts: dict[str, _ItemDraft] = {}
    target: list[str] | None = None
    for line in lines[index:]:
        if "kt" not in line and "KT" not in line and "ndhold" not in line and "agsorden" not in line:
            if target is not None:
                target.append(line)  # the common case: not a heading of any kind
            continue
        flat = _flat(line)
        if _TOC_HEAD_RE.match(flat):
            continue
        if flat.lower().startswith(("punkt", "beslutning")) and _TOC_LINE_RE.search(line):
            continue  # a table-of-contents line ("Punkt 1: Titel.....<TAB>1")
        heading = _ITEM_RE.match(flat)
        if heading is not None and not _has_text(drafts.get(heading["n"])):
            # An item already decided is not re-opened: "Punkt 2: …" in later text is a mention.
            draft = drafts.setdefault(heading["n"], _ItemDraft(heading["n"], heading["title"].strip()))
            target = draft.body
            continue
        part = _ITEM_PART_RE.match(flat)
        if part is not None:
            n = part["n"]
            draft = drafts.setdefault(n, _ItemDraft(n, (part["title"] or "").strip()))
            label = part["label"].strip()
            target = draft.decision if label.lower().startswith("beslutning") else draft.parts.setdefault(label, [])
            continue
        if target is not None:
            target.append(line)

    items = tuple(_finish_item(draft, slots.get(draft.number), day) for draft in drafts.values())
    if not items:
        raise ParseError(source, "no agenda items ('Punkt N: …') found")
    has_decisions = any(item.decision for item in items)
    return Meeting(
        source=source,
        kind=kind,
        title=title,
        date=day,
        document_type=DocumentType.MINUTES if has_decisions else DocumentType.AGENDA,
        meeting_kind=kind,
        start=start,
        end=end,
        location=location,
        participants=participants,
        items=items,
    )


def _has_text(draft: _ItemDraft | None) -> bool:
    return draft is not None and any(line.strip() for line in draft.decision)


def _finish_item(draft: _ItemDraft, slot: _Slot | None, day: date) -> AgendaItem:
    title = draft.title
    confidential = False
    marked = _CLOSED_MARK_RE.search(title)
    if marked is not None:
        title = (title[: marked.start()] + title[marked.end() :]).strip()
        confidential = True
    subpoints: list[str] = []
    description: list[str] = []
    for line in draft.body:
        if _CLOSED_LINE_RE.match(line):
            confidential = True
            continue
        sub = _SUBPOINT_RE.match(line)
        if sub is not None:
            subpoints.append(f"{sub['n']} {_flat(sub['text'])}")
        else:
            description.append(line)
    sections: list[Section] = []
    if text := _join(description):
        sections.append(Section("Beskrivelse", text))
    for label, part_lines in draft.parts.items():
        if text := _join(part_lines):
            sections.append(Section(label, text))
    decision = _join(draft.decision)
    return AgendaItem(
        number=draft.number,
        title=title,
        presenters=slot.presenters if slot else (),
        start=slot.start if slot else None,
        end=slot.end if slot else None,
        decision=decision,
        outcome=classify_outcome(decision),
        confidential=confidential,
        subpoints=tuple(subpoints),
        sections=tuple(sections),
        followups=extract_followups(decision, meeting_date=day, fallback_text=title),
    )


# ------------------------------------------------------------------------------------------
# Indstillinger
# ------------------------------------------------------------------------------------------

_INDSTILLING_MARK_RE = re.compile(
    r"(?:Åben|Lukket)\s+indstilling|^\s*[A-ZÆØÅ][\wæøå-]*indstilling\s*:", re.IGNORECASE | re.MULTILINE
)
_KIND_TITLE_RE = re.compile(r"^(?P<kind>[A-ZÆØÅ][\wæøå-]*indstilling)\s*[:–—-]\s*(?P<title>\S.*)$")
_REFERAT_RE = re.compile(r"^(?:Referat|Beslutningsreferat|Referat/beslutning)\s*(?::\s*(?P<rest>.*))?$", re.IGNORECASE)
_SECTION_RE = re.compile(
    r"^(?P<h>Effekt og målopfølgning|Effekt|Baggrund|Formål|Resumé|Sammenfatning|Sagsfremstilling"
    r"|Indstilling|Kommunikation|Beslutninger|Opfølgning|Koordinering"
    r"|Koordineret med andre afdelinger(?:,\s*hvilke)?|Implementering|Økonomi|Tidsplan|Risici"
    r"|Ressourcer|Målgruppe|Inddragelse|Involvering|Høring|Proces|Anbefaling|Bilag"
    r"|Direkte udgifter|Indirekte udgifter|Udgiften (?:afholdes|finansieres) inden for)"
    r"(?:\s*\([^()]*\))?\s*(?::\s*(?P<rest>.*))?$"
)
_LABEL_RE = re.compile(
    r"(?P<label>Afdeling/Ansvarlig leder|Ansvarlig/Navn|Ansvarlig leder|Ansvarlig|Sagsbehandler"
    r"|Mødedeltagere|Deltager(?:e)? på mødet|Deltagere)\s*:",
    re.IGNORECASE,
)
_META_RE = re.compile(
    r"(?:Åben|Lukket)\s+indstilling|Denne indstilling er|^\(?Sæt X\)?:?$|" + _LABEL_RE.pattern,
    re.IGNORECASE,
)
_CLOSED_BOX_RE = re.compile(
    r"(?:\[[xX✓✔]\]|[☒☑✓✔✗✘■])\s*Lukket"
    r"|Lukket(?:\s+indstilling)?\s*(?:\t|\|)\s*(?:\[[xX✓✔]\]|[xX✓✔☒☑■])\s*(?:\t|\||$)",
    re.MULTILINE,
)
_PAREN_STRIP_RE = re.compile(r"^\((.*)\)$")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")]


def _labels(lines: list[str]) -> dict[str, str]:
    """Form fields ("Sagsbehandler:", "Ansvarlig/Navn: …") -> value, lower-case label keys.

    A label with no value in its own cell takes the next cell of its row, or the cell under it
    in the next non-empty row (the tab-separated header of an indstilling is a table).
    """
    values: dict[str, str] = {}
    rows = [_cells(line) for line in lines if line.strip()]
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            if ":" not in cell:
                continue
            found = list(_LABEL_RE.finditer(cell))
            for k, match in enumerate(found):
                stop = found[k + 1].start() if k + 1 < len(found) else len(cell)
                value = cell[match.end() : stop].strip()
                if not value and k + 1 == len(found):
                    after = next((x for x in cells[c + 1 :] if x), "")
                    if after and not _LABEL_RE.search(after):
                        value = after
                    elif r + 1 < len(rows) and c < len(rows[r + 1]) and ":" not in rows[r + 1][c]:
                        value = rows[r + 1][c]
                if value:
                    values.setdefault(_flat(match["label"]).lower(), value)
    return values


def _responsible(labels: dict[str, str], fallback: str | None) -> str | None:
    for key in ("afdeling/ansvarlig leder", "ansvarlig/navn", "ansvarlig leder", "ansvarlig"):
        value = labels.get(key)
        if value:
            value = _PAREN_STRIP_RE.sub(r"\1", value.strip()).strip()
            if "/" in key and value.count("/") == 1:
                value = ", ".join(part.strip() for part in value.split("/"))
            return value
    return fallback


def _may_be_meta(flat: str) -> bool:
    """Cheap pre-check for :data:`_META_RE` (a form field has a colon or names the checkbox)."""
    return ":" in flat or "ndstilling" in flat or "æt X" in flat


def _sections(lines: list[str]) -> list[Section]:
    """Named sections; form fields, checkbox tables and repeated table rows are left out."""
    sections: list[tuple[str, list[str]]] = []
    seen_cells: set[str] = set()
    for line in lines:
        flat = _flat(line)
        if not flat or _RULE_RE.match(flat):
            continue
        heading = _SECTION_RE.match(flat)
        if heading is not None:
            name = heading["h"].split(",")[0]
            sections.append((name, []))
            rest = (heading["rest"] or "").replace("(Sæt X)", "").strip()
            if rest:
                sections[-1][1].append(rest)
            continue
        if not sections or (_may_be_meta(flat) and _META_RE.search(flat)):
            continue
        cells = [cell for cell in _cells(line) if cell]
        if len(cells) > 1:
            if all(cell in seen_cells or not any(ch.isalnum() for ch in cell) for cell in cells):
                continue  # a flattened copy of a table already read
            seen_cells.update(cells)
            sections[-1][1].append(" | ".join(cells))
        else:
            sections[-1][1].append(line)
    merged: dict[str, list[str]] = {}
    for name, body in sections:
        merged.setdefault(name, []).extend(body)
    return [Section(name, text) for name, body in merged.items() if (text := _join(body))]


def _parse_indstilling(lines: list[str], source: str) -> Meeting:
    referat_at = next(
        (i for i, line in enumerate(lines) if "eferat" in line and _REFERAT_RE.match(_flat(line))), None
    )
    before = lines if referat_at is None else lines[:referat_at]
    decision_lines: list[str] = []
    if referat_at is not None:
        rest = _REFERAT_RE.match(_flat(lines[referat_at]))
        decision_lines = ([rest["rest"]] if rest and rest["rest"] else []) + lines[referat_at + 1 :]

    kind: str | None = None
    title: str | None = None
    meeting_kind: str | None = None
    meeting_day: date | None = None
    doc_day: date | None = None
    doc_responsible: str | None = None
    first_cell: str | None = None
    for line in before:
        if _SECTION_RE.match(_flat(line)):
            break  # the header is over
        for cell in _cells(line):
            flat = _flat(cell)
            if not flat:
                continue
            if first_cell is None and not _META_RE.search(flat) and not flat.startswith(CHECKED):
                first_cell = flat
            if kind is None and (match := _KIND_TITLE_RE.match(flat)):
                kind, title = match["kind"], match["title"].strip()
            elif meeting_day is None and (match := _MEETING_LINE_RE.match(flat)):
                meeting_kind, meeting_day = match["kind"], _make_date(match)
            elif doc_day is None and (match := _DOC_DATE_RE.match(flat)):
                doc_day = _make_date(match)
                doc_responsible = (match["rest"] or "").strip() or None
        if meeting_day and kind:
            break

    day = meeting_day or doc_day
    if day is None:
        raise ParseError(
            source,
            "indstilling without a meeting date ('Rådmandsmøde – fredag den 11. september 2020' or 'Den 22/2 2018')",
        )
    if kind is None:
        kind = meeting_kind[: -len("møde")] + "indstilling" if meeting_kind else "Indstilling"
    if meeting_kind is None:
        meeting_kind = kind[: -len("indstilling")] + "møde" if kind.lower() != "indstilling" else ""
    if not title:
        title = first_cell or kind

    labels = _labels(before)
    participant_keys = ("mødedeltagere", "deltager på mødet", "deltagere på mødet", "deltagere")
    participants = _names(next((labels[k] for k in participant_keys if k in labels), ""))
    before_text = "\n".join(before)
    confidential = "ukket" in before_text and _CLOSED_BOX_RE.search(before_text) is not None
    sections = _sections(before)
    decision = _join(decision_lines)
    followups: list[FollowUp] = []
    for section in sections:
        if section.heading == "Opfølgning":
            followups.extend(extract_followups(section.text, meeting_date=day, fallback_text=title))
    followups.extend(extract_followups(decision, meeting_date=day, fallback_text=title))
    item = AgendaItem(
        number=None,
        title=title,
        presenters=participants,
        decision=decision,
        outcome=classify_outcome(decision),
        confidential=confidential,
        sections=tuple(sections),
        followups=tuple(dict.fromkeys(followups)),
    )
    return Meeting(
        source=source,
        kind=kind,
        title=title,
        date=day,
        document_type=DocumentType.INDSTILLING,
        meeting_kind=meeting_kind,
        participants=participants,
        responsible=_responsible(labels, doc_responsible),
        confidential=confidential,
        items=(item,),
        date_basis="meeting" if meeting_day is not None else "document",
    )


# ------------------------------------------------------------------------------------------
# Entry point
# ------------------------------------------------------------------------------------------


def parse_text(text: str, source: str, *, source_url: str | None = None) -> Meeting:
    """Parse the text of one minutes export, agenda, indstilling or published committee document.

    Line endings (CRLF, CR), a byte-order mark, markdown markup and HTML fragments are
    tolerated. The families are tried by their marks: MSO's minutes export (a title line followed by
    "DD-MM-YYYY HH:MM - HH:MM" and "Punkt N:" items), a committee's agenda or minutes as municipalities
    publish them (:mod:`minutes.committee_text`), an indstilling. Raises
    :class:`~minutes.model.ParseError` naming ``source`` (and the line where it helps) for an empty or
    binary text, a text none of the families recognise (the message names what was looked for), an
    invalid header date, minutes without any item, or an indstilling without a date.
    """
    meeting = _parse_any(text, source)
    if source_url and not meeting.source_url:
        meeting = dataclasses.replace(meeting, source_url=source_url)
    return meeting


_MSO_INDSTILLING_RE = re.compile(r"(?:Åben|Lukket)\s+indstilling|^\s*[A-ZÆØÅ][\wæøå-]+indstilling\s*:", re.IGNORECASE)


def _mso_indstilling_marked(lines: list[str]) -> bool:
    """MSO's own indstilling marks on some line ("Rådmandsindstilling: …", "Åben indstilling")."""
    return any("ndstilling" in line and _MSO_INDSTILLING_RE.search(line) for line in lines)


def _parse_any(text: str, source: str) -> Meeting:
    lines, direct = _prepare(text, source)
    header = _minutes_header(lines)
    mso_items = header is not None and any(
        ("kt" in line or "KT" in line) and (_ITEM_RE.match(_flat(line)) or _ITEM_PART_RE.match(_flat(line)))
        for line in lines
    )
    if header is not None and mso_items:
        return _parse_minutes(lines, source, header, direct)
    joined = "\n".join(lines)
    if "ndstilling" in joined and _mso_indstilling_marked(lines):
        return _parse_indstilling(lines, source)  # MSO's own marks ("Rådmandsindstilling:", "Åben indstilling")
    committee_error: ParseError | None = None
    if looks_like_committee(lines):
        try:
            return parse_committee_lines(lines, source)
        except ParseError as exc:  # another family may still know it; else this names what is missing
            committee_error = exc
    if "indstilling" in joined.lower() and _INDSTILLING_MARK_RE.search(joined):
        return _parse_indstilling(lines, source)
    if _dated_indstilling(lines):
        return _parse_indstilling(lines, source)
    if header is not None:
        return _parse_minutes(lines, source, header, direct)
    if committee_error is not None:
        raise committee_error
    raise ParseError(
        source,
        "no meeting header found: expected a title line followed by 'DD-MM-YYYY HH:MM - HH:MM' and "
        "'Punkt N:' items, a committee agenda/minutes (a committee name such as 'Seniorudvalget', a date, "
        "numbered items '2. Titel' / 'Pkt. 7 Titel' / 'Sag nr. 31'), "
        "or an indstilling ('Rådmandsindstilling: …', 'Åben/Lukket indstilling', 'Den 22/2 2018, <afdeling>')",
    )


def _dated_indstilling(lines: list[str]) -> bool:
    """An indstilling that names neither its kind nor a meeting, only its own date ("Den 12/6 2020,
    Sundhed og Forebyggelse") above indstilling sections (Baggrund/Beslutninger/Indstilling)."""
    head = [_flat(cell) for line in lines[:40] for cell in _cells(line) if cell.strip()]
    dated = any(_DOC_DATE_RE.match(cell) and cell.lower().startswith(("den ", "d.")) for cell in head[:12])
    return dated and any(_SECTION_RE.match(_flat(line)) for line in lines)
