"""Deadlines in task text, Danish and English: "senest fredag", "inden uge 45", "om 3 hverdage".

Everything here is a pure function of its arguments; the current time is always passed in as
``now``. Dates are calendar dates in Europe/Copenhagen: an aware ``now`` is converted to
Copenhagen time first, a naive ``now`` is taken to already be Copenhagen wall-clock time.

Rules for deadlines (``find_deadline`` / ``parse_deadline``), future-preferring by default:

* A weekday name ("fredag", "på fredag", "on Friday", "Friday") is the next such day strictly
  after today; on a Friday, "fredag" is the Friday a week later (today is "i dag").
* "næste fredag" / "next Friday" / "fredag i næste uge" is the Friday of the ISO week after
  the current one: on Wednesday 25 Nov 2026 "fredag" is 27 Nov and "næste fredag" is 4 Dec.
* "uge N" / "week N" is the Friday of ISO week N, counted in the ISO year of today; if that
  Friday has passed it is the Friday of week N next year. Week 53 is only accepted in years
  that have it (the next such year when preferring the future).
  "mandag i uge 43" is that weekday of the week.
* A day and month without a year ("1. marts", "15/12", "by 15 December") is this year's, or
  next year's when it has passed. A date with a year is taken as written, even in the past.
* A named period ("ultimo Q1", "i løbet af andet halvår", "sidst på måneden", "først i april",
  "midt i næste md.", "inden udgangen af uge 51", "by end of H1", "by Q3") is answered with one
  of its days: the last (a week's Friday), the 5th for primo/først i/early, the 15th for
  medio/midt i/mid ("primo 2027" is 31 January, "medio 2027" 30 June); see
  ``minutes.periods.period_day``. "udgangen af måneden"/"end of the month" is this month's.
* "inden <month>"/"before <month>"/"by <month>" is the last day of the month before; "senest
  i <month>"/"i løbet af <month>" the last day of that month.
* Holidays (``minutes.calendar``): "inden jul/påske/pinse/nytår/sommerferien/…" is the last
  weekday before the first day off (23 December; the Wednesday before skærtorsdag; the Friday
  before pinsedag; 31 December; the Friday of week 26, 41 and 6 for the summer, autumn and
  winter school holidays); "efter påske/sommerferien/nytår/…" the first working day after the
  last day off; "mellem jul og nytår" 30 December; "inden weekenden" the Friday of this week.
  A holiday followed by a year ("inden sommerferien 2020", "inden jul 2027") is that year's,
  even in the past.
* "inden næste rådmandsmøde" / "til næste CT-møde" is the date of that next meeting as given
  by the caller in ``meetings``; an unknown meeting kind is no match, never a guess.
* "om N dage/uger/måneder", "in N days/weeks/months" count from today (months keep the day
  of month, clamped to the month's length); "om N hverdage"/"arbejdsdage"/"working days" count
  working days as ``minutes.calendar`` defines them (weekends and Danish public holidays skipped).

Text typed without æ/ø/å ("naeste", "paaske") is read with them. When a text names several
dates, a date that only follows "på"/"den"/"d."/"on" gives way to one marked as the deadline
("senest", "inden", "by", …, or a phrase that is one by itself: "om 3 dage", "ultimo Q1"), and a
day-month that passed within the last month, in a sentence without such a marker, is context.

With ``prefer_future=False`` (reading old minutes) a bare week number or day-month is taken
in the year of ``now`` (the ISO year for weeks) even when it has passed.

Speed: ``find_deadline`` costs about 2 µs per character when every rule runs. Each rule is
built around key phrases (the vocabulary tables below); ``may_contain_date`` searches for all
of them in one pass (~0.05 µs per character), and find_deadline itself only runs the rules
whose kind of key phrase occurs in the text. Both use the same tables, so they cannot drift.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from minutes.calendar import (
    FULL_MONTH_PATTERN,
    MONTH_NUMBERS,
    MONTH_PATTERN,
    NUMBER_PATTERN,
    NUMBER_WORDS,
    WEEKDAY_NUMBERS,
    WEEKDAY_PATTERN,
    WORD_CHAR,
    YEAR_PATTERN,
    add_months,
    add_working_days,
    after_holiday,
    alternation,
    before_holiday,
    holiday_name,
    between_christmas_and_new_year,
    easter_sunday,
    initials,
    iso_week_day,
    last_day_of_month,
    local_today,
    monday_of,
    month_number,
    next_working_day,
    number_value,
    safe_date,
)
from minutes.kinds import kind_key
from minutes.periods import PERIOD_PATTERN, QUARTER_OR_HALF_PATTERN, deadline_period, period_day
from minutes.text import restore_danish_letters

__all__ = [
    "DeadlineMatch",
    "date_cue_starts",
    "find_deadline",
    "is_no_deadline",
    "may_contain_date",
    "parse_deadline",
]

_FLAGS = re.IGNORECASE

# --------------------------------------------------------------------------------------------
# Deadlines
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineMatch:
    """A deadline found in a text: its date and the span ``text[start:end]`` of the whole phrase.

    The span includes a leading marker ("senest", "inden", "deadline:", "d.", "by", …) so a
    caller can cut the phrase out of the task text; ``phrase`` is exactly ``text[start:end]``.
    """

    due: date
    start: int
    end: int
    phrase: str


@dataclass(frozen=True)
class _Context:
    """What a rule's resolver may look at besides its own match."""

    today: date
    prefer_future: bool
    meetings: Mapping[str, date]
    markers: tuple[str, ...]  # the leading marker words, lower case, e.g. ("senest", "d.")
    whole: bool  # the text is nothing but a deadline answer (parse_deadline)


_Resolver = Callable[[re.Match[str], _Context], "date | None"]

