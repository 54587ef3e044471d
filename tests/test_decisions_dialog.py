"""Decision answers as a user reads them: cited, honest about outcomes and about filters."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.ingest import ingest_paths
from bot.terminal import cli_turn
from conftest import SAMPLES
from dialogs.conversation import Conversation
from storage.repository import Repository

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


async def ask(repo: Repository, text: str, scope: str = "personal") -> dict:
    reply = await Conversation(repo).handle(cli_turn(text, now=NOW, scope=scope, tenant_id=""))
    return {"text": reply.text, **reply.data}


async def test_a_decision_is_quoted_with_meeting_weekday_date_and_item(repo: Repository) -> None:
    await ingest_paths(repo, [str(SAMPLES)])
    answer = await ask(repo, "hvad blev besluttet om frisættelse?")
    assert answer["text"].startswith("Rådmandsmøde, tirsdag den 9. januar 2024\nPunkt 4: Frisættelse\nBeslutning:")
    assert "Godkendte den reviderede rammebeskrivelse" in answer["text"]
    assert answer["results"][0]["source"] == "004_7a5e94e19ff2f77f.txt"


async def test_a_discussion_is_not_passed_off_as_a_decision(repo: Repository) -> None:
    await ingest_paths(repo, [str(SAMPLES)])
    answer = await ask(repo, "hvad blev besluttet om studieturen til Japan?")
    assert answer["text"].startswith("Der er ikke truffet en beslutning om")
    assert "Punktet blev kun drøftet" in answer["text"]


async def test_nothing_within_the_filters_points_to_the_topic_elsewhere_without_a_result(repo: Repository) -> None:
    await ingest_paths(repo, [str(SAMPLES)])
    answer = await ask(repo, "hvad blev besluttet om frisættelse i 2021?")
    assert answer["results"] == []
    assert answer["text"].startswith("Jeg fandt ingen beslutninger om frisættelse med de afgrænsninger.")
    assert "Uden for 2021:\n\n- 9. januar 2024 · Rådmandsmøde · Punkt 4: Frisættelse · Besluttet" in answer["text"]
    assert answer["outside_filters"]["item_title"] == "Frisættelse"


async def test_an_unknown_topic_gets_a_plain_no(repo: Repository) -> None:
    await ingest_paths(repo, [str(SAMPLES)])
    answer = await ask(repo, "hvad blev besluttet om cykelstier?")
    assert answer["results"] == [] and "outside_filters" not in answer
    assert answer["text"].startswith("Jeg fandt ingen beslutninger om cykelstier")


async def test_english_questions_get_english_answers(repo: Repository) -> None:
    await ingest_paths(repo, [str(SAMPLES)])
    answer = await ask(repo, "what was decided about frisættelse?")
    assert answer["text"].startswith("Rådmandsmøde, Tuesday 9 January 2024\nItem 4: Frisættelse\nDecision:")


MINUTES_2020_09_11 = """Rådmandsmøde (Rådmandsmøde)

11-09-2020 08:30 - 09:00

Rådhuset, vær. 489

Information: Pkt. 1 kl. 8.30-9.00 Maj Morgenstjerne

Punkt 1: Sundhedsstyrelsens pulje - styrkelse af omsorg og nærvær i ældreplejen

Beslutning for Punkt 1: Sundhedsstyrelsens pulje - styrkelse af omsorg og nærvær i ældreplejen

Rådmanden godkendte, at der søges om midler til digitalt dagcenter og sidemandsoplæring.
"""


async def test_an_answer_points_to_the_indstilling_of_the_same_meeting(repo: Repository, tmp_path) -> None:
    minutes = tmp_path / "rm-2020-09-11.txt"
    minutes.write_text(MINUTES_2020_09_11, encoding="utf-8")
    indstilling = SAMPLES / "003_dee364413f1b8400.txt"
    await ingest_paths(repo, [str(minutes), str(indstilling)])
    answer = await ask(repo, "hvad blev besluttet om sidemandsoplæring?")
    top = answer["results"][0]
    assert (top["source"], top["item_number"]) == ("rm-2020-09-11.txt", "1")
    assert top["related"] == [
        {"source": indstilling.name, "kind": "Rådmandsindstilling",
         "title": "Sparring ift. indsatser til Sundhedsstyrelsens pulje: ”Styrkelse af omsorg og nærvær i ældreplejen”"}
    ]
    assert "Se også: Rådmandsindstilling – Sparring ift. indsatser" in answer["text"]


async def test_a_closed_indstilling_is_never_pointed_to_in_a_channel(repo: Repository, tmp_path) -> None:
    minutes = tmp_path / "rm-2020-09-11.txt"
    minutes.write_text(MINUTES_2020_09_11, encoding="utf-8")
    closed = tmp_path / "lukket.txt"
    closed.write_text(
        (SAMPLES / "003_dee364413f1b8400.txt").read_text(encoding="utf-8")
        .replace('<input checked="" type="checkbox"/> Åben', '<input type="checkbox"/> Åben')
        .replace('<input type="checkbox"/> Lukket', '<input checked="" type="checkbox"/> Lukket'),
        encoding="utf-8",
    )
    await ingest_paths(repo, [str(minutes), str(closed)])
    answer = await ask(repo, "hvad blev besluttet om sidemandsoplæring?", scope="channel")
    assert answer["results"][0]["source"] == "rm-2020-09-11.txt"
    assert answer["results"][0]["related"] == []
    assert "Sparring" not in answer["text"] and "lukket.txt" not in answer["text"]


async def test_an_indstilling_is_cited_as_itself(repo: Repository) -> None:
    await ingest_paths(repo, [str(SAMPLES)])
    answer = await ask(repo, "hvad blev besluttet om effektmål?")
    assert answer["text"].startswith("Rådmandsindstilling, torsdag den 22. februar 2018\nMSOs effektmål i Budget 2019\n")
    assert answer["results"][0]["document_kind"] == "Rådmandsindstilling"


async def test_an_answer_links_to_the_original_when_ingest_was_given_a_source_url_base(repo: Repository) -> None:
    await ingest_paths(repo, [str(SAMPLES)], source_url_base="https://intra.aarhus.dk/referater/")
    reply = await Conversation(repo).handle(cli_turn("hvad blev besluttet om frisættelse?", now=NOW, scope="personal", tenant_id=""))
    url = "https://intra.aarhus.dk/referater/004_7a5e94e19ff2f77f.txt"
    assert f"[Åbn referatet]({url})" in reply.text
    assert reply.card is not None
    assert {"type": "Action.OpenUrl", "title": "Åbn referatet", "url": url} in _actions(reply.card)


def _actions(node: object) -> list[dict]:
    """Every action anywhere in a card."""
    if isinstance(node, dict):
        found = [node] if str(node.get("type", "")).startswith("Action.") else []
        return found + [a for value in node.values() for a in _actions(value)]
    if isinstance(node, list):
        return [a for value in node for a in _actions(value)]
    return []
