"""Shared process handling and conversation helpers for the emulator end-to-end tests.

``running_emulator(work, ingest=[...])`` ingests documents into a fresh SQLite store under ``work``,
starts the real ``referatbot serve`` and Microsoft 365 Agents Playground (npm
``@microsoft/m365agentsplayground``, pinned in package.json) in front of it, both on free loopback
ports and in their own process groups, and stops both by id when the block ends. Messages go in over
the playground's REST API; the bot's messages come out of its WebSocket.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

ROOT = Path(__file__).resolve().parents[2]
PLAYGROUND = ROOT / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
SAMPLES = ROOT / "samples" / "minutes"
START_TIMEOUT = 60.0
REPLY_TIMEOUT = 20.0
CARD = "application/vnd.microsoft.card.adaptive"


# ---- processes ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def unavailable(reason: str) -> None:
    """Skip locally, fail in CI."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def ensure_playground() -> None:
    """Install the pinned npm dev dependencies when they are missing (``npm ci``)."""
    if PLAYGROUND.exists():
        return
    npm = shutil.which("npm")
    if not npm or not shutil.which("node"):
        unavailable("node/npm not found: the emulator tests need Node.js 20+")
    result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    if result.returncode != 0 or not PLAYGROUND.exists():
        unavailable(f"npm ci failed: {result.stderr.strip()[-500:]}")


