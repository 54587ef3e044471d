"""Isolation matrix (issue 16): two tenants x personal / group chat / channel x decisions, browsing,
follow-ups, reminders, follows ("følg …") and case timelines ("vis sag …", "følg sag …"), on SQLite
and PostgreSQL.

Both tenants use the very same conversation, user, team and activity ids and the same case number (the
worst case for keying), and each tenant's archive carries its own marker word and a closed ("Lukket")
item on that case. Every turn goes through the real Teams handler (``TeamsBot.on_turn``: activity JSON
-> redelivery guard -> tenant key -> dialogs -> store -> reply JSON), reminders and follow messages
through the real scheduler. Asserted for every cell: nothing of the other tenant reaches the chat, and
a closed item is shown only in a personal chat to a reader on the allow-list.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import pytest

from bot.scheduler import Scheduler
from bot.settings import Settings
from bot.teams import TeamsBot
from bot_helpers import activity
from dialogs.turn import Reply
from minutes.model import AgendaItem, DocumentType, Meeting, Outcome
from storage.conversations import ConversationRef
from storage.repository import Repository

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
TENANTS = {"tenant-a": "ALFA", "tenant-b": "BRAVO"}
SECRET = "HEMMELIG"
READER = "6b1f3c2e-4d5a-4e7b-8c9d-0a1b2c3d4e5f"  # the user of the recorded activities
SCOPES = {"personal": "personal_message", "groupchat": "groupchat_mention", "channel": "channel_mention"}
FEATURES = ("decisions", "browsing", "followups", "reminders", "follows", "cases")
CASE = "24/2316"  # both tenants' archives carry a case of this number, its closed item included


def archive(marker: str) -> list[Meeting]:
    """A tenant's archive: decided minutes in the past, an agenda ahead; each with a closed item, all
    four items one case (``CASE``), so a timeline asked by number meets the closed steps too."""
    def items(decided: bool) -> tuple[AgendaItem, ...]:
        outcome = Outcome.DECIDED if decided else Outcome.NONE
        return (
            AgendaItem("1", f"Frisættelse {marker}", ("Dorthe Høgh",), time(8, 30), time(8, 45),
                       decision=f"Rådmanden godkendte frisættelse {marker}." if decided else "", outcome=outcome,
                       case_number=CASE),
            AgendaItem("2", f"Personalesag {SECRET} {marker}", (), time(8, 45), time(9, 0), confidential=True,
                       decision=f"Rådmanden godkendte personalesag {SECRET} {marker}." if decided else "",
                       outcome=outcome, case_number=CASE),
        )

    past, ahead = date(2026, 10, 5), date(2026, 11, 30)
    return [
        Meeting(source=f"{marker}-referat.txt", kind="Rådmandsmøde", title="Rådmandsmøde", date=past,
                document_type=DocumentType.MINUTES, meeting_kind="Rådmandsmøde", start=time(8, 30),
                end=time(9, 0), items=items(True)),
        Meeting(source=f"{marker}-dagsorden.txt", kind="Rådmandsmøde", title="Rådmandsmøde", date=ahead,
                document_type=DocumentType.AGENDA, meeting_kind="Rådmandsmøde", start=time(8, 30),
                end=time(9, 0), items=items(False)),
    ]


def inbound(tenant: str, scope: str, text: str, n: int) -> dict[str, Any]:
    """A recorded Teams message of ``scope`` from ``tenant``, saying ``text`` (the bot @mentioned outside
    personal chats). Conversation, user, team and activity ids are the same for both tenants on
    purpose: the redelivery guard must not take tenant B's n-th message for a redelivery of A's."""
    a = activity(SCOPES[scope], id=f"{scope}-{n}")
    a["text"] = text if scope == "personal" else f"<at>Referatbot</at> {text}"
    a["channelData"]["tenant"]["id"] = tenant
    a["conversation"]["tenantId"] = tenant
    return a


def shown(bodies: list[Any]) -> str:
    """Everything a reader could see in what was posted (texts, summaries, cards), as one string."""
    return json.dumps(bodies, ensure_ascii=False)


class Chat:
    """One tenant's conversation of one scope, through the real Teams handler."""

    def __init__(self, bot: TeamsBot, tenant: str, scope: str) -> None:
        self.bot, self.tenant, self.scope = bot, tenant, scope
        self.posted: list[dict[str, Any]] = []
        self.n = 0

    async def say(self, text: str) -> str:
        async def post(body: dict[str, Any]) -> None:
            self.posted.append(body)

        self.n += 1
        before = len(self.posted)
        await self.bot.on_turn(inbound(self.tenant, self.scope, text, self.n), post)
        return shown([b for b in self.posted[before:] if b.get("type") == "message"])


class Recording:
    """The network edge of the scheduler: what would have been posted, and where."""

    def __init__(self) -> None:
        self.sent: list[tuple[ConversationRef, Reply]] = []

    async def send(self, ref: ConversationRef, reply: Reply) -> None:
        self.sent.append((ref, reply))


