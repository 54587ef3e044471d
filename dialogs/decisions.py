""""Hvad blev besluttet om X?": the question's filters into a search, the hits into a cited answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Mapping

from dialogs import cards, texts
from dialogs.followups import VERB_START as FOLLOWUP_START
from dialogs.slots import DecisionSlots
from dialogs.turn import Intent, Reply, Scope, Turn, locale_language
from minutes.calendar import MONTHS_DA, local_today
from minutes.committee import resolve_committee
from minutes.kinds import MEETING_KINDS
from minutes.periods import Period
from minutes.kinds import kind_key
from minutes.model import DocumentType, Outcome
from minutes.text import words
from storage.cases import CaseStep
from storage.repository import Repository
from storage.search import TOPIC_OUTCOME, SearchHit, SearchQuery, SearchResult

MEETING_KIND_NAMES = frozenset(kind.name for kind in MEETING_KINDS)
PAGE = 3  # more hits listed (one line each) under the best one; "Vis flere" lists this many more
MAX_RESULTS = 5  # hits in ``ask --json``
SEARCH_LIMIT = 24  # hits a question reads (the count in the heading, and what "Vis flere" can show)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


ANY_OUTCOME = "any"  # the search's (and the card payload's) word for DecisionSlots.outcome_wanted None


def _wanted(slots: DecisionSlots) -> str:
    if slots.topic_only and slots.outcome_wanted is Outcome.DECIDED:
        return TOPIC_OUTCOME
    return slots.outcome_wanted.value if slots.outcome_wanted is not None else ANY_OUTCOME


def _filtered(slots: DecisionSlots) -> bool:
    return bool(slots.period or slots.meeting_kind or slots.presenter or slots.document_type)


def query_from_slots(slots: DecisionSlots, turn: Turn, limit: int, lang: str = "da") -> SearchQuery:
    """The search a recognised question asks for, within what this turn may see."""
    return SearchQuery(
        topic=slots.topic or "",
        tenant_id=turn.tenant_id,
        start=slots.period.start if slots.period else None,
        end=slots.period.end if slots.period else None,
        meeting_kind=slots.meeting_kind,
        presenter=slots.presenter,
        document_type=slots.document_type,
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
        "confidential": hit.confidential,
        "matched_by": list(hit.matched_by),
    }


def _cited_kind(hit: SearchHit) -> str:
    # An indstilling is cited as itself ("Rådmandsindstilling, …"): its date may be the document's,
    # not the meeting's.
    return hit.document_kind if hit.document_type == "indstilling" and hit.document_kind else hit.meeting_kind


def document_name(hit: SearchHit, lang: str) -> str:
    """The source as people name it: "Referat: Rådmandsmøde, tirsdag den 9. januar 2024", or the indstilling's title."""
    if hit.document_type == "indstilling":
        return texts.text("decisions.source.indstilling", lang, kind=_cited_kind(hit), title=hit.meeting_title)
    key = "decisions.source.agenda" if hit.document_type == "agenda" else "decisions.source.minutes"
    return texts.text(key, lang, meeting=texts.meeting_line(hit.meeting_kind, hit.meeting_date, lang))


def _source_url(hit: SearchHit) -> str | None:
    url = hit.source_url
    return url if url and url.startswith(("https://", "http://")) else None


def _hit_text(hit: SearchHit, lang: str, after: CaseStep | None = None) -> str:
    lines = [
        texts.meeting_line(_cited_kind(hit), hit.meeting_date, lang),
        texts.item_heading(hit.item_number, hit.item_title, lang),
        f"{texts.outcome_lead(hit.outcome, lang)}:" if hit.decision else texts.outcome_lead(hit.outcome, lang),
    ]
    text = "\n".join(lines)
    if hit.decision:
        text += "\n\n" + cards.markdown(hit.decision)
    if after is not None:
        text += "\n\n" + texts.case_next(after.committee, after.meeting_date, lang)
    tail = [texts.source_line(document_name(hit, lang), lang)]
    if (url := _source_url(hit)) is not None:
        tail.append(f"[{texts.text('decisions.open_source', lang)}]({url})")
    tail.extend(texts.related_line(r.kind, r.title, lang) for r in hit.related)
    return text + "\n\n" + "\n".join(tail)


