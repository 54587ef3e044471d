"""Item vectors: stored per item (BLOB on SQLite, bytea on PostgreSQL), held in memory per tenant.

The store is the truth: ``item_vectors`` (one row per item and model, deleted with its item) and
``vector_versions`` (a counter per tenant, raised by every write). Each process keeps a numpy matrix per
tenant and reads only rows newer than what it holds when the counter moved, so several instances on one
PostgreSQL store see each other's vectors. Top-k is a dot product (the vectors are unit length) with the
question's filters as a row mask.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.embedding import Matrix
from storage.models import ItemRow, ItemVectorRow, MeetingRow, VectorVersionRow

VECTOR_DTYPE = np.dtype("<f4")  # stored bytes: little-endian float32, whatever the machine


@dataclass(frozen=True)
class PendingItem:
    """An item that has no vector of the current model yet."""

    item_id: int
    tenant_id: str
    title: str
    decision: str


@dataclass(frozen=True)
class Near:
    """One item the semantic channel found.

    ``cosine`` alone says little (e5's scores bunch at 0.74–0.88 for right and wrong items alike);
    ``prominence`` is how far it stands above the question's scores over every item it may see, in
    standard deviations: a ranker or an answer gate may weigh that, calibrated on a dev split.
    """

    item_id: int
    cosine: float
    prominence: float
    seq: int  # the counter the vector held in memory was written under


@dataclass(frozen=True)
class VectorFilter:
    """Which rows may answer: the tenant, closed items or not, a date range, a meeting kind."""

    tenant_id: str
    include_confidential: bool = False
    start: date | None = None
    end: date | None = None
    meeting_kind: str | None = None


def _insert(dialect: str) -> Any:
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


# ---- the store ----------------------------------------------------------------------------------


def pending(session: Session, model: str, *, after: int = 0, limit: int = 64) -> list[PendingItem]:
    """Items (every tenant) with no vector of ``model``, by id, from ``after`` on: a backfill's next batch."""
    rows = session.execute(
        select(ItemRow.id, MeetingRow.tenant_id, ItemRow.title, ItemRow.decision)
        .join(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
        .outerjoin(ItemVectorRow, (ItemVectorRow.item_id == ItemRow.id) & (ItemVectorRow.model == model))
        .where(ItemRow.id > after, ItemVectorRow.item_id.is_(None))
        .order_by(ItemRow.id)
        .limit(limit)
    ).all()
    return [PendingItem(int(r[0]), r[1], r[2], r[3] or "") for r in rows]


def bump_version(session: Session, dialect: str, tenant_id: str) -> int:
    """Raise the tenant's vector counter by one and return it (in the caller's transaction)."""
    insert = _insert(dialect)
    statement = (
        insert(VectorVersionRow)
        .values(tenant_id=tenant_id, version=1)
        .on_conflict_do_update(index_elements=["tenant_id"], set_={"version": VectorVersionRow.version + 1})
        .returning(VectorVersionRow.version)
    )
    return int(session.execute(statement).scalar_one())


def store(
    session: Session, dialect: str, model: str, items: Sequence[PendingItem], matrix: Matrix
) -> int:
    """Write one vector per item (replacing another model's), raising each tenant's counter once.

    Items deleted since they were read (a replacing ingest) are skipped. Returns how many were written.
    """
    if not items:
        return 0
    ids = [item.item_id for item in items]
    alive = set(session.execute(select(ItemRow.id).where(ItemRow.id.in_(ids))).scalars())
    by_tenant: dict[str, list[int]] = {}
    for row, item in enumerate(items):
        if item.item_id in alive:
            by_tenant.setdefault(item.tenant_id, []).append(row)
    insert = _insert(dialect)
    written = 0
    for tenant_id, rows in sorted(by_tenant.items()):
        seq = bump_version(session, dialect, tenant_id)
        values = [
            {
                "item_id": items[row].item_id,
                "tenant_id": tenant_id,
                "model": model,
                "seq": seq,
                "vector": np.asarray(matrix[row], dtype=VECTOR_DTYPE).tobytes(),
            }
            for row in rows
        ]
        statement = insert(ItemVectorRow)
        statement = statement.on_conflict_do_update(
            index_elements=["item_id"],
            set_={c: statement.excluded[c] for c in ("tenant_id", "model", "seq", "vector")},
        )
        session.execute(statement, values)
        written += len(values)
    return written


def version(session: Session, tenant_id: str) -> int:
    """The tenant's vector counter (0: no vector was ever written)."""
    value = session.execute(
        select(VectorVersionRow.version).where(VectorVersionRow.tenant_id == tenant_id)
    ).scalar_one_or_none()
    return int(value or 0)


def count(session: Session, model: str, tenant_id: str | None = None) -> int:
    """How many vectors of ``model`` the store holds (for one tenant, or all)."""
    query = select(func.count()).select_from(ItemVectorRow).where(ItemVectorRow.model == model)
    if tenant_id is not None:
        query = query.where(ItemVectorRow.tenant_id == tenant_id)
    return int(session.execute(query).scalar_one())


@dataclass(frozen=True)
class LoadedRows:
    """Vectors read from the store, with what the row mask needs."""

    ids: npt.NDArray[np.int64]
    seqs: npt.NDArray[np.int64]  # the counter each vector was written under
    vectors: Matrix
    days: npt.NDArray[np.int32]  # the meeting's date as an ordinal
    kinds: list[str]  # the meeting kind, lower case
    closed: npt.NDArray[np.bool_]  # the item or its whole document is closed ("Lukket")
    max_seq: int


def read_rows(session: Session, tenant_id: str, model: str, *, after_seq: int = 0) -> list[Any]:
    """The tenant's stored vectors of ``model`` written after ``after_seq``, as raw rows for ``loaded``."""
    return list(
        session.execute(
            select(
                ItemVectorRow.item_id, ItemVectorRow.seq, ItemVectorRow.vector, MeetingRow.date,
                MeetingRow.meeting_kind, ItemRow.confidential, MeetingRow.confidential,
            )
            .join(ItemRow, ItemRow.id == ItemVectorRow.item_id)
            .join(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
            .where(
                ItemVectorRow.tenant_id == tenant_id,
                ItemVectorRow.model == model,
                ItemVectorRow.seq > after_seq,
                MeetingRow.tenant_id == tenant_id,  # never another tenant's item, whatever a vector row says
            )
        ).all()
    )


def loaded(rows: Sequence[Any], after_seq: int = 0) -> LoadedRows:
    """Rows of ``read_rows`` as arrays (CPU work: callers run it off the event loop)."""
    n = len(rows)
    vectors = np.frombuffer(b"".join(bytes(r[2]) for r in rows), dtype=VECTOR_DTYPE).astype(np.float32)
    return LoadedRows(
        ids=np.fromiter((r[0] for r in rows), dtype=np.int64, count=n),
        seqs=np.fromiter((r[1] for r in rows), dtype=np.int64, count=n),
        vectors=vectors.reshape(n, -1) if n else np.zeros((0, 0), dtype=np.float32),
        days=np.fromiter((r[3].toordinal() for r in rows), dtype=np.int32, count=n),
        kinds=[(r[4] or "").lower() for r in rows],
        closed=np.fromiter((bool(r[5]) or bool(r[6]) for r in rows), dtype=np.bool_, count=n),
        max_seq=max((int(r[1]) for r in rows), default=after_seq),
    )


def load(session: Session, tenant_id: str, model: str, *, after_seq: int = 0) -> LoadedRows:
    """The tenant's vectors of ``model`` written after ``after_seq``."""
    return loaded(read_rows(session, tenant_id, model, after_seq=after_seq), after_seq)


def stored_ids(session: Session, tenant_id: str, model: str) -> npt.NDArray[np.int64]:
    """Ids of the tenant's items that still have a vector of ``model`` (deleted items have none)."""
    ids = session.execute(
        select(ItemVectorRow.item_id).where(ItemVectorRow.tenant_id == tenant_id, ItemVectorRow.model == model)
    ).scalars()
    return np.fromiter(ids, dtype=np.int64)


def visible(session: Session, held: Mapping[int, int], flt: VectorFilter, model: str) -> set[int]:
    """Those of ``held`` (item id -> the seq of the vector held in memory) that this caller may see,
    that pass the filters, and whose stored vector is still the one held: checked on the store.

    The in-memory mask already did this; the check is repeated because a closed item or another
    tenant's item must never come out of this channel, not even from a stale matrix, and because
    SQLite may give a deleted item's id to a new item that has another meaning (and no vector yet).
    """
    if not held:
        return set()
    # The vector's tenant and model are compared below, not in SQL: given them, SQLite walks the tenant's
    # whole (tenant, model, seq) index instead of looking the fifty ids up (14 ms at 100,000 items).
    query = (
        select(ItemRow.id, ItemVectorRow.seq, ItemVectorRow.tenant_id, ItemVectorRow.model)
        .join(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
        .join(ItemVectorRow, ItemVectorRow.item_id == ItemRow.id)
        .where(ItemRow.id.in_(list(held)), MeetingRow.tenant_id == flt.tenant_id)
    )
    if not flt.include_confidential:
        query = query.where(ItemRow.confidential.is_(False), MeetingRow.confidential.is_(False))
    if flt.start:
        query = query.where(MeetingRow.date >= flt.start)
    if flt.end:
        query = query.where(MeetingRow.date <= flt.end)
    if flt.meeting_kind:
        query = query.where(func.lower(MeetingRow.meeting_kind) == flt.meeting_kind.lower())
    return {
        int(i) for i, seq, tenant, model_ in session.execute(query).all()
        if tenant == flt.tenant_id and model_ == model and held.get(int(i)) == int(seq)
    }


# ---- in memory ------------------------------------------------------------------------------------


class TenantMatrix:
    """One tenant's vectors as a growing numpy matrix, with the columns the row mask reads.

    Thread-safe: refreshes and searches take the same lock (numpy releases the GIL while it multiplies).
    """

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.seq = 0  # the newest ``seq`` merged
        self.version = -1  # the store's counter when last checked (-1: never)
        self.checked_at = float("-inf")  # monotonic time of that check
        self._n = 0
        self._vectors = np.zeros((0, dim), dtype=np.float32)
        self._ids = np.zeros(0, dtype=np.int64)
        self._seqs = np.zeros(0, dtype=np.int64)
        self._days = np.zeros(0, dtype=np.int32)
        self._kinds = np.zeros(0, dtype=np.int32)
        self._closed = np.zeros(0, dtype=np.bool_)
        self._alive = np.zeros(0, dtype=np.bool_)
        self._row_of: dict[int, int] = {}
        self._kind_codes: dict[str, int] = {}
        self.lock = threading.Lock()

    def __len__(self) -> int:
        return int(self._alive[: self._n].sum())

    def _grow(self, wanted: int) -> None:
        capacity = len(self._ids)
        if wanted <= capacity:
            return
        capacity = max(wanted, 2 * capacity, 1024)

        def grown(a: npt.NDArray[Any], *shape: int) -> npt.NDArray[Any]:
            out = np.zeros((capacity, *shape), dtype=a.dtype)
            out[: self._n] = a[: self._n]
            return out

        self._vectors = grown(self._vectors, self.dim)
        self._ids, self._seqs, self._days = grown(self._ids), grown(self._seqs), grown(self._days)
        self._kinds, self._closed, self._alive = grown(self._kinds), grown(self._closed), grown(self._alive)

    def merge(self, rows: LoadedRows) -> None:
        """Add new vectors, overwriting the row of an item id already held."""
        if len(rows.ids) and rows.vectors.shape[1] != self.dim:
            raise ValueError(f"stored vectors have {rows.vectors.shape[1]} dimensions, the embedder {self.dim}")
        if not len(rows.ids):
            self.seq = max(self.seq, rows.max_seq)
            return
        with self.lock:
            self._grow(self._n + len(rows.ids))
            at = np.empty(len(rows.ids), dtype=np.int64)
            for k, item_id in enumerate(rows.ids.tolist()):
                row = self._row_of.get(item_id)
                if row is None:
                    row = self._row_of[item_id] = self._n
                    self._n += 1
                at[k] = row
            codes = self._kind_codes
            self._vectors[at] = rows.vectors
            self._ids[at], self._seqs[at], self._days[at] = rows.ids, rows.seqs, rows.days
            self._kinds[at] = [codes.setdefault(kind, len(codes)) for kind in rows.kinds]
            self._closed[at], self._alive[at] = rows.closed, True
            self.seq = max(self.seq, rows.max_seq)

    def retain(self, ids: npt.NDArray[np.int64]) -> None:
        """Drop (mask out) every row whose item is not among ``ids``: deleted with its document."""
        with self.lock:
            self._alive[: self._n] = np.isin(self._ids[: self._n], ids)

    def top(self, query: Matrix, flt: VectorFilter, k: int) -> list[Near]:
        """The ``k`` nearest rows that pass the filters, nearest first."""
        with self.lock:
            n = self._n
            if n == 0 or k <= 0:
                return []
            mask = self._alive[:n].copy()
            if not flt.include_confidential:
                mask &= ~self._closed[:n]
            if flt.start:
                mask &= self._days[:n] >= flt.start.toordinal()
            if flt.end:
                mask &= self._days[:n] <= flt.end.toordinal()
            if flt.meeting_kind:
                code = self._kind_codes.get(flt.meeting_kind.lower())
                if code is None:
                    return []
                mask &= self._kinds[:n] == code
            rows = np.flatnonzero(mask)
            if len(rows) == 0:
                return []
            # Copying the selected rows pays only when few are selected (a year of a long archive): the
            # product is bound by memory bandwidth, and a copy reads and writes what it selects.
            scores = self._vectors[rows] @ query if len(rows) < n // 8 else (self._vectors[:n] @ query)[rows]
            k = min(k, len(rows))
            best = np.argpartition(-scores, k - 1)[:k]
            best = best[np.argsort(-scores[best], kind="stable")]
            mean, spread = float(scores.mean()), float(scores.std()) or 1.0
            return [
                Near(int(self._ids[rows[b]]), float(scores[b]), (float(scores[b]) - mean) / spread, int(self._seqs[rows[b]]))
                for b in best
            ]
