"""Follow-ups by message: log, list, close, change the due date; the owner's reminder message.

The owner's reminders (outbox kinds ``followup_due`` and ``followup_overdue``) are rendered by
``render_reminder``, which ``dialogs.proactive`` calls for the scheduler: the text plus a card with the
buttons "Markér som løst" and "Ret frist" (they work in the owner's personal chat: the owner may
close and re-date their own follow-ups from anywhere in the tenant).

Behaviour (scoping rules in ``storage/followups.py``):

* Logging ("opfølgning: …", "follow-up: …"): owner = the first Teams @mention (name + AAD id), else
  a person named before the colon ("opfølgning @Jens Hansen: …" typed without a real mention), else
  the doer the task starts with ("Økonomi sender …"), else the sender. The due date comes from the
  text; without one the bot asks "Hvornår skal det være gjort?" and takes this user's next message
  here as the answer (dialog state in the store). "ingen frist" is an answer. An answer that is not
  understood is asked about once more with examples; after that the follow-up is saved without a
  due date (never a guessed one). A message that is clearly another request instead of an answer
  cancels the question, and the unfinished follow-up is dropped.
* "til punkt 2 på rådmandsmødet 9/1" links the follow-up to that item of this tenant (a closed
  item only in a personal chat of an allowed user); an item not found is said, and the follow-up is
  saved without the link.
* Lists: "åbne opfølgninger" — logged in this conversation (in a personal chat also the user's own
  from anywhere in the tenant); "mine opfølgninger" — owned by the user in any conversation of the
  tenant (plus the minutes' follow-ups whose owner is the user's name); "opfølgninger fra
  rådmandsmødet" — linked to items of that meeting kind: the minutes' own and the ones logged here;
  "forfaldne …" — only those past their due date. Sorted by due date (none last), overdue marked.
* Closing: "luk 12" / "færdig 12" / the button; only a follow-up visible here or owned by the user.
* From a decision card: "Opret opfølgning" (``VERB_START``, data {item_id, lang}) checks the item
  for this turn, asks "Hvad skal der følges op på?" (state ``PENDING_TEXT``), and the next message is
  logged on that item through ``log_followup`` (same owner and due-date rules, due question included).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
import secrets
from datetime import date, timedelta
from typing import Any

from dialogs import cards, texts
from dialogs.recognizer import THRESHOLD, Recognition, read_task, recognize
from dialogs.slots import CloseSlots, FollowUpListSlots, FollowUpSlots, ItemRef
from dialogs.turn import Intent, Reply, Scope, Turn, language
from minutes.calendar import local_today
from minutes.dates import is_no_deadline, parse_deadline
from minutes.model import FollowUpStatus
from storage.followups import FollowUpView, ItemLink, NewFollowUp, Viewer
from storage.repository import Repository

PENDING_DUE = "followup.due"  # dialog-state kind: waiting for a due date
PENDING_TEXT = "followup.text"  # dialog-state kind: waiting for the task of a follow-up on an item
VERB_START = "followup.start"  # "Opret opfølgning" on a decision card: data {item_id, lang}
VERB_CLOSE = "followup.close"
VERB_DUE = "followup.due"
VERB_ANSWER_TASK = "followup.answer_task"  # "Opret" under "Hvad skal der følges op på?": data {item…, lang, task}
TASK_INPUT = "task"  # the id of that question's text input
VERB_ANSWER_DUE = "followup.answer_due"  # the "Gem frist" button under a due question: data {token|id, lang, due}
DUE_INPUT = "due"  # the id of the due question's text input (its value arrives in the button's data)
# A question the bot asked expires: a message typed much later (another page load, the next day) is a
# new message, never a late answer that changes data.
PENDING_TTL = timedelta(minutes=10)
LIST_SHOWN = 10  # follow-ups on one list card
LIST_JSON = 50  # follow-ups in ``ask --json``
MAX_TEXT = 1_000  # characters of a follow-up's text kept


# ---- small helpers ------------------------------------------------------------------------------


def _payload_lang(turn: Turn, data: Mapping[str, Any]) -> str:
    return texts.known(data.get("lang")) or language(turn)


def viewer_of(turn: Turn) -> Viewer:
    """What this turn may see and change."""
    personal = turn.scope is Scope.PERSONAL
    return Viewer(
        tenant_id=turn.tenant_id,
        conversation_id=turn.conversation_id,
        user_id=turn.user_id,
        user_name=turn.user_name,
        personal=personal,
        include_confidential=personal and turn.may_read_confidential,
    )


_AT_TAG = re.compile(r"</?at>", re.IGNORECASE)
_AT_SIGN = re.compile(r"(?<!\w)@(?=\w)")
_LEADING_PREP = re.compile(r"^(?:til|for|to|assigned\s+to|ansvarlig)\s*:?\s+", re.IGNORECASE)


def _clean(text: str) -> str:
    """A task text without Teams mention markup ("<at>Jens</at>", "@Jens" -> "Jens")."""
    return re.sub(r"\s+", " ", _AT_SIGN.sub("", _AT_TAG.sub("", text))).strip()[:MAX_TEXT]


def _addressee(value: str | None) -> str | None:
    """A person named before the colon ("opfølgning @Jens Hansen: …"), when it looks like a name."""
    if value is None:
        return None
    name = _LEADING_PREP.sub("", _clean(value)).strip(" ,.;:-")
    words = name.split()
    if not words or len(words) > 5 or not all(w[:1].isupper() for w in words if w.lower() not in ("og", "and")):
        return None
    return name


def shown_number(view: FollowUpView) -> int:
    """The number users see and type: per team/chat for a logged follow-up; the minutes' own keep their id."""
    return view.number if view.number is not None else view.id


