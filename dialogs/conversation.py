"""The conversation: a ``Turn`` in, a ``Reply`` out, routed by explicit tables.

Order of routing: a card button (``Turn.action``) goes to ``ACTIONS`` by its verb; a message that
answers a question the bot asked (dialog state in the store) goes to ``PENDING`` by the state's kind;
anything else is recognised and goes to ``HANDLERS`` by intent.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from dialogs import cases, decisions, followups, follows, reminders, texts
from dialogs.recognizer import SLOT_TYPES, Recognition, recognize
from dialogs.slots import NoSlots, Slots
from dialogs.turn import Intent, Reply, Turn, language
from storage.privacy import ClosedItemShown
from storage.repository import Repository

S = TypeVar("S", bound=Slots)
ActionHandler = Callable[[Repository, Turn, Mapping[str, Any]], Awaitable[Reply]]
PendingHandler = Callable[[Repository, Turn, Mapping[str, Any]], Awaitable[Reply | None]]


@dataclass(frozen=True)
class Route(Generic[S]):
    """An intent's handler, called with that intent's slots (checked once, here) and the user's language."""

    handle: Callable[[Repository, Turn, S, str], Awaitable[Reply]]

    async def __call__(self, repo: Repository, turn: Turn, rec: Recognition) -> Reply:
        """Hand ``rec``'s slots to the handler; a recognition whose slots are not its intent's is a bug."""
        if not isinstance(rec.slots, SLOT_TYPES[rec.intent]):
            raise TypeError(f"{rec.intent.value}: slots {type(rec.slots).__name__}, expected "
                            f"{SLOT_TYPES[rec.intent].__name__}")
        return await self.handle(repo, turn, rec.slots, rec.lang)  # type: ignore[arg-type]


async def _help(repo: Repository, turn: Turn, slots: NoSlots, lang: str) -> Reply:
    return Reply(text=texts.help_text(lang), intent=Intent.HELP)


async def _unknown(repo: Repository, turn: Turn, slots: NoSlots, lang: str) -> Reply:
    return Reply(text=texts.not_understood(lang), intent=Intent.UNKNOWN)


HANDLERS: dict[Intent, Route[Any]] = {
    Intent.DECISIONS: Route(decisions.answer),
    Intent.CASE: Route(cases.answer),
    Intent.HELP: Route(_help),
    Intent.SUBSCRIBE: Route(reminders.subscribe),
    Intent.UNSUBSCRIBE: Route(reminders.unsubscribe),
    Intent.LIST_SUBSCRIPTIONS: Route(reminders.list_subscriptions),
    Intent.NEXT_MEETING: Route(reminders.next_meeting),
    Intent.ADD_FOLLOWUP: Route(followups.add),
    Intent.LIST_FOLLOWUPS: Route(followups.list_),
    Intent.CLOSE_FOLLOWUP: Route(followups.close),
    Intent.FOLLOW: Route(follows.follow),
    Intent.UNFOLLOW: Route(follows.unfollow),
    Intent.LIST_FOLLOWS: Route(follows.list_follows),
    Intent.UNKNOWN: Route(_unknown),
}

# Intents whose handler only reads: safe to start before it is known whether a pending question
# takes the message instead.
READ_ONLY: frozenset[Intent] = frozenset({Intent.DECISIONS, Intent.CASE, Intent.HELP})

ACTIONS: dict[str, ActionHandler] = {
    "decisions.more": decisions.more,
    "decisions.item": decisions.whole_item,
    followups.VERB_CLOSE: followups.close_button,
    followups.VERB_DUE: followups.due_button,
    followups.VERB_START: followups.start_button,
    followups.VERB_ANSWER_DUE: followups.answer_due_button,
    followups.VERB_ANSWER_TASK: followups.answer_task_button,
    follows.VERB_STOP: follows.stop_button,
    follows.VERB_FOLLOW_CASE: follows.follow_case_button,
}

