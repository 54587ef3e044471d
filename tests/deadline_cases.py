"""Deadline phrases with hand-computed dates: shared by tests/test_dates.py and bench/deadlines.py.

Expected dates were worked out from the calendar, not from the parser:
2026 starts on a Thursday, so it has 53 ISO weeks and week 1 begins Monday 29 Dec 2025
(Monday of week N = 29 Dec 2025 + 7·(N-1)). 2027 starts on a Friday: its week 1 begins
Monday 4 Jan 2027 and it has 52 weeks; the next year with a week 53 is 2032. Easter 2027 is
28 March (Maundy Thursday 25 March). DST in 2026 starts Sunday 29 March and ends Sunday 25 Oct.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from minutes.calendar import COPENHAGEN

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=COPENHAGEN)  # Wednesday, ISO week 48 of 2026
LATE_DECEMBER = datetime(2026, 12, 28, 10, 0, tzinfo=COPENHAGEN)  # Monday, ISO week 53 of 2026
NEW_YEARS_DAY = datetime(2027, 1, 1, 9, 0, tzinfo=COPENHAGEN)  # Friday, still ISO week 2026-W53
MID_2027 = datetime(2027, 6, 1, 9, 0, tzinfo=COPENHAGEN)  # Tuesday
OLD_MINUTES = datetime(2021, 8, 20, 12, 0)  # naive = Copenhagen wall time; a Friday
SPRING_2019 = datetime(2019, 3, 8, 12, 0, tzinfo=COPENHAGEN)  # a Friday
UTC = timezone.utc

MEETINGS = {"Rådmandsmøde": date(2026, 12, 7), "Chefteammøde": date(2026, 12, 1)}


@dataclass(frozen=True)
class Case:
    """One phrase: the text, the date it names (None = no deadline), and the phrase's span.

    ``phrase`` is the part of ``text`` find_deadline must report (the whole text when None).
    """

    text: str
    due: date | None
    now: datetime = NOW
    phrase: str | None = None
    prefer_future: bool = True
    meetings: dict[str, date] = field(default_factory=dict)

    @property
    def embedded(self) -> bool:
        """True when the phrase is part of a longer sentence."""
        return self.phrase is not None


D = date
CASES: tuple[Case, ...] = (
    # --- weekdays (today is Wednesday 25 Nov 2026) ---
    Case("på fredag", D(2026, 11, 27)),
    Case("fredag", D(2026, 11, 27)),
    Case("Fredag", D(2026, 11, 27)),
    Case("næste fredag", D(2026, 12, 4)),  # the Friday of next ISO week
    Case("mandag", D(2026, 11, 30)),
    Case("på torsdag", D(2026, 11, 26)),
    Case("onsdag", D(2026, 12, 2)),  # today is Wednesday: the next one
    Case("søndag", D(2026, 11, 29)),
    Case("tirsdag i næste uge", D(2026, 12, 1)),
    Case("næste uge", D(2026, 12, 4)),
    Case("i denne uge", D(2026, 11, 27)),
    Case("inden weekenden", D(2026, 11, 27)),
    # --- relative days and spans ---
    Case("i dag", D(2026, 11, 25)),
    Case("i morgen", D(2026, 11, 26)),
    Case("i overmorgen", D(2026, 11, 27)),
    Case("om to uger", D(2026, 12, 9)),
    Case("om 3 dage", D(2026, 11, 28)),
    Case("om en måned", D(2026, 12, 25)),
    Case("om en uge", D(2026, 12, 2)),
    Case("om 14 dage", D(2026, 12, 9)),
    Case("om ti dage", D(2026, 12, 5)),
    Case("om tre måneder", D(2027, 2, 25)),
    Case("om et år", D(2027, 11, 25)),
    Case("om 5 hverdage", D(2026, 12, 2)),  # Thu, Fri, Mon, Tue, Wed
    Case("inden for fire uger", D(2026, 12, 23)),
    # --- ISO weeks: the Friday ---
    Case("uge 50", D(2026, 12, 11)),
    Case("Uge 49", D(2026, 12, 4)),
    Case("uge 48", D(2026, 11, 27)),  # the current week
    Case("senest uge 2", D(2027, 1, 15)),  # passed this year -> 2027
    Case("uge 43", D(2027, 10, 29)),
    Case("uge 53", D(2027, 1, 1)),  # 2026 has 53 weeks; its Friday falls in 2027
    Case("mandag i uge 2", D(2027, 1, 11)),
    Case("uge 54", None),
    # --- dates ---
    Case("1. marts", D(2027, 3, 1)),
    Case("senest 1. april", D(2027, 4, 1)),
    Case("d. 15/12", D(2026, 12, 15)),
    Case("15/12", D(2026, 12, 15)),
    Case("15.12.2026", D(2026, 12, 15)),
    Case("15.12.26", D(2026, 12, 15)),
    Case("15-12-2026", D(2026, 12, 15)),
    Case("2026-12-15", D(2026, 12, 15)),
    Case("15. december 2026", D(2026, 12, 15)),
    Case("d. 19. oktober", D(2027, 10, 19)),
    Case("d.19. oktober", D(2027, 10, 19)),
    Case("den 30. september 2020", D(2020, 9, 30)),  # a year is taken as written
    Case("25. november", D(2026, 11, 25)),  # today has not passed
    Case("24. november", D(2027, 11, 24)),
    Case("fredag den 4. december", D(2026, 12, 4)),
    Case("senest den 15.", D(2026, 12, 15)),
    Case("29. februar", D(2028, 2, 29)),  # the next leap day
    Case("31/2", None),
    # --- parts of months, months, years ---
    Case("primo marts", D(2027, 3, 5)),
    Case("medio marts", D(2027, 3, 15)),
    Case("ultimo marts", D(2027, 3, 31)),
    Case("ultimo november", D(2026, 11, 30)),
    Case("primo november", D(2027, 11, 5)),
    Case("ultimo februar", D(2027, 2, 28)),
    Case("inden udgangen af måneden", D(2026, 11, 30)),
    Case("ved udgangen af måneden", D(2026, 11, 30)),
    Case("ultimo måneden", D(2026, 11, 30)),
    Case("ultimo næste måned", D(2026, 12, 31)),
    Case("inden udgangen af året", D(2026, 12, 31)),
    Case("inden marts", D(2027, 2, 28)),
    Case("senest i marts", D(2027, 3, 31)),
    # --- holidays ---
    Case("inden jul", D(2026, 12, 23)),
    # Issue 17 changed two conventions: "inden <holiday>" is the last weekday before its first
    # day off (skærtorsdag is one, so "inden påske" is the Wednesday; it was skærtorsdag), and the
    # summer holiday starts on the Saturday of week 26 (so "inden sommerferien" is the Friday of
    # week 26; it was 30 June).
    Case("inden påske", D(2027, 3, 24)),  # the Wednesday before Maundy Thursday 2027
    Case("inden sommerferien", D(2027, 7, 2)),  # Friday of week 26, 2027
    Case("før efterårsferien", D(2027, 10, 15)),  # Friday of week 41, 2027
    Case("inden vinterferien", D(2027, 2, 12)),  # Friday of week 6, 2027
    # --- a holiday, month part or month with a year is that year's (even a past one) ---
    Case("inden sommerferien 2020", D(2020, 6, 26), now=SPRING_2019),  # Friday of week 26, 2020
    Case("Vi følger op inden sommerferien 2020.", D(2020, 6, 26), now=SPRING_2019,
         phrase="inden sommerferien 2020"),  # fmt: skip
    Case("inden sommerferien 2020", D(2020, 6, 26)),  # passed, but written with its year
    Case("inden jul 2027", D(2027, 12, 23)),
    Case("inden jul 2027", D(2027, 12, 23), now=OLD_MINUTES, prefer_future=False),
    Case("inden påske 2028", D(2028, 4, 12)),  # Easter Sunday 2028 is 16 April: Wednesday 12th
    Case("før efterårsferien 2028", D(2028, 10, 13)),  # 2028-W01 starts Mon 3 Jan; W41 Mon 9 Oct
    Case("ultimo marts 2027", D(2027, 3, 31)),
    Case("primo 2027", D(2027, 1, 31)),
    Case("inden marts 2028", D(2028, 2, 29)),  # leap year
    Case("inden udgangen af 2027", D(2027, 12, 31)),
    # --- English ---
    Case("next Friday", D(2026, 12, 4)),
    Case("on Friday", D(2026, 11, 27)),
    Case("Friday", D(2026, 11, 27)),
    Case("tomorrow", D(2026, 11, 26)),
    Case("today", D(2026, 11, 25)),
    Case("in two weeks", D(2026, 12, 9)),
    Case("in 3 days", D(2026, 11, 28)),
    Case("in a month", D(2026, 12, 25)),
    Case("by end of month", D(2026, 11, 30)),
    Case("by the end of the month", D(2026, 11, 30)),
    Case("by week 50", D(2026, 12, 11)),
    Case("by 15 December", D(2026, 12, 15)),
    Case("December 15", D(2026, 12, 15)),
    Case("by 15/12", D(2026, 12, 15)),
    Case("before Christmas", D(2026, 12, 23)),
    # --- meetings ---
    Case("inden næste rådmandsmøde", D(2026, 12, 7), meetings=MEETINGS),
    Case("til næste chefteammøde", D(2026, 12, 1), meetings=MEETINGS),
    Case("inden næste CT-møde", D(2026, 12, 1), meetings=MEETINGS),
    Case("til det næste Rådmandsmødet", D(2026, 12, 7), meetings=MEETINGS),
    Case("før næste RM", D(2026, 12, 7), meetings=MEETINGS),
    Case("before the next Rådmandsmøde", D(2026, 12, 7), meetings=MEETINGS),
    Case("inden næste styregruppemøde", None, meetings=MEETINGS),  # unknown kind: ask
    Case("inden næste rådmandsmøde", None),  # no meetings known: ask
    # --- nothing to understand ---
    Case("senest snart", None),
    Case("hurtigst muligt", None),
    Case("ingen frist", None),
    Case("kl. 8.30", None),
    # --- year boundary: now Monday 28 Dec 2026 (ISO 2026-W53) ---
    Case("uge 2", D(2027, 1, 15), now=LATE_DECEMBER),
    Case("uge 1", D(2027, 1, 8), now=LATE_DECEMBER),
    Case("uge 53", D(2027, 1, 1), now=LATE_DECEMBER),
    Case("uge 52", D(2027, 12, 31), now=LATE_DECEMBER),  # 2026-W52 passed
    Case("1. januar", D(2027, 1, 1), now=LATE_DECEMBER),
    Case("15/1", D(2027, 1, 15), now=LATE_DECEMBER),
    Case("fredag", D(2027, 1, 1), now=LATE_DECEMBER),
    Case("næste fredag", D(2027, 1, 8), now=LATE_DECEMBER),
    Case("i morgen", D(2026, 12, 29), now=LATE_DECEMBER),
    Case("om en uge", D(2027, 1, 4), now=LATE_DECEMBER),
    Case("inden udgangen af året", D(2026, 12, 31), now=LATE_DECEMBER),
    Case("inden jul", D(2027, 12, 23), now=LATE_DECEMBER),
    Case("uge 53", D(2027, 1, 1), now=NEW_YEARS_DAY),  # today is that Friday
    Case("uge 2", D(2027, 1, 15), now=NEW_YEARS_DAY),
    Case("uge 53", D(2032, 12, 31), now=MID_2027),  # 2027-2031 have no week 53
    # --- DST: the day is the Copenhagen day of an aware UTC instant ---
    Case("i morgen", D(2026, 3, 29), now=datetime(2026, 3, 28, 22, 30, tzinfo=UTC)),  # 23:30 CET
    Case("i morgen", D(2026, 3, 30), now=datetime(2026, 3, 28, 23, 30, tzinfo=UTC)),  # 00:30 CET
    Case("i dag", D(2026, 3, 29), now=datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),  # 03:30 CEST
    Case("i morgen", D(2026, 10, 26), now=datetime(2026, 10, 25, 22, 30, tzinfo=UTC)),  # 23:30 CET
    Case("i dag", D(2026, 10, 25), now=datetime(2026, 10, 24, 22, 30, tzinfo=UTC)),  # 00:30 CEST
    Case("uge 13", D(2026, 3, 27), now=datetime(2026, 3, 27, 9, 0, tzinfo=COPENHAGEN)),
    Case("uge 44", D(2026, 10, 30), now=datetime(2026, 10, 24, 9, 0, tzinfo=COPENHAGEN)),
    Case("uge 13", D(2027, 4, 2), now=datetime(2026, 3, 28, 9, 0, tzinfo=COPENHAGEN)),
    # --- old minutes: prefer_future=False keeps now's year ---
    Case("Deadline: Uge 43", D(2021, 10, 29), now=OLD_MINUTES, prefer_future=False),
    Case("senest 1. april", D(2021, 4, 1), now=OLD_MINUTES, prefer_future=False),
    # --- embedded in sentences: (text, date, the phrase find_deadline must cut out) ---
    Case("Økonomi sender notat senest uge 45", D(2027, 11, 12), phrase="senest uge 45"),
    Case("Deadline: Uge 43", D(2027, 10, 29), phrase="Deadline: Uge 43"),
    Case(
        "follow-up: Finance sends the memo by next Friday",
        D(2026, 12, 4),
        phrase="by next Friday",
    ),
    Case("5. Ansøgningsfrist d.19. oktober", D(2027, 10, 19), phrase="d.19. oktober"),
    Case(
        "Lone sender materiale inden næste rådmandsmøde.",
        D(2026, 12, 7),
        phrase="inden næste rådmandsmøde",
        meetings=MEETINGS,
    ),
    Case(
        "Punkt 3.1 følges op fredag den 4. december kl. 12 af Jens",
        D(2026, 12, 4),
        phrase="fredag den 4. december kl. 12",
    ),
    Case("MSO sender oplæg til CT senest d. 15/12 2026", D(2026, 12, 15), phrase="senest d. 15/12 2026"),
    Case("Borgerrådgiver vender tilbage i morgen om sagen", D(2026, 11, 26), phrase="i morgen"),
    Case("Please send the figures to Anna by 15 December.", D(2026, 12, 15), phrase="by 15 December"),
    Case("Notatet skal ligge klar inden udgangen af måneden", D(2026, 11, 30),
         phrase="inden udgangen af måneden"),  # fmt: skip
)


# Held out: written by a second engineer after the rules were finished, from a calendar, and never
# used to tune them. The benchmark reports it apart from the table above.
HELD_OUT: tuple[Case, ...] = (
    Case("senest torsdag", D(2026, 11, 26)),
    Case("inden fredag i næste uge", D(2026, 12, 4)),
    Case("om 10 dage", D(2026, 12, 5)),
    Case("om tre uger", D(2026, 12, 16)),
    Case("senest den 3. december", D(2026, 12, 3)),
    Case("d. 7/1", D(2027, 1, 7)),
    Case("uge 1", D(2027, 1, 8)),  # 2026 has 53 ISO weeks: week 1 of 2027 starts Monday 4 January
    Case("uge 53", D(2027, 1, 1)),
    Case("ultimo januar", D(2027, 1, 31)),
    Case("medio december", D(2026, 12, 15)),
    Case("primo februar", D(2027, 2, 5)),
    Case("inden nytår", D(2026, 12, 31)),
    Case("senest 1. marts 2027", D(2027, 3, 1)),
    Case("by next Monday", D(2026, 11, 30)),
    Case("in ten days", D(2026, 12, 5)),
    Case("by 20 December", D(2026, 12, 20)),
    Case("by the end of next month", D(2026, 12, 31)),
    Case("inden udgangen af januar", D(2027, 1, 31)),
    Case("senest mandag den 7. december", D(2026, 12, 7)),
    Case("frist: 15-01-2027", D(2027, 1, 15)),
    Case("i overmorgen", D(2026, 11, 27)),
    Case("om en uge", D(2026, 12, 2)),
    Case("på tirsdag", D(2026, 12, 1)),
    # Easter Sunday 2027 is 28 March; written as Maundy Thursday (25th) before issue 17 made
    # "inden <holiday>" the last weekday before the first day off: the Wednesday.
    Case("inden påske", D(2027, 3, 24)),
    Case("næste onsdag", D(2026, 12, 2)),
    Case("senest om 14 dage", D(2026, 12, 9)),
    Case("inden 1/12", D(2026, 12, 1)),
    Case("ultimo næste måned", D(2026, 12, 31)),
    Case("tomorrow", D(2026, 11, 26)),
    Case("within two weeks", D(2026, 12, 9)),
)