def wait_for(url: str, proc: subprocess.Popen[bytes], log: Path, deadline: float) -> None:
    """Poll ``url`` until it answers 200; fail with the process's log when it exits or time runs out."""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[:3]} exited with {proc.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {START_TIMEOUT:.0f} s:\n{log.read_text(errors='replace')[-2000:]}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group we created for ``proc``, SIGKILL after 10 s."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


@dataclass(frozen=True)
class Emulator:
    """The running playground and bot: base URL, mock Teams world (users, chats, team), the bot's store."""

    base: str
    config: dict[str, Any]
    bot_log: Path
    db_url: str
    service_url: str

    @property
    def user_id(self) -> str:
        return str(self.config["currentUser"]["id"])

    @property
    def bot(self) -> dict[str, Any]:
        return dict(self.config["bot"])

    @property
    def personal_chat(self) -> str:
        return str(self.config["personalChat"]["id"])

    @property
    def channel(self) -> str:
        return str(self.config["teams"][0]["channels"][0]["id"])


def bot_env(db_url: str, extra: Mapping[str, str] = {}) -> dict[str, str]:
    """The bot's environment: local anonymous mode (the playground sends no token), one store."""
    env = {**os.environ, "REFERATBOT_DATABASE_URL": db_url, "MicrosoftAppId": "", "MicrosoftAppPassword": "",
           **extra}
    env.pop("REFERATBOT_TENANT_ID", None)
    return env


@contextmanager
def running_emulator(work: Path, *, ingest: Sequence[Path] = (SAMPLES,),
                     env: Mapping[str, str] = {}) -> Iterator[Emulator]:
    """Ingest ``ingest``, start bot and playground on loopback, yield, stop both (always)."""
    ensure_playground()
    db_url = f"sqlite:///{work / 'referatbot.db'}"
    environment = bot_env(db_url, env)
    if ingest:
        result = subprocess.run([sys.executable, "-m", "bot.cli", "ingest", *map(str, ingest)], cwd=ROOT,
                                env=environment, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr

    bot_port, emu_port = free_port(), free_port()
    procs: list[subprocess.Popen[bytes]] = []
    try:
        bot_log = work / "bot.log"
        with bot_log.open("wb") as out:
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(bot_port)],
                cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
        wait_for(f"http://127.0.0.1:{bot_port}/healthz", procs[0], bot_log, time.monotonic() + START_TIMEOUT)

        emu_log = work / "playground.out"
        emu_env = {
            **os.environ,
            "TEAMSAPPTESTER_BROWSER": "none",  # do not open a browser
            "APPLICATION_INSIGHTS_NO_STATSBEAT": "true",
            "M365_AGENTS_PLAYGROUND_LOGFILE": str(work / "playground.log"),
        }
        base = f"http://127.0.0.1:{emu_port}"
        service_url = f"{base}/_connector"
        with emu_log.open("wb") as out:
            procs.append(subprocess.Popen(
                ["node", str(PLAYGROUND), "--port", str(emu_port), "--channel-id", "msteams",
                 "--app-endpoint", f"http://127.0.0.1:{bot_port}/api/messages",
                 "--service-url", service_url, "--disable-telemetry"],
                cwd=work, env=emu_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
        wait_for(f"{base}/_internal/v1/config", procs[1], emu_log, time.monotonic() + START_TIMEOUT)
        with urllib.request.urlopen(f"{base}/_internal/v1/config", timeout=5) as response:
            config = json.load(response)["config"]
        yield Emulator(base, config, bot_log, db_url, service_url)
    finally:
        for proc in reversed(procs):
            stop(proc)


# ---- talking to the emulator --------------------------------------------------------------------


@asynccontextmanager
async def stream(emulator: Emulator) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    """The playground's WebSocket of conversation events (open it before causing the bot to post)."""
    timeout = aiohttp.ClientTimeout(total=REPLY_TIMEOUT + 10)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.ws_connect(f"{emulator.base}/_ws_conversation/v1/conversations/stream") as ws:
            yield ws


async def post_message(emulator: Emulator, conversation_id: str, text: str, *,
                       mention_bot: bool = False) -> dict[str, Any]:
    """Post a user message over REST; the playground's answer (``postConversationId`` for a channel post)."""
    body: dict[str, Any] = {"from": {"id": emulator.user_id}, "text": text, "textFormat": "plain"}
    if mention_bot:
        tag = f"<at>{emulator.bot['name']}</at>"
        body["text"] = f"{tag} {text}"
        body["mentions"] = [{"mentioned": {"id": emulator.bot["id"], "name": emulator.bot["name"]}, "text": tag}]
    timeout = aiohttp.ClientTimeout(total=REPLY_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        url = f"{emulator.base}/_conversation/v1/conversations/{conversation_id}/messages"
        async with session.post(url, json=body) as response:
            assert response.status == 200, await response.text()
            answer: dict[str, Any] = await response.json(content_type=None)
            return answer


async def say(emulator: Emulator, conversation_id: str, text: str, *, mention_bot: bool = False,
              wanted: int = 1, cards_only: bool = True) -> list[dict[str, Any]]:
    """Post a user message; the bot's next ``wanted`` messages in that conversation (or its thread)."""
    async with stream(emulator) as ws:
        posted = await post_message(emulator, conversation_id, text, mention_bot=mention_bot)
        # A channel post starts a thread: the replies belong to "<channel>;messageid=<post>".
        thread = posted.get("postConversationId") or conversation_id
        return await collect(ws, thread, str(emulator.bot["id"]), wanted, cards_only=cards_only)


async def collect(ws: aiohttp.ClientWebSocketResponse, conversation_id: str, bot_id: str, wanted: int, *,
                  cards_only: bool = True, timeout: float = REPLY_TIMEOUT) -> list[dict[str, Any]]:
    """The bot's next ``wanted`` created messages in ``conversation_id`` (with a card, unless not ``cards_only``)."""
    found: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while len(found) < wanted:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no reply within {timeout:.0f} s (got {found})")
        try:
            msg = await ws.receive(timeout=left)
        except TimeoutError:
            raise AssertionError(f"no reply within {timeout:.0f} s (got {found})") from None
        if msg.type != aiohttp.WSMsgType.TEXT:
            raise AssertionError(f"WebSocket closed: {msg}")
        event = json.loads(msg.data)
        message = event.get("message") or {}
        if (event.get("actionConversationId") == conversation_id and event.get("action") == "createMessage"
                and message.get("from", {}).get("id") == bot_id
                and (message.get("attachments") or not cards_only)):
            found.append(message)
    return found


async def invoke(emulator: Emulator, conversation_id: str, action: dict[str, Any],
                 reply_to: str) -> dict[str, Any]:
    """Click an ``Action.Execute`` button: the ``adaptiveCard/action`` invoke and the bot's invoke response."""
    body = {
        "name": "adaptiveCard/action",
        "value": {"action": {"type": "Action.Execute", "verb": action["verb"], "data": action.get("data", {})},
                  "trigger": "manual"},
        "from": {"id": emulator.user_id},
        "conversation": {"id": conversation_id},
        "replyToId": reply_to,
    }
    timeout = aiohttp.ClientTimeout(total=REPLY_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.post(f"{emulator.base}/_conversation/v1/invoke", json=body) as response:
            assert response.status == 200, await response.text()
            answer: dict[str, Any] = await response.json(content_type=None)
            return answer


# ---- reading cards ------------------------------------------------------------------------------


def card(message: dict[str, Any]) -> dict[str, Any]:
    (attachment,) = message["attachments"]
    assert attachment["contentType"] == CARD
    content: dict[str, Any] = attachment["content"]
    return content


def strings(node: Any) -> str:
    """Every string in a card, one a line."""
    if isinstance(node, dict):
        return "\n".join(strings(v) for v in node.values())
    if isinstance(node, list):
        return "\n".join(strings(v) for v in node)
    return node if isinstance(node, str) else ""


def walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def execute_actions(node: Any) -> list[dict[str, Any]]:
    return [n for n in walk(node) if n.get("type") == "Action.Execute"]


def facts(node: Any) -> dict[str, str]:
    """Title -> value of every FactSet fact in a card (the last wins)."""
    return {f["title"]: f["value"] for n in walk(node) if n.get("type") == "FactSet" for f in n.get("facts", [])}
