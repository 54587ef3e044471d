"""SQLAlchemy 2 typed models. Schema changes go through Alembic migrations in ``storage/migrations``."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """A point in time: stored as UTC, read back timezone-aware on SQLite and PostgreSQL alike.

    SQLite keeps no offset, so an aware local time would silently come back naive and wrong.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def managed_by_orm(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic autogenerate filter: the search index is engine-specific SQL (FTS5 / tsvector), not ORM."""
    return not (type_ == "table" and name and (name.startswith("item_search") or name == "search_terms"))


class Base(DeclarativeBase):
    """Declarative base of every table."""


class MeetingRow(Base):
    """One source document: minutes, agenda or indstilling."""

    __tablename__ = "meetings"
    __table_args__ = (
        UniqueConstraint("tenant_id", "source", name="uq_meetings_tenant_source"),
        Index("ix_meetings_tenant_kind_date", "tenant_id", "meeting_kind", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    source: Mapped[str] = mapped_column(String(512), nullable=False)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    document_type: Mapped[str] = mapped_column(String(16), nullable=False)
    kind: Mapped[str] = mapped_column(String(128), nullable=False)
    meeting_kind: Mapped[str] = mapped_column(String(128), nullable=False)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    date: Mapped[date] = mapped_column(Date, nullable=False)
    start: Mapped[time | None] = mapped_column(Time, nullable=True)
    end: Mapped[time | None] = mapped_column(Time, nullable=True)
    location: Mapped[str | None] = mapped_column(Text, nullable=True)
    participants: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    responsible: Mapped[str | None] = mapped_column(Text, nullable=True)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    absent: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]", nullable=False)
    source_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    # "meeting", or "document" when the meeting date is not printed and ``date`` is the document's own.
    date_basis: Mapped[str] = mapped_column(String(16), default="meeting", server_default="meeting", nullable=False)

    items: Mapped[list["ItemRow"]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ItemRow.position",
    )


class ItemRow(Base):
    """One agenda item ("Punkt N") of a meeting, or the single item of an indstilling."""

    __tablename__ = "items"
    __table_args__ = (Index("ix_items_meeting", "meeting_id"), Index("ix_items_case_key", "case_key"),
                      Index("ix_items_series_key", "series_key"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[str | None] = mapped_column(String(16), nullable=True)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    presenters: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    start: Mapped[time | None] = mapped_column(Time, nullable=True)
    end: Mapped[time | None] = mapped_column(Time, nullable=True)
    decision: Mapped[str] = mapped_column(Text, default="", nullable=False)
    outcome: Mapped[str] = mapped_column(String(16), nullable=False)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    subpoints: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    # [{"heading": ..., "text": ...}, ...]
    sections: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list, nullable=False)
    case_number: Mapped[str | None] = mapped_column(String(128), nullable=True)  # as printed
    case_key: Mapped[str | None] = mapped_column(String(128), nullable=True)  # minutes.cases.case_key
    series_key: Mapped[str | None] = mapped_column(String(255), nullable=True)  # minutes.cases.title_series

    meeting: Mapped[MeetingRow] = relationship(back_populates="items")
    followups: Mapped[list["FollowUpRow"]] = relationship(back_populates="item", passive_deletes=True)


class FollowUpRow(Base):
    """A follow-up: extracted from ingested minutes (origin "minutes") or logged in chat (origin "chat")."""

    __tablename__ = "followups"
    __table_args__ = (
        Index("ix_followups_tenant_conv", "tenant_id", "conversation_id", "status"),
        Index("ix_followups_tenant_owner", "tenant_id", "owner_aad_id", "status"),
        Index("ix_followups_due", "status", "due"),
        # The number people see and type ("luk 3") is per team/chat; NULL for the minutes' own.
        Index("ux_followups_number", "tenant_id", "conversation_id", "number", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    # Chat follow-ups belong to a conversation; ingested ones to their meeting (conversation_id NULL).
    conversation_id: Mapped[str | None] = mapped_column(String(512), nullable=True)
    origin: Mapped[str] = mapped_column(String(16), nullable=False)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=True
    )
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"), nullable=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    owner: Mapped[str | None] = mapped_column(Text, nullable=True)
    owner_aad_id: Mapped[str | None] = mapped_column(String(128), nullable=True)
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(8), default="open", nullable=False)
    created_by: Mapped[str | None] = mapped_column(String(128), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # 1, 2, 3 … within its conversation (a chat follow-up); the primary key stays the row's identity.
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)

    item: Mapped[ItemRow | None] = relationship(back_populates="followups")


class ConversationRow(Base):
    """The stored reference to a Teams conversation, refreshed by every inbound activity.

    Our own columns, not an SDK-serialised blob, so a move to another SDK is a change to ``bot/`` only.
    """

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("tenant_id", "conversation_id", name="uq_conversations_tenant_conv"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), nullable=False)
    conversation_id: Mapped[str] = mapped_column(String(512), nullable=False)
    conversation_type: Mapped[str] = mapped_column(String(16), nullable=False)  # personal|groupChat|channel
    service_url: Mapped[str] = mapped_column(Text, nullable=False)
    channel_id: Mapped[str] = mapped_column(String(32), default="msteams", nullable=False)
    team_id: Mapped[str | None] = mapped_column(String(256), nullable=True)
    teams_channel_id: Mapped[str | None] = mapped_column(String(256), nullable=True)
    bot_id: Mapped[str] = mapped_column(String(256), nullable=False)
    bot_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    user_id: Mapped[str | None] = mapped_column(String(256), nullable=True)  # the Teams "29:…" id
    user_aad_id: Mapped[str | None] = mapped_column(String(128), nullable=True)
    user_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    locale: Mapped[str | None] = mapped_column(String(16), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class DialogStateRow(Base):
    """A question the bot asked and waits for (e.g. "Hvornår skal det være gjort?"), per user and conversation."""

    __tablename__ = "dialog_states"
    __table_args__ = (
        UniqueConstraint("tenant_id", "conversation_id", "user_id", name="uq_dialog_states_who"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), nullable=False)
    conversation_id: Mapped[str] = mapped_column(String(512), nullable=False)
    user_id: Mapped[str] = mapped_column(String(256), nullable=False)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    payload: Mapped[dict[str, object]] = mapped_column(JSON, default=dict, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class ProcessedActivityRow(Base):
    """Activity ids already answered: Teams redelivers an activity it got no answer to within ~15 s."""

    __tablename__ = "processed_activities"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)  # sha256 of tenant + conversation + activity id
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)


class SubscriptionRow(Base):
    """Agenda reminders wanted by a conversation for one meeting kind (NULL: every kind)."""

    __tablename__ = "subscriptions"
    __table_args__ = (Index("ix_subscriptions_tenant_conv", "tenant_id", "conversation_id", "active"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), nullable=False)
    conversation_id: Mapped[str] = mapped_column(String(512), nullable=False)
    meeting_kind: Mapped[str | None] = mapped_column(String(128), nullable=True)
    # Lead time: days_before + at ("HH:MM"), or minutes_before; all NULL = the working day before at 14:00.
    days_before: Mapped[int | None] = mapped_column(Integer, nullable=True)
    at: Mapped[str | None] = mapped_column(String(5), nullable=True)
    minutes_before: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    created_by: Mapped[str | None] = mapped_column(String(256), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    disabled_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The language the subscription was asked for in (a catalogue code, dialogs/catalogue/<code>.toml):
    # reminders speak it, whatever the client's locale. NULL (older rows): the conversation's locale decides.
    lang: Mapped[str | None] = mapped_column(String(2), nullable=True)


class OutboxRow(Base):
    """Due proactive work (an agenda reminder, a follow-up reminder): claimed in a transaction, sent, marked.

    ``dedupe_key`` is unique, so scheduling the same reminder twice is a no-op, and a claimed row is
    never claimed again by another instance.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(256), unique=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)  # agenda|followup_due|followup_overdue
    tenant_id: Mapped[str] = mapped_column(String(64), nullable=False)
    conversation_id: Mapped[str | None] = mapped_column(String(512), nullable=True)
    user_aad_id: Mapped[str | None] = mapped_column(String(128), nullable=True)  # personal delivery
    subscription_id: Mapped[int | None] = mapped_column(
        ForeignKey("subscriptions.id", ondelete="CASCADE"), nullable=True
    )
    followup_id: Mapped[int | None] = mapped_column(ForeignKey("followups.id", ondelete="CASCADE"), nullable=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), nullable=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    not_after: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="pending", nullable=False)  # pending|claimed|sent|failed|skipped
    attempts: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    claimed_by: Mapped[str | None] = mapped_column(String(128), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    payload: Mapped[dict[str, object]] = mapped_column(JSON, default=dict, nullable=False)


class ItemVectorRow(Base):
    """The semantic channel's vector of one item (title + first sentence of the decision).

    Deleted with its item (a replaced document drops its vectors). ``model`` names the embedder: a
    vector of another model is stale and embedded again. ``seq`` is the tenant's vector version when
    it was written, so an instance holding the vectors in memory reads only what is newer.
    """

    __tablename__ = "item_vectors"
    __table_args__ = (Index("ix_item_vectors_tenant_model_seq", "tenant_id", "model", "seq"),)

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), nullable=False)
    model: Mapped[str] = mapped_column(String(64), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    vector: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # float32, little-endian


class VectorVersionRow(Base):
    """A counter per tenant, raised by every write of vectors: other instances notice new vectors."""

    __tablename__ = "vector_versions"

    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)


