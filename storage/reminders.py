"""Agenda reminders as repository use cases: subscriptions, planning the outbox, claiming and marking due rows.

The outbox is the only scheduler state. A row is planned once per (subscription, meeting kind, date)
— its unique ``dedupe_key`` makes planning idempotent across ticks and bot instances — claimed in one
statement (PostgreSQL: ``FOR UPDATE SKIP LOCKED``; SQLite: a single-writer ``UPDATE … RETURNING``),
sent by ``bot/``, then marked. Agenda rows do NOT reference ``meeting_id``: an agenda is replaced by its
minutes on re-ingest (a delete + insert), and an ``ON DELETE CASCADE`` would take the row — and the
memory that it was already sent — with it. They carry the meeting kind and date in ``payload`` and the
meeting is looked up by (tenant, kind, date) when the reminder is sent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from minutes.calendar import COPENHAGEN, local_today, working_days_before
from minutes.kinds import kind_key
from minutes.model import DocumentType, FollowUp, Meeting
from storage import mapping
from storage.database import Database
from storage.models import FollowUpRow, MeetingRow, OutboxRow, SubscriptionRow

log = logging.getLogger(__name__)

AGENDA = "agenda"
DEFAULT_AT = time(14, 0)  # the working day before at 14:00
ASSUMED_START = time(8, 0)  # a meeting whose start time the document does not give
CLAIM_LEASE = timedelta(minutes=10)  # a claim older than this belonged to an instance that died
PLAN_HORIZON = timedelta(days=60)
MEETING_DOCUMENTS = (DocumentType.MINUTES.value, DocumentType.AGENDA.value)


@dataclass(frozen=True)
class Subscription:
    """A conversation's wish for agenda reminders of one meeting kind (None: every kind)."""

    id: int
    tenant_id: str
    conversation_id: str
    meeting_kind: str | None
    days_before: int | None = None
    at: str | None = None  # "HH:MM"
    minutes_before: int | None = None
    active: bool = True
    lang: str | None = None  # "da" | "en": what reminders speak (None: the conversation's locale)


@dataclass(frozen=True)
class AgendaView:
    """A meeting to remind about: the document (agenda or minutes) and the open follow-ups of the previous one."""

    meeting_id: int
    meeting: Meeting
    previous_date: date | None = None
    open_followups: tuple[FollowUp, ...] = ()


@dataclass(frozen=True)
class OutboxEntry:
    """A claimed outbox row: what to deliver, to whom, and how often it was tried (this claim included)."""

    id: int
    dedupe_key: str
    kind: str
    tenant_id: str
    conversation_id: str | None
    user_aad_id: str | None
    subscription_id: int | None
    followup_id: int | None
    due_at: datetime
    not_after: datetime | None
    attempts: int
    payload: dict[str, Any]


@dataclass(frozen=True)
class PlanReport:
    """What one planning pass did."""

    created: int = 0
    moved: int = 0  # pending rows whose time changed (the meeting moved, a corrected agenda)


# ---- pure scheduling rules ---------------------------------------------------------------------


def _local(d: date, t: time) -> datetime:
    # zoneinfo resolves wall times across DST; fold=0 picks the first of an ambiguous hour.
    return datetime.combine(d, t, tzinfo=COPENHAGEN).astimezone(timezone.utc)


def meeting_start(d: date, start: time | None) -> datetime:
    """When a meeting begins (UTC); a document without a start time is assumed to start at 08:00."""
    return _local(d, start or ASSUMED_START)


def reminder_due(d: date, start: time | None, *, days_before: int | None, at: str | None,
                 minutes_before: int | None) -> datetime:
    """When the reminder of a meeting on ``d`` is due (UTC), in Copenhagen wall time.

    ``minutes_before`` counts back from the start; ``days_before`` counts working days (a Danish
    "dagen før" of a Monday meeting is the Friday); ``at`` alone means the working day before; nothing
    at all means the working day before at 14:00.
    """
    if minutes_before is not None and days_before is None:
        return meeting_start(d, start) - timedelta(minutes=minutes_before)
    day = working_days_before(d, days_before if days_before is not None else 1)
    clock = DEFAULT_AT
    if at:
        hour, minute = (int(part) for part in at.split(":"))
        clock = time(hour, minute)
    due = _local(day, clock)
    if minutes_before is not None:
        due -= timedelta(minutes=minutes_before)
    return due


def agenda_dedupe_key(subscription_id: int, meeting_kind: str, d: date) -> str:
    """One agenda reminder per subscription, meeting kind and date, whichever document holds the meeting."""
    return f"agenda:{subscription_id}:{kind_key(meeting_kind)}:{d.isoformat()}"


