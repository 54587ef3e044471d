"""A case across committees: the stored items that share a case number (or a running title), in order.

A case ("sag") travels udvalg -> Økonomiudvalget -> Kommunalbestyrelsen, and its later items often
carry another title, or (in another system) another spelling of its number: items are linked by
``items.case_key`` (``minutes.cases.case_key``) and, for the meetings that print no number, by
``items.series_key`` (``minutes.cases.title_series``: "Akutpladser - …").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import false, or_, select

from storage.database import Database
from storage.mapping import as_date
from storage.models import ItemRow, MeetingRow


@dataclass(frozen=True)
class CaseStep:
    """One item of a case: where and when it was dealt with, and what came of it."""

    item_id: int
    meeting_date: date
    committee: str
    document_type: str
    source: str
    source_url: str | None
    number: str | None
    title: str
    case_number: str | None
    case_key: str | None
    series_key: str | None
    outcome: str
    decision: str
    confidential: bool


class CaseStore:
    """Use cases over cases: each public method one read in one session."""

    def __init__(self, database: Database) -> None:
        self.db = database

    async def steps(
        self,
        *,
        tenant_id: str,
        include_confidential: bool,
        item_ids: Iterable[int] = (),
        keys: Iterable[str] = (),
        series: Iterable[str] = (),
    ) -> list[CaseStep]:
        """The visible items that are one of ``item_ids``, carry one of the case ``keys`` or belong to
        one of the title ``series``; oldest first (meeting date, then agenda order). Closed items only
        with ``include_confidential``."""
        ids, keys_, series_ = list(item_ids), sorted(set(keys)), sorted(set(series))
        if not (ids or keys_ or series_):
            return []
        which = []
        if ids:
            which.append(ItemRow.id.in_(ids))
        if keys_:
            which.append(ItemRow.case_key.in_(keys_))
        if series_:
            which.append(ItemRow.series_key.in_(series_))
        query = (
            select(ItemRow, MeetingRow)
            .join(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
            .where(MeetingRow.tenant_id == tenant_id, or_(*which))
            .order_by(MeetingRow.date, MeetingRow.id, ItemRow.position)
        )
        if not include_confidential:
            query = query.where(ItemRow.confidential == false(), MeetingRow.confidential == false())
        async with self.db.sessions() as session:
            rows = (await session.execute(query)).all()
        return [
            CaseStep(
                item_id=item.id,
                meeting_date=meeting.date,
                committee=meeting.meeting_kind,
                document_type=meeting.document_type,
                source=meeting.source,
                source_url=meeting.source_url,
                number=item.number,
                title=item.title,
                case_number=item.case_number,
                case_key=item.case_key,
                series_key=item.series_key,
                outcome=item.outcome,
                decision=item.decision,
                confidential=item.confidential or meeting.confidential,
            )
            for item, meeting in rows
        ]

    async def next_steps(
        self, item_ids: Iterable[int], *, tenant_id: str, include_confidential: bool
    ) -> dict[int, CaseStep]:
        """For each given item on a numbered case: the case's next visible item at a later meeting."""
        ids = list(item_ids)
        if not ids:
            return {}
        # Asked after every decision answer, and most items are on no numbered case: only the keys and
        # dates are read first (whole rows cost ~1.5 ms a turn), whole steps only for a case found.
        query = (
            select(ItemRow.id, ItemRow.case_key, MeetingRow.date)
            .join(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
            .where(MeetingRow.tenant_id == tenant_id, ItemRow.id.in_(ids), ItemRow.case_key.is_not(None))
        )
        # (db.read: on SQLite one worker thread on a plain connection, no ORM session around it.)
        rows = await self.db.read(lambda session: session.execute(query).all())
        keyed = [(int(i), str(key), as_date(day)) for i, key, day in rows if key]
        if not keyed:
            return {}
        later = await self.steps(
            tenant_id=tenant_id, include_confidential=include_confidential, keys=[key for _, key, _ in keyed]
        )
        out: dict[int, CaseStep] = {}
        for item_id, key, day in keyed:
            after = [s for s in later if s.case_key == key and s.meeting_date > day]
            if after:
                out[item_id] = after[0]
        return out
