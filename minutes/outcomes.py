"""What a meeting did with an item, read from the minutes' own decision text."""

from __future__ import annotations

import re

from minutes.model import Outcome

__all__ = ["classify_outcome"]

# Finite verb forms only: "skal godkende"/"beslutte" (infinitive) is what a proposal asks for,
# not what the meeting did. Rejections ("afviste") are decisions too.
_DECIDED_RE = re.compile(
    r"(?:godkend(?:te|t|es|er)|beslut(?:tede|tet|ter|tes)|tiltrådte|tiltrådt|tiltræder"
    r"|tiltrædes|vedtog|vedtaget|vedtages|bevilg(?:ede|et|er|es)|afvis(?:te|t|er|es)"
    r"|forkast(?:ede|et|es)|imødekom|imødekommet|principgodkend(?:te|t))(?![\wæøå])"
)
_NEGATION_BEFORE_RE = re.compile(r"(?<![\wæøå])(?:ikke|ej)\s+(?:[\wæøå]+\s+)?$")
_NEGATION_AFTER_RE = re.compile(r"\s+(?:ikke|ej)(?![\wæøå])")
_POSTPONED_RE = re.compile(
    r"(?:udsat|udsættes|udsatte|udskudt|udskydes|udskød|udgik|udgår"
    r"|(?:blev|er)\s+ikke\s+(?:behandlet|nået)|nåede\s+ikke|nåede\s+vi\s+ikke"
    r"|flyttes\s+til\s+(?:et\s+)?(?:næste|senere|kommende)\s+møde)(?![\wæøå])"
)
_NOTED_RE = re.compile(
    r"til\s+efterretning|orienteringen\s+blev\s+taget|tog\s+orienteringen|blev\s+orienteret"
)


def _starts_word(text: str, index: int) -> bool:
    """True when ``text[index]`` begins a word (the patterns leave out a look-behind for speed)."""
    return index == 0 or not text[index - 1].isalnum()


def _has_decision(lowered: str) -> bool:
    for match in _DECIDED_RE.finditer(lowered):
        if not _starts_word(lowered, match.start()):
            continue
        before = lowered[max(0, match.start() - 30) : match.start()]
        if _NEGATION_BEFORE_RE.search(before) or _NEGATION_AFTER_RE.match(lowered, match.end()):
            continue
        return True
    return False


def classify_outcome(decision: str) -> Outcome:
    """The :class:`Outcome` that ``decision`` (the minutes' text for one item) expresses.

    Precedence: DECIDED > POSTPONED > NOTED > DISCUSSED; empty text is NONE. A non-empty text
    without any of the signal phrases is DISCUSSED: the meeting dealt with the item, the minutes
    record no decision. Decision verbs count in finite form only ("godkendte", "besluttede",
    "tiltrådte", "vedtog", "bevilgede"), so "skal godkende" does not. A negated approval
    ("blev ikke godkendt", "godkendte ikke") does not count as a decision — the text is then
    classified by the other rules (usually DISCUSSED), because "not approved" may as well mean
    "not yet"; an explicit rejection verb ("afviste", "forkastede") is a decision (DECIDED).
    A decision to postpone ("besluttede at udsætte") is DECIDED: the decision verb wins.
    """
    lowered = decision.lower()
    if not lowered.strip():
        return Outcome.NONE
    if _has_decision(lowered):
        return Outcome.DECIDED
    if any(_starts_word(lowered, m.start()) for m in _POSTPONED_RE.finditer(lowered)):
        return Outcome.POSTPONED
    if _NOTED_RE.search(lowered):
        return Outcome.NOTED
    return Outcome.DISCUSSED
