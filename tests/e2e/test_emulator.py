"""End to end through Microsoft 365 Agents Playground (npm ``@microsoft/m365agentsplayground``, pinned
in package.json): the real ``referatbot serve`` on loopback with the samples ingested, the emulator
in front of it; messages go in over the emulator's REST API, replies come out of its WebSocket.

Everything listens on and talks to 127.0.0.1; both processes are started in their own process
groups and stopped by id at the end. Run: ``pytest -m e2e tests/e2e``.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from typing import Any

import pytest

from emulator_harness import Emulator, card as _card, execute_actions as _execute_actions, invoke, post_message
from emulator_harness import running_emulator
from emulator_harness import say as _say, strings as _strings, walk as _walk

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    with running_emulator(tmp_path_factory.mktemp("e2e")) as running:
        yield running


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
    answer = await invoke(emulator, personal, more, first["messageId"])
    # The emulator relays the bot's invoke response body (it consumes "statusCode" itself).
    body = answer
    assert body.get("statusCode", 200) == 200 and body["type"] == "application/vnd.microsoft.card.adaptive", answer
    next_page = _strings(body["value"])
    assert "Punkt" in next_page and next_page != _strings(card)
    # What was shown stays; more hits are listed under it (issue 13 point 4).
    first_lines = [b["text"] for b in _walk(card) if b.get("type") == "TextBlock" and b["text"].count(" · ") == 3]
    next_lines = [b["text"] for b in _walk(body["value"]) if b.get("type") == "TextBlock" and b["text"].count(" · ") == 3]
    assert first_lines and next_lines[: len(first_lines)] == first_lines and len(next_lines) > len(first_lines)


async def test_the_bot_logged_no_failed_turn(emulator):
    await post_message(emulator, emulator.personal_chat, "hjælp")
    await asyncio.sleep(1)
    log = emulator.bot_log.read_text(errors="replace")
    assert "Traceback" not in log and "turn failed" not in log, log[-2000:]
