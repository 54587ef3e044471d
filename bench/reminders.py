"""Benchmark: 10,000 agenda reminders due at once, dispatched to a loopback Bot Connector stub.

Run from the repository root: ``python bench/reminders.py [--conversations 500] [--kinds 20] [--database URL]``.
Every conversation subscribes to every meeting kind, one meeting of each kind is due at the same
moment, so each conversation gets ``kinds`` messages at once: Teams' per-conversation limits (7 a
second, 60 in 30 seconds) decide the pace. The stub enforces those limits itself (a message beyond
them gets 429, as Teams would) and counts every delivery. Prints the time to dispatch all, the
busiest 1-second and 30-second windows seen by any conversation, 429s and duplicates.
Target: every reminder delivered once, no window over the limits.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time as clock
from collections import Counter, defaultdict, deque
from datetime import date, datetime, time, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402
from aiohttp.test_utils import TestServer  # noqa: E402

from bot.scheduler import Scheduler, TickReport  # noqa: E402
from bot.connector import ConnectorSender  # noqa: E402
from bot.sender import ConversationPacer, PacedSender, TEAMS_LIMITS  # noqa: E402
from minutes.model import AgendaItem, DocumentType, Meeting  # noqa: E402
from storage.conversations import ConversationRef  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.models import SubscriptionRow  # noqa: E402
from storage.repository import Repository  # noqa: E402

CPH = ZoneInfo("Europe/Copenhagen")
MEETING_DAY = date(2026, 10, 26)  # the Monday after the October DST change


class Stub:
    """The Bot Connector stand-in: records deliveries and throttles like Teams (per conversation)."""

    def __init__(self) -> None:
        self.arrivals: dict[str, deque[float]] = defaultdict(deque)
        self.all_arrivals: dict[str, list[float]] = defaultdict(list)
        self.deliveries: Counter[tuple[str, str]] = Counter()
        self.throttled = 0

    async def activities(self, request: web.Request) -> web.Response:
        conversation = request.match_info["conversation"]
        now = clock.monotonic()
        window = self.arrivals[conversation]
        while window and window[0] <= now - 30.0:
            window.popleft()
        if sum(1 for t in window if t > now - 1.0) >= 7 or len(window) >= 60:
            self.throttled += 1
            return web.json_response({"error": {"code": "TooManyRequests"}}, status=429, headers={"Retry-After": "1"})
        window.append(now)
        self.all_arrivals[conversation].append(now)
        body = await request.json()
        title = (body.get("text") or body["summary"]).splitlines()[0]  # a card's text travels as summary
        self.deliveries[(conversation, title)] += 1
        return web.json_response({"id": "1"}, status=201)


def busiest(arrivals: list[float], seconds: float) -> int:
    """Most arrivals in any window of ``seconds`` (two pointers over sorted times)."""
    best, lo = 0, 0
    for hi, t in enumerate(arrivals):
        while arrivals[lo] <= t - seconds:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


async def seed(repo: Repository, service_url: str, conversations: int, kinds: int) -> None:
    setup_time = datetime(2026, 10, 19, 9, 0, tzinfo=CPH)
    for k in range(kinds):
        kind = f"Testmøde {k:02d}"
        await repo.documents.ingest(Meeting(source=f"{kind}.txt", kind=kind, title=kind, date=MEETING_DAY,
                                  document_type=DocumentType.AGENDA, meeting_kind=kind, start=time(9, 0),
                                  end=time(10, 0), location="Virtuelt", items=(AgendaItem("1", "Budget"),)),
                          tenant_id="t1", now=setup_time)
    for c in range(conversations):
        await repo.conversations.save_conversation(ConversationRef("t1", f"19:c{c}@thread.tacv2", "channel", service_url, "28:bot"),
                                     now=setup_time)
    async with repo.db.sessions.begin() as session:  # bulk: 10,000 subscribe() calls would measure setup, not dispatch
        session.add_all(
            SubscriptionRow(tenant_id="t1", conversation_id=f"19:c{c}@thread.tacv2", meeting_kind=f"Testmøde {k:02d}",
                            days_before=1, at="14:00", created_at=setup_time)
            for c in range(conversations) for k in range(kinds)
        )


async def main(conversations: int, kinds: int, database: str | None, concurrency: int) -> int:
    stub = Stub()
    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation}/activities", stub.activities)
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(database or f"sqlite:///{tmp}/bench.db")
        repo = Repository(db)
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with TestServer(app) as server, aiohttp.ClientSession(connector=connector) as http:
            await seed(repo, str(server.make_url("/")), conversations, kinds)
            sender = PacedSender(ConnectorSender(http), ConversationPacer(), clock=clock.monotonic, sleep=asyncio.sleep)
            scheduler = Scheduler(repo, sender, worker="bench", batch=2_000, concurrency=concurrency)
            now = datetime(2026, 10, 23, 14, 0, tzinfo=CPH)  # Friday 14:00: all due at once
            started = clock.monotonic()
            total = TickReport()
            while True:  # a throttled row comes back after its Retry-After: tick on with the clock
                report = await scheduler.tick(now)
                total += report
                if report.claimed == 0 and report.retried == 0 and (await repo.reminders.outbox_counts()).get("pending", 0) == 0:
                    break
                now = datetime.now(timezone.utc).replace(year=2026, month=10, day=23, hour=12)  # still before the meeting
                await asyncio.sleep(0.5)
            elapsed = clock.monotonic() - started
        counts = await repo.reminders.outbox_counts()
        await db.close()
    expected = conversations * kinds
    per_second = max(busiest(v, 1.0) for v in stub.all_arrivals.values())
    per_30 = max(busiest(v, 30.0) for v in stub.all_arrivals.values())
    duplicates = sum(n - 1 for n in stub.deliveries.values() if n > 1)
    limit_s, limit_30 = TEAMS_LIMITS[0].count, TEAMS_LIMITS[1].count
    print(f"reminders due: {expected} ({conversations} conversations x {kinds} meeting kinds)")
    print(f"dispatched:    {len(stub.deliveries)} in {elapsed:.2f} s ({len(stub.deliveries) / elapsed:.0f}/s); "
          f"outbox {counts}; {total}")
    print(f"pacing:        busiest conversation {per_second}/1 s (limit {limit_s}), {per_30}/30 s (limit {limit_30}); "
          f"429s from the stub: {stub.throttled}")
    print(f"duplicates:    {duplicates}")
    ok = (len(stub.deliveries) == expected and duplicates == 0 and per_second <= limit_s and per_30 <= limit_30
          and stub.throttled == 0)
    print("RESULT:", "ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=500)
    parser.add_argument("--kinds", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--database", help="a database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.conversations, args.kinds, args.database, args.concurrency)))
