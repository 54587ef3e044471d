"""Periods in questions: "hvad blev besluttet om demens i 2023?" -> 1 Jan-31 Dec 2023.

``find_period`` reads the period a question filters on (a day, month, season, quarter, year,
ISO week, a range or an open end) and cuts that phrase out of the question. Dates are Copenhagen
calendar dates (see ``minutes.calendar``); unlike deadlines, a period without a year is the most
recent one that has started, since questions ask about minutes already written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from minutes.calendar import (
    FULL_MONTH_PATTERN,
    MONTH_PATTERN,
    NUMBER_PATTERN,
    WORD_CHAR,
    YEAR_PATTERN,
    add_months,
    alternation,
    iso_week_day,
    last_day_of_month,
    local_today,
    monday_of,
    month_number,
    holiday_name,
    named_days_off,
    number_value,
    safe_date,
)

__all__ = ["PERIOD_PATTERN", "QUARTER_OR_HALF_PATTERN", "Period", "deadline_period", "find_period", "period_day"]

_FLAGS = re.IGNORECASE


def _ungrouped(src: str) -> str:
    """``src`` with its named groups made anonymous, so it can be repeated in one pattern."""
    return re.sub(r"\(\?P<\w+>", "(?:", src)





@dataclass(frozen=True)
class Period:
    """An inclusive date range for filtering meetings; None means open on that side."""

    start: date | None
    end: date | None

    def contains(self, d: date) -> bool:
        """True when ``d`` lies within the period (bounds inclusive)."""
        return (self.start is None or self.start <= d) and (self.end is None or d <= self.end)

    def whole_year(self) -> int | None:
        """The year when the period is exactly one calendar year ("i 2022"), else None."""
        s, e = self.start, self.end
        if s is None or e is None or s.year != e.year or (s.month, s.day, e.month, e.day) != (1, 1, 12, 31):
            return None
        return s.year

    def whole_month(self) -> tuple[int, int] | None:
        """(year, month) when the period is exactly one calendar month ("i juni 2023"), else None."""
        s, e = self.start, self.end
        if s is None or e is None or (s.year, s.month) != (e.year, e.month) or s.day != 1:
            return None
        return (s.year, s.month) if e == last_day_of_month(e.year, e.month) else None


@dataclass(frozen=True)
class _Span:
    """A resolved point expression: its first and last day, and whether it named its year."""

    start: date
    end: date
    has_year: bool


_PointResolver = Callable[[re.Match[str], date, "int | None"], "_Span | None"]

# Nouns a year may name the subject of ("Budget 2025", "the 2025 budget", "Handleplan 2026").
_PLAN_NOUNS = (r"budget\w*|sparekatalog\w*|finanslov\w*|regnskab\w*|årsregnskab\w*|overslagsår\w*|handleplan\w*|"
               r"strategi\w*|plan\w*|aftale\w*|mål\w*|vision\w*")
_TOPIC_NOUN_RE = re.compile(rf"(?:{_PLAN_NOUNS}|b|nr\.?|sag|sagsnr\.?|punkt|kr\.?|dkk|lov|version)[\s-]*$", _FLAGS)
# "pr. 30. juni 2023", "per 1/5 2023": the date figures are as of; each part of it (the day, the month, the year)
# is looked back on from where it starts.
_AS_OF_RE = re.compile(
    r"(?<!\w)(?:pr\.?|per)\s*(?:den\s+)?(?:\d{1,2}\s*(?:[./]\s*)?(?:\d{1,2}\.?\s*)?)?(?:[^\W\d_]+\.?\s+)?$", _FLAGS)
_FOR_YEAR_RE = re.compile(r"(?<!\w)til(?:\s+(?:året|budgetåret))?\s+$", _FLAGS)
_TOPIC_AFTER_RE = re.compile(rf"[\s-]*(?:{_PLAN_NOUNS})", _FLAGS)
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
    last = add_months(first, months - 1)
    return first, last_day_of_month(last.year, last.month)


def _recent_year(today: date, month: int, default_year: int | None) -> int:
    """The year of the most recent ``month`` that has started, unless a year is given."""
    if default_year is not None:
        return default_year
    return today.year if month <= today.month else today.year - 1


def _p_day(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    day = int(_g(m, "d"))
    month = int(_g(m, "m")) if _g(m, "m") else month_number(_g(m, "mon"))
    if _g(m, "y"):
        d = safe_date(int(_g(m, "y")), month, day)
        return _Span(d, d, True) if d else None
    if _g(m, "sep") not in (None, "/") and not _g(m, "den"):
        return None  # "3.1 Kommende møder", "10-12 personer": not dates without a year
    if default_year is not None:
        d = safe_date(default_year, month, day)
        return _Span(d, d, False) if d else None
    for year in range(today.year, today.year - 9, -1):  # the most recent one, today counts
        d = safe_date(year, month, day)
        if d is not None and d <= today:
            return _Span(d, d, False)
    return None


def _p_month(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    month = month_number(_g(m, "mon"))
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


# Holidays a question names as a period ("før sommerferien", "efter påske 2024", "i efterårsferien"), as
# written; minutes.calendar names them and gives their days off. Narrower than a deadline's holidays: bare
# "jul" is July's abbreviation and "sommer" a season here, so Christmas is "julen" or "juleferien".
_HOLIDAYS = (
    "sommerferie", "sommerferien", "vinterferie", "vinterferien", "efterårsferie", "efterårsferien",
    "juleferie", "juleferien", "julen", "påske", "påsken", "pinse", "pinsen", "nytår", "nytåret",
    "summer holidays", "summer holiday", "summer break", "winter holidays", "winter break", "autumn half-term",
    "autumn break", "christmas", "christmas holidays", "easter", "whitsun", "new year",
)  # fmt: skip


def _p_holiday(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    name = holiday_name(_g(m, "hol"))
    if _g(m, "y"):
        return _Span(*named_days_off(name, int(_g(m, "y"))), has_year=True)
    year = default_year if default_year is not None else today.year
    first, last = named_days_off(name, year)
    if default_year is None and first > today:  # the most recent one that has started
        first, last = named_days_off(name, year - 1)
    return _Span(first, last, has_year=False)


def _p_week(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    week = int(_g(m, "n"))
    if _g(m, "y"):
        monday = iso_week_day(int(_g(m, "y")), week, 0)
        return _Span(monday, monday + timedelta(days=6), True) if monday else None
    iso_year = default_year if default_year is not None else today.isocalendar().year
    for year in range(iso_year, iso_year - 7, -1):  # the most recent such week that has started
        monday = iso_week_day(year, week, 0)
        if monday is not None and (monday <= today or default_year is not None):
            return _Span(monday, monday + timedelta(days=6), False)
    return None


def _p_relative(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    r = re.sub(r"\s+", " ", _g(m, "rel").lower())
    monday = monday_of(today)
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
            first = add_months(first, -1)
        return _Span(*_month_span(first.year, first.month), has_year=True)
    if r in ("i fjor", "sidste år", "forrige år", "last year"):
        return _Span(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31), True)
    return _Span(date(today.year, 1, 1), date(today.year, 12, 31), True)  # i år / this year


def _p_last_n(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    n = number_value(_g(m, "n"))
    unit = _g(m, "u").lower()
    if unit.startswith(("dag", "day")):
        start = today - timedelta(days=n - 1)
    elif unit.startswith(("uge", "week")):
        start = today - timedelta(weeks=n) + timedelta(days=1)
    elif unit.startswith(("måned", "month")):
        start = add_months(today, -n) + timedelta(days=1)
    else:
        start = add_months(today, -12 * n) + timedelta(days=1)
    return _Span(start, today, True)


def _p_ago(m: re.Match[str], today: date, default_year: int | None) -> _Span | None:
    """ "for 2 år siden" is that calendar year, "for 3 måneder siden" that month, "for en uge
    siden" that ISO week (Monday-Sunday)."""
    n = number_value(_g(m, "n"))
    unit = _g(m, "u").lower()
    if unit.startswith(("uge", "week")):
        monday = monday_of(today) - timedelta(weeks=n)
        return _Span(monday, monday + timedelta(days=6), True)
    if unit.startswith(("måned", "month")):
        first = add_months(today.replace(day=1), -n)
        return _Span(*_month_span(first.year, first.month), has_year=True)
    year = today.year - n
    return _Span(date(year, 1, 1), date(year, 12, 31), True) if year >= 1 else None


