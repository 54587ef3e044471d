"""The Danish calendar: Copenhagen time, public holidays, working days, month and weekday words.

One home for what every other module asks of the calendar: the deadline reader (``minutes.dates``),
periods in questions (``minutes.periods``), the minutes parser, reminders and follow-ups
(``storage``) and the answers (``dialogs``). Everything is a pure function of its arguments.

A *working day* ("hverdag", "arbejdsdag", "working day") is Monday to Friday and not a public
holiday of the municipality's calendar (:func:`danish_holidays`). There is exactly one such
definition: "om 3 hverdage", a reminder "dagen før" and the overdue reminder all use it.

The month and weekday words here are for *reading* dates (Danish and English, as staff type them). The
bot *writes* dates from its text catalogue (``dialogs.texts.date_long``, a file per language), so a new
answer language needs no change here.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import re
from collections.abc import Callable, Iterable
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

__all__ = [
    "COPENHAGEN",
    "FULL_MONTH_PATTERN",
    "HOLIDAY_NAMES",
    "MONTHS_DA",
    "MONTHS_EN",
    "MONTH_ABBREVIATIONS_DA",
    "MONTH_ABBREVIATIONS_OTHER",
    "MONTH_NAMES",
    "MONTH_NUMBERS",
    "MONTH_PATTERN",
    "NUMBER_PATTERN",
    "NUMBER_WORDS",
    "WEEKDAYS_DA",
    "WEEKDAYS_EN",
    "WEEKDAY_NUMBERS",
    "WEEKDAY_PATTERN",
    "WORD_CHAR",
    "YEAR_PATTERN",
    "add_months",
    "add_working_days",
    "after_holiday",
    "alternation",
    "before_holiday",
    "between_christmas_and_new_year",
    "danish_holidays",
    "easter_sunday",
    "format_time",
    "holiday_name",
    "initials",
    "is_working_day",
    "iso_week_day",
    "last_day_of_month",
    "local_today",
    "monday_of",
    "month_number",
    "named_days_off",
    "next_working_day",
    "number_value",
    "safe_date",
    "weekday_before",
    "weeks_in_iso_year",
    "working_days_before",
]

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

MONTHS_DA = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Abbreviations as Danish documents write them ("22. sept. 2020", "1. okt."); "maj" is already whole.
MONTH_ABBREVIATIONS_DA: Mapping[str, int] = MappingProxyType({
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
})  # fmt: skip
# Further abbreviations staff type in chat: English "oct", and "mrt" (seen in Dutch-style calendars).
MONTH_ABBREVIATIONS_OTHER: Mapping[str, int] = MappingProxyType({"mrt": 3, "oct": 10})
WEEKDAYS_DA = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# ---- words and patterns for reading dates (shared by minutes.dates and minutes.periods) ---------

MONTH_NAMES: Mapping[str, int] = MappingProxyType(
    {name.lower(): i for names in (MONTHS_DA, MONTHS_EN) for i, name in enumerate(names, start=1)}
)
MONTH_NUMBERS: Mapping[str, int] = MappingProxyType(
    {**MONTH_NAMES, **MONTH_ABBREVIATIONS_DA, **MONTH_ABBREVIATIONS_OTHER}
)
WEEKDAY_NUMBERS: Mapping[str, int] = MappingProxyType({
    **{name.lower(): i for names in (WEEKDAYS_DA, WEEKDAYS_EN) for i, name in enumerate(names)},
    "loerdag": 5, "soendag": 6,  # typed without ø
})  # fmt: skip
NUMBER_WORDS: Mapping[str, int] = MappingProxyType({
    "en": 1, "een": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "fjorten": 14,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
})  # fmt: skip

WORD_CHAR = r"[\wæøåÆØÅ]"  # a word character, spelled out for readability in lookarounds


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that "sept" wins over "sep"."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in items)


def initials(words: Iterable[str]) -> str:
    """A look-ahead for the first letters of ``words``: a cheap test before trying them all."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