_MARKER_WORDS = (
    "senest", "inden", "før", "foer", "til", "by", "before", "on", "due", "ved", "på",
    "deadline", "frist", "fristen", "fristen er", "svarfrist", "tidsfrist", "den", "dato",
    "no later than", "not later than", "latest", "until", "til og med",
    "deadline er", "deadline is", "frist er", "the deadline is", "due by", "due on",
)  # fmt: skip
_MARKER_RE = re.compile(
    rf"(?:(?<!{WORD_CHAR})(?P<word>{alternation(_MARKER_WORDS)})(?:\s*[:\-–]\s*|\s+)"
    rf"|(?<!{WORD_CHAR})(?P<d>d\.)\s*)$",
    _FLAGS,
)
_BEFORE_WORDS = frozenset({"inden", "før", "foer", "before", "by"})
_HOLIDAY_MARKERS = frozenset({"inden", "før", "foer", "til", "senest", "before", "by", "ved", "until"})
_TIME_SUFFIX_RE = re.compile(
    r"\s*,?\s*(?:kl\.?|klokken|at)\s*\d{1,2}(?:[.:]\d{2})?(?:\s*(?:am|pm))?(?!\d)", _FLAGS
)
_CLOCK_BEFORE_RE = re.compile(r"(?:kl\.?|klokken)\s*$", _FLAGS)
# "in two weeks' time", "in a week's time": the rest of the phrase, so it is cut out of a task with it
_TIME_TAIL_RE = re.compile(r"(?:'s|'|’s|’)\s+time\b", _FLAGS)


def _alone(m: re.Match[str], ctx: _Context) -> bool:
    """True when the match is all there is of a whole-answer text (parse_deadline)."""
    text = m.string
    return ctx.whole and not text[: m.start()].strip() and not text[m.end() :].strip(" .!?")


def _resolve_day_month(ctx: _Context, day: int, month: int) -> date | None:
    """A day-month without a year: this year's, or the next valid one if passed/invalid."""
    year = ctx.today.year
    if not ctx.prefer_future:
        return safe_date(year, month, day)
    for y in range(year, year + 9):  # 29 February needs up to eight years
        d = safe_date(y, month, day)
        if d is not None and d >= ctx.today:
            return d
    return None


def _full_year(text: str) -> int:
    y = int(text)
    return 2000 + y if y < 100 else y


def _r_iso_date(m: re.Match[str], ctx: _Context) -> date | None:
    return safe_date(int(m["y"]), int(m["m"]), int(m["d"]))


def _r_numeric_date(m: re.Match[str], ctx: _Context) -> date | None:
    day, month = int(m["d"]), int(m["m"])
    year_text = m["y"] or m["y2"]
    if year_text:
        return safe_date(_full_year(year_text), month, day)
    if m["sep"] == "-":  # "10-12" is a range far more often than a date
        return None
    if _CLOCK_BEFORE_RE.search(m.string, 0, m.start()):  # "kl. 8.30"
        return None
    if m["sep"] == "." and not (ctx.markers or _alone(m, ctx)):  # "3.1 Kommende møder"
        return None
    return _resolve_day_month(ctx, day, month)


def _r_text_date(m: re.Match[str], ctx: _Context) -> date | None:
    day, month = int(m["d"]), month_number(m["mon"])
    if m["y"]:
        return safe_date(int(m["y"]), month, day)
    return _resolve_day_month(ctx, day, month)


def _r_day_only(m: re.Match[str], ctx: _Context) -> date | None:
    """ "den 15." without a month: the next 15th (today counts); this month's when not preferring
    the future."""
    day = int(m["d"])
    first = ctx.today.replace(day=1)
    for offset in range(0, 3 if ctx.prefer_future else 1):
        month_start = add_months(first, offset)
        d = safe_date(month_start.year, month_start.month, day)
        if d is not None and (d >= ctx.today or not ctx.prefer_future):
            return d
    return None


def _r_week(m: re.Match[str], ctx: _Context) -> date | None:
    week = int(m["n2"] or m["n"])  # "i uge 9-10": the end of the last week
    weekday = WEEKDAY_NUMBERS[m["wd"].lower()] if m["wd"] else 4
    if m["y"]:
        return iso_week_day(int(m["y"]), week, weekday)
    iso_year = ctx.today.isocalendar().year
    if not ctx.prefer_future:
        return iso_week_day(iso_year, week, weekday)
    for y in range(iso_year, iso_year + 7):  # week 53 can be up to six years away
        d = iso_week_day(y, week, weekday)
        if d is not None and d >= ctx.today:
            return d
    return None


