"""SQLAlchemy 2 typed models. Schema changes go through Alembic migrations in ``storage/migrations``."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


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
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)

    items: Mapped[list["ItemRow"]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ItemRow.position",
    )


class ItemRow(Base):
    """One agenda item ("Punkt N") of a meeting, or the single item of an indstilling."""

    __tablename__ = "items"
    __table_args__ = (Index("ix_items_meeting", "meeting_id"),)

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

    meeting: Mapped[MeetingRow] = relationship(back_populates="items")
    followups: Mapped[list["FollowUpRow"]] = relationship(back_populates="item", passive_deletes=True)


class FollowUpRow(Base):
    """A follow-up: extracted from ingested minutes (origin "minutes") or logged in chat (origin "chat")."""

    __tablename__ = "followups"
    __table_args__ = (
        Index("ix_followups_tenant_conv", "tenant_id", "conversation_id", "status"),
        Index("ix_followups_tenant_owner", "tenant_id", "owner_aad_id", "status"),
        Index("ix_followups_due", "status", "due"),
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
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    item: Mapped[ItemRow | None] = relationship(back_populates="followups")
