"""What a recognised message said: one frozen dataclass per intent, handed from the recognizer to its handler.

A slot that was not said is None/False, never missing. Dates are ``date``s, periods ``Period``s, outcomes
``minutes.model.Outcome`` (None where any outcome will do); nothing is a loose ``Mapping[str, Any]``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from minutes.periods import Period
from minutes.model import Outcome


@dataclass(frozen=True)
class NoSlots:
    """HELP, UNKNOWN, LIST_SUBSCRIPTIONS, LIST_FOLLOWS: nothing beyond the intent."""


@dataclass(frozen=True)
class DecisionSlots:
    """ "hvad besluttede chefteamet om budget i 2021?" and "hvornår er deadline for …"."""

    topic: str | None = None  # original casing, stopwords kept
    period: Period | None = None
    meeting_kind: str | None = None  # "Rådmandsmøde" | "Chefteammøde"
    presenter: str | None = None
    outcome_wanted: Outcome | None = Outcome.DECIDED  # None: any outcome (deadline questions)
    topic_only: bool = False  # a topic without question words ("tillidsreform hjemmeplejen")
    asks_deadline: bool = False
    latest_meeting: bool = False  # "på seneste CT-møde"
    document_type: str | None = None  # "hvilke indstillinger blev godkendt i 2022": only that kind of document


@dataclass(frozen=True)
class CaseSlots:
    """ "vis sag 22/8731", "hvad er der sket i sagen om akutpladser?", "what happened to the case about …"."""

    case_number: str | None = None  # as typed
    topic: str | None = None
    period: Period | None = None


@dataclass(frozen=True)
class ItemRef:
    """ "til punkt 2 på rådmandsmødet 9/1": an agenda item named in a follow-up."""

    number: str
    meeting_kind: str | None = None
    date: date | None = None


@dataclass(frozen=True)
class FollowUpSlots:
    """ "opfølgning @Jens: Økonomi sender notat senest uge 45 til punkt 2 på RM"."""

    text: str = ""  # the task, marker and deadline phrase removed; "" when none was given
    due: date | None = None
    due_phrase: str | None = None
    owner: str | None = None  # the subject before a verb ("Økonomi sender …")
    addressee: str | None = None  # the name between the marker and the colon
    item_ref: ItemRef | None = None


@dataclass(frozen=True)
class FollowUpListSlots:
    """ "mine opfølgninger", "forfaldne opfølgninger fra rådmandsmødet"."""

    mine: bool = False
    overdue: bool = False
    meeting_kind: str | None = None


@dataclass(frozen=True)
class CloseSlots:
    """ "luk 12"; ``id`` None for "luk opfølgning" without a number."""

    id: int | None = None


@dataclass(frozen=True)
class MeetingKindSlots:
    """NEXT_MEETING and UNSUBSCRIBE: which meeting kind (None: any / all)."""

    meeting_kind: str | None = None


class Audience(str, enum.Enum):
    """Who a reminder is for: the conversation ("påmind os") or the user alone ("påmind mig")."""

    US = "us"
    ME = "me"


@dataclass(frozen=True)
class SubscribeSlots:
    """ "påmind os om rådmandsmøder dagen før kl. 14"."""

    meeting_kind: str | None = None  # None: all meetings
    who: Audience = Audience.US
    days_before: int | None = None
    at: str | None = None  # "HH:MM"
    minutes_before: int | None = None


class FollowKind(str, enum.Enum):
    """What a follow watches: a topic (a stored question), a committee or meeting kind, or a case."""

    TOPIC = "topic"
    COMMITTEE = "committee"
    CASE = "case"


@dataclass(frozen=True)
class FollowSlots:
    """ "følg emnet frisættelse", "følg Ældreudvalget dagligt kl. 8", "følg sag 24/2316"."""

    kind: FollowKind = FollowKind.TOPIC
    subject: str = ""  # the topic's words, the committee's name (canonical for a known kind), the case number
    digest_hour: int | None = None  # "dagligt kl. 8": one morning message at 08:00 instead of one per batch


@dataclass(frozen=True)
class UnfollowSlots:
    """ "stop med at følge frisættelse"; ``subject`` None: everything followed here."""

    subject: str | None = None
    kind: FollowKind | None = None


Slots = (
    NoSlots | DecisionSlots | CaseSlots | FollowUpSlots | FollowUpListSlots | CloseSlots | MeetingKindSlots
    | SubscribeSlots | FollowSlots | UnfollowSlots
)
