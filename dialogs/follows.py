"""Following in conversation: "følg emnet frisættelse", "hvad følger vi?", "stop med at følge …", and the card
that says new minutes or agendas are about something followed.

In a personal chat a follow is the person's (and its messages go to their personal chat); in a channel or
group chat it is the conversation's, as agenda reminders are. Matching happens in the store
(``storage.follows``), off the chat path; this module only talks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dialogs import cards, texts
from dialogs.recognizer import read_follow
from dialogs.slots import FollowKind, FollowSlots, NoSlots, UnfollowSlots
from dialogs.turn import Intent, Reply, Scope, Turn, locale_language
from minutes.text import content_terms
from storage.follows import Follow
from storage.reminders import OutboxEntry
from storage.repository import Repository
from storage.search import SearchHit

VERB_STOP = "follows.stop"
VERB_FOLLOW_CASE = "follows.case"  # the case timeline card's "Følg sagen"
VERB_WHOLE = "decisions.item"  # "Vis hele beslutningen" is the decisions dialog's whole-item button
MAX_SUBJECT = 200  # characters of a followed name, number or question
CARD_ITEMS = 10  # items shown on one card; the rest are counted
DECISION_PREVIEW = 400  # characters of a decision's first lines on the card
STOP_BUTTONS = 3


def _person(turn: Turn) -> str | None:
    """The AAD id a personal chat's follow belongs to; None in a channel or group chat (the conversation's)."""
    return turn.user_id if turn.scope is Scope.PERSONAL else None


def describe(kind: str, subject: str, lang: str) -> str:
    """ "emnet frisættelse", "Ældreudvalget", "sag 24/2316"."""
    return texts.text(f"follow.what_{kind}", lang, subject=subject)


def _digest(hour: int | None, lang: str) -> str:
    return texts.text("follow.digest", lang, hour=hour) if hour is not None else ""


async def follow(repo: Repository, turn: Turn, slots: FollowSlots, lang: str) -> Reply:
    """ "følg emnet frisættelse", "følg Ældreudvalget dagligt kl. 8", "følg sag 24/2316": make a follow."""
    subject = slots.subject.strip()[:MAX_SUBJECT]
    if not subject:
        return Reply(text=texts.text("follow.ask_what", lang), intent=Intent.FOLLOW)
    if slots.kind is FollowKind.TOPIC and not content_terms(subject):
        return Reply(text=texts.text("follow.not_a_topic", lang), intent=Intent.FOLLOW)
    person = _person(turn)
    made, created = await repo.follows.follow(
        turn.tenant_id, turn.conversation_id, person, slots.kind.value, subject, lang=lang,
        digest_hour=slots.digest_hour, created_by=turn.user_id, now=turn.now)
    what, digest = describe(made.kind, made.text, lang), _digest(made.digest_hour, lang)
    if not created:
        text = texts.text("follow.changed", lang, what=what, digest=digest)
    else:
        text = texts.text("follow.followed_person" if person else "follow.followed_conversation", lang, what=what,
                          digest=digest)
    return Reply(text=text, intent=Intent.FOLLOW, data={"follow": _json(made), "created": created})


def _json(f: Follow) -> dict[str, Any]:
    return {"id": f.id, "kind": f.kind, "subject": f.text, "digest_hour": f.digest_hour, "lang": f.lang,
            "personal": f.user_aad_id is not None}


async def list_follows(repo: Repository, turn: Turn, slots: NoSlots, lang: str) -> Reply:
    """ "hvad følger vi?", "what do I follow?": what this person (personal chat) or this chat follows."""
    person = _person(turn)
    found = await repo.follows.follows(turn.tenant_id, turn.conversation_id, person)
    if not found:
        return Reply(text=texts.text("follow.list_empty", lang), intent=Intent.LIST_FOLLOWS, data={"follows": []})
    lines = [texts.text("follow.list_heading_person" if person else "follow.list_heading_conversation", lang)]
    lines += [f"- {describe(f.kind, f.text, lang)}{_digest(f.digest_hour, lang)}" for f in found]
    body = [cards.text_block(lines[0], weight="Bolder")] + [cards.text_block(line, spacing="Small") for line in lines[1:]]
    actions = [_stop_button(f, lang) for f in found[:STOP_BUTTONS * 2]]
    return Reply(text="\n".join(lines), card=cards.card(body, actions), intent=Intent.LIST_FOLLOWS,
                 data={"follows": [_json(f) for f in found]})


async def unfollow(repo: Repository, turn: Turn, slots: UnfollowSlots, lang: str) -> Reply:
    """ "stop med at følge frisættelse" (one), "stop med at følge" (everything followed here)."""
    person = _person(turn)
    subject = slots.subject[:MAX_SUBJECT] if slots.subject else None
    stopped = await repo.follows.unfollow(turn.tenant_id, turn.conversation_id, person, subject)
    if subject is not None and not stopped:
        return Reply(text=texts.text("follow.not_followed", lang, subject=subject), intent=Intent.UNFOLLOW,
                     data={"stopped": 0})
    if not stopped:
        return Reply(text=texts.text("follow.nothing_to_stop", lang), intent=Intent.UNFOLLOW, data={"stopped": 0})
    if subject is None:
        text = texts.text("follow.unfollowed_all", lang, count=len(stopped))
    else:
        text = texts.text("follow.unfollowed", lang, what=", ".join(describe(f.kind, f.text, lang) for f in stopped))
    return Reply(text=text, intent=Intent.UNFOLLOW, data={"stopped": len(stopped)})


async def stop_button(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """The "Stop med at følge" button: ends that follow, if it is this person's or this chat's."""
    lang = texts.known(data.get("lang")) or locale_language(turn.locale)
    follow_id = data.get("follow_id")
    if not isinstance(follow_id, int) or isinstance(follow_id, bool):
        return Reply(text=texts.unknown_action(lang), intent=Intent.UNFOLLOW)
    stopped = await repo.follows.unfollow(turn.tenant_id, turn.conversation_id, _person(turn), follow_id=follow_id)
    if not stopped:
        return Reply(text=texts.text("follow.nothing_to_stop", lang), intent=Intent.UNFOLLOW, data={"stopped": 0})
    what = describe(stopped[0].kind, stopped[0].text, lang)
    return Reply(text=texts.text("follow.unfollowed", lang, what=what), intent=Intent.UNFOLLOW, data={"stopped": 1})


async def follow_case_button(repo: Repository, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """The case timeline card's "Følg sagen" button: follows that case just as "følg sag 24/2316" does."""
    lang = texts.known(data.get("lang")) or locale_language(turn.locale)
    number = data.get("case_number")
    slots = read_follow(f"sag {number[:MAX_SUBJECT]}") if isinstance(number, str) else None
    if slots is None or slots.kind is not FollowKind.CASE:  # read as the typed "følg sag …" is, or refused
        return Reply(text=texts.unknown_action(lang), intent=Intent.FOLLOW)
    return await follow(repo, turn, slots, lang)