def item_json(link: ItemLink | None) -> dict[str, Any] | None:
    """The linked item in ``ask --json`` form."""
    if link is None:
        return None
    return {
        "item_id": link.item_id,
        "meeting_kind": link.meeting_kind,
        "meeting_date": link.meeting_date.isoformat(),
        "number": link.number,
        "title": link.title,
    }


def followup_json(view: FollowUpView, today: date | None = None) -> dict[str, Any]:
    """One follow-up in ``ask --json`` form."""
    out: dict[str, Any] = {
        "id": view.id,
        "number": shown_number(view),
        "text": view.text,
        "owner": view.owner,
        "due": view.due.isoformat() if view.due else None,
        "status": view.status,
        "item": item_json(view.item),
        "origin": view.origin,
    }
    if today is not None:
        out["overdue"] = view.overdue(today)
    return out


def _item_line(link: ItemLink, lang: str) -> str:
    return f"{texts.meeting_line(link.meeting_kind, link.meeting_date, lang)} · {texts.item_heading(link.number, link.title, lang)}"


def _facts(view: FollowUpView, today: date, lang: str) -> list[tuple[str, str]]:
    return [
        (texts.followup_label("owner", lang), view.owner or ""),
        (texts.followup_label("due", lang), texts.followup_due_value(view.due, view.overdue(today), lang)),
        (texts.followup_label("item", lang), _item_line(view.item, lang) if view.item else ""),
        (texts.followup_label("origin", lang), texts.followup_from_minutes(lang) if view.origin == "minutes" else ""),
    ]


def _buttons(view: FollowUpView, lang: str) -> list[dict[str, Any]]:
    if view.status != FollowUpStatus.OPEN:
        return []
    data = {"id": view.id, "lang": lang}
    return [
        cards.execute(texts.followup_button_close(lang), VERB_CLOSE, data),
        cards.execute(texts.followup_button_due(lang), VERB_DUE, data),
    ]


def followup_card(view: FollowUpView, headline: str, today: date, lang: str,
                  notes: tuple[str, ...] = ()) -> dict[str, Any]:
    """One follow-up as a card: headline, text, owner, due date, the two buttons."""
    facts = [(t, v) for t, v in _facts(view, today, lang) if v]
    body = [
        cards.text_block(headline, weight="Bolder", size="Medium"),
        cards.text_block(view.text),
        cards.fact_set(facts),
        *(cards.text_block(note, isSubtle=True) for note in notes),
    ]
    return cards.card(body, _buttons(view, lang))


def followup_reply(view: FollowUpView, headline: str, today: date, lang: str, intent: Intent,
                   notes: tuple[str, ...] = ()) -> Reply:
    """One follow-up as a confirmation: the card, and the same as text."""
    facts = [(t, v) for t, v in _facts(view, today, lang) if v]
    text = "\n".join([headline + ":", view.text, *(f"{t}: {v}" for t, v in facts), *notes])
    return Reply(text=text, card=followup_card(view, headline, today, lang, notes), intent=intent,
                 data={"followup": followup_json(view)})