def _next_weekday(today: date, weekday: int) -> date:
    """The next ``weekday`` strictly after ``today``."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _r_weekday(m: re.Match[str], ctx: _Context) -> date | None:
    weekday = WEEKDAY_NUMBERS[m["wd"].lower()]
    qualifier = (m["q"] or "").lower()
    week = (m["week"] or "").lower()
    if qualifier in ("næste", "naeste", "next") or "næste" in week or "next" in week:
        return monday_of(ctx.today) + timedelta(days=7 + weekday)
    if "denne" in week or "this" in week:
        d = monday_of(ctx.today) + timedelta(days=weekday)
        return d if d >= ctx.today else d + timedelta(days=7)
    return _next_weekday(ctx.today, weekday)


def _r_relative_day(m: re.Match[str], ctx: _Context) -> date | None:
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if "over" in word or "after" in word:
        return ctx.today + timedelta(days=2)
    if "morgen" in word or "tomorrow" in word:
        return ctx.today + timedelta(days=1)
    return ctx.today


def _r_span(m: re.Match[str], ctx: _Context) -> date | None:
    return _count(ctx.today, number_value(m["n"]), m["u"])


def _count(start: date, n: int, unit_word: str) -> date:
    """``n`` units after ``start``: working days (the calendar's), days, weeks, months, years."""
    unit = unit_word.lower()
    if unit.startswith(("hverdag", "arbejdsdag", "working", "business")):
        return add_working_days(start, n)
    if unit.startswith(("dag", "day")):
        return start + timedelta(days=n)
    if unit.startswith(("uge", "week")):
        return start + timedelta(weeks=n)
    if unit.startswith("fortnight"):
        return start + timedelta(weeks=2 * n)
    if unit.startswith(("måned", "month")):
        return add_months(start, n)
    return add_months(start, 12 * n)  # år / year


def _r_span_after(m: re.Match[str], ctx: _Context) -> date | None:
    """ "3 hverdage efter mødet d. 12/5": counted from the date named after "efter"."""
    ref = _candidates(m["ref"], replace(ctx, markers=(), whole=False))
    return _count(ref[0].due, number_value(m["n"]), m["u"]) if len(ref) == 1 else None


def _r_relative_week(m: re.Match[str], ctx: _Context) -> date | None:
    word = m.group(0).lower()
    friday = monday_of(ctx.today) + timedelta(days=4)
    if "næste" in word or "naeste" in word or "next" in word or "kommende" in word:
        if _BEFORE_WORDS & set(ctx.markers):  # "inden næste uge": before next week starts
            return friday if friday >= ctx.today else friday + timedelta(days=7)
        return friday + timedelta(days=7)
    return friday if friday >= ctx.today else friday + timedelta(days=7)


def _r_weekend(m: re.Match[str], ctx: _Context) -> date | None:
    if not (_HOLIDAY_MARKERS & set(ctx.markers)):
        return None
    friday = monday_of(ctx.today) + timedelta(days=4)
    return friday if friday >= ctx.today else friday + timedelta(days=7)


_FIRST_PARTS = frozenset({
    "primo", "early", "beginning of", "the beginning of", "start of", "the start of", "starten af",
    "i starten af", "begyndelsen af", "i begyndelsen af", "først i", "først på", "at the start of",
    "at the beginning of",
})  # fmt: skip
_MID_PARTS = frozenset({
    "medio", "mid", "mid-", "midt i", "midt på", "midten af", "i midten af", "the middle of", "middle of",
})  # fmt: skip


def _r_period_part(m: re.Match[str], ctx: _Context) -> date | None:
    """ "ultimo Q1", "primo næste måned", "medio august", "inden udgangen af uge 51": one day of a
    named period, by the conventions of ``minutes.periods.period_day``."""
    part_word = re.sub(r"\s+", " ", m["p"].lower())
    part = "first" if part_word in _FIRST_PARTS else "mid" if part_word in _MID_PARTS else "end"
    found = deadline_period(m["obj"], ctx.today, prefer_future=ctx.prefer_future)
    if found is None:
        return None
    unit, first, last = found
    d = period_day(unit, first, last, part)
    if d is not None and d < ctx.today and ctx.prefer_future and not _has_year(m["obj"]):
        # "primo november" on 25 November: this November's 5th has passed, so next November's.
        later = deadline_period(m["obj"], last + timedelta(days=1))
        d = period_day(*later, part) if later is not None else None
    return d


def _has_year(text: str) -> bool:
    return re.search(rf"(?<!\d){YEAR_PATTERN}(?!\d)", text) is not None


def _r_named_period(m: re.Match[str], ctx: _Context) -> date | None:
    """ "by Q3", "i løbet af 4. kvartal", "senest 2. halvår 2027": a quarter or half-year named as a
    deadline is its last day."""
    if not (ctx.markers or m["i"] or _alone(m, ctx)):
        return None  # "Q3-tallene viser …": a quarter in passing is not a deadline
    found = deadline_period(m["obj"], ctx.today, prefer_future=ctx.prefer_future)
    return period_day(*found, "end") if found is not None else None


def _r_next_working_day(m: re.Match[str], ctx: _Context) -> date | None:
    return next_working_day(ctx.today + timedelta(days=1))


def _r_end_compound(m: re.Match[str], ctx: _Context) -> date | None:
    word = m.group(0).lower()
    if "år" in word or "aar" in word or "year" in word or word == "eoy":
        return date(ctx.today.year, 12, 31)
    if "uge" in word or "week" in word or word == "eow":
        friday = monday_of(ctx.today) + timedelta(days=4)
        return friday if friday >= ctx.today else friday + timedelta(days=7)
    return last_day_of_month(ctx.today.year, ctx.today.month)


def _r_month_only(m: re.Match[str], ctx: _Context) -> date | None:
    month = month_number(m["mon"])
    markers = set(ctx.markers)
    before = bool(_BEFORE_WORDS & markers)
    if not (markers or m["i"] or _alone(m, ctx)):
        return None  # a month name in passing is not a deadline
    if m["i"] and not markers and not _alone(m, ctx):
        return None  # "i marts" alone is as often the past as the future
    if m["y"]:
        year = int(m["y"])
    else:
        year = ctx.today.year
        end = last_day_of_month(year, month) if not before else date(year, month, 1) - timedelta(days=1)
        if ctx.prefer_future and end < ctx.today:
            year += 1
    if before and not m["i"]:
        return date(year, month, 1) - timedelta(days=1)
    return last_day_of_month(year, month)


def _upcoming_holiday_day(day_of: Callable[[str, int], date], m: re.Match[str], ctx: _Context) -> date:
    """``day_of(holiday, year)`` for the holiday in ``m``: the year written, else the first year
    whose day has not passed (this year's when not preferring the future)."""
    name = holiday_name(m["h"])
    if m["y"]:  # "inden sommerferien 2020": a year is taken as written, even in the past
        return day_of(name, int(m["y"]))
    if not ctx.prefer_future:
        return day_of(name, ctx.today.year)
    year = ctx.today.year - 1  # "efter nytår" on 2 January: the new year that began yesterday
    while (d := day_of(name, year)) < ctx.today:
        year += 1
    return d


def _r_holiday(m: re.Match[str], ctx: _Context) -> date | None:
    if not (_HOLIDAY_MARKERS & set(ctx.markers)):
        return None  # "jul" or "summer" in passing is not a deadline
    return _upcoming_holiday_day(before_holiday, m, ctx)


def _r_after_holiday(m: re.Match[str], ctx: _Context) -> date | None:
    return _upcoming_holiday_day(after_holiday, m, ctx)


def _r_between_christmas_and_new_year(m: re.Match[str], ctx: _Context) -> date | None:
    year = ctx.today.year
    d = between_christmas_and_new_year(year)
    return between_christmas_and_new_year(year + 1) if ctx.prefer_future and d < ctx.today else d


def _r_meeting(m: re.Match[str], ctx: _Context) -> date | None:
    wanted = kind_key(m["k"])
    for kind, day in ctx.meetings.items():
        if kind_key(kind) == wanted:
            return day
    return None


_NUM_SEP = r"[./-]"
_ORDINAL = r"(?:\.|st|nd|rd|th|ste|te|de)?"
_DAY_WORD = r"(?:den|d\.)"
_WEEKDAY_PREFIX = rf"(?:{WEEKDAY_PATTERN}\s*,?\s+(?:{_DAY_WORD}\s*)?)?"
_WEEKDAY_INITIALS = initials(WEEKDAY_NUMBERS)[4:-2]  # the letters inside "(?=[…])"
_MONTH_INITIALS = initials(MONTH_NUMBERS)[4:-2]

# Key phrases of the rules below, as tuples of regex alternatives (lower case). Each tuple is
# spliced into its rule's pattern AND into _DATE_CUE_RE (may_contain_date), so the cheap
# pre-check cannot drift from the rules.
_ISO_DATE_SRC = rf"(?P<y>{YEAR_PATTERN})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})"
_DAY_MONTH_SRC = rf"(?P<d>\d{{1,2}})\s?(?P<sep>{_NUM_SEP})\s?(?P<m>\d{{1,2}})"
_WEEK_WORDS = ("uge", "week", r"wk\.?")
_RELATIVE_DAYS = (
    r"i\s*dag", r"i\s*morgen", r"i\s*overmorgen", "today", "tomorrow", r"the\s+day\s+after\s+tomorrow",
    "eod", "cob", r"end\s+of\s+(?:the\s+)?day", r"close\s+of\s+business",  # today, by its end
)  # fmt: skip
_SPAN_UNITS = (
    "dage?", "hverdage?", "arbejdsdage?", "uger?", "måned(?:er)?", "år", "days?", r"working\s+days?",
    r"business\s+days?", "weeks?", "months?", "years?", "fortnights?",
)  # fmt: skip
_RELATIVE_WEEKS_DA = (r"næste\s+uge", r"naeste\s+uge", r"kommende\s+uge", r"denne\s+uge")
_RELATIVE_WEEKS_EN = (r"next\s+week", r"this\s+week")
_WEEKENDS = ("weekenden", r"the\s+weekend", "weekend")
_PERIOD_PARTS = (
    "primo", "medio", "ultimo", "early", "mid-?", "late", r"the\s+end\s+of", r"end\s+of",
    r"først\s+i", r"først\s+på", r"sidst\s+i", r"sidst\s+på", r"midt\s+på", r"at\s+the\s+start\s+of",
    r"at\s+the\s+beginning\s+of", r"at\s+the\s+end\s+of",
    r"the\s+beginning\s+of", r"beginning\s+of", r"the\s+start\s+of", r"start\s+of",
    r"the\s+middle\s+of", r"middle\s+of", r"i\s+starten\s+af", r"starten\s+af",
    r"i\s+begyndelsen\s+af", r"begyndelsen\s+af", r"i\s+slutningen\s+af", r"slutningen\s+af",
    r"i\s+midten\s+af", r"midten\s+af", r"midt\s+i", r"udgangen\s+af", r"i\s+løbet\s+af",
)  # fmt: skip
_NEXT_WORKING_DAY = (
    r"næste\s+(?:hverdag|arbejdsdag)", r"(?:the\s+)?next\s+(?:working|business)\s+day",
)  # fmt: skip
_NAMED_PERIOD_CUES = ("kvartal", "kvt", "halvår", "quarter", "half", "q[1-4]", "h[12]")
_END_COMPOUNDS = (
    r"månedens\s+udgang", r"ugens\s+udgang", r"årets\s+udgang", r"month[\s-]end", r"week[\s-]end",
    r"year[\s-]end", "eow", "eom", "eoy",  # end of week/month/year, as English office mail writes them
)  # fmt: skip
_HOLIDAYS = (
    "jul", "julen", "juleferie", "juleferien", "christmas", "xmas", r"the\s+christmas\s+(?:holidays?|break)",
    r"christmas\s+(?:holidays?|break)", "påske", "påsken", "påskeferie", "påskeferien", "easter",
    r"the\s+easter\s+(?:holidays?|break)", r"easter\s+(?:holidays?|break)", "pinse", "pinsen",
    "whitsun", r"kristi\s+himmelfart(?:sdag)?", r"kr\.\s*himmelfart(?:sdag)?", "himmelfart", r"ascension(?:\s+day)?",
    "sommerferie", "sommerferien", "sommer", "sommeren", r"the\s+summer", "summer",
    r"the\s+summer\s+(?:holidays?|break|vacation)", r"summer\s+(?:holidays?|break|vacation)",
    "efterårsferie", "efterårsferien", r"the\s+autumn\s+(?:break|holidays?)",
    r"autumn\s+(?:break|holidays?)", "vinterferie", "vinterferien",
    r"the\s+winter\s+(?:break|holidays?)", r"winter\s+(?:break|holidays?)", "nytår", "årsskiftet", "år",
    r"the\s+new\s+year", r"new\s+year",
)  # fmt: skip
_BETWEEN_CHRISTMAS_AND_NEW_YEAR = (
    r"mellem\s+jul(?:en)?\s+og\s+nytår", r"between\s+christmas\s+and\s+(?:the\s+)?new\s+year", "romjulen",
)  # fmt: skip
_NEXT_MEETING_WORDS = ("næste", "naeste", "kommende", "førstkommende", "next", "upcoming")


def _alt(alternatives: Iterable[str]) -> str:
    """Regex alternatives as one group, longest first (the leftmost alternative wins in re)."""
    alts = sorted(set(alternatives), key=len, reverse=True)
    lookahead = initials(alts) if all(a[0].isalpha() for a in alts) else ""
    return f"{lookahead}(?:" + "|".join(alts) + ")"


_RULES: tuple[tuple[re.Pattern[str], _Resolver], ...] = tuple(
    (re.compile(src, _FLAGS), resolver)
    for src, resolver in (
        (rf"(?<![\d.]){_ISO_DATE_SRC}(?![\d])", _r_iso_date),
        (
            rf"(?=[\d{_WEEKDAY_INITIALS}]){_WEEKDAY_PREFIX}(?<![\w.,/-]){_DAY_MONTH_SRC}"
            rf"(?:(?P=sep)\s?(?P<y>\d{{4}}|\d{{2}})|-(?P<y2>\d{{4}})|\s+(?P<y3>{YEAR_PATTERN}))?"
            rf"(?![\w]|[.,/-]\d)",
            lambda m, c: _r_numeric_date(m, c) if not m["y3"] else safe_date(
                int(m["y3"]), int(m["m"]), int(m["d"])),
        ),
        (
            rf"(?=[\dt{_WEEKDAY_INITIALS}]){_WEEKDAY_PREFIX}(?:the\s+)?(?<!\d)(?<!\d[.,])"
            rf"(?P<d>\d{{1,2}}){_ORDINAL}\s*(?:(?:af|of)\s+)?"
            rf"(?P<mon>{MONTH_PATTERN})(?:\s*,?\s*(?P<y>{YEAR_PATTERN})(?!\d))?",
            _r_text_date,
        ),
        (
            rf"(?<!{WORD_CHAR})(?:{WEEKDAY_PATTERN}\s*,?\s+)?(?:{_DAY_WORD}|d(?=\s+\d))\s*(?P<d>\d{{1,2}})"
            rf"(?:\.?\s*(?:ds|dennes)\.?(?!{WORD_CHAR})"  # "til d. 20. ds.": the 20th of this month
            rf"|\.(?!\s*\d)(?!\s*(?:{MONTH_PATTERN}|{WORD_CHAR}))"
            rf"|(?![\d.,/-]|\s*(?:{MONTH_PATTERN}|\d)|\s+{WORD_CHAR}))",  # "senest d 12", at the end
            _r_day_only,
        ),
        (
            rf"(?<!{WORD_CHAR})the\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)(?!{WORD_CHAR})"
            rf"(?!\s*(?:of\s+)?{MONTH_PATTERN})",
            _r_day_only,
        ),
        (
            rf"(?=[{_WEEKDAY_INITIALS}{_MONTH_INITIALS}]){_WEEKDAY_PREFIX}(?<!{WORD_CHAR})(?P<mon>{MONTH_PATTERN})"
            rf"\s+(?:the\s+)?(?P<d>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?!\d)(?!\.\d)(?:\s*,?\s*(?P<y>{YEAR_PATTERN})(?!\d))?",
            _r_text_date,
        ),
        (
            rf"(?<!{WORD_CHAR})(?:(?P<wd>{WEEKDAY_PATTERN})\s+(?:i|in|of)\s+)?(?:(?:i|in)\s+)?"
            rf"{_alt(_WEEK_WORDS)}\s*(?P<n>\d{{1,2}})(?!\d)(?:\s*[-–]\s*(?P<n2>\d{{1,2}})(?!\d))?"
            rf"(?:(?:\s*[/,]\s*|\s+|\s+of\s+)(?P<y>{YEAR_PATTERN})(?!\d))?",
            _r_week,
        ),
        (
            rf"(?<!{WORD_CHAR})(?:(?P<q>næste|naeste|kommende|førstkommende|next|this|coming|denne|på|on)"
            rf"\s+)?(?P<wd>{WEEKDAY_PATTERN})"
            rf"(?:\s+(?P<week>(?:i\s+)?(?:næste|naeste|denne)\s+uge|(?:of\s+)?(?:next|this)\s+week))?",
            _r_weekday,
        ),
        (rf"(?<!{WORD_CHAR}){_alt(_RELATIVE_DAYS)}(?!{WORD_CHAR})", _r_relative_day),
        (
            rf"(?<!{WORD_CHAR})(?:om|in|inden\s*for|within|i\s+løbet\s+af)\s+(?:(?:the|de)\s+)?"
            rf"(?:(?:next|næste|kommende)\s+)?(?P<n>{NUMBER_PATTERN})\s+"
            rf"(?P<u>{_alt(_SPAN_UNITS)})(?!{WORD_CHAR})",
            _r_span,
        ),
        (
            rf"(?<!{WORD_CHAR})(?P<n>{NUMBER_PATTERN})\s+(?P<u>{_alt(_SPAN_UNITS)})\s+(?:efter|after)\s+"
            rf"(?P<ref>(?:[^\W\d]+\s+){{0,3}}?(?:(?:d\.|den)\s*)?\d{{1,2}}\s*(?:[./]\s*\d{{1,2}}"
            rf"(?:[./]\d{{2,4}})?(?![\d/])|\.?\s*{MONTH_PATTERN}))",
            _r_span_after,
        ),
        (
            rf"(?<!{WORD_CHAR})(?:(?:i\s+)?{_alt(_RELATIVE_WEEKS_DA)}|{_alt(_RELATIVE_WEEKS_EN)})(?!{WORD_CHAR})",
            _r_relative_week,
        ),
        (rf"(?<!{WORD_CHAR}){_alt(_WEEKENDS)}(?!{WORD_CHAR})", _r_weekend),
        (
            rf"(?<!{WORD_CHAR})(?P<p>{_alt(_PERIOD_PARTS)})\s*(?P<obj>{PERIOD_PATTERN})",
            _r_period_part,
        ),
        (
            rf"(?<!{WORD_CHAR})(?P<i>(?:i|in|during)\s+)?(?P<obj>{QUARTER_OR_HALF_PATTERN})",
            _r_named_period,
        ),
        (rf"(?<!{WORD_CHAR}){_alt(_NEXT_WORKING_DAY)}(?!{WORD_CHAR})", _r_next_working_day),
        (rf"(?<!{WORD_CHAR}){_alt(_END_COMPOUNDS)}(?!{WORD_CHAR})", _r_end_compound),
        (
            rf"(?<!{WORD_CHAR})(?P<i>(?:i|in|during)\s+)?(?P<mon>{FULL_MONTH_PATTERN})"
            rf"(?:\s+(?P<y>{YEAR_PATTERN})(?!\d))?",
            _r_month_only,
        ),
        (
            rf"(?<!{WORD_CHAR})(?P<h>{_alt(_HOLIDAYS)})(?!{WORD_CHAR})(?:\s+(?P<y>{YEAR_PATTERN})(?![\w]|[.,/-]\d))?",
            _r_holiday,
        ),
        (
            rf"(?<!{WORD_CHAR})(?:efter|after)\s+(?P<h>{_alt(_HOLIDAYS)})(?!{WORD_CHAR})"
            rf"(?:\s+(?P<y>{YEAR_PATTERN})(?![\w]|[.,/-]\d))?",
            _r_after_holiday,
        ),
        (rf"(?<!{WORD_CHAR}){_alt(_BETWEEN_CHRISTMAS_AND_NEW_YEAR)}(?!{WORD_CHAR})", _r_between_christmas_and_new_year),
        (
            rf"(?<!{WORD_CHAR})(?:(?:det|the)\s+)?{_alt(_NEXT_MEETING_WORDS)}\s+"
            rf"(?P<k>(?:ct|rm|chefteam|rådmands?)\s+(?:meeting|møde)|[\wæøå]*-?mødet?|ct|rm"
            rf"|chefteam)(?!{WORD_CHAR})",
            _r_meeting,
        ),
    )
)



_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzæøå")


def _trie(alternatives: Iterable[str]) -> str:
    """One regex matching the same strings as ``alternatives``, factored on literal prefixes.

    re tries the alternatives of a group one by one at every position; sharing the leading
    letters ("ma" of maj/marts/mandag) makes a miss cost a few comparisons instead of hundreds.
    Only the set of matches is kept, not which alternative wins, so this is for searching only.
    """
    root: dict[str, Any] = {}
    for alt in set(alternatives):
        i = 0
        while i < len(alt) and alt[i] in _PLAIN and alt[i + 1 : i + 2] not in ("?", "*", "+", "{"):
            i += 1
        node = root
        for ch in alt[:i]:
            node = node.setdefault(ch, {})
        node.setdefault("", set()).add(alt[i:])

    def emit(node: dict[str, Any]) -> str:
        parts = [ch + emit(child) for ch, child in sorted(node.items()) if ch]
        parts += sorted(node.get("", ()), key=len, reverse=True)
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(root)


# A necessary condition for every rule but the meeting rule: a key phrase of some rule occurs.
# Searched in " " + the lower-cased text without IGNORECASE (case-folding every comparison is
# slow), starting at the non-word character (or digit) before the phrase: re skips to such
# characters in C and only then tries the alternatives, factored on their common prefixes.
_SPAN_CUE = rf"\s+{_alt(_SPAN_UNITS)}(?!{WORD_CHAR})"
# Key phrases by kind; _RULE_CUES says which kind each rule of _RULES needs.
_CUES: dict[str, tuple[str, ...]] = {
    "iso": (r"-\d{1,2}-\d",),  # after the year's last digit: "2026-12-15"
    "numeric": (r"\d{1,2}\s?" + _NUM_SEP + r"\s?\d{1,2}(?!\d)",),  # "15/12", "1.4", "15-12-2026"
    "month": tuple(rf"{w}(?!{WORD_CHAR})" for w in MONTH_NUMBERS),
    "day": (r"den\s*\d", r"d\.\s*\d", r"d\s+\d", r"the\s+\d"),
    "week": tuple(rf"{w}\s*\d" for w in _WEEK_WORDS),
    "weekday": tuple(rf"{w}(?!{WORD_CHAR})" for w in WEEKDAY_NUMBERS),
    "relative_day": tuple(rf"{w}(?!{WORD_CHAR})" for w in _RELATIVE_DAYS),
    "span": (rf"\d{{1,3}}{_SPAN_CUE}", *(rf"{w}{_SPAN_CUE}" for w in NUMBER_WORDS)),  # "om 14 dage"
    "relative_week": (*_RELATIVE_WEEKS_DA, *_RELATIVE_WEEKS_EN),
    "weekend": tuple(rf"{w}(?!{WORD_CHAR})" for w in _WEEKENDS),
    "month_part": tuple(rf"{w}(?!{WORD_CHAR})" for w in _PERIOD_PARTS),
    "named_period": tuple(rf"{w}(?!{WORD_CHAR})" for w in _NAMED_PERIOD_CUES),
    "next_working_day": _NEXT_WORKING_DAY,
    "end": _END_COMPOUNDS,
    "holiday": tuple(rf"{w}(?!{WORD_CHAR})" for w in (*_HOLIDAYS, *_BETWEEN_CHRISTMAS_AND_NEW_YEAR)),
}
_RULE_CUES: tuple[str | None, ...] = (
    "iso", "numeric", "month", "day", "day", "month", "week", "weekday", "relative_day", "span", "span",
    "relative_week", "weekend", "month_part", "named_period", "next_working_day", "end", "month",
    "holiday", "holiday", "holiday", None,  # None: meetings
)  # fmt: skip
assert len(_RULE_CUES) == len(_RULES) and set(_RULE_CUES) - {None} == set(_CUES)
_DATE_CUE_SRC = _trie(alt for alts in _CUES.values() for alt in alts)
_DATE_CUE_RE = re.compile(rf"[\W\d]{_DATE_CUE_SRC}")
# The same, consuming only the character before the phrase, so that no cue hides another.
_DATE_CUE_AT_RE = re.compile(rf"[\W\d](?={_DATE_CUE_SRC})")
_CUE_KIND_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"[\W\d]{_trie(alts)}")) for kind, alts in _CUES.items()
)


