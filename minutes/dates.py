"""Danish (and English) dates: deadlines in task text, period filters in questions, formatting.

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
* "primo"/"medio"/"ultimo" <month> are the 5th, the 15th and the last day ("primo 2027" is
  31 January, "medio 2027" 30 June, "ultimo 2027" 31 December); "udgangen af
  måneden"/"end of the month" the last day of this month, "udgangen af året" 31 December.
* "inden <month>"/"before <month>"/"by <month>" is the last day of the month before; "senest
  i <month>"/"i løbet af <month>" the last day of that month.
* Holidays: "inden jul" 23 December; "inden påske" Maundy Thursday (skærtorsdag);
  "inden sommerferien" 30 June; "inden efterårsferien" the Friday of week 41 and "inden
  vinterferien" the Friday of week 6 (Aarhus has its school holidays in weeks 42 and 7);
  "inden nytår" 31 December; "inden weekenden" the Friday of this week. A holiday followed by
  a year ("inden sommerferien 2020", "inden jul 2027") is that year's, even in the past.
* "inden næste rådmandsmøde" / "til næste CT-møde" is the date of that next meeting as given
  by the caller in ``meetings``; an unknown meeting kind is no match, never a guess.
* "om N dage/uger/måneder", "in N days/weeks/months" count from today (months keep the day
  of month, clamped to the month's length); "om N hverdage" skips Saturdays and Sundays.

With ``prefer_future=False`` (reading old minutes) a bare week number or day-month is taken
in the year of ``now`` (the ISO year for weeks) even when it has passed.

Speed: ``find_deadline`` costs about 2 µs per character when every rule runs. Each rule is
built around key phrases (the vocabulary tables below); ``may_contain_date`` searches for all
of them in one pass (~0.05 µs per character), and find_deadline itself only runs the rules
whose kind of key phrase occurs in the text. Both use the same tables, so they cannot drift.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

__all__ = [
    "COPENHAGEN",
    "DeadlineMatch",
    "Period",
    "date_cue_starts",
    "easter_sunday",
    "find_deadline",
    "find_period",
    "format_date_da",
    "format_date_en",
    "format_time",
    "is_no_deadline",
    "local_today",
    "may_contain_date",
    "meeting_kind_key",
    "parse_deadline",
]

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_MONTHS_DA = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_WEEKDAYS_DA = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_NAMES: dict[str, int] = {}
for _i, (_da, _en) in enumerate(zip(_MONTHS_DA, _MONTHS_EN, strict=True), start=1):
    _MONTH_NAMES[_da] = _i
    _MONTH_NAMES[_en.lower()] = _i
_MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTHS: dict[str, int] = {**_MONTH_NAMES, **_MONTH_ABBREVIATIONS}

_WEEKDAYS: dict[str, int] = {}
for _i, (_da, _en) in enumerate(zip(_WEEKDAYS_DA, _WEEKDAYS_EN, strict=True)):
    _WEEKDAYS[_da] = _i
    _WEEKDAYS[_en.lower()] = _i
_WEEKDAYS.update({"loerdag": 5, "soendag": 6})

_NUMBER_WORDS: dict[str, int] = {
    "en": 1, "een": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "fjorten": 14,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
}  # fmt: skip


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that "sept" wins over "sep"."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in items)


_W = r"[\wæøåÆØÅ]"  # a word character, spelled out for readability in lookarounds


def _initials(words: Iterable[str]) -> str:
    """A look-ahead for the first letters of ``words``: a cheap test before trying them all."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


# Each starts with a look-ahead for its initials: re tries an alternation one word at a time,
# and these are tried at nearly every position of a text (same matches, several times faster).
_MONTH_RE = (
    rf"{_initials(_MONTHS)}(?:{_alternation(_MONTH_NAMES)}|(?:{_alternation(_MONTH_ABBREVIATIONS)})\.?)"
    rf"(?!{_W})"
)
_FULL_MONTH_RE = rf"{_initials(_MONTH_NAMES)}(?:{_alternation(_MONTH_NAMES)})(?!{_W})"
_WEEKDAY_RE = rf"{_initials(_WEEKDAYS)}(?:{_alternation(_WEEKDAYS)})(?!{_W})"
_NUMBER_RE = rf"(?:\d{{1,3}}|{_alternation(_NUMBER_WORDS)})(?!{_W})"
_YEAR_RE = r"(?:19\d\d|20\d\d|2100)"

_FLAGS = re.IGNORECASE


def _month_number(word: str) -> int:
    """Month number of a (possibly abbreviated, possibly dotted) month name."""
    return _MONTHS[word.lower().rstrip(".")]


def _number(word: str) -> int:
    """Value of a digit string or a Danish/English number word."""
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBER_WORDS[w]


# --------------------------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------------------------


def local_today(now: datetime) -> date:
    """The Copenhagen calendar date of ``now`` (naive datetimes are Copenhagen wall time)."""
    if now.tzinfo is not None and now.utcoffset() is not None:
        return now.astimezone(COPENHAGEN).date()
    return now.date()


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _weeks_in_year(iso_year: int) -> int:
    return date(iso_year, 12, 28).isocalendar().week


