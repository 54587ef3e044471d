"""Committee agendas and minutes exported by agenda systems as publication XML.

The family's marks: a ``Publication`` root (``PublicationTypeAsValue`` 1 = agenda, 2 = minutes),
``Agendas/Agenda`` with ``Committee/Name``, ``Meeting`` (``When``/``Until`` "10-09-2025 15:30:00",
``Where``, ``Members/MeetingMember`` with ``ParticipationStatusAsText`` "Absent" and a
``ParticipationNote``), and ``Items/Item`` (``Number``, ``Caption``, ``IsPublic`` False = closed,
``Case/Number`` — empty for ``Case ID="0"``, ``Fields/ItemField`` with ``Caption``, HTML
``Content`` and ``IsFeedback`` True for the decision). ``ItemHistory`` holds earlier meetings'
decisions: history, never this meeting's decision.

The XML is parsed with ``defusedxml`` (pinned): a published file comes from outside, and the
stdlib parsers would expand entities (billion laughs) or fetch external ones.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from minutes.committee import (
    ItemParts,
    MeetingParts,
    build_meeting,
    committee_in,
    find_datetime,
    split_names,
)
from minutes.markup import html_to_text
from minutes.model import Meeting, ParseError

__all__ = ["parse_publication"]

_URL_RE = re.compile(r"^https?://\S+$", re.IGNORECASE)


def _text(element: Element | None, path: str) -> str:
    found = element.find(path) if element is not None else None
    return " ".join((found.text or "").split()) if found is not None else ""


def _true(value: str) -> bool:
    return value.strip().lower() in {"true", "1", "ja", "yes"}


def _html_lines(markup: str) -> list[str]:
    return [line.strip() for line in html_to_text(markup).split("\n") if line.strip()]


def _url(element: Element) -> str | None:
    """The first absolute http(s) URL among ``element``'s direct children named like a URL or link."""
    for child in element:
        name = child.tag.lower()
        value = " ".join((child.text or "").split())
        if ("url" in name or "link" in name or "href" in name) and _URL_RE.match(value):
            return value
    return None


def parse_publication(data: bytes, source: str, *, source_url: str | None = None) -> Meeting:
    """The ``Agenda`` of a publication XML export as a :class:`Meeting`.

    Raises :class:`~minutes.model.ParseError` for malformed XML, forbidden constructs (DTD entities,
    external references), a root that is not a ``Publication`` with one ``Agenda`` (a file holding
    several meetings is refused by name: each meeting is one document in the store).
    """
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise ParseError(source, f"XML refused: {type(exc).__name__} (entities and DTDs are not allowed)") from exc
    except SafeET.ParseError as exc:
        raise ParseError(source, f"not well-formed XML: {exc}") from exc
    if root.tag != "Publication":
        raise ParseError(source, f"unknown XML shape: root <{root.tag}>, expected <Publication> with Agendas/Agenda")
    agendas = root.findall("Agendas/Agenda")
    if len(agendas) != 1:
        found = "no Agendas/Agenda" if not agendas else f"{len(agendas)} agendas (one meeting per file is supported)"
        raise ParseError(source, f"publication XML with {found}")
    kind_value = _text(root, "PublicationTypeAsValue")
    for agenda in agendas:
        parts = MeetingParts(source=source, source_url=source_url or _url(agenda) or _url(root))
        name = _text(agenda, "Committee/Name")
        parts.committee = committee_in(name) or name or committee_in(_text(agenda, "Name")) or None
        meeting = agenda.find("Meeting")
        when = find_datetime(_text(meeting, "When"))
        if when is not None:
            parts.day, parts.start = when[0], when[1]
        until = find_datetime(_text(meeting, "Until"))
        if until is not None and (when is None or until[0] == when[0]):
            parts.end = until[1]
        parts.location = _text(meeting, "Where") or None
        parts.says_minutes = kind_value == "2"
        parts.says_agenda = kind_value == "1"
        for member in meeting.findall("Members/MeetingMember") if meeting is not None else []:
            person = _text(member, "Name")
            if not person:
                continue
            parts.members.append(person)
            status = _text(member, "ParticipationStatusAsText").lower()
            note = _text(member, "ParticipationNote").lower()
            if status in {"absent", "fraværende", "afbud"} or note.startswith(("afbud", "fravær")):
                parts.absent.extend(split_names(person))
        for element in agenda.findall("Items/Item"):
            number = _text(element, "Number")
            caption = _text(element, "Caption")
            if not number or not caption:
                continue
            item = ItemParts(
                number=number,
                title=caption,
                case_number=_text(element, "Case/Number") or None,
                confidential=not _true(_text(element, "IsPublic") or "True"),
            )
            fields = sorted(element.findall("Fields/ItemField"), key=lambda f: int(_text(f, "Index") or 0))
            for field_ in fields:
                heading = _text(field_, "Caption")
                content = field_.findtext("Content") or ""
                lines = _html_lines(content) if content.strip() else []
                if _true(_text(field_, "IsFeedback")) or heading.lower().startswith("beslutning"):
                    item.decided = bool(lines)
                    item.decision.extend(lines)
                elif lines:
                    item.sections.append((heading or "Beskrivelse", lines))
            parts.items.append(item)
    return build_meeting(parts, ["Items/Item with Number and Caption"] if not parts.items else [])