_ABBREVIATIONS = {**MONTH_ABBREVIATIONS_DA, **MONTH_ABBREVIATIONS_OTHER}
# Each starts with a look-ahead for its initials: re tries an alternation one word at a time,
# and these are tried at nearly every position of a text (same matches, several times faster).
MONTH_PATTERN = (
    rf"{initials(MONTH_NUMBERS)}(?:{alternation(MONTH_NAMES)}|(?:{alternation(_ABBREVIATIONS)})\.?)"
    rf"(?!{WORD_CHAR})"
)
FULL_MONTH_PATTERN = rf"{initials(MONTH_NAMES)}(?:{alternation(MONTH_NAMES)})(?!{WORD_CHAR})"
WEEKDAY_PATTERN = rf"{initials(WEEKDAY_NUMBERS)}(?:{alternation(WEEKDAY_NUMBERS)})(?!{WORD_CHAR})"
NUMBER_PATTERN = rf"(?:\d{{1,3}}|{alternation(NUMBER_WORDS)})(?!{WORD_CHAR})"
YEAR_PATTERN = r"(?:19\d\d|20\d\d|2100)"


def month_number(word: str) -> int:
    """Month number of a (possibly abbreviated, possibly dotted) Danish or English month name."""
    return MONTH_NUMBERS[word.lower().rstrip(".")]


def number_value(word: str) -> int:
    """Value of a digit string or a Danish/English number word."""
    w = word.lower()
    return int(w) if w.isdigit() else NUMBER_WORDS[w]


# ---- Copenhagen time ---------------------------------------------------------------------------


def local_today(now: datetime) -> date:
    """The Copenhagen calendar date of ``now`` (naive datetimes are Copenhagen wall time)."""
    if now.tzinfo is not None and now.utcoffset() is not None:
        return now.astimezone(COPENHAGEN).date()
    return now.date()


# ---- calendar arithmetic -----------------------------------------------------------------------


