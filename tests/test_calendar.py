"""The Danish calendar: holidays, the one meaning of "hverdag", meeting-kind keys."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from minutes.calendar import (
    COPENHAGEN,
    add_working_days,
    after_holiday,
    before_holiday,
    between_christmas_and_new_year,
    danish_holidays,
    is_working_day,
    next_working_day,
    working_days_before,
)
from minutes.dates import parse_deadline
from minutes.kinds import kind_key
from storage.followups import reminder_times

# Each day off of the municipality's calendar, in a year where it falls on a weekday where it can
# (påskedag and pinsedag are always Sundays).
HOLIDAYS = [
    ("nytårsdag", date(2026, 1, 1)),
    ("skærtorsdag", date(2026, 4, 2)),
    ("langfredag", date(2026, 4, 3)),
    ("påskedag", date(2026, 4, 5)),
    ("2. påskedag", date(2026, 4, 6)),
    ("Kristi himmelfartsdag", date(2026, 5, 14)),
    ("pinsedag", date(2026, 5, 24)),
    ("2. pinsedag", date(2026, 5, 25)),
    ("grundlovsdag", date(2026, 6, 5)),
    ("juleaftensdag", date(2026, 12, 24)),
    ("juledag", date(2026, 12, 25)),
    ("2. juledag", date(2025, 12, 26)),
    ("nytårsaftensdag", date(2026, 12, 31)),
]


def _noon(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, 12, 0, tzinfo=COPENHAGEN)


@pytest.mark.parametrize(("name", "day"), HOLIDAYS, ids=[n for n, _ in HOLIDAYS])
def test_each_holiday_is_a_day_off_that_every_working_day_count_skips(name: str, day: date) -> None:
    assert danish_holidays(day.year)[day] == name
    assert not is_working_day(day)
    if day.weekday() >= 5:
        return  # påskedag, pinsedag: a Sunday anyway
    before = working_days_before(day, 1)
    after = next_working_day(day)
    assert before < day < after and is_working_day(before) and is_working_day(after)
    # "om 1 hverdag" said the working day before lands after the holiday, never on it ...
    assert parse_deadline("om 1 hverdag", _noon(before)) == after
    assert parse_deadline("within 1 working day", _noon(before)) == after
    # ... and the overdue reminder of a follow-up due that working day before agrees.
    overdue = reminder_times(before)["followup_overdue"].astimezone(COPENHAGEN).date()
    assert overdue == add_working_days(before, 1) == after


def test_the_holiday_set_is_exactly_the_municipal_calendar() -> None:
    assert sorted(danish_holidays(2027).values()) == sorted(name for name, _ in HOLIDAYS)
    assert len(danish_holidays(2027)) == len(HOLIDAYS)
    assert date(2027, 4, 23) not in danish_holidays(2027)  # store bededag is gone


def test_working_days_skip_easter_and_christmas_in_both_directions() -> None:
    assert parse_deadline("om 3 hverdage", _noon(date(2026, 3, 31))) == date(2026, 4, 8)  # Wed, Tue after Easter
    assert parse_deadline("inden for 5 arbejdsdage", _noon(date(2026, 12, 21))) == date(2026, 12, 30)
    assert add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 28)
    assert working_days_before(date(2027, 1, 4), 1) == date(2026, 12, 30)
    assert next_working_day(date(2026, 12, 30)) == date(2026, 12, 30)
    assert next_working_day(date(2026, 12, 31)) == date(2027, 1, 4)


def test_an_ordinary_week_is_five_working_days() -> None:
    monday = date(2026, 11, 23)
    assert [is_working_day(monday + timedelta(days=i)) for i in range(7)] == [True] * 5 + [False] * 2


@pytest.mark.parametrize(
    ("kind", "key"),
    [("Rådmandsmødet", "rådmandsmøde"), ("RM", "rådmandsmøde"), ("rm meeting", "rådmandsmøde"),
     ("CT-møde", "chefteammøde"), ("  Chefteam  meeting ", "chefteammøde"), ("Testmøde 01", "testmøde 01"),
     ("Seniorudvalgets", "seniorudvalget"), ("Kommunalbestyrelsens", "kommunalbestyrelsen"),
     ("rådmandsmødets", "rådmandsmøde"), ("Economy committee's", "economy committee"),
     ("Møde hos Jens", "møde hos jens")],  # fmt: skip
)
def test_one_key_compares_meeting_kinds(kind: str, key: str) -> None:
    assert kind_key(kind) == key


def test_the_search_index_key_is_only_case_folded() -> None:
    assert kind_key("Rådmandsmøde", resolve_aliases=False) == "rådmandsmøde"
    assert kind_key("RM", resolve_aliases=False) == "rm"
    assert kind_key("Rådmandsmødet", resolve_aliases=False) == "rådmandsmødet"


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [  # 2026: Easter 5 April; school holidays in weeks 7, 42 and 27-32
        ("jul", date(2026, 12, 23), date(2026, 12, 28)),  # 27 December is a Sunday
        ("juleferie", date(2026, 12, 23), date(2027, 1, 4)),
        ("nytår", date(2026, 12, 31), date(2027, 1, 4)),
        ("påske", date(2026, 4, 1), date(2026, 4, 7)),
        ("kristi himmelfart", date(2026, 5, 13), date(2026, 5, 15)),
        ("pinse", date(2026, 5, 22), date(2026, 5, 26)),
        ("vinterferie", date(2026, 2, 6), date(2026, 2, 16)),
        ("efterårsferie", date(2026, 10, 9), date(2026, 10, 19)),
        ("sommerferie", date(2026, 6, 26), date(2026, 8, 10)),
    ],
)
def test_before_and_after_each_named_holiday(name: str, before: date, after: date) -> None:
    assert (before_holiday(name, 2026), after_holiday(name, 2026)) == (before, after)


def test_between_christmas_and_new_year_is_the_last_working_day_of_it() -> None:
    assert between_christmas_and_new_year(2026) == date(2026, 12, 30)
    assert between_christmas_and_new_year(2028) == date(2028, 12, 29)  # 30 December 2028 is a Saturday
