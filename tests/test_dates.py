"""Danish deadlines and periods: a hand-computed table, spans inside sentences, period filters."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, time
from pathlib import Path

import pytest
from deadline_cases import CASES, HELD_OUT, NOW, Case

from minutes import dates
from minutes.calendar import COPENHAGEN, easter_sunday, format_time
from minutes.dates import (
    DeadlineMatch,
    date_cue_starts,
    find_deadline,
    is_no_deadline,
    may_contain_date,
    parse_deadline,
)
from minutes.periods import Period, find_period


def _case_id(case: Case) -> str:
    return f"{case.text}@{case.now:%Y-%m-%d}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_parse_deadline_gives_the_hand_computed_date(case: Case) -> None:
    got = parse_deadline(
        case.text, case.now, meetings=case.meetings, prefer_future=case.prefer_future
    )
    assert got == case.due


@pytest.mark.parametrize("case", [c for c in CASES if c.due is not None], ids=_case_id)
def test_find_deadline_reports_date_and_span_of_the_whole_phrase(case: Case) -> None:
    found = find_deadline(
        case.text, case.now, meetings=case.meetings, prefer_future=case.prefer_future
    )
    assert found is not None
    phrase = case.phrase if case.phrase is not None else case.text
    start = case.text.index(phrase)
    assert found == DeadlineMatch(case.due, start, start + len(phrase), phrase)


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 60


def test_subpoint_numbers_and_clock_times_are_not_deadlines() -> None:
    assert find_deadline("3.1 Kommende møder", NOW) is None
    assert find_deadline("Mødet starter kl. 8.12 i lokale 2", NOW) is None
    assert find_deadline("Der var 10-12 deltagere", NOW) is None
    assert find_deadline("Ansøgningsfristen er ikke fastlagt", NOW) is None


def test_a_month_or_holiday_in_passing_is_not_a_deadline() -> None:
    assert find_deadline("Rapporten fra marts blev drøftet", NOW) is None
    assert find_deadline("Julefrokosten er aflyst; jul er jul", NOW) is None


@pytest.mark.parametrize(
    ("text", "phrase", "due"),
    [
        ("Dato: 15.12", "Dato: 15.12", date(2026, 12, 15)),
        ("Send it by the 15th of December, thanks", "by the 15th of December", date(2026, 12, 15)),
        ("Deadline - uge 2", "Deadline - uge 2", date(2027, 1, 15)),
        ("svar senest om 14 dage", "senest om 14 dage", date(2026, 12, 9)),
        ("within 5 working days", "within 5 working days", date(2026, 12, 2)),
        ("torsdag i uge 53", "torsdag i uge 53", date(2026, 12, 31)),
        ("ultimo 2027", "ultimo 2027", date(2027, 12, 31)),
        ("Jens: inden jul!", "inden jul", date(2026, 12, 23)),
    ],
)
def test_more_phrases_and_their_spans(text: str, phrase: str, due: date) -> None:
    found = find_deadline(text, NOW)
    assert found is not None
    assert (found.due, found.phrase, text[found.start : found.end]) == (due, phrase, phrase)


def test_find_deadline_returns_the_first_of_two_deadlines() -> None:
    found = find_deadline("Udkast i morgen og endelig version senest uge 50", NOW)
    assert found is not None
    assert (found.due, found.phrase) == (date(2026, 11, 26), "i morgen")


def test_two_dates_in_one_answer_are_not_guessed() -> None:
    assert parse_deadline("fredag eller mandag", NOW) is None


def test_meeting_kinds_match_case_insensitively_and_by_alias() -> None:
    meetings = {"rådmandsmøde": date(2027, 1, 11), "CHEFTEAMMØDE": date(2026, 12, 1)}
    assert parse_deadline("til næste Rådmandsmøde", NOW, meetings=meetings) == date(2027, 1, 11)
    assert parse_deadline("inden næste CT", NOW, meetings=meetings) == date(2026, 12, 1)
    assert parse_deadline("by the next CT meeting", NOW, meetings=meetings) == date(2026, 12, 1)


def test_naive_now_is_copenhagen_wall_time() -> None:
    assert parse_deadline("i dag", datetime(2026, 3, 29, 23, 59)) == date(2026, 3, 29)


def test_prefer_future_false_keeps_a_passed_week_in_nows_year() -> None:
    old = datetime(2021, 8, 20, tzinfo=COPENHAGEN)
    assert parse_deadline("uge 2", old, prefer_future=False) == date(2021, 1, 15)
    assert parse_deadline("uge 2", old) == date(2022, 1, 14)


@pytest.mark.parametrize(
    "text",
    ["ingen frist", "Ingen deadline", "no deadline", "nej", "ikke nogen frist", "Nej tak."],
)
def test_no_deadline_answers_are_recognised(text: str) -> None:
    assert is_no_deadline(text)
    assert parse_deadline(text, NOW) is None


@pytest.mark.parametrize("text", ["på fredag", "uge 2", "nej, fredag", "ingen frist på fredag"])
def test_dates_are_not_mistaken_for_no_deadline(text: str) -> None:
    assert not is_no_deadline(text)


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)),
     (2027, date(2027, 3, 28)), (2038, date(2038, 4, 25))],  # fmt: skip
)
def test_easter_sunday(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_clock_times_have_leading_zeros() -> None:
    assert format_time(time(8, 30)) == "08:30"
    assert format_time(time(14, 5)) == "14:05"


# ---------------------------------------------------------------------------------------------
# find_period: now is Wednesday 25 Nov 2026
# ---------------------------------------------------------------------------------------------

P = Period
PERIOD_CASES: list[tuple[str, Period | None, str]] = [
    ("hvad blev besluttet om demens i 2023?", P(date(2023, 1, 1), date(2023, 12, 31)),
     "hvad blev besluttet om demens?"),
    ("decisions on dementia in 2023", P(date(2023, 1, 1), date(2023, 12, 31)),
     "decisions on dementia"),
    ("referater fra 2023", P(date(2023, 1, 1), date(2023, 12, 31)), "referater"),
    ("demens 2023", P(date(2023, 1, 1), date(2023, 12, 31)), "demens"),
    ("hjemmepleje i januar 2024", P(date(2024, 1, 1), date(2024, 1, 31)), "hjemmepleje"),
    ("januar 2024 hjemmepleje", P(date(2024, 1, 1), date(2024, 1, 31)), "hjemmepleje"),
    ("i januar", P(date(2026, 1, 1), date(2026, 1, 31)), ""),
    ("i december", P(date(2025, 12, 1), date(2025, 12, 31)), ""),  # Dec 2026 has not started
    ("i november", P(date(2026, 11, 1), date(2026, 11, 30)), ""),  # started, so this year
    ("sidste år", P(date(2025, 1, 1), date(2025, 12, 31)), ""),
    ("last year", P(date(2025, 1, 1), date(2025, 12, 31)), ""),
    ("i år", P(date(2026, 1, 1), date(2026, 12, 31)), ""),
    ("this year", P(date(2026, 1, 1), date(2026, 12, 31)), ""),
    ("sidste måned", P(date(2026, 10, 1), date(2026, 10, 31)), ""),
    ("last month", P(date(2026, 10, 1), date(2026, 10, 31)), ""),
    ("efter 1. marts", P(date(2026, 3, 2), None), ""),
    ("før 2022", P(None, date(2021, 12, 31)), ""),
    ("inden 2022", P(None, date(2021, 12, 31)), ""),
    ("before 2022", P(None, date(2021, 12, 31)), ""),
    ("siden 2021", P(date(2021, 1, 1), None), ""),
    ("since 2021", P(date(2021, 1, 1), None), ""),
    ("mellem 2020 og 2022", P(date(2020, 1, 1), date(2022, 12, 31)), ""),
    ("fra 2019 til 2021", P(date(2019, 1, 1), date(2021, 12, 31)), ""),
    ("mellem januar og marts 2024", P(date(2024, 1, 1), date(2024, 3, 31)), ""),
    ("i efteråret 2020", P(date(2020, 9, 1), date(2020, 11, 30)), ""),
    ("foråret 2021", P(date(2021, 3, 1), date(2021, 5, 31)), ""),
    ("i sommeren 2022", P(date(2022, 6, 1), date(2022, 8, 31)), ""),
    ("vinteren 2021", P(date(2020, 12, 1), date(2021, 2, 28)), ""),
    ("i vinteren 2020/21", P(date(2020, 12, 1), date(2021, 2, 28)), ""),
    ("i september 2020", P(date(2020, 9, 1), date(2020, 9, 30)), ""),
    ("mødet den 15. september 2023", P(date(2023, 9, 15), date(2023, 9, 15)), "mødet"),
    ("15/9 2023", P(date(2023, 9, 15), date(2023, 9, 15)), ""),
    ("9/1", P(date(2026, 1, 9), date(2026, 1, 9)), ""),
    ("referatet fra 30/11", P(date(2025, 11, 30), date(2025, 11, 30)), "referatet"),
    ("Q1 2024", P(date(2024, 1, 1), date(2024, 3, 31)), ""),
    ("de sidste 3 måneder", P(date(2026, 8, 26), date(2026, 11, 25)), ""),
    ("fra 2019 og frem", P(date(2019, 1, 1), None), ""),
    ("møder i uge 43", P(date(2026, 10, 19), date(2026, 10, 25)), "møder"),
    ("uge 50", P(date(2025, 12, 8), date(2025, 12, 14)), ""),  # 2026-W50 has not started
    ("uge 2 2024", P(date(2024, 1, 8), date(2024, 1, 14)), ""),
    ("hvad besluttede CT den 11. september?", P(date(2026, 9, 11), date(2026, 9, 11)),
     "hvad besluttede CT?"),
    ("budget 2019 i 2020", P(date(2020, 1, 1), date(2020, 12, 31)), "budget 2019"),
    # numbers that are not periods stay in the text
    ("Budget 2019", None, "Budget 2019"),
    ("budgettet 2021", None, "budgettet 2021"),
    ("finansloven 2020", None, "finansloven 2020"),
    ("B 2019", None, "B 2019"),
    ("budget 2019-2022", None, "budget 2019-2022"),
    ("tilskud på 2000 kr.", None, "tilskud på 2000 kr."),
    ("3.1 Kommende møder", None, "3.1 Kommende møder"),
    ("punkt 12 om 1850 borgere", None, "punkt 12 om 1850 borgere"),
    ("sag 2023-0042", None, "sag 2023-0042"),
    ("hvad skete der med demens?", None, "hvad skete der med demens?"),
    ("sommer og maj", None, "sommer og maj"),
    # ago: the calendar year / month / ISO week it names
    ("for 2 år siden", P(date(2024, 1, 1), date(2024, 12, 31)), ""),
    ("demens for to år siden", P(date(2024, 1, 1), date(2024, 12, 31)), "demens"),
    ("hvad besluttede CT for et år siden?", P(date(2025, 1, 1), date(2025, 12, 31)),
     "hvad besluttede CT?"),
    ("for 3 måneder siden", P(date(2026, 8, 1), date(2026, 8, 31)), ""),
    ("for en uge siden", P(date(2026, 11, 16), date(2026, 11, 22)), ""),
    ("two years ago", P(date(2024, 1, 1), date(2024, 12, 31)), ""),
    ("hvad skete der i forrige måned?", P(date(2026, 10, 1), date(2026, 10, 31)), "hvad skete der?"),
    ("i forrige måned", P(date(2026, 10, 1), date(2026, 10, 31)), ""),
    ("for to år", None, "for to år"),  # no "siden": not a period
]


@pytest.mark.parametrize(("text", "period", "rest"), PERIOD_CASES, ids=[c[0] for c in PERIOD_CASES])
def test_find_period(text: str, period: Period | None, rest: str) -> None:
    assert find_period(text, NOW) == (period, rest)


def test_period_contains_is_inclusive_and_open_ended() -> None:
    assert Period(date(2023, 1, 1), date(2023, 12, 31)).contains(date(2023, 12, 31))
    assert not Period(date(2023, 1, 1), date(2023, 12, 31)).contains(date(2024, 1, 1))
    assert Period(None, date(2021, 12, 31)).contains(date(1999, 5, 5))
    assert Period(date(2021, 1, 1), None).contains(date(2099, 5, 5))


# ---------------------------------------------------------------------------------------------
# may_contain_date: the cheap pre-check must never hide a deadline
# ---------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIRS = (ROOT / "samples" / "minutes", ROOT / "tests" / "fixtures" / "archive")


def _corpus() -> list[str]:
    """Every table phrase, every line of the sample and archive minutes, and random snippets."""
    texts = [case.text for case in CASES]
    lines = [
        line
        for folder in CORPUS_DIRS
        for path in sorted(folder.iterdir())
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    texts += lines
    whole = "\n".join(lines)
    rng = random.Random(5)
    for _ in range(1500):
        at = rng.randrange(len(whole))
        texts.append(whole[at : at + rng.randrange(3, 90)])
    return texts


CORPUS = _corpus()
CORPUS_NOWS = (NOW, datetime(2019, 3, 8, 12, 0), datetime(2027, 1, 1, 9, 0))


@pytest.mark.parametrize("case", [c for c in CASES if c.due is not None], ids=_case_id)
def test_every_deadline_in_the_table_passes_the_pre_check(case: Case) -> None:
    assert may_contain_date(case.text, meetings=bool(case.meetings))


@pytest.mark.parametrize(
    "text",
    [
        "Chefteamet drøftede oplægget og besluttede at arbejde videre.",
        "Midlerne indgår i bloktilskuddet (10.000 kr.) i perioden 2024-2025.",
        "Region Midtjylland deltager.",
        "inden næste rådmandsmøde",  # a meeting phrase needs a calendar: meetings=True
        "",
    ],
)
def test_prose_without_date_phrases_fails_the_pre_check(text: str) -> None:
    assert not may_contain_date(text)


def test_meeting_phrases_pass_the_pre_check_only_with_meetings() -> None:
    assert may_contain_date("inden næste rådmandsmøde", meetings=True)
    assert not may_contain_date("inden næste rådmandsmøde")


def _all_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make find_deadline run every rule on every text (no pre-check gating)."""
    monkeypatch.setattr(dates, "_cue_kinds", lambda text: None)


