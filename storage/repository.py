"""The repository facade: each public method is one use case in one transaction.

Sessions never leave this package; callers get and give domain dataclasses.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from minutes.model import AgendaItem, DocumentType, FollowUp, Meeting, Outcome, Section
from storage.conversations import ConversationStore
from storage.database import Database
from storage.models import DialogStateRow, FollowUpRow, ItemRow, MeetingRow
from storage import search_index
from storage.search import SearchHit, SearchQuery, SearchResult, search

IngestStatus = Literal["ingested", "replaced", "unchanged"]


@dataclass(frozen=True)
class IngestOutcome:
    """What ``Repository.ingest`` did with one document."""

    status: IngestStatus
    meeting_id: int
    replaced: tuple[str, ...] = ()  # sources of the documents it replaced


@dataclass(frozen=True)
class DialogState:
    """A question the bot asked and waits to have answered: its kind and what it needs to remember."""

    kind: str
    payload: dict[str, Any]


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; they were stored as UTC.
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def content_hash(meeting: Meeting) -> str:
    """A hash of everything parsed from a document except its file name."""
    return hashlib.sha256(repr(dataclasses.replace(meeting, source="")).encode("utf-8")).hexdigest()


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _meeting_from_row(row: MeetingRow, followups_by_item: dict[int, list[FollowUpRow]]) -> Meeting:
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
            followups=tuple(
                FollowUp(text=f.text, owner=f.owner, due=f.due) for f in followups_by_item.get(i.id, ())
            ),
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
    )


class Repository(ConversationStore):
    """Use cases over the store. One instance per process; safe to share between tasks.

    Feature use cases live in mixins (``storage/conversations.py``, …) listed in the bases.
    """

    def __init__(self, database: Database) -> None:
        self.db = database

    # ---- ingest -------------------------------------------------------------------------------

    async def ingest(self, meeting: Meeting, *, tenant_id: str = "", now: datetime | None = None) -> IngestOutcome:
        """Store ``meeting``; a corrected version of the same document replaces the old one atomically.

        The same document is the same source file name, or for minutes/agendas the same meeting kind
        and date, or for an indstilling the same kind, date and title. Ingesting identical content
        again changes nothing.
        """
        digest = content_hash(meeting)
        async with self.db.sessions.begin() as session:
            previous = await self._same_documents(session, meeting, tenant_id)
            if any(row.content_hash == digest for row in previous) and len(previous) == 1:
                return IngestOutcome("unchanged", previous[0].id)
            replaced = tuple(row.source for row in previous)
            if previous:
                ids = [row.id for row in previous]
                await search_index.remove(session, ids)
                await session.execute(delete(MeetingRow).where(MeetingRow.id.in_(ids)))
            row = await self._insert(session, meeting, digest, tenant_id, now or _utcnow())
            return IngestOutcome("replaced" if replaced else "ingested", row.id, replaced)

    async def _same_documents(self, session: AsyncSession, meeting: Meeting, tenant_id: str) -> list[MeetingRow]:
        same = [MeetingRow.source == meeting.source]
        if meeting.document_type is DocumentType.INDSTILLING:
            same.append(
                (MeetingRow.document_type == DocumentType.INDSTILLING.value)
                & (MeetingRow.kind == meeting.kind)
                & (MeetingRow.date == meeting.date)
                & (MeetingRow.title == meeting.title)
            )
        else:
            same.append(
                MeetingRow.document_type.in_([DocumentType.MINUTES.value, DocumentType.AGENDA.value])
                & (MeetingRow.kind == meeting.kind)
                & (MeetingRow.date == meeting.date)
            )
        result = await session.execute(
            select(MeetingRow).where(MeetingRow.tenant_id == tenant_id, or_(*same)).order_by(MeetingRow.id)
        )
        return list(result.scalars())

    async def _insert(
        self, session: AsyncSession, meeting: Meeting, digest: str, tenant_id: str, now: datetime
    ) -> MeetingRow:
        row = MeetingRow(
            tenant_id=tenant_id,
            source=meeting.source,
            content_hash=digest,
            document_type=meeting.document_type.value,
            kind=meeting.kind,
            meeting_kind=meeting.meeting_kind or meeting.kind,
            title=meeting.title,
            date=meeting.date,
            start=meeting.start,
            end=meeting.end,
            location=meeting.location,
            participants=list(meeting.participants),
            responsible=meeting.responsible,
            confidential=meeting.confidential,
            ingested_at=now,
        )
        row.items = [
            ItemRow(
                position=pos,
                number=item.number,
                title=item.title,
                presenters=list(item.presenters),
                start=item.start,
                end=item.end,
                decision=item.decision,
                outcome=item.outcome.value,
                confidential=item.confidential or meeting.confidential,
                subpoints=list(item.subpoints),
                sections=[{"heading": s.heading, "text": s.text} for s in item.sections],
            )
            for pos, item in enumerate(meeting.items)
        ]
        session.add(row)
        await session.flush()
        for item, item_row in zip(meeting.items, row.items):
            for followup in item.followups:
                session.add(
                    FollowUpRow(
                        tenant_id=tenant_id,
                        conversation_id=None,
                        origin="minutes",
                        meeting_id=row.id,
                        item_id=item_row.id,
                        text=followup.text,
                        owner=followup.owner,
                        due=followup.due,
                        status="open",
                        created_at=now,
                    )
                )
        await search_index.add(session, row, meeting)
        return row

    # ---- export -------------------------------------------------------------------------------

    async def export(self, *, tenant_id: str | None = None) -> list[Meeting]:
        """Every stored document (of one tenant, or all), ordered by date, kind and source."""
        async with self.db.sessions() as session:
            query = select(MeetingRow).options(selectinload(MeetingRow.items))
            if tenant_id is not None:
                query = query.where(MeetingRow.tenant_id == tenant_id)
            rows = list(
                (await session.execute(query.order_by(MeetingRow.date, MeetingRow.kind, MeetingRow.source))).scalars()
            )
            followups = (
                await session.execute(
                    select(FollowUpRow)
                    .where(FollowUpRow.origin == "minutes", FollowUpRow.item_id.is_not(None))
                    .order_by(FollowUpRow.id)
                )
            ).scalars()
            by_item: dict[int, list[FollowUpRow]] = {}
            for f in followups:
                by_item.setdefault(f.item_id or 0, []).append(f)
            return [_meeting_from_row(row, by_item) for row in rows]

    async def count_meetings(self) -> int:
        """How many documents the store holds."""
        from sqlalchemy import func

        async with self.db.sessions() as session:
            return int((await session.execute(select(func.count(MeetingRow.id)))).scalar_one())

    # ---- search -------------------------------------------------------------------------------

    async def search(self, query: SearchQuery) -> SearchResult:
        """Items answering a decisions question, best first (see ``storage.search``)."""
        async with self.db.sessions() as session:
            return await search(session, self.db.dialect, query)

    async def item_hit(self, item_id: int, *, tenant_id: str, include_confidential: bool) -> SearchHit | None:
        """One item as a citation, or None when it does not exist or this caller may not see it."""
        async with self.db.sessions() as session:
            row = (
                await session.execute(
                    select(ItemRow, MeetingRow)
                    .join(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
                    .where(ItemRow.id == item_id, MeetingRow.tenant_id == tenant_id)
                )
            ).first()
            if row is None:
                return None
            item, meeting = row
            if (item.confidential or meeting.confidential) and not include_confidential:
                return None
            return SearchHit(
                item_id=item.id,
                meeting_id=meeting.id,
                meeting_date=meeting.date,
                meeting_kind=meeting.meeting_kind,
                meeting_title=meeting.title,
                document_type=meeting.document_type,
                source=meeting.source,
                item_number=item.number,
                item_title=item.title,
                decision=item.decision,
                outcome=item.outcome,
                presenters=tuple(item.presenters or ()),
                confidential=item.confidential,
                score=1.0,
            )

    async def item_deadlines(self, item_ids: Sequence[int]) -> dict[int, list[tuple[date, str]]]:
        """Dated follow-ups found in the minutes, per item, earliest first."""
        if not item_ids:
            return {}
        async with self.db.sessions() as session:
            rows = await session.execute(
                select(FollowUpRow.item_id, FollowUpRow.due, FollowUpRow.text)
                .where(FollowUpRow.item_id.in_(list(item_ids)), FollowUpRow.due.is_not(None))
                .order_by(FollowUpRow.due)
            )
            out: dict[int, list[tuple[date, str]]] = {}
            for item_id, due, text_ in rows:
                out.setdefault(item_id, []).append((due, text_))
            return out

    # ---- meetings ahead and dialog state --------------------------------------------------------

    async def next_meeting_dates(self, *, tenant_id: str, after: date) -> dict[str, date]:
        """Meeting kind -> the first stored meeting of that kind after ``after``."""
        from sqlalchemy import func

        async with self.db.sessions() as session:
            rows = await session.execute(
                select(MeetingRow.meeting_kind, func.min(MeetingRow.date))
                .where(MeetingRow.tenant_id == tenant_id, MeetingRow.date > after)
                .group_by(MeetingRow.meeting_kind)
            )
            return {kind: d for kind, d in rows}

    async def pending_state(
        self, tenant_id: str, conversation_id: str, user_id: str, *, now: datetime
    ) -> DialogState | None:
        """The question the bot is waiting for this user to answer here, if it has not expired."""
        async with self.db.sessions() as session:
            row = (
                await session.execute(
                    select(DialogStateRow).where(
                        DialogStateRow.tenant_id == tenant_id,
                        DialogStateRow.conversation_id == conversation_id,
                        DialogStateRow.user_id == user_id,
                    )
                )
            ).scalar_one_or_none()
            if row is None or _aware(row.expires_at) <= now:
                return None
            return DialogState(row.kind, dict(row.payload or {}))

    async def set_pending_state(
        self, tenant_id: str, conversation_id: str, user_id: str, kind: str, payload: dict[str, Any], *,
        now: datetime, ttl: timedelta = timedelta(hours=24),
    ) -> None:
        """Remember that the bot asked this user something here (replacing an earlier question)."""
        async with self.db.sessions.begin() as session:
            await session.execute(
                delete(DialogStateRow).where(
                    DialogStateRow.tenant_id == tenant_id,
                    DialogStateRow.conversation_id == conversation_id,
                    DialogStateRow.user_id == user_id,
                )
            )
            session.add(
                DialogStateRow(
                    tenant_id=tenant_id, conversation_id=conversation_id, user_id=user_id, kind=kind,
                    payload=payload, created_at=now, expires_at=now + ttl,
                )
            )

    async def clear_pending_state(self, tenant_id: str, conversation_id: str, user_id: str) -> None:
        """Forget the question the bot asked this user here."""
        async with self.db.sessions.begin() as session:
            await session.execute(
                delete(DialogStateRow).where(
                    DialogStateRow.tenant_id == tenant_id,
                    DialogStateRow.conversation_id == conversation_id,
                    DialogStateRow.user_id == user_id,
                )
            )
