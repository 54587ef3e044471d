"""Reminders in conversation: subscribe, list, stop, and "næste møde" answered from stored agendas."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dialogs.conversation import Conversation
from dialogs.reminders import render_agenda
from dialogs.turn import Intent, Scope, Turn
from minutes.model import AgendaItem, DocumentType, FollowUp, Meeting, Outcome
from storage.conversations import ConversationRef
from storage.reminders import AgendaView
from storage.repository import Repository

NOW = datetime(2026, 3, 20, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))  # a Friday


def agenda(d: date, kind: str = "Rådmandsmøde", *, closed_meeting: bool = False) -> Meeting:
    return Meeting(
        source=f"{kind}-{d}.txt", kind=kind, title=kind, date=d, document_type=DocumentType.AGENDA, meeting_kind=kind,
        start=time(8, 30), end=time(9, 30), location="Rådhuset, vær. 489", confidential=closed_meeting,
        items=(
            AgendaItem("1", "Status på studietur til Japan", ("Jakob Søgaard", "Ivan Kjær"), time(8, 30), time(8, 45)),
            AgendaItem("2", "Lukket: personalesag", (), time(8, 45), time(9, 0), confidential=True),
            AgendaItem("3", "Eventuelt", (), time(9, 15), time(9, 30)),
        ),
    )


async def converse(repo: Repository, lines: list[tuple[str, str]], *, scope: Scope = Scope.CHANNEL,
                   conversation_id: str = "19:chan@thread.tacv2", user: str = "aad-1") -> list[Intent]:
    """Says each line and checks the answer contains the expected text; returns the intents."""
    conversation = Conversation(repo)
    intents = []
    for said, expected in lines:
        reply = await conversation.handle(Turn(text=said, now=NOW, scope=scope, tenant_id="t1",
                                               conversation_id=conversation_id, user_id=user))
        assert expected in reply.text, (said, reply.text)
        intents.append(reply.intent)
    return intents


async def test_subscribe_list_change_and_stop_in_a_channel(repo: Repository) -> None:
    intents = await converse(repo, [
        ("hvilke påmindelser har vi?", "Der er ingen påmindelser her"),
        ("påmind os om rådmandsmøder dagen før kl. 14", "dagsordenen for rådmandsmøder her arbejdsdagen før kl. 14:00"),
        ("påmind os om chefteammøder en time før", "chefteammøder her 1 time før"),
        ("hvilke påmindelser har vi?", "- Rådmandsmøder: arbejdsdagen før kl. 14:00\n- Chefteammøder: 1 time før"),
        ("påmind os om rådmandsmøder 2 dage før kl. 9", "ændret påmindelsen om rådmandsmøder"),
        ("stop påmindelser om chefteammøder", "ingen flere påmindelser om chefteammøder"),
        ("hvilke påmindelser har vi?", "- Rådmandsmøder: 2 arbejdsdage før kl. 09:00"),
        ("stop påmindelser", "Stoppet"),
        ("hvilke påmindelser har vi?", "Der er ingen påmindelser her"),
    ])
    assert intents[1] is Intent.SUBSCRIBE and intents[5] is Intent.UNSUBSCRIBE
    assert await repo.reminders.subscriptions("t1", "19:chan@thread.tacv2") == []


async def test_english_subscription_in_a_channel(repo: Repository) -> None:
    await converse(repo, [
        ("remind this channel about Rådmandsmøde 1 day before", "the working day before at 14:00"),
        ("which reminders do we have", "Rådmandsmøde meetings: the working day before at 14:00"),
    ])


async def test_remind_me_in_a_channel_goes_to_the_personal_chat_or_asks_for_one(repo: Repository) -> None:
    await converse(repo, [("påmind mig om chefteammøder en time før", "Skriv til mig i en privat chat først")])
    await repo.conversations.save_conversation(ConversationRef("t1", "a:personal-1", "personal", "https://smba.example/", "28:bot",
                                                 user_aad_id="aad-1"), now=NOW)
    await converse(repo, [("påmind mig om chefteammøder en time før", "til dig i vores private chat 1 time før")])
    [sub] = await repo.reminders.subscriptions("t1", "a:personal-1")
    assert (sub.meeting_kind, sub.minutes_before) == ("Chefteammøde", 60)
    assert await repo.reminders.subscriptions("t1", "19:chan@thread.tacv2") == []


async def test_reminders_for_committees_named_in_the_genitive_and_in_english(repo: Repository) -> None:
    for d, committee in ((date(2026, 3, 24), "Seniorudvalget"), (date(2026, 3, 25), "Ældreudvalget"),
                         (date(2026, 3, 26), "Økonomiudvalget")):
        await repo.documents.ingest(agenda(d, committee), tenant_id="t1", now=NOW)
    await converse(repo, [
        ("påmind os om seniorudvalgets møder", "dagsordenen for seniorudvalget her arbejdsdagen før"),
        ("mind os om Ældreudvalgets møder dagen før kl. 9", "dagsordenen for ældreudvalget her arbejdsdagen før kl. 09:00"),
        ("remind us about the Economy committee's meetings", "the agenda of Økonomiudvalget meetings here"),
        ("hvilke påmindelser har vi?", "- Seniorudvalget: arbejdsdagen før kl. 14:00\n- Ældreudvalget: arbejdsdagen"),
    ])
    subs = await repo.reminders.subscriptions("t1", "19:chan@thread.tacv2")
    assert [s.meeting_kind for s in subs] == ["Seniorudvalget", "Ældreudvalget", "Økonomiudvalget"]
    assert [s.lang for s in subs] == ["da", "da", "en"]
    # The committees' stored agendas are what the reminders are planned for.
    assert (await repo.reminders.plan_reminders(now=NOW)).created == 3
    await converse(repo, [
        ("stop påmindelser om seniorudvalgets møder", "ingen flere påmindelser om seniorudvalget"),
        ("hvilke påmindelser har vi?", "- Ældreudvalget"),
    ])
    assert [s.meeting_kind for s in await repo.reminders.subscriptions("t1", "19:chan@thread.tacv2")] == [
        "Ældreudvalget", "Økonomiudvalget"]


async def test_a_committee_with_no_documents_yet_is_reminded_of_once_its_agenda_arrives(repo: Repository) -> None:
    await repo.documents.ingest(agenda(date(2026, 3, 23), "Seniorudvalget"), tenant_id="t1", now=NOW)
    await converse(repo, [("påmind os om Børne- og Ungeudvalgets møder", "her arbejdsdagen før kl. 14:00")])
    assert (await repo.reminders.plan_reminders(now=NOW)).created == 0  # another committee's agenda
    await repo.documents.ingest(agenda(date(2026, 3, 24), "Børne- og Ungeudvalget"), tenant_id="t1", now=NOW)
    assert (await repo.reminders.plan_reminders(now=NOW)).created == 1


async def test_next_meeting_answers_from_the_stored_agenda_without_closed_items(repo: Repository) -> None:
    await repo.documents.ingest(agenda(date(2026, 3, 16)), tenant_id="t1", now=NOW)  # already held
    await repo.documents.ingest(agenda(date(2026, 3, 23), "Chefteammøde"), tenant_id="t1", now=NOW)
    await repo.documents.ingest(agenda(date(2026, 3, 30)), tenant_id="t1", now=NOW)
    await converse(repo, [
        ("hvad er på dagsordenen til næste rådmandsmøde?", "mandag den 30. marts 2026 kl. 08:30–09:30"),
        ("næste møde", "Dagsorden: Chefteammøde"),
    ])
    reply = await Conversation(repo).handle(Turn(text="næste rådmandsmøde", now=NOW, scope=Scope.GROUPCHAT,
                                                 tenant_id="t1", conversation_id="g"))
    assert "Punkt 1: Status på studietur til Japan" in reply.text and "Jakob Søgaard, Ivan Kjær" in reply.text
    assert "personalesag" not in reply.text and "personalesag" not in str(reply.card)
    assert "(1 lukkede punkter vises ikke her)" in reply.text
    assert reply.data["meeting"]["items"][0]["start"] == "08:30"


async def test_next_meeting_when_no_agenda_is_stored(repo: Repository) -> None:
    await converse(repo, [("næste chefteammøde", "Jeg kender endnu ikke til et kommende chefteammøde")])


def test_agenda_card_of_a_closed_meeting_shows_no_items_outside_personal_chat() -> None:
    view = AgendaView(1, agenda(date(2026, 3, 30), closed_meeting=True), date(2026, 3, 16),
                      (FollowUp("Notat om budget", "Økonomi", date(2026, 4, 1)),))
    public = render_agenda(view, "da")
    assert "Japan" not in public.text and "Notat om budget" not in public.text
    assert "Mødet er lukket" in public.text
    private = render_agenda(view, "en", include_confidential=True)
    assert "Item 2: Lukket: personalesag" in private.text and "Notat om budget (owner: Økonomi, due: 2026-04-01)" in private.text
    assert private.card is not None and private.card["version"] == "1.5"


def test_agenda_card_shows_virtual_location_and_outcome_free_items() -> None:
    m = Meeting(source="x", kind="Chefteammøde", title="CT", date=date(2026, 10, 27), document_type=DocumentType.MINUTES,
                meeting_kind="Chefteammøde", start=time(12, 0), end=None, location="Virtuelt",
                items=(AgendaItem("1", "Åbenhedstræning", ("Mathias Breer",), decision="Godkendt", outcome=Outcome.DECIDED),))
    reply = render_agenda(AgendaView(2, m), "da", reminder=True)
    assert reply.text.splitlines()[:3] == [
        "Påmindelse – Referat: Chefteammøde", "Tidspunkt: tirsdag den 27. oktober 2026 kl. 12:00", "Sted: Virtuelt"]