async def assert_follow_messages_stay_home(world: Repository, tenant: str) -> None:
    """New minutes (with a closed item, on ``CASE``) arrive in both archives; the scheduler's follow
    messages reach each tenant's followers with that tenant's items only, and never a closed one."""
    later = NOW + timedelta(hours=1)
    for t, marker in TENANTS.items():
        new = archive(marker)[0]
        await world.documents.ingest(replace(new, source=f"{marker}-ny.txt", date=date(2026, 11, 20)),
                                     tenant_id=t, now=later)
    sender = Recording()
    await Scheduler(world, sender, worker="w", jitter=lambda: 0.0).tick(later + timedelta(hours=1))
    ours = [reply for ref, reply in sender.sent if ref.tenant_id == tenant]
    assert ours and any(f"Frisættelse {TENANTS[tenant]}" in shown([r.text, r.card]) for r in ours)
    for ref, reply in sender.sent:
        text = shown([reply.text, reply.card])
        others = [marker for t, marker in TENANTS.items() if t != ref.tenant_id]
        assert TENANTS[ref.tenant_id] in text and not [m for m in others if m in text], text
        assert SECRET not in text  # follow messages never carry closed items


@pytest.fixture
async def world(repo: Repository) -> Repository:
    for tenant, marker in TENANTS.items():
        for meeting in archive(marker):
            await repo.documents.ingest(meeting, tenant_id=tenant, now=NOW)
    return repo


@pytest.mark.parametrize("feature", FEATURES)
@pytest.mark.parametrize("scope", list(SCOPES))
@pytest.mark.parametrize("tenant", list(TENANTS))
@pytest.mark.parametrize("reader", [True, False], ids=["reader", "not-reader"])
async def test_no_tenant_sees_another_and_closed_items_stay_in_allowed_personal_chats(
    world: Repository, tenant: str, scope: str, feature: str, reader: bool
) -> None:
    # REFERATBOT_TENANT_ID set: every conversation is keyed by its own tenant, in anonymous mode too.
    settings = Settings(tenant_id="tenant-a", confidential_readers=(READER,) if reader else ())
    bot = TeamsBot(world, settings, lambda: NOW, reply_deadline=None)
    mine, theirs = TENANTS[tenant], next(m for t, m in TENANTS.items() if t != tenant)
    other = next(t for t in TENANTS if t != tenant)
    chat, neighbour = Chat(bot, tenant, scope), Chat(bot, other, scope)
    secret_allowed = scope == "personal" and reader

    if feature == "decisions":
        seen = await chat.say("hvad blev besluttet om frisættelse?")
        assert f"frisættelse {mine}" in seen
        secret = await chat.say("hvad blev besluttet om personalesag?")
        assert (f"{SECRET} {mine}" in secret) is secret_allowed, secret
        seen += secret
    elif feature == "browsing":
        seen = await chat.say("næste møde")
        assert f"Frisættelse {mine}" in seen
        assert (SECRET in seen) is secret_allowed, seen
    elif feature == "followups":
        await neighbour.say(f"opfølgning: {theirs} sender notat senest fredag")
        logged = await chat.say(f"opfølgning: {mine} sender notat senest fredag")
        assert mine in logged
        seen = logged + await chat.say("åbne opfølgninger") + await chat.say("mine opfølgninger")
        assert f"{mine} sender notat" in seen
    elif feature == "follows":
        await neighbour.say("følg emnet frisættelse")
        seen = await chat.say("følg emnet frisættelse") + await chat.say("hvad følger vi?")
        await assert_follow_messages_stay_home(world, tenant)
    elif feature == "cases":
        await neighbour.say(f"følg sag {CASE}")
        seen = await chat.say(f"følg sag {CASE}")
        timeline = await chat.say(f"vis sag {CASE}")
        assert f"Frisættelse {mine}" in timeline and "Rådmandsmøde" in timeline, timeline
        assert (f"{SECRET} {mine}" in timeline) is secret_allowed, timeline
        seen += timeline + await chat.say(f"hvad er der sket i sagen {CASE}?")
        await assert_follow_messages_stay_home(world, tenant)
    else:
        await neighbour.say("påmind os om rådmandsmøder dagen før kl. 14")
        seen = await chat.say("påmind os om rådmandsmøder dagen før kl. 14")
        seen += await chat.say("hvilke påmindelser har vi?")
        sender = Recording()
        report = await Scheduler(world, sender, worker="w", jitter=lambda: 0.0).tick(
            datetime(2026, 11, 27, 13, 5, tzinfo=timezone.utc) + timedelta(days=0))
        assert report.sent >= 2, report  # both tenants' subscriptions got their agenda
        ours = [reply for ref, reply in sender.sent if ref.tenant_id == tenant]
        assert ours and all(f"Frisættelse {mine}" in shown([r.text, r.card]) for r in ours)
        for ref, reply in sender.sent:
            text = shown([reply.text, reply.card])
            assert TENANTS[ref.tenant_id] in text and TENANTS[other if ref.tenant_id == tenant else tenant] not in text
            assert SECRET not in text  # reminders never carry closed items, not even to a personal chat
    assert theirs not in seen, seen
    if not secret_allowed:
        assert SECRET not in seen, seen


async def test_the_redelivery_guard_tells_tenants_apart(repo: Repository) -> None:
    # The same conversation and activity id from two tenants are two activities; a repeat is a redelivery.
    deliveries = [await repo.conversations.first_delivery(t, "19:same@thread.v2", "1", now=NOW)
                  for t in ("tenant-a", "tenant-b", "tenant-a", "tenant-b")]
    assert deliveries == [True, True, False, False]