def render_reminder(kind: str, followup: FollowUpView, lang: str = texts.DEFAULT_LANGUAGE) -> Reply:
    """The personal reminder to a follow-up's owner: ``kind`` is "followup_due" or "followup_overdue"."""
    headline = (
        texts.followup_reminder_overdue(shown_number(followup), lang)
        if kind == "followup_overdue"
        else texts.followup_reminder_due(shown_number(followup), lang)
    )
    # The day the reminder is about: the due date itself, or (overdue) the day after it.
    today = followup.due or date.min
    if kind == "followup_overdue" and followup.due is not None:
        today = followup.due + timedelta(days=1)
    return followup_reply(followup, headline, today, lang, Intent.LIST_FOLLOWUPS)


# ---- logging ------------------------------------------------------------------------------------


async def _meetings(repo: Repository, turn: Turn) -> dict[str, date]:
    return await repo.documents.next_meeting_dates(tenant_id=turn.tenant_id, after=local_today(turn.now))


async def _resolve_item(repo: Repository, turn: Turn, ref: ItemRef | None, lang: str) -> tuple[int | None, str | None]:
    """(item id, a note when the reference named no item this turn may link to)."""
    if ref is None or not ref.number:
        return None, None
    number, kind, on = ref.number, ref.meeting_kind, ref.date
    viewer = viewer_of(turn)
    link = await repo.followups.find_item(
        tenant_id=turn.tenant_id, meeting_kind=kind, number=number, on=on, today=local_today(turn.now),
        include_confidential=viewer.include_confidential,
    )
    if link is None:
        return None, texts.followup_item_not_found(texts.followup_item_ref(number, kind, on, lang), lang)
    return link.item_id, None


async def _create(repo: Repository, turn: Turn, draft: Mapping[str, Any], due: date | None, lang: str,
                  extra_notes: tuple[str, ...] = ()) -> Reply:
    view = await repo.followups.add_followup(
        NewFollowUp(
            tenant_id=turn.tenant_id,
            conversation_id=turn.conversation_id,
            text=str(draft["text"]),
            created_by=turn.user_id,
            owner=draft.get("owner"),
            owner_aad_id=draft.get("owner_aad_id"),
            due=due,
            item_id=draft.get("item_id") if isinstance(draft.get("item_id"), int) else None,
        ),
        now=turn.now,
    )
    notes = tuple(n for n in (draft.get("note"),) if isinstance(n, str)) + extra_notes
    return followup_reply(view, texts.followup_created(shown_number(view), lang), local_today(turn.now), lang,
                          Intent.ADD_FOLLOWUP, notes)


async def add(repo: Repository, turn: Turn, slots: FollowUpSlots, lang: str) -> Reply:
    """ "opfølgning: …": log it, or ask for the due date first."""
    text = _clean(slots.text)
    if not text:
        return Reply(text=texts.followup_ask_text(lang), intent=Intent.ADD_FOLLOWUP)
    item_id, note = await _resolve_item(repo, turn, slots.item_ref, lang)
    return await log_followup(repo, turn, slots, text, lang, item_id=item_id, note=note)


async def log_followup(repo: Repository, turn: Turn, slots: FollowUpSlots, text: str, lang: str, *,
                       item_id: int | None, note: str | None = None) -> Reply:
    """Log the task ``text`` (ADD_FOLLOWUP ``slots``) linked to ``item_id``, or ask for its due date first.

    The one path for every way a follow-up is made (a typed "opfølgning: …", the "Opret opfølgning"
    button): the owner rules of the module docstring, and without a due date in ``slots`` the question
    "Hvornår skal det være gjort?" with the draft in the store. ``item_id`` must already be checked
    as visible to this turn; ``note`` is said under the confirmation.
    """
    owner: str | None
    owner_aad: str | None
    mention = next((m for m in turn.mentions if m.name.strip()), None)
    if mention is not None:
        owner, owner_aad = mention.name.strip(), mention.aad_object_id
    elif (named := _addressee(slots.addressee)) is not None:
        owner, owner_aad = named, None
    elif slots.owner and slots.owner.strip():
        owner, owner_aad = _clean(slots.owner), None
    else:
        owner, owner_aad = (turn.user_name or None), (turn.user_id or None)
    draft = {"text": text, "owner": owner, "owner_aad_id": owner_aad, "item_id": item_id, "note": note}
    due = slots.due
    if due is None:
        token = secrets.token_urlsafe(8)
        await repo.conversations.set_pending_state(
            turn.tenant_id, turn.conversation_id, turn.user_id, PENDING_DUE,
            {"draft": draft, "asked": 1, "lang": lang, "token": token}, now=turn.now, ttl=PENDING_TTL,
        )
        question = texts.followup_ask_due(lang)
        body = [cards.text_block(question, weight="Bolder"), cards.text_block(text, isSubtle=True), _due_input(lang)]
        return Reply(text=question, card=cards.card(body, [_save_due_button({"token": token}, lang)]),
                     intent=Intent.ADD_FOLLOWUP, data={"question": "due"})
    return await _create(repo, turn, draft, due, lang)