# (pattern, resolver, needs a preposition such as "i"/"in" to count as a period when bare)
_POINT_SOURCES: tuple[tuple[str, _PointResolver, bool], ...] = (
    (rf"(?<![\d.])(?P<y>{YEAR_PATTERN})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d)", _p_day, False),
    (
        rf"(?<![\w.,/-])(?:(?P<den>den|d\.)\s*)?(?P<d>\d{{1,2}})\s?(?P<sep>[./-])\s?(?P<m>\d{{1,2}})"
        rf"(?:(?:[./-]\s?|\s+)(?P<y>{YEAR_PATTERN}))?(?![\w]|[.,/-]\d)",
        _p_day,
        False,
    ),
    (
        rf"(?<![\w.])(?:(?:den|d\.)\s*)?(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?"
        rf"(?P<mon>{MONTH_PATTERN})(?:\s*,?\s*(?P<y>{YEAR_PATTERN})(?!\d))?",
        _p_day,
        False,
    ),
    (
        rf"(?<!{WORD_CHAR})(?P<mon>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?!\.\d)"
        rf"(?:\s*,?\s*(?P<y>{YEAR_PATTERN})(?!\d))?",
        _p_day,
        False,
    ),
    (rf"(?<!{WORD_CHAR})(?P<mon>{MONTH_PATTERN})\s+(?P<y>{YEAR_PATTERN})(?!\d)", _p_month, False),
    (
        rf"(?<!{WORD_CHAR})(?P<hol>{alternation(_HOLIDAYS)})(?!{WORD_CHAR})(?:\s+(?P<y>{YEAR_PATTERN})(?!\d))?",
        _p_holiday,
        True,
    ),  # before the seasons: "summer holidays" is no "summer"
    (
        rf"(?<!{WORD_CHAR})(?P<s>{alternation(_SEASONS)})(?!{WORD_CHAR})"
        rf"(?:\s+(?P<y>{YEAR_PATTERN})(?:\s*/\s*(?P<y2>\d{{4}}|\d{{2}}))?(?!\d))?",
        _p_season,
        True,
    ),
    (
        rf"(?<!{WORD_CHAR})(?:q(?P<q>[1-4])|(?P<q2>[1-4])\.\s*kvartal|(?P<qw>{alternation(_QUARTER_WORDS)})"
        rf"\s+(?:kvartal|quarter))(?!{WORD_CHAR})(?:\s+(?:of\s+)?(?P<y>{YEAR_PATTERN})(?!\d))?",
        _p_quarter,
        False,
    ),
    (
        rf"(?<!{WORD_CHAR})(?P<rel>i\s*dag|today|i\s*går|yesterday|i\s+fjor|(?:sidste|forrige|last)\s+"
        rf"(?:år|uge|måned|year|week|month)|i\s+år|this\s+year|(?:denne|this)\s+(?:uge|måned|week|month)"
        rf"|i\s+denne\s+(?:uge|måned))(?!{WORD_CHAR})",
        _p_relative,
        False,
    ),
    (
        rf"(?<!{WORD_CHAR})(?:for\s+)?(?P<n>{NUMBER_PATTERN})\s+(?P<u>år|måned(?:er)?|uger?|years?|months?|weeks?)"
        rf"\s+(?:siden|ago)(?!{WORD_CHAR})",
        _p_ago,
        False,
    ),
    (
        rf"(?<!{WORD_CHAR})(?:de|the)\s+(?:sidste|seneste|last|past)\s+(?P<n>{NUMBER_PATTERN})\s+"
        rf"(?P<u>dage|uger|måneder|år|days|weeks|months|years)(?!{WORD_CHAR})",
        _p_last_n,
        False,
    ),
    (
        rf"(?<!{WORD_CHAR})(?:uge|week)\s*(?P<n>\d{{1,2}})(?!\d)(?:(?:\s*[/,]\s*|\s+)(?P<y>{YEAR_PATTERN})(?!\d))?",
        _p_week,
        False,
    ),
    (rf"(?<![\w.,/-])(?P<y>{YEAR_PATTERN})(?![\w]|[.,/]\d|/)", _p_year, False),
    (rf"(?<!{WORD_CHAR})(?P<mon>{FULL_MONTH_PATTERN})", _p_month, True),
)
_POINTS: tuple[tuple[re.Pattern[str], _PointResolver, bool], ...] = tuple(
    (re.compile(src, _FLAGS), resolver, needs_prep) for src, resolver, needs_prep in _POINT_SOURCES
)


