"""Activity <-> Turn/Reply conversion, on recorded Teams activities (pure functions, no network)."""

from __future__ import annotations

import json

from bot.settings import Settings
from bot.replies import CARD_CONTENT_TYPE, MAX_CARD_BYTES, addressed_json, invoke_body, message_json
from bot.teams import conversation_ref, in_reply_to, message_text, turn_from_activity
from bot_helpers import NOW, activity
from dialogs.turn import Mention, Reply, Scope

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
READER = "6b1f3c2e-4d5a-4e7b-8c9d-0a1b2c3d4e5f"


def test_a_personal_message_becomes_a_personal_turn():
    turn = turn_from_activity(activity("personal_message"), now=NOW, settings=Settings(tenant_id=TENANT))
    assert (turn.text, turn.scope, turn.tenant_id, turn.locale) == (
        "hvad blev besluttet om frisættelse?", Scope.PERSONAL, TENANT, "da-DK")
    assert (turn.conversation_id, turn.user_id, turn.user_name) == ("a:1abcPERSONALconv", READER, "Mette Sørensen")
    assert turn.action is None and turn.mentions == ()


def test_only_the_bots_at_span_is_removed_and_other_mentions_become_names():
    text, mentions = message_text(activity("groupchat_mention"))
    assert text == "hvad blev besluttet om frisættelse? Spørg evt. Jens Holm"
    assert mentions == (Mention("Jens Holm", "0c7a1b2c-aaaa-bbbb-cccc-111122223333"),)


def test_the_bots_name_outside_the_mention_stays():
    a = activity("channel_mention", text="<at>Referatbot</at> hvad ved Referatbot om budget?  ")
    assert message_text(a)[0] == "hvad ved Referatbot om budget?"


def test_html_entities_and_spacing_are_cleaned():
    a = activity("channel_mention", text="<at>Referatbot</at>&nbsp;hvad blev besluttet om  R&amp;D?\r\n")
    assert message_text(a)[0] == "hvad blev besluttet om R&D?"


def test_scope_comes_from_the_conversation_type():
    settings = Settings()
    assert turn_from_activity(activity("groupchat_mention"), now=NOW, settings=settings).scope is Scope.GROUPCHAT
    assert turn_from_activity(activity("channel_mention"), now=NOW, settings=settings).scope is Scope.CHANNEL


def test_the_tenant_comes_from_channel_data_when_an_archive_tenant_is_configured():
    a = activity("personal_message")
    a["conversation"]["tenantId"] = "other"
    assert turn_from_activity(a, now=NOW, settings=Settings(tenant_id=TENANT)).tenant_id == TENANT
    assert turn_from_activity(a, now=NOW, settings=Settings()).tenant_id == ""  # local anonymous (emulator) setup


def test_with_an_app_id_every_tenant_is_kept_apart_even_without_an_archive_tenant():
    a, b = activity("personal_message"), activity("personal_message")
    b["channelData"]["tenant"]["id"] = "another-tenant"
    real_teams = Settings(app_id="00000000-0000-0000-0000-000000000001")
    assert turn_from_activity(a, now=NOW, settings=real_teams).tenant_id == TENANT
    assert turn_from_activity(b, now=NOW, settings=real_teams).tenant_id == "another-tenant"


def test_confidential_items_only_for_listed_readers_in_personal_chat():
    listed = Settings(confidential_readers=(READER,))
    assert turn_from_activity(activity("personal_message"), now=NOW, settings=listed).may_read_confidential
    assert not turn_from_activity(activity("channel_mention"), now=NOW, settings=listed).may_read_confidential
    assert not turn_from_activity(activity("personal_message"), now=NOW, settings=Settings()).may_read_confidential
    everyone = Settings(confidential_readers=("*",))
    assert turn_from_activity(activity("personal_message"), now=NOW, settings=everyone).may_read_confidential
    assert not turn_from_activity(activity("groupchat_mention"), now=NOW, settings=everyone).may_read_confidential


def test_english_locale_reaches_the_turn():
    turn = turn_from_activity(activity("personal_message", locale="en-GB"), now=NOW, settings=Settings())
    assert turn.locale == "en-GB"