def _cue_kinds(text: str) -> frozenset[str] | None:
    """The kinds of key phrase in ``text`` (keys of _CUES); None when lower() changes its length."""
    padded = " " + text.lower()
    if len(padded) != len(text) + 1:
        return None
    first = _DATE_CUE_RE.search(padded)
    if first is None:
        return frozenset()
    kinds: set[str] = set()
    for hit in _DATE_CUE_AT_RE.finditer(padded, first.start()):
        at = hit.start()
        kinds.update(kind for kind, rx in _CUE_KIND_RES if kind not in kinds and rx.match(padded, at))
    return frozenset(kinds)


_MEETING_CUE_RE = re.compile(rf"(?<!{WORD_CHAR}){_alt(_NEXT_MEETING_WORDS)}\s", _FLAGS)


def may_contain_date(text: str, *, meetings: bool = False) -> bool:
    """Cheap pre-check: False guarantees ``find_deadline(text, now)`` is None for every ``now``.

    True means a key phrase that some deadline rule is built on occurs in ``text`` (a month or
    weekday name, "uge 43", "15/12", "den 3", "om 3 dage", "primo", "jul", …); the rule may
    still reject it. With ``meetings=True`` "næste …" counts too, for callers that pass a
    meeting calendar to find_deadline. Some 40 times cheaper than running the rules.
    """
    if _DATE_CUE_RE.search(" " + restore_danish_letters(text)[0].lower()) is not None:
        return True
    return meetings and _MEETING_CUE_RE.search(text) is not None


