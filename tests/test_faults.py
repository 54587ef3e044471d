"""Faults, with real ``referatbot serve`` processes on loopback (issue 16):

- kill -9 of ``serve`` while it dispatches reminders, then ``serve`` started again: nothing is lost, and
  the duplicates are exactly the sends in flight when it died (SQLite and PostgreSQL);
- two ``serve`` processes on one PostgreSQL with 1,000 due reminders: each is sent exactly once;
- a long ingest on SQLite while ``serve`` answers: no "database is locked" reaches a user;
- PostgreSQL going away while serving (a loopback TCP proxy in front of the shared server is cut and
  restored; the server itself is never touched): turns fail fast with the Danish apology, ``/healthz``
  is 503 and then 200 by itself, and a reminder that fell due meanwhile is sent afterwards.

Every wait is bounded; all traffic stays on loopback. PostgreSQL tests get a database of their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
import signal
import socket
import subprocess
import sys
import time as clock
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.scheduler import Scheduler
from bot_helpers import activity
from conftest import POSTGRES_URL, ROOT, SAMPLES
from minutes.calendar import COPENHAGEN
from minutes.model import AgendaItem, DocumentType, Meeting
from storage.conversations import ConversationRef
from storage.database import Database, to_async_url
from storage.models import OutboxRow, SubscriptionRow
from storage.reminders import CLAIM_LEASE
from storage.repository import Repository

APOLOGY = "Beklager"
KIND = "Rådmandsmøde"


# ---- helpers -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def until(check: Callable[[], Awaitable[bool] | bool], *, timeout: float, what: str, step: float = 0.1) -> None:
    """Poll ``check`` until it is true; fail after ``timeout`` seconds (every wait here is bounded)."""
    deadline = clock.monotonic() + timeout
    while clock.monotonic() < deadline:
        result = check()
        if await result if asyncio.iscoroutine(result) else result:
            return
        await asyncio.sleep(step)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


@contextlib.asynccontextmanager
async def postgres_database() -> AsyncIterator[str]:
    """A fresh database of its own on the test PostgreSQL server (a subprocess cannot use a schema)."""
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL tests must run in CI: REFERATBOT_TEST_POSTGRES_URL is not set")
        pytest.skip("set REFERATBOT_TEST_POSTGRES_URL to run the PostgreSQL variant")
    name = f"rb_fault_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(to_async_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


@contextlib.asynccontextmanager
async def store(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """A database URL of ``backend``: a SQLite file, or a PostgreSQL database of its own."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'fault.db'}"
    else:
        async with postgres_database() as url:
            yield url


class Serve:
    """``referatbot serve`` as a process of its own (anonymous mode, loopback only)."""

    def __init__(self, database_url: str, log: Path, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("MicrosoftApp", "REFERATBOT_"))}
        environment.update(REFERATBOT_DATABASE_URL=database_url, PYTHONPATH=str(ROOT),
                           REFERATBOT_SEMANTIC=os.environ.get("REFERATBOT_SEMANTIC", "off"), **env)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=log.open("wb"))

    async def healthz(self, http: aiohttp.ClientSession) -> int:
        try:
            async with http.get(f"{self.url}/healthz", timeout=aiohttp.ClientTimeout(total=5)) as response:
                return response.status
        except (aiohttp.ClientError, asyncio.TimeoutError):
            return 0

    async def started(self, http: aiohttp.ClientSession, timeout: float = 60) -> "Serve":
        async def up() -> bool:
            assert self.process.poll() is None, self.log.read_text()[-2000:]
            return await self.healthz(http) == 200

        await until(up, timeout=timeout, what=f"serve on port {self.port}")
        return self

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


