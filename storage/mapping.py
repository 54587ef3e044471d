"""Stored rows into the domain dataclasses callers see: each conversion written once.

Sessions and rows never leave ``storage/``; what the use cases hand out is built here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from minutes.model import AgendaItem, DocumentType, FollowUp, Meeting, Outcome, Section
from storage.models import FollowUpRow, MeetingRow


@dataclass(frozen=True)
class Related:
    """Another stored document of the same meeting (the indstilling behind an item, or the minutes)."""

    source: str
    kind: str
    title: str
    document_type: str


@dataclass(frozen=True)
class SearchHit:
    """One item that answers a question, with everything a citation needs."""

    item_id: int
    meeting_id: int
    meeting_date: date
    meeting_kind: str
    meeting_title: str
    document_type: str
    source: str
    item_number: str | None
    item_title: str
    decision: str
    outcome: str
    presenters: tuple[str, ...]
    confidential: bool
    score: float
    related: tuple[Related, ...] = ()
    document_kind: str = ""  # the document's own kind: "Rådmandsmøde", "Rådmandsindstilling", …
    source_url: str | None = None  # where the original document lives, when the store knows it
    matched_by: tuple[str, ...] = ("lexical",)  # the search channels that found it (storage.fusion)


# The columns of a citation, in the order ``search_hit`` reads them (items ``i`` joined to meetings ``m``).
HIT_COLUMNS = (
    "i.id, m.id, m.date, m.meeting_kind, m.title, m.document_type, m.source, i.number, i.title, "
    "i.decision, i.outcome, i.presenters, i.confidential, m.kind, m.source_url"
)
# Callers select their own columns after HIT_COLUMNS; the first of them is at this index.
HIT_WIDTH = 15


def as_date(value: Any) -> date:
    """A date column's value: raw SQL on SQLite returns ISO text, PostgreSQL a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _as_list(value: Any) -> list[str]:
    return json.loads(value) if isinstance(value, str) else list(value or ())


def search_hit(
    row: Sequence[Any], score: float, related: tuple[Related, ...] = (), matched_by: tuple[str, ...] = ("lexical",)
) -> SearchHit:
    """A citation from a row of ``HIT_COLUMNS``."""
    return SearchHit(
        item_id=row[0],
        meeting_id=row[1],
        meeting_date=as_date(row[2]),
        meeting_kind=row[3],
        meeting_title=row[4],
        document_type=row[5],
        source=row[6],
        item_number=row[7],
        item_title=row[8],
        decision=row[9],
        outcome=row[10],
        presenters=tuple(_as_list(row[11])),
        confidential=bool(row[12]),
        score=score,
        related=related,
        document_kind=row[13],
        source_url=row[14],
        matched_by=matched_by,
    )


def meeting(row: MeetingRow, followups_by_item: Mapping[int, Sequence[FollowUpRow]] | None = None) -> Meeting:
    """A stored document with its items (``row.items`` loaded) and, when given, the items' own follow-ups."""
    followups_by_item = followups_by_item or {}
    items = tuple(
        AgendaItem(
            number=i.number,
            title=i.title,
            presenters=tuple(i.presenters or ()),
            start=i.start,
            end=i.end,
            decision=i.decision,
            outcome=Outcome(i.outcome),
            confidential=i.confidential,
            subpoints=tuple(i.subpoints or ()),
            sections=tuple(Section(s["heading"], s["text"]) for s in (i.sections or ())),
            followups=tuple(followup(f) for f in followups_by_item.get(i.id, ())),
            case_number=i.case_number,
        )
        for i in row.items
    )
    return Meeting(
        source=row.source,
        kind=row.kind,
        title=row.title,
        date=row.date,
        document_type=DocumentType(row.document_type),
        meeting_kind=row.meeting_kind,
        start=row.start,
        end=row.end,
        location=row.location,
        participants=tuple(row.participants or ()),
        responsible=row.responsible,
        confidential=row.confidential,
        items=items,
        absent=tuple(row.absent or ()),
        source_url=row.source_url,
        date_basis=row.date_basis,
    )


def followup(row: FollowUpRow) -> FollowUp:
    """A follow-up as the minutes state it (text, owner, due)."""
    return FollowUp(text=row.text, owner=row.owner, due=row.due)
