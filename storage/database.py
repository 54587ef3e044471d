"""Engine and session setup: plain SQLAlchemy URLs in, async engine out, migrations applied on open."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from storage import dialects
from storage.dialects import SqlDialect

T = TypeVar("T")
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class DatabaseURLError(ValueError):
    """A database URL the project cannot use."""


def to_async_url(url: str) -> str:
    """Map a plain SQLAlchemy URL (``sqlite:///x.db``, ``postgresql://u@h/db``) to its async driver."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with a long text
        raise DatabaseURLError(f"not a database URL: {url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+aiosqlite").render_as_string(hide_password=False)
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    raise DatabaseURLError(f"unsupported database {backend!r}: use sqlite:///file.db or postgresql://user@host/db")


def _json_dumps(obj: Any) -> str:
    # ensure_ascii=False keeps æøå searchable inside JSON columns (presenters, participants).
    return json.dumps(obj, ensure_ascii=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the bot read while an ingest writes; busy_timeout rides out the single-writer lock.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _upgrade(connection: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


class Database:
    """An async engine plus session factory over one database; ``open`` applies migrations."""

    def __init__(self, engine: AsyncEngine, *, url: str = "", search_path: str | None = None) -> None:
        self.engine = engine
        self.url = url  # as given (plain form), for opening the same store again
        self.search_path = search_path
        self._sync_engine: Engine | None = None
        self._sync_sessions: sessionmaker[Session] | None = None
        self.sessions: async_sessionmaker[AsyncSession] = async_sessionmaker(engine, expire_on_commit=False)

    @property
    def sync_engine(self) -> Engine:
        """A plain (synchronous) engine over the same SQLite file, for work that runs a whole batch
        in one worker thread. SQLite only; created on first use."""
        if self._sync_engine is None:
            if self.dialect != "sqlite":
                raise RuntimeError("synchronous sessions are for the embedded SQLite store only")
            url = self.engine.url.set(drivername="sqlite+pysqlite")
            engine = create_engine(url, json_serializer=_json_dumps, connect_args={"check_same_thread": False})
            event.listen(engine, "connect", _sqlite_pragmas)
            self._sync_engine = engine
        return self._sync_engine

    @property
    def sync_sessions(self) -> sessionmaker[Session]:
        """ORM sessions on ``sync_engine`` (SQLite only)."""
        if self._sync_sessions is None:
            self._sync_sessions = sessionmaker(self.sync_engine, expire_on_commit=False)
        return self._sync_sessions

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def sql(self) -> SqlDialect:
        """The SQL that differs between the stores (see ``storage.dialects``)."""
        return dialects.named(self.dialect)

    async def write(self, write: Callable[[Session], T]) -> T:
        """Run a write use case in one transaction: in a worker thread on SQLite (one hand-off, not
        several per statement through the async driver), through the async driver elsewhere."""
        if self.dialect == "sqlite":

            def in_thread() -> T:
                with self.sync_sessions.begin() as session:
                    return write(session)

            return await asyncio.to_thread(in_thread)
        async with self.sessions.begin() as session:
            return await session.run_sync(write)

    async def read(self, read: Callable[[Session], T]) -> T:
        """Run a read-only use case: in a worker thread on SQLite, through the async driver elsewhere."""
        if self.dialect == "sqlite":

            def in_thread() -> T:
                # A bare connection, not an ORM session: reads need no unit of work.
                with self.sync_engine.connect() as connection:
                    return read(connection)  # type: ignore[arg-type]

            return await asyncio.to_thread(in_thread)
        async with self.sessions() as session:
            return await session.run_sync(read)

    @classmethod
    async def open(cls, url: str, *, migrate: bool = True, search_path: str | None = None) -> "Database":
        """Connect to ``url`` (plain or async form) and bring the schema to the newest migration.

        ``search_path`` (PostgreSQL) puts every table in that schema: tests use one schema each.
        """
        async_url = to_async_url(url)
        kwargs: dict[str, Any] = {"json_serializer": _json_dumps}
        if async_url.startswith("sqlite"):
            path = make_url(async_url).database
            if path and path != ":memory:":
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        else:
            kwargs["pool_pre_ping"] = True
            if search_path:
                kwargs["connect_args"] = {"server_settings": {"search_path": search_path}}
        engine = create_async_engine(async_url, **kwargs)
        if engine.dialect.name == "sqlite":
            event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        db = cls(engine, url=url, search_path=search_path)
        if migrate:
            try:
                async with engine.begin() as conn:
                    await conn.run_sync(_upgrade)
            except BaseException:
                await engine.dispose()
                raise
        return db

    async def ping(self) -> bool:
        """True when the database answers a trivial query."""
        from sqlalchemy import text

        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    async def close(self) -> None:
        """Dispose of the engines and their pools."""
        if self._sync_engine is not None:
            self._sync_engine.dispose()
        await self.engine.dispose()