_POINT_ANY = "(?:" + "|".join(f"(?:{_ungrouped(src)})" for src, _, _ in _POINT_SOURCES) + ")"
_RANGE_RE = re.compile(
    rf"(?<!{WORD_CHAR})(?:mellem|between|fra|from|i\s+perioden)\s+(?P<a>{_POINT_ANY})\s+"
    rf"(?:og|and|til|to|until|[-–])\s+(?P<b>{_POINT_ANY})"
    rf"|(?<![\w.,/-])(?P<ya>{YEAR_PATTERN})\s*[-–]\s*(?P<yb>{YEAR_PATTERN})(?![\w]|[.,/]\d)",
    _FLAGS,
)
_OPEN_RE = re.compile(
    rf"(?<!{WORD_CHAR})(?P<op>efter|after|før|foer|inden|before|siden|since|til\s+og\s+med|t\.o\.m\.?"
    rf"|up\s+to\s+and\s+including|through)\s+(?:the\s+)?(?P<a>{_POINT_ANY})"
    rf"|(?<!{WORD_CHAR})(?:fra|from)\s+(?P<f>{_POINT_ANY})\s+(?:og\s+frem(?:efter|over)?|og\s+senere"
    rf"|and\s+later|onwards?|and\s+after)(?!{WORD_CHAR})",
    _FLAGS,
)
_IN_RE = re.compile(
    rf"(?<!{WORD_CHAR})(?:i\s+løbet\s+af|i|in|during|fra|from|under)\s+(?:(?:det|the)\s+)?"
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
    """A bare number right after "budget"/"finansloven"/"B"/"kr.", before "kr." or a topic noun ("the
    2025 budget"), or after "til" ("sparekataloget til 2025": the year a plan is for, decided the year
    before) is no period: meetings are asked about with "i", "fra", "in". ("for 2021" stays a period;
    when that finds nothing, the decisions dialog asks again with the year as a word of the topic.)"""
    return (bool(_TOPIC_NOUN_RE.search(text, max(0, start - 25), start)) or bool(_UNIT_AFTER_RE.match(text, end))
            or bool(_FOR_YEAR_RE.search(text, max(0, start - 12), start)) or bool(_TOPIC_AFTER_RE.match(text, end)))


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
            if _AS_OF_RE.search(text, max(0, m.start() - 20), m.start()):
                continue  # "budgetopfølgning pr. 30. juni 2023": the date the figures are as of, not a meeting's
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


# --------------------------------------------------------------------------------------------
# Named periods in deadlines ("ultimo Q1", "i løbet af andet halvår", "inden udgangen af ugen")
# --------------------------------------------------------------------------------------------
#
# A deadline that names a period is answered with one day of it: the end ("ultimo", "udgangen
# af", "i løbet af", "by", a bare quarter), the first days ("primo", "først i", "early") or the
# middle ("medio", "midt i", "mid"). Unlike a question's period, a deadline's period is the next
# one that has not ended. The conventions, one table per part:
#   end:   a month, quarter, half-year, season or year -> its last day; a week -> its Friday.
#   first: a month -> the 5th; a longer period -> the last day of its first month
#          ("primo 2027" is 31 January); a week -> its Monday.
#   mid:   a month -> the 15th; a year -> 30 June; a quarter -> the 15th of its middle month;
#          a week -> its Wednesday; a half-year or season has none.

_Q = r"(?:kvartal(?:et)?|kvt\.?)"
_H = r"(?:halvår(?:et)?)"
_NEXT = r"(?:næste|kommende|førstkommende|next|coming)"
_THIS = r"(?:denne|dette|this|the|current)"
_ORDINALS = {"første": 1, "first": 1, "1st": 1, "andet": 2, "anden": 2, "second": 2, "2nd": 2,
             "tredje": 3, "third": 3, "3rd": 3, "fjerde": 4, "fourth": 4, "4th": 4,
             "sidste": 0, "last": 0}  # fmt: skip
_ORDINAL = alternation(_ORDINALS)

# Each unit: a pattern for its phrases, fullmatched by the decoder below.
_UNIT_SOURCES: tuple[tuple[str, str], ...] = (
    ("month", rf"(?:(?:the\s+)?(?P<rel>{_NEXT}|{_THIS})\s+)?(?:måned(?:en)?|md\.?|mdr\.?|month)"),
    ("month", rf"(?P<mon>{FULL_MONTH_PATTERN}|{MONTH_PATTERN})(?:\s+(?P<y>{YEAR_PATTERN}))?"),
    ("quarter", rf"(?:(?P<n>[1-4])\.?\s*{_Q}|(?P<w>{_ORDINAL})\s+(?:{_Q}|quarter)|q(?P<q>[1-4]))"
                rf"(?:\s+(?:of\s+)?(?P<y>{YEAR_PATTERN}))?"),
    ("quarter", rf"(?:(?P<rel>{_NEXT}|{_THIS})\s+)?(?:{_Q}|quarter)"),
    ("half", rf"(?:(?P<n>[12])\.?\s*{_H}|(?P<w>{_ORDINAL})\s+(?:{_H}|half(?:[\s-]year)?(?:\s+of\s+the\s+year)?)"
             rf"|h(?P<q>[12]))(?:\s+(?:of\s+)?(?P<y>{YEAR_PATTERN}))?"),
    ("half", rf"(?:(?P<rel>{_NEXT}|{_THIS})\s+)?(?:{_H}|half[\s-]year)"),
    ("week", rf"(?:uge|week)\s*(?P<n>\d{{1,2}})(?:\s*[-–]\s*(?P<n2>\d{{1,2}}))?(?:\s+(?P<y>{YEAR_PATTERN}))?"),
    ("week", rf"(?:(?P<rel>{_NEXT}|{_THIS})\s+)?(?:ugen|uge|week)"),
    ("year", rf"(?:(?P<rel>{_NEXT}|{_THIS})\s+)?(?:året|år|year)"),
    ("year", rf"(?P<y>{YEAR_PATTERN})"),
    ("season", rf"(?P<s>{alternation(_SEASONS)})"),
)
_UNITS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (unit, re.compile(src, _FLAGS)) for unit, src in _UNIT_SOURCES
)
# Every phrase the decoder understands, as one regex for the deadline rules to splice in.
PERIOD_PATTERN = "(?:" + "|".join(f"(?:{_ungrouped(src)})" for _, src in _UNIT_SOURCES) + rf")(?!{WORD_CHAR})"
# The periods that are deadlines with any marker ("by Q3", "senest 2. halvår"): quarters and halves.
QUARTER_OR_HALF_PATTERN = (
    "(?:" + "|".join(f"(?:{_ungrouped(_UNIT_SOURCES[i][1])})" for i in (2, 4)) + rf")(?!{WORD_CHAR})"
)