def _week_day(iso_year: int, week: int, weekday: int = 4) -> date | None:
    """``weekday`` (0 = Monday) of ISO week ``week`` of ``iso_year``; None if no such week."""
    if not 1 <= week <= _weeks_in_year(iso_year):
        return None
    return date.fromisocalendar(iso_year, week, weekday + 1)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` (Gregorian; the anonymous "Meeus/Jones/Butcher" computation)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _add_working_days(d: date, n: int) -> date:
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


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
)  # fmt: skip
_MARKER_RE = re.compile(
    rf"(?:(?<!{_W})(?P<word>{_alternation(_MARKER_WORDS)})(?:\s*[:\-–]\s*|\s+)"
    rf"|(?<!{_W})(?P<d>d\.)\s*)$",
    _FLAGS,
)
_BEFORE_WORDS = frozenset({"inden", "før", "foer", "before", "by"})
_HOLIDAY_MARKERS = frozenset({"inden", "før", "foer", "til", "senest", "before", "by", "ved", "until"})
_TIME_SUFFIX_RE = re.compile(
    r"\s*,?\s*(?:kl\.?|klokken|at)\s*\d{1,2}(?:[.:]\d{2})?(?:\s*(?:am|pm))?(?!\d)", _FLAGS
)
_CLOCK_BEFORE_RE = re.compile(r"(?:kl\.?|klokken)\s*$", _FLAGS)


def _alone(m: re.Match[str], ctx: _Context) -> bool:
    """True when the match is all there is of a whole-answer text (parse_deadline)."""
    text = m.string
    return ctx.whole and not text[: m.start()].strip() and not text[m.end() :].strip(" .!?")


def _resolve_day_month(ctx: _Context, day: int, month: int) -> date | None:
    """A day-month without a year: this year's, or the next valid one if passed/invalid."""
    year = ctx.today.year
    if not ctx.prefer_future:
        return _safe_date(year, month, day)
    for y in range(year, year + 9):  # 29 February needs up to eight years
        d = _safe_date(y, month, day)
        if d is not None and d >= ctx.today:
            return d
    return None


def _full_year(text: str) -> int:
    y = int(text)
    return 2000 + y if y < 100 else y


def _r_iso_date(m: re.Match[str], ctx: _Context) -> date | None:
    return _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))


def _r_numeric_date(m: re.Match[str], ctx: _Context) -> date | None:
    day, month = int(m["d"]), int(m["m"])
    year_text = m["y"] or m["y2"]
    if year_text:
        return _safe_date(_full_year(year_text), month, day)
    if m["sep"] == "-":  # "10-12" is a range far more often than a date
        return None
    if _CLOCK_BEFORE_RE.search(m.string, 0, m.start()):  # "kl. 8.30"
        return None
    if m["sep"] == "." and not (ctx.markers or _alone(m, ctx)):  # "3.1 Kommende møder"
        return None
    return _resolve_day_month(ctx, day, month)


def _r_text_date(m: re.Match[str], ctx: _Context) -> date | None:
    day, month = int(m["d"]), _month_number(m["mon"])
    if m["y"]:
        return _safe_date(int(m["y"]), month, day)
    return _resolve_day_month(ctx, day, month)


def _r_day_only(m: re.Match[str], ctx: _Context) -> date | None:
    """ "den 15." without a month: the next 15th (today counts); this month's when not preferring
    the future."""
    day = int(m["d"])
    first = ctx.today.replace(day=1)
    for offset in range(0, 3 if ctx.prefer_future else 1):
        month_start = _add_months(first, offset)
        d = _safe_date(month_start.year, month_start.month, day)
        if d is not None and (d >= ctx.today or not ctx.prefer_future):
            return d
    return None


def _r_week(m: re.Match[str], ctx: _Context) -> date | None:
    week = int(m["n"])
    weekday = _WEEKDAYS[m["wd"].lower()] if m["wd"] else 4
    if m["y"]:
        return _week_day(int(m["y"]), week, weekday)
    iso_year = ctx.today.isocalendar().year
    if not ctx.prefer_future:
        return _week_day(iso_year, week, weekday)
    for y in range(iso_year, iso_year + 7):  # week 53 can be up to six years away
        d = _week_day(y, week, weekday)
        if d is not None and d >= ctx.today:
            return d
    return None


def _next_weekday(today: date, weekday: int) -> date:
    """The next ``weekday`` strictly after ``today``."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _r_weekday(m: re.Match[str], ctx: _Context) -> date | None:
    weekday = _WEEKDAYS[m["wd"].lower()]
    qualifier = (m["q"] or "").lower()
    week = (m["week"] or "").lower()
    if qualifier in ("næste", "naeste", "next") or "næste" in week or "next" in week:
        return _monday(ctx.today) + timedelta(days=7 + weekday)
    if "denne" in week or "this" in week:
        d = _monday(ctx.today) + timedelta(days=weekday)
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
    n = _number(m["n"])
    unit = m["u"].lower()
    if unit.startswith(("hverdag", "arbejdsdag", "working", "business")):
        return _add_working_days(ctx.today, n)
    if unit.startswith(("dag", "day")):
        return ctx.today + timedelta(days=n)
    if unit.startswith(("uge", "week")):
        return ctx.today + timedelta(weeks=n)
    if unit.startswith(("måned", "maaned", "month")):
        return _add_months(ctx.today, n)
    return _add_months(ctx.today, 12 * n)  # år / year


def _r_relative_week(m: re.Match[str], ctx: _Context) -> date | None:
    word = m.group(0).lower()
    friday = _monday(ctx.today) + timedelta(days=4)
    if "næste" in word or "naeste" in word or "next" in word or "kommende" in word:
        if _BEFORE_WORDS & set(ctx.markers):  # "inden næste uge": before next week starts
            return friday if friday >= ctx.today else friday + timedelta(days=7)
        return friday + timedelta(days=7)
    return friday if friday >= ctx.today else friday + timedelta(days=7)


def _r_weekend(m: re.Match[str], ctx: _Context) -> date | None:
    if not (_HOLIDAY_MARKERS & set(ctx.markers)):
        return None
    friday = _monday(ctx.today) + timedelta(days=4)
    return friday if friday >= ctx.today else friday + timedelta(days=7)


def _period_end_target(target: str, ctx: _Context) -> tuple[int, int] | str | None:
    """Decode the object of "ultimo …"/"udgangen af …": (year, month), "week", "quarter", "year"."""
    t = re.sub(r"\s+", " ", target.lower().strip())
    today = ctx.today
    if t in ("måneden", "maaneden", "denne måned", "the month", "this month", "month", "måned"):
        return (today.year, today.month)
    if t in ("næste måned", "naeste maaned", "next month", "the next month"):
        nxt = _add_months(today.replace(day=1), 1)
        return (nxt.year, nxt.month)
    if t in ("ugen", "denne uge", "the week", "this week", "week"):
        return "week"
    if t in ("kvartalet", "the quarter", "this quarter", "quarter"):
        return "quarter"
    if t in ("året", "aaret", "the year", "this year", "year", "dette år"):
        return "year"
    return None


def _r_month_part(m: re.Match[str], ctx: _Context) -> date | None:
    part = re.sub(r"\s+", " ", m["p"].lower())
    if part in ("primo", "early", "beginning of", "the beginning of", "start of", "the start of",
                "starten af", "i starten af", "begyndelsen af", "i begyndelsen af"):  # fmt: skip
        day_of: Callable[[int, int], date] = lambda y, mo: date(y, mo, 5)  # noqa: E731
    elif part in ("medio", "mid", "mid-", "midt i", "midten af", "i midten af", "the middle of",
                  "middle of"):  # fmt: skip
        day_of = lambda y, mo: date(y, mo, 15)  # noqa: E731
    else:  # ultimo, udgangen af, end of, slutningen af, i løbet af, late
        day_of = _last_day
    if m["mon"]:
        month = _month_number(m["mon"])
        if m["y"]:
            return day_of(int(m["y"]), month)
        d = day_of(ctx.today.year, month)
        if ctx.prefer_future and d < ctx.today:
            d = day_of(ctx.today.year + 1, month)
        return d
    if m["yr"]:  # "primo 2027": end of January; "medio 2027": 30 June; "ultimo 2027": 31 Dec
        year = int(m["yr"])
        if day_of is _last_day:
            return date(year, 12, 31)
        return date(year, 6, 30) if day_of(year, 1).day == 15 else date(year, 1, 31)
    target = _period_end_target(m["t"], ctx)
    if isinstance(target, tuple):
        return day_of(*target)
    if day_of is not _last_day:
        return None  # "primo ugen" and the like: no convention
    if target == "week":
        friday = _monday(ctx.today) + timedelta(days=4)
        return friday if friday >= ctx.today else friday + timedelta(days=7)
    if target == "quarter":
        q_end_month = ((ctx.today.month - 1) // 3 + 1) * 3
        return _last_day(ctx.today.year, q_end_month)
    if target == "year":
        return date(ctx.today.year, 12, 31)
    return None


def _r_end_compound(m: re.Match[str], ctx: _Context) -> date | None:
    word = m.group(0).lower()
    if "år" in word or "aar" in word or "year" in word:
        return date(ctx.today.year, 12, 31)
    if "uge" in word or "week" in word:
        friday = _monday(ctx.today) + timedelta(days=4)
        return friday if friday >= ctx.today else friday + timedelta(days=7)
    return _last_day(ctx.today.year, ctx.today.month)


def _r_month_only(m: re.Match[str], ctx: _Context) -> date | None:
    month = _month_number(m["mon"])
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
        end = _last_day(year, month) if not before else date(year, month, 1) - timedelta(days=1)
        if ctx.prefer_future and end < ctx.today:
            year += 1
    if before and not m["i"]:
        return date(year, month, 1) - timedelta(days=1)
    return _last_day(year, month)


def _holiday_date(name: str, year: int) -> date | None:
    n = name.lower()
    if n.startswith("jul") or "christmas" in n or "xmas" in n:
        return date(year, 12, 23)
    if n.startswith(("påske", "paaske")) or "easter" in n:
        return easter_sunday(year) - timedelta(days=3)
    if n.startswith("sommer") or "summer" in n:
        return date(year, 6, 30)
    if n.startswith("efterår") or "autumn" in n or "fall" in n:
        return _week_day(year, 41)
    if n.startswith("vinter") or "winter" in n:
        return _week_day(year, 6)
    if n.startswith("nytår") or "new year" in n:
        return date(year, 12, 31)
    return None


def _r_holiday(m: re.Match[str], ctx: _Context) -> date | None:
    if not (_HOLIDAY_MARKERS & set(ctx.markers)):
        return None  # "jul" or "summer" in passing is not a deadline
    if m["y"]:  # "inden sommerferien 2020": a year is taken as written, even in the past
        return _holiday_date(m["h"], int(m["y"]))
    d = _holiday_date(m["h"], ctx.today.year)
    if d is not None and ctx.prefer_future and d < ctx.today:
        d = _holiday_date(m["h"], ctx.today.year + 1)
    return d


_MEETING_ALIASES = {
    "ct": "chefteammøde", "ct-møde": "chefteammøde", "ct møde": "chefteammøde",
    "ct meeting": "chefteammøde", "chefteam": "chefteammøde", "chefteam meeting": "chefteammøde",
    "chefteammøde": "chefteammøde", "rm": "rådmandsmøde", "rm-møde": "rådmandsmøde",
    "rm møde": "rådmandsmøde", "rm meeting": "rådmandsmøde", "rådmand": "rådmandsmøde",
    "rådmandsmøde": "rådmandsmøde", "rådmand meeting": "rådmandsmøde",
    "rådmands meeting": "rådmandsmøde",
}  # fmt: skip


def meeting_kind_key(kind: str) -> str:
    """The canonical lookup key of a meeting kind: lower case, singular, aliases resolved.

    "Rådmandsmødet" -> "rådmandsmøde", "CT-møde" -> "chefteammøde", "RM" -> "rådmandsmøde".
    """
    k = re.sub(r"\s+", " ", kind.strip().lower())
    if k.endswith("mødet"):
        k = k[:-1]
    return _MEETING_ALIASES.get(k, k)


def _r_meeting(m: re.Match[str], ctx: _Context) -> date | None:
    wanted = meeting_kind_key(m["k"])
    for kind, day in ctx.meetings.items():
        if meeting_kind_key(kind) == wanted:
            return day
    return None


_NUM_SEP = r"[./-]"
_ORDINAL = r"(?:\.|st|nd|rd|th|ste|te|de)?"
_DAY_WORD = r"(?:den|d\.)"
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY_RE}\s*,?\s+(?:{_DAY_WORD}\s*)?)?"
_WEEKDAY_INITIALS = _initials(_WEEKDAYS)[4:-2]  # the letters inside "(?=[…])"
_MONTH_INITIALS = _initials(_MONTHS)[4:-2]

# Key phrases of the rules below, as tuples of regex alternatives (lower case). Each tuple is
# spliced into its rule's pattern AND into _DATE_CUE_RE (may_contain_date), so the cheap
# pre-check cannot drift from the rules.
_ISO_DATE_SRC = rf"(?P<y>{_YEAR_RE})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})"
_DAY_MONTH_SRC = rf"(?P<d>\d{{1,2}})\s?(?P<sep>{_NUM_SEP})\s?(?P<m>\d{{1,2}})"
_WEEK_WORDS = ("uge", "week", r"wk\.?")
_RELATIVE_DAYS = (
    r"i\s*dag", r"i\s*morgen", r"i\s*overmorgen", "today", "tomorrow", r"the\s+day\s+after\s+tomorrow",
)  # fmt: skip
_SPAN_UNITS = (
    "dage?", "hverdage?", "arbejdsdage?", "uger?", "måned(?:er)?", "år", "days?", r"working\s+days?",
    r"business\s+days?", "weeks?", "months?", "years?",
)  # fmt: skip
_RELATIVE_WEEKS_DA = (r"næste\s+uge", r"naeste\s+uge", r"kommende\s+uge", r"denne\s+uge")
_RELATIVE_WEEKS_EN = (r"next\s+week", r"this\s+week")
_WEEKENDS = ("weekenden", r"the\s+weekend", "weekend")
_MONTH_PARTS = (
    "primo", "medio", "ultimo", "early", "mid-?", "late", r"the\s+end\s+of", r"end\s+of",
    r"the\s+beginning\s+of", r"beginning\s+of", r"the\s+start\s+of", r"start\s+of",
    r"the\s+middle\s+of", r"middle\s+of", r"i\s+starten\s+af", r"starten\s+af",
    r"i\s+begyndelsen\s+af", r"begyndelsen\s+af", r"i\s+slutningen\s+af", r"slutningen\s+af",
    r"i\s+midten\s+af", r"midten\s+af", r"midt\s+i", r"udgangen\s+af", r"i\s+løbet\s+af",
)  # fmt: skip
# What "primo"/"ultimo"/"udgangen af"/… may be of besides a month or a year.
_PERIOD_TARGETS = (
    "måneden", r"denne\s+måned", r"næste\s+måned", "month", r"the\s+month", r"this\s+month",
    r"next\s+month", "ugen", r"denne\s+uge", "week", r"the\s+week", r"this\s+week", "kvartalet",
    "quarter", r"the\s+quarter", r"this\s+quarter", "året", r"dette\s+år", "year", r"the\s+year",
    r"this\s+year",
)  # fmt: skip
_END_COMPOUNDS = (
    r"månedens\s+udgang", r"ugens\s+udgang", r"årets\s+udgang", r"month[\s-]end", r"week[\s-]end",
    r"year[\s-]end",
)  # fmt: skip
_HOLIDAYS = (
    "jul", "julen", "juleferien", "christmas", "xmas", "påske", "påsken", "påskeferien", "easter",
    "sommerferie", "sommerferien", "sommer", "sommeren", r"the\s+summer", "summer",
    r"the\s+summer\s+(?:holidays?|break|vacation)", r"summer\s+(?:holidays?|break|vacation)",
    "efterårsferie", "efterårsferien", r"the\s+autumn\s+(?:break|holidays?)",
    r"autumn\s+(?:break|holidays?)", "vinterferie", "vinterferien",
    r"the\s+winter\s+(?:break|holidays?)", r"winter\s+(?:break|holidays?)", "nytår",
    r"the\s+new\s+year", r"new\s+year",
)  # fmt: skip
_NEXT_MEETING_WORDS = ("næste", "naeste", "kommende", "førstkommende", "next", "upcoming")


def _alt(alternatives: Iterable[str]) -> str:
    """Regex alternatives as one group, longest first (the leftmost alternative wins in re)."""
    alts = sorted(set(alternatives), key=len, reverse=True)
    initials = _initials(alts) if all(a[0].isalpha() for a in alts) else ""
    return f"{initials}(?:" + "|".join(alts) + ")"


_RULES: tuple[tuple[re.Pattern[str], _Resolver], ...] = tuple(
    (re.compile(src, _FLAGS), resolver)
    for src, resolver in (
        (rf"(?<![\d.]){_ISO_DATE_SRC}(?![\d])", _r_iso_date),
        (
            rf"(?=[\d{_WEEKDAY_INITIALS}]){_WEEKDAY_PREFIX}(?<![\w.,/-]){_DAY_MONTH_SRC}"
            rf"(?:(?P=sep)\s?(?P<y>\d{{4}}|\d{{2}})|-(?P<y2>\d{{4}})|\s+(?P<y3>{_YEAR_RE}))?"
            rf"(?![\w]|[.,/-]\d)",
            lambda m, c: _r_numeric_date(m, c) if not m["y3"] else _safe_date(
                int(m["y3"]), int(m["m"]), int(m["d"])),
        ),
        (
            rf"(?=[\dt{_WEEKDAY_INITIALS}]){_WEEKDAY_PREFIX}(?:the\s+)?(?<!\d)(?<!\d[.,])"
            rf"(?P<d>\d{{1,2}}){_ORDINAL}\s*(?:(?:af|of)\s+)?"
            rf"(?P<mon>{_MONTH_RE})(?:\s*,?\s*(?P<y>{_YEAR_RE})(?!\d))?",
            _r_text_date,
        ),
        (
            rf"(?<!{_W}){_DAY_WORD}\s*(?P<d>\d{{1,2}})\.(?!\s*\d)(?!\s*(?:{_MONTH_RE}|{_W}))",
            _r_day_only,
        ),
        (
            rf"(?=[{_WEEKDAY_INITIALS}{_MONTH_INITIALS}]){_WEEKDAY_PREFIX}(?<!{_W})(?P<mon>{_MONTH_RE})"
            rf"\s+(?:the\s+)?(?P<d>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?!\d)(?!\.\d)(?:\s*,?\s*(?P<y>{_YEAR_RE})(?!\d))?",
            _r_text_date,
        ),
        (
            rf"(?<!{_W})(?:(?P<wd>{_WEEKDAY_RE})\s+(?:i|in|of)\s+)?(?:(?:i|in)\s+)?"
            rf"{_alt(_WEEK_WORDS)}\s*(?P<n>\d{{1,2}})(?!\d)"
            rf"(?:(?:\s*[/,]\s*|\s+|\s+of\s+)(?P<y>{_YEAR_RE})(?!\d))?",
            _r_week,
        ),
        (
            rf"(?<!{_W})(?:(?P<q>næste|naeste|kommende|førstkommende|next|this|coming|denne|på|on)"
            rf"\s+)?(?P<wd>{_WEEKDAY_RE})"
            rf"(?:\s+(?P<week>(?:i\s+)?(?:næste|naeste|denne)\s+uge|(?:of\s+)?(?:next|this)\s+week))?",
            _r_weekday,
        ),
        (rf"(?<!{_W}){_alt(_RELATIVE_DAYS)}(?!{_W})", _r_relative_day),
        (
            rf"(?<!{_W})(?:om|in|inden\s*for|within|i\s+løbet\s+af)\s+(?P<n>{_NUMBER_RE})\s+"
            rf"(?P<u>{_alt(_SPAN_UNITS)})(?!{_W})",
            _r_span,
        ),
        (
            rf"(?<!{_W})(?:(?:i\s+)?{_alt(_RELATIVE_WEEKS_DA)}|{_alt(_RELATIVE_WEEKS_EN)})(?!{_W})",
            _r_relative_week,
        ),
        (rf"(?<!{_W}){_alt(_WEEKENDS)}(?!{_W})", _r_weekend),
        (
            rf"(?<!{_W})(?P<p>{_alt(_MONTH_PARTS)})\s*"
            rf"(?:(?P<mon>{_FULL_MONTH_RE}|{_MONTH_RE})(?:\s+(?P<y>{_YEAR_RE})(?!\d))?"
            rf"|(?P<yr>{_YEAR_RE})(?!\d)"
            rf"|(?P<t>{_alt(_PERIOD_TARGETS)}))(?!{_W})",
            _r_month_part,
        ),
        (rf"(?<!{_W}){_alt(_END_COMPOUNDS)}(?!{_W})", _r_end_compound),
        (
            rf"(?<!{_W})(?P<i>(?:i|in|during)\s+)?(?P<mon>{_FULL_MONTH_RE})"
            rf"(?:\s+(?P<y>{_YEAR_RE})(?!\d))?",
            _r_month_only,
        ),
        (
            rf"(?<!{_W})(?P<h>{_alt(_HOLIDAYS)})(?!{_W})(?:\s+(?P<y>{_YEAR_RE})(?![\w]|[.,/-]\d))?",
            _r_holiday,
        ),
        (
            rf"(?<!{_W})(?:(?:det|the)\s+)?{_alt(_NEXT_MEETING_WORDS)}\s+"
            rf"(?P<k>(?:ct|rm|chefteam|rådmands?)\s+(?:meeting|møde)|[\wæøå]*-?mødet?|ct|rm"
            rf"|chefteam)(?!{_W})",
            _r_meeting,
        ),
    )
)


def _ungrouped(src: str) -> str:
    """``src`` with its named groups made anonymous, so it can be repeated in one pattern."""
    return re.sub(r"\(\?P<\w+>", "(?:", src)


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
_SPAN_CUE = rf"\s+{_alt(_SPAN_UNITS)}(?!{_W})"
_PART_OBJECT_CUE = rf"\s*(?:{_alt(_MONTHS)}|{_YEAR_RE}|{_alt(_PERIOD_TARGETS)})"
# Key phrases by kind; _RULE_CUES says which kind each rule of _RULES needs.
_CUES: dict[str, tuple[str, ...]] = {
    "iso": (r"-\d{1,2}-\d",),  # after the year's last digit: "2026-12-15"
    "numeric": (r"\d{1,2}\s?" + _NUM_SEP + r"\s?\d{1,2}(?!\d)",),  # "15/12", "1.4", "15-12-2026"
    "month": tuple(rf"{w}(?!{_W})" for w in _MONTHS),
    "day": (r"den\s*\d", r"d\.\s*\d"),
    "week": tuple(rf"{w}\s*\d" for w in _WEEK_WORDS),
    "weekday": tuple(rf"{w}(?!{_W})" for w in _WEEKDAYS),
    "relative_day": tuple(rf"{w}(?!{_W})" for w in _RELATIVE_DAYS),
    "span": (rf"\d{{1,3}}{_SPAN_CUE}", *(rf"{w}{_SPAN_CUE}" for w in _NUMBER_WORDS)),  # "om 14 dage"
    "relative_week": (*_RELATIVE_WEEKS_DA, *_RELATIVE_WEEKS_EN),
    "weekend": tuple(rf"{w}(?!{_W})" for w in _WEEKENDS),
    "month_part": tuple(rf"{w}{_PART_OBJECT_CUE}" for w in _MONTH_PARTS),
    "end": _END_COMPOUNDS,
    "holiday": tuple(rf"{w}(?!{_W})" for w in _HOLIDAYS),
}
_RULE_CUES: tuple[str | None, ...] = (
    "iso", "numeric", "month", "day", "month", "week", "weekday", "relative_day", "span",
    "relative_week", "weekend", "month_part", "end", "month", "holiday", None,  # None: meetings
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


_MEETING_CUE_RE = re.compile(rf"(?<!{_W}){_alt(_NEXT_MEETING_WORDS)}\s", _FLAGS)


def may_contain_date(text: str, *, meetings: bool = False) -> bool:
    """Cheap pre-check: False guarantees ``find_deadline(text, now)`` is None for every ``now``.

    True means a key phrase that some deadline rule is built on occurs in ``text`` (a month or
    weekday name, "uge 43", "15/12", "den 3", "om 3 dage", "primo", "jul", …); the rule may
    still reject it. With ``meetings=True`` "næste …" counts too, for callers that pass a
    meeting calendar to find_deadline. Some 40 times cheaper than running the rules.
    """
    if _DATE_CUE_RE.search(" " + text.lower()) is not None:
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
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    padded = " " + lowered
    first = _DATE_CUE_RE.search(padded)  # the common "none" answer in one cheap pass
    if first is None:
        return ()
    return tuple(m.start() for m in _DATE_CUE_AT_RE.finditer(padded, first.start()))


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


def _candidates(text: str, ctx: _Context) -> list[_Candidate]:
    found: list[_Candidate] = []
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
            end = m.end()
            suffix = _TIME_SUFFIX_RE.match(text, end)
            if suffix is not None:
                end = suffix.end()
            found.append(_Candidate(due, start, end))
    return found


def _best(cands: list[_Candidate]) -> _Candidate | None:
    if not cands:
        return None
    return min(cands, key=lambda c: (c.start, -(c.end - c.start)))


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


_DATEISH_RE = re.compile(rf"\d|{_MONTH_RE}|{_WEEKDAY_RE}", _FLAGS)
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


# --------------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------------


def format_date_da(d: date) -> str:
    """Danish long form: ``fredag den 15. september 2023``."""
    return f"{_WEEKDAYS_DA[d.weekday()]} den {d.day}. {_MONTHS_DA[d.month - 1]} {d.year}"


def format_date_en(d: date) -> str:
    """English long form: ``Friday 15 September 2023``."""
    return f"{_WEEKDAYS_EN[d.weekday()]} {d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def format_time(t: time) -> str:
    """24-hour clock with leading zeros: ``08:30``."""
    return f"{t.hour:02d}:{t.minute:02d}"


# --------------------------------------------------------------------------------------------
# Periods in questions ("hvad blev besluttet om demens i 2023?")
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """An inclusive date range for filtering meetings; None means open on that side."""

    start: date | None
    end: date | None

    def contains(self, d: date) -> bool:
        """True when ``d`` lies within the period (bounds inclusive)."""
        return (self.start is None or self.start <= d) and (self.end is None or d <= self.end)


@dataclass(frozen=True)
class _Span:
    """A resolved point expression: its first and last day, and whether it named its year."""

    start: date
    end: date
    has_year: bool


_PointResolver = Callable[[re.Match[str], date, "int | None"], "_Span | None"]

_TOPIC_NOUN_RE = re.compile(
    r"(?:budget\w*|finanslov\w*|regnskab\w*|årsregnskab\w*|overslagsår\w*|handleplan\w*|strategi\w*|"
    r"b|nr\.?|sag|sagsnr\.?|punkt|kr\.?|dkk|lov|version|plan\w*|aftale\w*|mål\w*|vision\w*)"
    r"[\s-]*$",
    _FLAGS,
)
_UNIT_AFTER_RE = re.compile(
    r"\s*(?:kr\.?|kroner|mio\.?|mia\.?|millioner|milliarder|%|procent|timer|stk\.?|personer|"
    r"borgere|medarbejdere|pladser|m2|dkk|årsværk|boliger)(?!\w)",
    _FLAGS,
)
_SEASONS: dict[str, tuple[int, int]] = {  # first month, number of months
    "forår": (3, 3), "foråret": (3, 3), "spring": (3, 3),
    "sommer": (6, 3), "sommeren": (6, 3), "summer": (6, 3),
    "efterår": (9, 3), "efteråret": (9, 3), "autumn": (9, 3), "fall": (9, 3),
    "vinter": (12, 3), "vinteren": (12, 3), "winter": (12, 3),
}  # fmt: skip
_QUARTER_WORDS = {"første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4,
                  "first": 1, "second": 2, "third": 3, "fourth": 4}  # fmt: skip


def _g(m: re.Match[str], name: str) -> Any:
    """Group ``name`` of ``m``, or None when the pattern has no such group."""
    return m.groupdict().get(name)


def _month_span(year: int, month: int, months: int = 1) -> tuple[date, date]:
    first = date(year, month, 1)
    last = _add_months(first, months - 1)
    return first, _last_day(last.year, last.month)


def _recent_year(today: date, month: int, default_year: int | None) -> int:
    """The year of the most recent ``month`` that has started, unless a year is given."""
    if default_year is not None:
        return default_year
    return today.year if month <= today.month else today.year - 1


def _p_day(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    day = int(_g(m, "d"))
    month = int(_g(m, "m")) if _g(m, "m") else _month_number(_g(m, "mon"))
    if _g(m, "y"):
        d = _safe_date(int(_g(m, "y")), month, day)
        return _Span(d, d, True) if d else None
    if _g(m, "sep") not in (None, "/") and not _g(m, "den"):
        return None  # "3.1 Kommende møder", "10-12 personer": not dates without a year
    if default_year is not None:
        d = _safe_date(default_year, month, day)
        return _Span(d, d, False) if d else None
    for year in range(today.year, today.year - 9, -1):  # the most recent one, today counts
        d = _safe_date(year, month, day)
        if d is not None and d <= today:
            return _Span(d, d, False)
    return None


def _p_month(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    month = _month_number(_g(m, "mon"))
    year = int(_g(m, "y")) if _g(m, "y") else _recent_year(today, month, default_year)
    return _Span(*_month_span(year, month), has_year=_g(m, "y") is not None)


def _p_season(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    first_month, months = _SEASONS[_g(m, "s").lower()]
    if _g(m, "y"):
        year = int(_g(m, "y"))
        if first_month == 12:
            # "vinteren 2020/21" starts in December 2020; "vinteren 2021" (DMI) is Dec 2020-Feb 2021.
            year = year if _g(m, "y2") else year - 1
        return _Span(*_month_span(year, first_month, months), has_year=True)
    year = default_year if default_year is not None else today.year
    start, end = _month_span(year, first_month, months)
    if default_year is None and start > today:
        start, end = _month_span(year - 1, first_month, months)
    return _Span(start, end, has_year=False)


def _p_quarter(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    q = int(_g(m, "q") or _g(m, "q2")) if (_g(m, "q") or _g(m, "q2")) else _QUARTER_WORDS[_g(m, "qw").lower()]
    if _g(m, "y"):
        year = int(_g(m, "y"))
    else:
        year = _recent_year(today, 3 * q - 2, default_year)
    return _Span(*_month_span(year, 3 * q - 2, 3), has_year=_g(m, "y") is not None)


def _p_year(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    year = int(_g(m, "y"))
    if not 1990 <= year <= 2100:
        return None
    return _Span(date(year, 1, 1), date(year, 12, 31), True)


def _p_week(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    week = int(_g(m, "n"))
    if _g(m, "y"):
        monday = _week_day(int(_g(m, "y")), week, 0)
        return _Span(monday, monday + timedelta(days=6), True) if monday else None
    iso_year = default_year if default_year is not None else today.isocalendar().year
    for year in range(iso_year, iso_year - 7, -1):  # the most recent such week that has started
        monday = _week_day(year, week, 0)
        if monday is not None and (monday <= today or default_year is not None):
            return _Span(monday, monday + timedelta(days=6), False)
    return None


def _p_relative(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    r = re.sub(r"\s+", " ", _g(m, "rel").lower())
    monday = _monday(today)
    if r in ("i dag", "idag", "today"):
        return _Span(today, today, True)
    if r in ("i går", "igår", "yesterday"):
        y = today - timedelta(days=1)
        return _Span(y, y, True)
    if "uge" in r or "week" in r:
        start = monday - timedelta(days=7) if ("sidste" in r or "forrige" in r or "last" in r) else monday
        return _Span(start, start + timedelta(days=6), True)
    if "måned" in r or "month" in r:
        first = today.replace(day=1)
        if "sidste" in r or "forrige" in r or "last" in r:
            first = _add_months(first, -1)
        return _Span(*_month_span(first.year, first.month), has_year=True)
    if r in ("i fjor", "sidste år", "forrige år", "last year"):
        return _Span(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31), True)
    return _Span(date(today.year, 1, 1), date(today.year, 12, 31), True)  # i år / this year


def _p_last_n(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    n = _number(_g(m, "n"))
    unit = _g(m, "u").lower()
    if unit.startswith(("dag", "day")):
        start = today - timedelta(days=n - 1)
    elif unit.startswith(("uge", "week")):
        start = today - timedelta(weeks=n) + timedelta(days=1)
    elif unit.startswith(("måned", "month")):
        start = _add_months(today, -n) + timedelta(days=1)
    else:
        start = _add_months(today, -12 * n) + timedelta(days=1)
    return _Span(start, today, True)


def _p_ago(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    """ "for 2 år siden" is that calendar year, "for 3 måneder siden" that month, "for en uge
    siden" that ISO week (Monday-Sunday)."""
    n = _number(_g(m, "n"))
    unit = _g(m, "u").lower()
    if unit.startswith(("uge", "week")):
        monday = _monday(today) - timedelta(weeks=n)
        return _Span(monday, monday + timedelta(days=6), True)
    if unit.startswith(("måned", "month")):
        first = _add_months(today.replace(day=1), -n)
        return _Span(*_month_span(first.year, first.month), has_year=True)
    year = today.year - n
    return _Span(date(year, 1, 1), date(year, 12, 31), True) if year >= 1 else None


# (pattern, resolver, needs a preposition such as "i"/"in" to count as a period when bare)
_POINT_SOURCES: tuple[tuple[str, _PointResolver, bool], ...] = (
    (rf"(?<![\d.])(?P<y>{_YEAR_RE})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d)", _p_day, False),
    (
        rf"(?<![\w.,/-])(?:(?P<den>den|d\.)\s*)?(?P<d>\d{{1,2}})\s?(?P<sep>[./-])\s?(?P<m>\d{{1,2}})"
        rf"(?:(?:[./-]\s?|\s+)(?P<y>{_YEAR_RE}))?(?![\w]|[.,/-]\d)",
        _p_day,
        False,
    ),
    (
        rf"(?<![\w.])(?:(?:den|d\.)\s*)?(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?"
        rf"(?P<mon>{_MONTH_RE})(?:\s*,?\s*(?P<y>{_YEAR_RE})(?!\d))?",
        _p_day,
        False,
    ),
    (
        rf"(?<!{_W})(?P<mon>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?!\.\d)"
        rf"(?:\s*,?\s*(?P<y>{_YEAR_RE})(?!\d))?",
        _p_day,
        False,
    ),
    (rf"(?<!{_W})(?P<mon>{_MONTH_RE})\s+(?P<y>{_YEAR_RE})(?!\d)", _p_month, False),
    (
        rf"(?<!{_W})(?P<s>{_alternation(_SEASONS)})(?!{_W})"
        rf"(?:\s+(?P<y>{_YEAR_RE})(?:\s*/\s*(?P<y2>\d{{4}}|\d{{2}}))?(?!\d))?",
        _p_season,
        True,
    ),
    (
        rf"(?<!{_W})(?:q(?P<q>[1-4])|(?P<q2>[1-4])\.\s*kvartal|(?P<qw>{_alternation(_QUARTER_WORDS)})"
        rf"\s+(?:kvartal|quarter))(?!{_W})(?:\s+(?:of\s+)?(?P<y>{_YEAR_RE})(?!\d))?",
        _p_quarter,
        False,
    ),
    (
        rf"(?<!{_W})(?P<rel>i\s*dag|today|i\s*går|yesterday|i\s+fjor|(?:sidste|forrige|last)\s+"
        rf"(?:år|uge|måned|year|week|month)|i\s+år|this\s+year|(?:denne|this)\s+(?:uge|måned|week|month)"
        rf"|i\s+denne\s+(?:uge|måned))(?!{_W})",
        _p_relative,
        False,
    ),
    (
        rf"(?<!{_W})(?:for\s+)?(?P<n>{_NUMBER_RE})\s+(?P<u>år|måned(?:er)?|uger?|years?|months?|weeks?)"
        rf"\s+(?:siden|ago)(?!{_W})",
        _p_ago,
        False,
    ),
    (
        rf"(?<!{_W})(?:de|the)\s+(?:sidste|seneste|last|past)\s+(?P<n>{_NUMBER_RE})\s+"
        rf"(?P<u>dage|uger|måneder|år|days|weeks|months|years)(?!{_W})",
        _p_last_n,
        False,
    ),
    (
        rf"(?<!{_W})(?:uge|week)\s*(?P<n>\d{{1,2}})(?!\d)(?:(?:\s*[/,]\s*|\s+)(?P<y>{_YEAR_RE})(?!\d))?",
        _p_week,
        False,
    ),
    (rf"(?<![\w.,/-])(?P<y>{_YEAR_RE})(?![\w]|[.,/]\d|/)", _p_year, False),
    (rf"(?<!{_W})(?P<mon>{_FULL_MONTH_RE})", _p_month, True),
)
_POINTS: tuple[tuple[re.Pattern[str], _PointResolver, bool], ...] = tuple(
    (re.compile(src, _FLAGS), resolver, needs_prep) for src, resolver, needs_prep in _POINT_SOURCES
)


_POINT_ANY = "(?:" + "|".join(f"(?:{_ungrouped(src)})" for src, _, _ in _POINT_SOURCES) + ")"
_RANGE_RE = re.compile(
    rf"(?<!{_W})(?:mellem|between|fra|from|i\s+perioden)\s+(?P<a>{_POINT_ANY})\s+"
    rf"(?:og|and|til|to|until|[-–])\s+(?P<b>{_POINT_ANY})"
    rf"|(?<![\w.,/-])(?P<ya>{_YEAR_RE})\s*[-–]\s*(?P<yb>{_YEAR_RE})(?![\w]|[.,/]\d)",
    _FLAGS,
)
_OPEN_RE = re.compile(
    rf"(?<!{_W})(?P<op>efter|after|før|foer|inden|before|siden|since|til\s+og\s+med|t\.o\.m\.?"
    rf"|up\s+to\s+and\s+including|through)\s+(?P<a>{_POINT_ANY})"
    rf"|(?<!{_W})(?:fra|from)\s+(?P<f>{_POINT_ANY})\s+(?:og\s+frem(?:efter|over)?|og\s+senere"
    rf"|and\s+later|onwards?|and\s+after)(?!{_W})",
    _FLAGS,
)
_IN_RE = re.compile(
    rf"(?<!{_W})(?:i\s+løbet\s+af|i|in|during|fra|from|under)\s+(?:(?:det|the)\s+)?"
    rf"(?P<a>{_POINT_ANY})",
    _FLAGS,
)


def _point(text: str, today: date, default_year: int | None, *, bare: bool) -> _Span | None:
    """Resolve ``text`` as exactly one point expression (a day, month, season, year, …)."""
    for pattern, resolver, needs_prep in _POINTS:
        if bare and needs_prep:
            continue
        m = pattern.fullmatch(text)
        if m is not None:
            span = resolver(m, today, default_year)
            if span is not None:
                return span
    return None


@dataclass(frozen=True)
class _PeriodCandidate:
    period: Period
    start: int
    end: int


def _is_topic_year(text: str, start: int, end: int) -> bool:
    """A bare number right after "budget"/"finansloven"/"B"/"kr." or before "kr." is no period."""
    return bool(_TOPIC_NOUN_RE.search(text, max(0, start - 25), start)) or bool(
        _UNIT_AFTER_RE.match(text, end)
    )


def _period_candidates(text: str, today: date) -> list[_PeriodCandidate]:
    found: list[_PeriodCandidate] = []
    for m in _RANGE_RE.finditer(text):
        if _g(m, "ya"):
            if _is_topic_year(text, m.start(), m.end()):
                continue
            a_text, b_text = _g(m, "ya"), _g(m, "yb")
        else:
            a_text, b_text = _g(m, "a"), _g(m, "b")
        b = _point(b_text, today, None, bare=False)
        if b is None:
            continue
        a = _point(a_text, today, b.start.year if b.has_year else None, bare=False)
        if a is None or a.start > b.end:
            continue
        found.append(_PeriodCandidate(Period(a.start, b.end), m.start(), m.end()))
    for m in _OPEN_RE.finditer(text):
        p = _point(_g(m, "a") or _g(m, "f"), today, None, bare=False)
        if p is None:
            continue
        op = re.sub(r"\s+", " ", (_g(m, "op") or "fra").lower())
        if op in ("efter", "after"):
            period = Period(p.end + timedelta(days=1), None)
        elif op in ("før", "foer", "inden", "before"):
            period = Period(None, p.start - timedelta(days=1))
        elif op in ("siden", "since", "fra"):
            period = Period(p.start, None)
        else:  # til og med / through
            period = Period(None, p.end)
        found.append(_PeriodCandidate(period, m.start(), m.end()))
    for m in _IN_RE.finditer(text):
        p = _point(_g(m, "a"), today, None, bare=False)
        if p is not None:
            found.append(_PeriodCandidate(Period(p.start, p.end), m.start(), m.end()))
    for pattern, resolver, needs_prep in _POINTS:
        for m in pattern.finditer(text):
            if needs_prep and not _g(m, "y"):
                continue  # "sommer", "maj" alone are words, "sommeren 2020" is a period
            if resolver is _p_year and _is_topic_year(text, m.start(), m.end()):
                continue
            p = resolver(m, today, None)
            if p is not None:
                found.append(_PeriodCandidate(Period(p.start, p.end), m.start(), m.end()))
    return found


def _cut(text: str, start: int, end: int) -> str:
    rest = f"{text[:start]} {text[end:]}"
    rest = re.sub(r"\s+", " ", rest).strip()
    return re.sub(r"\s+([?.!,;:])", r"\1", rest)


def find_period(text: str, now: datetime) -> tuple[Period | None, str]:
    """The period a question names, and the question with that phrase cut out.

    "i 2023" is the year 2023; "i januar" the most recent January that has started ("i uge 43",
    "i efteråret", "9/1" likewise the most recent one that has started); "efter
    1. marts" starts the day after the most recent 1 March (today counts); "før 2022" ends
    31 Dec 2021; "siden 2021" starts 1 Jan 2021; "fra 2023" (Danish: minutes *from* 2023) is
    the year; "vinteren 2021" is Dec 2020-Feb 2021 (DMI's convention), "vinteren 2020/21"
    Dec 2020-Feb 2021; "for 2 år siden" / "for to år siden" / "two years ago" is that calendar
    year ("for 3 måneder siden" that month, "for en uge siden" that ISO week); "i forrige
    måned" last month. A bare year right after a topic noun ("Budget 2019", "finansloven
    2020", "B 2019") or before a unit ("2000 kr.") is left in the text. Returns
    ``(None, text)`` when no period is named.
    """
    today = local_today(now)
    cands = _period_candidates(text, today)
    if not cands:
        return None, text
    best = min(cands, key=lambda c: (c.start, -(c.end - c.start)))
    return best.period, _cut(text, best.start, best.end)
