"""A follow-up's confirmation shows the due date it computed in words, so a wrong guess is seen."""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.conversation import Conversation
from dialogs.turn import Turn
from minutes.calendar import COPENHAGEN
from storage.repository import Repository


@pytest.mark.parametrize(
    ("said", "now", "shown"),
    [
        ("opfølgning: Økonomi sender budgetudkast 2027 inden sommerferien @Jens",
         datetime(2026, 4, 22, 10, 0, tzinfo=COPENHAGEN), "Frist: fredag den 26. juni 2026"),
        ("opfølgning: Jens tager fat i leverandøren efter påske",
         datetime(2026, 3, 18, 11, 45, tzinfo=COPENHAGEN), "Frist: tirsdag den 7. april 2026"),
        ("follow-up: Finance returns the signed contract within 10 working days",
         datetime(2026, 4, 1, 13, 25, tzinfo=COPENHAGEN), "Monday 20 April 2026"),
    ],
)  # fmt: skip
async def test_the_confirmation_names_the_computed_due_date(repo: Repository, said: str, now: datetime,
                                                            shown: str) -> None:
    reply = await Conversation(repo).handle(Turn(text=said, now=now))
    assert shown in reply.text, reply.text