def date_cue_starts(text: str) -> tuple[int, ...] | None:
    """Where in ``text`` the key phrases that :func:`may_contain_date` looks for begin.

    For a piece ``text[a:b]`` that begins at 0 or after whitespace and ends at ``len(text)``
    or before whitespace, ``may_contain_date(text[a:b])`` implies an offset in ``[a, b)``, so
    one pass over a text can gate many clauses of it. The offsets are ascending. None when
    lower-casing changes the length of ``text`` (rare letters such as "İ"): call
    may_contain_date per piece then.
    """
    restored, offsets = restore_danish_letters(text)
    lowered = restored.lower()
    if len(lowered) != len(restored):
        return None
    padded = " " + lowered
    first = _DATE_CUE_RE.search(padded)  # the common "none" answer in one cheap pass
    if first is None:
        return ()
    starts = (m.start() for m in _DATE_CUE_AT_RE.finditer(padded, first.start()))
    return tuple(starts) if offsets is None else tuple(offsets[at] for at in starts)


def _leading_markers(text: str, start: int) -> tuple[int, tuple[str, ...]]:
    """Extend ``start`` backwards over marker words ("senest", "deadline:", "d.", …)."""
    markers: list[str] = []
    while True:
        window_start = max(0, start - 30)
        m = _MARKER_RE.search(text, window_start, start)
        if m is None or m.end() != start:
            break
        markers.append((m["word"] or m["d"]).lower())
        start = m.start()
    return start, tuple(reversed(markers))