class FollowRow(Base):
    """A wish to hear when new minutes decide on something: a topic, a meeting kind (committee) or a case.

    In a personal chat it is the person's (``user_aad_id`` set: delivered to their personal chat); in a
    channel or group chat it is the conversation's (``user_aad_id`` NULL).
    """

    __tablename__ = "follows"
    __table_args__ = (
        Index("ix_follows_tenant_conv", "tenant_id", "conversation_id", "active"),
        Index("ix_follows_tenant_user", "tenant_id", "user_aad_id", "active"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), nullable=False)
    conversation_id: Mapped[str] = mapped_column(String(512), nullable=False)  # where it was asked for
    user_aad_id: Mapped[str | None] = mapped_column(String(128), nullable=True)  # personal: the person's
    kind: Mapped[str] = mapped_column(String(16), nullable=False)  # topic|committee|case
    key: Mapped[str] = mapped_column(String(256), nullable=False)  # what is compared (see storage.follows)
    text: Mapped[str] = mapped_column(Text, nullable=False)  # the question or name as the user wrote it
    lang: Mapped[str] = mapped_column(String(2), nullable=False)
    digest_hour: Mapped[int | None] = mapped_column(Integer, nullable=True)  # one morning message at HH:00
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    created_by: Mapped[str | None] = mapped_column(String(256), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    disabled_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class FollowedDocumentRow(Base):
    """A stored document whose items were matched against the follows: claimed once, by one instance."""

    __tablename__ = "followed_documents"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    matched_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class FollowWatermarkRow(Base):
    """Every document stored (``ingested_at``) at or before ``matched_through`` has been matched.

    A time, not an id: SQLite hands a deleted newest id out again, so a replaced document may come back
    under an id the watermark already passed. One row, name "documents"; NULL: nothing matched yet.
    """

    __tablename__ = "follow_watermarks"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    matched_through: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class ConfidentialReadRow(Base):
    """One closed ("Lukket") item shown to an allow-listed reader: who, when, which item, where.

    The item is named by its document, meeting and number rather than a key: a corrected document
    replaces its items, and the record must outlive that. Kept when the reader is forgotten
    (``referatbot forget``): it is the security record of who saw what.
    """

    __tablename__ = "confidential_reads"
    __table_args__ = (Index("ix_confidential_reads_tenant_at", "tenant_id", "read_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), nullable=False)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    user_id: Mapped[str] = mapped_column(String(256), nullable=False)  # the AAD object id (else the Teams id)
    user_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    conversation_id: Mapped[str] = mapped_column(String(512), nullable=False)
    source: Mapped[str] = mapped_column(Text, nullable=False)
    meeting_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    item_number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    item_title: Mapped[str] = mapped_column(Text, nullable=False)
