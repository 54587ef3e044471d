"""Reply -> Bot Framework activity JSON: the one conversion for turn replies, late replies and proactive
sends (reminders), so a reminder, the scheduler's tests and the bench see exactly what a chat sees.

``message_json`` is the unaddressed message (a turn reply: ``bot.teams.in_reply_to`` addresses it);
``addressed_json`` adds what a post into a stored conversation needs; ``invoke_body`` is the
``adaptiveCard/action`` invoke response. Pure functions on dicts: no botbuilder here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from dialogs.turn import Reply
from storage.conversations import ConversationRef

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
MESSAGE_CONTENT_TYPE = "application/vnd.microsoft.activity.message"
# Teams refuses messages over ~100 KB and advises well under 80 KB; past this the card is dropped
# and the (truncated) text goes alone.
MAX_CARD_BYTES = 40_000
MAX_TEXT_CHARS = 4_000
MAX_SUMMARY_CHARS = 280


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 2] + " …"


def _card_with_fallback(card: Mapping[str, Any], text: str) -> dict[str, Any]:
    out = dict(card)
    out.setdefault("fallbackText", text[:MAX_TEXT_CHARS])
    return out


def message_json(reply: Reply) -> dict[str, Any]:
    """A message activity: the Adaptive Card with the text as fallback, or the text alone.

    With a card, the text goes in ``summary`` (notifications, clients without cards) and the card's
    ``fallbackText``, not in ``text``: Teams would print ``text`` above the card, saying it twice.
    A card over ``MAX_CARD_BYTES`` is dropped and the text goes alone.
    """
    text = _clip(reply.text, MAX_TEXT_CHARS)
    if reply.card is not None:
        card = _card_with_fallback(reply.card, text)
        if len(json.dumps(card, ensure_ascii=False).encode()) <= MAX_CARD_BYTES:
            return {
                "type": "message",
                "summary": _clip(text, MAX_SUMMARY_CHARS),
                "attachments": [{"contentType": CARD_CONTENT_TYPE, "content": card}],
            }
    # Markdown: dialogs write paragraphs apart by a blank line and lists as "- " lines; as plain text
    # Teams runs single-newline lines together into one paragraph.
    return {"type": "message", "text": text, "textFormat": "markdown"}


def addressed_json(reply: Reply, ref: ConversationRef) -> dict[str, Any]:
    """``message_json(reply)`` addressed to the stored conversation ``ref`` (a proactive post)."""
    body = message_json(reply)
    conversation: dict[str, Any] = {"id": ref.conversation_id, "conversationType": ref.conversation_type}
    if ref.tenant_id:
        conversation["tenantId"] = ref.tenant_id
        body["channelData"] = {"tenant": {"id": ref.tenant_id}}
    body["conversation"] = conversation
    body["from"] = {"id": ref.bot_id, "name": ref.bot_name or ""}
    body["channelId"] = ref.channel_id
    body["serviceUrl"] = ref.service_url
    if ref.locale:
        body["locale"] = ref.locale
    return body


def invoke_body(reply: Reply) -> dict[str, Any]:
    """The ``adaptiveCard/action`` invoke response: the card that replaces the pressed one, or a message."""
    if reply.card is not None:
        return {"statusCode": 200, "type": CARD_CONTENT_TYPE, "value": _card_with_fallback(reply.card, reply.text)}
    return {"statusCode": 200, "type": MESSAGE_CONTENT_TYPE, "value": reply.text}
