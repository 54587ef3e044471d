"""Proactive delivery: the ``Sender`` seam, Teams' retry rules and per-conversation pacing.

Teams throttles a bot per conversation (at most 7 messages a second and 60 in 30 seconds) and answers
429 with ``Retry-After`` when it is pushed; 412/502/503/504 are passing too. The rules here are pure
functions of time (``retry_delay``, ``ConversationPacer.reserve``); ``PacedSender`` applies them with an
injected clock and sleep, so tests never sleep. The POST itself is ``bot.connector.Connector.post``
(used by ``bot.adapter.BotSender`` in production and ``bot.connector.ConnectorSender`` in tests and
the bench); it reads ``Retry-After`` with ``parse_retry_after``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from typing import Protocol

from dialogs.turn import Reply
from storage.conversations import ConversationRef

log = logging.getLogger(__name__)

RETRYABLE = frozenset({412, 429, 502, 503, 504})
GONE = 403  # the bot was removed from the conversation (or the user blocked it)


class SendError(Exception):
    """Delivery failed: the HTTP ``status`` (0: no answer at all) and the server's ``Retry-After`` in seconds."""

    def __init__(self, status: int, retry_after: float | None = None, message: str = "") -> None:
        self.status = status
        self.retry_after = retry_after
        super().__init__(message or f"send failed with HTTP {status}")

    @property
    def retryable(self) -> bool:
        """A passing failure worth another try (throttling, gateway trouble, no connection)."""
        return self.status in RETRYABLE or self.status == 0

    @property
    def gone(self) -> bool:
        """The bot may no longer post here."""
        return self.status == GONE


class Sender(Protocol):
    """Posts one reply into a stored conversation; raises ``SendError`` when it could not."""

    async def send(self, ref: ConversationRef, reply: Reply) -> None:
        """Deliver ``reply`` to the conversation ``ref`` names."""
        ...


# ---- retry policy ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetryPolicy:
    """Capped exponential backoff with full jitter; ``Retry-After`` wins when it asks for longer."""

    base: float = 2.0  # seconds before the first retry (before jitter)
    cap: float = 300.0  # no backoff grows beyond this
    max_attempts: int = 6  # attempts in all, the first included


def retry_delay(policy: RetryPolicy, attempt: int, error: SendError, jitter: float) -> float | None:
    """Seconds to wait before attempt ``attempt + 1``, or None to give up.

    ``attempt`` counts attempts made so far (1 after the first failure); ``jitter`` is a number in
    [0, 1) (random in production, fixed in tests). Half the backoff is kept and half is jittered, so
    retries spread out but never collapse to zero; a ``Retry-After`` is honoured as a floor.
    """
    if not error.retryable or attempt >= policy.max_attempts:
        return None
    backoff = min(policy.cap, policy.base * 2 ** (attempt - 1))
    delay = backoff / 2 + jitter * backoff / 2
    if error.retry_after is not None:
        delay = max(delay, error.retry_after)
    return delay


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds of a ``Retry-After`` header: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


# ---- pacing ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limit:
    """At most ``count`` messages in any window of ``seconds``."""

    count: int
    seconds: float


TEAMS_LIMITS = (Limit(7, 1.0), Limit(60, 30.0))


class ConversationPacer:
    """Sliding-window rate limits per conversation; time is an argument (seconds on any monotonic scale).

    ``reserve`` books the earliest moment a message may go and returns it; the caller waits until then.
    Bookings are never in the past of earlier bookings, so the windows hold for every conversation.
    """

    def __init__(self, limits: tuple[Limit, ...] = TEAMS_LIMITS, *, margin: float = 0.1) -> None:
        self.limits = limits
        self.margin = margin  # clock skew between us and Teams; a little slack costs nothing
        self._sent: dict[str, deque[float]] = {}
        self._longest = max(limit.seconds for limit in limits)

    def reserve(self, conversation_id: str, now: float) -> float:
        """Book a message in ``conversation_id``: the earliest moment ≥ ``now`` it stays within every limit."""
        booked = self._sent.setdefault(conversation_id, deque())
        while booked and booked[0] <= now - self._longest - self.margin:
            booked.popleft()
        at = max(now, booked[-1] if booked else now)
        for limit in self.limits:
            if len(booked) >= limit.count:
                at = max(at, booked[-limit.count] + limit.seconds + self.margin)
        booked.append(at)
        return at

    def forget_idle(self, now: float) -> None:
        """Drop conversations with nothing booked inside the longest window (bounded memory)."""
        for key in [k for k, v in self._sent.items() if not v or v[-1] <= now - self._longest - self.margin]:
            del self._sent[key]


class PacedSender:
    """A ``Sender`` that keeps each conversation within Teams' limits before handing on to ``inner``."""

    FORGET_EVERY = 256  # sends between sweeps of idle conversations out of the pacer (bounded memory)

    def __init__(self, inner: Sender, pacer: ConversationPacer, *, clock: Callable[[], float],
                 sleep: Callable[[float], Awaitable[None]]) -> None:
        self.inner = inner
        self.pacer = pacer
        self.clock = clock
        self.sleep = sleep
        self._sends = 0

    async def send(self, ref: ConversationRef, reply: Reply) -> None:
        """Wait for the conversation's next free slot, then send."""
        now = self.clock()
        self._sends += 1
        if self._sends % self.FORGET_EVERY == 0:
            self.pacer.forget_idle(now)
        at = self.pacer.reserve(ref.conversation_id, now)
        if at > now:
            await self.sleep(at - now)
        await self.inner.send(ref, reply)