class Connector:
    """The Bot Connector stub: records every activity posted, optionally slowly."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.posted: list[tuple[str, dict[str, Any]]] = []

    async def activities(self, request: web.Request) -> web.Response:
        self.posted.append((request.match_info["conversation"], await request.json()))
        if self.delay:
            await asyncio.sleep(self.delay)
        return web.json_response({"id": str(len(self.posted))}, status=201)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", self.activities)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self.activities)
        return app

    def messages(self) -> list[tuple[str, dict[str, Any]]]:
        return [(c, a) for c, a in self.posted if a.get("type") == "message"]

    def said(self, conversation: str) -> list[str]:
        return [str(a.get("text") or a.get("summary") or "") for c, a in self.messages() if c == conversation]


async def seed_reminders(url: str, service_url: str, conversations: int) -> None:
    """One agenda ahead and ``conversations`` channels subscribed to it, each reminder already due
    (30 working days before a meeting ten days from now: late, but the meeting has not started)."""
    now = datetime.now(timezone.utc)
    day = (now.astimezone(COPENHAGEN) + timedelta(days=10)).date()
    db = await Database.open(url)
    try:
        repo = Repository(db)
        await repo.documents.ingest(Meeting(source="dagsorden.txt", kind=KIND, title=KIND, date=day,
                                  document_type=DocumentType.AGENDA, meeting_kind=KIND, start=time(9, 0),
                                  end=time(10, 0), items=(AgendaItem("1", "Budget"),)), now=now)
        for c in range(conversations):
            await repo.conversations.save_conversation(ConversationRef("", f"19:c{c}@thread.tacv2", "channel", service_url, "28:bot"),
                                         now=now)
        async with db.sessions.begin() as session:
            session.add_all(SubscriptionRow(tenant_id="", conversation_id=f"19:c{c}@thread.tacv2", meeting_kind=KIND,
                                            days_before=30, at="14:00", created_at=now) for c in range(conversations))
    finally:
        await db.close()


async def outbox_status(url: str, column: Any = OutboxRow.status) -> Counter[str]:
    """Outbox rows counted by ``column`` (status, or the instance that claimed them)."""
    db = await Database.open(url, migrate=False)
    try:
        async with db.sessions() as session:
            rows = await session.execute(select(column, func.count()).group_by(column))
            return Counter({str(value): count for value, count in rows})
    finally:
        await db.close()


# ---- kill -9 during dispatch ----------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_kill_9_during_reminder_dispatch_loses_nothing_and_duplicates_only_what_was_in_flight(
    backend: str, tmp_path: Path, aiohttp_server: Any
) -> None:
    conversations = 200
    connector = Connector(delay=0.5)  # slow enough to die in the middle of the batch
    server = await aiohttp_server(connector.app())
    service_url = str(server.make_url("/"))
    async with store(backend, tmp_path) as url, aiohttp.ClientSession() as http:
        await seed_reminders(url, service_url, conversations)
        serve = await Serve(url, tmp_path / "serve.log").started(http)
        try:
            await until(lambda: len(connector.messages()) >= 40, timeout=60, what="dispatch to start")
        finally:
            serve.kill()
        status = await outbox_status(url)
        in_flight = status["claimed"]
        assert status["sent"] < conversations, "the process finished before it could be killed"
        assert status["sent"] + in_flight + status["pending"] == conversations, status
        marked_sent = await sent_conversations(url)
        await age_claims(url, CLAIM_LEASE + timedelta(minutes=1))  # the lease runs out (nobody waits 10 minutes)
        # Every POST the dead process got out, and so what a restart may repeat: the sent rows and the
        # claimed rows whose POST had left when the process died.
        before_restart = Counter(c for c, _ in connector.messages())

        # ``serve`` started again on the same store, as an operator (or systemd) would: its own scheduler
        # loop claims the dead process's rows, now past their lease, and sends them.
        restarted = await Serve(url, tmp_path / "serve-restarted.log").started(http)
        try:
            await until(lambda: _counted(outbox_status(url), Counter({"sent": conversations})), timeout=25,
                        what="every reminder marked sent after the restart")
        finally:
            restarted.stop()
    per_conversation = Counter(c for c, _ in connector.messages())
    duplicated = {c for c, n in per_conversation.items() if n > 1}
    in_flight_posted = set(before_restart) - marked_sent  # POSTed, claimed, never marked sent
    print(f"[{backend}] kill -9 after {sum(before_restart.values())}/{conversations} delivered; {in_flight} claimed "
          f"and unmarked, of which {len(in_flight_posted)} POSTed; after the restart "
          f"{len(per_conversation)}/{conversations} delivered, {len(duplicated)} duplicates")
    assert set(per_conversation) == {f"19:c{c}@thread.tacv2" for c in range(conversations)}  # nothing lost
    assert max(per_conversation.values()) <= 2
    # A duplicate is a reminder whose POST had gone out when the process died but whose row was not yet
    # marked sent, and nothing else; those are at most the scheduler's concurrency (its sends in flight).
    assert duplicated == in_flight_posted, (duplicated, in_flight_posted)
    assert not duplicated & marked_sent
    assert len(duplicated) <= min(in_flight, inspect.signature(Scheduler).parameters["concurrency"].default)


async def sent_conversations(url: str) -> set[str]:
    """The conversations whose outbox row is marked sent."""
    db = await Database.open(url, migrate=False)
    try:
        async with db.sessions() as session:
            rows = await session.execute(select(OutboxRow.conversation_id).where(OutboxRow.status == "sent"))
            return {str(c) for (c,) in rows}
    finally:
        await db.close()


async def age_claims(url: str, by: timedelta) -> None:
    """Move every claim back by ``by``: what the clock does to a dead instance's claims while it is down."""
    db = await Database.open(url, migrate=False)
    try:
        async with db.sessions.begin() as session:
            claimed = (await session.execute(select(OutboxRow).where(OutboxRow.status == "claimed"))).scalars().all()
            for row in claimed:
                assert row.claimed_at is not None
                row.claimed_at = row.claimed_at - by
    finally:
        await db.close()


