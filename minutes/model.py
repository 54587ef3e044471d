"""The domain of a minutes document: frozen dataclasses, no behaviour beyond derivations."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, time


class Outcome(str, enum.Enum):
    """What the meeting did with an item, as the minutes word it."""

    DECIDED = "decided"  # "godkendte", "besluttede", "tiltrådte"
    NOTED = "noted"  # "tog orienteringen til efterretning"
    DISCUSSED = "discussed"  # "drøftede" and nothing decided
    POSTPONED = "postponed"  # "udsat"
    NONE = "none"  # no decision text yet (an agenda)


class DocumentType(str, enum.Enum):
    """The family a source document belongs to."""

    MINUTES = "minutes"  # a "referat" export with items and decisions
    AGENDA = "agenda"  # the same export before the meeting: items, no decisions
    INDSTILLING = "indstilling"  # a proposal to one meeting, with its "Referat"


class FollowUpStatus(str, enum.Enum):
    """Where a follow-up stands; the values are the store's ``status`` column and ``ask --json``'s."""

    OPEN = "open"
    DONE = "done"


@dataclass(frozen=True)
class FollowUp:
    """A commitment found in (or typed about) a meeting item."""

    text: str
    owner: str | None = None
    due: date | None = None


@dataclass(frozen=True)
class Section:
    """A named section of an item (Baggrund, Resume, Sagsfremstilling, Indstilling, Økonomi, …)."""

    heading: str
    text: str


@dataclass(frozen=True)
class AgendaItem:
    """One item ("Punkt N") of a meeting, or the single item of an indstilling."""

    number: str | None
    title: str
    presenters: tuple[str, ...] = ()
    start: time | None = None
    end: time | None = None
    decision: str = ""
    outcome: Outcome = Outcome.NONE
    confidential: bool = False
    subpoints: tuple[str, ...] = ()  # "3.1 Kommende møder", …
    sections: tuple[Section, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    case_number: str | None = None  # the case ("sag") as printed: "24/2316", "EMN-2024-02316"


@dataclass(frozen=True)
class Meeting:
    """A parsed source document: minutes, an agenda, or an indstilling.

    ``kind`` is the document's own kind ("Rådmandsmøde", "Chefteammøde", "Rådmandsindstilling").
    ``meeting_kind``/``date`` name the meeting the document belongs to; an indstilling and the
    minutes of that meeting share them, which is how the two are linked in the store.
    """

    source: str
    kind: str
    title: str
    date: date
    document_type: DocumentType = DocumentType.MINUTES
    meeting_kind: str = ""
    start: time | None = None
    end: time | None = None
    location: str | None = None
    participants: tuple[str, ...] = ()
    responsible: str | None = None
    confidential: bool = False
    items: tuple[AgendaItem, ...] = field(default_factory=tuple)
    absent: tuple[str, ...] = ()  # members recorded as absent from the whole meeting
    source_url: str | None = None  # where the published document can be opened
    # "meeting": ``date`` is the meeting's date; "document": the meeting date is not printed and
    # ``date`` is the document's own date (an indstilling that carries only "Den D/M YYYY, <afdeling>").
    date_basis: str = "meeting"


class ParseError(ValueError):
    """A document that cannot be understood; names the file and, where it helps, the line."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")
