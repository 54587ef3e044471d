"""The reminder scheduler: plans the outbox, claims due rows, has dialogs render them, sends them, marks the outcome.

``Scheduler.tick(now)`` is one pass and a plain method (tests call it with any ``now``); ``run`` is the
loop and the only place that reads the clock; ``scheduler_ctx`` runs that loop inside the aiohttp app
(create the task, ``yield``, cancel, await). All state is in the store, so any number of instances may
run against one PostgreSQL database: a row is claimed by exactly one of them, and a row claimed by an
instance that died is claimed again after the lease.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import random
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from aiohttp import web

from bot.sender import RetryPolicy, SendError, Sender, retry_delay
from dialogs.proactive import RENDERERS, Renderer, Skip
from dialogs.turn import Reply, locale_language
from storage.conversations import ConversationRef
from storage.follows import FOLLOW
from storage.reminders import OutboxEntry
from storage.repository import Repository

log = logging.getLogger(__name__)

LATE = timedelta(minutes=5)  # a reminder this far past its time is logged as sent late
PURGE_EVERY = timedelta(hours=1)  # retention deletes at most this often


@dataclass(frozen=True)
class TickReport:
    """What one pass did."""

    planned: int = 0
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0
    disabled: int = 0  # subscriptions turned off because the bot was removed (403)

    def __add__(self, other: "TickReport") -> "TickReport":
        return TickReport(*(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values())))


def worker_name() -> str:
    """A name for this instance's claims: host, process and a random suffix."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Scheduler:
    """Delivers due outbox rows through a ``Sender`` (which paces per conversation)."""

    def __init__(self, repo: Repository, sender: Sender, *, worker: str | None = None,
                 renderers: Mapping[str, Renderer] | None = None, policy: RetryPolicy = RetryPolicy(),
                 batch: int = 200, concurrency: int = 32, jitter: Callable[[], float] = random.random,
                 retention: timedelta | None = None) -> None:
        self.repo = repo
        self.retention = retention  # REFERATBOT_RETENTION_DAYS: older closed follow-ups and dialog state go
        self._purged_at: datetime | None = None
        self.sender = sender
        self.worker = worker or worker_name()
        self.renderers = dict(renderers if renderers is not None else RENDERERS)
        self.policy = policy
        self.batch = batch
        self.concurrency = concurrency
        self.jitter = jitter

    async def tick(self, now: datetime) -> TickReport:
        """Match new documents against the follows, plan reminders for meetings ahead, then deliver everything
        due at ``now`` until nothing is left; with a retention period, at most hourly, delete what has
        outlived it."""
        if self.retention is not None and (self._purged_at is None or now - self._purged_at >= PURGE_EVERY):
            purged = await self.repo.privacy.purge(before=now - self.retention)
            self._purged_at = now
            if purged.followups or purged.dialog_states:
                log.info("retention: deleted %s", purged)
        matched = await self.repo.follows.match_new(now=now)
        planned = (await self.repo.reminders.plan_reminders(now=now)).created
        if matched.documents:
            log.info("follows: %s", matched)
        report = TickReport(planned=planned + matched.messages)
        gate = asyncio.Semaphore(self.concurrency)
        # One rendering per distinct message in a tick: a meeting's agenda goes to every subscribed
        # conversation, and is read from the store once (the card depends on the entry, not the chat,
        # except for the chat's language).
        rendered: dict[tuple[Any, ...], asyncio.Future[Reply]] = {}

        async def render(entry: OutboxEntry, ref: ConversationRef) -> Reply:
            key = (entry.kind, entry.tenant_id, entry.followup_id, json.dumps(entry.payload, sort_keys=True),
                   locale_language(ref.locale))
            if key not in rendered:
                rendered[key] = asyncio.ensure_future(self.renderers[entry.kind](self.repo, entry, ref))
            return await asyncio.shield(rendered[key])

        async def one(entry: OutboxEntry) -> TickReport:
            async with gate:
                return await self._deliver(entry, now, render)

        while True:
            entries = await self.repo.reminders.claim_due(now=now, worker=self.worker, kinds=tuple(self.renderers),
                                                limit=self.batch)
            if not entries:
                return report
            report += TickReport(claimed=len(entries))
            for result in await asyncio.gather(*(one(e) for e in entries)):
                report += result

    async def _deliver(
        self, entry: OutboxEntry, now: datetime, render: Callable[[OutboxEntry, ConversationRef], Awaitable[Reply]]
    ) -> TickReport:
        repo, worker = self.repo, self.worker
        if entry.not_after is not None and now >= entry.not_after:
            log.warning("outbox %s (%s) skipped: its meeting started at %s, before it could be sent (due %s)",
                        entry.id, entry.dedupe_key, entry.not_after.isoformat(), entry.due_at.isoformat())
            await repo.reminders.mark_skipped(entry.id, worker=worker, reason="meeting already started")
            return TickReport(skipped=1)
        if entry.user_aad_id:
            ref = await repo.conversations.personal_conversation(entry.tenant_id, entry.user_aad_id)
        else:
            ref = await repo.conversations.conversation(entry.tenant_id, entry.conversation_id or "")
        if ref is None:
            log.warning("outbox %s failed: no stored conversation for %s", entry.id,
                        entry.user_aad_id or entry.conversation_id)
            await repo.reminders.mark_failed(entry.id, worker=worker, error="no stored conversation reference")
            return TickReport(failed=1)
        if not ref.active:
            await repo.reminders.mark_skipped(entry.id, worker=worker, reason="the bot was removed from the conversation")
            return TickReport(skipped=1)
        try:
            reply = await render(entry, ref)
        except Skip as skip:
            log.info("outbox %s skipped: %s", entry.id, skip)
            await repo.reminders.mark_skipped(entry.id, worker=worker, reason=str(skip))
            return TickReport(skipped=1)
        if now - entry.due_at > LATE:
            log.info("outbox %s sent late (due %s): the meeting has not started yet", entry.id, entry.due_at.isoformat())
        try:
            await self.sender.send(ref, reply)
        except SendError as error:
            return await self._failed(entry, ref, error, now)
        except Exception as exc:  # noqa: BLE001 - a bug or an outage must not lose the reminder
            log.exception("outbox %s: unexpected error while sending", entry.id)
            return await self._failed(entry, ref, SendError(0, None, f"{type(exc).__name__}: {exc}"), now)
        await repo.reminders.mark_sent(entry.id, worker=worker, now=now)
        return TickReport(sent=1)

    async def _failed(self, entry: OutboxEntry, ref: ConversationRef, error: SendError, now: datetime) -> TickReport:
        repo, worker = self.repo, self.worker
        if error.gone:
            log.warning("bot removed from conversation %s (HTTP 403): subscription %s disabled",
                        ref.conversation_id, entry.subscription_id)
            await repo.reminders.mark_failed(entry.id, worker=worker, error=f"403: bot removed: {error}")
            disabled = 0
            if entry.subscription_id is not None:
                await repo.reminders.disable_subscription(entry.subscription_id, "bot removed from the conversation (403)")
                disabled = 1
            if entry.kind == FOLLOW:  # the follows delivered there end with it
                disabled += await repo.follows.end_follows(
                    entry.tenant_id, conversation_id=entry.conversation_id, user_aad_id=entry.user_aad_id,
                    reason="bot removed from the conversation (403)")
            await repo.conversations.deactivate_conversation(ref.tenant_id, ref.conversation_id)
            return TickReport(failed=1, disabled=disabled)
        delay = retry_delay(self.policy, entry.attempts, error, self.jitter())
        if delay is None:
            log.error("outbox %s failed for good after %s attempts: %s", entry.id, entry.attempts, error)
            await repo.reminders.mark_failed(entry.id, worker=worker, error=str(error))
            return TickReport(failed=1)
        log.info("outbox %s: %s; retry in %.1f s", entry.id, error, delay)
        await repo.reminders.retry_later(entry.id, worker=worker, at=now + timedelta(seconds=delay), error=str(error))
        return TickReport(retried=1)

    async def run(self, *, interval: float = 15.0, sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        """Tick forever, every ``interval`` seconds; the only place that reads the clock. Errors are logged."""
        while True:
            try:
                report = await self.tick(datetime.now(timezone.utc))
                if report.claimed or report.planned:
                    log.info("scheduler tick: %s", report)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the database may be away for a moment; try again next tick
                log.exception("scheduler tick failed")
            await sleep(interval)


SCHEDULER = web.AppKey("scheduler", Scheduler)


async def scheduler_ctx(app: web.Application) -> AsyncIterator[None]:
    """``cleanup_ctx`` of the app: runs ``app[SCHEDULER]`` (set by ``create_app``) as a task while the app lives."""
    scheduler = app.get(SCHEDULER)
    if scheduler is None:
        log.warning("no scheduler configured: reminders are not sent by this instance")
        yield
        return
    task = asyncio.create_task(scheduler.run(), name="reminder-scheduler")
    yield
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