def _facts(hit: SearchHit, lang: str) -> dict[str, Any]:
    return cards.fact_set(
        [
            (texts.decision_label("meeting", lang), texts.meeting_line(_cited_kind(hit), hit.meeting_date, lang)),
            (texts.decision_label("outcome", lang), texts.outcome_label(hit.outcome, lang)),
            (texts.decision_label("presenters", lang), ", ".join(hit.presenters)),
            (texts.decision_label("source", lang), document_name(hit, lang)),
        ]
        + [(texts.decision_label("see_also", lang), f"{r.kind}: {r.title}") for r in hit.related]
    )


def _hit_actions(hit: SearchHit, lang: str, *, cut: bool) -> dict[str, Any]:
    actions = [cards.execute(texts.show_whole_item(lang), "decisions.item", {"item_id": hit.item_id})] if cut else []
    actions.append(_followup_button(hit.item_id, lang))
    if (url := _source_url(hit)) is not None:
        actions.append(cards.open_url(texts.text("decisions.open_source", lang), url))
    return {"type": "ActionSet", "actions": actions}


def _best_hit(hit: SearchHit, lang: str, after: CaseStep | None = None) -> dict[str, Any]:
    """The best hit in full: heading, facts, what kind of outcome, the decision's paragraphs, where its
    case went next (a numbered case), its buttons."""
    decision, cut = cards.truncate(hit.decision)
    blocks: list[dict[str, Any]] = [
        cards.text_block(texts.item_heading(hit.item_number, hit.item_title, lang), weight="Bolder", size="Medium"),
        _facts(hit, lang),
        cards.text_block(texts.outcome_lead(hit.outcome, lang), isSubtle=True, spacing="Small"),
        *cards.paragraphs(decision),
        *([cards.text_block(texts.case_next(after.committee, after.meeting_date, lang), isSubtle=True)] if after else []),
        _hit_actions(hit, lang, cut=cut),
    ]
    return cards.container(blocks)


def compact_line(hit: SearchHit, lang: str) -> str:
    """One hit on one line: "9. januar 2024 · Rådmandsmøde · Punkt 4: Frisættelse · Besluttet"."""
    return " · ".join((texts.date_medium(hit.meeting_date, lang), _cited_kind(hit),
                       texts.item_heading(hit.item_number, hit.item_title, lang),
                       texts.outcome_label(hit.outcome, lang)))


def _compact_entry(hit: SearchHit, lang: str, *, group: str) -> dict[str, Any]:
    """A hit as one line with "Vis beslutning", which unfolds its decision on the card itself."""
    detail = f"{group}-{hit.item_id}"
    decision, cut = cards.truncate(hit.decision)
    hidden = {
        **cards.container([_facts(hit, lang), *cards.paragraphs(decision), _hit_actions(hit, lang, cut=cut)]),
        "id": detail,
        "isVisible": False,
    }
    return cards.container([
        cards.text_block(compact_line(hit, lang), spacing="Small"),
        {"type": "ActionSet", "actions": [cards.toggle(texts.text("decisions.show_decision", lang), detail)]},
        hidden,
    ], separator=True)


def _followup_button(item_id: int, lang: str) -> dict[str, Any]:
    """ "Opret opfølgning": a follow-up linked to this item (issue #7; the item is checked again on press)."""
    return cards.execute(texts.followup_button_start(lang), FOLLOWUP_START, {"item_id": item_id, "lang": lang})


def _inside(hit: SearchHit, slots: DecisionSlots) -> bool:
    """True when ``hit`` lies within the question's period and meeting kind (the search's own filters)."""
    if slots.period is not None and not slots.period.contains(hit.meeting_date):
        return False
    return slots.meeting_kind is None or kind_key(hit.meeting_kind) == kind_key(slots.meeting_kind)


