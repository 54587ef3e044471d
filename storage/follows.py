"""Follows as use cases: a topic, a meeting kind (committee) or a case, and the matching of new documents.

A follow belongs to a person (asked in a personal chat: ``user_aad_id`` set, delivered to that person's
personal chat) or to a conversation (a channel or group chat). New documents are matched off the chat
path, by the scheduler of any instance (``FollowStore.match_new``):

1. Candidates are the stored documents above the watermark that no instance has matched yet
   (``followed_documents``). Read without a lock; the matching itself only reads.
2. A committee follow matches every open item of a document of its meeting kind (``kind_key``), a case
   follow every open item printing its case number, a topic follow what the ``ask`` search finds for its
   question among the new open items: the search is handed in as one function, so whatever ranking and
   answer/no-answer gate ``ask`` uses, following uses too.
3. One short transaction claims the documents (the primary key of ``followed_documents``: two instances
   never both claim one) and puts one outbox row per subscriber in the outbox (unique ``dedupe_key``):
   one message per subscriber per batch, or with a digest hour one per subscriber per morning.

Closed items (of a closed item or a closed meeting) are never matched at all: a proactive message
does not know its reader's clearance, and a channel must not even learn that a closed item exists.
A follow only hears of documents stored after it was made. The watermark (a time: every document stored
before it has been matched) moves up only to ``SETTLE`` ago and never past a document not matched yet,
so a document whose ingest transaction committed late is still found; a restart re-reads the store and
neither skips nor repeats.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import and_, exists, func, select, update

from minutes.calendar import COPENHAGEN
from minutes.cases import case_key
from minutes.kinds import kind_key
from storage.database import Database
from storage.models import (
    Base,
    FollowedDocumentRow,
    FollowRow,
    FollowWatermarkRow,
    ItemRow,
    MeetingRow,
    OutboxRow,
)
from storage.search import SearchQuery, SearchResult

log = logging.getLogger(__name__)

FOLLOW = "follow"  # outbox kind of a follow message
TOPIC, COMMITTEE, CASE = "topic", "committee", "case"
FOLLOW_KINDS = (TOPIC, COMMITTEE, CASE)
WATERMARK = "documents"
SETTLE = timedelta(minutes=10)  # longer than any ingest transaction: see the module docstring
CHUNK = 200  # documents matched per transaction
TOPIC_HITS = 50  # items one topic may match in one batch
TABLES = Base.metadata.tables  # Core tables, for inserts that skip what another instance wrote first

Search = Callable[[SearchQuery], Awaitable[SearchResult]]


@dataclass(frozen=True)
class Follow:
    """One follow: who (a person or a conversation), what (kind and key) and how (language, digest hour)."""

    id: int
    tenant_id: str
    conversation_id: str
    user_aad_id: str | None
    kind: str  # topic|committee|case
    key: str
    text: str
    lang: str
    digest_hour: int | None = None
    active: bool = True
    created_at: datetime | None = None  # it hears of documents stored from then on


@dataclass(frozen=True)
class MatchReport:
    """What one matching pass did."""

    documents: int = 0  # documents claimed and matched
    matches: int = 0  # (follow, item) pairs found
    messages: int = 0  # outbox rows created (or digests extended)


@dataclass(frozen=True)
class _Item:
    id: int
    meeting_id: int
    tenant_id: str
    meeting_kind: str
    ingested_at: datetime
    case_key: str | None = None


@dataclass
class _Target:
    """Everything one subscriber (a person or a conversation of a tenant) gets from one batch."""

    tenant_id: str
    conversation_id: str | None
    user_aad_id: str | None
    lang: str
    digest_hour: int | None
    items: dict[int, list[int]] = field(default_factory=dict)  # item id -> follow ids


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def follow_key(kind: str, text: str) -> str:
    """What a follow compares: the meeting-kind key, the case number without spacing, the topic squashed."""
    if kind == COMMITTEE:
        return kind_key(text)
    if kind == CASE:
        return case_key(text) or ""  # "24/2316" and "EMN-2024-02316" are one case
    return _squash(text).casefold()


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _follow(row: FollowRow) -> Follow:
    return Follow(row.id, row.tenant_id, row.conversation_id, row.user_aad_id, row.kind, row.key, row.text,
                  row.lang, row.digest_hour, row.active, _aware(row.created_at) if row.created_at else None)


def _owner(tenant_id: str, conversation_id: str, user_aad_id: str | None) -> Any:
    """The rows of one owner: a person's follows (wherever asked), or a conversation's."""
    if user_aad_id:
        return and_(FollowRow.tenant_id == tenant_id, FollowRow.user_aad_id == user_aad_id)
    return and_(FollowRow.tenant_id == tenant_id, FollowRow.conversation_id == conversation_id,
                FollowRow.user_aad_id.is_(None))


def digest_due(now: datetime, hour: int) -> datetime:
    """The next ``hour``:00 in Copenhagen at or after ``now`` (UTC)."""
    local = now.astimezone(COPENHAGEN)
    due = datetime.combine(local.date(), time(hour), tzinfo=COPENHAGEN)
    if due < local:
        due = datetime.combine(local.date() + timedelta(days=1), time(hour), tzinfo=COPENHAGEN)
    return due.astimezone(timezone.utc)


def _target_hash(tenant_id: str, conversation_id: str | None, user_aad_id: str | None) -> str:
    who = f"{tenant_id}\x00{'u' if user_aad_id else 'c'}\x00{user_aad_id or conversation_id}"
    return hashlib.sha256(who.encode("utf-8")).hexdigest()[:24]


class FollowStore:
    """Follows and the matching of new documents; ``search`` is ``ask``'s search (one function)."""

    def __init__(self, database: Database, search: Search) -> None:
        self.db = database
        self.search = search

    # ---- follows in conversation ------------------------------------------------------------------

    async def follow(self, tenant_id: str, conversation_id: str, user_aad_id: str | None, kind: str, text: str, *,
                     lang: str, digest_hour: int | None = None, created_by: str | None = None,
                     now: datetime) -> tuple[Follow, bool]:
        """Follow ``text`` as ``kind`` for a person (``user_aad_id``) or a conversation; (follow, newly made).

        Following the same thing again changes its digest hour and language (and revives a stopped one).
        """
        if kind not in FOLLOW_KINDS:
            raise ValueError(f"unknown follow kind {kind!r}")
        key = follow_key(kind, text)
        async with self.db.sessions.begin() as session:
            row = (await session.execute(
                select(FollowRow).where(_owner(tenant_id, conversation_id, user_aad_id), FollowRow.kind == kind,
                                        FollowRow.key == key).order_by(FollowRow.active.desc(), FollowRow.id)
            )).scalars().first()
            created = row is None or not row.active
            if row is None:
                row = FollowRow(tenant_id=tenant_id, conversation_id=conversation_id, user_aad_id=user_aad_id,
                                kind=kind, key=key, text=_squash(text), created_by=created_by)
                session.add(row)
            if not row.active or row.created_at is None:
                row.created_at = now  # a revived follow hears of documents from now on only
            row.lang, row.digest_hour, row.active, row.disabled_reason = lang, digest_hour, True, None
            await session.flush()
            return _follow(row), created

    async def follows(self, tenant_id: str, conversation_id: str, user_aad_id: str | None) -> list[Follow]:
        """The active follows of a person (``user_aad_id``) or of a conversation, oldest first."""
        async with self.db.sessions() as session:
            rows = (await session.execute(
                select(FollowRow).where(_owner(tenant_id, conversation_id, user_aad_id), FollowRow.active.is_(True))
                .order_by(FollowRow.id))).scalars()
            return [_follow(r) for r in rows]

    async def active_follows(self, tenant_id: str, ids: Iterable[int]) -> list[Follow]:
        """Those of ``ids`` that are this tenant's and still active (a message names only these)."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        async with self.db.sessions() as session:
            rows = (await session.execute(
                select(FollowRow).where(FollowRow.id.in_(wanted), FollowRow.tenant_id == tenant_id,
                                        FollowRow.active.is_(True)).order_by(FollowRow.id))).scalars()
            return [_follow(r) for r in rows]

    async def unfollow(self, tenant_id: str, conversation_id: str, user_aad_id: str | None,
                       text: str | None = None, *, follow_id: int | None = None) -> list[Follow]:
        """Stop the owner's follows of ``text`` (any kind whose key it is), or the one with ``follow_id``,
        or (neither given) all of them; returns those stopped. The rows stay, inactive."""
        async with self.db.sessions.begin() as session:
            query = select(FollowRow).where(_owner(tenant_id, conversation_id, user_aad_id),
                                            FollowRow.active.is_(True))
            if follow_id is not None:
                query = query.where(FollowRow.id == follow_id)
            rows = list((await session.execute(query.order_by(FollowRow.id))).scalars())
            if text is not None and follow_id is None:
                rows = [r for r in rows if r.key == follow_key(r.kind, text)]
            for r in rows:
                r.active, r.disabled_reason = False, "unfollowed"
            return [_follow(r) for r in rows]

    async def end_follows(self, tenant_id: str, *, conversation_id: str | None = None,
                          user_aad_id: str | None = None, reason: str) -> int:
        """End every follow delivered to a conversation the bot was removed from (403); how many ended."""
        if user_aad_id:
            owner = and_(FollowRow.tenant_id == tenant_id, FollowRow.user_aad_id == user_aad_id)
        else:
            owner = and_(FollowRow.tenant_id == tenant_id, FollowRow.conversation_id == conversation_id,
                         FollowRow.user_aad_id.is_(None))
        async with self.db.sessions.begin() as session:
            result = await session.execute(update(FollowRow).where(owner, FollowRow.active.is_(True))
                                           .values(active=False, disabled_reason=reason))
            return int(result.rowcount)  # type: ignore[attr-defined]

    # ---- matching new documents -------------------------------------------------------------------

    async def match_new(self, *, now: datetime, chunk: int = CHUNK, settle: timedelta = SETTLE) -> MatchReport:
        """Match every document not yet matched against the active follows; put the messages in the outbox."""
        report = MatchReport()
        skip_below = 0  # candidates another instance claimed while this one matched: look past them
        while True:
            candidates = await self._candidates(chunk, skip_below)
            if not candidates:
                break
            documents, matches, messages = await self._match(candidates, now)
            report = MatchReport(report.documents + documents, report.matches + matches,
                                 report.messages + messages)
            skip_below = max(candidates)
        await self._advance_watermark(now - settle)
        return report

    async def _candidates(self, chunk: int, above: int) -> list[int]:
        async with self.db.sessions() as session:
            mark = (await session.execute(select(FollowWatermarkRow.matched_through).where(
                FollowWatermarkRow.name == WATERMARK))).scalar_one_or_none()
            matched = exists().where(FollowedDocumentRow.meeting_id == MeetingRow.id)
            query = select(MeetingRow.id).where(MeetingRow.id > above, ~matched)
            if mark is not None:
                query = query.where(MeetingRow.ingested_at > mark)
            rows = await session.execute(query.order_by(MeetingRow.id).limit(chunk))
            return [int(r[0]) for r in rows]

    async def _open_items(self, meeting_ids: Sequence[int]) -> list[_Item]:
        async with self.db.sessions() as session:
            rows = await session.execute(
                select(ItemRow.id, ItemRow.meeting_id, MeetingRow.tenant_id, MeetingRow.meeting_kind,
                       MeetingRow.ingested_at, ItemRow.case_key)
                .join(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
                .where(ItemRow.meeting_id.in_(list(meeting_ids)), ItemRow.confidential.is_(False),
                       MeetingRow.confidential.is_(False))
                .order_by(MeetingRow.id, ItemRow.position))
            return [_Item(int(r[0]), int(r[1]), r[2], r[3], _aware(r[4]), r[5]) for r in rows]

    async def _active(self, tenants: set[str]) -> list[Follow]:
        async with self.db.sessions() as session:
            rows = (await session.execute(select(FollowRow).where(
                FollowRow.tenant_id.in_(sorted(tenants)), FollowRow.active.is_(True)).order_by(FollowRow.id))).scalars()
            return [_follow(r) for r in rows]

    async def _matches(self, items: Sequence[_Item], follows: Sequence[Follow]) -> list[tuple[Follow, int]]:
        """(follow, item id) for every follow and new open item it matches, within the item's tenant; a
        follow hears only of documents stored after it was made."""
        out: list[tuple[Follow, int]] = []
        by_tenant: dict[str, list[_Item]] = {}
        by_kind: dict[tuple[str, str], list[_Item]] = {}
        by_case: dict[tuple[str, str], list[_Item]] = {}
        kinds: dict[str, str] = {}  # meeting kind as stored -> its key, computed once per kind
        for item in items:
            by_tenant.setdefault(item.tenant_id, []).append(item)
            key = kinds.setdefault(item.meeting_kind, kind_key(item.meeting_kind))
            by_kind.setdefault((item.tenant_id, key), []).append(item)
            if item.case_key is not None:
                by_case.setdefault((item.tenant_id, item.case_key), []).append(item)
        newest = {tenant: max(i.ingested_at for i in mine) for tenant, mine in by_tenant.items()}
        topics: dict[tuple[str, str], list[Follow]] = {}
        for f in follows:
            since = f.created_at or datetime.min.replace(tzinfo=timezone.utc)
            if f.kind == COMMITTEE:
                out += [(f, i.id) for i in by_kind.get((f.tenant_id, f.key), ()) if i.ingested_at >= since]
            elif f.kind == CASE:
                out += [(f, i.id) for i in by_case.get((f.tenant_id, f.key), ()) if i.ingested_at >= since]
            elif f.tenant_id in newest and newest[f.tenant_id] >= since:
                topics.setdefault((f.tenant_id, f.key), []).append(f)
        for (tenant_id, _), group in topics.items():
            # One search per distinct question of a tenant, however many follow it.
            ids = tuple(i.id for i in by_tenant[tenant_id])
            result = await self.search(SearchQuery(topic=group[0].text, tenant_id=tenant_id, include_confidential=False,
                                                   outcome_wanted="any", limit=TOPIC_HITS, item_ids=ids,
                                                   partial=False, lang=group[0].lang))
            ingested = {i.id: i.ingested_at for i in by_tenant[tenant_id]}
            for hit in result.hits:
                stored = ingested.get(hit.item_id)
                if stored is not None:
                    out += [(f, hit.item_id) for f in group
                            if f.created_at is None or stored >= f.created_at]
        return out

    async def _match(self, candidates: list[int], now: datetime) -> tuple[int, int, int]:
        items = await self._open_items(candidates)
        follows = await self._active({i.tenant_id for i in items}) if items else []
        found = await self._matches(items, follows) if follows else []
        targets: dict[str, _Target] = {}
        whose: dict[int, _Target] = {}  # follow id -> its subscriber's messages, looked up once
        for f, item_id in found:
            target = whose.get(f.id)
            if target is None:
                who = _target_hash(f.tenant_id, f.conversation_id, f.user_aad_id) + (
                    f"@{f.digest_hour}" if f.digest_hour is not None else "")
                if who not in targets:
                    targets[who] = _Target(f.tenant_id, None if f.user_aad_id else f.conversation_id,
                                           f.user_aad_id, f.lang, f.digest_hour)
                target = whose[f.id] = targets[who]
            target.items.setdefault(item_id, []).append(f.id)
        order = {item.id: n for n, item in enumerate(items)}  # document by document, items as printed
        for target in targets.values():
            target.items = {i: sorted(target.items[i]) for i in sorted(target.items, key=order.__getitem__)}
        return await self._claim_and_plan(candidates, targets, len(found), now)

    async def _claim_and_plan(self, candidates: list[int], targets: dict[str, _Target], found: int,
                              now: datetime) -> tuple[int, int, int]:
        sql = self.db.sql
        async with self.db.sessions.begin() as session:
            claimed = {int(r[0]) for r in (await session.execute(
                sql.insert_ignoring_duplicates(TABLES["followed_documents"], ["meeting_id"])
                .values([{"meeting_id": m, "matched_at": now} for m in candidates])
                .returning(FollowedDocumentRow.meeting_id)))}
            if not claimed:
                return 0, 0, 0
            if claimed != set(candidates):
                # Another instance claimed some of them meanwhile: it sends theirs; keep only ours.
                owned = {i.id for i in await self._open_items(sorted(claimed))}
                for t in targets.values():
                    t.items = {i: fs for i, fs in t.items.items() if i in owned}
            # Each document is claimed once; its id with the time names the batch (SQLite may hand a
            # replaced document's id out again, never at the same matching time).
            batch = f"{now.astimezone(timezone.utc):%Y%m%dT%H%M%S%f}:{min(claimed)}"
            messages = 0
            rows: list[dict[str, Any]] = []
            for who, t in targets.items():
                if not t.items:
                    continue
                payload: dict[str, Any] = {"lang": t.lang, "items": [[i, fs] for i, fs in t.items.items()]}
                if t.digest_hour is None:
                    due, key = now, f"follow:{batch}:{who}"
                else:
                    due = digest_due(now, t.digest_hour)
                    key = f"follow-digest:{due.isoformat()}:{who}"
                    pending = (await session.execute(
                        select(OutboxRow).where(OutboxRow.dedupe_key == key, OutboxRow.status == "pending")
                        .with_for_update())).scalar_one_or_none()
                    if pending is not None:
                        merged = dict(pending.payload or {})
                        earlier = merged.get("items")
                        merged["items"] = [*(earlier if isinstance(earlier, list) else []), *payload["items"]]
                        pending.payload = merged
                        messages += 1
                        continue
                    if (await session.execute(select(OutboxRow.id).where(OutboxRow.dedupe_key == key))).first():
                        # This morning's digest is already out: the matches go in tomorrow's.
                        due = digest_due(due + timedelta(minutes=1), t.digest_hour)
                        key = f"follow-digest:{due.isoformat()}:{who}"
                rows.append({"dedupe_key": key, "kind": FOLLOW, "tenant_id": t.tenant_id,
                             "conversation_id": t.conversation_id, "user_aad_id": t.user_aad_id, "due_at": due,
                             "status": "pending", "attempts": 0, "payload": payload})
            if rows:  # one executemany ("insertmanyvalues"): a bound parameter each was most of the cost
                result = await session.execute(
                    sql.insert_ignoring_duplicates(TABLES["outbox"], ["dedupe_key"]).returning(OutboxRow.id), rows)
                messages += len(result.all())
            return len(claimed), found, messages

    async def _advance_watermark(self, settled_before: datetime) -> None:
        """Move the watermark up to ``settled_before``, but never past a document not matched yet."""
        async with self.db.sessions.begin() as session:
            mark = (await session.execute(select(FollowWatermarkRow).where(
                FollowWatermarkRow.name == WATERMARK))).scalar_one_or_none()
            low = mark.matched_through if mark else None
            matched = exists().where(FollowedDocumentRow.meeting_id == MeetingRow.id)
            waiting = select(func.min(MeetingRow.ingested_at)).where(~matched)
            if low is not None:
                waiting = waiting.where(MeetingRow.ingested_at > low)
            first_waiting = (await session.execute(waiting)).scalar()
            top = settled_before
            if first_waiting is not None:
                top = min(top, _aware(first_waiting) - timedelta(microseconds=1))
            if low is not None and top <= _aware(low):
                return
            if mark is None:
                session.add(FollowWatermarkRow(name=WATERMARK, matched_through=top, updated_at=settled_before))
            else:
                mark.matched_through, mark.updated_at = top, settled_before

    async def watermark(self) -> datetime | None:
        """The time at or before which every stored document has been matched (operations and tests)."""
        async with self.db.sessions() as session:
            value = (await session.execute(select(FollowWatermarkRow.matched_through).where(
                FollowWatermarkRow.name == WATERMARK))).scalar_one_or_none()
            return _aware(value) if value is not None else None
