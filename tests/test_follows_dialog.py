"""Following in conversation, Danish and English: follow, list, stop, the stop button, personal vs channel."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.ingest import ingest_paths
from dialogs.conversation import Conversation
from dialogs.recognizer import recognize
from dialogs.slots import FollowKind, FollowSlots, UnfollowSlots
from dialogs.turn import Intent, Scope, Turn
from storage.repository import Repository

NOW = datetime(2026, 3, 20, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


async def converse(repo: Repository, lines: list[tuple[str, str]], *, scope: Scope = Scope.CHANNEL,
                   conversation_id: str = "19:chan@thread.tacv2", user: str = "aad-1",
                   locale: str = "da-DK") -> list[Intent]:
    """Says each line and checks the answer contains the expected text; returns the intents."""
    conversation = Conversation(repo)
    intents = []
    for said, expected in lines:
        reply = await conversation.handle(Turn(text=said, now=NOW, scope=scope, tenant_id="t1",
                                               conversation_id=conversation_id, user_id=user, locale=locale))
        assert expected in reply.text, (said, reply.text)
        intents.append(reply.intent)
    return intents


@pytest.mark.parametrize(("said", "kind", "subject", "hour"), [
    ("følg emnet frisættelse", FollowKind.TOPIC, "frisættelse", None),
    ("abonnér på klippekort", FollowKind.TOPIC, "klippekort", None),
    ("follow the topic dementia", FollowKind.TOPIC, "dementia", None),
    ("følg Ældreudvalget", FollowKind.COMMITTEE, "Ældreudvalget", None),
    ("følg rådmandsmøderne", FollowKind.COMMITTEE, "Rådmandsmøde", None),
    ("følg sag 24/2316", FollowKind.CASE, "24/2316", None),
    ("følg med i demensområdet", FollowKind.TOPIC, "demensområdet", None),
    ("follow the city council", FollowKind.COMMITTEE, "Kommunalbestyrelsen", None),
    ("følg Ældreudvalget dagligt kl. 8", FollowKind.COMMITTEE, "Ældreudvalget", 8),
    ("follow case 26/5120 daily at 7", FollowKind.CASE, "26/5120", 7),
])
def test_follow_phrases_are_read_into_typed_slots(said: str, kind: FollowKind, subject: str, hour: int | None) -> None:
    rec = recognize(said, NOW)
    assert rec.intent is Intent.FOLLOW
    assert rec.slots == FollowSlots(kind, subject, hour)


@pytest.mark.parametrize(("said", "intent"), [
    ("hvad følger vi?", Intent.LIST_FOLLOWS),
    ("what do I follow?", Intent.LIST_FOLLOWS),
    ("stop med at følge frisættelse", Intent.UNFOLLOW),
    ("stop following case 24/2316", Intent.UNFOLLOW),
    # Neighbours keep their meaning.
    ("abonner på rådmandsmøder", Intent.SUBSCRIBE),
    ("påmind os om rådmandsmøder dagen før kl. 14", Intent.SUBSCRIBE),
    ("stop påmindelser", Intent.UNSUBSCRIBE),
    ("opfølgning: Økonomi sender notat senest uge 45", Intent.ADD_FOLLOWUP),
    ("hvad blev besluttet om frisættelse?", Intent.DECISIONS),
])
def test_list_and_stop_phrases_and_their_neighbours(said: str, intent: Intent) -> None:
    assert recognize(said, NOW).intent is intent


def test_stop_names_what_to_stop_the_way_follow_reads_it() -> None:
    assert recognize("stop med at følge rådmandsmøderne", NOW).slots == UnfollowSlots("Rådmandsmøde",
                                                                                     FollowKind.COMMITTEE)
    assert recognize("stop med at følge", NOW).slots == UnfollowSlots()


async def test_a_channel_follows_lists_and_stops_in_danish(repo: Repository) -> None:
    intents = await converse(repo, [
        ("hvad følger vi?", "Der følges ingenting her endnu"),
        ("følg emnet frisættelse", "Så følger I emnet frisættelse her."),
        ("abonnér på klippekort", "Så følger I emnet klippekort her."),
        ("følg Ældreudvalget", "Så følger I Ældreudvalget her."),
        ("følg rådmandsmøderne", "Så følger I Rådmandsmøde her."),
        ("følg sag 24/2316", "Så følger I sag 24/2316 her."),
        ("følg Ældreudvalget dagligt kl. 8", "Det følges allerede – nu Ældreudvalget (samlet hver dag kl. 08.00)"),
        ("hvad følger vi?", "I følger her:\n- emnet frisættelse\n- emnet klippekort\n"
                            "- Ældreudvalget (samlet hver dag kl. 08.00)\n- Rådmandsmøde\n- sag 24/2316"),
        ("stop med at følge frisættelse", "Stoppet: emnet frisættelse følges ikke længere."),
        ("stop med at følge sag 24/2316", "Stoppet: sag 24/2316 følges ikke længere."),
        ("stop med at følge budgettet", "Jeg kan ikke finde 'budgettet' blandt det, der følges her."),
        ("hvad følger vi?", "- emnet klippekort\n- Ældreudvalget (samlet hver dag kl. 08.00)\n- Rådmandsmøde"),
        ("stop med at følge", "Stoppet: ingenting følges her længere (3 stoppet)."),
        ("hvad følger vi?", "Der følges ingenting her endnu"),
    ])
    assert intents[1] is Intent.FOLLOW and intents[8] is Intent.UNFOLLOW and intents[0] is Intent.LIST_FOLLOWS


async def test_a_person_follows_in_english_in_the_personal_chat(repo: Repository) -> None:
    await converse(repo, [
        ("follow the topic dementia", "You now follow the topic dementia."),
        ("what do I follow?", "You follow:\n- the topic dementia"),
        ("stop following dementia", "Stopped: the topic dementia is no longer followed."),
        ("what do I follow?", "Nothing is followed here yet."),
    ], scope=Scope.PERSONAL, conversation_id="a:personal", locale="en-US")


async def test_a_persons_follows_are_not_the_channels(repo: Repository) -> None:
    await converse(repo, [("følg emnet frisættelse", "Så følger du emnet frisættelse.")], scope=Scope.PERSONAL,
                   conversation_id="a:personal")
    await converse(repo, [("hvad følger vi?", "Der følges ingenting her endnu")])
    await converse(repo, [("hvad følger vi?", "- emnet frisættelse")], scope=Scope.PERSONAL,
                   conversation_id="a:personal")
    assert await repo.follows.follows("t2", "a:personal", "aad-1") == []  # another tenant sees nothing


async def test_nothing_to_follow_gets_a_question_not_a_follow(repo: Repository) -> None:
    await converse(repo, [("følg med i", "Hvad vil du følge?"), ("følg emnet ?!", "kan jeg ikke følge som emne"),
                          ("følg emnet det den", "kan jeg ikke følge som emne")])
    assert await repo.follows.follows("t1", "19:chan@thread.tacv2", None) == []


async def test_the_stop_button_ends_only_this_chats_follow(repo: Repository) -> None:
    conversation = Conversation(repo)
    made, _ = await repo.follows.follow("t1", "19:chan", None, "topic", "frisættelse", lang="da", now=NOW)
    other, _ = await repo.follows.follow("t1", "19:other", None, "topic", "frisættelse", lang="da", now=NOW)

    async def press(follow_id: object, conversation_id: str = "19:chan") -> str:
        turn = Turn(text="", now=NOW, scope=Scope.CHANNEL, tenant_id="t1", conversation_id=conversation_id,
                    action={"verb": "follows.stop", "follow_id": follow_id, "lang": "da"})
        return (await conversation.handle(turn)).text

    assert await press(other.id) == "Der følges ingenting her."  # another chat's follow is not this chat's
    assert await press("1; DROP TABLE follows") == "Den knap virker ikke længere."
    assert await press(made.id) == "Stoppet: emnet frisættelse følges ikke længere."
    assert [f.id for f in await repo.follows.follows("t1", "19:other", None)] == [other.id]


async def _case_card_button(repo: Repository, said: str, *, scope: Scope, conversation_id: str,
                            locale: str) -> dict[str, Any]:
    """The one button of the timeline card the bot answers ``said`` with."""
    reply = await Conversation(repo).handle(Turn(text=said, now=NOW, scope=scope, tenant_id="t1",
                                                 conversation_id=conversation_id, user_id="aad-1", locale=locale))
    assert reply.intent is Intent.CASE and reply.card is not None
    [button] = reply.card["actions"]
    return button


async def _press(repo: Repository, button: dict[str, Any], *, scope: Scope, conversation_id: str,
                 locale: str) -> str:
    turn = Turn(text="", now=NOW, scope=scope, tenant_id="t1", conversation_id=conversation_id, user_id="aad-1",
                locale=locale, action=button["data"])
    return (await Conversation(repo).handle(turn)).text


@pytest.mark.parametrize(("said", "title", "followed", "typed", "already", "scope", "conversation_id", "locale"), [
    ("vis sag 24/2316", "Følg sagen", "Så følger I sag 24/2316 her.", "følg sag 24/2316",
     "Det følges allerede – nu sag 24/2316", Scope.CHANNEL, "19:chan@thread.tacv2", "da-DK"),
    ("show case 24/2316", "Follow the case", "You now follow case 24/2316.", "follow case 24/2316",
     "Already followed – now case 24/2316", Scope.PERSONAL, "a:personal", "en-US"),
])
async def test_the_case_cards_follow_button_follows_the_case_as_typing_it_does(
        repo: Repository, said: str, title: str, followed: str, typed: str, already: str, scope: Scope,
        conversation_id: str, locale: str) -> None:
    public = Path(__file__).parent / "fixtures" / "public"
    await ingest_paths(repo, [str(public / name) for name in
                              ("d06_senior_2024-01-16.txt", "d07_oeu_2024-01-30.txt", "d08_kb_2024-02-21.txt")],
                       tenant_id="t1")
    button = await _case_card_button(repo, said, scope=scope, conversation_id=conversation_id, locale=locale)
    assert button["title"] == title
    pressed = await _press(repo, button, scope=scope, conversation_id=conversation_id, locale=locale)
    assert pressed.startswith(followed)
    # The typed command says the same in another chat, and in this one finds the button's follow already made.
    elsewhere = Turn(text=typed, now=NOW, scope=scope, tenant_id="t1", conversation_id=f"{conversation_id}-2",
                     user_id="aad-2", locale=locale)
    assert (await Conversation(repo).handle(elsewhere)).text == pressed
    await converse(repo, [(typed, already)], scope=scope, conversation_id=conversation_id, locale=locale)
    person = "aad-1" if scope is Scope.PERSONAL else None
    [made] = await repo.follows.follows("t1", conversation_id, person)
    assert (made.kind, made.text) == ("case", "24/2316")


async def test_a_follow_button_with_no_case_number_follows_nothing(repo: Repository) -> None:
    for forged in ({"verb": "follows.case", "case_number": "frisættelse", "lang": "da"},
                   {"verb": "follows.case", "case_number": 2316, "lang": "da"}, {"verb": "follows.case"}):
        text = await _press(repo, {"data": forged}, scope=Scope.CHANNEL, conversation_id="19:chan", locale="da-DK")
        assert text == "Den knap virker ikke længere."
    assert await repo.follows.follows("t1", "19:chan", None) == []
