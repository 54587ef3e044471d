""""Hvad blev besluttet om X?": the question's filters into a search, the hits into a cited answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Mapping

from dialogs import cards, texts
from dialogs.followups import VERB_START as FOLLOWUP_START
from dialogs.slots import DecisionSlots
from dialogs.turn import Intent, Reply, Scope, Turn, locale_language
from minutes.periods import Period
from minutes.model import Outcome
from storage.repository import Repository
from storage.search import SearchHit, SearchQuery, SearchResult

PAGE = 3  # hits shown on one card; "Vis flere" pages on
MAX_RESULTS = 5  # hits in ``ask --json``


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


ANY_OUTCOME = "any"  # the search's (and the card payload's) word for DecisionSlots.outcome_wanted None


def _wanted(slots: DecisionSlots) -> str:
    return slots.outcome_wanted.value if slots.outcome_wanted is not None else ANY_OUTCOME


def _filtered(slots: DecisionSlots) -> bool:
    return bool(slots.period or slots.meeting_kind or slots.presenter)


def query_from_slots(slots: DecisionSlots, turn: Turn, limit: int, lang: str = "da") -> SearchQuery:
    """The search a recognised question asks for, within what this turn may see."""
    return SearchQuery(
        topic=slots.topic or "",
        tenant_id=turn.tenant_id,
        start=slots.period.start if slots.period else None,
        end=slots.period.end if slots.period else None,
        meeting_kind=slots.meeting_kind,
        presenter=slots.presenter,
        # Closed items only in a personal chat, and only for users on the allow-list.
        include_confidential=turn.scope is Scope.PERSONAL and turn.may_read_confidential,
        outcome_wanted=_wanted(slots),
        limit=limit,
        lang=lang,
    )


def hit_to_json(hit: SearchHit) -> dict[str, Any]:
    """One result in ``ask --json`` form."""
    return {
        "meeting_date": hit.meeting_date.isoformat(),
        "meeting_kind": hit.meeting_kind,
        "meeting_title": hit.meeting_title,
        "item_number": hit.item_number,
        "item_title": hit.item_title,
        "decision": hit.decision,
        "source": hit.source,
        "score": hit.score,
        "outcome": hit.outcome,
        "document_type": hit.document_type,
        "presenters": list(hit.presenters),
        "related": [{"source": r.source, "kind": r.kind, "title": r.title} for r in hit.related],
        "document_kind": hit.document_kind,
        "matched_by": list(hit.matched_by),
    }


def _cited_kind(hit: SearchHit) -> str:
    # An indstilling is cited as itself ("Rådmandsindstilling, …"): its date may be the document's,
    # not the meeting's.
    return hit.document_kind if hit.document_type == "indstilling" and hit.document_kind else hit.meeting_kind


def _hit_text(hit: SearchHit, lang: str) -> str:
    lines = [
        texts.meeting_line(_cited_kind(hit), hit.meeting_date, lang),
        texts.item_heading(hit.item_number, hit.item_title, lang),
        f"{texts.outcome_lead(hit.outcome, lang)}:" if hit.decision else texts.outcome_lead(hit.outcome, lang),
    ]
    if hit.decision:
        lines.append(hit.decision)
    lines.append(texts.source_line(hit.source, lang))
    lines.extend(texts.related_line(r.kind, r.title, r.source, lang) for r in hit.related)
    return "\n".join(lines)


def _hit_card_items(hit: SearchHit, lang: str, *, first: bool) -> list[dict[str, Any]]:
    decision, cut = cards.truncate(hit.decision)
    blocks: list[dict[str, Any]] = [
        cards.text_block(texts.item_heading(hit.item_number, hit.item_title, lang), weight="Bolder", size="Medium"),
        cards.fact_set(
            [
                (texts.decision_label("meeting", lang), texts.meeting_line(_cited_kind(hit), hit.meeting_date, lang)),
                (texts.decision_label("outcome", lang), texts.outcome_label(hit.outcome, lang)),
                (texts.decision_label("presenters", lang), ", ".join(hit.presenters)),
                (texts.decision_label("source", lang), hit.source),
            ]
            + [(texts.decision_label("see_also", lang), f"{r.kind}: {r.title} ({r.source})") for r in hit.related]
        ),
        cards.text_block(texts.outcome_lead(hit.outcome, lang), isSubtle=True, spacing="Small"),
    ]
    if decision:
        blocks.append(cards.text_block(decision))
    actions = [cards.execute(texts.show_whole_item(lang), "decisions.item", {"item_id": hit.item_id})] if cut else []
    actions.append(_followup_button(hit.item_id, lang))
    blocks.append({"type": "ActionSet", "actions": actions})
    return [cards.container(blocks, separator=not first)]


def _followup_button(item_id: int, lang: str) -> dict[str, Any]:
    """ "Opret opfølgning": a follow-up linked to this item (issue #7; the item is checked again on press)."""
    return cards.execute(texts.followup_button_start(lang), FOLLOWUP_START, {"item_id": item_id, "lang": lang})


def build_reply(result: SearchResult, slots: DecisionSlots, lang: str, *, offset: int = 0) -> Reply:
    """The answer for a search result: cited hits, or an honest "nothing found" with close topics."""
    topic = slots.topic or slots.presenter or ""
    filtered = _filtered(slots)
    hits = list(result.hits)
    data: dict[str, Any] = {"results": [hit_to_json(h) for h in hits[:MAX_RESULTS]]}
    if result.corrected:
        data["corrected"] = dict(result.corrected)
    if not hits:
        lines = [texts.nothing_found(topic, lang, filtered=filtered)]
        if result.suggestions:
            lines.append(texts.suggestions_line(list(result.suggestions), lang))
            data["suggestions"] = list(result.suggestions)
        text = "\n".join(lines)
        return Reply(text=text, card=cards.card([cards.text_block(t) for t in lines]), intent=Intent.DECISIONS, data=data)

    page = hits[offset : offset + PAGE]
    lead: list[str] = []
    if slots.outcome_wanted is Outcome.DECIDED and not any(h.outcome == Outcome.DECIDED for h in hits):
        lead.append(texts.not_decided_lead(topic, lang))
    if result.corrected:
        lead.append(texts.corrected_line(dict(result.corrected), lang))
    text = "\n\n".join(lead + [_hit_text(h, lang) for h in page])
    body: list[dict[str, Any]] = [cards.text_block(line, weight="Bolder") for line in lead]
    for i, hit in enumerate(page):
        body.extend(_hit_card_items(hit, lang, first=i == 0 and not lead))
    actions = []
    remaining = len(hits) - (offset + len(page))
    if remaining > 0:
        actions.append(
            cards.execute(
                texts.more_results(remaining, lang),
                "decisions.more",
                {"offset": offset + PAGE, "q": _slots_payload(slots, lang)},
            )
        )
    return Reply(text=text, card=cards.card(body, actions), intent=Intent.DECISIONS, data=data)


def _slots_payload(slots: DecisionSlots, lang: str) -> dict[str, Any]:
    return {
        "topic": slots.topic or "",
        "start": _iso(slots.period.start if slots.period else None),
        "end": _iso(slots.period.end if slots.period else None),
        "meeting_kind": slots.meeting_kind,
        "presenter": slots.presenter,
        "outcome_wanted": _wanted(slots),
        "lang": lang,
    }


# What a "Vis flere" payload may ask for (as before typed slots: other outcomes page as "decided").
_PAYLOAD_OUTCOMES: dict[str, Outcome | None] = {"decided": Outcome.DECIDED, "discussed": Outcome.DISCUSSED,
                                                ANY_OUTCOME: None}


def slots_from_payload(payload: Mapping[str, Any]) -> tuple[DecisionSlots, str]:
    """Card data back into slots and language (values checked: a card payload is user-controlled input)."""

    def day(value: Any) -> date | None:
        try:
            return date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def short(value: Any) -> str | None:
        return value[:200] if isinstance(value, str) and value else None

    start, end = day(payload.get("start")), day(payload.get("end"))
    wanted = payload.get("outcome_wanted")
    slots = DecisionSlots(
        topic=short(payload.get("topic")) or "",
        period=Period(start, end) if (start or end) else None,
        meeting_kind=short(payload.get("meeting_kind")),
        presenter=short(payload.get("presenter")),
        outcome_wanted=_PAYLOAD_OUTCOMES[wanted] if isinstance(wanted, str) and wanted in _PAYLOAD_OUTCOMES
        else Outcome.DECIDED,
    )
    return slots, texts.known(payload.get("lang")) or texts.DEFAULT_LANGUAGE


async def answer(repo: Repository, turn: Turn, slots: DecisionSlots, lang: str) -> Reply:
    """Answer a decisions question (or a deadline question) from the store."""
    if slots.asks_deadline:
        return await answer_deadline(repo, turn, slots, lang)
    result = await repo.documents.search(query_from_slots(slots, turn, limit=max(MAX_RESULTS, 12), lang=lang))
    reply = build_reply(result, slots, lang)
    if result.hits or not slots.topic or not _filtered(slots):
        return reply
    # Nothing within the question's filters: say where the topic does stand (the newest best match),
    # as a pointer, not as an answer — the results stay empty.
    unfiltered = replace(slots, period=None, meeting_kind=None, presenter=None)
    elsewhere = (await repo.documents.search(query_from_slots(unfiltered, turn, limit=1, lang=lang))).hits
    if not elsewhere:
        return reply
    hit = elsewhere[0]
    line = texts.found_outside_filters(
        texts.meeting_line(_cited_kind(hit), hit.meeting_date, lang),
        texts.item_heading(hit.item_number, hit.item_title, lang),
        lang,
    )
    card = cards.card([*(reply.card or {}).get("body", []), cards.text_block(line)])
    return Reply(f"{reply.text}\n{line}", card, reply.intent, {**reply.data, "outside_filters": hit_to_json(hit)})


async def more(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """The "Vis flere" button: the next page of the same question."""
    payload = data.get("q")
    slots, lang = slots_from_payload(payload if isinstance(payload, dict) else {})
    raw_offset = data.get("offset")
    offset = max(0, min(raw_offset if isinstance(raw_offset, int) else PAGE, 60))
    result = await repo.documents.search(query_from_slots(slots, turn, limit=offset + PAGE + 1, lang=lang))
    return build_reply(result, slots, lang, offset=offset)


async def whole_item(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """The "Vis hele punktet" button: one item's full decision, if this turn may see it."""
    lang = locale_language(turn.locale)
    item_id = data.get("item_id")
    include_confidential = turn.scope is Scope.PERSONAL and turn.may_read_confidential
    hit = (
        await repo.documents.visible_item(item_id, tenant_id=turn.tenant_id, include_confidential=include_confidential)
        if isinstance(item_id, int)
        else None
    )
    if hit is None:
        return Reply(text=texts.unknown_action(lang), intent=Intent.DECISIONS)
    text = _hit_text(hit, lang)
    body = [
        cards.text_block(texts.item_heading(hit.item_number, hit.item_title, lang), weight="Bolder", size="Medium"),
        cards.text_block(texts.meeting_line(_cited_kind(hit), hit.meeting_date, lang), isSubtle=True),
        cards.text_block(texts.outcome_lead(hit.outcome, lang)),
        cards.text_block(cards.truncate(hit.decision, 20_000)[0]),
    ]
    return Reply(text=text, card=cards.card(body, [_followup_button(hit.item_id, lang)]), intent=Intent.DECISIONS,
                 data={"results": [hit_to_json(hit)]})


async def answer_deadline(repo: Repository, turn: Turn, slots: DecisionSlots, lang: str) -> Reply:
    """"Hvornår er deadline for X": the dated follow-ups of the items that match X."""
    topic = slots.topic or ""
    result = await repo.documents.search(query_from_slots(replace(slots, outcome_wanted=None), turn, limit=MAX_RESULTS, lang=lang))
    dated = await repo.documents.item_deadlines([h.item_id for h in result.hits])
    lines = []
    results = []
    for hit in result.hits:
        for due, text in dated.get(hit.item_id, []):
            lines.append(texts.deadline_answer(due, text, lang) + f"\n{texts.meeting_line(_cited_kind(hit), hit.meeting_date, lang)} · {texts.item_heading(hit.item_number, hit.item_title, lang)}")
            results.append({**hit_to_json(hit), "due": due.isoformat(), "followup": text})
    if not lines:
        text = texts.no_deadline_found(topic, lang)
        return Reply(text=text, card=cards.card([cards.text_block(text)]), intent=Intent.DECISIONS, data={"results": []})
    text = "\n\n".join(lines[:PAGE])
    return Reply(
        text=text,
        card=cards.card([cards.text_block(line) for line in lines[:PAGE]]),
        intent=Intent.DECISIONS,
        data={"results": results[:MAX_RESULTS]},
    )