def _kind_matches(wanted: str | None, kind: str) -> bool:
    return wanted is None or kind_key(wanted) == kind_key(kind)


def _subscription(row: SubscriptionRow) -> Subscription:
    return Subscription(row.id, row.tenant_id, row.conversation_id, row.meeting_kind, row.days_before, row.at,
                        row.minutes_before, row.active, row.lang)


def _entry(row: Any) -> OutboxEntry:
    return OutboxEntry(
        id=row.id, dedupe_key=row.dedupe_key, kind=row.kind, tenant_id=row.tenant_id,
        conversation_id=row.conversation_id, user_aad_id=row.user_aad_id, subscription_id=row.subscription_id,
        followup_id=row.followup_id, due_at=_aware(row.due_at), not_after=_aware(row.not_after) if row.not_after
        else None, attempts=row.attempts, payload=dict(row.payload or {}),
    )


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class ReminderStore:
    """Subscriptions, the agenda of a meeting, and the outbox life cycle; each use case one transaction."""

    def __init__(self, database: Database) -> None:
        self.db = database

    # ---- subscriptions ----------------------------------------------------------------------------

    async def subscribe(self, tenant_id: str, conversation_id: str, meeting_kind: str | None, *,
                        days_before: int | None = None, at: str | None = None, minutes_before: int | None = None,
                        created_by: str | None = None, lang: str | None = None,
                        now: datetime) -> tuple[Subscription, bool]:
        """Subscribe a conversation to one meeting kind (None: all); returns (subscription, newly created).

        Subscribing again changes the lead time of the existing subscription (and re-activates it);
        reminders not yet sent are re-planned with the new lead time on the next tick. ``lang`` is the
        language the reminders speak, a text-catalogue code the caller checked (None keeps the stored one).
        """
        async with self.db.sessions.begin() as session:
            rows = (await session.execute(select(SubscriptionRow).where(
                SubscriptionRow.tenant_id == tenant_id, SubscriptionRow.conversation_id == conversation_id,
            ).order_by(SubscriptionRow.id))).scalars().all()
            row = next((r for r in rows if (r.meeting_kind is None and meeting_kind is None) or (
                r.meeting_kind is not None and meeting_kind is not None
                and kind_key(r.meeting_kind) == kind_key(meeting_kind))), None)
            created = row is None or not row.active
            if row is None:
                row = SubscriptionRow(tenant_id=tenant_id, conversation_id=conversation_id, meeting_kind=meeting_kind,
                                      created_by=created_by, created_at=now)
                session.add(row)
            row.days_before, row.at, row.minutes_before = days_before, at, minutes_before
            row.active, row.disabled_reason = True, None
            if lang is not None:
                row.lang = lang
            await session.flush()
            await session.execute(delete(OutboxRow).where(OutboxRow.subscription_id == row.id,
                                                          OutboxRow.status == "pending"))
            return _subscription(row), created

    async def unsubscribe(self, tenant_id: str, conversation_id: str, meeting_kind: str | None) -> int:
        """Stop a conversation's reminders of one kind (None: all of them); how many subscriptions stopped.

        The row stays (inactive) so the reminders it already sent are remembered should it come back.
        """
        async with self.db.sessions.begin() as session:
            rows = (await session.execute(select(SubscriptionRow).where(
                SubscriptionRow.tenant_id == tenant_id, SubscriptionRow.conversation_id == conversation_id,
                SubscriptionRow.active.is_(True)))).scalars().all()
            stopped = [r for r in rows if meeting_kind is None or (
                r.meeting_kind is not None and kind_key(r.meeting_kind) == kind_key(meeting_kind))]
            for r in stopped:
                r.active, r.disabled_reason = False, "unsubscribed"
            if stopped:
                await session.execute(delete(OutboxRow).where(
                    OutboxRow.subscription_id.in_([r.id for r in stopped]), OutboxRow.status == "pending"))
            return len(stopped)

    async def subscriptions(self, tenant_id: str, conversation_id: str) -> list[Subscription]:
        """The active subscriptions of one conversation, oldest first."""
        async with self.db.sessions() as session:
            rows = (await session.execute(select(SubscriptionRow).where(
                SubscriptionRow.tenant_id == tenant_id, SubscriptionRow.conversation_id == conversation_id,
                SubscriptionRow.active.is_(True)).order_by(SubscriptionRow.id))).scalars()
            return [_subscription(r) for r in rows]

    async def disable_subscription(self, subscription_id: int, reason: str) -> None:
        """Turn a subscription off for good reason (the bot was removed from the conversation)."""
        async with self.db.sessions.begin() as session:
            await session.execute(update(SubscriptionRow).where(SubscriptionRow.id == subscription_id)
                                  .values(active=False, disabled_reason=reason))
            await session.execute(delete(OutboxRow).where(OutboxRow.subscription_id == subscription_id,
                                                          OutboxRow.status == "pending"))

    # ---- meetings ahead ---------------------------------------------------------------------------

    async def next_agenda(self, tenant_id: str, meeting_kind: str | None, *, today: date) -> AgendaView | None:
        """The first stored meeting (agenda or minutes) of a kind (None: any) on or after ``today``."""
        async with self.db.sessions() as session:
            rows = (await session.execute(
                select(MeetingRow).options(selectinload(MeetingRow.items))
                .where(MeetingRow.tenant_id == tenant_id, MeetingRow.date >= today,
                       MeetingRow.document_type.in_(MEETING_DOCUMENTS))
                .order_by(MeetingRow.date, MeetingRow.start, MeetingRow.id))).scalars()
            row = next((r for r in rows if _kind_matches(meeting_kind, r.meeting_kind)), None)
            return await self._view(session, row) if row else None

    async def agenda(self, tenant_id: str, meeting_kind: str, d: date) -> AgendaView | None:
        """The stored meeting of one kind on one date (its minutes if they replaced the agenda), or None."""
        async with self.db.sessions() as session:
            rows = (await session.execute(
                select(MeetingRow).options(selectinload(MeetingRow.items))
                .where(MeetingRow.tenant_id == tenant_id, MeetingRow.date == d,
                       MeetingRow.document_type.in_(MEETING_DOCUMENTS))
                .order_by(MeetingRow.id.desc()))).scalars()
            row = next((r for r in rows if _kind_matches(meeting_kind, r.meeting_kind)), None)
            return await self._view(session, row) if row else None

    async def _view(self, session: Any, row: MeetingRow) -> AgendaView:
        previous = (await session.execute(
            select(MeetingRow.id, MeetingRow.date, MeetingRow.meeting_kind)
            .where(MeetingRow.tenant_id == row.tenant_id, MeetingRow.date < row.date,
                   MeetingRow.document_type.in_(MEETING_DOCUMENTS))
            .order_by(MeetingRow.date.desc()))).all()
        prev = next((p for p in previous if kind_key(p.meeting_kind) == kind_key(row.meeting_kind)),
                    None)
        followups: tuple[FollowUp, ...] = ()
        if prev is not None:
            open_rows = (await session.execute(
                select(FollowUpRow).where(FollowUpRow.meeting_id == prev.id, FollowUpRow.origin == "minutes",
                                          FollowUpRow.status == "open").order_by(FollowUpRow.due, FollowUpRow.id)
            )).scalars()
            followups = tuple(mapping.followup(f) for f in open_rows)
        return AgendaView(row.id, mapping.meeting(row), prev.date if prev else None, followups)

    # ---- the outbox -------------------------------------------------------------------------------

    async def plan_reminders(self, *, now: datetime, horizon: timedelta = PLAN_HORIZON) -> PlanReport:
        """Put an agenda reminder in the outbox for every active subscription and stored meeting ahead.

        Idempotent (the dedupe key decides, also between instances); a pending row whose meeting moved
        gets its new time. Meetings already started are not planned.
        """
        today = local_today(now)
        until = local_today(now + horizon)
        async with self.db.sessions.begin() as session:
            subs = [_subscription(r) for r in (await session.execute(
                select(SubscriptionRow).where(SubscriptionRow.active.is_(True)))).scalars()]
            if not subs:
                return PlanReport()
            meetings = (await session.execute(
                select(MeetingRow.tenant_id, MeetingRow.meeting_kind, MeetingRow.date, MeetingRow.start)
                .where(MeetingRow.date >= today, MeetingRow.date <= until,
                       MeetingRow.document_type.in_(MEETING_DOCUMENTS)))).all()
            wanted: dict[str, dict[str, Any]] = {}
            for m in meetings:
                begins = meeting_start(m.date, m.start)
                if begins <= now:
                    continue
                for s in subs:
                    if s.tenant_id != m.tenant_id or not _kind_matches(s.meeting_kind, m.meeting_kind):
                        continue
                    key = agenda_dedupe_key(s.id, m.meeting_kind, m.date)
                    wanted[key] = dict(
                        dedupe_key=key, kind=AGENDA, tenant_id=s.tenant_id, conversation_id=s.conversation_id,
                        subscription_id=s.id,
                        due_at=reminder_due(m.date, m.start, days_before=s.days_before, at=s.at,
                                            minutes_before=s.minutes_before),
                        not_after=begins, status="pending", attempts=0,
                        payload={"meeting_kind": m.meeting_kind, "date": m.date.isoformat(),
                                 **({"lang": s.lang} if s.lang else {})},
                    )
            if not wanted:
                return PlanReport()
            existing: dict[str, tuple[int, str, datetime, datetime | None]] = {}
            keys = list(wanted)
            for start in range(0, len(keys), 500):
                for row in (await session.execute(
                    select(OutboxRow.id, OutboxRow.dedupe_key, OutboxRow.status, OutboxRow.due_at, OutboxRow.not_after)
                    .where(OutboxRow.dedupe_key.in_(keys[start:start + 500])))).all():
                    existing[row.dedupe_key] = (row.id, row.status, _aware(row.due_at),
                                                _aware(row.not_after) if row.not_after else None)
            new = [v for k, v in wanted.items() if k not in existing]
            moved = 0
            for key, (row_id, status, due_at, not_after) in existing.items():
                w = wanted[key]
                if status == "pending" and (due_at != w["due_at"] or not_after != w["not_after"]):
                    await session.execute(update(OutboxRow).where(OutboxRow.id == row_id, OutboxRow.status == "pending")
                                          .values(due_at=w["due_at"], not_after=w["not_after"]))
                    moved += 1
            created = 0
            insert = self.db.sql.insert_ignoring_duplicates(OutboxRow.__table__, ["dedupe_key"])  # type: ignore[arg-type]
            for start in range(0, len(new), 500):
                chunk = new[start:start + 500]
                result = await session.execute(insert.values(chunk).returning(OutboxRow.id))
                created += len(result.all())
            return PlanReport(created, moved)

    async def claim_due(self, *, now: datetime, worker: str, kinds: tuple[str, ...] | None = None,
                        limit: int = 100, lease: timedelta = CLAIM_LEASE) -> list[OutboxEntry]:
        """Claim up to ``limit`` due rows for ``worker`` in one statement; each row goes to one worker only.

        Due: pending with ``due_at`` and ``next_attempt_at`` passed, or claimed longer than ``lease`` ago by
        an instance that never marked it (it died: the row is not lost). ``attempts`` counts this claim.
        """
        due = or_(
            and_(OutboxRow.status == "pending", OutboxRow.due_at <= now,
                 or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now)),
            and_(OutboxRow.status == "claimed", OutboxRow.claimed_at < now - lease),
        )
        pick = select(OutboxRow.id).where(due).order_by(OutboxRow.due_at, OutboxRow.id).limit(limit)
        if kinds is not None:
            pick = pick.where(OutboxRow.kind.in_(list(kinds)))
        pick = self.db.sql.lock_for_claim(pick)
        statement = (
            update(OutboxRow).where(OutboxRow.id.in_(pick.scalar_subquery()), due)
            .values(status="claimed", claimed_by=worker, claimed_at=now, attempts=OutboxRow.attempts + 1)
            .returning(OutboxRow)
        )
        async with self.db.sessions.begin() as session:
            rows = (await session.execute(statement, execution_options={"synchronize_session": False})).scalars().all()
            entries = [_entry(r) for r in rows]
        return sorted(entries, key=lambda e: (e.due_at, e.id))

    async def _finish(self, entry_id: int, worker: str, **values: Any) -> bool:
        def finish(session: Session) -> bool:
            result = session.execute(
                update(OutboxRow).where(OutboxRow.id == entry_id, OutboxRow.status == "claimed",
                                        OutboxRow.claimed_by == worker).values(**values))
            return bool(result.rowcount)  # type: ignore[attr-defined]

        return await self.db.write(finish)

    async def mark_sent(self, entry_id: int, *, worker: str, now: datetime) -> bool:
        """The reminder was delivered; False if this worker no longer held the claim."""
        return await self._finish(entry_id, worker, status="sent", sent_at=now, last_error=None)

    async def retry_later(self, entry_id: int, *, worker: str, at: datetime, error: str) -> bool:
        """Delivery failed for a passing reason: back to pending, not before ``at``."""
        return await self._finish(entry_id, worker, status="pending", next_attempt_at=at, claimed_by=None,
                                  claimed_at=None, last_error=error[:2000])

    async def mark_failed(self, entry_id: int, *, worker: str, error: str) -> bool:
        """Delivery failed for good (gave up, no conversation, the bot was removed)."""
        return await self._finish(entry_id, worker, status="failed", last_error=error[:2000])

    async def mark_skipped(self, entry_id: int, *, worker: str, reason: str) -> bool:
        """Not sent on purpose (the meeting started while the bot was down, the meeting is gone)."""
        return await self._finish(entry_id, worker, status="skipped", last_error=reason[:2000])

    async def outbox_counts(self) -> dict[str, int]:
        """Rows per status (operations and tests)."""
        async with self.db.sessions() as session:
            rows = await session.execute(select(OutboxRow.status, func.count(OutboxRow.id)).group_by(OutboxRow.status))
            return {status: int(n) for status, n in rows}
