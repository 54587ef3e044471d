""""Hvad blev besluttet om X?": the question's filters into a search, the hits into a cited answer."""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from dialogs import cards, texts
from dialogs.followups import VERB_START as FOLLOWUP_START
from dialogs.turn import Intent, Reply, Scope, Turn, locale_language
from storage.repository import Repository
from storage.search import SearchHit, SearchQuery, SearchResult

PAGE = 3  # hits shown on one card; "Vis flere" pages on
MAX_RESULTS = 5  # hits in ``ask --json``


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def query_from_slots(slots: Mapping[str, Any], turn: Turn, limit: int) -> SearchQuery:
    """The search a recognised question asks for, within what this turn may see."""
    period = slots.get("period")
    start = getattr(period, "start", None)
    end = getattr(period, "end", None)
    return SearchQuery(
        topic=str(slots.get("topic") or ""),
        tenant_id=turn.tenant_id,
        start=start,
        end=end,
        meeting_kind=slots.get("meeting_kind"),
        presenter=slots.get("presenter"),
        # Closed items only in a personal chat, and only for users on the allow-list.
        include_confidential=turn.scope is Scope.PERSONAL and turn.may_read_confidential,
        outcome_wanted=str(slots.get("outcome_wanted") or "decided"),
        limit=limit,
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
                ("Møde" if lang != "en" else "Meeting", texts.meeting_line(_cited_kind(hit), hit.meeting_date, lang)),
                ("Udfald" if lang != "en" else "Outcome", texts.outcome_label(hit.outcome, lang)),
                ("Fremlagt af" if lang != "en" else "Presented by", ", ".join(hit.presenters)),
                ("Kilde" if lang != "en" else "Source", hit.source),
            ]
            + [("Se også" if lang != "en" else "See also", f"{r.kind}: {r.title} ({r.source})") for r in hit.related]
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


def build_reply(result: SearchResult, slots: Mapping[str, Any], turn: Turn, *, offset: int = 0) -> Reply:
    """The answer for a search result: cited hits, or an honest "nothing found" with close topics."""
    lang = str(slots.get("lang") or "da")
    topic = str(slots.get("topic") or slots.get("presenter") or "")
    filtered = any(slots.get(k) for k in ("period", "meeting_kind", "presenter"))
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
    wanted = str(slots.get("outcome_wanted") or "decided")
    if wanted == "decided" and not any(h.outcome == "decided" for h in hits):
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
                {"offset": offset + PAGE, "q": _slots_payload(slots)},
            )
        )
    return Reply(text=text, card=cards.card(body, actions), intent=Intent.DECISIONS, data=data)


def _slots_payload(slots: Mapping[str, Any]) -> dict[str, Any]:
    period = slots.get("period")
    return {
        "topic": slots.get("topic") or "",
        "start": _iso(getattr(period, "start", None)),
        "end": _iso(getattr(period, "end", None)),
        "meeting_kind": slots.get("meeting_kind"),
        "presenter": slots.get("presenter"),
        "outcome_wanted": slots.get("outcome_wanted") or "decided",
        "lang": slots.get("lang") or "da",
    }


def slots_from_payload(payload: Mapping[str, Any]) -> dict[str, Any]:
    """Card data back into slots (values checked: a card payload is user-controlled input)."""
    from minutes.periods import Period

    def day(value: Any) -> date | None:
        try:
            return date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def short(value: Any) -> str | None:
        return value[:200] if isinstance(value, str) and value else None

    start, end = day(payload.get("start")), day(payload.get("end"))
    return {
        "topic": short(payload.get("topic")) or "",
        "period": Period(start, end) if (start or end) else None,
        "meeting_kind": short(payload.get("meeting_kind")),
        "presenter": short(payload.get("presenter")),
        "outcome_wanted": payload.get("outcome_wanted") if payload.get("outcome_wanted") in ("decided", "discussed", "any") else "decided",
        "lang": "en" if payload.get("lang") == "en" else "da",
    }


async def answer(repo: Repository, turn: Turn, slots: Mapping[str, Any]) -> Reply:
    """Answer a decisions question (or a deadline question) from the store."""
    if slots.get("asks_deadline"):
        return await answer_deadline(repo, turn, slots)
    result = await repo.search(query_from_slots(slots, turn, limit=max(MAX_RESULTS, 12)))
    reply = build_reply(result, slots, turn)
    if result.hits or not slots.get("topic") or not any(slots.get(k) for k in ("period", "meeting_kind", "presenter")):
        return reply
    # Nothing within the question's filters: say where the topic does stand (the newest best match),
    # as a pointer, not as an answer — the results stay empty.
    unfiltered = {**slots, "period": None, "meeting_kind": None, "presenter": None}
    elsewhere = (await repo.search(query_from_slots(unfiltered, turn, limit=1))).hits
    if not elsewhere:
        return reply
    hit, lang = elsewhere[0], str(slots.get("lang") or "da")
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
    slots = slots_from_payload(payload if isinstance(payload, dict) else {})
    raw_offset = data.get("offset")
    offset = max(0, min(raw_offset if isinstance(raw_offset, int) else PAGE, 60))
    result = await repo.search(query_from_slots(slots, turn, limit=offset + PAGE + 1))
    return build_reply(result, slots, turn, offset=offset)


async def whole_item(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """The "Vis hele punktet" button: one item's full decision, if this turn may see it."""
    lang = locale_language(turn.locale)
    item_id = data.get("item_id")
    include_confidential = turn.scope is Scope.PERSONAL and turn.may_read_confidential
    hit = (
        await repo.item_hit(item_id, tenant_id=turn.tenant_id, include_confidential=include_confidential)
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


async def answer_deadline(repo: Repository, turn: Turn, slots: Mapping[str, Any]) -> Reply:
    """"Hvornår er deadline for X": the dated follow-ups of the items that match X."""
    lang = str(slots.get("lang") or "da")
    topic = str(slots.get("topic") or "")
    result = await repo.search(query_from_slots({**slots, "outcome_wanted": "any"}, turn, limit=MAX_RESULTS))
    dated = await repo.item_deadlines([h.item_id for h in result.hits])
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
