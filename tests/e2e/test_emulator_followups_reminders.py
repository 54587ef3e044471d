"""End to end through the Teams emulator: follow-ups (issue #7) and agenda reminders (issue #8).

The real ``referatbot serve`` runs with ``REFERATBOT_SCHEDULER=off``, so nothing is sent on the
wall clock. The reminder is delivered by the production scheduler (``bot.app.paced_scheduler``:
``BotSender`` behind Teams pacing) built in this process on the bot's own SQLite file and driven by
``Scheduler.tick(now)`` with chosen times; it posts to the serviceUrl the emulator gave the bot (the
playground is the Bot Connector, on loopback, which ``BotSender`` allows only in anonymous mode), and
the card is read from the emulator's WebSocket like any reply.

All traffic is on 127.0.0.1; both processes are stopped by id at the end.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.adapter import BotSender
from bot.connector import ConnectorPool
from bot.app import paced_scheduler
from bot.scheduler import Scheduler
from bot.settings import Settings
from emulator_harness import (SAMPLES, Emulator, card, collect, execute_actions, facts, invoke, post_message,
                              running_emulator, say, stream, strings, walk)
from storage.database import Database
from minutes.calendar import is_working_day
from storage.repository import Repository

pytestmark = pytest.mark.e2e

CPH = ZoneInfo("Europe/Copenhagen")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")


def danish(d: date) -> str:
    """The expected Danish long date, spelled out here independently of the bot."""
    return f"{WEEKDAYS[d.weekday()]} den {d.day}. {MONTHS[d.month - 1]} {d.year}"


def english(d: date) -> str:
    return d.strftime("%A ") + str(d.day) + d.strftime(" %B %Y")  # the C locale: English names


def friday_of_week_45(today: date) -> date:
    """ "senest uge 45": the Friday of ISO week 45 of this ISO year, or of next year once it has passed."""
    year = today.isocalendar().year
    friday = date.fromisocalendar(year, 45, 5)
    return friday if friday >= today else date.fromisocalendar(year + 1, 45, 5)


def meeting_day(today: date) -> date:
    """A Wednesday two or more weeks ahead whose Tuesday is a working day (so "dagen før" is that Tuesday)."""
    d = today + timedelta(days=14)
    while d.weekday() != 2 or not is_working_day(d - timedelta(days=1)):
        d += timedelta(days=1)
    return d


AGENDA = """\
# Rådmandsmøde (Rådmandsmøde)

{date} 09:00 - 10:00

Rådhuset, vær. 410

---

**Information:** Pkt. 1 kl. 9.00-9.20 Hanne Linnemann og Jakob Søgaard  
Pkt. 2 kl. 9.20-9.40 Mie Kjer  
Pkt. 3 kl. 9.40-9.50  
Pkt. 4 kl. 9.50-10.00 Dorthe Høgh

**Mødedeltagere :** Christian Boel, Jens Bejer Damgaard, Thune Korsager

## **Punkt 1: Budget 2028 – første budgetdrøftelse**

Oplæg om rammerne for budgettet og de demografiske udfordringer.

## **Punkt 2: Demensstrategi – status på handleplanen**

Status på de fire indsatsområder.

## **Punkt 3: Personalesag Fortrolig (Lukket)**

## **Punkt 4: Eventuelt**
"""


@dataclass(frozen=True)
class World:
    emulator: Emulator
    meeting: date


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    work = tmp_path_factory.mktemp("e2e-reminders")
    day = meeting_day(datetime.now(CPH).date())
    agenda = work / "agenda" / f"{day.isoformat()}_raadmandsmoede_dagsorden.md"
    agenda.parent.mkdir()
    agenda.write_text(AGENDA.format(date=day.strftime("%d-%m-%Y")), encoding="utf-8")
    with running_emulator(work, ingest=(SAMPLES, agenda.parent), env={"REFERATBOT_SCHEDULER": "off"}) as emulator:
        yield World(emulator, day)


@pytest.fixture
async def scheduler(world: World) -> AsyncIterator[Scheduler]:
    """The production scheduler on the bot's own store, sending to the emulator as the bot would."""
    settings = Settings(database_url=world.emulator.db_url)  # no app id: anonymous, like the bot
    db = await Database.open(settings.database_url)
    pool = ConnectorPool()
    try:
        yield paced_scheduler(Repository(db), BotSender(settings, pool))
    finally:
        await pool.close()
        await db.close()


# ---- follow-ups (issue #7) ----------------------------------------------------------------------


async def test_a_followup_is_logged_listed_closed_by_its_button_and_no_longer_listed(world):
    emulator = world.emulator
    personal = emulator.personal_chat
    (confirmation,) = await say(emulator, personal, "opfølgning: Økonomi sender notat senest uge 45")
    shown = card(confirmation)
    headline = re.search(r"Opfølgning (\d+) er oprettet", strings(shown))
    assert headline, strings(shown)
    followup_id = int(headline[1])
    assert "Økonomi sender notat" in strings(shown)
    assert facts(shown)["Ansvarlig"] == "Økonomi"
    assert facts(shown)["Frist"] == danish(friday_of_week_45(datetime.now(CPH).date()))
    buttons = {a["title"]: a for a in execute_actions(shown)}
    assert set(buttons) == {"Markér som løst", "Ret frist"}

    (listed,) = await say(emulator, personal, "åbne opfølgninger")
    assert f"{followup_id}. Økonomi sender notat" in strings(card(listed))

    answer = await invoke(emulator, personal, buttons["Markér som løst"], confirmation["messageId"])
    assert answer.get("statusCode", 200) == 200 and answer["type"] == "application/vnd.microsoft.card.adaptive", answer
    closed = strings(answer["value"])
    assert f"Opfølgning {followup_id} er markeret som løst" in closed
    assert "Markér som løst" not in closed  # a closed follow-up has no buttons

    (after,) = await say(emulator, personal, "åbne opfølgninger")
    assert f"{followup_id}. Økonomi sender notat" not in strings(card(after))
    (again,) = await say(emulator, personal, f"luk {followup_id}", cards_only=False)
    assert f"Opfølgning {followup_id} er allerede løst" in again["text"]


