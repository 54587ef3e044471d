"""Follow-ups as repository use cases: log, list, close, change the due date, schedule owner reminders.

Who sees what (``Viewer``), the rules every use case here applies:

* Never across tenants: every query is bound to ``viewer.tenant_id``.
* A follow-up logged in chat belongs to its conversation; it is visible there, and to its owner
  (``owner_aad_id == viewer.user_id``) in any conversation of the same tenant.
* A follow-up extracted from ingested minutes belongs to its meeting; it is visible in every
  conversation of the tenant (like the minutes themselves).
* A follow-up linked to a closed ("Lukket") item is never visible in a group chat or channel. In a
  personal chat it is visible to users allowed to read closed items, and to the person who logged
  it there or owns it (they wrote it).

Owner reminders: a follow-up with an owner AAD id, a due date and status open has two outbox rows,
``followup_due`` (08:00 Europe/Copenhagen on the due date) and ``followup_overdue`` (08:00 on the
first working day after it), addressed by ``user_aad_id`` (the scheduler finds the personal chat).
Reminders whose time has already passed when they are scheduled are not created (no late
reminder right after logging). Changing the due date skips the old pending rows and schedules new
ones; closing skips every pending row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Literal

from sqlalchemy import Select, and_, false, func, or_, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from minutes.calendar import COPENHAGEN, next_working_day
from minutes.kinds import kind_key
from storage.database import Database
from storage.models import FollowUpRow, ItemRow, MeetingRow, OutboxRow

REMINDER_HOUR = time(8, 0)  # owners are reminded at 08:00 Copenhagen time
LIST_LIMIT = 200  # rows read for one list before sorting (a list card shows far fewer)
NUMBER_ATTEMPTS = 5  # tries at the next number when follow-ups are logged at once in one conversation


@dataclass(frozen=True)
class ItemLink:
    """The meeting item a follow-up belongs to."""

    item_id: int
    meeting_id: int
    meeting_kind: str
    meeting_date: date
    number: str | None
    title: str
    confidential: bool = False


@dataclass(frozen=True)
class FollowUpView:
    """One follow-up as the dialogs see it."""

    id: int
    tenant_id: str
    conversation_id: str | None
    origin: str  # "chat" | "minutes"
    text: str
    owner: str | None
    owner_aad_id: str | None
    due: date | None
    status: str  # "open" | "done"
    created_by: str | None
    created_at: datetime
    closed_at: datetime | None = None
    item: ItemLink | None = None
    number: int | None = None  # what users see and type, per team/chat; None for the minutes' own

    def overdue(self, today: date) -> bool:
        """True when open and its due date is before ``today``."""
        return self.status == "open" and self.due is not None and self.due < today


@dataclass(frozen=True)
class Viewer:
    """Who asks, and where: what a use case may show or change."""

    tenant_id: str
    conversation_id: str
    user_id: str
    user_name: str = ""
    personal: bool = False  # a 1:1 chat with the bot
    include_confidential: bool = False  # personal chat and on the allow-list for closed items


@dataclass(frozen=True)
class NewFollowUp:
    """A follow-up to log in a conversation."""

    tenant_id: str
    conversation_id: str
    text: str
    created_by: str
    owner: str | None = None
    owner_aad_id: str | None = None
    due: date | None = None
    item_id: int | None = None


ChangeStatus = Literal["ok", "already_done", "not_found"]


@dataclass(frozen=True)
class FollowUpChange:
    """What closing a follow-up or changing its due date did."""

    status: ChangeStatus
    followup: FollowUpView | None = None


def reminder_times(due: date) -> dict[str, datetime]:
    """Outbox kind -> when to remind the owner of a follow-up due on ``due`` (aware UTC datetimes)."""
    overdue_day = next_working_day(due + timedelta(days=1))
    return {
        "followup_due": datetime.combine(due, REMINDER_HOUR, COPENHAGEN).astimezone(timezone.utc),
        "followup_overdue": datetime.combine(overdue_day, REMINDER_HOUR, COPENHAGEN).astimezone(timezone.utc),
    }


def _link(item: ItemRow | None, meeting: MeetingRow | None) -> ItemLink | None:
    if item is None or meeting is None:
        return None
    return ItemLink(
        item_id=item.id,
        meeting_id=meeting.id,
        meeting_kind=meeting.meeting_kind,
        meeting_date=meeting.date,
        number=item.number,
        title=item.title,
        confidential=bool(item.confidential or meeting.confidential),
    )


def _view(row: FollowUpRow, item: ItemRow | None, meeting: MeetingRow | None) -> FollowUpView:
    return FollowUpView(
        id=row.id,
        tenant_id=row.tenant_id,
        conversation_id=row.conversation_id,
        origin=row.origin,
        text=row.text,
        owner=row.owner,
        owner_aad_id=row.owner_aad_id,
        due=row.due,
        status=row.status,
        created_by=row.created_by,
        created_at=row.created_at,
        closed_at=row.closed_at,
        item=_link(item, meeting),
        number=row.number,
    )


def _joined() -> Select[FollowUpRow, ItemRow, MeetingRow]:
    return (
        select(FollowUpRow, ItemRow, MeetingRow)
        .outerjoin(ItemRow, ItemRow.id == FollowUpRow.item_id)
        .outerjoin(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
    )


def _in_this_conversation(viewer: Viewer) -> ColumnElement[bool]:
    return and_(FollowUpRow.origin == "chat", FollowUpRow.conversation_id == viewer.conversation_id)


def _owned(viewer: Viewer) -> ColumnElement[bool]:
    return FollowUpRow.owner_aad_id == viewer.user_id if viewer.user_id else false()


def _confidential_allowed(viewer: Viewer) -> ColumnElement[bool]:
    """Rows linked to a closed item only where this viewer may see them (see module docstring)."""
    if viewer.include_confidential:
        return true()
    open_item = or_(ItemRow.id.is_(None), ItemRow.confidential.is_(False))
    if not viewer.personal:
        return open_item
    return or_(open_item, and_(FollowUpRow.origin == "chat", or_(_in_this_conversation(viewer), _owned(viewer))))


def _visible(viewer: Viewer) -> ColumnElement[bool]:
    """Everything this viewer may see or close, by any list."""
    return and_(
        FollowUpRow.tenant_id == viewer.tenant_id,
        or_(_in_this_conversation(viewer), _owned(viewer), FollowUpRow.origin == "minutes"),
        _confidential_allowed(viewer),
    )


def _sort_key(view: FollowUpView) -> tuple[int, date, int]:
    return (view.due is None, view.due or date.max, view.id)


class FollowUpStore:
    """Follow-up use cases, each one transaction."""

    def __init__(self, database: Database) -> None:
        self.db = database

    # ---- reading ----------------------------------------------------------------------------

    async def followup(self, followup_id: int, *, tenant_id: str | None = None) -> FollowUpView | None:
        """One follow-up by id (for the reminder scheduler), optionally only within ``tenant_id``."""
        async with self.db.sessions() as session:
            query = _joined().where(FollowUpRow.id == followup_id)
            if tenant_id is not None:
                query = query.where(FollowUpRow.tenant_id == tenant_id)
            row = (await session.execute(query)).first()
            return _view(*row) if row else None

    async def visible_followup(self, viewer: Viewer, followup_id: int) -> FollowUpView | None:
        """One follow-up, if ``viewer`` may see (and so close or re-date) it here."""
        async with self.db.sessions() as session:
            row = (await session.execute(_joined().where(FollowUpRow.id == followup_id, _visible(viewer)))).first()
            return _view(*row) if row else None

    async def list_followups(
        self,
        viewer: Viewer,
        *,
        today: date,
        mine: bool = False,
        overdue: bool = False,
        meeting_kind: str | None = None,
        status: str = "open",
    ) -> list[FollowUpView]:
        """Follow-ups for a list, sorted by due date (none last), then id.

        * ``mine``: owned by the viewer in any conversation of the tenant (chat: by AAD id; from the
          minutes: an owner named exactly like the viewer).
        * ``meeting_kind``: linked to an item of a meeting of that kind: the minutes' own follow-ups
          of that kind and the ones logged here (or owned by the viewer) about such items.
        * otherwise: logged in this conversation, plus (in a personal chat) the viewer's own.
        * ``overdue``: only those due before ``today``.
        """
        conditions: list[ColumnElement[bool]] = [_visible(viewer), FollowUpRow.status == status]
        if mine:
            by_name = (
                and_(FollowUpRow.origin == "minutes", func.lower(FollowUpRow.owner) == viewer.user_name.lower())
                if viewer.user_name.strip()
                else false()
            )
            conditions.append(or_(_owned(viewer), by_name))
        elif meeting_kind:
            conditions.append(FollowUpRow.item_id.is_not(None))
        else:
            mine_here = _owned(viewer) if viewer.personal else false()
            conditions.append(or_(_in_this_conversation(viewer), mine_here))
        if overdue:
            conditions.append(and_(FollowUpRow.due.is_not(None), FollowUpRow.due < today))
        async with self.db.sessions() as session:
            rows = (
                await session.execute(
                    _joined().where(*conditions).order_by(FollowUpRow.due.is_(None), FollowUpRow.due, FollowUpRow.id)
                    .limit(LIST_LIMIT if not meeting_kind else LIST_LIMIT * 5)
                )
            ).all()
        views = [_view(*row) for row in rows]
        if meeting_kind:
            wanted = kind_key(meeting_kind)
            views = [v for v in views if v.item is not None and kind_key(v.item.meeting_kind) == wanted]
        return sorted(views, key=_sort_key)

    async def find_item(
        self,
        *,
        tenant_id: str,
        meeting_kind: str | None,
        number: str,
        on: date | None,
        today: date,
        include_confidential: bool,
    ) -> ItemLink | None:
        """The item "punkt ``number``" of the meeting of ``meeting_kind`` held ``on`` (minutes preferred
        over an agenda), or of the latest such meeting up to ``today`` when no date is given.

        None when there is no such item, or it is closed and ``include_confidential`` is false.
        With neither a kind nor a date the reference is too vague: None.
        """
        if meeting_kind is None and on is None:
            return None
        async with self.db.sessions() as session:
            query = (
                select(ItemRow, MeetingRow)
                .join(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
                .where(
                    MeetingRow.tenant_id == tenant_id,
                    ItemRow.number == number,
                    MeetingRow.document_type.in_(["minutes", "agenda"]),
                )
            )
            query = query.where(MeetingRow.date == on) if on is not None else query.where(MeetingRow.date <= today)
            rows = (await session.execute(query.order_by(MeetingRow.date.desc(), MeetingRow.id))).all()
        wanted = kind_key(meeting_kind) if meeting_kind else None
        candidates = [
            (item, meeting)
            for item, meeting in rows
            if wanted is None or kind_key(meeting.meeting_kind) == wanted
        ]
        if not candidates:
            return None
        newest = candidates[0][1].date
        same_day = [c for c in candidates if c[1].date == newest]
        if wanted is None and len({kind_key(m.meeting_kind) for _, m in same_day}) > 1:
            return None  # two meetings that day: which one is meant is a guess
        item, meeting = min(same_day, key=lambda c: (c[1].document_type != "minutes", c[1].id))
        link = _link(item, meeting)
        if link is None or (link.confidential and not include_confidential):
            return None
        return link

    async def item_link(self, item_id: int, *, tenant_id: str, include_confidential: bool) -> ItemLink | None:
        """One item of this tenant as a link target (None when absent or closed and not allowed)."""
        async with self.db.sessions() as session:
            found = (
                await session.execute(
                    select(ItemRow, MeetingRow)
                    .join(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
                    .where(ItemRow.id == item_id, MeetingRow.tenant_id == tenant_id)
                )
            ).first()
        link = _link(*found) if found else None
        if link is None or (link.confidential and not include_confidential):
            return None
        return link

    # ---- changing ---------------------------------------------------------------------------

    async def add_followup(self, new: NewFollowUp, *, now: datetime) -> FollowUpView:
        """Log a follow-up in a conversation, numbered next there, and schedule its owner's reminders.

        Two logged at once in one conversation may pick the same number: the unique index refuses the
        second, and it is logged again with the next one.
        """
        for attempt in range(NUMBER_ATTEMPTS):
            try:
                return await self._add_numbered(new, now=now)
            except IntegrityError:
                if attempt == NUMBER_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    async def _add_numbered(self, new: NewFollowUp, *, now: datetime) -> FollowUpView:
        async with self.db.sessions.begin() as session:
            last = (await session.execute(
                select(func.max(FollowUpRow.number)).where(FollowUpRow.tenant_id == new.tenant_id,
                                                           FollowUpRow.conversation_id == new.conversation_id)
            )).scalar()
            row = FollowUpRow(
                number=(last or 0) + 1,
                tenant_id=new.tenant_id,
                conversation_id=new.conversation_id,
                origin="chat",
                # meeting_id stays NULL: it cascades on delete, and a corrected version of the minutes
                # replaces the meeting row; a chat follow-up must outlive that (item_id is SET NULL).
                meeting_id=None,
                item_id=new.item_id,
                text=new.text,
                owner=new.owner,
                owner_aad_id=new.owner_aad_id,
                due=new.due,
                status="open",
                created_by=new.created_by,
                created_at=now,
            )
            session.add(row)
            await session.flush()
            await self._fu_schedule_reminders(session, row, now=now)
            return await self._fu_load(session, row.id)

    async def numbered_followup(self, viewer: Viewer, number: int) -> FollowUpView | None:
        """The follow-up numbered ``number`` in the viewer's conversation ("luk 3"), if the viewer may see it."""
        async with self.db.sessions() as session:
            found = (await session.execute(_joined().where(
                FollowUpRow.tenant_id == viewer.tenant_id, FollowUpRow.conversation_id == viewer.conversation_id,
                FollowUpRow.number == number, _visible(viewer),
            ))).first()
            return _view(*found) if found else None

    async def close_followup(self, viewer: Viewer, followup_id: int, *, now: datetime) -> FollowUpChange:
        """Mark a follow-up visible to ``viewer`` as done and skip its pending reminders."""
        async with self.db.sessions.begin() as session:
            row = await self._fu_visible_row(session, viewer, followup_id)
            if row is None:
                return FollowUpChange("not_found")
            if row.status == "done":
                return FollowUpChange("already_done", await self._fu_load(session, row.id))
            row.status = "done"
            row.closed_at = now
            await self._fu_skip_reminders(session, row.id, keep=())
            await session.flush()
            return FollowUpChange("ok", await self._fu_load(session, row.id))

    async def set_followup_due(
        self, viewer: Viewer, followup_id: int, due: date | None, *, now: datetime
    ) -> FollowUpChange:
        """Change (or remove, with None) the due date of an open follow-up visible to ``viewer``."""
        async with self.db.sessions.begin() as session:
            row = await self._fu_visible_row(session, viewer, followup_id)
            if row is None:
                return FollowUpChange("not_found")
            if row.status == "done":
                return FollowUpChange("already_done", await self._fu_load(session, row.id))
            row.due = due
            await session.flush()
            await self._fu_schedule_reminders(session, row, now=now)
            return FollowUpChange("ok", await self._fu_load(session, row.id))

    # ---- inside a transaction ---------------------------------------------------------------

    async def _fu_load(self, session: AsyncSession, followup_id: int) -> FollowUpView:
        row = (await session.execute(_joined().where(FollowUpRow.id == followup_id))).one()
        return _view(*row)

    async def _fu_visible_row(self, session: AsyncSession, viewer: Viewer, followup_id: int) -> FollowUpRow | None:
        found = (
            await session.execute(
                _joined().where(FollowUpRow.id == followup_id, _visible(viewer)).with_for_update(of=FollowUpRow)
            )
        ).first()
        return found[0] if found else None

    async def _fu_skip_reminders(self, session: AsyncSession, followup_id: int, *, keep: tuple[str, ...]) -> None:
        await session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.followup_id == followup_id,
                OutboxRow.status == "pending",
                OutboxRow.dedupe_key.not_in(keep) if keep else true(),
            )
            .values(status="skipped")
        )

    async def _fu_schedule_reminders(self, session: AsyncSession, row: FollowUpRow, *, now: datetime) -> None:
        """Make the pending outbox rows of ``row`` match its owner, due date and status."""
        wanted: dict[str, tuple[str, datetime]] = {}
        if row.status == "open" and row.owner_aad_id and row.due is not None:
            for kind, at in reminder_times(row.due).items():
                if at > now:
                    wanted[f"{kind}:{row.id}:{row.due.isoformat()}"] = (kind, at)
        await self._fu_skip_reminders(session, row.id, keep=tuple(wanted))
        if not wanted:
            return
        existing = {
            o.dedupe_key: o
            for o in (
                await session.execute(select(OutboxRow).where(OutboxRow.dedupe_key.in_(list(wanted))))
            ).scalars()
        }
        for key, (kind, at) in wanted.items():
            outbox = existing.get(key)
            if outbox is None:
                session.add(
                    OutboxRow(
                        dedupe_key=key,
                        kind=kind,
                        tenant_id=row.tenant_id,
                        conversation_id=None,
                        user_aad_id=row.owner_aad_id,
                        followup_id=row.id,
                        due_at=at,
                        status="pending",
                        payload={"followup_id": row.id, "due": row.due.isoformat() if row.due else None},
                    )
                )
            elif outbox.status == "skipped":  # the due date went back to an earlier value
                outbox.status = "pending"
                outbox.due_at = at
                outbox.user_aad_id = row.owner_aad_id