def filters_text(slots: DecisionSlots, lang: str) -> str:
    """The question's filters in words: "2021", "chefteammøder", "fremlagt af Hanne"."""
    parts = []
    if (period := slots.period) is not None:
        if (year := period.whole_year()) is not None:
            parts.append(str(year))
        else:
            parts.append("–".join(texts.date_medium(d, lang) if d else "…" for d in (period.start, period.end)))
    if slots.meeting_kind:
        parts.append(texts.reminder_kinds(slots.meeting_kind, lang))
    if slots.presenter:
        parts.append(texts.text("decisions.filter_presenter", lang, name=slots.presenter))
    return ", ".join(parts)


def _nothing_found(result: SearchResult, slots: DecisionSlots, lang: str, data: dict[str, Any]) -> Reply:
    """No hit: say so plainly, offer the close titles as buttons and one line of help."""
    topic = slots.topic or slots.presenter or ""
    lines = [texts.nothing_found(topic, lang, filtered=_filtered(slots)), texts.text("decisions.try_again", lang)]
    body = [cards.text_block(lines[0], weight="Bolder"), cards.text_block(lines[1], isSubtle=True, spacing="Small")]
    actions = []
    if result.suggestions:
        data["suggestions"] = list(result.suggestions)
        lines.append(texts.suggestions_line(list(result.suggestions), lang))
        body.append(cards.text_block(texts.text("decisions.did_you_mean", lang)))
        actions = [cards.execute(cards.truncate(title, 60)[0], "decisions.more",
                                 {"shown": 0, "q": _slots_payload(DecisionSlots(topic=title), lang)})
                   for title in result.suggestions[:5]]
        body.append({"type": "ActionSet", "actions": actions})
    return Reply(text="\n\n".join(lines), card=cards.card(body), intent=Intent.DECISIONS, data=data)


