"""End to end through the Teams emulator: a channel follows a meeting kind, new minutes are stored, the card
arrives once (issue 18).

The bot runs with ``REFERATBOT_SCHEDULER=off``; the production scheduler (``bot.app.paced_scheduler``) is
built in this process on the bot's own SQLite file and driven by ``tick(now)``, as in
``test_emulator_followups_reminders.py``. The new minutes are stored in this process too, as another
``referatbot ingest`` would: the bot's scheduler finds them by the watermark.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.adapter import BotSender
from bot.app import paced_scheduler
from bot.connector import ConnectorPool
from bot.scheduler import Scheduler
from bot.settings import Settings
from emulator_harness import Emulator, card, collect, execute_actions, post_message, running_emulator, stream, strings
from minutes.model import AgendaItem, DocumentType, Meeting, Outcome
from storage.database import Database
from storage.repository import Repository

pytestmark = pytest.mark.e2e

CPH = ZoneInfo("Europe/Copenhagen")


@pytest.fixture(scope="module")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    work = tmp_path_factory.mktemp("e2e-follow")
    with running_emulator(work, env={"REFERATBOT_SCHEDULER": "off"}) as running:
        yield running


@pytest.fixture
async def bot_store(emulator: Emulator) -> AsyncIterator[tuple[Repository, Scheduler]]:
    settings = Settings(database_url=emulator.db_url)  # no app id: anonymous, like the bot
    db = await Database.open(settings.database_url)
    pool = ConnectorPool()
    try:
        repo = Repository(db)
        yield repo, paced_scheduler(repo, BotSender(settings, pool))
    finally:
        await pool.close()
        await db.close()


async def test_a_channel_follows_the_raadmandsmoeder_and_gets_the_new_minutes_once(emulator, bot_store):
    repo, scheduler = bot_store
    async with stream(emulator) as ws:
        posted = await post_message(emulator, emulator.channel, "følg rådmandsmøderne", mention_bot=True)
        thread = posted.get("postConversationId") or emulator.channel
        (confirmation,) = await collect(ws, thread, str(emulator.bot["id"]), 1, cards_only=False)
    assert "Så følger I Rådmandsmøde her" in confirmation["text"], confirmation["text"]

    now = datetime.now(CPH)
    day = now.date() + timedelta(days=3)
    minutes = Meeting(
        source=f"{day}_raadmandsmoede_referat.md", kind="Rådmandsmøde", title="Rådmandsmøde", date=day,
        document_type=DocumentType.MINUTES, meeting_kind="Rådmandsmøde", start=time(9, 0),
        items=(AgendaItem("1", "Frisættelse af hjemmeplejen", decision="Rådmanden godkendte forsøget.",
                          outcome=Outcome.DECIDED),
               AgendaItem("2", "Personalesag Fortrolig", decision="Lukket.", confidential=True)))
    await repo.documents.ingest(minutes, tenant_id="", now=now)

    async with stream(emulator) as ws:
        report = await scheduler.tick(now + timedelta(minutes=1))
        assert report.sent == 1 and report.failed == report.skipped == 0, report
        (message,) = await collect(ws, emulator.channel, str(emulator.bot["id"]), 1)
    shown = card(message)
    text = strings(shown)
    assert "Nyt om det, I følger" in text and "Punkt 1: Frisættelse af hjemmeplejen" in text, text
    assert "Rådmanden godkendte forsøget." in text and "Fortrolig" not in text
    assert "Stop med at følge Rådmandsmøde" in {a["title"] for a in execute_actions(shown)}
    assert (await scheduler.tick(now + timedelta(minutes=2))).claimed == 0  # sent once, not again
