"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from storage.database import Database, to_async_url
from storage.models import Base, managed_by_orm


async def test_migrations_match_the_models(database: Database) -> None:
    def diff(connection):  # type: ignore[no-untyped-def]
        context = MigrationContext.configure(connection, opts={"include_object": managed_by_orm})
        return compare_metadata(context, Base.metadata)

    async with database.engine.connect() as conn:
        assert await conn.run_sync(diff) == []
        version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar_one()
    assert version  # the store was brought to a migration head on open


async def test_opening_an_existing_store_again_is_harmless(database: Database) -> None:
    async with database.engine.connect() as conn:
        before = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar_one()
    again = await Database.open(database.url, search_path=database.search_path)
    try:
        async with again.engine.connect() as conn:
            assert (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar_one() == before
    finally:
        await again.close()


def test_plain_urls_get_their_async_driver() -> None:
    assert to_async_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"
    assert to_async_url("postgresql://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert to_async_url("postgresql+asyncpg://u@h/db") == "postgresql+asyncpg://u@h/db"