def _due_input(lang: str) -> dict[str, Any]:
    return {"type": "Input.Text", "id": DUE_INPUT, "placeholder": texts.text("followup.due_placeholder", lang),
            "maxLength": 80, "label": texts.followup_label("due", lang)}


def _save_due_button(bound: dict[str, Any], lang: str) -> dict[str, Any]:
    """ "Gem frist": answers the question on this card (``bound`` names it: the draft's token or the id)."""
    return cards.execute(texts.text("followup.button_save_due", lang), VERB_ANSWER_DUE, {**bound, "lang": lang})


def is_command(rec: Recognition) -> bool:
    """True when a message is a complete request of its own: it is never read as the answer to a question."""
    return rec.intent is not Intent.UNKNOWN and rec.score >= THRESHOLD


async def answer_due(repo: Repository, turn: Turn, payload: Mapping[str, Any]) -> Reply | None:
    """The message after "Hvornår skal det være gjort?": a due date, "ingen frist", or not understood.

    A message that is a command of its own ("opfølgning: …", "luk 12", a question) is not an answer:
    the question is dropped (None: the message is handled as a new one), so no data changes by accident.
    """
    meetings = await _meetings(repo, turn)
    if is_command(recognize(turn.text, turn.now, meetings=meetings)):
        await repo.conversations.clear_pending_state(turn.tenant_id, turn.conversation_id, turn.user_id)
        return None
    return await _apply_due_answer(repo, turn, payload, turn.text.strip(), meetings)


async def _apply_due_answer(repo: Repository, turn: Turn, payload: Mapping[str, Any], answer: str,
                            meetings: Mapping[str, date]) -> Reply:
    lang = _payload_lang(turn, payload)
    due: date | None = None
    understood = is_no_deadline(answer)
    if not understood:
        due = parse_deadline(answer, turn.now, meetings=meetings)
        understood = due is not None
    who = (turn.tenant_id, turn.conversation_id, turn.user_id)
    if not understood:
        if int(payload.get("asked") or 1) < 2:
            await repo.conversations.set_pending_state(*who, PENDING_DUE, {**payload, "asked": 2}, now=turn.now, ttl=PENDING_TTL)
            question = texts.followup_ask_due_again(answer[:80], lang)
            bound = {"token": payload["token"]} if isinstance(payload.get("token"), str) else {"id": payload.get("id")}
            return Reply(text=question, card=cards.card([cards.text_block(question), _due_input(lang)],
                                                        [_save_due_button(bound, lang)]),
                         intent=Intent.ADD_FOLLOWUP, data={"question": "due"})
    await repo.conversations.clear_pending_state(*who)
    draft = payload.get("draft")
    if isinstance(draft, Mapping) and isinstance(draft.get("text"), str):
        notes = () if understood else (texts.followup_due_not_understood(lang),)
        return await _create(repo, turn, draft, due, lang, notes)
    followup_id = payload.get("id")
    if not isinstance(followup_id, int):
        return Reply(text=texts.unknown_action(lang), intent=Intent.ADD_FOLLOWUP)
    if not understood:
        return Reply(text=texts.followup_due_unchanged(lang), intent=Intent.ADD_FOLLOWUP)
    change = await repo.followups.set_followup_due(viewer_of(turn), followup_id, due, now=turn.now)
    return _change_reply(change.status, change.followup, followup_id, _due_changed_headline, turn, lang,
                         Intent.ADD_FOLLOWUP)