async def _counted(counts: Awaitable[Counter[str]], expected: Counter[str]) -> bool:
    return await counts == expected


# ---- two processes on one PostgreSQL ------------------------------------------------------------------


async def test_two_serve_processes_on_one_postgresql_send_1000_due_reminders_exactly_once(
    tmp_path: Path, aiohttp_server: Any
) -> None:
    conversations = 1_000
    connector = Connector(delay=0.05)
    server = await aiohttp_server(connector.app())
    async with postgres_database() as url, aiohttp.ClientSession() as http:
        await seed_reminders(url, str(server.make_url("/")), conversations)
        instances = [Serve(url, tmp_path / f"serve-{n}.log") for n in range(2)]  # both start together
        try:
            for serve in instances:
                await serve.started(http)
            await until(lambda: len({c for c, _ in connector.messages()}) >= conversations, timeout=180,
                        what="1,000 reminders")
            await asyncio.sleep(2)  # a duplicate would arrive now
            status = await outbox_status(url)
            by_instance = await outbox_status(url, OutboxRow.claimed_by)
        finally:
            for serve in instances:
                serve.stop()
    per_conversation = Counter(c for c, _ in connector.messages())
    print(f"two serve processes: {len(per_conversation)} reminders, most sends to one conversation "
          f"{max(per_conversation.values())}; claimed per instance {sorted(by_instance.values())}")
    assert len(per_conversation) == conversations and set(per_conversation.values()) == {1}
    assert status == Counter({"sent": conversations})


# ---- a long ingest on SQLite while serving ------------------------------------------------------------


