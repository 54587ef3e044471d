"""The examples at the top of issue 14, on the samples, through the chat path, on SQLite and PostgreSQL.

Each was answered "Jeg fandt ingen beslutninger" by the strict AND search: browsing a meeting or a year,
another word for the topic (hjemmehjælp / Hjemmeplejen, personalemangel / "Flere hænder": rekruttering
og fastholdelse), English, and a topic the samples never mention, which must stay "nothing found".
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.ingest import ingest_paths
from bot.terminal import cli_turn
from conftest import SAMPLES
from dialogs.conversation import Conversation
from dialogs.turn import Reply
from storage.repository import Repository

NOW = datetime.fromisoformat("2026-12-07T10:00:00+01:00")


async def _ask(repo: Repository, text: str, scope: str = "personal") -> Reply:
    await ingest_paths(repo, [str(SAMPLES)])
    return await Conversation(repo).handle(cli_turn(text, now=NOW, scope=scope, tenant_id=""))


def _results(reply: Reply) -> list[dict[str, Any]]:
    return list(reply.data.get("results", []))


async def test_a_meeting_without_a_topic_lists_that_meetings_items(repo: Repository) -> None:
    reply = await _ask(repo, "hvad blev besluttet på rådmandsmødet den 15. september 2023?")
    results = _results(reply)
    assert reply.data.get("intent") == "browse" and len(results) >= 2
    assert {r["meeting_date"] for r in results} == {"2023-09-15"}
    assert {r["meeting_kind"] for r in results} == {"Rådmandsmøde"}
    # A list: one line per item, no decision shown in full before them.
    card_text = str(reply.card)
    assert "Vis beslutning" in card_text and results[0]["decision"][:60] not in reply.text


async def test_a_year_of_one_kind_lists_its_items(repo: Repository) -> None:
    reply = await _ask(repo, "hvad besluttede chefteamet i 2021?")
    results = _results(reply)
    assert reply.data.get("intent") == "browse" and results
    assert all(r["meeting_date"].startswith("2021-") and r["meeting_kind"] == "Chefteammøde" for r in results)
    # Standing items ("Eventuelt") come after the matters decided.
    titles = [r["item_title"] for r in results]
    if "Eventuelt" in titles:
        assert titles.index("Eventuelt") == len(titles) - 1


async def test_another_word_for_the_topic_finds_it(repo: Repository) -> None:
    for question in ("hjemmehjælp", "hvad blev besluttet om hjemmehjælp?"):
        results = _results(await _ask(repo, question))
        assert results and "Hjemmeplejen" in results[0]["decision"], question
    for question in ("personalemangel", "hvad blev besluttet om mangel på medarbejdere"):
        results = _results(await _ask(repo, question))
        assert results and results[0]["item_title"].startswith("Anvendelse af midler fra Finansloven 2021"), question
        assert results[0]["meeting_date"] == date(2024, 1, 9).isoformat()


async def test_english_about_the_danish_minutes(repo: Repository) -> None:
    reply = await _ask(repo, "what was decided about home care?")
    results = _results(reply)
    assert results and "Hjemmeplejen" in results[0]["decision"]
    assert "lexical" in results[0]["matched_by"]
    assert "decided" in reply.text.lower() or "decision" in reply.text.lower()  # answered in English


async def test_a_topic_never_discussed_stays_nothing_found(repo: Repository) -> None:
    for question in ("hvad blev besluttet om rumfart?", "hvad blev besluttet om budget 2030",
                     "what was decided about the new swimming pool?"):
        reply = await _ask(repo, question)
        assert _results(reply) == [], (question, [r["item_title"] for r in _results(reply)])