def _upcoming(make: Callable[[int], tuple[date, date]], today: date, prefer_future: bool) -> tuple[date, date]:
    """This year's period from ``make(year)``, or next year's when it has ended (preferring the future)."""
    span = make(today.year)
    if prefer_future and span[1] < today:
        span = make(today.year + 1)
    return span


def _week_span(iso_year: int, week: int, last_week: int) -> tuple[date, date] | None:
    first = iso_week_day(iso_year, week, 0)
    last = iso_week_day(iso_year, last_week, 6)
    return (first, last) if first is not None and last is not None and first <= last else None


def deadline_period(phrase: str, today: date, *, prefer_future: bool = True) -> tuple[str, date, date] | None:
    """The period a deadline names: (unit, first day, last day), or None.

    ``phrase`` is a period as ``PERIOD_PATTERN`` matches it: "Q1", "3. kvt.", "andet halvår",
    "næste måned", "ugen", "uge 9-10", "april 2027", "året", "2027", "foråret". Without a year it
    is the next such period that has not ended (this one while it lasts); "uge N" is counted in
    the ISO year of ``today``. ``unit`` is month, quarter, half, week, year or season.
    """
    text = re.sub(r"\s+", " ", phrase.strip())
    for unit, pattern in _UNITS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        span = _resolve_unit(unit, m, today, prefer_future)
        return (unit, *span) if span is not None else None
    return None


