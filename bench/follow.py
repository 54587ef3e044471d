"""Following at scale: 10,000 follows x 1,000 new items in one ingest.

    python bench/follow.py [--follows 10000] [--items 1000] [--archive 3000] [--db sqlite:///tmp/x.db]

An archive is stored first (and matched once, so the watermark passes it); then the follows are made
(60 % topics over a few hundred distinct questions, 30 % committees/meeting kinds, 10 % cases, in
personal chats and channels); then one ingest stores the new documents (``--items`` items, five a
document) and one matching pass (``FollowStore.match_new``, what the scheduler runs) plans the messages.

Prints: the ingest's time with the 10,000 follows in place and, on a second store built the same way,
with none (the feature adds nothing to the ingest's transaction: matching runs after it, in the
scheduler), the matching time, the (follow, item) matches and the messages produced (one per subscriber
per batch). Target: ingest slowed by <= 10 %.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select, text  # noqa: E402

from minutes.model import AgendaItem, DocumentType, Meeting, Outcome  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.models import FollowRow  # noqa: E402
from storage.repository import Repository  # noqa: E402

WORDS = [
    "frisættelse", "klippekort", "demens", "rekruttering", "fastholdelse", "budget", "velfærdsteknologi",
    "hjemmepleje", "plejehjem", "madservice", "rehabilitering", "pårørende", "sygefravær", "arbejdsmiljø",
    "digitalisering", "akutfunktion", "elevoptag", "ensomhed", "værdighed", "kompetenceudvikling", "træning",
    "genoptræning", "forebyggelse", "sundhedshus", "tandpleje", "hjælpemidler", "boligindretning", "nattevagt",
    "vikarforbrug", "ledelse", "kvalitet", "tilsyn", "klager", "visitation", "medicin", "ernæring", "bevægelse",
    "frivillige", "dagcenter", "aflastning",
]
KINDS = ["Rådmandsmøde", "Chefteammøde", "Seniorudvalget", "Social- og Sundhedsudvalget", "Økonomiudvalget"]
NOW = datetime(2027, 1, 4, 8, 0, tzinfo=timezone.utc)


def document(rng: random.Random, n: int, items: int) -> Meeting:
    """A minutes document of ``items`` items about two or three of WORDS each; one in eight items closed."""
    kind = rng.choice(KINDS)
    day = date(2000, 1, 1) + timedelta(days=n)  # one a day: none replaces another
    agenda = []
    for i in range(1, items + 1):
        words = rng.sample(WORDS, 3)
        agenda.append(AgendaItem(
            str(i), f"{words[0].capitalize()} og {words[1]}", (),
            decision=f"Rådmanden godkendte indstillingen om {words[0]} og {words[2]}. Der følges op i næste kvartal.",
            outcome=Outcome.DECIDED, confidential=rng.random() < 0.125))
    return Meeting(source=f"bench-{n}.txt", kind=kind, title=f"{kind} {day}", date=day,
                   document_type=DocumentType.MINUTES, meeting_kind=kind, items=tuple(agenda))


async def build(url: str, args: argparse.Namespace, *, follows: bool) -> tuple[Repository, float]:
    """A store with the archive (matched) and the follows (or none); returns it and the timed ingest of the
    new items."""
    rng = random.Random(7)
    db = await Database.open(url)
    repo = Repository(db)
    archive = [document(rng, n, 5) for n in range(args.archive)]
    for start in range(0, len(archive), 100):
        await repo.documents.ingest_many(archive[start:start + 100], tenant_id="t1", now=NOW - timedelta(days=30))
    await repo.follows.match_new(now=NOW - timedelta(days=29))
    topics = [" ".join(rng.sample(WORDS, rng.choice((1, 1, 2)))) for _ in range(args.topics)]
    rows = []
    for n in range(args.follows):
        roll = rng.random()
        kind, key = (("topic", rng.choice(topics)) if roll < 0.6 else ("committee", rng.choice(KINDS).lower())
                     if roll < 0.9 else ("case", f"26/{rng.randint(1000, 9999)}"))
        person = n % 2 == 0
        rows.append({"tenant_id": "t1", "conversation_id": f"conv-{n % (args.follows // 3 or 1)}",
                     "user_aad_id": f"aad-{n % (args.follows // 3 or 1)}" if person else None, "kind": kind,
                     "key": key, "text": key, "lang": "da", "digest_hour": None, "active": True,
                     "created_by": None, "created_at": NOW - timedelta(days=1), "disabled_reason": None})
    if follows:
        async with db.sessions.begin() as session:
            await session.execute(FollowRow.__table__.insert(), rows)
    new = [document(rng, args.archive + n, 5) for n in range(args.items // 5)]
    started = time.perf_counter()
    for start in range(0, len(new), 100):  # ``referatbot ingest``'s batches
        await repo.documents.ingest_many(new[start:start + 100], tenant_id="t1", now=NOW)
    return repo, time.perf_counter() - started


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--follows", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=1_000)
    parser.add_argument("--archive", type=int, default=3_000, help="documents stored before (5 items each)")
    parser.add_argument("--topics", type=int, default=400, help="distinct topic questions")
    parser.add_argument("--db", help="a PostgreSQL URL to use instead of two temporary SQLite files")
    parser.add_argument("--runs", type=int, default=3, help="ingest timings per store; the best is reported")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        timings: dict[bool, list[float]] = {True: [], False: []}
        matched = None
        for run in range(args.runs):
            for follows in (False, True):
                url = args.db or f"sqlite:///{tmp}/bench-{run}-{follows}.db"
                if args.db:
                    async with (await Database.open(url, migrate=False)).engine.begin() as conn:
                        await conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
                repo, seconds = await build(url, args, follows=follows)
                timings[follows].append(seconds)
                if follows and matched is None:
                    started = time.perf_counter()
                    matched = await repo.follows.match_new(now=NOW + timedelta(minutes=1))
                    matching = time.perf_counter() - started
                    async with repo.db.sessions() as session:
                        subscribers = (await session.execute(select(func.count()).select_from(text("outbox")))).scalar()
                await repo.db.close()
        assert matched is not None
        base, mine = min(timings[False]), min(timings[True])
        print(f"store: {'PostgreSQL' if args.db else 'SQLite'}; {args.follows:,} follows "
              f"({args.topics} distinct topic questions), archive {args.archive:,} documents")
        print(f"ingest of {args.items:,} new items ({args.items // 5} documents): {mine:.2f} s with the follows "
              f"in place; {base:.2f} s with none: {100 * (mine - base) / base:+.1f} % (best of {args.runs})")
        print(f"matching (after the ingest, in the scheduler): {matching:.2f} s for {matched.documents} documents; "
              f"{matched.matches:,} (follow, item) matches; {matched.messages:,} messages ({subscribers:,} outbox rows)")


if __name__ == "__main__":
    asyncio.run(main())
