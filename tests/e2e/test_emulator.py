"""End to end through Microsoft 365 Agents Playground (npm ``@microsoft/m365agentsplayground``, pinned
in package.json): the real ``referatbot serve`` on loopback with the samples ingested, the emulator
in front of it; messages go in over the emulator's REST API, replies come out of its WebSocket.

Everything listens on and talks to 127.0.0.1; both processes are started in their own process
groups and stopped by id at the end. Run: ``pytest -m e2e tests/e2e``.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PLAYGROUND = ROOT / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
SAMPLES = ROOT / "samples" / "minutes"
START_TIMEOUT = 60.0
REPLY_TIMEOUT = 20.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _ensure_playground() -> None:
    """Install the pinned npm dev dependencies when they are missing (``npm ci``)."""
    if PLAYGROUND.exists():
        return
    npm = shutil.which("npm")
    if not npm or not shutil.which("node"):
        _unavailable("node/npm not found: the emulator tests need Node.js 20+")
    result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    if result.returncode != 0 or not PLAYGROUND.exists():
        _unavailable(f"npm ci failed: {result.stderr.strip()[-500:]}")


def _wait_for(url: str, proc: subprocess.Popen[bytes], log: Path, deadline: float) -> None:
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


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)  # the process group we created for it
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


@dataclass(frozen=True)
class Emulator:
    """The running playground: its base URL and its mock Teams world (users, chats, team)."""

    base: str
    config: dict[str, Any]
    bot_log: Path

    @property
    def user_id(self) -> str:
        return str(self.config["currentUser"]["id"])

    @property
    def bot(self) -> dict[str, Any]:
        return dict(self.config["bot"])


@pytest.fixture(scope="module")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    _ensure_playground()
    work = tmp_path_factory.mktemp("e2e")
    db_url = f"sqlite:///{work / 'referatbot.db'}"
    env = {**os.environ, "REFERATBOT_DATABASE_URL": db_url, "MicrosoftAppId": "", "MicrosoftAppPassword": ""}
    env.pop("REFERATBOT_TENANT_ID", None)
    ingest = subprocess.run([sys.executable, "-m", "bot.cli", "ingest", str(SAMPLES)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert ingest.returncode == 0, ingest.stderr

    bot_port, emu_port = _free_port(), _free_port()
    procs: list[subprocess.Popen[bytes]] = []
    try:
        bot_log = work / "bot.log"
        with bot_log.open("wb") as out:
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(bot_port)],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
        _wait_for(f"http://127.0.0.1:{bot_port}/healthz", procs[0], bot_log, time.monotonic() + START_TIMEOUT)

        emu_log = work / "playground.out"
        emu_env = {
            **os.environ,
            "TEAMSAPPTESTER_BROWSER": "none",  # do not open a browser
            "APPLICATION_INSIGHTS_NO_STATSBEAT": "true",
            "M365_AGENTS_PLAYGROUND_LOGFILE": str(work / "playground.log"),
        }
        with emu_log.open("wb") as out:
            procs.append(subprocess.Popen(
                ["node", str(PLAYGROUND), "--port", str(emu_port), "--channel-id", "msteams",
                 "--app-endpoint", f"http://127.0.0.1:{bot_port}/api/messages",
                 "--service-url", f"http://127.0.0.1:{emu_port}/_connector", "--disable-telemetry"],
                cwd=work, env=emu_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
        base = f"http://127.0.0.1:{emu_port}"
        _wait_for(f"{base}/_internal/v1/config", procs[1], emu_log, time.monotonic() + START_TIMEOUT)
        with urllib.request.urlopen(f"{base}/_internal/v1/config", timeout=5) as response:
            config = json.load(response)["config"]
        yield Emulator(base, config, bot_log)
    finally:
        for proc in reversed(procs):
            _stop(proc)


# ---- talking to the emulator --------------------------------------------------------------------


async def _say(emulator: Emulator, conversation_id: str, text: str, *, mention_bot: bool = False,
               wanted: int = 1) -> list[dict[str, Any]]:
    """Post a user message over REST; the bot's messages for that conversation from the WebSocket."""
    body: dict[str, Any] = {"from": {"id": emulator.user_id}, "text": text, "textFormat": "plain"}
    if mention_bot:
        tag = f"<at>{emulator.bot['name']}</at>"
        body["text"] = f"{tag} {text}"
        body["mentions"] = [{"mentioned": {"id": emulator.bot["id"], "name": emulator.bot["name"]}, "text": tag}]
    timeout = aiohttp.ClientTimeout(total=REPLY_TIMEOUT + 10)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.ws_connect(f"{emulator.base}/_ws_conversation/v1/conversations/stream") as ws:
            url = f"{emulator.base}/_conversation/v1/conversations/{conversation_id}/messages"
            async with session.post(url, json=body) as response:
                assert response.status == 200, await response.text()
                posted = await response.json(content_type=None)
            # A channel post starts a thread: the replies belong to "<channel>;messageid=<post>".
            thread = posted.get("postConversationId") or conversation_id
            return await _collect(ws, thread, str(emulator.bot["id"]), wanted)


