"""Conversations as use cases: references (our own columns), the redelivery guard, and the question the
bot waits to have answered (dialog state)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.database import Database
from storage.models import ConversationRow, DialogStateRow, ProcessedActivityRow


@dataclass(frozen=True)
class ConversationRef:
    """Everything needed to post into a conversation later (proactively)."""

    tenant_id: str
    conversation_id: str
    conversation_type: str  # "personal" | "groupChat" | "channel"
    service_url: str
    bot_id: str
    channel_id: str = "msteams"
    bot_name: str | None = None
    team_id: str | None = None
    teams_channel_id: str | None = None
    user_id: str | None = None  # the Teams "29:…" id of the last sender
    user_aad_id: str | None = None
    user_name: str | None = None
    locale: str | None = None
    active: bool = True


@dataclass(frozen=True)
class DialogState:
    """A question the bot asked and waits to have answered: its kind and what it needs to remember."""

    kind: str
    payload: dict[str, Any]


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; they were stored as UTC.
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _ref(row: ConversationRow) -> ConversationRef:
    return ConversationRef(
        tenant_id=row.tenant_id,
        conversation_id=row.conversation_id,
        conversation_type=row.conversation_type,
        service_url=row.service_url,
        bot_id=row.bot_id,
        channel_id=row.channel_id,
        bot_name=row.bot_name,
        team_id=row.team_id,
        teams_channel_id=row.teams_channel_id,
        user_id=row.user_id,
        user_aad_id=row.user_aad_id,
        user_name=row.user_name,
        locale=row.locale,
        active=row.active,
    )


class ConversationStore:
    """Conversation references, processed activity ids and pending questions, each use case one transaction."""

    def __init__(self, database: Database) -> None:
        self.db = database

    async def save_conversation(self, ref: ConversationRef, *, now: datetime) -> None:
        """Insert or refresh the reference of ``ref.conversation_id`` (every inbound activity calls this).

        In a group chat or channel the user fields name the last sender; a personal conversation's
        user is its owner, which is what personal reminders look up.
        """
        values = {k: v for k, v in ref.__dict__.items() if k not in ("tenant_id", "conversation_id")}
        changes = {k: v for k, v in values.items() if v is not None or k == "active"}
        async with self.db.sessions.begin() as session:
            # The write comes first: on SQLite (WAL) a transaction that reads and then writes fails at once
            # with "database is locked" when another writer (an ingest) committed in between, whereas one
            # that starts with its write waits for the lock (busy_timeout).
            updated = await session.execute(
                update(ConversationRow)
                .where(ConversationRow.tenant_id == ref.tenant_id, ConversationRow.conversation_id == ref.conversation_id)
                .values(**changes, updated_at=now)
            )
            if not getattr(updated, "rowcount", 0):
                session.add(
                    ConversationRow(
                        tenant_id=ref.tenant_id, conversation_id=ref.conversation_id, updated_at=now, **values
                    )
                )

    async def conversation(self, tenant_id: str, conversation_id: str) -> ConversationRef | None:
        """The stored reference of one conversation of one tenant."""
        async with self.db.sessions() as session:
            row = (
                await session.execute(
                    select(ConversationRow).where(
                        ConversationRow.tenant_id == tenant_id, ConversationRow.conversation_id == conversation_id
                    )
                )
            ).scalar_one_or_none()
            return _ref(row) if row else None

    async def personal_conversation(self, tenant_id: str, user_aad_id: str) -> ConversationRef | None:
        """The personal chat between the bot and one user of one tenant (newest), if the user has one."""
        async with self.db.sessions() as session:
            row = (
                await session.execute(
                    select(ConversationRow)
                    .where(
                        ConversationRow.tenant_id == tenant_id,
                        ConversationRow.user_aad_id == user_aad_id,
                        ConversationRow.conversation_type == "personal",
                        ConversationRow.active.is_(True),
                    )
                    .order_by(ConversationRow.updated_at.desc())
                    .limit(1)
                )
            ).scalar_one_or_none()
            return _ref(row) if row else None

    async def deactivate_conversation(self, tenant_id: str, conversation_id: str) -> None:
        """Mark a conversation the bot was removed from (403 on send, or uninstall)."""
        async with self.db.sessions.begin() as session:
            await session.execute(
                update(ConversationRow)
                .where(ConversationRow.tenant_id == tenant_id, ConversationRow.conversation_id == conversation_id)
                .values(active=False)
            )

    async def first_delivery(self, tenant_id: str, conversation_id: str, activity_id: str, *, now: datetime,
                             keep: timedelta = timedelta(minutes=10)) -> bool:
        """True the first time an activity id is seen in a tenant's conversation; False for a redelivery.

        Keyed by tenant too: ids are only unique within what one tenant's Teams hands out, so the same
        activity and conversation id from another tenant is another activity and must be answered.
        Safe across bot instances: the primary key decides. Entries older than ``keep`` are purged.
        """
        key = hashlib.sha256(f"{tenant_id}\x00{conversation_id}\x00{activity_id}".encode()).hexdigest()
        try:
            async with self.db.sessions.begin() as session:
                await session.execute(delete(ProcessedActivityRow).where(ProcessedActivityRow.seen_at < now - keep))
                session.add(ProcessedActivityRow(key=key, seen_at=now))
            return True
        except IntegrityError:
            return False

    # ---- the question the bot waits to have answered ----------------------------------------------

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

        return await self.db.read(read)

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
