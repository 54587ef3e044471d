"""Confidential reads are audited, a person can be forgotten, and old data is deleted (issue 16), on
SQLite and PostgreSQL. Turns go through the real Teams handler, as people would write them."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.cli import main
from bot.scheduler import Scheduler
from bot.settings import Settings
from bot.teams import TeamsBot
from bot_helpers import activity
from minutes.model import AgendaItem, DocumentType, Meeting, Outcome
from storage.database import Database
from storage.models import ConversationRow, DialogStateRow, FollowRow, FollowUpRow, SubscriptionRow
from storage.repository import Repository

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
READER = "6b1f3c2e-4d5a-4e7b-8c9d-0a1b2c3d4e5f"  # Mette Sørensen, the sender of the recorded activities
OTHER = "0d9e8f7a-1111-4222-8333-444455556666"


def minutes() -> Meeting:
    return Meeting(
        source="rm-2026-10-05.txt", kind="Rådmandsmøde", title="Rådmandsmøde", date=date(2026, 10, 5),
        document_type=DocumentType.MINUTES, meeting_kind="Rådmandsmøde", start=time(8, 30), end=time(9, 0),
        items=(AgendaItem("1", "Frisættelse", decision="Rådmanden godkendte frisættelse.", outcome=Outcome.DECIDED),
               AgendaItem("2", "Personalesag Hemmelig", confidential=True,
                          decision="Rådmanden godkendte personalesagen.", outcome=Outcome.DECIDED)))


def agenda() -> Meeting:
    return Meeting(
        source="rm-2026-11-30.txt", kind="Rådmandsmøde", title="Rådmandsmøde", date=date(2026, 11, 30),
        document_type=DocumentType.AGENDA, meeting_kind="Rådmandsmøde", start=time(8, 30), end=time(9, 0),
        items=(AgendaItem("1", "Budget"), AgendaItem("2", "Lukket sag", confidential=True)))


class Chats:
    """Messages into the real Teams handler; ``say`` returns what was posted back."""

    def __init__(self, repo: Repository, *, readers: tuple[str, ...] = (READER,), now: datetime = NOW) -> None:
        self.bot = TeamsBot(repo, Settings(tenant_id=TENANT, confidential_readers=readers), lambda: now,
                            reply_deadline=None)
        self.n = 0

    async def say(self, text: str, *, scope: str = "personal", user: str = READER, name: str = "Mette Sørensen",
                  conversation: str | None = None) -> str:
        fixture = {"personal": "personal_message", "groupchat": "groupchat_mention", "channel": "channel_mention"}[scope]
        self.n += 1
        a = activity(fixture, id=f"privacy-{self.n}")
        a["text"] = text if scope == "personal" else f"<at>Referatbot</at> {text}"
        a["from"] = {"id": f"29:{user}", "name": name, "aadObjectId": user}
        if conversation:
            a["conversation"]["id"] = conversation
        posted: list[dict[str, Any]] = []

        async def post(body: dict[str, Any]) -> None:
            posted.append(body)

        await self.bot.on_turn(a, post)
        return json.dumps([p for p in posted if p.get("type") == "message"], ensure_ascii=False)


async def count(repo: Repository, model: Any, *where: Any) -> int:
    async with repo.db.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(model).where(*where))).scalar_one())


# ---- the audit ------------------------------------------------------------------------------------


async def test_a_closed_item_shown_to_an_allowed_reader_is_audited_and_nothing_else_is(repo: Repository) -> None:
    await repo.documents.ingest(minutes(), tenant_id=TENANT, now=NOW)
    await repo.documents.ingest(agenda(), tenant_id=TENANT, now=NOW)
    chats = Chats(repo)
    assert "Hemmelig" in await chats.say("hvad blev besluttet om personalesag?")
    assert "Lukket sag" in await chats.say("næste møde")
    # Not audited: open items, a user off the allow-list, a group chat, a channel.
    await chats.say("hvad blev besluttet om frisættelse?")
    assert "Hemmelig" not in await chats.say("hvad blev besluttet om personalesag?", user=OTHER, name="Ole")
    assert "Hemmelig" not in await chats.say("hvad blev besluttet om personalesag?", scope="groupchat")
    assert "Hemmelig" not in await chats.say("hvad blev besluttet om personalesag?", scope="channel")

    reads = await repo.privacy.reads()
    assert [(r.user_id, r.user_name, r.item.item_title, r.item.source, r.item.meeting_date) for r in reads] == [
        (READER, "Mette Sørensen", "Personalesag Hemmelig", "rm-2026-10-05.txt", date(2026, 10, 5)),
        (READER, "Mette Sørensen", "Lukket sag", "rm-2026-11-30.txt", date(2026, 11, 30)),
    ]
    assert all(r.read_at == NOW and r.tenant_id == TENANT and r.conversation_id == "a:1abcPERSONALconv"
               for r in reads)
    assert await repo.privacy.reads(since=NOW + timedelta(seconds=1)) == []
    assert await repo.privacy.reads(tenant_id="another-tenant") == []


def test_referatbot_audit_prints_the_reads_since_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import asyncio

    url = f"sqlite:///{tmp_path / 'audit.db'}"

    async def seed() -> None:
        db = await Database.open(url)
        try:
            repo = Repository(db)
            await repo.documents.ingest(minutes(), tenant_id=TENANT, now=NOW)
            await Chats(repo).say("hvad blev besluttet om personalesag?")
            await Chats(repo, now=NOW + timedelta(days=10)).say("hvad blev besluttet om personalesag?")
        finally:
            await db.close()

    asyncio.run(seed())
    assert main(["audit", "--db", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(READER in line and "Personalesag Hemmelig" in line for line in lines)
    assert main(["audit", "--since", "2026-12-01", "--json", "--db", url]) == 0
    (read,) = json.loads(capsys.readouterr().out)["reads"]
    assert read["read_at"].startswith("2026-12-05") and read["item_number"] == "2"
    assert main(["audit", "--since", "i går", "--db", url]) == 2


# ---- forget -----------------------------------------------------------------------------------------


async def test_forget_removes_a_persons_data_and_keeps_the_teams_follow_ups_without_them(repo: Repository) -> None:
    await repo.documents.ingest(agenda(), tenant_id=TENANT, now=NOW)
    chats = Chats(repo)
    await chats.say("påmind mig om rådmandsmøder")  # a personal subscription
    await chats.say("følg emnet frisættelse")  # a personal follow
    await chats.say("opfølgning: Økonomi sender notat")  # the bot asks for a date: dialog state
    await chats.say("opfølgning: Budgetnotat til chefteamet senest fredag", scope="channel")  # created and owned
    await chats.say("opfølgning: Ole sender tal senest fredag", scope="channel", user=OTHER, name="Ole")
    await chats.say("påmind mig om rådmandsmøder", user=OTHER, name="Ole", conversation="a:OLEpersonal")
    assert await count(repo, DialogStateRow, DialogStateRow.user_id == READER) == 1
    assert await count(repo, FollowRow, FollowRow.user_aad_id == READER) == 1
    followups_before = await count(repo, FollowUpRow)
    assert await count(repo, FollowUpRow, FollowUpRow.owner_aad_id == READER) >= 1

    report = await repo.privacy.forget_user(READER)

    assert report.dialog_states == 1 and report.conversations == 1 and report.subscriptions == 1
    assert report.followups_anonymised >= 1 and report.follows == 1
    assert await count(repo, FollowRow, FollowRow.user_aad_id == READER) == 0
    assert await count(repo, DialogStateRow, DialogStateRow.user_id == READER) == 0
    assert await count(repo, ConversationRow, ConversationRow.user_aad_id == READER) == 0
    assert await count(repo, ConversationRow, ConversationRow.conversation_id == "a:1abcPERSONALconv") == 0
    assert await count(repo, SubscriptionRow, SubscriptionRow.conversation_id == "a:1abcPERSONALconv") == 0
    # The channel keeps its reference (it still gets reminders), without the person.
    assert await count(repo, ConversationRow, ConversationRow.conversation_type == "channel") == 1
    # Follow-ups stay for the team, with neither owner nor creator.
    assert await count(repo, FollowUpRow) == followups_before
    assert await count(repo, FollowUpRow, (FollowUpRow.owner_aad_id == READER) | (FollowUpRow.created_by == READER)) == 0
    async with repo.db.sessions() as session:
        texts = {f.text: f for f in (await session.execute(select(FollowUpRow))).scalars()}
    mine = next(f for t, f in texts.items() if "Budgetnotat" in t)
    assert (mine.owner, mine.owner_aad_id, mine.created_by) == (None, None, None)
    # Nobody else is touched.
    oles = next(f for t, f in texts.items() if "Ole sender" in t)
    assert oles.created_by == OTHER
    assert await count(repo, ConversationRow, ConversationRow.user_aad_id == OTHER) >= 1
    assert await count(repo, SubscriptionRow, SubscriptionRow.conversation_id == "a:OLEpersonal") == 1
    assert await repo.privacy.forget_user(READER) == type(report)()  # again: nothing left


def test_referatbot_forget_reports_and_refuses_an_empty_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'forget.db'}"
    assert main(["forget", "--user", READER, "--db", url]) == 0
    assert READER in capsys.readouterr().out
    assert main(["forget", "--user", " ", "--db", url]) == 2


# ---- retention ----------------------------------------------------------------------------------------


async def test_retention_deletes_old_closed_follow_ups_and_stale_dialog_state_hourly(repo: Repository) -> None:
    old, recent = NOW - timedelta(days=40), NOW - timedelta(days=5)
    for when, text in ((old, "gammel"), (recent, "ny")):
        chats = Chats(repo, now=when)
        await chats.say(f"opfølgning: {text} opgave senest fredag", scope="channel")
        await chats.say("luk 1" if text == "gammel" else "luk 2", scope="channel")
    await Chats(repo, now=old).say("opfølgning: Økonomi sender notat")  # a question never answered
    await Chats(repo, now=NOW).say("opfølgning: Åben opgave senest fredag", scope="channel")
    assert await count(repo, FollowUpRow, FollowUpRow.status == "done") == 2

    class Nothing:
        async def send(self, ref: Any, reply: Any) -> None:
            raise AssertionError("nothing is due")

    scheduler = Scheduler(repo, Nothing(), worker="w", retention=timedelta(days=30), renderers={})
    await scheduler.tick(NOW)
    async with repo.db.sessions() as session:
        left = sorted(f.text for f in (await session.execute(select(FollowUpRow))).scalars())
    assert [t for t in left if "gammel" in t] == []  # closed 40 days ago: gone
    assert any("ny" in t for t in left) and any("Åben" in t for t in left)  # closed recently, open: kept
    assert await count(repo, DialogStateRow) == 0
    await Chats(repo, now=NOW).say("opfølgning: Endnu et notat")  # fresh dialog state
    await scheduler.tick(NOW + timedelta(minutes=59))  # within the hour: no second purge
    assert await count(repo, DialogStateRow) == 1


def test_retention_days_come_from_the_environment() -> None:
    assert Settings.from_env({"REFERATBOT_RETENTION_DAYS": "90"}).retention_days == 90
    assert Settings.from_env({}).retention_days is None
    assert Settings.from_env({"REFERATBOT_RETENTION_DAYS": "nej"}).retention_days is None