def _resolve_unit(unit: str, m: re.Match[str], today: date, prefer_future: bool) -> tuple[date, date] | None:
    rel = (_g(m, "rel") or "").lower()
    step = 1 if rel and rel not in ("denne", "dette", "this", "the", "current") else 0
    year = int(_g(m, "y")) if _g(m, "y") else None
    if unit == "month":
        if _g(m, "mon"):
            month = month_number(_g(m, "mon"))
            if year is not None:
                return _month_span(year, month)
            return _upcoming(lambda y: _month_span(y, month), today, prefer_future)
        first = add_months(today.replace(day=1), step)
        return _month_span(first.year, first.month)
    if unit in ("quarter", "half"):
        months = 3 if unit == "quarter" else 6
        count = 12 // months
        if _g(m, "n") or _g(m, "q") or _g(m, "w"):
            n = int(_g(m, "n") or _g(m, "q")) if (_g(m, "n") or _g(m, "q")) else _ORDINALS[_g(m, "w").lower()]
            n = n or count  # "sidste kvartal": the last one
            if not 1 <= n <= count:
                return None
            make = lambda y: _month_span(y, months * (n - 1) + 1, months)  # noqa: E731
            return make(year) if year is not None else _upcoming(make, today, prefer_future)
        index = (today.month - 1) // months + step
        first = add_months(date(today.year, 1, 1), index * months)
        return _month_span(first.year, first.month, months)
    if unit == "week":
        if _g(m, "n"):
            week, last = int(_g(m, "n")), int(_g(m, "n2") or _g(m, "n"))
            iso_year = year if year is not None else today.isocalendar().year
            span = _week_span(iso_year, week, last)
            if year is None and prefer_future and (span is None or span[1] < today):
                for later in range(iso_year + 1, iso_year + 7):  # week 53 can be six years away
                    span = _week_span(later, week, last)
                    if span is not None:
                        break
            return span
        monday = monday_of(today) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if unit == "year":
        y = year if year is not None else today.year + step
        return date(y, 1, 1), date(y, 12, 31)
    first_month, months = _SEASONS[_g(m, "s").lower()]
    return _upcoming(lambda y: _month_span(y, first_month, months), today, prefer_future)


def period_day(unit: str, first: date, last: date, part: str) -> date | None:
    """The day a deadline "``part`` of the period" means; ``part`` is "first", "mid" or "end".

    See the conventions above; None when there is none ("medio halvåret").
    """
    if part == "end":
        return last - timedelta(days=2) if unit == "week" else last  # a week ends on its (last) Friday
    if unit == "week":  # "primo ugen": Monday; "midt på ugen": Wednesday
        return first if part == "first" else first + timedelta(days=2)
    if part == "first":
        return date(first.year, first.month, 5) if unit == "month" else last_day_of_month(first.year, first.month)
    if unit == "month":
        return date(first.year, first.month, 15)
    if unit == "year":
        return date(first.year, 6, 30)
    if unit == "quarter":
        middle = add_months(first, 1)
        return date(middle.year, middle.month, 15)
    return None