def build_reply(result: SearchResult, slots: DecisionSlots, lang: str, *, shown: int = PAGE,
                outside: tuple[SearchHit, ...] = (), next_steps: Mapping[int, CaseStep] | None = None) -> Reply:
    """The answer for a search result: cited hits, or an honest "nothing found" with close topics.

    Several hits: a heading with the count, the best hit in full, then the others one line each (newest
    first), ``shown`` of them; "Vis flere" shows more and keeps what was shown. Hits outside the
    question's filters (and ``outside``, found without them) go under their own heading. ``next_steps``
    (item id -> its case's next step) says under the best hit where its case went next.
    """
    topic = slots.topic or slots.presenter or ""
    hits = [h for h in result.hits if _inside(h, slots)]
    outside = (*(h for h in result.hits if not _inside(h, slots)), *outside)
    data: dict[str, Any] = {"results": [hit_to_json(h) for h in hits[:MAX_RESULTS]]}
    if result.browse:
        data["intent"] = "browse"  # a meeting's, period's or presenter's items, not a topic's (issue 14)
    if result.corrected:
        data["corrected"] = dict(result.corrected)
    if not hits and not outside:
        return _nothing_found(result, slots, lang, data)

    lead: list[str] = []
    body: list[dict[str, Any]] = []
    text_parts: list[str] = []
    if not hits:
        lead.append(texts.nothing_found(topic, lang, filtered=_filtered(slots)))
    elif slots.outcome_wanted is Outcome.DECIDED and not any(h.outcome == Outcome.DECIDED for h in hits):
        lead.append(texts.not_decided_lead(topic, lang))
    if result.corrected:
        lead.append(texts.corrected_line(dict(result.corrected), lang))
    if len(hits) > 1:
        heading = texts.text("decisions.count_heading", lang, count=len(hits),
                             topic=topic or texts.text("decisions.topic_fallback", lang))
        body.append(cards.text_block(heading, weight="Bolder", size="Large"))
        text_parts.append(f"**{heading}**")
    body.extend(cards.text_block(line, weight="Bolder") for line in lead)
    text_parts.extend(lead)
    if hits and result.browse:
        # Browsing has no best answer: a list, one line per item in the search's order (a meeting's
        # agenda; a period's or a person's items newest first), paged like the rest below.
        rest = hits
        body.extend(_compact_entry(h, lang, group="hit") for h in rest[:max(shown, 0)])
        text_parts.append(texts.bullet_list([compact_line(h, lang) for h in rest[:max(shown, 0)]]))
    elif hits:
        best, rest = hits[0], sorted(hits[1:], key=lambda h: h.meeting_date, reverse=True)
        after = (next_steps or {}).get(best.item_id)
        body.append(_best_hit(best, lang, after))
        text_parts.append(_hit_text(best, lang, after))
        listed = rest[:max(shown, 0)]
        if listed:
            more_heading = texts.text("decisions.others_heading", lang, count=len(rest))
            body.append(cards.text_block(more_heading, weight="Bolder", separator=True, spacing="Large"))
            body.extend(_compact_entry(h, lang, group="hit") for h in listed)
            text_parts.append(more_heading + "\n\n" + texts.bullet_list([compact_line(h, lang) for h in listed]))
    else:
        rest = []
    if outside:
        outside_heading = texts.text("decisions.outside_heading", lang, filters=filters_text(slots, lang))
        body.append(cards.text_block(outside_heading, weight="Bolder", separator=True, spacing="Large"))
        body.extend(_compact_entry(h, lang, group="outside") for h in outside[:PAGE])
        text_parts.append(outside_heading + "\n\n" + texts.bullet_list([compact_line(h, lang) for h in outside[:PAGE]]))
        data["outside_filters"] = hit_to_json(outside[0])
    actions = []
    remaining = len(rest) - shown
    if remaining > 0:
        actions.append(cards.execute(texts.more_results(remaining, lang), "decisions.more",
                                     {"shown": shown + PAGE, "q": _slots_payload(slots, lang)}))
    return Reply(text="\n\n".join(text_parts), card=cards.card(body, actions), intent=Intent.DECISIONS, data=data)


def _slots_payload(slots: DecisionSlots, lang: str) -> dict[str, Any]:
    return {
        "topic": slots.topic or "",
        "start": _iso(slots.period.start if slots.period else None),
        "end": _iso(slots.period.end if slots.period else None),
        "meeting_kind": slots.meeting_kind,
        "presenter": slots.presenter,
        "document_type": slots.document_type,
        "outcome_wanted": _wanted(slots),
        "lang": lang,
    }


# What a "Vis flere" payload may ask for (as before typed slots: other outcomes page as "decided").
_PAYLOAD_OUTCOMES: dict[str, Outcome | None] = {"decided": Outcome.DECIDED, "discussed": Outcome.DISCUSSED,
                                                ANY_OUTCOME: None, TOPIC_OUTCOME: Outcome.DECIDED}


_DOCUMENT_TYPES = frozenset(t.value for t in DocumentType)


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
        document_type=document_type if isinstance(document_type := payload.get("document_type"), str)
        and document_type in _DOCUMENT_TYPES else None,
        outcome_wanted=_PAYLOAD_OUTCOMES[wanted] if isinstance(wanted, str) and wanted in _PAYLOAD_OUTCOMES
        else Outcome.DECIDED,
        topic_only=wanted == TOPIC_OUTCOME,
    )
    return slots, texts.known(payload.get("lang")) or texts.DEFAULT_LANGUAGE


def _named_period(period: Period | None) -> tuple[str, tuple[str, ...]] | None:
    """A period that is exactly one calendar year ("2022") or month ("juni 2023") as words: what to add to
    the topic, and the words an item must name to answer so. None for any other period."""
    if period is None:
        return None
    if (year := period.whole_year()) is not None:
        return str(year), (str(year),)
    if (month := period.whole_month()) is not None:
        return str(month[0]), (MONTHS_DA[month[1] - 1], str(month[0]))
    return None


