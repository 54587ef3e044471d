"""Agenda reminders in conversation: subscribe, unsubscribe, list, "næste møde", and the agenda card itself.

Subscriptions belong to the conversation they were asked for in (a channel, a group chat, a personal
chat); "påmind mig" in a channel subscribes the user's personal chat with the bot instead.
"""

from __future__ import annotations

from typing import Any

from dialogs import cards, texts
from dialogs.decisions import MEETING_KIND_NAMES
from dialogs.slots import Audience, MeetingKindSlots, NoSlots, SubscribeSlots
from dialogs.turn import Intent, Reply, Scope, Turn
from minutes.calendar import format_time, local_today
from minutes.committee import resolve_committee
from storage.reminders import AgendaView, Subscription
from storage.repository import Repository


def _bounded(value: int | None) -> int | None:
    """A lead time within two weeks (in days or minutes), else None: no reminder weeks ahead."""
    return value if value is not None and 0 <= value <= 60 * 24 * 14 else None


def _lead(s: Subscription, lang: str) -> str:
    return texts.lead_time(s.days_before, s.at, s.minutes_before, lang)


async def _stored_kind(repo: Repository, turn: Turn, kind: str | None) -> str | None:
    """A committee as said ("seniorudvalgets", "the Economy committee's", "SSU") as the store names it, as
    a decisions question resolves it; an MSO kind, or a committee with no documents yet, stays as said
    (``kind_key`` reads its genitive when its agendas arrive)."""
    if kind is None or kind in MEETING_KIND_NAMES:
        return kind
    return resolve_committee(kind, await repo.documents.meeting_kinds(tenant_id=turn.tenant_id)) or kind


async def subscribe(repo: Repository, turn: Turn, slots: SubscribeSlots, lang: str) -> Reply:
    """ "påmind os om rådmandsmøder dagen før kl. 14": subscribe this conversation (or the user's personal chat)."""
    kind = await _stored_kind(repo, turn, slots.meeting_kind)
    days_before = _bounded(slots.days_before)
    minutes_before = _bounded(slots.minutes_before)
    at = slots.at
    conversation_id = turn.conversation_id
    personal_instead = slots.who is Audience.ME and turn.scope is not Scope.PERSONAL
    if personal_instead:
        personal = await repo.conversations.personal_conversation(turn.tenant_id, turn.user_id)
        if personal is None:
            return Reply(text=texts.need_personal_chat(lang), intent=Intent.SUBSCRIBE)
        conversation_id = personal.conversation_id
    sub, created = await repo.reminders.subscribe(
        turn.tenant_id, conversation_id, kind, days_before=days_before, at=at, minutes_before=minutes_before,
        created_by=turn.user_id, lang=texts.known(lang), now=turn.now,
    )
    text = texts.subscribed(kind, _lead(sub, lang), lang, changed=not created, personal_instead=personal_instead)
    return Reply(text=text, intent=Intent.SUBSCRIBE, data={
        "subscription_id": sub.id, "conversation_id": conversation_id, "meeting_kind": kind,
        "days_before": sub.days_before, "at": sub.at, "minutes_before": sub.minutes_before, "created": created,
    })


async def unsubscribe(repo: Repository, turn: Turn, slots: MeetingKindSlots, lang: str) -> Reply:
    """ "stop påmindelser (om chefteammøder)": stop this conversation's reminders of one kind or all."""
    kind = await _stored_kind(repo, turn, slots.meeting_kind)
    count = await repo.reminders.unsubscribe(turn.tenant_id, turn.conversation_id, kind)
    return Reply(text=texts.unsubscribed(count, kind, lang), intent=Intent.UNSUBSCRIBE, data={"stopped": count})


async def list_subscriptions(repo: Repository, turn: Turn, slots: NoSlots, lang: str) -> Reply:
    """ "hvilke påmindelser har vi?": this conversation's active subscriptions."""
    subs = await repo.reminders.subscriptions(turn.tenant_id, turn.conversation_id)
    lines = [texts.subscriptions_heading(len(subs), lang)]
    lines += [texts.subscription_line(s.meeting_kind, _lead(s, lang), lang) for s in subs]
    return Reply(text="\n".join(lines), intent=Intent.LIST_SUBSCRIPTIONS, data={"subscriptions": [
        {"id": s.id, "meeting_kind": s.meeting_kind, "days_before": s.days_before, "at": s.at,
         "minutes_before": s.minutes_before} for s in subs]})


async def next_meeting(repo: Repository, turn: Turn, slots: MeetingKindSlots, lang: str) -> Reply:
    """ "hvad er på dagsordenen til næste rådmandsmøde?": the stored agenda of the next meeting."""
    kind = slots.meeting_kind
    view = await repo.reminders.next_agenda(turn.tenant_id, kind, today=local_today(turn.now))
    if view is None:
        return Reply(text=texts.no_meeting_ahead(kind, lang), intent=Intent.NEXT_MEETING, data={"meeting": None})
    confidential_ok = turn.scope is Scope.PERSONAL and turn.may_read_confidential
    reply = render_agenda(view, lang, include_confidential=confidential_ok)
    return Reply(reply.text, reply.card, Intent.NEXT_MEETING, reply.data)


