"""The reminder scheduler with time as an argument: claiming, sending, retries, restart, catch-up, DST, pacing.

Runs on a real database (SQLite, and PostgreSQL when configured); the only fake is at the network
edge: a recording ``Sender``, or a loopback aiohttp Bot Connector stub.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.scheduler import SCHEDULER, Scheduler, TickReport, scheduler_ctx
from bot.connector import ConnectorSender
from bot.sender import (ConversationPacer, Limit, PacedSender, RetryPolicy, SendError,
                        parse_retry_after, retry_delay)
from dialogs.turn import Reply
from minutes.model import AgendaItem, DocumentType, FollowUp, Meeting, Outcome
from storage.conversations import ConversationRef
from minutes.calendar import working_days_before
from storage.reminders import reminder_due
from storage.repository import Repository

CPH = ZoneInfo("Europe/Copenhagen")
UTC = timezone.utc


def cph(*args: int) -> datetime:
    return datetime(*args, tzinfo=CPH)


def meeting(d: date, *, doc: DocumentType = DocumentType.AGENDA, kind: str = "Rådmandsmøde",
            start: time | None = time(8, 30), source: str | None = None, closed_item: bool = True,
            followups: tuple[FollowUp, ...] = ()) -> Meeting:
    decided = doc is DocumentType.MINUTES
    items = [
        AgendaItem("1", "Budget 2027", ("Jakob Søgaard",), time(8, 30), time(8, 45),
                   decision="Godkendt." if decided else "", outcome=Outcome.DECIDED if decided else Outcome.NONE,
                   followups=followups),
        AgendaItem("2", "Frisættelse", ("Dorthe Høgh", "Sara Wrange"), time(8, 45), time(9, 0)),
    ]
    if closed_item:
        items.append(AgendaItem("3", "Personalesag Hemmelig", (), time(9, 0), time(9, 15), confidential=True))
    return Meeting(source=source or f"{kind}-{d}-{doc.value}.txt", kind=kind, title=f"{kind} {d}", date=d,
                   document_type=doc, meeting_kind=kind, start=start, end=time(9, 30),
                   location="Rådhuset, vær. 489", items=tuple(items))


def ref(conversation_id: str, kind: str = "channel", *, locale: str = "da-DK",
        service_url: str = "https://smba.example/emea/", aad: str | None = None) -> ConversationRef:
    return ConversationRef(tenant_id="t1", conversation_id=conversation_id, conversation_type=kind,
                           service_url=service_url, bot_id="28:bot", locale=locale, user_aad_id=aad)


@dataclass
class RecordingSender:
    """The network edge: records what would have been posted; scripted failures per conversation."""

    sent: list[tuple[str, Reply]] = field(default_factory=list)
    failures: dict[str, list[SendError]] = field(default_factory=dict)

    async def send(self, r: ConversationRef, reply: Reply) -> None:
        queue = self.failures.get(r.conversation_id)
        if queue:
            raise queue.pop(0)
        self.sent.append((r.conversation_id, reply))


async def setup(repo: Repository, *, when: datetime, meetings: list[Meeting], subs: list[tuple[str, str | None]],
                **lead: object) -> None:
    for m in meetings:
        await repo.documents.ingest(m, tenant_id="t1", now=when)
    for conversation_id, kind in subs:
        await repo.conversations.save_conversation(ref(conversation_id), now=when)
        await repo.reminders.subscribe("t1", conversation_id, kind, now=when, **lead)  # type: ignore[arg-type]


# ---- pure rules ---------------------------------------------------------------------------------------


def test_default_lead_is_the_working_day_before_at_14_across_spring_dst() -> None:
    # Summer time starts Sunday 29 March 2026: Friday is CET (+1), the meeting Monday is CEST (+2).
    due = reminder_due(date(2026, 3, 30), time(8, 30), days_before=None, at=None, minutes_before=None)
    assert due == datetime(2026, 3, 27, 13, 0, tzinfo=UTC) == cph(2026, 3, 27, 14, 0)


def test_an_hour_before_a_meeting_in_the_last_week_of_october_is_wall_time() -> None:
    # Winter time starts Sunday 25 October 2026: Monday 26 October 08:30 is CET (+1).
    due = reminder_due(date(2026, 10, 26), time(8, 30), days_before=None, at=None, minutes_before=60)
    assert due == datetime(2026, 10, 26, 6, 30, tzinfo=UTC)
    friday = reminder_due(date(2026, 10, 26), time(8, 30), days_before=1, at="14:00", minutes_before=None)
    assert friday == datetime(2026, 10, 23, 12, 0, tzinfo=UTC)  # still CEST (+2) on the Friday


def test_working_days_skip_weekends_and_easter() -> None:
    assert working_days_before(date(2026, 4, 7), 1) == date(2026, 4, 1)  # Tue after Easter -> Wed before
    assert working_days_before(date(2026, 3, 30), 2) == date(2026, 3, 26)


@pytest.mark.parametrize(
    ("attempt", "status", "retry_after", "jitter", "expected"),
    [
        (1, 429, None, 0.0, 1.0),  # half of base 2 s kept
        (1, 429, None, 0.999999, 2.0),
        (3, 503, None, 0.5, 6.0),  # backoff 8: 4 + 0.5 * 4
        (1, 429, 30.0, 0.0, 30.0),  # Retry-After is a floor
        (10, 502, None, 1.0, None),  # too many attempts
        (5, 504, None, 0.0, 16.0),  # backoff 32 -> 16 .. 32 (cap 300 not reached)
        (2, 404, None, 0.0, None),  # not a passing failure
        (2, 412, None, 0.0, 2.0),
    ],
)
def test_retry_delay_backs_off_with_jitter_and_honours_retry_after(
    attempt: int, status: int, retry_after: float | None, jitter: float, expected: float | None
) -> None:
    got = retry_delay(RetryPolicy(base=2.0, cap=300.0, max_attempts=6), attempt, SendError(status, retry_after), jitter)
    assert got == (pytest.approx(expected, abs=1e-3) if expected is not None else None)


def test_retry_delay_is_capped() -> None:
    policy = RetryPolicy(base=2.0, cap=10.0, max_attempts=50)
    assert retry_delay(policy, 40, SendError(503), 0.999) <= 10.0


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2026, 3, 27, 13, 0, tzinfo=UTC)
    assert parse_retry_after("7", now) == 7.0
    assert parse_retry_after("Fri, 27 Mar 2026 13:00:30 GMT", now) == 30.0
    assert parse_retry_after("soon", now) is None


def test_pacer_keeps_every_conversation_within_teams_limits() -> None:
    pacer = ConversationPacer()
    slots = [pacer.reserve("a", 0.0) for _ in range(150)]
    other = pacer.reserve("b", 0.0)
    assert other == 0.0  # conversations do not wait for each other
    assert slots[:7] == [0.0] * 7 and slots[7] > 1.0
    for i, t in enumerate(slots):
        assert sum(1 for s in slots if t - 1.0 < s <= t) <= 7, i
        assert sum(1 for s in slots if t - 30.0 < s <= t) <= 60, i
    assert slots[60] >= 30.0  # the 61st message waits for the 30-second window


async def test_paced_sender_waits_through_the_injected_sleep() -> None:
    clock = [100.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    inner = RecordingSender()
    paced = PacedSender(inner, ConversationPacer((Limit(2, 1.0),), margin=0.0), clock=lambda: clock[0], sleep=sleep)
    for _ in range(5):
        await paced.send(ref("c"), Reply("x"))
    assert len(inner.sent) == 5
    assert slept == [1.0, 1.0]  # two go at once, the third waits a second; asyncio never slept
    assert clock[0] == 102.0


async def test_paced_sender_forgets_idle_conversations_so_its_memory_stays_bounded() -> None:
    clock = [0.0]

    async def sleep(seconds: float) -> None:
        clock[0] += seconds

    pacer = ConversationPacer()
    paced = PacedSender(RecordingSender(), pacer, clock=lambda: clock[0], sleep=sleep)
    for n in range(PacedSender.FORGET_EVERY - 1):
        await paced.send(ref(f"c{n}"), Reply("x"))
    clock[0] += 60.0  # every one of them idle for longer than the longest window
    await paced.send(ref("last"), Reply("x"))
    assert len(pacer._sent) <= 1


# ---- the scheduler on a real database -----------------------------------------------------------------


async def test_a_due_reminder_is_sent_once_with_the_agenda_and_never_again(repo: Repository) -> None:
    monday = date(2026, 3, 30)
    await setup(repo, when=cph(2026, 3, 20, 9), meetings=[meeting(monday)], subs=[("chan", "Rådmandsmøde")])
    sender = RecordingSender()
    scheduler = Scheduler(repo, sender, worker="w1", jitter=lambda: 0.0)

    early = await scheduler.tick(cph(2026, 3, 27, 13, 59))
    assert early == TickReport(planned=1)
    assert sender.sent == []
    report = await scheduler.tick(cph(2026, 3, 27, 14, 0))
    assert (report.claimed, report.sent) == (1, 1)
    again = await scheduler.tick(cph(2026, 3, 27, 14, 5))
    assert again.claimed == 0 and len(sender.sent) == 1
    conversation_id, reply = sender.sent[0]
    assert conversation_id == "chan"
    assert "Rådmandsmøde" in reply.text and "mandag den 30. marts 2026" in reply.text
    assert "Rådhuset, vær. 489" in reply.text and "Budget 2027" in reply.text and "Dorthe Høgh" in reply.text
    assert "Hemmelig" not in reply.text and "Hemmelig" not in str(reply.card)  # closed item never in a channel
    assert reply.card is not None and reply.card["type"] == "AdaptiveCard"
    assert await repo.reminders.outbox_counts() == {"sent": 1}


async def test_one_meeting_for_many_conversations_is_read_from_the_store_once_a_tick(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monday = date(2026, 3, 30)
    subs = [(f"chan{n}", "Rådmandsmøde") for n in range(5)]
    await setup(repo, when=cph(2026, 3, 20, 9), meetings=[meeting(monday)], subs=subs)
    reads: list[tuple[str, date]] = []
    agenda = repo.reminders.agenda

    async def counting_agenda(tenant_id: str, kind: str, day: date):  # type: ignore[no-untyped-def]
        reads.append((kind, day))
        return await agenda(tenant_id, kind, day)

    monkeypatch.setattr(repo.reminders, "agenda", counting_agenda)
    sender = RecordingSender()
    report = await Scheduler(repo, sender, worker="w1", jitter=lambda: 0.0).tick(cph(2026, 3, 27, 14, 0))
    assert report.sent == 5
    assert sorted(c for c, _ in sender.sent) == [f"chan{n}" for n in range(5)]
    assert {r.text for _, r in sender.sent} == {sender.sent[0][1].text}  # the same agenda to each
    assert reads == [("Rådmandsmøde", monday)]


async def test_an_agenda_replaced_by_its_minutes_is_not_reminded_twice(repo: Repository) -> None:
    monday = date(2026, 3, 30)
    await setup(repo, when=cph(2026, 3, 20, 9), meetings=[meeting(monday)], subs=[("chan", None)])
    sender = RecordingSender()
    scheduler = Scheduler(repo, sender, worker="w1")
    await scheduler.tick(cph(2026, 3, 27, 14, 0))
    # A corrected agenda with a new start time arrives after the reminder went out.
    corrected = meeting(monday, start=time(10, 0), source="rm-2026-03-30-v2.txt")
    outcome = await repo.documents.ingest(corrected, tenant_id="t1", now=cph(2026, 3, 27, 15))
    assert outcome.status == "replaced"
    report = await scheduler.tick(cph(2026, 3, 29, 9, 0))
    assert report.planned == 0 and report.claimed == 0
    assert len(sender.sent) == 1


async def test_a_moved_meeting_moves_its_pending_reminder(repo: Repository) -> None:
    await setup(repo, when=cph(2026, 3, 20, 9), meetings=[meeting(date(2026, 3, 30))], subs=[("chan", None)],
                minutes_before=60)
    sender = RecordingSender()
    scheduler = Scheduler(repo, sender, worker="w1")
    await scheduler.tick(cph(2026, 3, 20, 10))
    await repo.documents.ingest(meeting(date(2026, 3, 30), start=time(12, 0), source="v2.txt"), tenant_id="t1",
                      now=cph(2026, 3, 21))
    assert (await scheduler.tick(cph(2026, 3, 30, 7, 30))).sent == 0  # the old time: nothing
    assert (await scheduler.tick(cph(2026, 3, 30, 11, 0))).sent == 1


async def test_two_workers_claiming_at_once_never_share_a_row(repo: Repository) -> None:
    monday = date(2026, 3, 30)
    await setup(repo, when=cph(2026, 3, 20, 9), meetings=[meeting(monday)],
                subs=[(f"c{i}", "Rådmandsmøde") for i in range(40)])
    await repo.reminders.plan_reminders(now=cph(2026, 3, 20, 10))
    now = cph(2026, 3, 27, 14)
    a, b = await asyncio.gather(repo.reminders.claim_due(now=now, worker="a", limit=25),
                                repo.reminders.claim_due(now=now, worker="b", limit=25))
    ids_a, ids_b = {e.id for e in a}, {e.id for e in b}
    assert not ids_a & ids_b
    assert len(ids_a | ids_b) == 40
    assert await repo.reminders.claim_due(now=now, worker="c") == []


async def test_a_reminder_claimed_by_an_instance_that_died_is_sent_after_the_lease(repo: Repository) -> None:
    await setup(repo, when=cph(2026, 3, 20, 9), meetings=[meeting(date(2026, 3, 30))], subs=[("chan", None)])
    await repo.reminders.plan_reminders(now=cph(2026, 3, 20, 10))
    crashed = await repo.reminders.claim_due(now=cph(2026, 3, 27, 14), worker="dead")
    assert len(crashed) == 1  # ... and the process died before sending
    sender = RecordingSender()
    restarted = Scheduler(repo, sender, worker="new")
    assert (await restarted.tick(cph(2026, 3, 27, 14, 5))).claimed == 0  # the claim is still fresh
    report = await restarted.tick(cph(2026, 3, 27, 14, 11))
    assert report.sent == 1 and len(sender.sent) == 1
    assert not await repo.reminders.mark_sent(crashed[0].id, worker="dead", now=cph(2026, 3, 27, 14, 12))  # too late


async def test_a_reminder_missed_while_down_is_sent_late_before_the_meeting_else_skipped(repo: Repository) -> None:
    await setup(repo, when=cph(2026, 10, 19, 9),
                meetings=[meeting(date(2026, 10, 26)), meeting(date(2026, 10, 27), kind="Chefteammøde")],
                subs=[("chan", None)])
    sender = RecordingSender()
    scheduler = Scheduler(repo, sender, worker="w1")
    await scheduler.tick(cph(2026, 10, 19, 9, 1))  # planned, then the bot is down for the weekend
    # Back Tuesday 27 October 08:00 (CET): Monday's Rådmandsmøde is over, the Chefteammøde 08:30 is not.
    report = await scheduler.tick(cph(2026, 10, 27, 8, 0))
    assert (report.sent, report.skipped) == (1, 1)
    assert [r.data["meeting"]["kind"] for _, r in sender.sent] == ["Chefteammøde"]
    assert await repo.reminders.outbox_counts() == {"sent": 1, "skipped": 1}


async def test_throttling_is_retried_after_retry_after_and_then_sent(repo: Repository) -> None:
    await setup(repo, when=cph(2026, 3, 20, 9), meetings=[meeting(date(2026, 3, 30))], subs=[("chan", None)])
    sender = RecordingSender(failures={"chan": [SendError(429, 30.0), SendError(503)]})
    scheduler = Scheduler(repo, sender, worker="w1", jitter=lambda: 0.0, policy=RetryPolicy(base=2.0))
    t0 = cph(2026, 3, 27, 14, 0)
    assert (await scheduler.tick(t0)).retried == 1
    assert (await scheduler.tick(t0 + timedelta(seconds=29))).claimed == 0  # Retry-After honoured
    assert (await scheduler.tick(t0 + timedelta(seconds=30))).retried == 1  # 503: backoff 4 s -> 2..4 s
    assert (await scheduler.tick(t0 + timedelta(seconds=31))).claimed == 0
    report = await scheduler.tick(t0 + timedelta(seconds=32))
    assert report.sent == 1 and len(sender.sent) == 1


async def test_gives_up_after_the_last_attempt(repo: Repository) -> None:
    await setup(repo, when=cph(2026, 3, 20, 9), meetings=[meeting(date(2026, 3, 30))], subs=[("chan", None)])
    sender = RecordingSender(failures={"chan": [SendError(502) for _ in range(10)]})
    scheduler = Scheduler(repo, sender, worker="w1", jitter=lambda: 0.0, policy=RetryPolicy(base=1.0, max_attempts=3))
    t = cph(2026, 3, 27, 14, 0)
    total = TickReport()
    for _ in range(6):
        total += await scheduler.tick(t)
        t += timedelta(minutes=1)
    assert (total.retried, total.failed, total.sent) == (2, 1, 0)
    assert await repo.reminders.outbox_counts() == {"failed": 1}


async def test_bot_removed_disables_the_subscription_and_the_conversation(repo: Repository) -> None:
    await setup(repo, when=cph(2026, 3, 20, 9),
                meetings=[meeting(date(2026, 3, 30)), meeting(date(2026, 4, 13))], subs=[("chan", None)])
    sender = RecordingSender(failures={"chan": [SendError(403)]})
    scheduler = Scheduler(repo, sender, worker="w1")
    report = await scheduler.tick(cph(2026, 3, 27, 14, 0))
    assert (report.failed, report.disabled) == (1, 1)
    assert await repo.reminders.subscriptions("t1", "chan") == []
    stored = await repo.conversations.conversation("t1", "chan")
    assert stored is not None and not stored.active
    later = await scheduler.tick(cph(2026, 4, 10, 14, 0))  # the next meeting's reminder is never planned
    assert later == TickReport() and sender.sent == []


async def test_open_followups_of_the_previous_meeting_are_on_the_card(repo: Repository) -> None:
    previous = meeting(date(2026, 3, 16), doc=DocumentType.MINUTES,
                       followups=(FollowUp("Økonomi sender notat", "Økonomi", date(2026, 3, 27)),))
    await setup(repo, when=cph(2026, 3, 20, 9), meetings=[previous, meeting(date(2026, 3, 30))],
                subs=[("chan", "Rådmandsmøde")])
    sender = RecordingSender()
    await Scheduler(repo, sender, worker="w1").tick(cph(2026, 3, 27, 14, 0))
    [(_, reply)] = sender.sent
    assert "Økonomi sender notat" in reply.text and "mandag den 16. marts 2026" in reply.text
    assert reply.data["meeting"]["open_followups"] == ["Økonomi sender notat"]


async def test_rows_of_a_kind_without_a_renderer_wait_pending(repo: Repository) -> None:
    await setup(repo, when=cph(2026, 3, 20, 9), meetings=[meeting(date(2026, 3, 30))], subs=[("chan", None)])
    scheduler = Scheduler(repo, RecordingSender(), worker="w1", renderers={})
    report = await scheduler.tick(cph(2026, 3, 27, 14, 0))
    assert report.claimed == 0
    assert await repo.reminders.outbox_counts() == {"pending": 1}


# ---- against a loopback Bot Connector stub -------------------------------------------------------------


@dataclass
class ConnectorStub:
    """Answers POST /v3/conversations/{id}/activities; the first ``throttle`` posts get 429 Retry-After 2."""

    throttle: int = 0
    posts: list[tuple[str, dict[str, object]]] = field(default_factory=list)

    async def activities(self, request: web.Request) -> web.Response:
        if self.throttle > 0:
            self.throttle -= 1
            return web.json_response({"error": "throttled"}, status=429, headers={"Retry-After": "2"})
        self.posts.append((request.match_info["conversation"], await request.json()))
        return web.json_response({"id": str(len(self.posts))}, status=201)


async def test_reminder_arrives_at_the_connector_as_a_card_with_text_fallback(repo: Repository) -> None:
    stub = ConnectorStub(throttle=1)
    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation}/activities", stub.activities)
    async with TestServer(app) as server, aiohttp.ClientSession() as http:
        service_url = str(server.make_url("/"))
        when = cph(2026, 3, 20, 9)
        await repo.documents.ingest(meeting(date(2026, 3, 30)), tenant_id="t1", now=when)
        await repo.conversations.save_conversation(ref("19:chan@thread.tacv2", service_url=service_url, locale="en-US"), now=when)
        await repo.reminders.subscribe("t1", "19:chan@thread.tacv2", None, now=when)
        scheduler = Scheduler(repo, ConnectorSender(http), worker="w1", jitter=lambda: 0.0)
        t0 = cph(2026, 3, 27, 14, 0)
        assert (await scheduler.tick(t0)).retried == 1  # 429 with Retry-After: 2
        assert (await scheduler.tick(t0 + timedelta(seconds=1))).claimed == 0
        assert (await scheduler.tick(t0 + timedelta(seconds=2))).sent == 1
    [(conversation, body)] = stub.posts
    assert conversation == "19:chan@thread.tacv2"
    assert body["type"] == "message" and "Monday 30 March 2026" in str(body["summary"])  # as a chat reply
    [attachment] = body["attachments"]  # type: ignore[misc]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert "Frisættelse" in str(attachment["content"]) and "Hemmelig" not in str(attachment["content"])


async def test_scheduler_runs_as_a_cleanup_ctx_task_and_stops_with_the_app(repo: Repository) -> None:
    ticked = asyncio.Event()

    class Probe(Scheduler):
        async def tick(self, now: datetime) -> TickReport:
            ticked.set()
            return await super().tick(now)

    app = web.Application()
    app[SCHEDULER] = Probe(repo, RecordingSender(), worker="w1")
    app.cleanup_ctx.append(scheduler_ctx)
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        await asyncio.wait_for(ticked.wait(), timeout=10)
    finally:
        await runner.cleanup()
    assert not [t for t in asyncio.all_tasks() if t.get_name() == "reminder-scheduler" and not t.done()]