@dataclass(frozen=True)
class _Candidate:
    due: date
    start: int
    end: int
    strong: bool  # says by itself that it is a deadline (see _best)


# Markers that make whatever date follows them the deadline ("senest", "inden", "by"), as opposed
# to "på", "den", "d.", "on", which also introduce the dates a message only mentions.
_STRONG_MARKERS = frozenset({
    "senest", "inden", "før", "foer", "by", "before", "due", "deadline", "frist", "fristen",
    "fristen er", "svarfrist", "tidsfrist", "no later than", "not later than", "latest", "until",
    "til og med", "deadline er", "deadline is", "frist er", "the deadline is", "due by", "due on",
})  # fmt: skip
# Rules whose dates are as often context ("mødet d. 10/12", "on 12 May") as deadlines.
_POINT_CUES = frozenset({"iso", "numeric", "month", "day", "weekday"})
_CONTEXT_WINDOW = timedelta(days=31)


def _is_recent_past(m: re.Match[str], due: date, ctx: _Context) -> bool:
    """True for a day-month without a year in a sentence, rolled into next year although it passed
    within the last month: "Jens har sendt notatet d. 12/1" on 18 January is context, not 12
    January next year. Said alone ("24. november"), it is still next year's."""
    if due.year <= ctx.today.year or any(m.groupdict().get(g) for g in ("y", "y2", "y3")):
        return False
    if not (m.string[: m.start()].strip() or m.string[m.end() :].strip(" .!?")):
        return False
    this_year = safe_date(ctx.today.year, due.month, due.day)
    return this_year is not None and ctx.today - _CONTEXT_WINDOW <= this_year < ctx.today


