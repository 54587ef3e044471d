"""The reminder scheduler inside ``create_app`` (what ``referatbot serve`` runs), and its on/off setting.

The app's loop reads the wall clock (it is the one place that does), so the store is set up relative
to now: an agenda two days ahead with a subscription whose lead time (14 days) is already past. The
network edge is a fake Bot Connector on loopback, which the bot may post to in anonymous mode.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web

from bot.app import SENDER_KEY, create_app
from bot.scheduler import SCHEDULER, Scheduler
from bot.sender import PacedSender
from bot.settings import Settings
from bot_helpers import FakeChannel, card_of, card_text
from minutes.model import AgendaItem, DocumentType, Meeting
from storage.conversations import ConversationRef
from storage.database import Database
from storage.repository import Repository

CPH = ZoneInfo("Europe/Copenhagen")
CHANNEL = "19:reminders@thread.tacv2"


# ---- the setting --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["off", "OFF", " false ", "0", "no", "nej"])
def test_the_scheduler_can_be_turned_off_from_the_environment(value: str) -> None:
    assert Settings.from_env({"REFERATBOT_SCHEDULER": value}).scheduler is False


@pytest.mark.parametrize("env", [{}, {"REFERATBOT_SCHEDULER": ""}, {"REFERATBOT_SCHEDULER": "on"},
                                 {"REFERATBOT_SCHEDULER": "true"}, {"REFERATBOT_SCHEDULER": "1"}])
def test_the_scheduler_is_on_by_default(env: dict[str, str]) -> None:
    assert Settings.from_env(env).scheduler is True


def test_a_value_not_understood_is_reported_and_leaves_it_on(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert Settings.from_env({"REFERATBOT_SCHEDULER": "maybe"}).scheduler is True
    assert "REFERATBOT_SCHEDULER='maybe'" in caplog.text


# ---- the running app ----------------------------------------------------------------------------


def agenda(day: date) -> Meeting:
    return Meeting(
        source=f"raadmandsmoede-{day.isoformat()}-dagsorden.txt", kind="Rådmandsmøde", title="Rådmandsmøde",
        date=day, document_type=DocumentType.AGENDA, meeting_kind="Rådmandsmøde", start=time(9, 0),
        end=time(10, 0), location="Rådhuset, vær. 489",
        items=(AgendaItem("1", "Budget 2028", ("Jakob Søgaard",), time(9, 0), time(9, 30)),
               AgendaItem("2", "Frisættelse", ("Dorthe Høgh",), time(9, 30), time(10, 0))),
    )


async def store_with_a_due_reminder(tmp_path: Path, channel: FakeChannel) -> tuple[str, date]:
    """A store whose only subscription has a reminder due now for a meeting two days ahead."""
    url = f"sqlite:///{tmp_path / 'referatbot.db'}"
    now = datetime.now(timezone.utc)
    day = now.astimezone(CPH).date() + timedelta(days=2)
    db = await Database.open(url)
    try:
        repo = Repository(db)
        await repo.documents.ingest(agenda(day), now=now)
        await repo.conversations.save_conversation(ConversationRef(
            tenant_id="", conversation_id=CHANNEL, conversation_type="channel", service_url=channel.url,
            bot_id="28:referatbot", locale="da-DK"), now=now)
        await repo.reminders.subscribe("", CHANNEL, "Rådmandsmøde", minutes_before=14 * 24 * 60, now=now)
    finally:
        await db.close()
    return url, day


async def outbox(url: str) -> dict[str, int]:
    db = await Database.open(url)
    try:
        return await Repository(db).reminders.outbox_counts()
    finally:
        await db.close()


async def test_the_served_app_plans_and_sends_a_due_agenda_reminder_by_itself(tmp_path, channel):
    url, day = await store_with_a_due_reminder(tmp_path, channel)
    app = create_app(Settings(database_url=url))
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        scheduler = app[SCHEDULER]
        assert isinstance(scheduler, Scheduler)
        assert isinstance(scheduler.sender, PacedSender) and scheduler.sender.inner is app[SENDER_KEY]
        for _ in range(100):
            if channel.messages():
                break
            await asyncio.sleep(0.1)
    finally:
        await runner.cleanup()
    assert not [t for t in asyncio.all_tasks() if t.get_name() == "reminder-scheduler" and not t.done()]
    (message,) = channel.messages()
    assert message["conversation"]["id"] == CHANNEL
    shown = card_text(card_of(message))
    assert "Påmindelse – Dagsorden: Rådmandsmøde" in shown
    assert f"den {day.day}." in shown and "Budget 2028" in shown and "Jakob Søgaard" in shown
    assert await outbox(url) == {"sent": 1}


async def test_with_the_scheduler_off_the_app_sends_and_plans_nothing(tmp_path, channel):
    url, _ = await store_with_a_due_reminder(tmp_path, channel)
    app = create_app(Settings(database_url=url, scheduler=False))
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        assert SCHEDULER not in app
        assert not [t for t in asyncio.all_tasks() if t.get_name() == "reminder-scheduler"]
        await asyncio.sleep(1.0)
    finally:
        await runner.cleanup()
    assert channel.messages() == []
    assert await outbox(url) == {}


# ---- follow-up owner reminders ------------------------------------------------------------------


async def test_an_owner_reminder_claimed_before_its_followup_was_closed_is_skipped_not_sent(tmp_path):
    from dialogs.proactive import RENDERERS, Skip
    from storage.followups import NewFollowUp, Viewer

    db = await Database.open(f"sqlite:///{tmp_path / 'referatbot.db'}")
    try:
        repo = Repository(db)
        logged = datetime(2026, 11, 2, 9, tzinfo=timezone.utc)
        view = await repo.followups.add_followup(NewFollowUp(
            tenant_id="", conversation_id="a:personal", text="Økonomi sender notat", created_by="aad-jens",
            owner="Jens", owner_aad_id="aad-jens", due=date(2026, 11, 6)), now=logged)
        due_morning = datetime(2026, 11, 6, 8, 30, tzinfo=timezone.utc)
        (entry,) = await repo.reminders.claim_due(now=due_morning, worker="w1", kinds=("followup_due",))
        ref = ConversationRef(tenant_id="", conversation_id="a:personal", conversation_type="personal",
                              service_url="http://127.0.0.1:9/", bot_id="28:referatbot", user_aad_id="aad-jens")
        render = RENDERERS["followup_due"]
        reminder = await render(repo, entry, ref)  # while open: the reminder with its two buttons
        assert "Markér som løst" in card_text(reminder.card)
        closed = await repo.followups.close_followup(Viewer(tenant_id="", conversation_id="a:personal", user_id="aad-jens",
                                                  personal=True), view.id, now=due_morning)
        assert closed.status == "ok"
        with pytest.raises(Skip, match="already closed"):
            await render(repo, entry, ref)
    finally:
        await db.close()
