"""The blind search evaluation on one split, with the misses listed (for tuning: use ``--split dev`` only).

Run from the repository root: ``python bench/blind_search.py [--split dev] [--db URL] [--misses]``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from blind_search import evaluate, ingest_archive  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.repository import Repository  # noqa: E402
from storage.semantic import backfill, channel_for  # noqa: E402


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=("dev", "test", "dev2"))
    parser.add_argument("--db", default="")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--no-semantic", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(args.db or f"sqlite:///{tmp}/blind.db")
        try:
            channel = None if args.no_semantic else channel_for(True)
            repo = Repository(db, semantic=channel)
            await ingest_archive(repo)
            if channel is not None:
                await backfill(db, channel.embedder)
            report = await evaluate(repo, args.split)
        finally:
            await db.close()
    print("\n".join(report.lines(db.dialect)))
    if args.misses:
        print("\n".join(report.misses))


if __name__ == "__main__":
    asyncio.run(main())
