"""The follow-up use cases of the repository: reminders in the outbox, visibility, tenants, item lookup."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from minutes.model import AgendaItem, DocumentType, FollowUp, Meeting
from storage.followups import NewFollowUp, Viewer, reminder_times
from storage.models import OutboxRow
from storage.repository import Repository

CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CPH)
TODAY = date(2026, 11, 25)


def _new(text: str = "Økonomi sender notat", *, tenant: str = "A", conv: str = "c1", owner_aad: str | None = "aad-jens",
         due: date | None = date(2026, 12, 4), item_id: int | None = None) -> NewFollowUp:
    return NewFollowUp(tenant_id=tenant, conversation_id=conv, text=text, created_by="aad-anne", owner="Jens",
                       owner_aad_id=owner_aad, due=due, item_id=item_id)


def _viewer(tenant: str = "A", conv: str = "c1", user: str = "aad-anne", *, personal: bool = False,
            confidential: bool = False) -> Viewer:
    return Viewer(tenant, conv, user, personal=personal, include_confidential=confidential)


async def _outbox(repo: Repository) -> dict[str, tuple[str, datetime, str | None]]:
    async with repo.db.sessions() as session:
        rows = (await session.execute(select(OutboxRow))).scalars()
        return {r.dedupe_key: (r.status, r.due_at, r.user_aad_id) for r in rows}


@pytest.mark.parametrize(
    ("due", "due_utc", "overdue_utc"),
    [
        (date(2026, 12, 4), datetime(2026, 12, 4, 7, 0), datetime(2026, 12, 7, 7, 0)),  # Friday -> Monday, CET
        (date(2026, 6, 15), datetime(2026, 6, 15, 6, 0), datetime(2026, 6, 16, 6, 0)),  # summer time: 08:00 is 06:00 UTC
        (date(2026, 12, 23), datetime(2026, 12, 23, 7, 0), datetime(2026, 12, 28, 7, 0)),  # 24-26/12 and Sunday skipped
        (date(2026, 3, 27), datetime(2026, 3, 27, 7, 0), datetime(2026, 3, 30, 6, 0)),  # across the DST change
    ],
)
def test_reminders_are_at_eight_on_the_due_date_and_the_next_working_day(
    due: date, due_utc: datetime, overdue_utc: datetime
) -> None:
    times = reminder_times(due)
    assert times["followup_due"] == due_utc.replace(tzinfo=timezone.utc)
    assert times["followup_overdue"] == overdue_utc.replace(tzinfo=timezone.utc)
    assert times["followup_due"].astimezone(CPH).hour == 8


async def test_adding_schedules_two_reminders_for_the_owner(repo: Repository) -> None:
    view = await repo.followups.add_followup(_new(), now=NOW)
    assert view.id > 0 and view.origin == "chat" and view.status == "open" and view.due == date(2026, 12, 4)
    rows = await _outbox(repo)
    assert rows == {
        f"followup_due:{view.id}:2026-12-04": ("pending", datetime(2026, 12, 4, 7, 0, tzinfo=timezone.utc), "aad-jens"),
        f"followup_overdue:{view.id}:2026-12-04": ("pending", datetime(2026, 12, 7, 7, 0, tzinfo=timezone.utc), "aad-jens"),
    }


async def test_no_reminders_without_an_owner_id_or_a_due_date_or_in_the_past(repo: Repository) -> None:
    await repo.followups.add_followup(_new(owner_aad=None), now=NOW)
    await repo.followups.add_followup(_new(due=None), now=NOW)
    today = await repo.followups.add_followup(_new(due=TODAY), now=NOW)  # 08:00 today has passed at 10:00
    rows = await _outbox(repo)
    assert set(rows) == {f"followup_overdue:{today.id}:2026-11-25"}


async def test_closing_skips_pending_reminders_and_is_idempotent(repo: Repository) -> None:
    view = await repo.followups.add_followup(_new(), now=NOW)
    change = await repo.followups.close_followup(_viewer(), view.id, now=NOW)
    assert change.status == "ok" and change.followup is not None and change.followup.status == "done"
    assert change.followup.closed_at == NOW
    assert {s for s, _, _ in (await _outbox(repo)).values()} == {"skipped"}
    again = await repo.followups.close_followup(_viewer(), view.id, now=NOW)
    assert again.status == "already_done"
    assert (await repo.followups.set_followup_due(_viewer(), view.id, date(2027, 1, 1), now=NOW)).status == "already_done"


async def test_changing_the_due_date_moves_the_reminders_and_back(repo: Repository) -> None:
    view = await repo.followups.add_followup(_new(), now=NOW)
    moved = await repo.followups.set_followup_due(_viewer(), view.id, date(2026, 12, 11), now=NOW)
    assert moved.status == "ok" and moved.followup is not None and moved.followup.due == date(2026, 12, 11)
    statuses = {k: s for k, (s, _, _) in (await _outbox(repo)).items()}
    assert statuses == {
        f"followup_due:{view.id}:2026-12-04": "skipped",
        f"followup_overdue:{view.id}:2026-12-04": "skipped",
        f"followup_due:{view.id}:2026-12-11": "pending",
        f"followup_overdue:{view.id}:2026-12-11": "pending",
    }
    await repo.followups.set_followup_due(_viewer(), view.id, date(2026, 12, 4), now=NOW)  # back: the old rows come back
    statuses = {k: s for k, (s, _, _) in (await _outbox(repo)).items()}
    assert sorted(k for k, s in statuses.items() if s == "pending") == [
        f"followup_due:{view.id}:2026-12-04", f"followup_overdue:{view.id}:2026-12-04"
    ]
    await repo.followups.set_followup_due(_viewer(), view.id, None, now=NOW)
    assert {s for s, _, _ in (await _outbox(repo)).values()} == {"skipped"}


async def test_another_tenant_can_neither_see_nor_change(repo: Repository) -> None:
    view = await repo.followups.add_followup(_new(tenant="A"), now=NOW)
    intruder = _viewer(tenant="B", user="aad-jens")  # same conversation id and even the owner's AAD id
    assert await repo.followups.list_followups(intruder, today=TODAY) == []
    assert await repo.followups.list_followups(intruder, today=TODAY, mine=True) == []
    assert await repo.followups.visible_followup(intruder, view.id) is None
    assert (await repo.followups.close_followup(intruder, view.id, now=NOW)).status == "not_found"
    assert (await repo.followups.set_followup_due(intruder, view.id, None, now=NOW)).status == "not_found"
    assert await repo.followups.followup(view.id, tenant_id="B") is None
    still = await repo.followups.followup(view.id)
    assert still is not None and still.status == "open" and still.due == date(2026, 12, 4)


async def test_another_conversation_sees_only_what_the_user_owns(repo: Repository) -> None:
    view = await repo.followups.add_followup(_new(conv="c1", owner_aad="aad-jens"), now=NOW)
    stranger = _viewer(conv="c2", user="aad-anne")
    assert await repo.followups.list_followups(stranger, today=TODAY) == []
    assert (await repo.followups.close_followup(stranger, view.id, now=NOW)).status == "not_found"
    owner_elsewhere = _viewer(conv="c2", user="aad-jens", personal=True)
    assert [v.id for v in await repo.followups.list_followups(owner_elsewhere, today=TODAY)] == [view.id]
    assert [v.id for v in await repo.followups.list_followups(owner_elsewhere, today=TODAY, mine=True)] == [view.id]
    assert (await repo.followups.close_followup(owner_elsewhere, view.id, now=NOW)).status == "ok"


async def _ingest(repo: Repository, tenant: str = "A") -> None:
    minutes = Meeting(
        source=f"rm-{tenant}.docx", kind="Rådmandsmøde", title="Rådmandsmøde", date=date(2026, 11, 20),
        document_type=DocumentType.MINUTES, meeting_kind="Rådmandsmøde",
        items=(
            AgendaItem("1", "Budget", followups=(FollowUp("Økonomi fremsender materiale", "Økonomi", date(2026, 11, 1)),)),
            AgendaItem("2", "Lukket sag", confidential=True, followups=(FollowUp("Direktøren ringer", None, None),)),
        ),
    )
    older = Meeting(
        source=f"rm-old-{tenant}.docx", kind="Rådmandsmøde", title="Rådmandsmøde", date=date(2026, 10, 2),
        document_type=DocumentType.MINUTES, meeting_kind="Rådmandsmøde", items=(AgendaItem("1", "Gammelt punkt"),),
    )
    future = Meeting(
        source=f"rm-next-{tenant}.docx", kind="Rådmandsmøde", title="Dagsorden", date=date(2026, 12, 8),
        document_type=DocumentType.AGENDA, meeting_kind="Rådmandsmøde", items=(AgendaItem("1", "Kommende punkt"),),
    )
    for m in (minutes, older, future):
        await repo.documents.ingest(m, tenant_id=tenant)


async def test_find_item_by_kind_date_and_number_within_the_tenant(repo: Repository) -> None:
    await _ingest(repo, "A")
    await _ingest(repo, "B")
    args = {"number": "1", "today": TODAY, "include_confidential": False}
    dated = await repo.followups.find_item(tenant_id="A", meeting_kind="Rådmandsmødet", on=date(2026, 10, 2), **args)
    assert dated is not None and dated.title == "Gammelt punkt" and dated.meeting_date == date(2026, 10, 2)
    latest = await repo.followups.find_item(tenant_id="A", meeting_kind="RM", on=None, **args)
    assert latest is not None and latest.title == "Budget"  # the latest meeting up to today, not the agenda ahead
    assert await repo.followups.find_item(tenant_id="A", meeting_kind="Chefteammøde", on=None, **args) is None
    assert await repo.followups.find_item(tenant_id="A", meeting_kind=None, on=None, **args) is None  # too vague
    assert await repo.followups.find_item(tenant_id="C", meeting_kind="Rådmandsmøde", on=None, **args) is None
    b_item = await repo.followups.find_item(tenant_id="B", meeting_kind="Rådmandsmøde", on=None, **args)
    assert b_item is not None and b_item.item_id != latest.item_id
    closed = {"tenant_id": "A", "meeting_kind": "Rådmandsmøde", "number": "2", "on": None, "today": TODAY}
    assert await repo.followups.find_item(**closed, include_confidential=False) is None
    found = await repo.followups.find_item(**closed, include_confidential=True)
    assert found is not None and found.confidential
    assert await repo.followups.item_link(b_item.item_id, tenant_id="A", include_confidential=True) is None


async def test_minutes_follow_ups_by_meeting_kind_and_overdue(repo: Repository) -> None:
    await _ingest(repo, "A")
    channel = _viewer()
    listed = await repo.followups.list_followups(channel, today=TODAY, meeting_kind="Rådmandsmøde")
    assert [v.text for v in listed] == ["Økonomi fremsender materiale"]
    assert listed[0].origin == "minutes" and listed[0].item is not None and listed[0].item.number == "1"
    assert listed[0].overdue(TODAY)
    allowed = _viewer(personal=True, confidential=True)
    assert len(await repo.followups.list_followups(allowed, today=TODAY, meeting_kind="Rådmandsmøde")) == 2
    assert [v.text for v in await repo.followups.list_followups(allowed, today=TODAY, meeting_kind="Rådmandsmøde", overdue=True)] == [
        "Økonomi fremsender materiale"
    ]
    assert await repo.followups.list_followups(channel, today=TODAY) == []  # not in a conversation's own list
    # A chat follow-up linked to the item shows with the meeting kind, here.
    item = await repo.followups.find_item(tenant_id="A", meeting_kind="Rådmandsmøde", number="1", on=None, today=TODAY,
                                include_confidential=False)
    assert item is not None
    logged = await repo.followups.add_followup(_new(item_id=item.item_id), now=NOW)
    assert {v.id for v in await repo.followups.list_followups(channel, today=TODAY, meeting_kind="Rådmandsmøde")} >= {logged.id}
    assert await repo.followups.list_followups(_viewer(conv="c9"), today=TODAY, meeting_kind="Chefteammøde") == []


async def test_a_chat_follow_up_outlives_corrected_minutes(repo: Repository) -> None:
    await _ingest(repo, "A")
    item = await repo.followups.find_item(tenant_id="A", meeting_kind="Rådmandsmøde", number="1", on=None, today=TODAY,
                                include_confidential=False)
    assert item is not None
    logged = await repo.followups.add_followup(_new(item_id=item.item_id), now=NOW)
    corrected = Meeting(
        source="rm-A-v2.docx", kind="Rådmandsmøde", title="Rådmandsmøde", date=date(2026, 11, 20),
        document_type=DocumentType.MINUTES, meeting_kind="Rådmandsmøde", items=(AgendaItem("1", "Budget (rettet)"),),
    )
    assert (await repo.documents.ingest(corrected, tenant_id="A")).status == "replaced"
    kept = await repo.followups.followup(logged.id)
    assert kept is not None and kept.text == "Økonomi sender notat" and kept.item is None
    assert [v.id for v in await repo.followups.list_followups(_viewer(), today=TODAY)] == [logged.id]