def test_pre_check_and_rule_gating_never_change_what_find_deadline_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gated = [
        find_deadline(text, now, prefer_future=future)
        for text in CORPUS
        for now in CORPUS_NOWS
        for future in (True, False)
    ]
    _all_rules(monkeypatch)
    ungated = [
        find_deadline(text, now, prefer_future=future)
        for text in CORPUS
        for now in CORPUS_NOWS
        for future in (True, False)
    ]
    assert gated == ungated
    assert sum(found is not None for found in ungated) > 100  # the corpus has real deadlines
    for i, text in enumerate(CORPUS):
        if any(found is not None for found in ungated[6 * i : 6 * i + 6]):
            assert may_contain_date(text), text


def test_date_cue_starts_gate_every_whitespace_bounded_piece() -> None:
    text = "Økonomi sender notat senest uge 45 – og\n- HR følger op d. 3/4 2027.  Status i marts.\nIntet"
    starts = date_cue_starts(text)
    assert starts is not None and list(starts) == sorted(starts)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    for i, (a, _) in enumerate(words):
        for _, b in words[i:]:
            if may_contain_date(text[a:b]):
                assert any(a <= s < b for s in starts), text[a:b]
    assert date_cue_starts("Ingen datoer her.") == ()
    assert date_cue_starts("\u0130 uge 4") is None  # lower() lengthens "İ": no offsets