# Dialog-state kind -> handler for the message that answers the bot's question. A handler may
# return None to say "that was not an answer": the message is then handled as a new one.
PENDING: dict[str, PendingHandler] = {
    followups.PENDING_DUE: followups.answer_due,
    followups.PENDING_TEXT: followups.answer_text,
}


def closed_items_shown(reply: Reply) -> list[ClosedItemShown]:
    """The closed ("Lukket") items a reply shows, read from its machine-readable answer: decision
    results and agenda items marked ``confidential`` (only ever there for an allowed reader)."""
    def day(value: Any) -> date | None:
        try:
            return date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    shown = [ClosedItemShown(str(r.get("source") or ""), day(r.get("meeting_date")), r.get("item_number"),
                             str(r.get("item_title") or ""))
             for r in reply.data.get("results") or [] if isinstance(r, dict) and r.get("confidential")]
    meeting = reply.data.get("meeting")
    if isinstance(meeting, dict):
        shown += [ClosedItemShown(str(meeting.get("source") or ""), day(meeting.get("date")), i.get("number"),
                                  str(i.get("title") or ""))
                  for i in meeting.get("items") or [] if isinstance(i, dict) and i.get("confidential")]
    return shown


class Conversation:
    """Answers turns from the store. Stateless itself: pending questions live in the store."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo

    async def meetings_ahead(self, turn: Turn) -> dict[str, Any]:
        """Meeting kind -> date of the next stored meeting of that kind (for "inden næste rådmandsmøde")."""
        return await self.repo.documents.next_meeting_dates(tenant_id=turn.tenant_id, after=turn.now.date())

    async def handle(self, turn: Turn) -> Reply:
        """The reply to one turn; a closed item it shows is recorded in the confidential-read audit."""
        reply = await self._reply(turn)
        shown = closed_items_shown(reply)
        if shown:
            await self.repo.privacy.record_reads(tenant_id=turn.tenant_id, user_id=turn.user_id,
                                                 user_name=turn.user_name or None,
                                                 conversation_id=turn.conversation_id, items=shown, now=turn.now)
        return reply

    async def _reply(self, turn: Turn) -> Reply:
        if turn.action is not None:
            verb = turn.action.get("verb")
            handler = ACTIONS.get(verb) if isinstance(verb, str) else None
            if handler is None:
                return Reply(text=texts.unknown_action(language(turn)), intent=Intent.UNKNOWN)
            return await handler(self.repo, turn, turn.action)
        # The pending-question lookup and (for a read-only intent) the answer itself run side by side:
        # a pending question is rare, and when there is one the speculative answer is dropped unread.
        state_lookup = asyncio.ensure_future(
            self.repo.conversations.pending_state(turn.tenant_id, turn.conversation_id, turn.user_id, now=turn.now)
        )
        rec = recognize(turn.text, turn.now)
        speculative = (
            asyncio.ensure_future(HANDLERS[rec.intent](self.repo, turn, rec)) if rec.intent in READ_ONLY else None
        )
        try:
            state = await state_lookup
            if state is not None and state.kind in PENDING:
                pending_reply = await PENDING[state.kind](self.repo, turn, state.payload)
                if pending_reply is not None:
                    return pending_reply
            if speculative is not None:
                reply = await speculative
            else:
                if rec.intent is Intent.ADD_FOLLOWUP:
                    # Only a follow-up's deadline can name a meeting ("inden næste rådmandsmøde"): look the
                    # stored meetings up for those alone, not on every question.
                    rec = recognize(turn.text, turn.now, meetings=await self.meetings_ahead(turn))
                intent_handler = HANDLERS[rec.intent]
                reply = await intent_handler(self.repo, turn, rec)
        finally:
            for task in (state_lookup, speculative):
                if task is not None and not task.done():
                    task.cancel()
        if reply.intent is Intent.UNKNOWN and rec.intent is not Intent.UNKNOWN:
            reply = Reply(reply.text, reply.card, rec.intent, reply.data)
        return reply