def _candidates(text: str, ctx: _Context) -> list[_Candidate]:
    """Every deadline phrase in ``text`` with its date; spans are offsets into ``text`` itself,
    though the rules read it with æ/ø/å restored ("naeste" as "næste")."""
    found: list[_Candidate] = []
    original = text
    text, offsets = restore_danish_letters(original)
    kinds = _cue_kinds(text)  # a rule runs only when a key phrase of its kind occurs
    for (pattern, resolver), cue in zip(_RULES, _RULE_CUES, strict=True):
        if kinds is not None and (cue not in kinds if cue else not ctx.meetings):
            continue
        for m in pattern.finditer(text):
            if not m.group(0).strip():
                continue
            start, markers = _leading_markers(text, m.start())
            rule_ctx = _Context(ctx.today, ctx.prefer_future, ctx.meetings, markers, ctx.whole)
            due = resolver(m, rule_ctx)
            if due is None:
                continue
            strong = cue not in _POINT_CUES or bool(_STRONG_MARKERS & set(markers))
            if not strong and ctx.prefer_future and _is_recent_past(m, due, ctx):
                continue
            end = m.end()
            suffix = _TIME_SUFFIX_RE.match(text, end)
            if suffix is not None:
                end = suffix.end()
            if (tail := _TIME_TAIL_RE.match(text, end)) is not None:
                end = tail.end()
            if offsets is not None:
                start, end = offsets[start], offsets[end]
            found.append(_Candidate(due, start, end, strong))
    return found