def last_day_of_month(year: int, month: int) -> date:
    """The last day of ``month`` in ``year``."""
    return date(year, month, _stdlib_calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` months, its day clamped to the target month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, _stdlib_calendar.monthrange(year, month)[1]))


def weeks_in_iso_year(iso_year: int) -> int:
    """52 or 53: the number of ISO weeks of ``iso_year``."""
    return date(iso_year, 12, 28).isocalendar().week


def iso_week_day(iso_year: int, week: int, weekday: int = 4) -> date | None:
    """``weekday`` (0 = Monday, default Friday) of ISO week ``week`` of ``iso_year``; None if no such week."""
    if not 1 <= week <= weeks_in_iso_year(iso_year):
        return None
    return date.fromisocalendar(iso_year, week, weekday + 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None when there is no such day (31 June, 29 February 2027)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def monday_of(d: date) -> date:
    """The Monday of ``d``'s ISO week."""
    return d - timedelta(days=d.weekday())


# ---- holidays and working days -----------------------------------------------------------------


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


# Days after Easter Sunday of the movable holidays.
_EASTER_OFFSETS = (
    ("skærtorsdag", -3), ("langfredag", -2), ("påskedag", 0), ("2. påskedag", 1),
    ("Kristi himmelfartsdag", 39), ("pinsedag", 49), ("2. pinsedag", 50),
)  # fmt: skip
# Fixed days off. Grundlovsdag, juleaftensdag and nytårsaftensdag are not public holidays by law,
# but the municipality's offices close on them (its own calendar), so reminders skip them too.
# Store bededag is not here: abolished from 2024, and never in this calendar.
_FIXED = (
    ("nytårsdag", 1, 1), ("grundlovsdag", 6, 5), ("juleaftensdag", 12, 24), ("juledag", 12, 25),
    ("2. juledag", 12, 26), ("nytårsaftensdag", 12, 31),
)  # fmt: skip


@lru_cache(maxsize=64)
def danish_holidays(year: int) -> Mapping[date, str]:
    """The days off of the municipal calendar in ``year`` (public holidays and customary days off),
    each with its Danish name."""
    easter = easter_sunday(year)
    days = {easter + timedelta(days=offset): name for name, offset in _EASTER_OFFSETS}
    days.update({date(year, month, day): name for name, month, day in _FIXED})
    return MappingProxyType(days)


def is_working_day(d: date) -> bool:
    """Monday to Friday and not a day off of :func:`danish_holidays` (the one meaning of "hverdag")."""
    return d.weekday() < 5 and d not in danish_holidays(d.year)


def add_working_days(d: date, n: int) -> date:
    """The ``n``-th working day after ``d`` ("om 3 hverdage"); ``d`` itself never counts."""
    while n > 0:
        d += timedelta(days=1)
        if is_working_day(d):
            n -= 1
    return d


def working_days_before(d: date, n: int) -> date:
    """The ``n``-th working day before ``d`` (Monday's meeting, n=1 -> the Friday before)."""
    while n > 0:
        d -= timedelta(days=1)
        if is_working_day(d):
            n -= 1
    return d


def next_working_day(d: date) -> date:
    """``d`` if it is a working day, else the first working day after it."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def weekday_before(d: date) -> date:
    """The last Monday-Friday strictly before ``d`` (a holiday on that weekday still counts)."""
    d -= timedelta(days=1)
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


# ---- named holidays and school holidays --------------------------------------------------------

# The periods people name in a deadline ("inden sommerferien", "efter påske"), each as its first
# and last day off in a given year. School holidays follow Aarhus' usual ISO weeks: winter week 7,
# autumn week 42, summer from the Saturday of week 26 to the Sunday of week 32; each starts on the
# Saturday before its week(s). "nytår" of year Y is 1 January of Y + 1: the new year that ends Y.
_NAMED_DAYS_OFF: Mapping[str, Callable[[int], tuple[date, date]]] = MappingProxyType({
    "jul": lambda y: (date(y, 12, 24), date(y, 12, 26)),
    "juleferie": lambda y: (date(y, 12, 24), date(y + 1, 1, 1)),
    "nytår": lambda y: (date(y + 1, 1, 1), date(y + 1, 1, 1)),
    "påske": lambda y: (easter_sunday(y) - timedelta(days=3), easter_sunday(y) + timedelta(days=1)),
    "kristi himmelfart": lambda y: (easter_sunday(y) + timedelta(days=39),) * 2,
    "pinse": lambda y: (easter_sunday(y) + timedelta(days=49), easter_sunday(y) + timedelta(days=50)),
    "vinterferie": lambda y: (date.fromisocalendar(y, 6, 6), date.fromisocalendar(y, 7, 7)),
    "efterårsferie": lambda y: (date.fromisocalendar(y, 41, 6), date.fromisocalendar(y, 42, 7)),
    "sommerferie": lambda y: (date.fromisocalendar(y, 26, 6), date.fromisocalendar(y, 32, 7)),
})  # fmt: skip
HOLIDAY_NAMES = tuple(_NAMED_DAYS_OFF)

# Which calendar holiday a holiday as written names ("sommerferien", "the summer break", "julen"), by a stem
# it contains (checked in this order).
_HOLIDAY_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("juleferie", ("juleferie", "christmas holiday", "christmas break")),
    ("jul", ("jul", "christmas", "xmas")),
    ("påske", ("påske", "easter")),
    ("pinse", ("pinse", "whitsun")),
    ("kristi himmelfart", ("himmelfart", "ascension")),
    ("sommerferie", ("sommer", "summer")),
    ("efterårsferie", ("efterår", "autumn")),
    ("vinterferie", ("vinter", "winter")),
    ("nytår", ("nytår", "årsskifte", "new year", "år")),  # "inden aar": the year's end
)


def holiday_name(word: str) -> str:
    """The calendar's name (:data:`HOLIDAY_NAMES`) of a holiday as written, Danish or English."""
    w = re.sub(r"\s+", " ", word.lower())
    for name, stems in _HOLIDAY_STEMS:
        if any(stem in w for stem in stems):
            return name
    raise KeyError(word)  # callers only pass holidays their patterns accept


def named_days_off(name: str, year: int) -> tuple[date, date]:
    """First and last day off of the holiday ``name`` (one of :data:`HOLIDAY_NAMES`) in ``year``."""
    return _NAMED_DAYS_OFF[name](year)


def before_holiday(name: str, year: int) -> date:
    """The deadline "inden <name>": the last weekday before its first day off ("inden påske" is
    the Wednesday before skærtorsdag, "inden sommerferien" the Friday of week 26, "inden nytår"
    31 December)."""
    return weekday_before(named_days_off(name, year)[0])


def after_holiday(name: str, year: int) -> date:
    """The deadline "efter <name>": the first working day after its last day off ("efter påske"
    is the Tuesday after 2. påskedag, "efter sommerferien" the Monday of week 33)."""
    return next_working_day(named_days_off(name, year)[1] + timedelta(days=1))


def between_christmas_and_new_year(year: int) -> date:
    """ "mellem jul og nytår": the days 27-30 December, answered with the last working day of them."""
    d = date(year, 12, 30)
    while not is_working_day(d):
        d -= timedelta(days=1)
    return d


# ---- formatting --------------------------------------------------------------------------------


def format_time(t: time) -> str:
    """24-hour clock with leading zeros: ``08:30``."""
    return f"{t.hour:02d}:{t.minute:02d}"
