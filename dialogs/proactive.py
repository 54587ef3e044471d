"""What the reminder scheduler sends, rendered here: an outbox row in, a ``Reply`` out.

``RENDERERS`` maps an outbox kind to its renderer; the scheduler (``bot/scheduler.py``) claims only
rows of these kinds, so a kind without a renderer waits, pending. A renderer raises ``Skip`` when the
row must not go out (the meeting or the follow-up is gone, or was closed after the row was claimed).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from types import MappingProxyType

from dialogs import follows, texts
from dialogs.followups import render_reminder
from dialogs.reminders import render_agenda
from dialogs.turn import Reply, locale_language
from minutes.model import FollowUpStatus
from storage.conversations import ConversationRef
from storage.follows import FOLLOW
from storage.reminders import AGENDA, OutboxEntry
from storage.repository import Repository

FOLLOWUP_DUE = "followup_due"
FOLLOWUP_OVERDUE = "followup_overdue"

Renderer = Callable[[Repository, OutboxEntry, ConversationRef], Awaitable[Reply]]


class Skip(Exception):
    """A renderer's way to say "do not send this one" (the meeting is gone); the message is the reason."""


def entry_language(entry: OutboxEntry, ref: ConversationRef) -> str:
    """The language a row is sent in: the one it was asked for in (a subscription's), else the chat's client's."""
    return texts.known(entry.payload.get("lang")) or locale_language(ref.locale)


async def render_agenda_entry(repo: Repository, entry: OutboxEntry, ref: ConversationRef) -> Reply:
    """The agenda card of the meeting an ``agenda`` row names by kind and date (its minutes if re-ingested).

    Closed items never go out proactively, not even to a personal chat: the scheduler does not know
    the reader's clearance.
    """
    kind = str(entry.payload.get("meeting_kind") or "")
    day = date.fromisoformat(str(entry.payload.get("date")))
    view = await repo.reminders.agenda(entry.tenant_id, kind, day)
    if view is None:
        raise Skip(f"no stored meeting {kind} {day.isoformat()} any more")
    return render_agenda(view, entry_language(entry, ref), include_confidential=False, reminder=True)


async def render_followup_entry(repo: Repository, entry: OutboxEntry, ref: ConversationRef) -> Reply:
    """The owner's reminder of a follow-up due today (``followup_due``) or overdue (``followup_overdue``)."""
    found = await repo.followups.followup(entry.followup_id, tenant_id=entry.tenant_id) if entry.followup_id else None
    if found is None:
        raise Skip(f"follow-up {entry.followup_id} is gone")
    if found.status == FollowUpStatus.DONE:  # closed after this row was claimed
        raise Skip(f"follow-up {entry.followup_id} is already closed")
    return render_reminder(entry.kind, found, texts.DEFAULT_LANGUAGE)


async def render_follow_entry(repo: Repository, entry: OutboxEntry, ref: ConversationRef) -> Reply:
    """The card of a ``follow`` row: new items about what a person or a chat follows (one batch, or a digest)."""
    shown = await follows.matched_items(repo, entry)
    if not shown:
        raise Skip("no matched item is still stored and followed")
    return follows.render_follow(shown[:follows.CARD_ITEMS], entry_language(entry, ref),
                                 personal=entry.user_aad_id is not None,
                                 more=max(0, len(shown) - follows.CARD_ITEMS))


RENDERERS: Mapping[str, Renderer] = MappingProxyType({
    AGENDA: render_agenda_entry,
    FOLLOWUP_DUE: render_followup_entry,
    FOLLOWUP_OVERDUE: render_followup_entry,
    FOLLOW: render_follow_entry,
})
