"""Issue #7: "Opret opfølgning" on a decision card: a follow-up linked to that meeting item.

Conversations on both databases: ask, press the button on a hit, answer "Hvad skal der følges op
på?", and the follow-up is logged on the item by the same rules as "opfølgning: …". Card data is
user-controlled: an item the turn may not see (closed in a group/channel, another tenant's, absent)
is refused in the same words as one that does not exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.app import REPO_KEY, create_app
from bot.settings import Settings
from bot_helpers import NOW as BOT_NOW
from bot_helpers import FakeChannel, actions_of, activity, card_of, card_text, seeded_database
from dialogs.conversation import Conversation
from dialogs.turn import Intent, Mention, Reply, Scope, Turn
from minutes.model import AgendaItem, DocumentType, Meeting, Outcome
from storage.followups import Viewer
from storage.repository import Repository

CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CPH)  # a Wednesday, ISO week 48
MEETING_DAY = date(2026, 11, 10)
ASK = "Hvad skal der følges op på?"
REFUSED = "Det punkt kan jeg ikke knytte en opfølgning til her."

Step = tuple[str | dict[str, Any], str | Sequence[str]]


async def converse(repo: Repository, steps: Sequence[Step], **who: Any) -> list[Reply]:
    """Say each message (a dict: press a button with that data) and check the answer's text."""
    conversation = Conversation(repo)
    replies = []
    for said, expected in steps:
        turn = Turn(text="", now=NOW, action=said, **who) if isinstance(said, dict) else Turn(text=said, now=NOW, **who)
        reply = await conversation.handle(turn)
        for piece in [expected] if isinstance(expected, str) else expected:
            assert piece in reply.text, f"{said!r}: expected {piece!r} in {reply.text!r}"
        replies.append(reply)
    return replies


def _minutes(items: tuple[AgendaItem, ...], day: date = MEETING_DAY, source: str = "rm.docx") -> Meeting:
    return Meeting(source=source, kind="Rådmandsmøde", title=f"Rådmandsmøde {day}", date=day,
                   document_type=DocumentType.MINUTES, meeting_kind="Rådmandsmøde", items=items)


OPEN_ITEM = AgendaItem("4", "Frisættelse af hjemmeplejen", decision="Rådmanden godkendte rammebeskrivelsen for frisættelse.",
                       outcome=Outcome.DECIDED)
CLOSED_ITEM = AgendaItem("5", "Personalesag om frisættelse", decision="Rådmanden besluttede frisættelse af medarbejderen.",
                         outcome=Outcome.DECIDED, confidential=True)


async def _seed(repo: Repository, tenant_id: str = "") -> dict[str, int]:
    """Item number -> item id of the seeded minutes."""
    await repo.documents.ingest(_minutes((OPEN_ITEM, CLOSED_ITEM)), tenant_id=tenant_id)
    ids = {}
    for number in ("4", "5"):
        link = await repo.followups.find_item(tenant_id=tenant_id, meeting_kind="Rådmandsmøde", number=number, on=MEETING_DAY,
                                    today=NOW.date(), include_confidential=True)
        assert link is not None
        ids[number] = link.item_id
    return ids


def _start_buttons(reply: Reply) -> list[dict[str, Any]]:
    return [a for a in actions_of(reply.card) if a["verb"] == "followup.start"]


async def _followups(repo: Repository, **who: Any) -> list[Any]:
    viewer = Viewer(tenant_id=who.get("tenant_id", ""), conversation_id=who.get("conversation_id", "cli"),
                    user_id=who.get("user_id", "cli-user"), personal=who.get("scope", Scope.PERSONAL) is Scope.PERSONAL)
    return await repo.followups.list_followups(viewer, today=NOW.date(), mine=False, overdue=False, meeting_kind=None)


# ---- the button and the conversation --------------------------------------------------------------


async def test_each_decision_hit_carries_an_opret_opfoelgning_button_for_its_item(repo: Repository) -> None:
    ids = await _seed(repo)
    [answer] = await converse(repo, [("hvad blev besluttet om frisættelse?", "Frisættelse af hjemmeplejen")],
                              scope=Scope.CHANNEL, conversation_id="channel-1")
    (button,) = _start_buttons(answer)  # the closed item is not on a channel's card at all
    assert button["title"] == "Opret opfølgning"
    assert button["data"]["item_id"] == ids["4"] and button["data"]["verb"] == "followup.start"
    assert button["fallback"]["type"] == "Action.Submit" and button["fallback"]["data"] == button["data"]


