"""Two bot processes on one PostgreSQL store match the same new documents: each notification goes out once."""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import _postgres_schema, open_test_database
from storage.conversations import ConversationRef
from storage.repository import Repository
from test_follows import minutes

CPH = ZoneInfo("Europe/Copenhagen")
WORKER = Path(__file__).resolve().parent / "follow_worker.py"
CHANNELS = 150


async def test_two_processes_send_each_follow_notification_exactly_once(tmp_path: Path) -> None:
    db, schema = await open_test_database("postgresql", tmp_path)
    assert schema is not None
    try:
        repo = Repository(db)
        t0 = datetime(2026, 5, 4, 9, 0, tzinfo=CPH)
        for n in range(CHANNELS):
            conversation_id = f"19:c{n}@thread.tacv2"
            await repo.conversations.save_conversation(
                ConversationRef("t1", conversation_id, "channel", "https://smba.example/", "28:bot"), now=t0)
            kind, subject = ("committee", "Rådmandsmøde") if n % 2 else ("topic", "frisættelse")
            await repo.follows.follow("t1", conversation_id, None, kind, subject, lang="da", now=t0)
        for week in range(4):  # four new documents, one ingest each
            await repo.documents.ingest(minutes(date(2026, 5, 8) + timedelta(weeks=week)), tenant_id="t1",
                                        now=t0 + timedelta(hours=1))
        out = tmp_path / "deliveries.jsonl"
        now = (t0 + timedelta(hours=2)).isoformat()
        url = db.url
        workers = [await asyncio.create_subprocess_exec(sys.executable, str(WORKER), url, schema, str(out), name, now)
                   for name in ("a", "b")]
        codes = await asyncio.gather(*(w.wait() for w in workers))
        assert codes == [0, 0]
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        deliveries = Counter((d["to"], tuple(d["items"])) for d in lines)
        # Each channel hears of every new document once: one card per batch, none twice.
        assert set(deliveries.values()) == {1}
        per_channel = Counter(d["to"] for d in lines)
        items = Counter()
        for d in lines:
            items[d["to"]] += len(d["items"])
        committee = [f"19:c{n}@thread.tacv2" for n in range(1, CHANNELS, 2)]
        topic = [f"19:c{n}@thread.tacv2" for n in range(0, CHANNELS, 2)]
        assert all(items[c] == 4 * 2 for c in committee)  # the two open items of each of four minutes
        assert all(items[c] == 4 for c in topic)  # the frisættelse item of each
        assert sum(per_channel.values()) == len(lines)
        assert await repo.reminders.outbox_counts() == {"sent": len(lines)}
    finally:
        await db.close()
        await _postgres_schema("drop", schema)