async def searchable(repo: Repository, turn: Turn, slots: DecisionSlots, lang: str) -> tuple[DecisionSlots, bool]:
    """The slots as the store can search them: a committee as said ("SSU", "the council") as the stored
    committee's name, "sidste møde" as held by today. False when the committee is not in the store. (An
    English topic stays English: the search reads it with its glossary, the semantic channel as it is.)"""
    if slots.latest_meeting and slots.period is None:
        slots = replace(slots, period=Period(None, local_today(turn.now)))
    if slots.meeting_kind and slots.meeting_kind not in MEETING_KIND_NAMES:
        committee = resolve_committee(slots.meeting_kind, await repo.documents.meeting_kinds(tenant_id=turn.tenant_id))
        if committee is None:
            return slots, False
        slots = replace(slots, meeting_kind=committee)
    return slots, True


async def answer(repo: Repository, turn: Turn, slots: DecisionSlots, lang: str) -> Reply:
    """Answer a decisions question (or a deadline question) from the store."""
    slots, known = await searchable(repo, turn, slots, lang)
    if not known:  # a committee the store has no minutes of ("Børne- og Ungeudvalget")
        return build_reply(SearchResult((), ()), slots, lang)
    if slots.asks_deadline:
        return await answer_deadline(repo, turn, slots, lang)
    result = await repo.documents.search(query_from_slots(slots, turn, limit=SEARCH_LIMIT, lang=lang))
    if not result.hits and slots.topic and (named_period := _named_period(slots.period)) is not None:
        # "brugerundersøgelse i hjemmeplejen 2022", "budgetopfølgning juni 2023": the year or month may name
        # the subject ("… 2022", decided in 2023; the figures of June, reported in August), not the meeting;
        # asked as a word of the topic, it finds the item whatever its date.
        year, names = named_period
        as_topic = replace(slots, topic=f"{slots.topic} {year}", period=None)
        retried = await repo.documents.search(query_from_slots(as_topic, turn, limit=SEARCH_LIMIT, lang=lang))
        # Only items that name the year (and month) answer so ("budget til IT-kurser i 2024" is not the 2020
        # course budget).
        named = tuple(h for h in retried.hits if set(names) <= set(words(f"{h.item_title} {h.decision}")))
        retried = replace(retried, hits=named)
        if retried.hits:
            slots, result = as_topic, retried
    include_confidential = turn.scope is Scope.PERSONAL and turn.may_read_confidential
    next_steps = await repo.cases.next_steps(
        [h.item_id for h in result.hits[:1]], tenant_id=turn.tenant_id, include_confidential=include_confidential
    )
    if result.hits or not slots.topic or not _filtered(slots):
        return build_reply(result, slots, lang, next_steps=next_steps)
    # Nothing within the question's filters: say where the topic does stand (the best matches without
    # them), under their own heading, as a pointer, not as an answer — the results stay empty.
    unfiltered = replace(slots, period=None, meeting_kind=None, presenter=None, document_type=None)
    elsewhere = (await repo.documents.search(query_from_slots(unfiltered, turn, limit=PAGE, lang=lang))).hits
    return build_reply(result, slots, lang, outside=elsewhere)


async def more(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """The "Vis flere" button: the same answer with more hits listed (what was shown stays); also a close title's button."""
    payload = data.get("q")
    slots, lang = slots_from_payload(payload if isinstance(payload, dict) else {})
    slots, _ = await searchable(repo, turn, slots, lang)
    raw = data.get("shown")
    shown = max(0, min(raw, SEARCH_LIMIT)) if isinstance(raw, int) and not isinstance(raw, bool) else PAGE
    return await answer(repo, turn, slots, lang) if shown == 0 else build_reply(
        await repo.documents.search(query_from_slots(slots, turn, limit=SEARCH_LIMIT, lang=lang)), slots, lang, shown=shown)


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
        *cards.paragraphs(cards.truncate(hit.decision, 20_000)[0]),
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