async def test_pressing_the_button_asks_and_the_next_message_becomes_a_linked_followup(repo: Repository) -> None:
    ids = await _seed(repo)
    who = {"user_id": "aad-hanne", "user_name": "Hanne Hansen"}
    [answer] = await converse(repo, [("hvad blev besluttet om frisættelse?", "Frisættelse")], **who)
    (button,) = [b for b in _start_buttons(answer) if b["data"]["item_id"] == ids["4"]]
    question, created = await converse(repo, [
        (button["data"], [ASK, "Punkt 4: Frisættelse af hjemmeplejen"]),
        ("Økonomi sender notat til chefteamet senest uge 49",
         ["er oprettet", "Økonomi sender notat til chefteamet", "Ansvarlig: Økonomi", "fredag den 4. december 2026",
          "Punkt 4: Frisættelse af hjemmeplejen"]),
    ], **who)
    # A card (not a passing notice) that keeps the decision in view, with a field for the task under it.
    assert question.intent is Intent.ADD_FOLLOWUP and question.card is not None
    shown = card_text(question.card)
    assert "Punkt 4: Frisættelse af hjemmeplejen" in shown and ASK in shown and "senest næste fredag" in shown
    assert "Rådmanden godkendte rammebeskrivelsen for frisættelse." in shown
    assert [b["id"] for b in question.card["body"] if b["type"] == "Input.Text"] == ["task"]
    followup = created.data["followup"]
    assert created.intent is Intent.ADD_FOLLOWUP
    assert followup["item"]["item_id"] == ids["4"] and followup["owner"] == "Økonomi"
    assert followup["due"] == "2026-12-04"
    # The question is answered: the next message is a new one again.
    [after] = await converse(repo, [("Økonomi sender notat igen", [])], **who)
    assert after.intent is not Intent.ADD_FOLLOWUP
    assert len(await _followups(repo, **who)) == 1


async def test_without_a_due_date_the_due_question_follows_and_the_link_is_kept(repo: Repository) -> None:
    ids = await _seed(repo)
    who = {"user_id": "aad-hanne", "user_name": "Hanne Hansen"}
    *_, done = await converse(repo, [
        ({"verb": "followup.start", "item_id": ids["4"]}, ASK),
        ("send referatet rundt til teamet", "Hvornår skal det være gjort?"),
        ("fredag", ["er oprettet", "send referatet rundt til teamet", "Ansvarlig: Hanne Hansen",
                    "fredag den 27. november 2026", "Punkt 4: Frisættelse af hjemmeplejen"]),
    ], **who)
    assert done.data["followup"]["item"]["item_id"] == ids["4"]
    assert done.data["followup"]["owner"] == "Hanne Hansen"


async def test_the_owner_is_the_teams_mention_as_for_a_typed_followup(repo: Repository) -> None:
    ids = await _seed(repo)
    who = {"scope": Scope.CHANNEL, "conversation_id": "channel-1", "user_id": "aad-anne"}
    await converse(repo, [({"verb": "followup.start", "item_id": ids["4"]}, ASK)], **who)
    jens = Mention("Jens Bejer Damgaard", "aad-jens")
    [created] = await converse(repo, [("<at>Jens Bejer Damgaard</at> melder tilbage til Otto i morgen",
                                       ["Ansvarlig: Jens Bejer Damgaard", "26. november 2026"])],
                               mentions=(jens,), **who)
    followup = created.data["followup"]
    assert followup["item"]["item_id"] == ids["4"] and "<at>" not in followup["text"]


async def test_opfoelgning_typed_in_full_is_taken_as_the_answer(repo: Repository) -> None:
    ids = await _seed(repo)
    await converse(repo, [({"verb": "followup.start", "item_id": ids["4"]}, ASK)])
    [created] = await converse(repo, [("opfølgning: Økonomi sender notat senest fredag", "er oprettet")])
    assert created.data["followup"]["item"]["item_id"] == ids["4"]
    assert created.data["followup"]["text"] == "Økonomi sender notat"


async def test_a_clear_new_question_cancels_the_followup(repo: Repository) -> None:
    ids = await _seed(repo)
    _, answer = await converse(repo, [
        ({"verb": "followup.start", "item_id": ids["4"]}, ASK),
        ("hvad blev besluttet om frisættelse?", "Frisættelse af hjemmeplejen"),
    ])
    assert answer.intent is Intent.DECISIONS
    # The cancelled question no longer takes the next message. That message is still a task of its own
    # (a doer and a deadline: issue 17 reads those without "opfølgning:"), but it is not linked to the item.
    [later] = await converse(repo, [("Økonomi sender notat senest fredag", [])])
    assert later.intent is Intent.ADD_FOLLOWUP and later.data["followup"]["item"] is None
    [bare] = await converse(repo, [("send referatet rundt til teamet", [])])
    assert bare.intent is not Intent.ADD_FOLLOWUP
    assert [f.item for f in await _followups(repo)] == [None]


