"""What a meeting did with an item, read from the minutes' own decision text."""

from __future__ import annotations

import re

from minutes.model import Outcome

__all__ = ["classify_outcome", "classify_public_outcome"]

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


# Published committee minutes word their decisions in set phrases ("Godkendt.", "Anbefales over for
# …", "Taget til efterretning.", "Drøftet.", "Udsat."), usually first; the rest of the text is the
# committee's wishes ("Udvalget ønsker …") and must not change the outcome. So the first sentence
# decides, and within it the earliest phrase wins; a postponement wins over the verb that carries
# it ("besluttede at udsætte sagen").
_PUBLIC_POSTPONED_RE = re.compile(
    r"(?<![\wæøå])(?:udsat|udsættes|udsætte|udsatte|udskudt|udskydes|sagen\s+blev\s+ikke\s+behandlet)(?![\wæøå])"
)
_PUBLIC_SIGNALS = (
    (
        Outcome.DECIDED,
        re.compile(
            r"(?<![\wæøå])(?:godkend(?:t|te|es|er)|tiltrådt|tiltrådte|tiltrædes|tiltræder|anbefal(?:es|er|ede|et)"
            r"|oversend(?:es|er|t|te)|støtte(?:r|de|s)|vedtag(?:et|es)|vedtog|besluttede|beslutter|bevilg(?:et|es|ede)"
            r"|afvis(?:t|es|te)|forkast(?:et|es|ede)|imødekom(?:met|mes)?)(?![\wæøå])"
        ),
    ),
    (
        Outcome.NOTED,
        re.compile(
            r"til\s+efterretning|til\s+orientering|(?<![\wæøå])orienterede(?![\wæøå])|blev\s+orienteret"
            r"|orienteringen\s+(?:blev\s+)?taget"
        ),
    ),
    (Outcome.DISCUSSED, re.compile(r"(?<![\wæøå])(?:drøftet|drøftede|drøftes|debatteret|debatterede)(?![\wæøå])")),
)
_PUBLIC_NONE_RE = re.compile(
    r"^(?:ingen\s+(?:bemærkninger|ændringer|punkter|sager)|intet(?:\s+(?:at\s+bemærke|til\s+referat))?[.!]?$"
    r"|afbud\s+fra|ingen\s+afbud|intet\s+afbud)"
)
_FIRST_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])|\n")
_NEGATED_RE = re.compile(r"(?<![\wæøå])(?:ikke|ej)\s+(?:[\wæøå]+\s+)?$")


def _earliest(sentence: str) -> Outcome | None:
    best: tuple[int, Outcome] | None = None
    for outcome, pattern in _PUBLIC_SIGNALS:
        for match in pattern.finditer(sentence):
            if _NEGATED_RE.search(sentence[max(0, match.start() - 20) : match.start()]):
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), outcome)
            break
    return best[1] if best else None


def classify_public_outcome(decision: str) -> Outcome:
    """The :class:`Outcome` of a published committee decision ("Godkendt.", "Anbefales over for …",
    "Oversendes til … med anbefaling" -> DECIDED; "Taget til efterretning/orientering" -> NOTED;
    "Drøftet" -> DISCUSSED; "Udsat", "besluttede at udsætte" -> POSTPONED; "Ingen bemærkninger.",
    "Intet at bemærke.", "Afbud fra …" and empty text -> NONE).

    The first sentence decides (the committee's further wishes do not); when it holds no signal
    phrase the whole text is read the same way, and failing that by :func:`classify_outcome`.
    """
    text = decision.strip()
    if not text:
        return Outcome.NONE
    lowered = text.lower()
    first = _FIRST_SENTENCE_RE.split(text, maxsplit=1)[0].lower()
    if _PUBLIC_POSTPONED_RE.search(first):
        return Outcome.POSTPONED
    found = _earliest(first)
    if found is not None:
        return found
    if _PUBLIC_NONE_RE.match(first):
        return Outcome.NONE
    found = _earliest(lowered)
    if found is not None:
        return found
    if _PUBLIC_POSTPONED_RE.search(lowered):
        return Outcome.POSTPONED
    return classify_outcome(text)
