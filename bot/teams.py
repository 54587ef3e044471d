"""The Teams activity handler and the Activity -> Turn conversion.

Everything works on the activity's JSON (a dict, as Teams sent it): pure functions, tested against
recorded Teams activities in ``tests/fixtures/activities/``; replies are ``bot.replies`` JSON
addressed by ``in_reply_to``. ``TeamsBot`` routes by an explicit table, activity type -> ``on_*``
hook; every inbound activity refreshes the stored conversation reference first. A message gets
typing at once and its answer within the turn when the dialog finishes inside the reply deadline,
else proactively when it is done (see ``TeamsBot``).
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any

from bot.replies import invoke_body, message_json
from bot.sender import Sender
from bot.settings import Settings
from dialogs import texts
from dialogs.conversation import Conversation
from dialogs.turn import Mention, Reply, Scope, Turn, locale_language
from storage.conversations import ConversationRef
from storage.repository import Repository

log = logging.getLogger("referatbot.bot")

# Issue #5: a normal question is answered within the turn; slower work answers later, proactively.
REPLY_DEADLINE = 2.0  # seconds the turn waits for the dialog before answering the HTTP request
SHUTDOWN_GRACE = 5.0  # seconds ``TeamsBot.close`` lets late replies finish before cancelling them
SCOPES: dict[str, Scope] = {"personal": Scope.PERSONAL, "groupchat": Scope.GROUPCHAT, "channel": Scope.CHANNEL}
_AT_TAG = re.compile(r"</?at>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


# ---- Activity -> Turn ---------------------------------------------------------------------------


def activity_tenant(a: Mapping[str, Any]) -> str:
    """The tenant a Teams activity comes from: ``channelData.tenant.id`` (else the conversation's)."""
    return _str(_dict(_dict(a.get("channelData")).get("tenant")).get("id")) or _str(
        _dict(a.get("conversation")).get("tenantId")
    )


def conversation_key(a: Mapping[str, Any]) -> str:
    """The conversation an activity belongs to. A channel reply's id names its thread
    ("19:…@thread.tacv2;messageid=…"); follow-ups, reminders and proactive posts belong to the
    channel itself, so the thread part is dropped."""
    return _str(_dict(a.get("conversation")).get("id")).split(";messageid=", 1)[0]


def archive_tenant(a: Mapping[str, Any], settings: Settings) -> str:
    """The tenant key the store is asked with: always the conversation's own tenant when the bot
    talks to real Teams, so no tenant's data (minutes, follow-ups, reminders) reaches another. The
    archive is ingested under ``REFERATBOT_TENANT_ID``; other tenants' users see an empty one.

    Only in local anonymous mode (the emulator on this machine, no app id) and without
    ``REFERATBOT_TENANT_ID`` is everything stored, and asked for, under "".
    """
    if settings.tenant_id or not settings.anonymous:
        return activity_tenant(a)
    return ""


def scope_of(a: Mapping[str, Any]) -> Scope:
    """personal / groupChat / channel from ``conversation.conversationType`` (missing: personal)."""
    kind = _str(_dict(a.get("conversation")).get("conversationType")).lower()
    return SCOPES.get(kind, Scope.PERSONAL)


def message_text(a: Mapping[str, Any]) -> tuple[str, tuple[Mention, ...]]:
    """The text without the bot's own ``<at>…</at>`` span, and the other people mentioned.

    Only the span the mention entity names is removed (the bot's name elsewhere in the sentence
    stays); another person's ``<at>Name</at>`` becomes plain ``Name``. HTML entities are decoded,
    runs of spaces collapsed, and the result trimmed.
    """
    text = _str(a.get("text"))
    bot_id = _str(_dict(a.get("recipient")).get("id"))
    mentions: list[Mention] = []
    for entity in a.get("entities") or []:
        entity = _dict(entity)
        if _str(entity.get("type")).lower() != "mention":
            continue
        mentioned = _dict(entity.get("mentioned"))
        span = _str(entity.get("text"))
        if mentioned.get("id") == bot_id and bot_id:
            if span and span in text:
                text = text.replace(span, " ", 1)
            continue
        name = html.unescape(_AT_TAG.sub("", span)).strip() or _str(mentioned.get("name"))
        if span and span in text:
            text = text.replace(span, name, 1)
        if name:
            mentions.append(Mention(name=name, aad_object_id=_str(mentioned.get("aadObjectId")) or None))
    text = html.unescape(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line).strip(), tuple(mentions)


def card_action(a: Mapping[str, Any]) -> dict[str, Any] | None:
    """The data of a card button press (Action.Execute invoke or Action.Submit message), with its verb."""
    value = a.get("value")
    if a.get("type") == "invoke":
        action = _dict(_dict(value).get("action"))
        data = dict(_dict(action.get("data")))
        verb = action.get("verb") or data.get("verb")
        if isinstance(verb, str) and verb:
            data["verb"] = verb
        return data
    if isinstance(value, dict) and isinstance(value.get("verb"), str):
        return dict(value)
    return None


def may_read_confidential(a: Mapping[str, Any], settings: Settings) -> bool:
    """True only in a personal chat with a user on ``REFERATBOT_CONFIDENTIAL_READERS`` (or "*")."""
    if scope_of(a) is not Scope.PERSONAL:
        return False
    aad = _str(_dict(a.get("from")).get("aadObjectId"))
    readers = settings.confidential_readers
    return "*" in readers or (bool(aad) and aad in readers)


def turn_from_activity(a: Mapping[str, Any], *, now: datetime, settings: Settings) -> Turn:
    """The dialogs' view of a message or card action."""
    text, mentions = message_text(a)
    sender = _dict(a.get("from"))
    return Turn(
        text=text,
        now=now,
        scope=scope_of(a),
        tenant_id=archive_tenant(a, settings),
        conversation_id=conversation_key(a),
        user_id=_str(sender.get("aadObjectId")) or _str(sender.get("id")),
        user_name=_str(sender.get("name")),
        locale=_str(a.get("locale")) or "da-DK",
        mentions=mentions,
        action=card_action(a),
        may_read_confidential=may_read_confidential(a, settings),
    )


def conversation_ref(a: Mapping[str, Any], settings: Settings) -> ConversationRef | None:
    """What a later proactive post into this conversation needs; None without conversation/serviceUrl."""
    conversation = _dict(a.get("conversation"))
    channel_data = _dict(a.get("channelData"))
    sender, bot = _dict(a.get("from")), _dict(a.get("recipient"))
    conversation_id, service_url = conversation_key(a), _str(a.get("serviceUrl"))
    if not conversation_id or not service_url:
        return None
    kind = _str(conversation.get("conversationType")) or "personal"
    return ConversationRef(
        tenant_id=archive_tenant(a, settings),
        conversation_id=conversation_id,
        conversation_type=kind,
        service_url=service_url,
        bot_id=_str(bot.get("id")),
        channel_id=_str(a.get("channelId")) or "msteams",
        bot_name=_str(bot.get("name")) or None,
        team_id=_str(_dict(channel_data.get("team")).get("id")) or None,
        teams_channel_id=_str(_dict(channel_data.get("channel")).get("id")) or None,
        user_id=_str(sender.get("id")) or None,
        user_aad_id=_str(sender.get("aadObjectId")) or None,
        user_name=_str(sender.get("name")) or None,
        locale=_str(a.get("locale")) or None,
    )


def language_of(a: Mapping[str, Any]) -> str:
    """"en" for an English client (locale en-*), else "da"."""
    return locale_language(_str(a.get("locale")))


# ---- replies to the turn -------------------------------------------------------------------------


def in_reply_to(a: Mapping[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """``body`` (an activity's JSON) addressed as the answer to the inbound activity ``a``: into its
    conversation (a channel thread stays the thread), from the bot to the sender, replying to its id."""
    body["conversation"] = _dict(a.get("conversation"))
    body["from"] = _dict(a.get("recipient"))
    body["recipient"] = _dict(a.get("from"))
    body["channelId"] = _str(a.get("channelId"))
    body["serviceUrl"] = _str(a.get("serviceUrl"))
    if a.get("id"):
        body["replyToId"] = a["id"]
    if a.get("locale"):
        body["locale"] = a["locale"]
    return body


# ---- the handler --------------------------------------------------------------------------------

Post = Callable[[dict[str, Any]], Awaitable[None]]  # posts one activity (JSON) into the turn's conversation
Hook = Callable[[dict[str, Any], datetime, Post], Awaitable["dict[str, Any] | None"]]
Clock = Callable[[], datetime]


class TeamsBot:
    """Routes Teams activities to ``on_*`` hooks; the dialogs answer, this class sends.

    ``on_turn(a, post)`` takes the activity's JSON and a ``Post`` into its conversation, and returns
    the body of an invoke response (None for other activities). A redelivered activity id is dropped;
    every other activity refreshes the stored conversation reference first. A failing turn (a bug,
    the store being down) is logged with the activity id and answered with the apology.

    A message's dialog runs with a deadline (``reply_deadline`` seconds): finished in time, the reply
    goes out within the turn; not finished, the turn ends (the channel gets its 200) and the work goes
    on as a tracked task that posts the reply through ``sender`` into the stored conversation. Without
    a ``sender`` (or with ``reply_deadline=None``) every reply waits within the turn. ``close()``
    (application shutdown) lets the late replies finish for a grace period and cancels the rest.
    """

    WELCOME_KEY = "welcome"  # pseudo activity id: Teams sends installationUpdate and conversationUpdate both

    def __init__(self, repo: Repository, settings: Settings, clock: Clock, *, sender: Sender | None = None,
                 reply_deadline: float | None = REPLY_DEADLINE) -> None:
        self.repo = repo
        self.settings = settings
        self.clock = clock
        self.sender = sender
        self.reply_deadline = reply_deadline
        self.conversation = Conversation(repo)
        self.late: set[asyncio.Task[None]] = set()  # late replies still running
        self.hooks: dict[str, Hook] = {
            "message": self.on_message,
            "invoke": self.on_invoke,
            "installationUpdate": self.on_installation_update,
            "conversationUpdate": self.on_conversation_update,
        }

    def handles(self, activity_type: str | None) -> bool:
        """True when an activity of this type has a hook (others are acknowledged and dropped)."""
        return activity_type in self.hooks

    async def on_turn(self, a: dict[str, Any], post: Post) -> dict[str, Any] | None:
        """One inbound activity: redelivery check, conversation reference, then its hook."""
        hook = self.hooks.get(_str(a.get("type")))
        if hook is None:
            return None
        now = self.clock()
        try:
            activity_id = _str(a.get("id"))
            conversation_id = _str(_dict(a.get("conversation")).get("id"))
            # The activity's own tenant (not the archive key, which is "" on the emulator): two tenants'
            # activities never suppress each other, whatever ids their Teams happen to give them.
            if activity_id and not await self.repo.conversations.first_delivery(activity_tenant(a), conversation_id,
                                                                                activity_id, now=now):
                log.info("redelivered activity %s in %s: already answered", activity_id, conversation_id)
                return None
            ref = conversation_ref(a, self.settings)
            if ref is not None:
                await self.repo.conversations.save_conversation(ref, now=now)
            return await hook(a, now, post)
        except Exception as error:  # noqa: BLE001 - the user gets the apology, the operator the log
            log.error("turn failed: activity %s (%s) in conversation %s: %r", a.get("id"), a.get("type"),
                      _dict(a.get("conversation")).get("id"), error, exc_info=error)
            apology = Reply(text=texts.apology(language_of(a)))
            if a.get("type") == "invoke":
                return invoke_body(apology)
            if a.get("type") == "message":
                await self._post_quietly(post, in_reply_to(a, message_json(apology)), "the apology")
            return None

    @staticmethod
    async def _post_quietly(post: Post, body: dict[str, Any], what: str) -> None:
        try:
            await post(body)
        except Exception as exc:  # noqa: BLE001 - the channel itself may be the problem
            log.error("could not post %s into %s: %r", what, _dict(body.get("conversation")).get("id"), exc)

    async def on_message(self, a: dict[str, Any], now: datetime, post: Post) -> None:
        """A chat message or an Action.Submit press: typing at once, then the answer (late if slow)."""
        # Typing goes out while the dialog works; the answer waits for it, so the order holds.
        typing = asyncio.ensure_future(self._post_quietly(post, in_reply_to(a, {"type": "typing"}), "typing"))
        try:
            await self._answer(a, now, post, typing)
        finally:
            if not typing.done():
                await typing

    async def _answer(self, a: dict[str, Any], now: datetime, post: Post, typing: asyncio.Future[None]) -> None:
        turn = turn_from_activity(a, now=now, settings=self.settings)
        if not turn.text and turn.action is None:
            return  # an empty message (only an @mention): nothing to answer
        ref = conversation_ref(a, self.settings)
        if self.sender is None or self.reply_deadline is None or ref is None:
            reply = await self.conversation.handle(turn)
            await typing
            await post(in_reply_to(a, message_json(reply)))
            return
        work = asyncio.ensure_future(self.conversation.handle(turn))
        try:
            done, _ = await asyncio.wait({work}, timeout=self.reply_deadline)
        except asyncio.CancelledError:
            work.cancel()  # the request itself was cancelled: nobody waits for the answer
            raise
        if work in done:
            await typing
            await post(in_reply_to(a, message_json(work.result())))  # a failure here: on_turn apologises
            return
        log.info("activity %s: the answer takes longer than %.1f s, it follows proactively", a.get("id"),
                 self.reply_deadline)
        self._track(self._reply_late(work, ref, _str(a.get("id")), language_of(a)))

    def _track(self, coroutine: Awaitable[None]) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(coroutine)
        self.late.add(task)
        task.add_done_callback(self.late.discard)

    async def _reply_late(self, work: asyncio.Future[Reply], ref: ConversationRef, activity_id: str,
                          lang: str) -> None:
        """Wait for a slow dialog and post its reply (or the apology) into the stored conversation."""
        try:
            reply = await work
        except asyncio.CancelledError:
            work.cancel()
            raise
        except Exception:
            log.exception("turn failed: activity %s in conversation %s (answered late)", activity_id,
                          ref.conversation_id)
            reply = Reply(text=texts.apology(lang))
        stored = await self._stored_ref(ref)
        if stored is None:
            log.info("activity %s: conversation %s is no longer active; late reply dropped", activity_id,
                     ref.conversation_id)
            return
        assert self.sender is not None  # a late reply is only started with a sender
        try:
            await self.sender.send(stored, reply)
        except Exception as exc:  # noqa: BLE001 - SendError, or the channel itself failing
            log.error("could not post the late reply to activity %s in %s: %r", activity_id,
                      ref.conversation_id, exc)

    async def _stored_ref(self, ref: ConversationRef) -> ConversationRef | None:
        """The conversation's stored reference (the newest serviceUrl); None once it is deactivated."""
        try:
            stored = await self.repo.conversations.conversation(ref.tenant_id, ref.conversation_id)
        except Exception as exc:  # noqa: BLE001 - the store being down must not lose the answer
            log.warning("conversation %s could not be read (%r): replying to the turn's reference",
                        ref.conversation_id, exc)
            return ref
        if stored is None:
            return ref
        return stored if stored.active else None

    async def close(self, grace: float = SHUTDOWN_GRACE) -> None:
        """Application shutdown: let late replies finish for ``grace`` seconds, cancel the rest."""
        pending = set(self.late)
        if not pending:
            return
        _, still = await asyncio.wait(pending, timeout=grace)
        for task in still:
            task.cancel()
        if still:
            log.warning("shutdown: %d late replies cancelled", len(still))
        await asyncio.gather(*pending, return_exceptions=True)

    async def on_invoke(self, a: dict[str, Any], now: datetime, post: Post) -> dict[str, Any]:
        """``adaptiveCard/action`` runs the dialog and answers with a card; other invokes get 200 and nothing."""
        if a.get("name") != "adaptiveCard/action":
            return {}
        turn = turn_from_activity(a, now=now, settings=self.settings)
        try:
            reply = await self.conversation.handle(turn)
        except Exception:
            log.exception("card action failed: activity %s", a.get("id"))
            reply = Reply(text=texts.apology(language_of(a)))
        return invoke_body(reply)

    async def on_installation_update(self, a: dict[str, Any], now: datetime, post: Post) -> None:
        """Install: the welcome. Uninstall: the conversation is no longer reachable."""
        action = _str(a.get("action"))
        if action.startswith("add"):
            await self._welcome(a, now, post)
        elif action.startswith("remove"):
            await self.repo.conversations.deactivate_conversation(archive_tenant(a, self.settings),
                                                    _str(_dict(a.get("conversation")).get("id")))

    async def on_conversation_update(self, a: dict[str, Any], now: datetime, post: Post) -> None:
        """The bot added to a chat or team: the welcome; the bot removed: deactivate."""
        bot_id = _str(_dict(a.get("recipient")).get("id"))

        def has_bot(key: str) -> bool:
            return any(_dict(m).get("id") == bot_id for m in a.get(key) or [])

        if bot_id and has_bot("membersAdded"):
            await self._welcome(a, now, post)
        elif bot_id and has_bot("membersRemoved"):
            await self.repo.conversations.deactivate_conversation(archive_tenant(a, self.settings),
                                                    _str(_dict(a.get("conversation")).get("id")))

    async def _welcome(self, a: dict[str, Any], now: datetime, post: Post) -> None:
        conversation_id = _str(_dict(a.get("conversation")).get("id"))
        if conversation_id and not await self.repo.conversations.first_delivery(activity_tenant(a), conversation_id,
                                                                                self.WELCOME_KEY, now=now):
            return  # already welcomed a moment ago by the twin event
        await post(in_reply_to(a, message_json(Reply(text=texts.welcome_text(language_of(a))))))
