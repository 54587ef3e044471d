"""What the dialogs layer sees of a conversation: a ``Turn`` in, a ``Reply`` out. No Bot Framework types."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from dialogs import texts


class Scope(str, enum.Enum):
    """Where a message was written. Closed items never reach GROUPCHAT or CHANNEL."""

    PERSONAL = "personal"
    GROUPCHAT = "groupchat"
    CHANNEL = "channel"


class Intent(str, enum.Enum):
    """What a message asks for. Values are the ``intent`` field of ``ask --json``."""

    DECISIONS = "decisions"
    CASE = "case"
    ADD_FOLLOWUP = "add_followup"
    LIST_FOLLOWUPS = "list_followups"
    CLOSE_FOLLOWUP = "close_followup"
    NEXT_MEETING = "next_meeting"
    SUBSCRIBE = "subscribe"
    UNSUBSCRIBE = "unsubscribe"
    LIST_SUBSCRIPTIONS = "list_subscriptions"
    FOLLOW = "follow"
    UNFOLLOW = "unfollow"
    LIST_FOLLOWS = "list_follows"
    HELP = "help"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Mention:
    """A Teams @mention of a person in the message (the bot's own mention is removed before)."""

    name: str
    aad_object_id: str | None = None


@dataclass(frozen=True)
class Turn:
    """One inbound message, already stripped of the bot's @mention and trimmed."""

    text: str
    now: datetime
    scope: Scope = Scope.PERSONAL
    tenant_id: str = ""
    conversation_id: str = "cli"
    user_id: str = "cli-user"  # AAD object id where Teams gives one
    user_name: str = ""
    locale: str = "da-DK"
    mentions: tuple[Mention, ...] = ()
    # Card action payload (Action.Execute / Action.Submit data), when the turn is a button press.
    action: dict[str, Any] | None = None
    # True when the user may see closed ("Lukket") items in personal scope (allow-list; the CLI user is).
    may_read_confidential: bool = False


@dataclass(frozen=True)
class Reply:
    """What the bot answers: plain text (always, as the fallback) and an optional Adaptive Card (a dict)."""

    text: str
    card: dict[str, Any] | None = None
    intent: Intent = Intent.UNKNOWN
    data: dict[str, Any] = field(default_factory=dict)  # the machine-readable answer (``ask --json``)


def locale_language(locale: str | None) -> str:
    """The client's language when the bot speaks it ("en" for en-*), else Danish: Danish first."""
    return texts.known((locale or "").split("-")[0].lower()) or texts.DEFAULT_LANGUAGE


def language(turn: Turn) -> str:
    """The language of the client the turn came from (a recognised message carries its own: ``Recognition.lang``)."""
    return locale_language(turn.locale)
