"""Issue #5: typing at once, the reply within the deadline, slower work answered proactively.

Through ``/api/messages`` with the fake Bot Framework channel on loopback. The dialog seam is a gate
the test opens (an ``asyncio.Event`` in front of the real conversation), so a dialog is exactly as
slow as the test says and nothing sleeps; the deadline is a tiny injected number where a slow turn
is wanted, a generous one where a fast one is.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from bot.app import REPO_KEY, RUNTIME_KEY, SENDER_KEY, create_app
from bot.settings import Settings
from bot.teams import REPLY_DEADLINE, TeamsBot
from bot_helpers import NOW, FakeChannel, activity, card_of, card_text, seeded_database
from dialogs.conversation import Conversation
from dialogs.turn import Reply, Turn

ACTIVITY_ID = "1695024902123"  # the id of the recorded personal message
SLOW = 0.02  # seconds: the deadline a gated dialog is sure to miss
GENEROUS = 10.0  # seconds: the deadline an open gate is sure to meet


class GatedConversation:
    """The real conversation behind a gate: ``handle`` waits until the test opens it."""

    def __init__(self, inner: Conversation, *, fail: bool = False) -> None:
        self.inner = inner
        self.gate = asyncio.Event()
        self.started = asyncio.Event()
        self.cancelled = False
        self.fail = fail

    async def handle(self, turn: Turn) -> Reply:
        """The real reply, once the gate is open (or ``RuntimeError`` when told to fail)."""
        self.started.set()
        try:
            await self.gate.wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        if self.fail:
            raise RuntimeError("slow boom")
        return await self.inner.handle(turn)


@pytest.fixture
async def client(aiohttp_client: Any, tmp_path: Path) -> TestClient:
    settings = Settings(database_url=await seeded_database(tmp_path))
    return await aiohttp_client(create_app(settings, clock=lambda: NOW))


def wire(client: TestClient, *, deadline: float | None, fail: bool = False, sender: bool = True) -> tuple[TeamsBot, GatedConversation]:
    """The running app's bot with the app's own sender, ``deadline`` and a gated dialog."""
    bot = client.app[RUNTIME_KEY].bot
    bot.sender = client.app[SENDER_KEY] if sender else None
    bot.reply_deadline = deadline
    gated = GatedConversation(bot.conversation, fail=fail)
    bot.conversation = gated  # type: ignore[assignment]  # the dialog seam
    return bot, gated


async def ask(client: TestClient, channel: FakeChannel, **changes: Any) -> int:
    response = await client.post("/api/messages", json=activity("personal_message", serviceUrl=channel.url, **changes))
    return response.status


async def settle(bot: TeamsBot) -> None:
    """Wait for the late replies now running (they end: the gate is open or they are cancelled)."""
    await asyncio.wait_for(asyncio.gather(*list(bot.late)), timeout=10)


def test_a_normal_question_is_answered_within_two_seconds_by_default() -> None:
    assert REPLY_DEADLINE == 2.0


async def test_a_fast_dialog_is_answered_within_the_turn(client, channel) -> None:
    bot, gated = wire(client, deadline=GENEROUS)
    gated.gate.set()
    assert await ask(client, channel) == 200
    assert channel.types() == ["typing", "message"]
    assert "Frisættelse" in card_text(card_of(channel.messages()[0]))
    assert not bot.late


async def test_a_slow_dialog_ends_the_turn_with_typing_and_replies_proactively_when_done(client, channel) -> None:
    bot, gated = wire(client, deadline=SLOW)
    assert await ask(client, channel) == 200  # answered while the dialog is still at the gate
    assert gated.started.is_set() and not gated.gate.is_set()
    assert channel.types() == ["typing"]
    assert len(bot.late) == 1
    gated.gate.set()
    await settle(bot)
    (message,) = channel.messages()
    assert message["conversation"]["id"] == "a:1abcPERSONALconv"
    assert "Punkt 4: Frisættelse" in card_text(card_of(message))
    assert not bot.late


async def test_a_slow_dialog_that_fails_logs_the_activity_id_and_apologises_in_danish(client, channel, caplog) -> None:
    bot, gated = wire(client, deadline=SLOW, fail=True)
    caplog.set_level(logging.INFO, logger="referatbot.bot")
    assert await ask(client, channel) == 200
    gated.gate.set()
    await settle(bot)
    (message,) = channel.messages()
    assert message["text"] == "Beklager, der gik noget galt hos mig. Prøv igen om lidt."
    failed = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(ACTIVITY_ID in r.getMessage() and r.exc_info and "slow boom" in str(r.exc_info[1]) for r in failed)


async def test_an_english_client_gets_the_late_apology_in_english(client, channel) -> None:
    bot, gated = wire(client, deadline=SLOW, fail=True)
    assert await ask(client, channel, locale="en-GB") == 200
    gated.gate.set()
    await settle(bot)
    (message,) = channel.messages()
    assert message["text"].startswith("Sorry, something went wrong")


async def test_a_refused_late_reply_is_logged_not_raised(client, channel, caplog) -> None:
    bot, gated = wire(client, deadline=SLOW)
    assert await ask(client, channel) == 200
    channel.status = 403
    gated.gate.set()
    await settle(bot)
    assert any(ACTIVITY_ID in r.getMessage() and "late reply" in r.getMessage()
               for r in caplog.records if r.levelno >= logging.ERROR)


async def test_a_conversation_left_meanwhile_gets_no_late_reply(client, channel) -> None:
    bot, gated = wire(client, deadline=SLOW)
    assert await ask(client, channel) == 200
    await client.app[REPO_KEY].conversations.deactivate_conversation("", "a:1abcPERSONALconv")
    gated.gate.set()
    await settle(bot)
    assert channel.messages() == []


async def test_shutdown_cancels_late_work_still_running_after_the_grace(client, channel) -> None:
    bot, gated = wire(client, deadline=SLOW)
    assert await ask(client, channel) == 200
    await bot.close(grace=0.01)
    assert gated.cancelled
    assert not bot.late
    assert channel.messages() == []


async def test_shutdown_lets_late_work_finish_within_the_grace(client, channel) -> None:
    bot, gated = wire(client, deadline=SLOW)
    assert await ask(client, channel) == 200
    gated.gate.set()
    await bot.close(grace=GENEROUS)
    assert not gated.cancelled and not bot.late
    assert len(channel.messages()) == 1


async def test_without_a_sender_a_slow_dialog_is_waited_for_within_the_turn(client, channel) -> None:
    bot, gated = wire(client, deadline=SLOW, sender=False)
    request = asyncio.ensure_future(ask(client, channel))
    await asyncio.wait_for(gated.started.wait(), timeout=10)
    for _ in range(500):  # typing goes out beside the dialog; give its POST up to 5 s to arrive
        if channel.types():
            break
        await asyncio.sleep(0.01)
    assert not request.done() and channel.types() == ["typing"]
    gated.gate.set()
    assert await asyncio.wait_for(request, timeout=10) == 200
    assert channel.types() == ["typing", "message"]
    assert not bot.late


async def test_a_cancelled_turn_cancels_its_dialog(client, channel) -> None:
    bot, gated = wire(client, deadline=GENEROUS)
    sent: list[dict[str, Any]] = []

    async def post(body: dict[str, Any]) -> None:
        sent.append(body)

    turn = asyncio.ensure_future(bot.on_message(activity("personal_message", serviceUrl=channel.url), NOW, post))
    await asyncio.wait_for(gated.started.wait(), timeout=10)
    turn.cancel()
    with pytest.raises(asyncio.CancelledError):
        await turn
    await asyncio.sleep(0)
    assert gated.cancelled and not bot.late
    assert [a["type"] for a in sent] == ["typing"]