def _due_changed_headline(view: FollowUpView, lang: str) -> str:
    """Names what changed: "Fristen for opfølgning 16 'Plan sender høringssvar' er ændret til …"."""
    task = cards.truncate(view.text, 80)[0]
    if view.due is None:
        return texts.text("followup.due_removed", lang, id=shown_number(view), text=task)
    return texts.text("followup.due_changed", lang, id=shown_number(view), text=task,
                      date=texts.date_long(view.due, lang))


async def answer_due_button(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """ "Gem frist" under a due question: the answer typed into that card, for the follow-up that card is about.

    A new follow-up's question is bound by its token: only the question still open (not expired, not
    replaced) takes it. "Ret frist" names its follow-up by id, checked again for this turn.
    """
    lang = _payload_lang(turn, data)
    raw = data.get(DUE_INPUT)
    answer = raw.strip()[:200] if isinstance(raw, str) else ""
    meetings = await _meetings(repo, turn)
    token = data.get("token")
    if isinstance(token, str):
        state = await repo.conversations.pending_state(turn.tenant_id, turn.conversation_id, turn.user_id, now=turn.now)
        if state is None or state.kind != PENDING_DUE or state.payload.get("token") != token:
            return Reply(text=texts.text("followup.question_expired", lang), intent=Intent.ADD_FOLLOWUP)
        return await _apply_due_answer(repo, turn, state.payload, answer, meetings)
    followup_id = data.get("id")
    if not isinstance(followup_id, int) or isinstance(followup_id, bool):
        return Reply(text=texts.unknown_action(lang), intent=Intent.ADD_FOLLOWUP)
    state = await repo.conversations.pending_state(turn.tenant_id, turn.conversation_id, turn.user_id, now=turn.now)
    if state is not None and state.kind == PENDING_DUE and state.payload.get("id") == followup_id:
        return await _apply_due_answer(repo, turn, state.payload, answer, meetings)
    return await _apply_due_answer(repo, turn, {"id": followup_id, "asked": 1, "lang": lang}, answer, meetings)


# ---- closing and changing -----------------------------------------------------------------------


def _change_reply(status: str, view: FollowUpView | None, followup_id: int,
                  headline: Callable[[FollowUpView, str], str], turn: Turn, lang: str, intent: Intent) -> Reply:
    if status == "not_found" or view is None:
        return Reply(text=texts.followup_not_found(followup_id, lang), intent=intent, data={"followup": None})
    if status == "already_done":
        return Reply(text=texts.followup_already_closed(shown_number(view), lang), intent=intent,
                     data={"followup": followup_json(view)})
    return followup_reply(view, headline(view, lang), local_today(turn.now), lang, intent)


async def _close(repo: Repository, turn: Turn, followup_id: Any, lang: str, *, said: int | None = None) -> Reply:
    if not isinstance(followup_id, int) or isinstance(followup_id, bool):
        return Reply(text=texts.followup_not_found(None, lang), intent=Intent.CLOSE_FOLLOWUP, data={"followup": None})
    change = await repo.followups.close_followup(viewer_of(turn), followup_id, now=turn.now)
    return _change_reply(change.status, change.followup, followup_id if said is None else said,
                         lambda v, lg: texts.followup_closed(shown_number(v), lg), turn, lang, Intent.CLOSE_FOLLOWUP)


async def close(repo: Repository, turn: Turn, slots: CloseSlots, lang: str) -> Reply:
    """ "luk 12" / "færdig 12" / "close 12"."""
    if slots.id is None:
        return await _close(repo, turn, None, lang)
    # The number typed is the one this team/chat sees; a number not used here is read as before, as an id
    # (a follow-up from the minutes, or the user's own from elsewhere in a personal chat).
    numbered = await repo.followups.numbered_followup(viewer_of(turn), slots.id)
    return await _close(repo, turn, numbered.id if numbered else slots.id, lang, said=slots.id)


async def close_button(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """The "Markér som løst" button."""
    return await _close(repo, turn, data.get("id"), _payload_lang(turn, data))


async def due_button(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """The "Ret frist" button: the follow-up's card stays, with the question and a field for the new date under it.

    The answer comes from that field ("Gem frist", bound to this follow-up), or from the user's next
    message here within ``PENDING_TTL`` when that message is not a command of its own.
    """
    lang = _payload_lang(turn, data)
    followup_id = data.get("id")
    view = (
        await repo.followups.visible_followup(viewer_of(turn), followup_id)
        if isinstance(followup_id, int) and not isinstance(followup_id, bool)
        else None
    )
    if view is None or not isinstance(followup_id, int):
        return Reply(text=texts.followup_not_found(followup_id if isinstance(followup_id, int) else None, lang),
                     intent=Intent.ADD_FOLLOWUP)
    if view.status == FollowUpStatus.DONE:
        return Reply(text=texts.followup_already_closed(shown_number(view), lang), intent=Intent.ADD_FOLLOWUP)
    await repo.conversations.set_pending_state(
        turn.tenant_id, turn.conversation_id, turn.user_id, PENDING_DUE, {"id": view.id, "asked": 1, "lang": lang},
        now=turn.now, ttl=PENDING_TTL,
    )
    question = texts.text("followup.ask_due_for", lang, id=shown_number(view), text=cards.truncate(view.text, 80)[0])
    card = followup_card(view, texts.text("followup.heading", lang, id=shown_number(view)), local_today(turn.now), lang)
    card["body"].append(cards.container([cards.text_block(question, weight="Bolder"), _due_input(lang)],
                                        separator=True))
    card["actions"] = [_save_due_button({"id": view.id}, lang)]
    return Reply(text=question, card=card, intent=Intent.ADD_FOLLOWUP,
                 data={"question": "due", "followup": followup_json(view)})


# ---- listing ------------------------------------------------------------------------------------


def _line(view: FollowUpView, today: date, lang: str) -> str:
    parts = [f"{shown_number(view)}. {view.text}"]
    if view.owner:
        parts.append(f"{texts.followup_label('owner', lang)}: {view.owner}")
    parts.append(f"{texts.followup_label('due', lang)}: {texts.followup_due_value(view.due, False, lang)}")
    if view.item:
        parts.append(_item_line(view.item, lang))
    line = " – ".join(parts)
    return f"{texts.followup_overdue_mark(lang)} {line}" if view.overdue(today) else line


def _list_entry(view: FollowUpView, today: date, lang: str, first: bool) -> dict[str, Any]:
    overdue = view.overdue(today)
    title = f"{shown_number(view)}. {cards.truncate(view.text, 300)[0]}"
    blocks: list[dict[str, Any]] = [
        cards.text_block(title, weight="Bolder", **({"color": "Attention"} if overdue else {})),
        cards.fact_set([(t, v) for t, v in _facts(view, today, lang) if v]),
    ]
    if view.status == FollowUpStatus.OPEN:
        blocks.append({"type": "ActionSet", "actions": _buttons(view, lang)[:1]})
    return cards.container(blocks, separator=not first)


async def list_(repo: Repository, turn: Turn, slots: FollowUpListSlots, lang: str) -> Reply:
    """ "mine opfølgninger", "åbne opfølgninger", "opfølgninger fra rådmandsmødet", "forfaldne …"."""
    today = local_today(turn.now)
    mine, overdue, kind_name = slots.mine, slots.overdue, slots.meeting_kind
    views = await repo.followups.list_followups(viewer_of(turn), today=today, mine=mine, overdue=overdue, meeting_kind=kind_name)
    kind = "overdue" if overdue else "mine" if mine else "open"
    data = {"followups": [followup_json(v, today) for v in views[:LIST_JSON]]}
    pointer = await _created_pointer(repo, turn, views, lang) if kind == "mine" and not kind_name else None
    if not views:
        text = texts.followup_list_empty(kind, lang, kind_name)
        card_body = [cards.text_block(text)]
        if pointer:
            text += " " + pointer
            card_body.append(cards.text_block(pointer, spacing="Small"))
        return Reply(text=text, card=cards.card(card_body), intent=Intent.LIST_FOLLOWUPS, data=data)
    heading = texts.followup_list_heading(kind, len(views), lang, kind_name)
    shown = views[:LIST_SHOWN]
    lines = [heading, *(_line(v, today, lang) for v in shown)]
    body: list[dict[str, Any]] = [cards.text_block(heading, weight="Bolder", size="Medium")]
    body.extend(_list_entry(v, today, lang, i == 0) for i, v in enumerate(shown))
    if len(views) > len(shown):
        more = texts.followup_list_more(len(views) - len(shown), lang)
        lines.append(more)
        body.append(cards.text_block(more, isSubtle=True))
    if pointer:
        lines.append(pointer)
        body.append(cards.text_block(pointer, isSubtle=True, separator=True))
    return Reply(text="\n".join(lines), card=cards.card(body), intent=Intent.LIST_FOLLOWUPS, data=data)


async def _created_pointer(repo: Repository, turn: Turn, owned: list[FollowUpView], lang: str) -> str | None:
    """ "Du har oprettet 1 (#13) – skriv *åbne opfølgninger*": the open follow-ups this user logged here
    for someone else, which "mine" (what the user is responsible for) does not list."""
    owned_ids = {v.id for v in owned}
    here = await repo.followups.list_followups(viewer_of(turn), today=local_today(turn.now))
    created = [v for v in here if v.created_by == turn.user_id and v.id not in owned_ids]
    if not created:
        return None
    ids = ", ".join(f"#{shown_number(v)}" for v in created[:5]) + (" …" if len(created) > 5 else "")
    key = "followup.list.created_also" if owned else "followup.list.created_by_you"
    return texts.text(key, lang, count=len(created), ids=ids)


# ---- from a decision card ("Opret opfølgning") -----------------------------------------------------
#
# The button carries only {item_id, lang}; card data is user-controlled, so the item is looked up
# again for this turn (its tenant; a closed item only in a personal chat of an allowed reader) when
# the button is pressed and again when the task arrives. An item the turn may not see gets the same
# sentence as one that does not exist: the answer must not tell the two apart.

STRONG_QUESTION = 0.9  # a decisions cue this strong is a question, not a task


async def _linkable_item(repo: Repository, turn: Turn, item_id: Any) -> ItemLink | None:
    """The item ``item_id`` names, when this turn may link a follow-up to it; else None."""
    if not isinstance(item_id, int) or isinstance(item_id, bool) or item_id <= 0:
        return None
    return await repo.followups.item_link(item_id, tenant_id=turn.tenant_id,
                                include_confidential=viewer_of(turn).include_confidential)


def _item_identity(link: ItemLink) -> dict[str, Any]:
    """What names an item beyond its row id (kept with the question; see ``_same_item``)."""
    return {"item_id": link.item_id, "meeting_kind": link.meeting_kind, "meeting_date": link.meeting_date.isoformat(),
            "number": link.number, "title": link.title}


async def _same_item(repo: Repository, turn: Turn, payload: Mapping[str, Any]) -> ItemLink | None:
    """The item the question was about, if it is still there and this turn may still link to it.

    Corrected minutes replace a meeting's rows, and SQLite hands a freed row id to the next item:
    the id alone may now name another item. The item is taken by id when it is still the same one
    (meeting, number, title), else found again by its number on that meeting with the same title.
    """
    def same(link: ItemLink) -> bool:
        identity = _item_identity(link)
        return all(identity[key] == payload.get(key) for key in ("meeting_kind", "meeting_date", "number", "title"))

    link = await _linkable_item(repo, turn, payload.get("item_id"))
    if link is not None and same(link):
        return link
    number, kind, day = payload.get("number"), payload.get("meeting_kind"), payload.get("meeting_date")
    if not (isinstance(number, str) and isinstance(kind, str) and isinstance(day, str)):
        return None
    again = await repo.followups.find_item(tenant_id=turn.tenant_id, meeting_kind=kind, number=number,
                                 on=date.fromisoformat(day), today=local_today(turn.now),
                                 include_confidential=viewer_of(turn).include_confidential)
    return again if again is not None and same(again) else None


def _is_new_request(rec: Recognition, text: str) -> bool:
    """True when a message that should be a task is clearly another request instead.

    A task may well speak of decisions ("undersøg hvad der blev besluttet om klippekort"): a
    decisions question cancels only when it is asked outright (a strong cue, or a question mark).
    """
    if rec.intent in (Intent.UNKNOWN, Intent.ADD_FOLLOWUP) or rec.score < THRESHOLD:
        return False
    return rec.intent is not Intent.DECISIONS or rec.score >= STRONG_QUESTION or text.rstrip().endswith("?")


async def start_button(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """The "Opret opfølgning" button on a decision: a card that names the item and asks what to follow up.

    The task is typed into the card's field ("Opret", bound to that item) or as the user's next message
    here within ``PENDING_TTL``. A card, not a bare message: Teams shows a bare invoke answer as a
    small notice that goes away.
    """
    lang = _payload_lang(turn, data)
    link = await _linkable_item(repo, turn, data.get("item_id"))
    if link is None:
        return Reply(text=texts.followup_item_unavailable(lang), intent=Intent.ADD_FOLLOWUP, data={"item": None})
    await repo.conversations.set_pending_state(
        turn.tenant_id, turn.conversation_id, turn.user_id, PENDING_TEXT, {**_item_identity(link), "lang": lang},
        now=turn.now, ttl=PENDING_TTL,
    )
    question = texts.followup_ask_text_for_item(_item_line(link, lang), lang)
    # The card replaces the one the button was on (Action.Execute): it keeps the decision in view.
    hit = await repo.documents.visible_item(link.item_id, tenant_id=turn.tenant_id,
                                            include_confidential=viewer_of(turn).include_confidential)
    decision = cards.paragraphs(cards.truncate(hit.decision)[0]) if hit is not None and hit.decision else []
    body = [
        cards.text_block(texts.item_heading(link.number, link.title, lang), weight="Bolder", size="Medium"),
        cards.text_block(texts.meeting_line(link.meeting_kind, link.meeting_date, lang), isSubtle=True, spacing="Small"),
        *decision,
        cards.container(cards.paragraphs(question, weight="Bolder"), separator=True),
        {"type": "Input.Text", "id": TASK_INPUT, "isMultiline": True, "maxLength": MAX_TEXT,
         "label": texts.text("followup.task_label", lang),
         "placeholder": texts.text("followup.task_placeholder", lang)},
    ]
    button = cards.execute(texts.text("followup.button_create", lang), VERB_ANSWER_TASK,
                           {**_item_identity(link), "lang": lang})
    return Reply(text=question, card=cards.card(body, [button]), intent=Intent.ADD_FOLLOWUP,
                 data={"question": "text", "item": item_json(link)})


async def answer_task_button(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """ "Opret" under "Hvad skal der følges op på?": the task typed into that card, on the item that card names."""
    lang = _payload_lang(turn, data)
    raw = data.get(TASK_INPUT)
    task = raw.strip()[:MAX_TEXT] if isinstance(raw, str) else ""
    meetings = await _meetings(repo, turn)
    await repo.conversations.clear_pending_state(turn.tenant_id, turn.conversation_id, turn.user_id)
    return await _log_task(repo, turn, data, read_task(task, turn.now, meetings=meetings), lang)


async def answer_text(repo: Repository, turn: Turn, payload: Mapping[str, Any]) -> Reply | None:
    """The message after "Hvad skal der følges op på?": the task, logged as a follow-up on the item.

    "opfølgning: …" typed in full is taken as the answer too; a message that is clearly another
    request cancels the question (None: handled as a new message).
    """
    lang = _payload_lang(turn, payload)
    meetings = await _meetings(repo, turn)
    who = (turn.tenant_id, turn.conversation_id, turn.user_id)
    rec = recognize(turn.text, turn.now, meetings=meetings)
    if isinstance(rec.slots, FollowUpSlots) and rec.score >= THRESHOLD:
        slots = rec.slots
    elif _is_new_request(rec, turn.text):
        await repo.conversations.clear_pending_state(*who)
        return None
    else:
        slots = read_task(turn.text, turn.now, meetings=meetings)
    if _clean(slots.text):
        await repo.conversations.clear_pending_state(*who)
    return await _log_task(repo, turn, payload, slots, lang)


async def _log_task(repo: Repository, turn: Turn, payload: Mapping[str, Any], slots: FollowUpSlots,
                    lang: str) -> Reply:
    """Log the task of ``slots`` on the item ``payload`` names (checked again for this turn)."""
    text = _clean(slots.text)
    if not text:
        return Reply(text=texts.followup_ask_task_again(lang), intent=Intent.ADD_FOLLOWUP,
                     data={"question": "text"})
    link = await _same_item(repo, turn, payload)
    note = None if link is not None else texts.followup_item_gone(lang)
    return await log_followup(repo, turn, slots, text, lang, item_id=link.item_id if link else None, note=note)