# ---- the agenda --------------------------------------------------------------------------------------


def _date(view: AgendaView, lang: str) -> str:
    return texts.date_long(view.meeting.date, lang)


def _span(start: Any, end: Any, lang: str) -> str:
    return texts.time_span(format_time(start) if start else None, format_time(end) if end else None, lang)


def render_agenda(view: AgendaView, lang: str = texts.DEFAULT_LANGUAGE, *, include_confidential: bool = False,
                  reminder: bool = False) -> Reply:
    """The agenda of a meeting as a card with a plain-text fallback.

    Closed ("Lukket") items, and every item of a closed meeting, are left out unless
    ``include_confidential`` (only ever in a personal chat with an allowed reader); the card says how
    many were left out, never what they are.
    """
    m = view.meeting
    label = texts.agenda_label("agenda" if m.document_type.value == "agenda" else "minutes", lang)
    title = f"{label}: {m.meeting_kind or m.kind}"
    if reminder:
        title = f"{texts.agenda_label('reminder', lang)} – {title}"
    when = f"{_date(view, lang)} {_span(m.start, m.end, lang)}".strip()
    closed_meeting = m.confidential and not include_confidential
    shown = [] if closed_meeting else [i for i in m.items if include_confidential or not i.confidential]
    hidden = 0 if closed_meeting else len(m.items) - len(shown)

    lines = [title, f"{texts.agenda_label('when', lang)}: {when}"]
    if m.location:
        lines.append(f"{texts.agenda_label('where', lang)}: {m.location}")
    body: list[dict[str, Any]] = [
        cards.text_block(title, weight="Bolder", size="Large"),
        cards.fact_set([(texts.agenda_label("when", lang), when), (texts.agenda_label("where", lang), m.location or "")]),
    ]
    items_json: list[dict[str, Any]] = []
    if closed_meeting:
        lines.append(texts.agenda_label("closed_meeting", lang))
        body.append(cards.text_block(texts.agenda_label("closed_meeting", lang), isSubtle=True))
    elif not shown:
        lines.append(texts.agenda_label("no_items", lang))
        body.append(cards.text_block(texts.agenda_label("no_items", lang), isSubtle=True))
    for n, item in enumerate(shown):
        heading = texts.item_heading(item.number, item.title, lang)
        span = _span(item.start, item.end, lang)
        presenters = ", ".join(item.presenters)
        lines.append(f"{heading}" + (f" ({span})" if span else ""))
        if presenters:
            lines.append(f"   {texts.agenda_label('presenters', lang)}: {presenters}")
        blocks = [cards.text_block(heading, weight="Bolder")]
        facts = cards.fact_set([(texts.agenda_label("when", lang), span),
                                (texts.agenda_label("presenters", lang), presenters)])
        if facts["facts"]:
            blocks.append(facts)
        body.append(cards.container(blocks, separator=n == 0))
        items_json.append({"number": item.number, "title": item.title, "presenters": list(item.presenters),
                           "confidential": item.confidential or m.confidential,
                           "start": format_time(item.start) if item.start else None,
                           "end": format_time(item.end) if item.end else None})
    if hidden:
        lines.append(texts.closed_items_hidden(hidden, lang))
        body.append(cards.text_block(texts.closed_items_hidden(hidden, lang), isSubtle=True))
    if view.open_followups and view.previous_date and not closed_meeting:
        prev = texts.date_long(view.previous_date, lang)
        heading = f"{texts.agenda_label('followups', lang)} {prev}"
        lines.append(heading + ":")
        follow_blocks = [cards.text_block(heading, weight="Bolder")]
        for f in view.open_followups:
            extra = ", ".join(x for x in (
                f"{texts.agenda_label('owner', lang)}: {f.owner}" if f.owner else "",
                f"{texts.agenda_label('due', lang)}: {f.due.isoformat()}" if f.due else "") if x)
            line = f"- {f.text}" + (f" ({extra})" if extra else "")
            lines.append(line)
            follow_blocks.append(cards.text_block(line, spacing="Small"))
        body.append(cards.container(follow_blocks, separator=True))
    data = {"meeting": {"kind": m.meeting_kind, "date": m.date.isoformat(), "document_type": m.document_type.value,
                        "source": m.source,
                        "start": format_time(m.start) if m.start else None,
                        "end": format_time(m.end) if m.end else None, "location": m.location,
                        "items": items_json, "hidden_items": hidden,
                        "open_followups": [f.text for f in view.open_followups] if not closed_meeting else []}}
    return Reply(text="\n".join(lines), card=cards.card(body), intent=Intent.NEXT_MEETING, data=data)
