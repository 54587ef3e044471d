"""One bot instance's scheduler, as its own OS process, for ``test_follows_two_processes_pg.py``.

    python tests/follow_worker.py POSTGRES_URL SCHEMA OUT_FILE WORKER NOW_ISO

Ticks until a tick finds nothing to do; each delivery is appended to OUT_FILE as one JSON line
(conversation or person, the items of the card, the worker).
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.scheduler import Scheduler  # noqa: E402
from dialogs.turn import Reply  # noqa: E402
from storage.conversations import ConversationRef  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.repository import Repository  # noqa: E402


class FileSender:
    """The network edge: one JSON line per posted message."""

    def __init__(self, path: str, worker: str) -> None:
        self.path, self.worker = path, worker

    async def send(self, ref: ConversationRef, reply: Reply) -> None:
        await asyncio.sleep(0)
        line = {"to": ref.conversation_id, "items": sorted(i["item_id"] for i in reply.data["items"]),
                "worker": self.worker}
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(json.dumps(line) + "\n")


async def main(url: str, schema: str, out: str, worker: str, now: str) -> None:
    db = await Database.open(url, search_path=schema, migrate=False)
    try:
        scheduler = Scheduler(Repository(db), FileSender(out, worker), worker=worker, batch=20, concurrency=4)
        when = datetime.fromisoformat(now)
        while (await scheduler.tick(when)).claimed:
            pass
    finally:
        await db.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:6]))
