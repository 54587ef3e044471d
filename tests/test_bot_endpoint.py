"""``/api/messages`` and ``/healthz`` through aiohttp: recorded Teams activities in, what the channel
receives out (a fake Bot Framework connector on loopback; the bot runs in local anonymous mode)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from bot.app import REPO_KEY, SENDER_KEY, create_app
from bot.adapter import SendError
from bot.settings import Settings
from bot_helpers import NOW, FakeChannel, actions_of, activity, card_of, card_text, seeded_database
from dialogs.turn import Reply


@pytest.fixture
async def settings(tmp_path: Path) -> Settings:
    return Settings(database_url=await seeded_database(tmp_path))


@pytest.fixture
async def client(aiohttp_client: Any, settings: Settings) -> TestClient:
    return await aiohttp_client(create_app(settings, clock=lambda: NOW))


def at(channel: FakeChannel, name: str, **changes: Any) -> dict[str, Any]:
    """A recorded activity redirected to the fake channel."""
    return activity(name, serviceUrl=channel.url, **changes)


async def post(client: TestClient, body: Any) -> Any:
    return await client.post("/api/messages", json=body)


# ---- answers ------------------------------------------------------------------------------------


async def test_a_personal_question_gets_typing_then_a_card_with_the_decision(client, channel):
    response = await post(client, at(channel, "personal_message"))
    assert response.status == 200
    assert channel.types()[0] == "typing"
    (message,) = channel.messages()
    card = card_of(message)
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    shown = card_text(card)
    assert "Punkt 4: Frisættelse" in shown
    assert "tirsdag den 9. januar 2024" in shown
    assert "Godkendte den reviderede rammebeskrivelse" in shown
    # The text fallback travels with the card (summary, fallbackText), not as a second printed text.
    assert "Frisættelse" in message["summary"] and "Frisættelse" in card["fallbackText"]
    assert not message.get("text")
    assert message["conversation"]["id"] == "a:1abcPERSONALconv"


async def test_a_channel_question_with_the_bots_mention_is_answered(client, channel):
    response = await post(client, at(channel, "channel_mention"))
    assert response.status == 200
    (message,) = channel.messages()
    assert "Punkt 4: Frisættelse" in card_text(card_of(message))


async def test_a_group_chat_question_is_answered_into_the_group(client, channel):
    assert (await post(client, at(channel, "groupchat_mention"))).status == 200
    (message,) = channel.messages()
    assert message["conversation"]["id"] == "19:meeting_groupchat_abc@thread.v2"
    assert "Frisættelse" in card_text(card_of(message))


async def test_every_inbound_activity_refreshes_the_conversation_reference(client, channel):
    await post(client, at(channel, "channel_mention"))
    # A reply in a channel thread refreshes the channel's reference (proactive posts go to the channel).
    ref = await client.app[REPO_KEY].conversations.conversation("", "19:c5d1e0general@thread.tacv2")
    assert ref is not None
    assert (ref.conversation_type, ref.service_url, ref.team_id, ref.teams_channel_id) == (
        "channel", channel.url, "19:team1@thread.tacv2", "19:c5d1e0general@thread.tacv2")
    assert (ref.bot_id, ref.user_aad_id, ref.user_name) == (
        "28:7f3e3c1a-0d2b-4a8e-9a55-2b7a1c9d0e11", "6b1f3c2e-4d5a-4e7b-8c9d-0a1b2c3d4e5f", "Mette Sørensen")


async def test_installation_welcomes_once_although_teams_sends_two_events(client, channel):
    assert (await post(client, at(channel, "installation_update_add"))).status == 200
    twin = at(channel, "conversation_update_bot_added", conversation={"id": "a:1abcPERSONALconv", "conversationType": "personal"})
    assert (await post(client, twin)).status == 200
    (welcome,) = channel.messages()
    assert welcome["text"].startswith("Velkommen til Referatbot!") and "frisættelse" in welcome["text"]
    assert "Hej" not in welcome["text"]  # one greeting, not two


async def test_the_bot_added_to_a_team_says_welcome(client, channel):
    assert (await post(client, at(channel, "conversation_update_bot_added"))).status == 200
    (welcome,) = channel.messages()
    assert "Velkommen" in welcome["text"]


async def test_a_redelivered_activity_is_answered_once(client, channel):
    body = at(channel, "personal_message")
    first, second = await post(client, body), await post(client, body)
    assert (first.status, second.status) == (200, 200)
    assert len(channel.messages()) == 1


async def test_the_same_activity_id_from_another_tenant_is_answered_not_taken_for_a_redelivery(client, channel):
    # Activity and conversation ids are only unique within one tenant: tenant B's activity must not be
    # dropped because tenant A's carried the same ids, while A's own redelivery still is.
    a = at(channel, "personal_message", id="same-id")
    b = at(channel, "personal_message", id="same-id")
    b["channelData"]["tenant"]["id"] = b["conversation"]["tenantId"] = "another-tenant"
    statuses = [(await post(client, body)).status for body in (a, b, a, b)]
    assert statuses == [200, 200, 200, 200]
    assert len(channel.messages()) == 2


async def test_action_execute_answers_the_invoke_itself_with_the_next_page(client, channel):
    await post(client, at(channel, "personal_message", text="hvad blev besluttet om budget", id="q-budget"))
    (first,) = channel.messages()
    (more,) = [a for a in actions_of(card_of(first)) if a["verb"] == "decisions.more"]
    assert more["title"].startswith("Vis flere")
    invoke = at(channel, "invoke_adaptive_card_action")
    invoke["value"]["action"] = {"type": "Action.Execute", "verb": more["verb"], "data": more["data"]}
    response = await post(client, invoke)
    assert response.status == 200
    body = await response.json()
    assert body["statusCode"] == 200 and body["type"] == "application/vnd.microsoft.card.adaptive"
    next_page = card_text(body["value"])
    assert next_page and next_page != card_text(card_of(first))
    assert len(channel.messages()) == 1  # the new card replaces the old one; nothing else is posted


async def test_action_submit_arrives_as_a_message_and_pages_on(client, channel):
    response = await post(client, at(channel, "action_submit_message"))
    assert response.status == 200
    (message,) = channel.messages()
    assert card_of(message)["type"] == "AdaptiveCard"


async def test_an_unknown_card_verb_gets_a_danish_sentence_not_an_error(client, channel):
    invoke = at(channel, "invoke_adaptive_card_action")
    invoke["value"]["action"] = {"type": "Action.Execute", "verb": "nope", "data": {}}
    response = await post(client, invoke)
    assert response.status == 200
    body = await response.json()
    assert body["value"] == "Den knap virker ikke længere."


async def test_an_unhandled_invoke_gets_200_not_501(client, channel):
    body = at(channel, "invoke_adaptive_card_action")
    body.update(name="composeExtension/query", value={})
    response = await post(client, body)
    assert response.status == 200


async def test_a_failing_turn_logs_the_activity_id_and_apologises_in_danish(client, channel, caplog, monkeypatch):
    from dialogs.conversation import Conversation

    async def broken(self, turn):
        raise RuntimeError("boom")

    monkeypatch.setattr(Conversation, "handle", broken)
    response = await post(client, at(channel, "personal_message"))
    assert response.status == 200
    (message,) = channel.messages()
    assert message["text"] == "Beklager, der gik noget galt hos mig. Prøv igen om lidt."
    assert "1695024902123" in caplog.text and "boom" in caplog.text


# ---- bad input never gets a 500 -------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, status",
    [
        (b"{not json", 400),
        (b"[1, 2]", 400),
        (b'"message"', 400),
        (b"{}", 400),
        (b'{"type": 5}', 400),
        (b'{"type": "message", "text": ["x"], "serviceUrl": "http://127.0.0.1/", "conversation": {"id": "c"}, "from": {"id": "u"}}', 400),
        (b'{"type": "message", "conversation": "c", "serviceUrl": "http://127.0.0.1/", "from": {"id": "u"}}', 400),
        (b'{"type": "message", "text": "hej"}', 400),
        (b'{"type": "message", "entities": [1], "serviceUrl": "http://127.0.0.1/", "conversation": {"id": "c"}, "from": {"id": "u"}}', 400),
    ],
)
async def test_malformed_activities_get_400(client, raw, status):
    response = await client.post("/api/messages", data=raw, headers={"Content-Type": "application/json"})
    assert response.status == status
    body = await response.text()
    assert "Traceback" not in body and "error" in json.loads(body)


async def test_unknown_activity_types_get_a_quiet_200(client, channel):
    response = await post(client, at(channel, "personal_message", type="messageReaction"))
    assert response.status == 200
    assert channel.posted == []


async def test_a_body_over_256_kb_gets_413(client):
    big = {"type": "message", "text": "x" * (300 * 1024)}
    response = await client.post("/api/messages", data=json.dumps(big), headers={"Content-Type": "application/json"})
    assert response.status == 413


async def test_not_json_content_type_gets_415(client):
    response = await client.post("/api/messages", data="hej", headers={"Content-Type": "text/plain"})
    assert response.status == 415


@pytest.mark.parametrize(
    "service_url",
    ["https://smba.trafficmanager.net.evil.com/", "http://evil.example/", "https://smba.trafficmanager.net@evil.com/"],
)
async def test_an_untrusted_service_url_is_refused_before_anything_is_sent(client, channel, service_url):
    response = await post(client, activity("personal_message", serviceUrl=service_url))
    assert response.status == 403
    assert channel.posted == []


# ---- health and proactive sending ---------------------------------------------------------------


async def test_healthz_is_200_with_the_database_and_503_without(client):
    from sqlalchemy.ext.asyncio import create_async_engine

    from bot.app import DB_KEY

    assert (await client.get("/healthz")).status == 200
    db = client.app[DB_KEY]
    working = db.engine
    db.engine = create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none")  # nothing listens there
    try:
        response = await client.get("/healthz")
        assert response.status == 503
    finally:
        await db.engine.dispose()
        db.engine = working


async def test_the_sender_posts_a_reply_into_a_stored_conversation(client, channel):
    await post(client, at(channel, "personal_message"))
    ref = await client.app[REPO_KEY].conversations.conversation("", "a:1abcPERSONALconv")
    await client.app[SENDER_KEY].send(ref, Reply(text="Påmindelse: rådmandsmøde i morgen"))
    last = channel.posted[-1]
    assert last["text"] == "Påmindelse: rådmandsmøde i morgen"
    assert last["conversation"]["id"] == "a:1abcPERSONALconv"


async def test_the_sender_reports_status_and_retry_after_on_refusal(client, channel):
    await post(client, at(channel, "personal_message"))
    ref = await client.app[REPO_KEY].conversations.conversation("", "a:1abcPERSONALconv")
    channel.status = 429
    with pytest.raises(SendError) as caught:
        await client.app[SENDER_KEY].send(ref, Reply(text="x"))
    assert (caught.value.status, caught.value.retry_after) == (429, 7.0)


async def test_one_connector_client_serves_many_turns(client, channel):
    for n in range(3):
        await post(client, at(channel, "personal_message", id=f"turn-{n}"))
    from bot.app import RUNTIME_KEY

    assert len(client.app[RUNTIME_KEY].pool) == 1
    assert len(channel.messages()) == 3