async def _collect(ws: aiohttp.ClientWebSocketResponse, conversation_id: str, bot_id: str,
                   wanted: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    deadline = time.monotonic() + REPLY_TIMEOUT
    while len(found) < wanted:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no reply within {REPLY_TIMEOUT:.0f} s (got {found})")
        msg = await ws.receive(timeout=left)
        if msg.type != aiohttp.WSMsgType.TEXT:
            raise AssertionError(f"WebSocket closed: {msg}")
        event = json.loads(msg.data)
        message = event.get("message") or {}
        if (event.get("actionConversationId") == conversation_id and event.get("action") == "createMessage"
                and message.get("from", {}).get("id") == bot_id and message.get("attachments")):
            found.append(message)
    return found


def _card(message: dict[str, Any]) -> dict[str, Any]:
    (attachment,) = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


def _strings(node: Any) -> str:
    if isinstance(node, dict):
        return "\n".join(_strings(v) for v in node.values())
    if isinstance(node, list):
        return "\n".join(_strings(v) for v in node)
    return node if isinstance(node, str) else ""


def _execute_actions(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        own = [node] if node.get("type") == "Action.Execute" else []
        return own + [a for v in node.values() for a in _execute_actions(v)]
    if isinstance(node, list):
        return [a for v in node for a in _execute_actions(v)]
    return []


DANISH_DATE = re.compile(r"(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) den \d{1,2}\. [a-zæø]+ \d{4}")


def _assert_frisaettelse_card(message: dict[str, Any]) -> None:
    card = _card(message)
    assert card["version"] == "1.5"
    text = _strings(card)
    assert "Punkt 4: Frisættelse" in text
    assert "tirsdag den 9. januar 2024" in text and DANISH_DATE.search(text)
    assert "Godkendte den reviderede rammebeskrivelse" in text


# ---- the conversations --------------------------------------------------------------------------


async def test_personal_chat_question_gets_the_decision_card(emulator):
    (reply,) = await _say(emulator, emulator.config["personalChat"]["id"], "hvad blev besluttet om frisættelse?")
    _assert_frisaettelse_card(reply)


async def test_group_chat_question_with_mention_gets_the_decision_card(emulator):
    group = emulator.config["groupChats"][0]["id"]
    (reply,) = await _say(emulator, group, "hvad blev besluttet om frisættelse?", mention_bot=True)
    _assert_frisaettelse_card(reply)


async def test_channel_question_with_mention_gets_the_decision_card(emulator):
    channel = emulator.config["teams"][0]["channels"][0]["id"]
    (reply,) = await _say(emulator, channel, "hvad blev besluttet om frisættelse?", mention_bot=True)
    _assert_frisaettelse_card(reply)


async def test_vis_flere_round_trip_through_action_execute(emulator):
    personal = emulator.config["personalChat"]["id"]
    (first,) = await _say(emulator, personal, "hvad blev besluttet om budget")
    card = _card(first)
    (more,) = [a for a in _execute_actions(card) if a["verb"] == "decisions.more"]
    assert more["title"].startswith("Vis flere")
    invoke = {
        "name": "adaptiveCard/action",
        "value": {"action": {"type": "Action.Execute", "verb": more["verb"], "data": more["data"]}, "trigger": "manual"},
        "from": {"id": emulator.user_id},
        "conversation": {"id": personal},
        "replyToId": first["messageId"],
    }
    timeout = aiohttp.ClientTimeout(total=REPLY_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.post(f"{emulator.base}/_conversation/v1/invoke", json=invoke) as response:
            assert response.status == 200, await response.text()
            answer = await response.json(content_type=None)
    # The emulator relays the bot's invoke response body (it consumes "statusCode" itself).
    body = answer
    assert body.get("statusCode", 200) == 200 and body["type"] == "application/vnd.microsoft.card.adaptive", answer
    next_page = _strings(body["value"])
    assert "Punkt" in next_page and next_page != _strings(card)
    first_titles = {b["text"] for b in _walk(card) if b.get("weight") == "Bolder"}
    next_titles = {b["text"] for b in _walk(body["value"]) if b.get("weight") == "Bolder"}
    assert next_titles and not (next_titles & first_titles)  # a new page, not the same hits again


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


async def test_the_bot_logged_no_failed_turn(emulator):
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{emulator.base}/_conversation/v1/conversations/"
                                f"{emulator.config['personalChat']['id']}/messages",
                                json={"from": {"id": emulator.user_id}, "text": "hjælp", "textFormat": "plain"}) as response:
            assert response.status == 200
    await asyncio.sleep(1)
    log = emulator.bot_log.read_text(errors="replace")
    assert "Traceback" not in log and "turn failed" not in log, log[-2000:]