async def test_a_long_ingest_on_sqlite_never_makes_a_user_see_database_is_locked(
    tmp_path: Path, aiohttp_server: Any
) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from ingest import generate  # bench/ingest.py: synthetic minutes in the sample formats
    finally:
        sys.path.remove(str(ROOT / "bench"))
    folder = tmp_path / "archive"
    folder.mkdir()
    generate(folder, 1_500)
    connector = Connector()
    server = await aiohttp_server(connector.app())
    url = f"sqlite:///{tmp_path / 'serving.db'}"
    assert subprocess.run([sys.executable, "-m", "bot.cli", "--db", url, "ingest", str(SAMPLES)], cwd=ROOT,
                          capture_output=True).returncode == 0
    log = tmp_path / "serve.log"
    async with aiohttp.ClientSession() as http:
        serve = await Serve(url, log, REFERATBOT_SCHEDULER="off").started(http)
        ingest = subprocess.Popen([sys.executable, "-m", "bot.cli", "--db", url, "ingest", str(folder)], cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        asked, statuses = 0, Counter[int]()
        try:
            deadline = clock.monotonic() + 240
            while ingest.poll() is None and clock.monotonic() < deadline:
                asked += 1
                body = activity("personal_message", id=f"during-ingest-{asked}", serviceUrl=str(server.make_url("/")))
                async with http.post(f"{serve.url}/api/messages", json=body) as response:
                    statuses[response.status] += 1
            ingest_error = ingest.communicate(timeout=60)[1].decode()
            await until(lambda: len(connector.messages()) >= asked, timeout=30, what="every answer")
        finally:
            serve.stop()
            if ingest.poll() is None:
                ingest.kill()
    print(f"long ingest: 1,500 documents; {asked} questions asked meanwhile, HTTP {dict(statuses)}")
    assert ingest.returncode == 0, ingest_error[-2000:]
    assert asked >= 5 and statuses == Counter({200: asked})
    answers = [str(a.get("text") or a.get("summary") or "") for _, a in connector.messages()]
    assert len(answers) >= asked and not [a for a in answers if APOLOGY in a]
    assert "database is locked" not in log.read_text()


# ---- PostgreSQL away and back, behind a loopback proxy --------------------------------------------


class Proxy:
    """A loopback TCP proxy to the PostgreSQL server that the test cuts (listener closed, every
    connection dropped) and restores on the same port."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self.server: asyncio.base_events.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self.writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        self.writers -= {writer, up_writer}

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._client, "127.0.0.1", self.port, reuse_address=True)

    async def cut(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in list(self.writers):
            writer.transport.abort()
        self.writers.clear()
        await self.server.wait_closed()
        self.server = None

    async def close(self) -> None:
        if self.server is not None:
            await self.cut()


async def test_postgresql_going_away_fails_turns_fast_with_the_apology_and_recovers_by_itself(
    tmp_path: Path, aiohttp_server: Any
) -> None:
    connector = Connector()
    server = await aiohttp_server(connector.app())
    service_url = str(server.make_url("/"))
    async with postgres_database() as direct, aiohttp.ClientSession() as http:
        target = make_url(direct)
        proxy = Proxy((target.host or "127.0.0.1", target.port or 5432))
        await proxy.start()
        db = await Database.open(direct)  # migrated and seeded directly, not through the proxy
        try:
            from bot.ingest import ingest_paths

            await ingest_paths(Repository(db), [str(SAMPLES)])
        finally:
            await db.close()
        serve = await Serve(target.set(port=proxy.port).render_as_string(hide_password=False),
                            tmp_path / "serve.log").started(http)
        n = 0

        async def ask(conversation: str) -> tuple[int, float]:
            nonlocal n
            n += 1
            body = activity("personal_message", id=f"pg-{n}", serviceUrl=service_url,
                            conversation={"id": conversation, "conversationType": "personal"})
            started = clock.monotonic()
            async with http.post(f"{serve.url}/api/messages", json=body,
                                 timeout=aiohttp.ClientTimeout(total=30)) as response:
                return response.status, clock.monotonic() - started

        try:
            assert (await ask("a:before"))[0] == 200
            assert "Frisættelse" in "".join(connector.said("a:before"))

            await proxy.cut()
            await until(lambda: _is(serve.healthz(http), 503), timeout=20, what="/healthz 503")
            status, took = await ask("a:during")
            assert status == 200 and took < 5, (status, took)  # fails fast, and not as a 5xx
            print(f"PostgreSQL cut: the turn answered in {took * 1000:.0f} ms with the apology")
            assert any(APOLOGY in said for said in connector.said("a:during"))

            # A reminder falls due while the bot cannot reach its store (seeded directly meanwhile).
            await seed_reminders(direct, service_url, 1)

            await proxy.start()
            await until(lambda: _is(serve.healthz(http), 200), timeout=30, what="/healthz 200 again")
            assert (await ask("a:after"))[0] == 200
            assert "Frisættelse" in "".join(connector.said("a:after"))
            await until(lambda: bool(connector.said("19:c0@thread.tacv2")), timeout=60,
                        what="the reminder that fell due during the outage")
        finally:
            serve.stop()
            await proxy.close()
    assert len(connector.said("19:c0@thread.tacv2")) == 1


async def _is(status: Awaitable[int], expected: int) -> bool:
    return await status == expected
