"""The JSON shape of ``referatbot export`` (a stable contract: add fields, never rename or drop)."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from minutes.model import AgendaItem, DocumentType, FollowUp, Meeting


def _time(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def followup_to_dict(followup: FollowUp) -> dict[str, Any]:
    """``{"text", "owner", "due"}`` with ``due`` as YYYY-MM-DD or null."""
    return {"text": followup.text, "owner": followup.owner, "due": _date(followup.due)}


def item_to_dict(item: AgendaItem) -> dict[str, Any]:
    """One agenda item in export form."""
    return {
        "number": item.number,
        "title": item.title,
        "presenters": list(item.presenters),
        "start": _time(item.start),
        "end": _time(item.end),
        "decision": item.decision,
        "outcome": item.outcome.value,
        "confidential": item.confidential,
        "followups": [followup_to_dict(f) for f in item.followups],
        "subpoints": list(item.subpoints),
        "sections": [{"heading": s.heading, "text": s.text} for s in item.sections],
        "case_number": item.case_number,
    }


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    """One meeting (or indstilling) in export form."""
    return {
        "source": meeting.source,
        "kind": meeting.kind,
        "title": meeting.title,
        "date": meeting.date.isoformat(),
        "start": _time(meeting.start),
        "end": _time(meeting.end),
        "location": meeting.location,
        "participants": list(meeting.participants),
        "confidential": meeting.confidential,
        "items": [item_to_dict(i) for i in meeting.items],
        "document_type": meeting.document_type.value,
        "meeting_kind": meeting.meeting_kind,
        "responsible": meeting.responsible,
        "document_kind": document_kind(meeting),
        "absent": list(meeting.absent),
        "source_url": meeting.source_url,
        "date_basis": meeting.date_basis,
    }


def document_kind(meeting: Meeting) -> str:
    """"agenda" for a meeting's agenda (no decisions yet), "minutes" for minutes and indstillinger."""
    return "agenda" if meeting.document_type is DocumentType.AGENDA else "minutes"