async def test_a_command_typed_while_ret_frist_waits_is_a_new_follow_up_and_the_old_deadline_stays(world):
    """Issue 13 point 1, through Teams: "Ret frist" on one follow-up, then a new "opfølgning: …" typed."""
    emulator = world.emulator
    personal = emulator.personal_chat
    today = datetime.now(CPH).date()
    (plan,) = await say(emulator, personal, "opfølgning: Plan sender høringssvar om to uger")
    plan_id = int(re.search(r"Opfølgning (\d+) er oprettet", strings(card(plan)))[1])
    plan_due = facts(card(plan))["Frist"]
    assert plan_due == danish(today + timedelta(days=14))
    buttons = {a["title"]: a for a in execute_actions(card(plan))}

    asked = await invoke(emulator, personal, buttons["Ret frist"], plan["messageId"])
    question = strings(asked["value"])
    # The follow-up's card stays (number, text, owner) with the question under it.
    assert f"Hvornår skal opfølgning {plan_id} 'Plan sender høringssvar' være gjort?" in question, question
    assert f"Opfølgning {plan_id}" in question and facts(asked["value"])["Ansvarlig"] == "Plan"

    (created,) = await say(emulator, personal, "opfølgning: Byg sender tegninger senest 1. februar")
    shown = strings(card(created))
    new_id = int(re.search(r"Opfølgning (\d+) er oprettet", shown)[1])
    assert new_id != plan_id and "Byg sender tegninger" in shown, shown
    february = date(today.year + (1 if today >= date(today.year, 2, 1) else 0), 2, 1)
    assert facts(card(created))["Frist"] == danish(february)

    (listed,) = await say(emulator, personal, "åbne opfølgninger")
    entries = {n["items"][0]["text"].split(".")[0]: n for n in walk(card(listed))
               if n.get("type") == "Container" and n.get("items") and n["items"][0].get("type") == "TextBlock"}
    assert facts(entries[str(plan_id)])["Frist"] == plan_due  # unchanged: the command was not an answer
    assert facts(entries[str(new_id)])["Frist"] == danish(february)


# ---- agenda reminders (issue #8) ----------------------------------------------------------------


async def test_a_channel_subscription_gets_the_agenda_card_when_the_scheduler_reaches_its_time(world, scheduler):
    emulator = world.emulator
    async with stream(emulator) as ws:
        posted = await post_message(emulator, emulator.channel, "påmind os om rådmandsmøder dagen før kl. 14",
                                    mention_bot=True)
        thread = posted.get("postConversationId") or emulator.channel
        (confirmation,) = await collect(ws, thread, str(emulator.bot["id"]), 1, cards_only=False)
    assert "Så er det på plads" in confirmation["text"] and "kl. 14" in confirmation["text"], confirmation["text"]
    assert thread.startswith(emulator.channel)  # the channel (the thread of the request in it)

    due = datetime.combine(world.meeting - timedelta(days=1), time(14, 0), CPH).astimezone(timezone.utc)
    early = await scheduler.tick(due - timedelta(minutes=5))
    assert early.planned == 1 and early.claimed == 0 and early.sent == 0, early

    async with stream(emulator) as ws:
        report = await scheduler.tick(due + timedelta(minutes=1))
        assert report.sent == 1 and report.failed == report.retried == report.skipped == 0, report
        # Posted into the channel itself (a new post), not into the thread of the request.
        (reminder,) = await collect(ws, emulator.channel, str(emulator.bot["id"]), 1)
    # The playground's client is en-US, but the subscription was asked for in Danish: so is the reminder.
    agenda = card(reminder)
    text = strings(agenda)
    assert "Påmindelse – Dagsorden: Rådmandsmøde" in text, text
    (meeting_facts,) = [n for n in agenda["body"] if n.get("type") == "FactSet"]  # the meeting's own, on top
    assert facts(meeting_facts) == {"Tidspunkt": f"{danish(world.meeting)} kl. 09:00–10:00",
                                    "Sted": "Rådhuset, vær. 410"}, meeting_facts
    for heading, slot, presenters in (
        ("Punkt 1: Budget 2028 – første budgetdrøftelse", "kl. 09:00–09:20", "Hanne Linnemann, Jakob Søgaard"),
        ("Punkt 2: Demensstrategi – status på handleplanen", "kl. 09:20–09:40", "Mie Kjer"),
        ("Punkt 4: Eventuelt", "kl. 09:50–10:00", "Dorthe Høgh"),
    ):
        block = _item_block(agenda, heading)
        assert facts(block) == {"Tidspunkt": slot, "Fremlægger": presenters}, block
    assert "Fortrolig" not in text and "Punkt 3" not in text  # a closed item never goes out proactively
    assert "(1 lukkede punkter vises ikke her)" in text
    assert danish(world.meeting) in agenda["fallbackText"]  # clients without cards are told when, too

    assert (await scheduler.tick(due + timedelta(minutes=2))).claimed == 0  # sent once, not again


def _item_block(agenda: dict[str, Any], heading: str) -> dict[str, Any]:
    """The container of one agenda item (its heading, slot and presenters)."""
    for node in agenda["body"]:
        if node.get("type") == "Container" and heading in strings(node):
            return node
    raise AssertionError(f"{heading!r} not on the card:\n{strings(agenda)}")
