"""The semantic channel in ``ask``: fused with the full-text results, marked in ``matched_by``, never a
closed item in a group — on SQLite and PostgreSQL, with the fake embedder."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

from search_questions import NOW
from semantic_helpers import FakeEmbedder
from test_semantic_store import item, minutes

from bot.terminal import cli_turn, reply_to_json
from dialogs.conversation import Conversation
from storage.repository import Repository
from storage.semantic import SemanticChannel, backfill

# Twenty items that share no word with the questions below: the right item stands out from them.
FILLER = tuple(item(str(i), f"Emne{i} sagsnummer{i}", f"Beslutning{i} noteret{i}.") for i in range(10, 30))
ROUTES = item("1", "Hjemmeplejens ruteplanlægning", "Rådmanden godkendte ruteplanlægningen for hjemmeplejen.")
SECRET = item("2", "Fratrædelsesaftale områdechef", "Rådmanden godkendte fratrædelsesaftalen.", closed=True)


async def _repo_with_channel(repo: Repository) -> Repository:
    await repo.documents.ingest(minutes("a.md", date(2024, 3, 1), ROUTES, SECRET, *FILLER))
    embedder = FakeEmbedder()
    await backfill(repo.db, embedder)
    return Repository(repo.db, semantic=SemanticChannel(embedder, check_every=0))


async def _ask(repo: Repository, text: str, scope: str = "personal", allowed: bool = True) -> dict:  # type: ignore[type-arg]
    turn = cli_turn(text, now=NOW, scope=scope, tenant_id="")
    turn = dataclasses.replace(turn, may_read_confidential=allowed)
    return reply_to_json(await Conversation(repo).handle(turn))


async def test_an_english_question_the_full_text_search_misses_is_answered_by_meaning(repo: Repository) -> None:
    plain = await _ask(repo, "what was decided about hjemmeplejens ruteplanlægning weekend")
    assert plain["results"] == []  # nothing stored yet
    with_channel = await _repo_with_channel(repo)
    answer = await _ask(with_channel, "what was decided about hjemmeplejens ruteplanlægning weekend")
    assert answer["results"][0]["item_title"] == "Hjemmeplejens ruteplanlægning"
    # Since the full-text side matches part of a question (issue 15's partial matching and English glossary),
    # it may find this too; the semantic channel must be among the channels that found it.
    assert "semantic" in answer["results"][0]["matched_by"]


async def test_results_found_by_both_channels_say_so_and_full_text_results_say_lexical(repo: Repository) -> None:
    with_channel = await _repo_with_channel(repo)
    english = await _ask(with_channel, "what was decided about ruteplanlægning")
    assert english["results"][0]["item_title"] == "Hjemmeplejens ruteplanlægning"
    assert english["results"][0]["matched_by"] == ["lexical", "semantic"]
    # One full-text hit is a weak lexical answer: a Danish question then asks the semantic channel too.
    danish = await _ask(with_channel, "hvad blev besluttet om ruteplanlægning")
    assert [r["matched_by"] for r in danish["results"]] == [["lexical", "semantic"]]
    channel_off = await _ask(Repository(repo.db), "hvad blev besluttet om ruteplanlægning")
    assert [r["matched_by"] for r in channel_off["results"]] == [["lexical"]]
    for field in ("meeting_date", "meeting_kind", "item_number", "item_title", "decision", "source", "score"):
        assert field in channel_off["results"][0]


async def test_the_semantic_channel_never_lets_a_closed_item_out_in_a_group(repo: Repository) -> None:
    with_channel = await _repo_with_channel(repo)
    question = "what was decided about fratrædelsesaftale områdechef weekend"
    for scope in ("groupchat", "channel"):
        answer = await _ask(with_channel, question, scope=scope)
        assert all(r["item_title"] != SECRET.title for r in answer["results"])
        assert "fratrædelsesaftalen" not in json.dumps(answer, ensure_ascii=False).lower()  # its decision
    assert all(r["item_title"] != SECRET.title for r in (await _ask(with_channel, question, allowed=False))["results"])
    allowed = await _ask(with_channel, question)
    assert allowed["results"][0]["item_title"] == SECRET.title
    assert "semantic" in allowed["results"][0]["matched_by"]


async def test_a_question_about_nothing_in_the_archive_gets_nothing_from_the_semantic_channel(repo: Repository) -> None:
    with_channel = await _repo_with_channel(repo)
    answer = await _ask(with_channel, "what was decided about the football stadium")
    assert answer["results"] == []
