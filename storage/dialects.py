"""The SQL that differs between the embedded SQLite store and PostgreSQL, behind one small seam per dialect.

Everything else in ``storage/`` is written once, against ``SqlDialect``: the full-text index (FTS5 /
tsvector), bulk inserts, insert-or-ignore, the outbox claim, and the few expressions the search reads
(an id list parameter, a JSON array column, a prefix range). ``Database.sql`` and ``for_session``
hand out the one for a store.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy import Select, Table, TextClause, insert, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

Pattern = tuple[str, bool]  # an index token, and whether it matches as a prefix
TermGroup = Sequence[Pattern]  # any of these patterns


@dataclass(frozen=True)
class IndexEntry:
    """One item's row in the full-text index: our own tokens plus the columns searches filter on."""

    item_id: int
    title: str  # space-separated index tokens
    body: str
    meta: str  # filter tokens (year, month, meeting kind), see ``search_index.meta_tokens``
    tenant_id: str
    date: date
    kind_key: str
    confidential: bool


class SqlDialect(Protocol):
    """What differs between the two stores."""

    name: str
    filters_in_match: bool  # the engine can narrow a match by filter tokens (``match(meta=...)``)
    # A match of thousands (a common word): where its best candidates are cheapest found (storage.search).
    # True: rank the title matches (FTS5 scores a column filter cheaply); False: rank the newest
    # matches (``ranked(..., broad=True)``; a tsvector weight filter is checked on every row's heap copy).
    broad_in_titles: bool
    index_item_id: str  # the search index's column holding the item id

    def insert_rows(self, session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        """Insert ``rows`` (dicts with the same keys) within the session's transaction."""

    def insert_row_returning_id(self, session: Session, table: Table, row: dict[str, Any]) -> int:
        """Insert one row and return its integer primary key."""

    def insert_ignoring_duplicates(self, table: Table, index_elements: Sequence[str]) -> Insert:
        """An INSERT that skips rows conflicting on ``index_elements`` (add ``.values(...)``)."""

    def lock_for_claim(self, pick: Select[Any]) -> Select[Any]:
        """``pick`` (the rows a worker is about to claim) made safe against a concurrent claimer."""

    def index_items(self, session: Session, entries: Sequence[IndexEntry]) -> None:
        """Add items to the full-text index."""

    def add_vocabulary(self, session: Session, terms: Sequence[tuple[str, str]]) -> None:
        """Remember (term, reversed term) pairs for typo tolerance; known terms are ignored."""

    def unindex_meetings(self, session: Session, meeting_ids: Sequence[int]) -> None:
        """Drop the index entries of the items of these meetings (before the meetings are deleted)."""

    def match(
        self, groups: Sequence[TermGroup], *, mode: str, title_only: bool, meta: Sequence[Sequence[str]] | None
    ) -> str:
        """The engine query: every group must match (``mode`` "and") or any (``mode`` "or")."""

    def ranked(self, extra_where: str, *, broad: bool = False) -> str:
        """SELECT (id, rel) of the best ``:n`` matches of ``:q``, best first; ``extra_where`` on index columns.
        ``broad``: a match of thousands, where scoring every match costs more than it can tell."""

    def index_value(self, value: Any) -> Any:
        """A filter value as the index's own columns hold it."""

    def index_tokens(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[list[str], list[str]]]:
        """Item id -> (title tokens, body tokens) as indexed, each list sorted."""

    def count_matches(self) -> str:
        """SELECT the number of items matching ``:q``, counting no further than ``:cap``."""

    def index_size(self) -> str:
        """SELECT a cheap estimate of how many items the index holds."""

    def match_count(self, session: Session, match: str, cap: int, size: int) -> tuple[int, bool]:
        """How many items match ``match`` (no further than ``cap``; ``size``: ``index_size``), and
        whether it is a broad match, whose best are found the ``ranked(..., broad=True)`` way."""

    def begin_search(self, session: Session) -> None:
        """Set up the session (one transaction) for a search's statements."""

    def id_list(self, column: str, ids: list[int]) -> tuple[str, dict[str, Any]]:
        """``column`` restricted to ``ids`` with one bound parameter."""

    def json_array_column(self, elements: str, source: str) -> str:
        """A correlated subquery: one JSON array of ``json_array(elements)`` per row of ``source``."""

    def prefix_condition(self, column: str, n: int) -> str:
        """``column`` starts with the bound prefix (params from ``prefix_params(prefix, n)``)."""


@lru_cache(maxsize=1024)
def sql_text(statement: str) -> TextClause:
    """``text(statement)``, parsed once. A search runs the same few statements over and over, and a new
    ``TextClause`` finds its bind parameters with a regex every time (~0.1 ms a statement, a third of
    a search on a small archive)."""
    return text(statement)


def prefix_params(prefix: str, n: int = 0) -> dict[str, str]:
    """The parameters of ``SqlDialect.prefix_condition(column, n)``."""
    return {f"lo{n}": prefix, f"hi{n}": prefix + "\uffff", f"like{n}": prefix + "%"}


# ---- SQLite --------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _plan(table: Table, columns: tuple[str, ...], dialect: Dialect) -> tuple[str, tuple[Callable[[Any], Any] | None, ...]]:
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    processors = tuple(table.c[name].type._cached_bind_processor(dialect) for name in columns)  # noqa: SLF001
    return sql, processors


def _tuples(rows: Sequence[dict[str, Any]], columns: tuple[str, ...], processors: Sequence[Any]) -> list[tuple[Any, ...]]:
    return [tuple(p(row[c]) if p else row[c] for c, p in zip(columns, processors)) for row in rows]


def _executemany(session: Session, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
    if not rows:
        return
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


def _fts5(token: str, prefix: bool) -> str:
    return f'"{token}"' + (" *" if prefix else "")


class SQLite:
    """The embedded store: FTS5 over our own tokens; bulk inserts straight to the DB-API cursor.

    The rows of a bulk insert are converted by the columns' own SQLAlchemy bind processors, so the stored
    values are exactly what the ORM writes and reads; the per-row parameter handling of a compiled
    statement was most of ingest's cost.
    """

    name = "sqlite"
    filters_in_match = True
    broad_in_titles = True
    index_item_id = "rowid"

    def insert_rows(self, session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = tuple(rows[0])
        sql, processors = _plan(table, columns, session.connection().dialect)
        _executemany(session, sql, _tuples(rows, columns, processors))

    def insert_row_returning_id(self, session: Session, table: Table, row: dict[str, Any]) -> int:
        columns = tuple(row)
        sql, processors = _plan(table, columns, session.connection().dialect)
        cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, _tuples([row], columns, processors)[0])
            return int(cursor.lastrowid)
        finally:
            cursor.close()

    def insert_ignoring_duplicates(self, table: Table, index_elements: Sequence[str]) -> Insert:
        return sqlite_insert(table).on_conflict_do_nothing(index_elements=list(index_elements))

    def lock_for_claim(self, pick: Select[Any]) -> Select[Any]:
        return pick  # one writer at a time: the claiming UPDATE is atomic by itself

    def index_items(self, session: Session, entries: Sequence[IndexEntry]) -> None:
        _executemany(
            session,
            "INSERT INTO item_search(rowid, title, body, meta, tenant_id, date, kind_key, confidential) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.item_id, e.title, e.body, e.meta, e.tenant_id, e.date.isoformat(), e.kind_key, int(e.confidential))
             for e in entries],
        )

    def add_vocabulary(self, session: Session, terms: Sequence[tuple[str, str]]) -> None:
        _executemany(session, "INSERT INTO search_terms(term, rterm) VALUES (?, ?) ON CONFLICT (term) DO NOTHING",
                     list(terms))

    def unindex_meetings(self, session: Session, meeting_ids: Sequence[int]) -> None:
        if not meeting_ids:
            return
        ids = ",".join(str(int(i)) for i in meeting_ids)
        session.execute(
            text(f"DELETE FROM item_search WHERE rowid IN (SELECT id FROM items WHERE meeting_id IN ({ids}))")
        )

    def match(
        self, groups: Sequence[TermGroup], *, mode: str, title_only: bool, meta: Sequence[Sequence[str]] | None
    ) -> str:
        rendered = ["(" + " OR ".join(_fts5(tok, prefix) for tok, prefix in g) + ")" for g in groups]
        expression = (" AND " if mode == "and" else " OR ").join(rendered)
        expression = f"title : ({expression})" if title_only else f"{{title body}} : ({expression})"
        if meta:
            narrowed = " AND ".join("(" + " OR ".join(f'"{tok}"' for tok in any_of) + ")" for any_of in meta)
            expression = f"{expression} AND meta : ({narrowed})"
        return expression

    def ranked(self, extra_where: str, *, broad: bool = False) -> str:
        # Title matches weigh 4x the body's; the meta column never counts. (``broad`` is asked with a
        # title-only match here: broad_in_titles.)
        return (
            "SELECT rowid AS id, -bm25(item_search, 4.0, 1.0, 0.0) AS rel FROM item_search "
            f"WHERE item_search MATCH :q{extra_where} ORDER BY rel DESC LIMIT :n"
        )

    def index_value(self, value: Any) -> Any:
        if isinstance(value, bool):
            return int(value)
        return value.isoformat() if isinstance(value, date) else value

    def index_tokens(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[list[str], list[str]]]:
        if not ids:
            return {}
        clause, params = self.id_list("rowid", list(ids))
        rows = session.execute(sql_text(f"SELECT rowid, title, body FROM item_search WHERE {clause}"), params)
        return {int(r[0]): (sorted(set(r[1].split())), sorted(set(r[2].split()))) for r in rows}

    def count_matches(self) -> str:
        return "SELECT count(*) FROM (SELECT 1 FROM item_search WHERE item_search MATCH :q LIMIT :cap)"

    def index_size(self) -> str:
        return "SELECT coalesce(max(rowid), 0) FROM item_search"

    def match_count(self, session: Session, match: str, cap: int, size: int) -> tuple[int, bool]:
        counted = int(session.execute(sql_text(self.count_matches()), {"q": match, "cap": cap}).scalar() or 0)
        return counted, counted >= cap  # ranking the title matches is cheap whatever their number

    def begin_search(self, session: Session) -> None:
        pass

    def id_list(self, column: str, ids: list[int]) -> tuple[str, dict[str, Any]]:
        return f"{column} IN (SELECT value FROM json_each(:ids))", {"ids": json.dumps(ids)}

    def json_array_column(self, elements: str, source: str) -> str:
        return f"(SELECT json_group_array(json_array({elements})) FROM {source})"

    def prefix_condition(self, column: str, n: int) -> str:
        # SQLite's LIKE is case-folding and skips the index, so a prefix is a range. Terms never hold % or _.
        return f"{column} >= :lo{n} AND {column} < :hi{n}"


# ---- PostgreSQL ----------------------------------------------------------------------------------

BROAD_POOL = 1000  # newest matches scored for a common word on PostgreSQL
BROAD_SHARE = 0.1  # ... when at least this share of all items match it


_LEXEME = re.compile(r"'([^']+)':([0-9A-D,]+)")


def _tsvector_text(tokens: str) -> str:
    """tsvector input syntax for space-separated tokens (which hold no quotes or backslashes)."""
    return " ".join(f"'{tok}':{min(pos, 16383)}" for pos, tok in enumerate(tokens.split(), start=1))


def _tsquery(token: str, prefix: bool, weight: str) -> str:
    if prefix:
        return f"'{token}':*{weight}"
    return f"'{token}'" + (f":{weight}" if weight else "")


class PostgreSQL:
    """The shared store: a tsvector (GIN) over our own tokens; row locks that skip each other."""

    name = "postgresql"
    filters_in_match = False
    broad_in_titles = False
    index_item_id = "item_id"

    def insert_rows(self, session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            session.execute(insert(table), list(rows))

    def insert_row_returning_id(self, session: Session, table: Table, row: dict[str, Any]) -> int:
        return int(session.execute(insert(table).returning(table.c.id), [row]).scalar_one())

    def insert_ignoring_duplicates(self, table: Table, index_elements: Sequence[str]) -> Insert:
        return pg_insert(table).on_conflict_do_nothing(index_elements=list(index_elements))

    def lock_for_claim(self, pick: Select[Any]) -> Select[Any]:
        # Two instances skip each other's locked rows instead of waiting or double-claiming.
        return pick.with_for_update(skip_locked=True)

    def index_items(self, session: Session, entries: Sequence[IndexEntry]) -> None:
        if not entries:
            return
        # The tsvector is built from our own tokens: the 'simple' parser would split the reverse mark off.
        session.execute(
            text(
                "INSERT INTO item_search(item_id, doc, tenant_id, date, kind_key, confidential) VALUES "
                "(:id, setweight(CAST(:t AS tsvector), 'A') || setweight(CAST(:b AS tsvector), 'B'), "
                ":tenant, :date, :kind, :conf)"
            ),
            [
                {"id": e.item_id, "t": _tsvector_text(e.title), "b": _tsvector_text(e.body), "tenant": e.tenant_id,
                 "date": e.date, "kind": e.kind_key, "conf": e.confidential}
                for e in entries
            ],
        )

    def add_vocabulary(self, session: Session, terms: Sequence[tuple[str, str]]) -> None:
        if terms:
            session.execute(
                text("INSERT INTO search_terms(term, rterm) VALUES (:term, :rterm) ON CONFLICT (term) DO NOTHING"),
                [{"term": t, "rterm": r} for t, r in terms],
            )

    def unindex_meetings(self, session: Session, meeting_ids: Sequence[int]) -> None:
        pass  # item_search.item_id cascades with the item

    def match(
        self, groups: Sequence[TermGroup], *, mode: str, title_only: bool, meta: Sequence[Sequence[str]] | None
    ) -> str:
        weight = "A" if title_only else ""
        rendered = ["(" + " | ".join(_tsquery(tok, prefix, weight) for tok, prefix in g) + ")" for g in groups]
        return (" & " if mode == "and" else " | ").join(rendered)

    def ranked(self, extra_where: str, *, broad: bool = False) -> str:
        if broad:
            # The newest BROAD_POOL matches (the primary key walked backwards stops there), scored: at
            # 100,000 items ts_rank over 40,000 matches took ~85 ms, over the pool ~2 ms.
            return (
                "SELECT id, ts_rank(doc, CAST(:q AS tsquery), 1) AS rel FROM (SELECT item_id AS id, doc "
                f"FROM item_search WHERE doc @@ CAST(:q AS tsquery){extra_where} ORDER BY item_id DESC "
                f"LIMIT {BROAD_POOL}) AS pool ORDER BY rel DESC LIMIT :n"
            )
        return (
            "SELECT item_id AS id, ts_rank(doc, CAST(:q AS tsquery), 1) AS rel FROM item_search "
            f"WHERE doc @@ CAST(:q AS tsquery){extra_where} ORDER BY rel DESC LIMIT :n"
        )

    def index_value(self, value: Any) -> Any:
        return value

    def index_tokens(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[list[str], list[str]]]:
        if not ids:
            return {}
        clause, params = self.id_list("item_id", list(ids))
        rows = session.execute(sql_text(f"SELECT item_id, CAST(doc AS text) FROM item_search WHERE {clause}"), params)
        out = {}
        for item_id, doc in rows:
            title, body = set(), set()
            for token, positions in _LEXEME.findall(doc):
                # Title tokens were given weight A, the body's B; the text form marks each position.
                if "A" in positions:
                    title.add(token)
                if "B" in positions:
                    body.add(token)
            out[int(item_id)] = (sorted(title), sorted(body))
        return out

    def count_matches(self) -> str:
        return "SELECT count(*) FROM (SELECT 1 FROM item_search WHERE doc @@ CAST(:q AS tsquery) LIMIT :cap) AS s"

    def index_size(self) -> str:
        return "SELECT coalesce(max(item_id), 0) FROM item_search"

    def match_count(self, session: Session, match: str, cap: int, size: int) -> tuple[int, bool]:
        # Counting reads every match's row (the GIN index is lossy for prefixes): a common word with
        # thousands of compounds costs ~30 ms even to count 500. The planner's estimate (from the
        # tsvector statistics: 59,018 for a true ~42,000, 3,190 for 2,901 at 100,000 items) says
        # "common" without reading a row; only a match it does not call common is counted.
        plan = session.execute(
            sql_text("EXPLAIN (FORMAT JSON) SELECT 1 FROM item_search WHERE doc @@ CAST(:q AS tsquery)"), {"q": match}
        ).scalar()
        estimate = float((json.loads(plan) if isinstance(plan, str) else plan or [{}])[0]["Plan"]["Plan Rows"])
        if estimate >= 2 * cap:
            # Scoring the newest BROAD_POOL pays when they are found fast walking the key backwards:
            # when a good share of all items match.
            return cap, estimate >= BROAD_SHARE * max(size, 1)
        counted = int(session.execute(sql_text(self.count_matches()), {"q": match, "cap": cap}).scalar() or 0)
        return counted, False

    def begin_search(self, session: Session) -> None:
        # With a LIMIT the planner likes to scan the table and test each row's tsvector until it has
        # enough (15 ms for 500 of 100,000); the GIN index finds them in ~5. Only this transaction.
        session.execute(sql_text("SET LOCAL enable_seqscan = off"))

    def id_list(self, column: str, ids: list[int]) -> tuple[str, dict[str, Any]]:
        return f"{column} = ANY(CAST(:ids AS integer[]))", {"ids": ids}

    def json_array_column(self, elements: str, source: str) -> str:
        return f"(SELECT COALESCE(json_agg(json_build_array({elements})), '[]'::json) FROM {source})"

    def prefix_condition(self, column: str, n: int) -> str:
        # The text_pattern_ops index serves LIKE 'x%' whatever the collation.
        return f"{column} LIKE :like{n}"


_DIALECTS: dict[str, SqlDialect] = {"sqlite": SQLite(), "postgresql": PostgreSQL()}


def named(name: str) -> SqlDialect:
    """The seam for a SQLAlchemy dialect name (``sqlite``, ``postgresql``)."""
    return _DIALECTS[name]


def for_session(session: Session | Connection) -> SqlDialect:
    """The seam for the store a session (or a bare connection) talks to."""
    bind = session if isinstance(session, Connection) else session.get_bind()
    return named(bind.dialect.name)
