"""What a question says around its topic, through the chat path on SQLite and PostgreSQL: a family of
documents to browse ("hvilke indstillinger blev godkendt i 2022"), "hvad kom der ud af …" (the last
outcome, never an agenda not yet held), and a year that names a plan, not a meeting ("sparekataloget
til 2025", decided in 2024)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from bot.terminal import cli_turn
from dialogs.conversation import Conversation
from minutes.model import AgendaItem, DocumentType, Meeting, Outcome
from minutes.periods import find_period
from storage.repository import Repository

NOW = datetime.fromisoformat("2026-12-07T10:00:00+01:00")
TENANT = "t-cues"


def _minutes(day: date, *items: tuple[str, str, Outcome], agenda: bool = False) -> Meeting:
    kind = "Rådmandsmøde"
    return Meeting(
        source=f"{day}_{'dagsorden' if agenda else 'referat'}.txt", kind=kind, title=kind, date=day,
        document_type=DocumentType.AGENDA if agenda else DocumentType.MINUTES, meeting_kind=kind,
        items=tuple(AgendaItem(str(n), title, decision=text, outcome=outcome)
                    for n, (title, text, outcome) in enumerate(items, 1)),
    )


def _indstilling(day: date, title: str, text: str) -> Meeting:
    return Meeting(
        source=f"{day}_indstilling.txt", kind="Rådmandsindstilling", title=title, date=day,
        document_type=DocumentType.INDSTILLING, meeting_kind="Rådmandsmøde",
        items=(AgendaItem(None, title, decision=text, outcome=Outcome.DECIDED),),
    )


ARCHIVE = (
    _minutes(date(2019, 11, 22),
             ("Skærmbesøg i hjemmeplejen – pilotprojekt", "Rådmanden godkendte et pilotprojekt med skærmbesøg i "
              "to distrikter.", Outcome.DECIDED),
             ("Budget 2020 – proces", "Rådmanden godkendte processen.", Outcome.DECIDED)),
    _minutes(date(2022, 1, 28),
             ("Skærmbesøg – evaluering af pilotprojektet", "Rådmanden tog evalueringen af pilotprojektet med "
              "skærmbesøg til efterretning: borgerne er tilfredse, og skærmbesøg udrulles til hele hjemmeplejen.",
              Outcome.NOTED),
             ("Ensomhed – handleplan", "Rådmanden godkendte handleplanen mod ensomhed.", Outcome.DECIDED)),
    _indstilling(date(2022, 9, 1), "Pårørendeapp – indkøb", "Rådmanden godkendte indkøb af en app til pårørende."),
    _indstilling(date(2023, 3, 10), "Demensvenlig kommune", "Rådmanden godkendte indstillingen om demensvenlig kommune."),
    _minutes(date(2023, 8, 24),
             ("Budgetopfølgning pr. 30. juni 2023", "Chefteamet tog budgetopfølgningen pr. 30. juni til "
              "efterretning. Der forventes et merforbrug på 23,5 mio. kr.", Outcome.NOTED)),
    _minutes(date(2024, 5, 3),
             ("Budget 2025 – sparekatalog", "Rådmanden besluttede, hvilke besparelsesforslag der indgår i "
              "sparekataloget.", Outcome.DECIDED)),
    _minutes(date(2025, 4, 24),
             ("Interne budgetforslag 2026", "Chefteamet drøftede besparelser og sparekataloget for 2026.",
              Outcome.DISCUSSED)),
    _minutes(date(2023, 2, 10),
             ("Tillidsreform – afbureaukratisering i hjemmeplejen", "Rådmandsmødekredsen drøftede tillidsreformen "
              "og færre dokumentationskrav i hjemmeplejen.", Outcome.DISCUSSED)),
    _indstilling(date(2023, 11, 9), "Frisættelse af plejehjemmene", "Rådmanden godkendte frisættelse af "
                 "plejehjemmene efter en ramme, som også hjemmeplejen skal følge."),
    _minutes(date(2027, 1, 15),
             ("Skærmbesøg – pilotprojekt i plejeboliger", "", Outcome.NONE), agenda=True),
)


async def _ask(repo: Repository, text: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    for meeting in ARCHIVE:
        await repo.documents.ingest(meeting, tenant_id=TENANT, now=NOW)
    reply = await Conversation(repo).handle(cli_turn(text, now=NOW, scope="personal", tenant_id=TENANT))
    return reply.data, list(reply.data.get("results", []))


@pytest.mark.parametrize("question", ["hvilke indstillinger blev godkendt i 2022",
                                      "which recommendations were approved in 2022"])
async def test_a_family_of_documents_is_browsed_within_the_period(repo: Repository, question: str) -> None:
    data, results = await _ask(repo, question)
    assert data.get("intent") == "browse"
    assert [r["item_title"] for r in results] == ["Pårørendeapp – indkøb"]
    assert {r["document_type"] for r in results} == {"indstilling"}


async def test_a_family_of_documents_without_a_period_lists_them_newest_first(repo: Repository) -> None:
    data, results = await _ask(repo, "indstillinger")
    assert [r["item_title"] for r in results] == [
        "Frisættelse af plejehjemmene", "Demensvenlig kommune", "Pårørendeapp – indkøb"]


async def test_a_family_of_documents_with_a_committee_lists_every_one(repo: Repository) -> None:
    # Each indstilling is its own document: not "the newest meeting" of the committee.
    _, results = await _ask(repo, "hvilke indstillinger har rådmandsmødet fået")
    assert [r["item_title"] for r in results] == [
        "Frisættelse af plejehjemmene", "Demensvenlig kommune", "Pårørendeapp – indkøb"]


@pytest.mark.parametrize("document_type", ["indstilling", ["indstilling"], {"x": 1}, 7, None, "bogus"])
async def test_the_more_button_keeps_the_family_and_refuses_odd_values(repo: Repository, document_type: Any) -> None:
    from dialogs import decisions

    for meeting in ARCHIVE:
        await repo.documents.ingest(meeting, tenant_id=TENANT, now=NOW)
    payload = {"shown": 1, "q": {"topic": "", "start": "2022-01-01", "end": "2022-12-31", "outcome_wanted": "decided",
                                 "document_type": document_type, "lang": "da"}}
    turn = cli_turn("", now=NOW, scope="personal", tenant_id=TENANT)
    reply = await decisions.more(repo, turn, payload)
    types = {r["document_type"] for r in reply.data.get("results", [])}
    assert types == ({"indstilling"} if document_type == "indstilling" else {"minutes", "indstilling"})


async def test_what_came_of_a_pilot_is_its_last_outcome_not_its_start_nor_a_coming_agenda(repo: Repository) -> None:
    _, results = await _ask(repo, "hvad kom der ud af pilotprojektet med skærmbesøg")
    assert results and results[0]["item_title"] == "Skærmbesøg – evaluering af pilotprojektet"
    assert all(r["outcome"] != "none" for r in results[:2])
    # Asked what was decided, the decision itself comes first.
    _, results = await _ask(repo, "hvad blev besluttet om pilotprojektet med skærmbesøg")
    assert results and results[0]["item_title"] == "Skærmbesøg i hjemmeplejen – pilotprojekt"


async def test_a_year_after_til_names_the_plan_decided_the_year_before(repo: Repository) -> None:
    _, results = await _ask(repo, "hvad blev besluttet om sparekataloget til 2025")
    assert results and results[0]["item_title"] == "Budget 2025 – sparekatalog"


async def test_a_month_that_names_the_subject_finds_the_item_of_a_later_meeting(repo: Repository) -> None:
    # No meeting in June 2023: the month names the figures, reported in August.
    _, results = await _ask(repo, "budgetopfølgning juni 2023")
    assert results and results[0]["item_title"] == "Budgetopfølgning pr. 30. juni 2023"
    # A month the item does not name is no answer that way.
    _, results = await _ask(repo, "budgetopfølgning marts 2023")
    assert results == []


@pytest.mark.parametrize(("text", "year"), [
    ("hvad blev besluttet om sparekataloget til 2025", None),
    ("which cuts were chosen for the 2025 budget", None),
    ("midler til året 2026", None),
    ("hvad besluttede chefteamet i 2021", 2021),
    ("hvad blev besluttet om budgettet for 2021", 2021),  # a period; retried as a topic word when empty
    ("demens fra 2023", 2023),
    ("opfølgning på budgettet pr 30 juni 2023", None),  # the date the figures are as of
    ("status pr. 1. maj 2024 på ventelisten", None),
    ("udgifter pr medarbejder i 2023", 2023),
    ("budget pr 30/6 2023", None),
])
def test_which_years_are_periods(text: str, year: int | None) -> None:
    period, _ = find_period(text, NOW)
    assert (period.start.year if period and period.start else None) == year


def test_a_follow_up_word_with_a_long_past_date_is_a_question_not_a_new_task() -> None:
    from dialogs.recognizer import recognize
    from dialogs.turn import Intent

    assert recognize("opfølgning på budgettet pr 30 juni 2023", NOW).intent is Intent.DECISIONS
    # With a doer and a coming deadline it is still a task.
    assert recognize("opfølgning Økonomi sender notat senest fredag", NOW).intent is Intent.ADD_FOLLOWUP


def test_a_dash_between_the_topic_and_its_question_is_no_word() -> None:
    from dialogs.recognizer import recognize
    from dialogs.turn import Intent

    # Twelve words and a dash: still a topic worth searching.
    text = "free choice of home help provider under integrated care - where are we"
    assert recognize(text, NOW).intent is Intent.DECISIONS


@pytest.mark.parametrize(("text", "lang"), [
    ("how many home care clients get video visits now", "en"),  # no word of the old list, plainly English
    ("hvor mange borgere får skærmbesøg nu", "da"),
    ("status på demens", "da"),
])
def test_the_language_of_a_question_without_decision_words(text: str, lang: str) -> None:
    from dialogs.recognizer import recognize

    assert recognize(text, NOW).lang == lang


def test_a_topic_alone_is_told_from_a_question_about_decisions() -> None:
    from dialogs.recognizer import recognize

    assert recognize("tillidsreform hjemmeplejen", NOW).slots.topic_only
    assert not recognize("hvad blev besluttet om tillidsreform", NOW).slots.topic_only


async def test_a_topic_alone_asks_about_the_matter_decided_or_not(repo: Repository) -> None:
    # The item that names the topic comes before a decision that names it by another name.
    _, results = await _ask(repo, "tillidsreform hjemmeplejen")
    assert results and results[0]["item_title"] == "Tillidsreform – afbureaukratisering i hjemmeplejen"


def test_a_long_question_without_decision_words_is_still_a_question_for_the_minutes() -> None:
    from dialogs.recognizer import recognize
    from dialogs.turn import Intent

    asked = "hvad gør vi for at færre af dem vi uddanner til plejen smider håndklædet undervejs i praktikken?"
    assert recognize(asked, NOW).intent is Intent.DECISIONS
    # The same length said as a statement is no question.
    said = "færre af dem vi uddanner til plejen smider håndklædet undervejs i praktikken end sidste år og det er godt"
    assert recognize(said, NOW).intent is not Intent.DECISIONS


@pytest.mark.parametrize(("text", "start", "end"), [
    ("hvad blev besluttet før sommerferien 2023", None, date(2023, 6, 30)),
    ("hvad skete der i efterårsferien 2022", date(2022, 10, 15), date(2022, 10, 23)),
    ("beslutninger efter påske 2024", date(2024, 4, 2), None),
    ("hvad blev besluttet i jul 2023", date(2023, 7, 1), date(2023, 7, 31)),  # "jul" alone is July
    ("what did the alderman decide before the summer holidays 2023", None, date(2023, 6, 30)),
    ("what was decided after easter 2024", date(2024, 4, 2), None),
])
def test_holidays_are_periods(text: str, start: date | None, end: date | None) -> None:
    period, _ = find_period(text, NOW)
    assert period is not None and (period.start, period.end) == (start, end)


async def test_a_meeting_named_by_its_date_alone_is_browsed(repo: Repository) -> None:
    data, results = await _ask(repo, "rådmandsmødet 3/5-24")
    assert data.get("intent") == "browse"
    assert [r["item_title"] for r in results] == ["Budget 2025 – sparekatalog"]


async def test_words_about_items_are_no_topic_so_a_presenters_items_are_browsed(repo: Repository) -> None:
    meeting = Meeting(source="2021-06-18_referat.txt", kind="Rådmandsmøde", title="Rådmandsmøde", date=date(2021, 6, 18),
                      meeting_kind="Rådmandsmøde", items=(AgendaItem("1", "Hospice", presenters=("Ole Sandholm",),
                                                                      decision="Godkendt.", outcome=Outcome.DECIDED),))
    await repo.documents.ingest(meeting, tenant_id=TENANT, now=NOW)
    data, results = await _ask(repo, "items presented by Ole Sandholm")
    assert data.get("intent") == "browse" and [r["item_title"] for r in results] == ["Hospice"]


async def test_the_committee_said_without_its_name_is_no_filter(repo: Repository) -> None:
    from minutes.committee import committee_mention

    assert committee_mention("hvad behandlede udvalget den 3. maj 2024") is None
    assert committee_mention("hvad behandlede seniorudvalget den 3. maj 2024") is not None
    data, results = await _ask(repo, "hvad behandlede udvalget den 3. maj 2024")
    assert data.get("intent") == "browse" and [r["item_title"] for r in results] == ["Budget 2025 – sparekatalog"]
