"""Follow-ups by message, as conversations: log, ask for the due date, list, close, re-date; scoping."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.terminal import reply_to_json
from dialogs.conversation import Conversation
from dialogs.followups import render_reminder
from dialogs.turn import Intent, Mention, Reply, Scope, Turn
from minutes.model import AgendaItem, DocumentType, FollowUp, Meeting, Outcome
from storage.models import OutboxRow
from storage.repository import Repository

CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CPH)  # a Wednesday, ISO week 48

Step = tuple[str | dict[str, Any], str | Sequence[str]]


async def converse(repo: Repository, steps: Sequence[Step], *, now: datetime = NOW, **who: Any) -> list[Reply]:
    """Say each message (or press each button: a dict is card action data) and check the answer's text.

    ``who`` sets the Turn's tenant, conversation, user, scope, mentions, ….
    """
    conversation = Conversation(repo)
    replies = []
    for said, expected in steps:
        if isinstance(said, dict):
            turn = Turn(text="", now=now, action=said, **who)
        else:
            turn = Turn(text=said, now=now, **who)
        reply = await conversation.handle(turn)
        for piece in [expected] if isinstance(expected, str) else expected:
            assert piece in reply.text, f"{said!r}: expected {piece!r} in {reply.text!r}"
        replies.append(reply)
    return replies


def _buttons(reply: Reply) -> list[dict[str, Any]]:
    assert reply.card is not None
    return list(reply.card.get("actions", []))


def _meeting(kind: str, day: date, items: tuple[AgendaItem, ...], *, source: str | None = None) -> Meeting:
    return Meeting(
        source=source or f"{kind}-{day.isoformat()}.docx",
        kind=kind,
        title=f"{kind} {day.isoformat()}",
        date=day,
        document_type=DocumentType.MINUTES,
        meeting_kind=kind,
        items=items,
    )


async def _outbox(repo: Repository) -> list[OutboxRow]:
    async with repo.db.sessions() as session:
        return list((await session.execute(select(OutboxRow).order_by(OutboxRow.id))).scalars())


# ---- logging ------------------------------------------------------------------------------------


async def test_logging_with_a_deadline_confirms_with_a_card_in_danish(repo: Repository) -> None:
    [reply] = await converse(
        repo,
        [("opfølgning: Økonomi sender notat til chefteamet senest uge 49",
          ["er oprettet", "Økonomi sender notat til chefteamet", "Ansvarlig: Økonomi", "fredag den 4. december 2026"])],
    )
    assert reply.intent is Intent.ADD_FOLLOWUP
    followup = reply.data["followup"]
    assert followup["due"] == "2026-12-04" and followup["owner"] == "Økonomi" and followup["status"] == "open"
    assert followup["item"] is None
    buttons = _buttons(reply)
    assert [b["title"] for b in buttons] == ["Markér som løst", "Ret frist"]
    assert [b["verb"] for b in buttons] == ["followup.close", "followup.due"]
    assert all(b["data"]["id"] == followup["id"] for b in buttons)
    assert buttons[0]["fallback"]["type"] == "Action.Submit"


async def test_logging_in_english(repo: Repository) -> None:
    [reply] = await converse(
        repo,
        [("follow-up: Finance sends the memo by next Friday",
          ["is logged", "Finance sends the memo", "Owner: Finance", "Friday 4 December 2026"])],
    )
    assert reply.data["followup"]["due"] == "2026-12-04"
    assert [b["title"] for b in _buttons(reply)] == ["Mark as done", "Change deadline"]


async def test_the_sender_owns_a_task_that_names_no_one(repo: Repository) -> None:
    [reply] = await converse(
        repo, [("opfølgning: send referatet rundt i morgen", ["Ansvarlig: Hanne Hansen", "26. november 2026"])],
        user_id="aad-hanne", user_name="Hanne Hansen",
    )
    await converse(repo, [("mine opfølgninger", "send referatet rundt")], user_id="aad-hanne",
                   conversation_id="other-chat")
    assert reply.data["followup"]["owner"] == "Hanne Hansen"


async def test_owner_comes_from_the_teams_mention_and_is_reminded(repo: Repository) -> None:
    await repo.documents.ingest(_meeting("Rådmandsmøde", date(2026, 12, 8), (AgendaItem("1", "Budget"),)))
    jens = Mention("Jens Bejer Damgaard", "aad-jens")
    [reply] = await converse(
        repo,
        [("opfølgning <at>Jens Bejer Damgaard</at>: melder tilbage til Otto inden næste rådmandsmøde",
          ["Ansvarlig: Jens Bejer Damgaard", "tirsdag den 8. december 2026", "melder tilbage til Otto"])],
        mentions=(jens,), conversation_id="channel-1", scope=Scope.CHANNEL, user_id="aad-anne",
    )
    assert "<at>" not in reply.text
    rows = await _outbox(repo)
    assert {(r.kind, r.user_aad_id, r.status) for r in rows} == {
        ("followup_due", "aad-jens", "pending"), ("followup_overdue", "aad-jens", "pending"),
    }
    # Jens sees it as his own in his personal chat; the sender does not.
    await converse(repo, [("mine opfølgninger", "melder tilbage til Otto")], user_id="aad-jens",
                   conversation_id="jens-personal")
    await converse(repo, [("mine opfølgninger", "Du er ikke ansvarlig for nogen åbne opfølgninger")], user_id="aad-anne",
                   conversation_id="anne-personal")


async def test_bare_opfoelgning_asks_what_to_follow_up(repo: Repository) -> None:
    await converse(repo, [("opfølgning:", "Hvad skal der følges op på?"), ("follow-up:", "What should be followed up?")])


# ---- the due-date question -----------------------------------------------------------------------


async def test_missing_due_date_is_asked_and_the_next_message_answers(repo: Repository) -> None:
    replies = await converse(
        repo,
        [
            ("opfølgning: Jens ringer til leverandøren", "Hvornår skal det være gjort?"),
            ("på fredag", ["er oprettet", "Jens ringer til leverandøren", "fredag den 27. november 2026"]),
            ("åbne opfølgninger", "Jens ringer til leverandøren"),  # the question is answered: a normal message
        ],
    )
    assert replies[0].data == {"question": "due"}
    assert replies[1].data["followup"]["due"] == "2026-11-27"
    assert replies[2].intent is Intent.LIST_FOLLOWUPS


async def test_due_question_in_english(repo: Repository) -> None:
    await converse(
        repo,
        [("follow-up: call the supplier", "When should it be done?"), ("next Friday", ["is logged", "Friday 4 December 2026"])],
    )


async def test_ingen_frist_is_a_valid_answer(repo: Repository) -> None:
    [_, reply] = await converse(
        repo, [("opfølgning: Økonomi undersøger sagen", "Hvornår"), ("ingen frist", ["er oprettet", "Frist: ingen frist"])]
    )
    assert reply.data["followup"]["due"] is None
    assert await _outbox(repo) == []


async def test_an_answer_not_understood_is_asked_again_once_then_saved_without_a_date(repo: Repository) -> None:
    replies = await converse(
        repo,
        [
            ("opfølgning: Økonomi sender budgettet", "Hvornår skal det være gjort?"),
            ("senest snart", ["forstod ikke 'senest snart'", "fx '15/12'"]),
            ("det ved jeg ikke", ["er oprettet", "gemt uden frist"]),
        ],
    )
    assert replies[2].data["followup"]["due"] is None


async def test_an_unclear_answer_then_a_date(repo: Repository) -> None:
    [_, _, reply] = await converse(
        repo,
        [("follow-up: Finance sends the memo", "When"), ("soonish", "did not understand"), ("15/12", "Tuesday 15 December 2026")],
    )
    assert reply.data["followup"]["due"] == "2026-12-15"


async def test_another_request_instead_of_an_answer_cancels_the_question(repo: Repository) -> None:
    replies = await converse(
        repo,
        [
            ("opfølgning: Jens ringer til leverandøren", "Hvornår"),
            ("mine opfølgninger", "Du er ikke ansvarlig for nogen åbne opfølgninger"),
            ("fredag", "fredag"),  # no longer an answer: handled as a new message
        ],
        user_id="aad-x",
    )
    assert replies[1].intent is Intent.LIST_FOLLOWUPS
    assert replies[2].intent is not Intent.ADD_FOLLOWUP


async def test_the_question_waits_for_the_same_user(repo: Repository) -> None:
    conversation = Conversation(repo)
    channel = {"conversation_id": "channel-1", "scope": Scope.CHANNEL}
    await conversation.handle(Turn("opfølgning: Økonomi sender notat", NOW, user_id="aad-a", **channel))  # type: ignore[arg-type]
    other = await conversation.handle(Turn("på fredag", NOW, user_id="aad-b", **channel))  # type: ignore[arg-type]
    assert other.intent is not Intent.ADD_FOLLOWUP
    answer = await conversation.handle(Turn("på fredag", NOW, user_id="aad-a", **channel))  # type: ignore[arg-type]
    assert answer.data["followup"]["due"] == "2026-11-27"


# ---- linking to a meeting item ------------------------------------------------------------------


async def test_follow_up_linked_to_a_named_item(repo: Repository) -> None:
    await repo.documents.ingest(
        _meeting("Rådmandsmøde", date(2026, 1, 9), (AgendaItem("1", "Velkomst"), AgendaItem("2", "Frisættelse af plejecentre")))
    )
    [reply] = await converse(
        repo,
        [("opfølgning til punkt 2 på rådmandsmødet 9/1: Økonomi sender notat senest fredag",
          ["Punkt 2: Frisættelse af plejecentre", "Rådmandsmøde, fredag den 9. januar 2026", "Økonomi sender notat"])],
    )
    item = reply.data["followup"]["item"]
    assert item["number"] == "2" and item["meeting_date"] == "2026-01-09" and item["meeting_kind"] == "Rådmandsmøde"
    assert reply.data["followup"]["text"] == "Økonomi sender notat"


async def test_an_item_that_does_not_exist_is_said_and_not_linked(repo: Repository) -> None:
    [reply] = await converse(
        repo,
        [("opfølgning til punkt 7 på rådmandsmødet 9/1: Økonomi sender notat senest fredag",
          ["er oprettet", "Jeg fandt ikke punkt 7 på rådmandsmødet"])],
    )
    assert reply.data["followup"]["item"] is None


async def test_a_closed_item_is_not_linked_from_a_channel(repo: Repository) -> None:
    await repo.documents.ingest(
        _meeting("Rådmandsmøde", date(2026, 1, 9), (AgendaItem("3", "Personalesag", confidential=True),))
    )
    [reply] = await converse(
        repo,
        [("opfølgning til punkt 3 på rådmandsmødet 9/1: Økonomi sender notat senest fredag", "Jeg fandt ikke punkt 3")],
        scope=Scope.CHANNEL, conversation_id="channel-1",
    )
    assert reply.data["followup"]["item"] is None
    assert "Personalesag" not in reply.text


# ---- listing ------------------------------------------------------------------------------------


async def test_lists_are_sorted_by_due_date_and_overdue_is_marked(repo: Repository) -> None:
    earlier = datetime(2026, 11, 2, 9, 0, tzinfo=CPH)
    await converse(
        repo,
        [
            ("opfølgning: Økonomi sender notat senest 20/11", "er oprettet"),
            ("opfølgning: HR laver oplæg senest 10/12", "er oprettet"),
            ("opfølgning: Jens ringer til Otto", "Hvornår"),
            ("ingen frist", "er oprettet"),
            ("opfølgning: Udvikling svarer senest 5/11", "er oprettet"),
        ],
        now=earlier,
    )
    [open_list, overdue] = await converse(
        repo,
        [
            ("åbne opfølgninger", ["Åbne opfølgninger (4)", "⚠ FORFALDEN 4. Udvikling svarer"]),
            ("forfaldne opfølgninger", ["Forfaldne opfølgninger (2)", "Udvikling svarer", "Økonomi sender notat"]),
        ],
    )
    assert [f["id"] for f in open_list.data["followups"]] == [4, 1, 2, 3]  # 5/11, 20/11, 10/12, none
    assert [f["overdue"] for f in open_list.data["followups"]] == [True, True, False, False]
    assert "HR laver oplæg" not in overdue.text
    assert [f["id"] for f in overdue.data["followups"]] == [4, 1]
    # The card marks overdue entries, and each open entry has its own "Markér som løst".
    assert open_list.card is not None
    entries = [b for b in open_list.card["body"] if b["type"] == "Container"]
    assert entries[0]["items"][0].get("color") == "Attention" and "color" not in entries[2]["items"][0]
    assert entries[0]["items"][-1]["actions"][0]["data"] == {"verb": "followup.close", "id": 4, "lang": "da"}


async def test_lists_in_english(repo: Repository) -> None:
    await converse(
        repo,
        [
            ("follow-up: Finance sends the memo by 1 December", "is logged"),
            ("open follow-ups", ["Open follow-ups (1)", "Finance sends the memo", "Tuesday 1 December 2026"]),
            ("overdue follow-ups", "There are no overdue follow-ups here."),
            ("my follow-ups", "You are not responsible for any open follow-ups"),
        ],
    )


async def test_a_channel_lists_its_own_and_mine_spans_the_tenant(repo: Repository) -> None:
    jens = Mention("Jens", "aad-jens")
    await converse(repo, [("opfølgning: Jens bestiller lokale senest fredag", "er oprettet")],
                   conversation_id="channel-A", scope=Scope.CHANNEL, mentions=(jens,), user_id="aad-anne")
    await converse(repo, [("opfølgning: HR skriver udkast senest fredag", "er oprettet")],
                   conversation_id="channel-B", scope=Scope.CHANNEL, user_id="aad-anne")
    [a] = await converse(repo, [("åbne opfølgninger", "Jens bestiller lokale")], conversation_id="channel-A",
                         scope=Scope.CHANNEL)
    assert "HR skriver udkast" not in a.text
    [b] = await converse(repo, [("åbne opfølgninger", "HR skriver udkast")], conversation_id="channel-B",
                         scope=Scope.CHANNEL)
    assert "Jens bestiller lokale" not in b.text
    [mine] = await converse(repo, [("mine opfølgninger", "Jens bestiller lokale")], conversation_id="channel-B",
                            scope=Scope.CHANNEL, user_id="aad-jens")
    assert "HR skriver udkast" not in mine.text


async def test_minutes_follow_ups_appear_by_meeting_kind_but_closed_items_never_in_a_channel(repo: Repository) -> None:
    items = (
        AgendaItem("1", "Budget", outcome=Outcome.DECIDED,
                   followups=(FollowUp("Økonomi fremsender materiale", "Økonomi", date(2026, 12, 1)),)),
        AgendaItem("2", "Personalesag", confidential=True,
                   followups=(FollowUp("Direktøren kontakter medarbejderen", None, date(2026, 12, 2)),)),
    )
    await repo.documents.ingest(_meeting("Rådmandsmøde", date(2026, 11, 20), items))
    await repo.documents.ingest(_meeting("Chefteammøde", date(2026, 11, 18), (
        AgendaItem("1", "Drift", followups=(FollowUp("Drift melder tilbage", None, None),)),)))
    channel = {"conversation_id": "channel-1", "scope": Scope.CHANNEL}
    [rm] = await converse(repo, [("opfølgninger fra rådmandsmødet",
                                  ["opfølgninger fra rådmandsmøder (1)", "Økonomi fremsender materiale", "Punkt 1: Budget"])],
                          **channel)
    assert "Direktøren" not in rm.text and "Drift melder" not in rm.text
    assert rm.data["followups"][0]["origin"] == "minutes"
    await converse(repo, [("åbne opfølgninger", "Der er ingen åbne opfølgninger her.")], **channel)
    await converse(repo, [("opfølgninger fra chefteamet", "Drift melder tilbage")], **channel)
    # In a personal chat of a user allowed to read closed items, the closed item's follow-up shows.
    [personal] = await converse(repo, [("opfølgninger fra rådmandsmødet", ["Direktøren kontakter medarbejderen"])],
                                may_read_confidential=True)
    assert len(personal.data["followups"]) == 2
    await converse(repo, [("opfølgninger fra rådmandsmødet", "(1)")], conversation_id="group", scope=Scope.GROUPCHAT,
                   may_read_confidential=True)


# ---- closing and re-dating ----------------------------------------------------------------------


async def test_closing_by_message(repo: Repository) -> None:
    replies = await converse(
        repo,
        [
            ("opfølgning: Økonomi sender notat senest fredag", "Opfølgning 1 er oprettet"),
            ("luk 1", ["Opfølgning 1 er markeret som løst", "Økonomi sender notat"]),
            ("færdig 1", "Opfølgning 1 er allerede løst."),
            ("luk 12", "Jeg kan ikke finde opfølgning 12 her."),
            ("åbne opfølgninger", "Der er ingen åbne opfølgninger her."),
        ],
    )
    assert replies[1].data["followup"]["status"] == "done"
    assert replies[1].card is not None and "actions" not in replies[1].card  # no buttons on a closed one


async def test_closing_in_english(repo: Repository) -> None:
    await converse(
        repo,
        [
            ("follow-up: Finance sends the memo by Friday", "Follow-up 1 is logged"),
            ("close 1", "Follow-up 1 is marked as done"),
            ("close 1", "already done"),
            ("close 9", "I cannot find follow-up 9 here."),
        ],
    )


async def test_closing_by_button_skips_the_owner_reminders(repo: Repository) -> None:
    [created] = await converse(repo, [("opfølgning: Økonomi sender notat senest 10/12", "er oprettet")],
                               user_id="aad-anne", user_name="Anne")
    assert created.data["followup"]["owner"] == "Økonomi"
    assert await _outbox(repo) == []  # a department has no AAD id: nobody to remind personally
    [mine] = await converse(repo, [("opfølgning: Anne sender referat senest 10/12", "er oprettet")],
                            user_id="aad-anne", user_name="Anne")
    assert mine.data["followup"]["owner"] == "Anne"  # named in the text: no AAD id either
    [own] = await converse(repo, [("opfølgning: send referat senest 10/12", "Ansvarlig: Anne")],
                           user_id="aad-anne", user_name="Anne")
    assert {r.status for r in await _outbox(repo)} == {"pending"}
    close = _buttons(own)[0]["data"]
    await converse(repo, [(close, "markeret som løst")], user_id="aad-anne", user_name="Anne")
    assert {r.status for r in await _outbox(repo)} == {"skipped"}


async def test_ret_frist_asks_for_the_new_date_and_reschedules(repo: Repository) -> None:
    [created] = await converse(repo, [("opfølgning: send referat senest 10/12", "torsdag den 10. december 2026")],
                               user_id="aad-anne")
    due_button = _buttons(created)[1]["data"]
    replies = await converse(
        repo,
        [
            (due_button, "Hvornår skal opfølgning 1 'send referat' være gjort?"),
            ("15/12", ["Fristen for opfølgning 1 'send referat' er ændret til tirsdag den 15. december 2026"]),
        ],
        user_id="aad-anne",
    )
    assert replies[1].data["followup"]["due"] == "2026-12-15"
    rows = await _outbox(repo)
    assert {(r.dedupe_key, r.status) for r in rows} == {
        ("followup_due:1:2026-12-10", "skipped"),
        ("followup_overdue:1:2026-12-10", "skipped"),
        ("followup_due:1:2026-12-15", "pending"),
        ("followup_overdue:1:2026-12-15", "pending"),
    }


async def test_change_deadline_in_english_and_no_deadline(repo: Repository) -> None:
    [created] = await converse(repo, [("follow-up: send the minutes by 10 December", "is logged")], user_id="aad-anne")
    await converse(
        repo,
        [(_buttons(created)[1]["data"], "When should follow-up 1 'send the minutes' be done?"),
         ("no deadline", ["deadline of follow-up 1 'send the minutes' is removed", "no deadline"])],
        user_id="aad-anne",
    )
    assert {r.status for r in await _outbox(repo)} == {"skipped"}


# ---- tenants ------------------------------------------------------------------------------------


async def test_tenant_b_cannot_list_close_or_redate_tenant_a_follow_ups(repo: Repository) -> None:
    same_place = {"conversation_id": "shared-id", "user_id": "aad-same"}
    [created] = await converse(repo, [("opfølgning: Økonomi sender notat senest fredag", "Opfølgning 1 er oprettet")],
                               tenant_id="tenant-A", **same_place)
    await converse(
        repo,
        [
            ("åbne opfølgninger", "Der er ingen åbne opfølgninger her."),
            ("mine opfølgninger", "Du er ikke ansvarlig for nogen åbne opfølgninger"),
            ("forfaldne opfølgninger", "ingen forfaldne"),
            ("luk 1", "Jeg kan ikke finde opfølgning 1 her."),
            (_buttons(created)[0]["data"], "Jeg kan ikke finde opfølgning 1 her."),
            (_buttons(created)[1]["data"], "Jeg kan ikke finde opfølgning 1 her."),
        ],
        tenant_id="tenant-B", **same_place,
    )
    await converse(repo, [("åbne opfølgninger", "Økonomi sender notat")], tenant_id="tenant-A", **same_place)
    view = await repo.followups.followup(1)
    assert view is not None and view.status == "open" and view.tenant_id == "tenant-A"


async def test_tenant_b_does_not_see_tenant_a_minutes_follow_ups(repo: Repository) -> None:
    items = (AgendaItem("1", "Budget", followups=(FollowUp("Økonomi fremsender materiale", "Økonomi", None),)),)
    await repo.documents.ingest(_meeting("Rådmandsmøde", date(2026, 11, 20), items), tenant_id="tenant-A")
    await converse(repo, [("opfølgninger fra rådmandsmødet", "Økonomi fremsender")], tenant_id="tenant-A")
    await converse(repo, [("opfølgninger fra rådmandsmødet", "Der er ingen åbne opfølgninger fra rådmandsmøder."),
                          ("luk 1", "Jeg kan ikke finde opfølgning 1")], tenant_id="tenant-B")


# ---- ask --json and reminders -------------------------------------------------------------------


async def test_ask_json_has_followup_and_followups(repo: Repository) -> None:
    [added, listed, closed] = await converse(
        repo,
        [
            ("opfølgning: Økonomi sender notat senest fredag", "er oprettet"),
            ("åbne opfølgninger", "Økonomi"),
            ("luk 1", "løst"),
        ],
    )
    out = reply_to_json(added)
    assert out["intent"] == "add_followup"
    assert {k: out["followup"][k] for k in ("id", "text", "owner", "due", "status", "item")} == {
        "id": 1, "text": "Økonomi sender notat", "owner": "Økonomi", "due": "2026-11-27", "status": "open", "item": None,
    }
    listed_json = reply_to_json(listed)
    assert listed_json["intent"] == "list_followups" and [f["id"] for f in listed_json["followups"]] == [1]
    closed_json = reply_to_json(closed)
    assert closed_json["intent"] == "close_followup" and closed_json["followup"]["status"] == "done"


async def test_render_reminder_for_the_scheduler(repo: Repository) -> None:
    await converse(repo, [("opfølgning: send referat senest 10/12", "er oprettet")], user_id="aad-anne", user_name="Anne")
    view = await repo.followups.followup(1)
    assert view is not None
    due = render_reminder("followup_due", view)
    assert "opfølgning 1 skal være gjort i dag" in due.text and "send referat" in due.text
    assert "torsdag den 10. december 2026" in due.text and "forfalden" not in due.text
    assert [b["verb"] for b in _buttons(due)] == ["followup.close", "followup.due"]
    overdue = render_reminder("followup_overdue", view)
    assert "er forfalden" in overdue.text and "10. december 2026 – forfalden" in overdue.text
    # The owner can close it from the reminder in their personal chat.
    await converse(repo, [(_buttons(due)[0]["data"], "markeret som løst")], user_id="aad-anne",
                   conversation_id="anne-personal")