def _best(cands: list[_Candidate]) -> _Candidate | None:
    """The deadline among the candidates: the first one, but a date the message only mentions
    ("på mødet d. 30/3 …") gives way to one marked as the deadline ("… senest d. 9/4")."""
    strong = [c for c in cands if c.strong]
    # A mention that holds a deadline phrase is one ("tirsdag i næste uge" holds "i næste uge").
    strong += [c for c in cands if not c.strong and any(c.start <= s.start and s.end <= c.end for s in strong)]
    pool = strong or cands
    if not pool:
        return None
    return min(pool, key=lambda c: (c.start, -(c.end - c.start)))


def find_deadline(
    text: str,
    now: datetime,
    *,
    meetings: Mapping[str, date] | None = None,
    prefer_future: bool = True,
) -> DeadlineMatch | None:
    """The first deadline expression in ``text`` with its date and span, or None.

    ``meetings`` maps a meeting kind ("Rådmandsmøde", "Chefteammøde") to the date of the next
    meeting of that kind after ``now``; kinds are matched case-insensitively and "CT"/"RM"
    are aliases. A meeting phrase whose kind is not in ``meetings`` is not a match.
    See the module docstring for the date rules.
    """
    ctx = _Context(local_today(now), prefer_future, meetings or {}, (), False)
    best = _best(_candidates(text, ctx))
    if best is None:
        return None
    return DeadlineMatch(best.due, best.start, best.end, text[best.start : best.end])


_NO_DEADLINE_RE = re.compile(
    r"^\s*(?:(?:der\s+er\s+)?(?:ingen|ikke\s+nogen|ikke\s+en|uden)\s+(?:frist|deadline|tidsfrist|dato)"
    r"|ingen|nej(?:\s+tak)?|no|nope|none|no\s+deadline|no\s+due\s+date|without\s+(?:a\s+)?deadline"
    r"|ikke\s+relevant|n/?a|-+)\s*[.!]?\s*$",
    _FLAGS,
)


def is_no_deadline(text: str) -> bool:
    """True when ``text`` says there is no deadline ("ingen frist", "nej", "no deadline")."""
    return _NO_DEADLINE_RE.match(text) is not None


_DATEISH_RE = re.compile(rf"\d|{MONTH_PATTERN}|{WEEKDAY_PATTERN}", _FLAGS)
_CLOCK_RE = re.compile(r"(?:kl\.?|klokken)?\s*\d{1,2}[.:]\d{2}(?!\d)|(?:kl\.?|klokken)\s*\d{1,2}", _FLAGS)


def parse_deadline(
    text: str,
    now: datetime,
    *,
    meetings: Mapping[str, date] | None = None,
    prefer_future: bool = True,
) -> date | None:
    """The date that ``text``, a whole answer to "hvornår?", names; None if none or unclear.

    "på fredag", "uge 2", "15/12" give dates; "ingen frist" and phrases that cannot be
    understood ("senest snart") give None. Two different dates in one answer are unclear.
    dateparser (Danish only, day-month-year) is a fallback when the text looks like a date
    but no rule here understood it.
    """
    if is_no_deadline(text) or not text.strip():
        return None
    ctx = _Context(local_today(now), prefer_future, meetings or {}, (), True)
    cands = _candidates(text, ctx)
    best = _best(cands)
    if best is not None:
        others = {c.due for c in cands if c.start >= best.end or c.end <= best.start}
        if others - {best.due}:
            return None  # "fredag eller mandag": two dates, no guess
        return best.due
    if not _DATEISH_RE.search(_CLOCK_RE.sub(" ", text)):
        return None  # nothing date-like (a bare clock time is not a date): no guessing
    return _dateparser_fallback(text.strip(), local_today(now), prefer_future)


@lru_cache(maxsize=512)
def _dateparser_fallback(text: str, today: date, prefer_future: bool) -> date | None:
    import dateparser  # slow to import; only needed when our own rules gave up

    base = datetime.combine(today, time(12, 0))
    settings: dict[str, Any] = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future" if prefer_future else "current_period",
        "RELATIVE_BASE": base,
    }
    try:
        parsed = dateparser.parse(text, languages=["da"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; odd input is "no date"
        return None
    return parsed.date() if parsed is not None else None