@pytest.mark.parametrize("case", HELD_OUT, ids=lambda c: c.text)
def test_held_out_deadline_phrases(case: Case) -> None:
    assert parse_deadline(case.text, case.now, meetings=case.meetings, prefer_future=case.prefer_future) == case.due


ISSUE_17_NOW = datetime(2026, 12, 7, 10, 0, tzinfo=COPENHAGEN)  # Monday of ISO week 50


@pytest.mark.parametrize(
    ("text", "due"),
    [  # the issue's own examples, worked out from the calendar (Easter 2027: 28 March)
        ("inden udgangen af 2. kvartal", date(2027, 6, 30)),
        ("i løbet af første halvår", date(2027, 6, 30)),
        ("ultimo Q1", date(2027, 3, 31)),
        ("by Q3", date(2027, 9, 30)),
        ("sidst på måneden", date(2026, 12, 31)),
        ("midt i næste måned", date(2027, 1, 15)),
        ("først i april", date(2027, 4, 5)),
        ("primo næste måned", date(2027, 1, 5)),
        ("inden sommerferien", date(2027, 7, 2)),  # Friday of week 26
        ("inden efterårsferien", date(2027, 10, 15)),  # Friday of week 41
        ("inden vinterferien", date(2027, 2, 12)),  # Friday of week 6
        ("efter påske", date(2027, 3, 30)),  # the Tuesday after 2. påskedag
        ("inden pinse", date(2027, 5, 14)),  # pinsedag is Sunday 16 May
        ("efter pinse", date(2027, 5, 18)),
        ("mellem jul og nytår", date(2026, 12, 30)),
        ("efter nytår", date(2027, 1, 4)),  # 1 January is a Friday
        ("inden for 5 arbejdsdage", date(2026, 12, 14)),
        ("om tre hverdage", date(2026, 12, 10)),
        ("within 10 working days", date(2026, 12, 21)),
        ("senest d. 7/9", date(2027, 9, 7)),
        ("inden 1.10.", date(2027, 10, 1)),
        ("til d. 20. ds.", date(2026, 12, 20)),
        ("pr. 1. juli", date(2027, 7, 1)),
        ("om fjorten dage", date(2026, 12, 21)),
        ("midt i næste md.", date(2027, 1, 15)),
        ("uge 3", date(2027, 1, 22)),
        ("i uge 9-10", date(2027, 3, 12)),  # the Friday of week 10
        ("inden udgangen af uge 51", date(2026, 12, 18)),
        ("naeste fredag", date(2026, 12, 18)),
        ("inden paaske", date(2027, 3, 24)),
        ("opfølgning: senest 1. marts sender Jens udkastet til Lone", date(2027, 3, 1)),
        ("mødet d. 14/12 – Jens sender notat senest 11/12", date(2026, 12, 11)),
        ("by end of next month", date(2027, 1, 31)),
        ("within two weeks", date(2026, 12, 21)),
        ("before the summer holidays", date(2027, 7, 2)),
        ("by Q2", date(2027, 6, 30)),
    ],
)
def test_deadlines_as_staff_write_them(text: str, due: date) -> None:
    found = find_deadline(text, ISSUE_17_NOW)
    assert found is not None and found.due == due


def test_a_quarter_or_a_recent_date_in_passing_is_not_a_deadline() -> None:
    assert find_deadline("Q3-tallene viser et fald", ISSUE_17_NOW) is None
    assert find_deadline("Jens har sendt notatet d. 3/12 og afventer svar", ISSUE_17_NOW) is None
    assert find_deadline("3/12", ISSUE_17_NOW) == DeadlineMatch(date(2027, 12, 3), 0, 4, "3/12")  # said alone: next year's
