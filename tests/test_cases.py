"""Following a case across committees (issue 15), on SQLite and PostgreSQL, as conversations.

Case 24/2316 runs Seniorudvalget 16-01-2024 -> Økonomiudvalget 30-01-2024 -> Kommunalbestyrelsen
21-02-2024, is spelled EMN-2024-02316 by the portal (05-03-2025), and its running title
("Akutpladser - …") carries it on to 04-06-2026. Closed case 22/9914 runs Økonomiudvalget -> the council.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from bot.ingest import ingest_paths
from bot.terminal import cli_turn
from dialogs.conversation import Conversation
from dialogs.recognizer import recognize
from dialogs.slots import CaseSlots
from dialogs.turn import Intent, Reply
from minutes.cases import case_key
from storage.repository import Repository

PUBLIC = Path(__file__).parent / "fixtures" / "public"
NOW = datetime.fromisoformat("2026-12-07T10:00:00+01:00")


async def _ask(repo: Repository, text: str, *, scope: str = "personal", reader: bool = False) -> Reply:
    turn = cli_turn(text, now=NOW, scope=scope, tenant_id="")
    return await Conversation(repo).handle(dataclasses.replace(turn, may_read_confidential=reader))


async def _ingest(repo: Repository) -> None:
    report = await ingest_paths(repo, [str(p) for p in sorted(PUBLIC.glob("d*"))])
    assert report["failed"] == []


def _steps(reply: Reply, key: str = "timeline") -> list[tuple[str, str]]:
    return [(r["source"][:3], r["item_number"]) for r in reply.data[key]]


def test_case_questions_are_recognised_with_their_number_or_subject() -> None:
    for text, number, topic in [
        ("vis sag 22/8731", "22/8731", None),
        ("hvad er der sket i sagen om akutpladser?", None, "akutpladser"),
        ("what happened to the case about the health centre", None, "health centre"),
        ("sag EMN-2024-02316", "EMN-2024-02316", None),
    ]:
        rec = recognize(text, NOW)
        assert rec.intent is Intent.CASE, text
        assert isinstance(rec.slots, CaseSlots)
        assert (rec.slots.case_number, rec.slots.topic) == (number, topic), text
    assert recognize("hvad blev besluttet om akutpladser?", NOW).intent is Intent.DECISIONS


async def test_a_case_across_three_committees_is_a_timeline_oldest_first(repo: Repository) -> None:
    await _ingest(repo)
    reply = await _ask(repo, "vis sag 24/2316")
    assert reply.intent is Intent.CASE
    assert _steps(reply) == [("d06", "1"), ("d07", "7"), ("d08", "20"), ("d10", "1"), ("d14", "4")]
    assert _steps(reply, "results")[0] == ("d14", "4")  # where the case stands now
    committees = [r["meeting_kind"] for r in reply.data["timeline"][:3]]
    assert committees == ["Seniorudvalget", "Økonomiudvalget", "Kommunalbestyrelsen"]
    text = reply.text
    assert text.index("Økonomiudvalget") < text.index("Kommunalbestyrelsen")
    assert "d08_kb_2024-02-21.txt" in text  # every step is cited


async def test_the_portals_spelling_of_a_case_number_finds_the_same_case(repo: Repository) -> None:
    await _ingest(repo)
    reply = await _ask(repo, "vis sag EMN-2024-02316")
    assert ("d06", "1") in _steps(reply) and ("d08", "20") in _steps(reply)


async def test_a_case_found_by_its_subject(repo: Repository) -> None:
    await _ingest(repo)
    reply = await _ask(repo, "hvad er der sket i sagen om madordningen på plejecentrene?")
    steps = _steps(reply)
    assert steps[0] == ("d03", "99") and ("d10", "2") in steps
    english = await _ask(repo, "what happened to the case about the acute care unit")
    assert english.intent is Intent.CASE and ("d08", "20") in _steps(english)


async def test_closed_items_stay_out_of_timelines_in_group_chats_and_channels(repo: Repository) -> None:
    await _ingest(repo)
    for scope in ("channel", "groupchat"):
        reply = await _ask(repo, "vis sag 22/9914", scope=scope, reader=True)
        assert reply.data["results"] == []
        assert "Nørholm" not in reply.text and "forlig" not in reply.text.lower()
    personal = await _ask(repo, "vis sag 22/9914", reader=True)
    assert _steps(personal) == [("d07", "10"), ("d08", "23")]  # an allowed reader in a personal chat
    assert (await _ask(repo, "vis sag 22/9914")).data["results"] == []  # not on the allow-list


async def test_a_decision_on_a_case_item_says_where_the_case_went_next(repo: Repository) -> None:
    await _ingest(repo)
    reply = await _ask(repo, "hvad besluttede Seniorudvalget om udvidelse af akutcentret i januar 2024?")
    assert reply.data["results"][0]["source"] == "d06_senior_2024-01-16.txt"
    assert "Sagen blev behandlet igen i Økonomiudvalget tirsdag den 30. januar 2024." in reply.text


async def test_an_unknown_case_number_is_said_plainly(repo: Repository) -> None:
    await _ingest(repo)
    reply = await _ask(repo, "vis sag 99/12345")
    assert reply.data["results"] == [] and "99/12345" in reply.text


async def test_the_timeline_card_offers_to_follow_its_one_case(repo: Repository) -> None:
    await _ingest(repo)
    [button] = (await _ask(repo, "vis sag EMN-2024-02316")).card["actions"]
    assert (button["title"], button["data"]["case_number"]) == ("Følg sagen", "EMN-2024-02316")  # as asked
    [button] = (await _ask(repo, "hvad er der sket i sagen om madordningen på plejecentrene?")).card["actions"]
    assert button["data"]["case_number"] == "EMN-2022-15508"  # the one case its steps share
    mixed = await _ask(repo, "hvad er der sket i sagen om akutpladser?")  # 290-2022-1903 and 24/2316
    assert len({case_key(r["case_number"]) for r in mixed.data["timeline"]} - {None}) == 2
    assert "actions" not in mixed.card  # no one case to follow