async def test_a_task_that_speaks_of_decisions_is_still_the_task(repo: Repository) -> None:
    ids = await _seed(repo)
    *_, created = await converse(repo, [
        ({"verb": "followup.start", "item_id": ids["4"]}, ASK),
        ("undersøg hvad der blev besluttet om klippekort senest fredag", "er oprettet"),
    ])
    assert created.data["followup"]["item"]["item_id"] == ids["4"]


async def test_a_date_alone_is_not_a_task_and_the_question_is_asked_again(repo: Repository) -> None:
    ids = await _seed(repo)
    *_, created = await converse(repo, [
        ({"verb": "followup.start", "item_id": ids["4"]}, ASK),
        ("i morgen", "Skriv selve opgaven"),
        ("Økonomi sender notat i morgen", "er oprettet"),
    ])
    assert created.data["followup"]["item"]["item_id"] == ids["4"]


async def test_only_the_user_who_pressed_is_asked(repo: Repository) -> None:
    ids = await _seed(repo)
    where = {"scope": Scope.GROUPCHAT, "conversation_id": "group-1"}
    await converse(repo, [({"verb": "followup.start", "item_id": ids["4"]}, ASK)], user_id="aad-anne", **where)
    # Bo's message is not the answer to Anne's question: a task of his own (a doer and a deadline are a
    # follow-up without "opfølgning:" since issue 17), not linked to the item.
    [other] = await converse(repo, [("Økonomi sender notat senest fredag", [])], user_id="aad-bo", **where)
    assert other.intent is Intent.ADD_FOLLOWUP and other.data["followup"]["item"] is None
    [bare] = await converse(repo, [("send referatet rundt til teamet", [])], user_id="aad-bo", **where)
    assert bare.intent is not Intent.ADD_FOLLOWUP
    [mine] = await converse(repo, [("Økonomi sender notat senest fredag", "er oprettet")], user_id="aad-anne", **where)
    assert mine.data["followup"]["item"]["item_id"] == ids["4"]


async def test_in_english(repo: Repository) -> None:
    ids = await _seed(repo)
    who = {"locale": "en-GB", "user_id": "aad-hanne", "user_name": "Hanne Hansen"}
    [answer] = await converse(repo, [("what was decided about frisættelse?", "Frisættelse af hjemmeplejen")], **who)
    (button,) = [b for b in _start_buttons(answer) if b["data"]["item_id"] == ids["4"]]
    assert button["title"] == "Add follow-up" and button["data"]["lang"] == "en"
    _, created = await converse(repo, [
        (button["data"], ["What should be followed up?", "Item 4"]),
        ("Finance sends the memo by next Friday",
         ["is logged", "Finance sends the memo", "Owner: Finance", "Friday 4 December 2026"]),
    ], **who)
    assert created.data["followup"]["item"]["item_id"] == ids["4"]
    assert [b["title"] for b in created.card["actions"]] == ["Mark as done", "Change deadline"]


async def test_english_without_a_due_date_asks_when(repo: Repository) -> None:
    ids = await _seed(repo)
    *_, created = await converse(repo, [
        ({"verb": "followup.start", "item_id": ids["4"], "lang": "en"}, "What should be followed up?"),
        ("send the minutes round", "When"),
        ("no deadline", ["is logged", "send the minutes round"]),
    ], locale="en-US")
    assert created.data["followup"]["due"] is None
    assert created.data["followup"]["item"]["item_id"] == ids["4"]


# ---- confidentiality: the card's item id is user input ------------------------------------------


async def test_a_closed_item_cannot_be_linked_from_a_group_chat_or_channel(repo: Repository) -> None:
    ids = await _seed(repo)
    for scope, conversation_id in ((Scope.GROUPCHAT, "group-1"), (Scope.CHANNEL, "channel-1")):
        who = {"scope": scope, "conversation_id": conversation_id, "may_read_confidential": True}
        refused, then = await converse(repo, [
            ({"verb": "followup.start", "item_id": ids["5"]}, REFUSED),
            ("Økonomi sender notat senest fredag", []),
        ], **who)
        assert refused.data == {"item": None} and "Personalesag" not in refused.text
        # Not the answer to a refused question: at most a task of its own (a doer and a deadline are a
        # follow-up without "opfølgning:" since issue 17), never linked to the closed item.
        assert then.intent is not Intent.ADD_FOLLOWUP or then.data["followup"]["item"] is None
        assert [f.item for f in await _followups(repo, **who)] in ([], [None])
        [bare] = await converse(repo, [("send referatet rundt til teamet", [])], **who)
        assert bare.intent is not Intent.ADD_FOLLOWUP


