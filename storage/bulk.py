"""Bulk inserts for the ingest hot path.

On SQLite the rows go straight to the DB-API cursor (``executemany``), converted by the columns' own
SQLAlchemy bind processors, so the stored values are exactly what the ORM writes and reads; the
per-row parameter handling of a compiled statement was most of ingest's cost. Elsewhere they go
through an ordinary Core insert.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session


@lru_cache(maxsize=64)
def _plan(table: Table, columns: tuple[str, ...], dialect: Dialect) -> tuple[str, tuple[Callable[[Any], Any] | None, ...]]:
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    processors = tuple(table.c[name].type._cached_bind_processor(dialect) for name in columns)  # noqa: SLF001
    return sql, processors


def _tuples(rows: Sequence[dict[str, Any]], columns: tuple[str, ...], processors: Sequence[Any]) -> list[tuple[Any, ...]]:
    out = []
    for row in rows:
        out.append(tuple(p(row[c]) if p else row[c] for c, p in zip(columns, processors)))
    return out


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` within the session's transaction."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        session.execute(insert(table), list(rows))
        return
    columns = tuple(rows[0])
    sql, processors = _plan(table, columns, connection.dialect)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, _tuples(rows, columns, processors))
    finally:
        cursor.close()


def insert_row_returning_id(session: Session, table: Table, row: dict[str, Any]) -> int:
    """Insert one row and return its integer primary key."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return int(session.execute(insert(table).returning(table.c.id), [row]).scalar_one())
    columns = tuple(row)
    sql, processors = _plan(table, columns, connection.dialect)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, _tuples([row], columns, processors)[0])
        return int(cursor.lastrowid)
    finally:
        cursor.close()


def sqlite_executemany(session: Session, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Run a ``?``-parameter statement for every row on the session's SQLite connection."""
    if not rows:
        return
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()
