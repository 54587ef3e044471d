"""Following: new documents matched against follows by the scheduler, one card per subscriber per batch.

Real store (SQLite and PostgreSQL); the only fake is the network edge (a recording ``Sender``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.scheduler import Scheduler
from bot.sender import SendError
from minutes.model import AgendaItem, DocumentType, Meeting, Outcome
from storage.follows import SETTLE
from storage.repository import Repository
from test_scheduler import RecordingSender, ref

CPH = ZoneInfo("Europe/Copenhagen")
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=CPH)  # a Monday


def minutes(d: date, kind: str = "Rådmandsmøde", *, doc: DocumentType = DocumentType.MINUTES,
            items: tuple[AgendaItem, ...] | None = None, source: str | None = None,
            closed_meeting: bool = False) -> Meeting:
    decided = doc is DocumentType.MINUTES
    items = items or (
        AgendaItem("1", "Frisættelse af ældreplejen", ("Dorthe Høgh",), decision="Rådmanden godkendte forsøget med "
                   "frisættelse i to lokalområder.\nEvaluering i 2027." if decided else "",
                   outcome=Outcome.DECIDED if decided else Outcome.NONE),
        AgendaItem("2", "Budget 2027", (), decision="Drøftet." if decided else "",
                   outcome=Outcome.DISCUSSED if decided else Outcome.NONE),
        AgendaItem("3", "Personalesag om frisættelse", (), decision="Lukket punkt.", confidential=True),
    )
    return Meeting(source=source or f"{kind}-{d}-{doc.value}.txt", kind=kind, title=f"{kind} {d}", date=d,
                   document_type=doc, meeting_kind=kind, start=time(8, 30), items=items,
                   confidential=closed_meeting)


async def follow(repo: Repository, conversation_id: str, kind: str, text: str, *, user: str | None = None,
                 tenant: str = "t1", digest_hour: int | None = None, when: datetime = T0) -> int:
    if user is None:
        await repo.conversations.save_conversation(ref(conversation_id), now=when)
    made, _ = await repo.follows.follow(tenant, conversation_id, user, kind, text, lang="da",
                                        digest_hour=digest_hour, now=when)
    return made.id


def sent_to(sender: RecordingSender, conversation_id: str) -> list[str]:
    return [reply.text for conv, reply in sender.sent if conv == conversation_id]


async def test_a_channel_gets_one_card_for_its_topic_and_committee_matches_and_never_again(repo: Repository) -> None:
    await follow(repo, "19:chan", "topic", "frisættelse")
    await follow(repo, "19:chan", "committee", "Rådmandsmøde")
    await follow(repo, "19:other", "committee", "Chefteammøde")
    await repo.documents.ingest(minutes(date(2026, 5, 8)), tenant_id="t1", now=T0 + timedelta(hours=1))
    sender = RecordingSender()
    scheduler = Scheduler(repo, sender, worker="a")
    report = await scheduler.tick(T0 + timedelta(hours=2))
    assert report.sent == 1
    [card] = sent_to(sender, "19:chan")
    assert "Punkt 1: Frisættelse af ældreplejen" in card and "Punkt 2: Budget 2027" in card
    assert "Rådmanden godkendte forsøget" in card and "Besluttet" in card
    assert "Følger: emnet frisættelse, Rådmandsmøde" in card
    assert "Personalesag" not in card and "Lukket" not in card  # closed: not even a count
    assert sent_to(sender, "19:other") == []
    [(_, reply)] = sender.sent
    stop_verbs = [a["data"] for a in reply.card["actions"]]  # type: ignore[index]
    assert {d["verb"] for d in stop_verbs} == {"follows.stop"} and len(stop_verbs) == 2
    assert (await scheduler.tick(T0 + timedelta(hours=3))).sent == 0
    again = Scheduler(Repository(repo.db), sender, worker="b")  # a restart: a new process on the same store
    assert (await again.tick(T0 + timedelta(days=1))).sent == 0
    assert len(sender.sent) == 1


async def test_an_agenda_says_on_the_agenda_and_its_minutes_later_say_what_was_decided(repo: Repository) -> None:
    await follow(repo, "19:chan", "topic", "frisættelse")
    sender = RecordingSender()
    scheduler = Scheduler(repo, sender, worker="a")
    await repo.documents.ingest(minutes(date(2026, 5, 8), doc=DocumentType.AGENDA), tenant_id="t1", now=T0 + timedelta(hours=1))
    await scheduler.tick(T0 + timedelta(hours=2))
    [agenda] = sent_to(sender, "19:chan")
    assert "På dagsordenen den fredag den 8. maj 2026" in agenda and "Budget" not in agenda
    await repo.documents.ingest(minutes(date(2026, 5, 8)), tenant_id="t1", now=T0 + timedelta(days=5))
    await scheduler.tick(T0 + timedelta(days=5, hours=1))
    assert len(sent_to(sender, "19:chan")) == 2
    assert "Besluttet" in sent_to(sender, "19:chan")[1] and "godkendte forsøget" in sent_to(sender, "19:chan")[1]


async def test_a_personal_follow_goes_to_the_persons_chat_and_tenants_stay_apart(repo: Repository) -> None:
    await repo.conversations.save_conversation(ref("a:personal", "personal", aad="aad-1"), now=T0)
    await follow(repo, "a:personal", "topic", "frisættelse", user="aad-1")
    await follow(repo, "19:t2", "topic", "frisættelse", tenant="t2")
    await repo.documents.ingest(minutes(date(2026, 5, 8)), tenant_id="t1", now=T0 + timedelta(hours=1))
    sender = RecordingSender()
    await Scheduler(repo, sender, worker="a").tick(T0 + timedelta(hours=2))
    [card] = sent_to(sender, "a:personal")
    assert card.startswith("Nyt om det, du følger") and "Personalesag" not in card
    assert sent_to(sender, "19:t2") == []


async def test_a_closed_meeting_and_documents_stored_before_the_follow_never_notify(repo: Repository) -> None:
    await repo.documents.ingest(minutes(date(2026, 4, 3), source="old.txt"), tenant_id="t1", now=T0 - timedelta(days=30))
    await follow(repo, "19:chan", "committee", "Rådmandsmøde")
    await repo.documents.ingest(minutes(date(2026, 5, 8), closed_meeting=True), tenant_id="t1", now=T0 + timedelta(hours=1))
    sender = RecordingSender()
    report = await Scheduler(repo, sender, worker="a").tick(T0 + timedelta(hours=2))
    assert report.sent == 0 and sender.sent == []


async def test_the_bot_removed_ends_the_follows_delivered_there(repo: Repository) -> None:
    await follow(repo, "19:chan", "topic", "frisættelse")
    await repo.documents.ingest(minutes(date(2026, 5, 8)), tenant_id="t1", now=T0 + timedelta(hours=1))
    sender = RecordingSender(failures={"19:chan": [SendError(403, None, "bot removed")]})
    report = await Scheduler(repo, sender, worker="a").tick(T0 + timedelta(hours=2))
    assert report.failed == 1 and report.disabled == 1
    assert await repo.follows.follows("t1", "19:chan", None) == []


async def test_a_daily_digest_gathers_a_days_batches_into_one_morning_message(repo: Repository) -> None:
    await follow(repo, "19:chan", "committee", "Rådmandsmøde", digest_hour=8)
    sender = RecordingSender()
    scheduler = Scheduler(repo, sender, worker="a")
    await repo.documents.ingest(minutes(date(2026, 5, 8)), tenant_id="t1", now=T0 + timedelta(hours=1))
    await scheduler.tick(T0 + timedelta(hours=2))  # 11:00: matched, not sent
    await repo.documents.ingest(minutes(date(2026, 5, 15)), tenant_id="t1", now=T0 + timedelta(hours=3))
    await scheduler.tick(T0 + timedelta(hours=4))
    assert sender.sent == []
    await scheduler.tick(datetime(2026, 5, 5, 8, 0, tzinfo=CPH))
    [digest] = sent_to(sender, "19:chan")
    assert "8. maj 2026" in digest and "15. maj 2026" in digest
    await scheduler.tick(datetime(2026, 5, 6, 8, 0, tzinfo=CPH))
    assert len(sender.sent) == 1


async def test_a_stopped_follow_is_left_out_of_a_message_not_yet_sent(repo: Repository) -> None:
    await follow(repo, "19:chan", "topic", "frisættelse", digest_hour=8)
    await repo.documents.ingest(minutes(date(2026, 5, 8)), tenant_id="t1", now=T0 + timedelta(hours=1))
    sender = RecordingSender()
    scheduler = Scheduler(repo, sender, worker="a")
    await scheduler.tick(T0 + timedelta(hours=2))
    assert [f.text for f in await repo.follows.unfollow("t1", "19:chan", None, "frisættelse")] == ["frisættelse"]
    report = await scheduler.tick(datetime(2026, 5, 5, 8, 0, tzinfo=CPH))
    assert report.skipped == 1 and sender.sent == []


async def test_a_document_whose_ingest_committed_after_a_pass_is_still_matched(repo: Repository) -> None:
    await follow(repo, "19:chan", "committee", "Rådmandsmøde")
    await repo.documents.ingest(minutes(date(2026, 5, 8)), tenant_id="t1", now=T0 + timedelta(hours=1))
    first_pass = T0 + timedelta(hours=2)
    assert (await repo.follows.match_new(now=first_pass)).messages == 1
    assert await repo.follows.watermark() == first_pass - SETTLE
    # An ingest that began five minutes before that pass and committed after it:
    await repo.documents.ingest(minutes(date(2026, 5, 15)), tenant_id="t1", now=first_pass - timedelta(minutes=5))
    late = await repo.follows.match_new(now=first_pass + timedelta(minutes=1))
    assert late.documents == 1 and late.messages == 1
    assert (await repo.follows.match_new(now=first_pass + timedelta(hours=1))).documents == 0


async def test_the_watermark_stops_below_a_document_not_yet_matched(repo: Repository) -> None:
    await repo.documents.ingest(minutes(date(2026, 5, 8)), tenant_id="t1", now=T0 + timedelta(hours=1))
    await repo.follows._advance_watermark(T0 + timedelta(hours=3))  # no pass has matched the document
    mark = await repo.follows.watermark()
    assert mark is not None and mark < T0 + timedelta(hours=1)
    assert (await repo.follows.match_new(now=T0 + timedelta(hours=4))).documents == 1


async def test_a_replaced_document_is_matched_again_even_under_a_reused_id(repo: Repository) -> None:
    await follow(repo, "19:chan", "committee", "Rådmandsmøde")
    sender = RecordingSender()
    scheduler = Scheduler(repo, sender, worker="a")
    await repo.documents.ingest(minutes(date(2026, 5, 8), doc=DocumentType.AGENDA), tenant_id="t1", now=T0 + timedelta(hours=1))
    await scheduler.tick(T0 + timedelta(hours=2))
    await scheduler.tick(T0 + timedelta(days=1))  # the watermark passes the agenda
    await repo.documents.ingest(minutes(date(2026, 5, 8)), tenant_id="t1", now=T0 + timedelta(days=4))  # its minutes
    await scheduler.tick(T0 + timedelta(days=4, hours=1))
    assert len(sent_to(sender, "19:chan")) == 2


async def test_a_case_is_followed_through_every_system_that_prints_its_number(repo: Repository) -> None:
    await follow(repo, "19:chan", "case", "24/2316")
    items = (AgendaItem("13", "Ny rehabiliteringsindsats", (), decision="Anbefales.", outcome=Outcome.DECIDED,
                        case_number="EMN-2024-02316"),
             AgendaItem("14", "Anden sag", (), decision="Godkendt.", outcome=Outcome.DECIDED, case_number="24/2361"),
             AgendaItem("15", "Samme sag, lukket", (), confidential=True, case_number="24/2316"))
    await repo.documents.ingest(minutes(date(2026, 5, 8), "Økonomiudvalget", items=items), tenant_id="t1",
                                now=T0 + timedelta(hours=1))
    sender = RecordingSender()
    await Scheduler(repo, sender, worker="a").tick(T0 + timedelta(hours=2))
    [card] = sent_to(sender, "19:chan")
    assert "Punkt 13: Ny rehabiliteringsindsats" in card and "Følger: sag 24/2316" in card
    assert "Anden sag" not in card and "lukket" not in card