async def test_a_closed_item_is_refused_in_personal_chat_unless_the_user_may_read_it(repo: Repository) -> None:
    ids = await _seed(repo)
    await converse(repo, [({"verb": "followup.start", "item_id": ids["5"]}, REFUSED)])
    _, created = await converse(repo, [
        ({"verb": "followup.start", "item_id": ids["5"]}, [ASK, "Personalesag"]),
        ("HR sender afgørelsen senest fredag", "er oprettet"),
    ], may_read_confidential=True)
    assert created.data["followup"]["item"]["item_id"] == ids["5"]


async def test_another_tenants_item_cannot_be_linked(repo: Repository) -> None:
    ids = await _seed(repo, tenant_id="tenant-a")
    [refused] = await converse(repo, [({"verb": "followup.start", "item_id": ids["4"]}, REFUSED)], tenant_id="tenant-b")
    assert refused.data == {"item": None}
    [allowed] = await converse(repo, [({"verb": "followup.start", "item_id": ids["4"]}, ASK)], tenant_id="tenant-a")
    assert allowed.data["item"]["item_id"] == ids["4"]


async def test_forged_item_ids_get_the_same_sentence(repo: Repository) -> None:
    ids = await _seed(repo)
    for forged in (max(ids.values()) + 1000, -1, 0, "4", True, None, 1.5, {"id": 4}):
        await converse(repo, [({"verb": "followup.start", "item_id": forged}, REFUSED)])
    await converse(repo, [({"verb": "followup.start"}, REFUSED)])


async def test_an_item_gone_before_the_answer_leaves_the_followup_unlinked(repo: Repository) -> None:
    ids = await _seed(repo)
    await converse(repo, [({"verb": "followup.start", "item_id": ids["4"]}, ASK)])
    # Corrected minutes replace the meeting: the old item rows are gone (SQLite may even hand the
    # freed id to the new, different item; the follow-up must not land on that one).
    await repo.documents.ingest(_minutes((AgendaItem("1", "Andet punkt", decision="Taget til efterretning."),)))
    [created] = await converse(repo, [("Økonomi sender notat senest fredag",
                                       ["er oprettet", "Punktet findes ikke længere"])])
    assert created.data["followup"]["item"] is None
    assert "Andet punkt" not in created.text


async def test_corrected_minutes_that_keep_the_item_keep_the_link(repo: Repository) -> None:
    ids = await _seed(repo)
    await converse(repo, [({"verb": "followup.start", "item_id": ids["4"]}, ASK)])
    corrected = AgendaItem("4", OPEN_ITEM.title, decision=OPEN_ITEM.decision + " Rettet.", outcome=Outcome.DECIDED)
    await repo.documents.ingest(_minutes((AgendaItem("1", "Nyt første punkt"), corrected)))
    [created] = await converse(repo, [("Økonomi sender notat senest fredag", "er oprettet")])
    item = created.data["followup"]["item"]
    assert item["title"] == OPEN_ITEM.title and item["number"] == "4"
    assert "Punktet findes ikke længere" not in created.text


# ---- through Teams: Action.Execute answers with a message, the decision card stays ----------------


async def test_action_execute_asks_on_a_card_and_the_next_chat_message_logs_it(
        aiohttp_client: Any, aiohttp_server: Any, tmp_path: Any) -> None:
    fake = FakeChannel()
    fake.url = str((await aiohttp_server(fake.app())).make_url("/"))
    client = await aiohttp_client(create_app(Settings(database_url=await seeded_database(tmp_path)),
                                             clock=lambda: BOT_NOW))
    await client.post("/api/messages", json=activity("personal_message", serviceUrl=fake.url))
    (first,) = fake.messages()
    button = _start_buttons(Reply(text="", card=card_of(first)))[0]
    invoke = activity("invoke_adaptive_card_action", serviceUrl=fake.url)
    invoke["value"]["action"] = {"type": "Action.Execute", "verb": button["verb"], "data": button["data"]}
    body = await (await client.post("/api/messages", json=invoke)).json()
    # A card that keeps the decision in view with the question under it (a bare message is a passing notice).
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert ASK in card_text(body["value"]) and "Frisættelse" in card_text(body["value"])
    answer = activity("personal_message", serviceUrl=fake.url, id="answer-1",
                      text="Økonomi sender notat til chefteamet senest uge 49")
    assert (await client.post("/api/messages", json=answer)).status == 200
    created = card_text(card_of(fake.messages()[-1]))
    assert "er oprettet" in created and "Frisættelse" in created and "Økonomi" in created
    repo = client.app[REPO_KEY]
    # The question was answered: no question is left waiting for this user.
    assert await repo.conversations.pending_state("", "a:1abcPERSONALconv", invoke["from"]["aadObjectId"], now=BOT_NOW) is None
