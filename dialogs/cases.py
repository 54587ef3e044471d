""""Hvad er der sket i sagen om X?" / "vis sag 24/2316": a case's timeline across committees, oldest first.

The case is found by its number (any system's spelling: "24/2316" is "EMN-2024-02316"), or by the best
match for its subject; its steps are the items that share its case number or its running title
("Akutpladser - …"), and, for a subject, the other items about it. The card lists the steps oldest
first with citations; ``results`` (``ask --json``) lists them newest first: where the case stands now.
Closed items are left out unless a personal chat's reader may see them, in timelines too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dialogs import cards, texts
from dialogs.decisions import query_from_slots, searchable
from dialogs.follows import follow_case_action
from dialogs.slots import CaseSlots, DecisionSlots
from dialogs.turn import Intent, Reply, Scope, Turn
from minutes.cases import case_key
from storage.cases import CaseStep
from storage.repository import Repository

MAX_STEPS = 12  # steps on one card


def _step_json(step: CaseStep) -> dict[str, Any]:
    return {
        "meeting_date": step.meeting_date.isoformat(),
        "meeting_kind": step.committee,
        "item_number": step.number,
        "item_title": step.title,
        "case_number": step.case_number,
        "outcome": step.outcome,
        "decision": step.decision,
        "source": step.source,
        "source_url": step.source_url,
        "item_id": step.item_id,
    }


async def _steps(repo: Repository, turn: Turn, slots: CaseSlots, lang: str, include_confidential: bool) -> list[CaseStep]:
    store = repo.cases
    seeds: list[CaseStep] = []
    topical: list[int] = []
    if slots.case_number:
        seeds = await store.steps(tenant_id=turn.tenant_id, include_confidential=include_confidential,
                                  keys=[k for k in [case_key(slots.case_number)] if k])
    if slots.topic and not seeds:
        asked = DecisionSlots(topic=slots.topic, period=slots.period, outcome_wanted=None)
        asked, _ = await searchable(repo, turn, asked, lang)
        hits = (await repo.documents.search(replace(query_from_slots(asked, turn, limit=12, lang=lang), outcome_wanted="any"))).hits
        topical = [h.item_id for h in hits]
        seeds = await store.steps(tenant_id=turn.tenant_id, include_confidential=include_confidential, item_ids=topical[:1])
    if not seeds:
        return []
    keys = {s.case_key for s in seeds if s.case_key}
    series = {s.series_key for s in seeds if s.series_key}
    steps = await store.steps(
        tenant_id=turn.tenant_id, include_confidential=include_confidential,
        item_ids=[s.item_id for s in seeds] + topical, keys=keys, series=series,
    )
    # A second round: a step reached by its title may carry the case's number in another system's spelling.
    more_keys = {s.case_key for s in steps if s.case_key and s.series_key in series} - keys
    if more_keys:
        steps = await store.steps(
            tenant_id=turn.tenant_id, include_confidential=include_confidential,
            item_ids=[s.item_id for s in steps], keys=keys | more_keys, series=series,
        )
    if slots.period is not None:
        steps = [s for s in steps if slots.period.contains(s.meeting_date)]
    return steps


async def answer(repo: Repository, turn: Turn, slots: CaseSlots, lang: str) -> Reply:
    """A case's timeline card, or an honest "no such case"."""
    include_confidential = turn.scope is Scope.PERSONAL and turn.may_read_confidential
    steps = await _steps(repo, turn, slots, lang, include_confidential)
    if not steps:
        line = texts.case_nothing(slots.topic, slots.case_number, lang)
        return Reply(text=line, card=cards.card([cards.text_block(line)]), intent=Intent.CASE, data={"results": []})
    shown = steps[-MAX_STEPS:]
    newest = shown[-1]
    heading = texts.case_heading(slots.topic or newest.title, slots.case_number, lang)
    latest = texts.case_latest(newest.committee, newest.meeting_date, newest.outcome, lang)
    lines = [heading, latest]
    body: list[dict[str, Any]] = [
        cards.text_block(heading, weight="Bolder", size="Medium"),
        cards.text_block(latest, isSubtle=True),
    ]
    for i, step in enumerate(shown):
        when = texts.case_step(step.committee, step.meeting_date, lang)
        item = texts.item_heading(step.number, step.title, lang)
        decision, _ = cards.truncate(step.decision)
        lines += ["", when, item, f"{texts.outcome_label(step.outcome, lang)}: {step.decision}" if step.decision
                  else texts.outcome_label(step.outcome, lang), texts.source_line(step.source, lang)]
        blocks = [
            cards.text_block(when, weight="Bolder"),
            cards.text_block(item),
            cards.fact_set([
                (texts.decision_label("outcome", lang), texts.outcome_label(step.outcome, lang)),
                (texts.decision_label("source", lang), step.source),
            ]),
        ]
        if decision:
            blocks.append(cards.text_block(decision))
        body.append(cards.container(blocks, separator=i > 0))
    data = {"results": [_step_json(s) for s in reversed(shown)], "timeline": [_step_json(s) for s in shown]}
    number = _case_number(slots, shown)
    actions = [follow_case_action(number, lang)] if number else []
    return Reply(text="\n".join(lines), card=cards.card(body, actions), intent=Intent.CASE, data=data)


def _case_number(slots: CaseSlots, shown: list[CaseStep]) -> str | None:
    """The number "Følg sagen" follows: as asked, else the one case the steps share (a subject's timeline
    may gather items of other cases, and then there is no one case to follow)."""
    if slots.case_number:
        return slots.case_number
    numbered = [s for s in shown if s.case_key]
    if len({s.case_key for s in numbered}) != 1:
        return None
    return numbered[-1].case_number