def test_action_execute_and_action_submit_become_the_same_action():
    execute = turn_from_activity(activity("invoke_adaptive_card_action"), now=NOW, settings=Settings())
    submit = turn_from_activity(activity("action_submit_message"), now=NOW, settings=Settings())
    assert execute.action is not None and execute.action["verb"] == "decisions.more"
    assert execute.action == submit.action


def test_the_conversation_reference_is_taken_from_our_own_fields():
    ref = conversation_ref(activity("channel_mention"), Settings(tenant_id=TENANT))
    assert ref is not None
    assert (ref.tenant_id, ref.conversation_type, ref.service_url) == (
        TENANT, "channel", "https://smba.trafficmanager.net/emea/")
    assert (ref.team_id, ref.teams_channel_id, ref.bot_name) == (
        "19:team1@thread.tacv2", "19:c5d1e0general@thread.tacv2", "Referatbot")


def test_a_reply_with_a_card_carries_the_text_as_fallback():
    card = {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "Punkt 4: Frisættelse"}]}
    out = message_json(Reply(text="Punkt 4: Frisættelse – besluttet", card=card))
    (attachment,) = out["attachments"]
    assert attachment["contentType"] == CARD_CONTENT_TYPE
    assert attachment["content"]["fallbackText"] == "Punkt 4: Frisættelse – besluttet"
    assert out["summary"] == "Punkt 4: Frisættelse – besluttet" and not out.get("text")
    assert "fallbackText" not in card  # the dialog's card is not changed


def test_an_oversized_card_falls_back_to_plain_text():
    huge = {"type": "AdaptiveCard", "version": "1.5",
            "body": [{"type": "TextBlock", "text": "x" * 1000} for _ in range(MAX_CARD_BYTES // 900)]}
    out = message_json(Reply(text="kort svar", card=huge))
    assert "attachments" not in out and out["text"] == "kort svar"


def test_a_proactive_post_is_the_turn_reply_addressed_to_the_stored_conversation():
    ref = conversation_ref(activity("channel_mention"), Settings(tenant_id=TENANT))
    assert ref is not None
    huge = {"type": "AdaptiveCard", "version": "1.5",
            "body": [{"type": "TextBlock", "text": "x" * 1000} for _ in range(MAX_CARD_BYTES // 900)]}
    for reply in (Reply(text="kort svar", card=huge), Reply(text="Punkt 4", card={"type": "AdaptiveCard"})):
        body = addressed_json(reply, ref)
        turn_reply = message_json(reply)
        assert {k: body[k] for k in turn_reply} == turn_reply  # the same message, card guard included
        assert body["conversation"]["id"] == ref.conversation_id and body["channelData"]["tenant"]["id"] == TENANT
    assert "attachments" not in addressed_json(Reply(text="kort svar", card=huge), ref)


def test_a_plain_reply_is_plain_text():
    out = message_json(Reply(text="Det forstod jeg desværre ikke."))
    assert out["text"] == "Det forstod jeg desværre ikke." and not out.get("attachments")


def test_a_turn_reply_goes_back_into_the_thread_it_answers():
    a = activity("channel_mention")
    a["conversation"]["id"] += ";messageid=1700000000000"
    body = in_reply_to(a, message_json(Reply(text="svar")))
    assert body["conversation"]["id"].endswith(";messageid=1700000000000")  # the thread, not the channel
    assert (body["replyToId"], body["from"], body["recipient"]) == (a["id"], a["recipient"], a["from"])
    assert body["serviceUrl"] == a["serviceUrl"] and body["text"] == "svar"


def test_the_invoke_body_is_a_plain_dict_ready_for_json():
    body = invoke_body(Reply(text="t", card={"type": "AdaptiveCard", "version": "1.5", "body": []}))
    assert body["statusCode"] == 200 and body["type"] == CARD_CONTENT_TYPE
    assert json.loads(json.dumps(body)) == body
    assert invoke_body(Reply(text="Den knap virker ikke længere."))["value"] == "Den knap virker ikke længere."


def test_a_channel_thread_reply_belongs_to_the_channel():
    a = activity("channel_mention")
    channel = a["conversation"]["id"].split(";messageid=")[0]
    a["conversation"]["id"] = f"{channel};messageid=1700000000000"
    assert turn_from_activity(a, now=NOW, settings=Settings()).conversation_id == channel
    ref = conversation_ref(a, Settings())
    assert ref is not None and ref.conversation_id == channel
