"""Personal data and the audit of confidential reads, as use cases (each one transaction).

- ``record_reads`` / ``reads``: every closed ("Lukket") item shown to an allow-listed reader is a row
  (who, when, which item, in which conversation); ``referatbot audit`` prints them.
- ``forget_user``: a person's dialog state, conversation references, personal subscriptions and
  follows (with their pending reminders) are deleted; follow-ups they created or own stay for the team, without them.
- ``purge``: closed follow-ups and stale dialog state older than the retention period are deleted
  (``REFERATBOT_RETENTION_DAYS``; the scheduler calls it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, or_, select, update

from storage.database import Database
from storage.models import (
    ConfidentialReadRow,
    ConversationRow,
    DialogStateRow,
    FollowRow,
    FollowUpRow,
    OutboxRow,
    SubscriptionRow,
)


@dataclass(frozen=True)
class ClosedItemShown:
    """A closed item as it was shown: its document, meeting date, number and title."""

    source: str
    meeting_date: date | None
    item_number: str | None
    item_title: str


@dataclass(frozen=True)
class ConfidentialRead:
    """One audit row: ``who`` (AAD object id, else Teams id) saw ``item`` at ``read_at`` in a conversation."""

    tenant_id: str
    read_at: datetime
    user_id: str
    user_name: str | None
    conversation_id: str
    item: ClosedItemShown


@dataclass(frozen=True)
class ForgetReport:
    """What ``forget_user`` removed or anonymised (counts of rows)."""

    dialog_states: int = 0
    conversations: int = 0
    subscriptions: int = 0
    reminders: int = 0
    followups_anonymised: int = 0
    follows: int = 0  # personal follows ("følg …" in a personal chat)


@dataclass(frozen=True)
class PurgeReport:
    """What ``purge`` deleted (counts of rows)."""

    followups: int = 0
    dialog_states: int = 0


class PrivacyStore:
    """The audit of confidential reads, forgetting a person, and retention."""

    def __init__(self, database: Database) -> None:
        self.db = database

    async def record_reads(self, *, tenant_id: str, user_id: str, user_name: str | None, conversation_id: str,
                           items: Sequence[ClosedItemShown], now: datetime) -> None:
        """Audit: ``user_id`` was shown the closed ``items`` in ``conversation_id`` at ``now``."""
        if not items:
            return
        async with self.db.sessions.begin() as session:
            session.add_all(
                ConfidentialReadRow(tenant_id=tenant_id, read_at=now, user_id=user_id[:256], user_name=user_name,
                                    conversation_id=conversation_id[:512], source=i.source,
                                    meeting_date=i.meeting_date, item_number=(i.item_number or None) and i.item_number[:32],
                                    item_title=i.item_title)
                for i in items
            )

    async def reads(self, *, since: datetime | None = None, tenant_id: str | None = None) -> list[ConfidentialRead]:
        """The audit, oldest first: every read since ``since`` (all when None), of one tenant or all."""
        query = select(ConfidentialReadRow).order_by(ConfidentialReadRow.read_at, ConfidentialReadRow.id)
        if since is not None:
            query = query.where(ConfidentialReadRow.read_at >= since)
        if tenant_id is not None:
            query = query.where(ConfidentialReadRow.tenant_id == tenant_id)
        async with self.db.sessions() as session:
            rows = (await session.execute(query)).scalars().all()
        return [
            ConfidentialRead(r.tenant_id, r.read_at, r.user_id, r.user_name, r.conversation_id,
                             ClosedItemShown(r.source, r.meeting_date, r.item_number, r.item_title))
            for r in rows
        ]

    async def forget_user(self, user_aad_id: str) -> ForgetReport:
        """Remove what the store keeps about one person (by AAD object id), in every tenant.

        Deleted: their dialog state, their personal conversations' references, subscriptions and pending
        reminders, their personal follows, and reminders due to them personally. In shared chats their name and ids are cleared
        from the conversation reference (it stays: the chat still gets its reminders) and from the
        subscriptions they made. Follow-ups they created or own stay, without owner or creator.
        The confidential-read audit is kept: it is the security record of who saw what.
        """
        async with self.db.sessions.begin() as session:
            teams_ids = set((await session.execute(
                select(ConversationRow.user_id).where(ConversationRow.user_aad_id == user_aad_id,
                                                      ConversationRow.user_id.is_not(None)))).scalars())
            personal = (await session.execute(
                select(ConversationRow.tenant_id, ConversationRow.conversation_id).where(
                    ConversationRow.user_aad_id == user_aad_id, ConversationRow.conversation_type == "personal"))).all()
            personal_keys = [(t, c) for t, c in personal]
            subscription_ids: list[int] = []
            for tenant_id, conversation_id in personal_keys:
                subscription_ids += (await session.execute(select(SubscriptionRow.id).where(
                    SubscriptionRow.tenant_id == tenant_id, SubscriptionRow.conversation_id == conversation_id))).scalars()
            reminders = 0
            open_work = OutboxRow.status.in_(("pending", "claimed"))
            if subscription_ids:
                reminders += _rows(await session.execute(delete(OutboxRow).where(
                    OutboxRow.subscription_id.in_(subscription_ids), open_work)))
            reminders += _rows(await session.execute(delete(OutboxRow).where(
                OutboxRow.user_aad_id == user_aad_id, open_work)))
            subscriptions = 0
            if subscription_ids:
                subscriptions = _rows(await session.execute(delete(SubscriptionRow).where(
                    SubscriptionRow.id.in_(subscription_ids))))
            await session.execute(update(SubscriptionRow).where(
                SubscriptionRow.created_by.in_({user_aad_id, *teams_ids})).values(created_by=None))
            who = {user_aad_id, *teams_ids}
            states = _rows(await session.execute(delete(DialogStateRow).where(DialogStateRow.user_id.in_(who))))
            follows = _rows(await session.execute(delete(FollowRow).where(FollowRow.user_aad_id == user_aad_id)))
            await session.execute(update(FollowRow).where(FollowRow.created_by.in_(who)).values(created_by=None))
            conversations = 0
            for tenant_id, conversation_id in personal_keys:
                conversations += _rows(await session.execute(delete(ConversationRow).where(
                    ConversationRow.tenant_id == tenant_id,
                    ConversationRow.conversation_id == conversation_id)))
            await session.execute(update(ConversationRow).where(ConversationRow.user_aad_id == user_aad_id).values(
                user_id=None, user_aad_id=None, user_name=None))
            touched = set((await session.execute(select(FollowUpRow.id).where(
                or_(FollowUpRow.owner_aad_id == user_aad_id, FollowUpRow.created_by.in_(who))))).scalars())
            await session.execute(update(FollowUpRow).where(FollowUpRow.owner_aad_id == user_aad_id).values(
                owner=None, owner_aad_id=None))
            await session.execute(update(FollowUpRow).where(FollowUpRow.created_by.in_(who)).values(created_by=None))
            owned = len(touched)
        return ForgetReport(states, conversations, subscriptions, reminders, owned, follows)

    async def purge(self, *, before: datetime) -> PurgeReport:
        """Retention: delete follow-ups closed before ``before`` and dialog state created before it."""
        async with self.db.sessions.begin() as session:
            followups = _rows(await session.execute(delete(FollowUpRow).where(
                FollowUpRow.status == "done", FollowUpRow.closed_at < before)))
            states = _rows(await session.execute(delete(DialogStateRow).where(
                DialogStateRow.created_at < before)))
        return PurgeReport(followups, states)


def _rows(result: Any) -> int:
    """Rows a DELETE/UPDATE touched (its CursorResult's rowcount)."""
    return int(getattr(result, "rowcount", 0) or 0)

