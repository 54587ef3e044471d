"""The repository facade: each public method is one use case in one transaction.

Sessions never leave this package; callers get and give domain dataclasses.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
from dataclasses import dataclass
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal, TypeVar

from sqlalchemy import delete, select, union
from sqlalchemy.orm import Session
from sqlalchemy.orm import selectinload

from minutes.cases import case_key, title_series
from minutes.model import AgendaItem, DocumentType, FollowUp, Meeting, Outcome, Section
from storage.cases import CaseStore
from storage.conversations import ConversationStore
from storage.followups import FollowUpStore
from storage.database import Database
from storage.models import Base, DialogStateRow, FollowUpRow, ItemRow, MeetingRow
from storage.reminders import ReminderStore
from storage import bulk, search_index
from storage.search import SearchHit, SearchQuery, SearchResult, search

T = TypeVar("T")
TABLES = Base.metadata.tables  # Core tables, for the bulk inserts of ingest
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


class Repository(ConversationStore, ReminderStore, FollowUpStore):
    """Use cases over the store. One instance per process; safe to share between tasks.

    Feature use cases live in mixins (``storage/conversations.py``, …) listed in the bases.
    """

    def __init__(self, database: Database) -> None:
        self.db = database
        self.cases = CaseStore(database)
        # Stems known to be in the search vocabulary (search_terms rows are never deleted), so ingest
        # does not write them again: after the first few hundred documents most words are known.
        self._vocabulary: set[str] = set()

    # ---- ingest -------------------------------------------------------------------------------

    async def ingest(self, meeting: Meeting, *, tenant_id: str = "", now: datetime | None = None) -> IngestOutcome:
        """Store ``meeting``; a corrected version of the same document replaces the old one atomically.

        The same document is the same source file name, or for minutes/agendas the same meeting kind
        and date, or for an indstilling the same kind, date and title. Ingesting identical content
        again changes nothing.
        """
        return (await self.ingest_many([meeting], tenant_id=tenant_id, now=now))[0]

    async def ingest_many(
        self, meetings: Sequence[Meeting], *, tenant_id: str = "", now: datetime | None = None
    ) -> list[IngestOutcome]:
        """``ingest`` for several documents in one transaction: all of them are stored, or none."""
        now = now or _utcnow()
        batch, added = list(meetings), set[str]()
        # On SQLite one worker thread runs the whole batch on a plain sqlite3 connection (see _write):
        # through the async driver every statement would cost a thread hand-off, ~7 a document.
        outcomes = await self._write(lambda session: self._ingest_batch(session, batch, tenant_id, now, added))
        self._vocabulary |= added  # only once committed: a rolled-back batch stored none of them
        return outcomes

    def _ingest_batch(
        self, session: Session, meetings: list[Meeting], tenant_id: str, now: datetime, added: set[str]
    ) -> list[IngestOutcome]:
        return [self._ingest_one(session, m, tenant_id, now, added) for m in meetings]

    def _ingest_one(
        self, session: Session, meeting: Meeting, tenant_id: str, now: datetime, added: set[str]
    ) -> IngestOutcome:
        digest = content_hash(meeting)
        previous = self._same_documents(session, meeting, tenant_id)
        if len(previous) == 1 and previous[0][2] == digest:
            return IngestOutcome("unchanged", previous[0][0])
        replaced = tuple(source for _, source, _ in previous)
        if previous:
            ids = [id_ for id_, _, _ in previous]
            search_index.remove(session, ids)
            session.execute(delete(MeetingRow).where(MeetingRow.id.in_(ids)))
        meeting_id = self._insert(session, meeting, digest, tenant_id, now, added)
        return IngestOutcome("replaced" if replaced else "ingested", meeting_id, replaced)

    def _same_documents(self, session: Session, meeting: Meeting, tenant_id: str) -> list[tuple[int, str, str]]:
        # A UNION of two indexed lookups, (tenant, source) and (tenant, meeting_kind, date): with an
        # OR, SQLite scanned every meeting for every document ingested.
        columns = (MeetingRow.id, MeetingRow.source, MeetingRow.content_hash)
        by_source = select(*columns).where(MeetingRow.tenant_id == tenant_id, MeetingRow.source == meeting.source)
        on_day = select(*columns).where(
            MeetingRow.tenant_id == tenant_id,
            MeetingRow.meeting_kind == (meeting.meeting_kind or meeting.kind),
            MeetingRow.date == meeting.date,
            MeetingRow.kind == meeting.kind,
        )
        if meeting.document_type is DocumentType.INDSTILLING:
            on_day = on_day.where(
                MeetingRow.document_type == DocumentType.INDSTILLING.value, MeetingRow.title == meeting.title
            )
        else:
            on_day = on_day.where(
                MeetingRow.document_type.in_([DocumentType.MINUTES.value, DocumentType.AGENDA.value])
            )
        rows = session.execute(union(by_source, on_day)).all()
        return sorted((int(r[0]), r[1], r[2]) for r in rows)

    def _insert(
        self, session: Session, meeting: Meeting, digest: str, tenant_id: str, now: datetime, added: set[str]
    ) -> int:
        # Bulk inserts, not the unit of work: ingest is the hot path of a 10,000-document import.
        meeting_id = bulk.insert_row_returning_id(
            session,
            TABLES["meetings"],
            {
                "tenant_id": tenant_id,
                "source": meeting.source,
                "content_hash": digest,
                "document_type": meeting.document_type.value,
                "kind": meeting.kind,
                "meeting_kind": meeting.meeting_kind or meeting.kind,
                "title": meeting.title,
                "date": meeting.date,
                "start": meeting.start,
                "end": meeting.end,
                "location": meeting.location,
                "participants": list(meeting.participants),
                "responsible": meeting.responsible,
                "confidential": meeting.confidential,
                "ingested_at": now,
                "absent": list(meeting.absent),
                "source_url": meeting.source_url,
                "date_basis": meeting.date_basis,
            },
        )
        if not meeting.items:
            return int(meeting_id)
        item_rows = [
            {
                "meeting_id": meeting_id,
                "position": pos,
                "number": item.number,
                "title": item.title,
                "presenters": list(item.presenters),
                "start": item.start,
                "end": item.end,
                "decision": item.decision,
                "outcome": item.outcome.value,
                "confidential": item.confidential or meeting.confidential,
                "subpoints": list(item.subpoints),
                "sections": [{"heading": s.heading, "text": s.text} for s in item.sections],
                "case_number": item.case_number,
                "case_key": case_key(item.case_number),
                "series_key": title_series(item.title),
            }
            for pos, item in enumerate(meeting.items)
        ]
        # A plain executemany, then the ids by position: RETURNING with a guaranteed order makes
        # SQLAlchemy fall back to one INSERT per row on SQLite.
        bulk.insert_rows(session, TABLES["items"], item_rows)
        item_ids = list(
            (
                session.execute(
                    select(ItemRow.id).where(ItemRow.meeting_id == meeting_id).order_by(ItemRow.position)
                )
            ).scalars()
        )
        followups = [
            {
                "tenant_id": tenant_id,
                "conversation_id": None,
                "origin": "minutes",
                "meeting_id": meeting_id,
                "item_id": item_id,
                "text": f.text,
                "owner": f.owner,
                "owner_aad_id": None,
                "due": f.due,
                "status": "open",
                "created_by": None,
                "created_at": now,
                "closed_at": None,
            }
            for item, item_id in zip(meeting.items, item_ids, strict=True)
            for f in item.followups
        ]
        if followups:
            bulk.insert_rows(session, TABLES["followups"], followups)
        added |= search_index.add(session, item_ids, meeting, tenant_id, (self._vocabulary, added))
        return int(meeting_id)

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
        """Items answering a decisions question, best first (see ``storage.search``).

        On SQLite the whole search (several statements) runs in one worker thread on a plain sqlite3
        connection, not one thread hand-off per statement: that overhead was as large as the queries.
        """
        return await self._read(lambda session: search(session, self.db.dialect, query))

    async def visible_item(
        self, item_id: int, *, tenant_id: str, include_confidential: bool
    ) -> tuple[ItemRow, MeetingRow] | None:
        """One item of this tenant with its meeting (detached rows), or None when it does not exist
        or is closed and the caller may not see closed items."""
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
        return item, meeting

    async def item_hit(self, item_id: int, *, tenant_id: str, include_confidential: bool) -> SearchHit | None:
        """One item as a citation, or None when it does not exist or this caller may not see it."""
        found = await self.visible_item(item_id, tenant_id=tenant_id, include_confidential=include_confidential)
        if found is None:
            return None
        item, meeting = found
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
            document_kind=meeting.kind,
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
                if item_id is not None and due is not None:  # both guaranteed by the query
                    out.setdefault(item_id, []).append((due, text_))
            return out

    # ---- meetings ahead and dialog state --------------------------------------------------------

    async def meeting_kinds(self, *, tenant_id: str) -> list[str]:
        """Every meeting kind (committee) this tenant has documents of."""
        async with self.db.sessions() as session:
            rows = await session.execute(
                select(MeetingRow.meeting_kind).where(MeetingRow.tenant_id == tenant_id).distinct()
            )
            return sorted(kind for (kind,) in rows)

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
        """The question the bot is waiting for this user to answer here, if it has not expired.

        Asked on every message: on SQLite it is read in a worker thread on a plain connection (one
        hand-off instead of several through the async driver).
        """

        def read(session: Session) -> DialogState | None:
            row = session.execute(
                select(DialogStateRow.kind, DialogStateRow.payload, DialogStateRow.expires_at).where(
                    DialogStateRow.tenant_id == tenant_id,
                    DialogStateRow.conversation_id == conversation_id,
                    DialogStateRow.user_id == user_id,
                )
            ).first()
            if row is None or _aware(row.expires_at) <= now:
                return None
            return DialogState(row.kind, dict(row.payload or {}))

        return await self._read(read)

    async def _write(self, write: Callable[[Session], T]) -> T:
        """Run a small write use case in one transaction: in a worker thread on SQLite (one hand-off,
        not several per statement through the async driver), through the async driver elsewhere."""
        if self.db.dialect == "sqlite":

            def in_thread() -> T:
                with self.db.sync_sessions.begin() as session:
                    return write(session)

            return await asyncio.to_thread(in_thread)
        async with self.db.sessions.begin() as session:
            return await session.run_sync(write)

    async def _read(self, read: Callable[[Session], T]) -> T:
        """Run a read-only use case: in a worker thread on SQLite, through the async driver elsewhere."""
        if self.db.dialect == "sqlite":

            def in_thread() -> T:
                # A bare connection, not an ORM session: reads need no unit of work.
                with self.db.sync_engine.connect() as connection:
                    return read(connection)  # type: ignore[arg-type]

            return await asyncio.to_thread(in_thread)
        async with self.db.sessions() as session:
            return await session.run_sync(read)

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
