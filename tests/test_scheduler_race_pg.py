"""Two schedulers on one PostgreSQL database racing over 1,000 due reminders: each is sent exactly once."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import POSTGRES_URL, _postgres_schema, open_test_database

from bot.scheduler import Scheduler, TickReport
from dialogs.turn import Reply
from minutes.model import AgendaItem, DocumentType, Meeting
from storage.conversations import ConversationRef
from storage.database import Database
from storage.repository import Repository

CPH = ZoneInfo("Europe/Copenhagen")
REMINDERS = 1_000


class SharedWire:
    """The network edge both instances post to: counts every delivery of every (conversation, meeting)."""

    def __init__(self) -> None:
        self.deliveries: Counter[tuple[str, str]] = Counter()
        self.by_worker: Counter[str] = Counter()
        # Worker "a" holds its sends until "b" has delivered one (or "b" has run out of work): on a loaded machine
        # one instance could otherwise claim all 1,000 before the other wakes, and the test would not show a race.
        # No clock is involved: a slow machine only makes the wait longer (CI once waited > 30 s for "b" to plan).
        self.b_progressed = asyncio.Event()

    def sender(self, worker: str) -> "WireSender":
        return WireSender(self, worker)


class WireSender:
    def __init__(self, wire: SharedWire, worker: str) -> None:
        self.wire, self.worker = wire, worker

    async def send(self, ref: ConversationRef, reply: Reply) -> None:
        if self.worker == "a":
            await self.wire.b_progressed.wait()
        await asyncio.sleep(0)  # yield, so the two instances interleave
        self.wire.deliveries[(ref.conversation_id, reply.data["meeting"]["date"])] += 1
        self.wire.by_worker[self.worker] += 1
        if self.worker == "b":
            self.wire.b_progressed.set()


async def test_two_schedulers_send_each_of_1000_reminders_exactly_once(tmp_path: Path) -> None:
    db_a, schema = await open_test_database("postgresql", tmp_path)
    assert schema is not None
    db_b = await Database.open(POSTGRES_URL, search_path=schema, migrate=False)
    try:
        repo_a, repo_b = Repository(db_a), Repository(db_b)
        setup_time = datetime(2026, 10, 19, 9, 0, tzinfo=CPH)
        for d in (date(2026, 10, 26),):  # the Monday after the October DST change
            await repo_a.documents.ingest(
                Meeting(source=f"rm-{d}.txt", kind="Rådmandsmøde", title="Rådmandsmøde", date=d,
                        document_type=DocumentType.AGENDA, meeting_kind="Rådmandsmøde", start=time(8, 30),
                        end=time(9, 30), location="Virtuelt", items=(AgendaItem("1", "Budget"),)),
                tenant_id="t1", now=setup_time,
            )
        for i in range(REMINDERS):
            conversation_id = f"19:c{i}@thread.tacv2"
            await repo_a.conversations.save_conversation(
                ConversationRef("t1", conversation_id, "channel", "https://smba.example/", "28:bot"), now=setup_time)
            await repo_a.reminders.subscribe("t1", conversation_id, "Rådmandsmøde", minutes_before=30, now=setup_time)

        wire = SharedWire()
        a = Scheduler(repo_a, wire.sender("a"), worker="a", batch=50, concurrency=8)
        b = Scheduler(repo_b, wire.sender("b"), worker="b", batch=50, concurrency=8)
        # Both wake up after the bot was down: all 1,000 are due at once (and both plan them, too).
        now = datetime(2026, 10, 26, 8, 15, tzinfo=CPH)
        async def b_tick() -> TickReport:
            try:
                return await b.tick(now)
            finally:  # "b" has nothing more to claim: "a" must not wait for it any longer
                wire.b_progressed.set()

        # A bound far above any machine's time (no clock inside the race): a stalled worker fails, never hangs CI.
        reports = await asyncio.wait_for(asyncio.gather(a.tick(now), b_tick(), a.tick(now), b_tick()), timeout=900)
        total = sum(reports, TickReport())

        assert len(wire.deliveries) == REMINDERS
        assert set(wire.deliveries.values()) == {1}, "a reminder was sent twice"
        assert total.planned == REMINDERS and total.sent == REMINDERS and total.claimed == REMINDERS
        assert wire.by_worker["a"] > 0 and wire.by_worker["b"] > 0, wire.by_worker
        assert await repo_a.reminders.outbox_counts() == {"sent": REMINDERS}
        assert (await a.tick(now)).claimed == 0
    finally:
        await db_b.close()
        await db_a.close()
        await _postgres_schema("drop", schema)
