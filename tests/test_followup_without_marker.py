"""Follow-ups as staff type them without "opfølgning:" (issue 17, end to end): abbreviations, a dash
for the colon, and a task with a deadline or a doer. And what must stay a question or a request.

All at Wednesday 25 November 2026, 10:00 in Copenhagen. Cases written here, not taken from the blind set.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from dialogs.recognizer import recognize
from dialogs.turn import Intent

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))

# (message, due, owner or addressee, task text)
TASKS: list[tuple[str, date | None, str | None, str]] = [
    ("opf: Økonomi sender notat senest fredag", date(2026, 11, 27), "Økonomi", "Økonomi sender notat"),
    ("opf. Jens sender udbudsmateriale senest 7/1", date(2027, 1, 7), "Jens", "Jens sender udbudsmateriale"),
    ("Opf.: HR sender kontrakt om 3 arbejdsdage", date(2026, 11, 30), "HR", "HR sender kontrakt"),
    ("Opfølgning - Økonomi sender notat senest fredag", date(2026, 11, 27), "Økonomi", "Økonomi sender notat"),
    ("opfølgning – Jens ringer til pårørenderådet", None, "Jens", "Jens ringer til pårørenderådet"),
    ("follow-up: Finance sends the memo by Friday", date(2026, 11, 27), "Finance", "Finance sends the memo"),
    ("action: HR to update the rota by Monday", date(2026, 11, 30), "HR", "HR to update the rota"),
    ("todo: Plan sender tidsplan i næste uge", date(2026, 12, 4), "Plan", "Plan sender tidsplan"),
    ("@Lone sender udkast til høringssvar senest 1. marts", date(2027, 3, 1), "Lone",
     "sender udkast til høringssvar"),
    ("HR to send the policy draft by Q3", date(2027, 9, 30), "HR", "HR to send the policy draft"),
    ("Jens: notat til chefteamet inden påske", date(2027, 3, 24), "Jens", "notat til chefteamet"),
    ("Økonomi laver ny takstberegning i løbet af 1. kvartal", date(2027, 3, 31), "Økonomi",
     "Økonomi laver ny takstberegning"),
    ("inden jul sender Økonomi budgetrammerne ud", date(2026, 12, 23), "Økonomi",
     "sender Økonomi budgetrammerne ud"),
    ("Byg - tilbud på ny elevator senest 4/12", date(2026, 12, 4), "Byg", "Byg - tilbud på ny elevator"),
    ("HR to send the contract in two weeks' time", date(2026, 12, 9), "HR", "HR to send the contract"),
    ("opfølgning: Jens sender notat. Deadline er 1. marts", date(2027, 3, 1), "Jens", "Jens sender notat."),
    ("opf: Jens sender notat (deadline: 1. marts)", date(2027, 3, 1), "Jens", "Jens sender notat"),
    ("@Lone sender udkast til høringssvar", None, "Lone", "sender udkast til høringssvar"),
]


@pytest.mark.parametrize(("message", "due", "who", "text"), TASKS)
def test_a_task_is_a_followup_with_its_deadline_doer_and_text(
    message: str, due: date | None, who: str | None, text: str
) -> None:
    rec = recognize(message, NOW)
    assert rec.intent is Intent.ADD_FOLLOWUP, rec
    assert rec.slots.due == due  # type: ignore[union-attr]
    assert who in (rec.slots.owner, rec.slots.addressee)  # type: ignore[union-attr]
    assert rec.slots.text == text  # type: ignore[union-attr]


# Questions and requests that name a date or a deadline and must keep their own intent.
NOT_TASKS: list[tuple[str, Intent]] = [
    ("hvornår er deadline for budgetforslag?", Intent.DECISIONS),
    ("hvad blev besluttet om frist for budgetforslag", Intent.DECISIONS),
    ("hvad blev besluttet om demens inden sommerferien?", Intent.DECISIONS),
    ("hvornår skal budgettet være klar", Intent.DECISIONS),
    ("what was decided about the budget by Q3", Intent.DECISIONS),
    ("demens efter 1. marts", Intent.DECISIONS),
    ("frisættelse i næste uge", Intent.DECISIONS),
    ("Jens: tak!", Intent.DECISIONS),
    ("påmind os om rådmandsmøder dagen før kl. 14", Intent.SUBSCRIBE),
    ("påmind mig om chefteammøder 2 dage før", Intent.SUBSCRIBE),
    ("stop påmindelser inden jul", Intent.UNSUBSCRIBE),
    ("næste rådmandsmøde fredag", Intent.NEXT_MEETING),
    ("vis forfaldne opfølgninger inden fredag", Intent.LIST_FOLLOWUPS),
    ("opfølgningerne fra rådmandsmødet", Intent.LIST_FOLLOWUPS),
    ("luk 12", Intent.CLOSE_FOLLOWUP),
    ("Jens: notat om budget 2027", Intent.DECISIONS),  # a name and a year: no deadline, no "@"
]


@pytest.mark.parametrize(("message", "intent"), NOT_TASKS)
def test_questions_and_requests_are_not_taken_as_tasks(message: str, intent: Intent) -> None:
    assert recognize(message, NOW).intent is intent


def test_a_bare_task_without_deadline_or_doer_is_not_logged_unasked() -> None:
    # Only the answer to "Hvad skal der følges op på?" makes it a task (tests/test_followups_from_card.py).
    assert recognize("send referatet rundt til teamet", NOW).intent is not Intent.ADD_FOLLOWUP