def follow_case_action(case_number: str, lang: str) -> dict[str, Any]:
    """The "Følg sagen" button for a case card."""
    return cards.execute(texts.text("case.button_follow", lang), VERB_FOLLOW_CASE,
                         {"case_number": case_number, "lang": lang})


def _stop_button(f: Follow, lang: str) -> dict[str, Any]:
    return cards.execute(texts.text("follow.button_stop", lang, what=describe(f.kind, f.text, lang)), VERB_STOP,
                         {"follow_id": f.id, "lang": lang})


# ---- the message ------------------------------------------------------------------------------------


def _item_lines(hit: SearchHit, because: str, lang: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The text lines and the card container of one matched item."""
    heading = texts.item_heading(hit.item_number, hit.item_title, lang)
    meeting = texts.meeting_line(hit.meeting_kind, hit.meeting_date, lang)
    if hit.document_type == "agenda":
        status = texts.text("follow.on_agenda", lang, date=texts.date_long(hit.meeting_date, lang))
    else:
        status = texts.outcome_label(hit.outcome, lang)
    preview, cut = cards.truncate(hit.decision, DECISION_PREVIEW)
    lines = [heading, f"{meeting} · {status}"]
    if preview:
        lines.append(preview)
    lines += [texts.source_line(hit.source, lang), f"{texts.text('follow.because', lang)}: {because}"]
    blocks: list[dict[str, Any]] = [
        cards.text_block(heading, weight="Bolder"),
        cards.fact_set([(texts.decision_label("meeting", lang), meeting),
                        (texts.decision_label("outcome", lang), status),
                        (texts.decision_label("source", lang), hit.source),
                        (texts.text("follow.because", lang), because)]),
    ]
    if preview:
        blocks.append(cards.text_block(preview, spacing="Small"))
    if hit.decision and (cut or len(hit.decision) > len(preview)):
        blocks.append({"type": "ActionSet", "actions": [
            cards.execute(texts.text("follow.button_whole", lang), VERB_WHOLE, {"item_id": hit.item_id})]})
    return lines, blocks


def render_follow(hits: Sequence[tuple[SearchHit, list[Follow]]], lang: str, *, personal: bool,
                  more: int = 0) -> Reply:
    """The card of one batch (or one morning's digest): each matched item, what it matched, stop buttons."""
    title = texts.text("follow.card_title_person" if personal else "follow.card_title_conversation", lang)
    lines = [title]
    body: list[dict[str, Any]] = [cards.text_block(title, weight="Bolder", size="Large")]
    follows: dict[int, Follow] = {}
    items_json = []
    for n, (hit, matched) in enumerate(hits):
        because = ", ".join(describe(f.kind, f.text, lang) for f in matched)
        item_lines, blocks = _item_lines(hit, because, lang)
        lines += [""] + item_lines
        body.append(cards.container(blocks, separator=n > 0))
        follows.update((f.id, f) for f in matched)
        items_json.append({"item_id": hit.item_id, "meeting_kind": hit.meeting_kind,
                           "meeting_date": hit.meeting_date.isoformat(), "document_type": hit.document_type,
                           "item_number": hit.item_number, "item_title": hit.item_title, "source": hit.source,
                           "outcome": hit.outcome, "follows": [f.id for f in matched]})
    if more:
        extra = texts.text("follow.more_items", lang, count=more)
        lines.append(extra)
        body.append(cards.text_block(extra, isSubtle=True))
    actions = [_stop_button(f, lang) for f in list(follows.values())[:STOP_BUTTONS]]
    return Reply(text="\n".join(lines), card=cards.card(body, actions), intent=Intent.FOLLOW,
                 data={"items": items_json, "more": more})


async def matched_items(repo: Repository, entry: OutboxEntry) -> list[tuple[SearchHit, list[Follow]]]:
    """What a ``follow`` outbox row still has to say: its items still stored, for its follows still active.

    Closed items were never matched; they are checked again here all the same (include_confidential
    False), and an item a replacing ingest removed since is left out.
    """
    pairs: list[tuple[int, list[int]]] = []
    for pair in entry.payload.get("items") or []:
        if isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], int) and isinstance(pair[1], list):
            pairs.append((pair[0], [i for i in pair[1] if isinstance(i, int)]))
    active = {f.id: f for f in await repo.follows.active_follows(entry.tenant_id, (i for _, ids in pairs for i in ids))}
    shown: list[tuple[SearchHit, list[Follow]]] = []
    seen: set[int] = set()
    for item_id, ids in pairs:
        matched = [active[i] for i in dict.fromkeys(ids) if i in active]
        if not matched or item_id in seen:
            continue
        seen.add(item_id)
        hit = await repo.documents.visible_item(item_id, tenant_id=entry.tenant_id, include_confidential=False)
        if hit is not None:
            shown.append((hit, matched))
    return shown
