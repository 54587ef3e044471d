"""Every sentence the bot says, looked up by key in a catalogue per language.

The catalogues are the files ``dialogs/catalogue/<language>.toml`` (Danish first: ``da.toml`` is the
default and the reference; every other file must hold the same keys, which a test checks). Adding a
language is adding one file. Nested TOML tables become dotted keys (``followup.label.owner``);
placeholders are ``str.format`` fields.

The functions below take plain values and a language code and return text; nothing here knows about
Teams or the store. Grammar that differs between languages (a plural, a preposition) is in the
templates, not in ``if lang == …`` branches.
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

Lang = str  # a language code with a catalogue file: see ``languages()``
DEFAULT_LANGUAGE = "da"


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            out.update(_flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


@cache
def catalogues() -> Mapping[str, Mapping[str, Any]]:
    """Language code -> its flattened catalogue, read once from ``dialogs/catalogue/*.toml``."""
    found: dict[str, Mapping[str, Any]] = {}
    for entry in files("dialogs").joinpath("catalogue").iterdir():
        if entry.name.endswith(".toml"):
            found[entry.name.removesuffix(".toml")] = _flatten(tomllib.loads(entry.read_text(encoding="utf-8")))
    return found


@cache
def languages() -> tuple[str, ...]:
    """Every language the bot speaks, the default (Danish) first: one per catalogue file."""
    return (DEFAULT_LANGUAGE, *sorted(code for code in catalogues() if code != DEFAULT_LANGUAGE))


def known(lang: object) -> str | None:
    """``lang`` when it is a language the bot speaks (card data and stored values are checked so), else None."""
    return lang if isinstance(lang, str) and lang in catalogues() else None


def _entry(key: str, lang: Lang) -> Any:
    table = catalogues().get(lang) or catalogues()[DEFAULT_LANGUAGE]
    return table[key]


def text(key: str, lang: Lang, **fields: Any) -> str:
    """The text ``key`` in ``lang`` (the default language for an unknown code), filled with ``fields``."""
    template = str(_entry(key, lang))
    return template.format(**fields) if fields else template


def words(key: str, lang: Lang) -> list[str]:
    """A list entry of the catalogue (month names, weekday names)."""
    return list(_entry(key, lang))


def date_medium(d: date, lang: Lang) -> str:
    """"15. september 2023" / "15 September 2023" (a date in a one-line list)."""
    return text("date.medium", lang, day=d.day, month=words("date.months", lang)[d.month - 1], year=d.year)


def date_long(d: date, lang: Lang) -> str:
    """"fredag den 15. september 2023" / "Friday 15 September 2023"."""
    return text("date.long", lang, weekday=words("date.weekdays", lang)[d.weekday()], day=d.day,
                month=words("date.months", lang)[d.month - 1], year=d.year)


# ---- decisions -----------------------------------------------------------------------------------


def _value(outcome: str) -> str:
    return str(outcome.value) if isinstance(outcome, enum.Enum) else outcome


def outcome_lead(outcome: str, lang: Lang) -> str:
    """The sentence that says what kind of outcome an item had."""
    key = f"outcome.lead.{_value(outcome)}"
    return text(key, lang) if key in catalogues()[DEFAULT_LANGUAGE] else ""


def outcome_label(outcome: str, lang: Lang) -> str:
    """A short label for an item's outcome (card fact)."""
    key = f"outcome.label.{_value(outcome)}"
    return text(key, lang) if key in catalogues()[DEFAULT_LANGUAGE] else _value(outcome)


def decision_label(name: str, lang: Lang) -> str:
    """Card fact titles of a decision: "meeting", "outcome", "presenters", "source", "see_also"."""
    return text(f"decisions.label.{name}", lang)


def item_heading(number: str | None, title: str, lang: Lang) -> str:
    """"Punkt 2: Evaluering af Børneterapien" / "Item 2: …" (an indstilling has no number)."""
    return text("decisions.item_heading", lang, number=number, title=title) if number else title


def meeting_line(kind: str, d: date, lang: Lang) -> str:
    """"Rådmandsmøde, fredag den 15. september 2023"."""
    return text("decisions.meeting_line", lang, kind=kind, date=date_long(d, lang))


def source_line(source: str, lang: Lang) -> str:
    """Where the answer comes from."""
    return text("decisions.source_line", lang, source=source)


def related_line(kind: str, title: str, lang: Lang) -> str:
    """Points to the indstilling (or minutes) of the same meeting, named as people name it."""
    return text("decisions.related_line", lang, kind=kind, title=title)


def nothing_found(topic: str, lang: Lang, *, filtered: bool) -> str:
    """"Jeg fandt ingen beslutninger om cykelstier" – never a random hit instead."""
    topic = topic.strip() or text("decisions.topic_fallback", lang)
    return text("decisions.nothing_found_filtered" if filtered else "decisions.nothing_found", lang, topic=topic)


def suggestions_line(titles: list[str], lang: Lang) -> str:
    """Close topics, offered when nothing matched."""
    return text("decisions.suggestions", lang, titles="; ".join(titles))


def not_decided_lead(topic: str, lang: Lang) -> str:
    """Honesty: matches exist, but none of them is a decision."""
    return text("decisions.not_decided_lead", lang, topic=topic)


def corrected_line(corrections: dict[str, str], lang: Lang) -> str:
    """Says which words were read as typos."""
    return text("decisions.corrected", lang, pairs=", ".join(f"{a} → {b}" for a, b in corrections.items()))


def more_results(count: int, lang: Lang) -> str:
    """The "Vis flere" button title."""
    return text("decisions.more_results", lang, count=count)


def show_whole_item(lang: Lang) -> str:
    """The button that opens a truncated decision in full."""
    return text("decisions.show_whole_item", lang)


def deadline_answer(due: date, task: str, lang: Lang) -> str:
    """Answer to "hvornår er deadline for …" from a follow-up found in the minutes."""
    return text("decisions.deadline_answer", lang, date=date_long(due, lang), text=task)


def no_deadline_found(topic: str, lang: Lang) -> str:
    """No follow-up with a date matched the question."""
    return text("decisions.no_deadline_found", lang, topic=topic)


# ---- help and errors ---------------------------------------------------------------------------


def bullet_list(lines: list[str]) -> str:
    """Lines as a Markdown list, set off by a blank line so Teams shows it as a list, not one paragraph."""
    return "\n".join(f"- {line}" for line in lines)


def help_examples(lang: Lang) -> list[str]:
    """The example messages of the help."""
    return text("help.examples", lang).splitlines()


def help_text(lang: Lang) -> str:
    """What the bot can do, with examples (Markdown: a paragraph, a blank line, a list)."""
    return f"{text('help.greeting', lang)} {text('help.intro', lang)}\n\n{bullet_list(help_examples(lang))}"


def welcome_text(lang: Lang) -> str:
    """The welcome on install / when the bot is added: one greeting, then what the bot can do."""
    return f"{text('help.welcome', lang)} {text('help.intro', lang)}\n\n{bullet_list(help_examples(lang))}"


def not_understood(lang: Lang) -> str:
    """A message the recognizer could not place."""
    return text("help.not_understood", lang)


def apology(lang: Lang = DEFAULT_LANGUAGE) -> str:
    """Said when a turn failed inside the bot."""
    return text("help.apology", lang)


def unknown_action(lang: Lang) -> str:
    """A card button the bot does not know (an old card, a tampered payload)."""
    return text("help.unknown_action", lang)


# ---- follow-ups --------------------------------------------------------------------------------


def followup_ask_text(lang: Lang) -> str:
    """"opfølgning:" with nothing after it."""
    return text("followup.ask_text", lang)


def followup_ask_due(lang: Lang) -> str:
    """The question when a follow-up has no due date."""
    return text("followup.ask_due", lang)


def followup_ask_due_again(answer: str, lang: Lang) -> str:
    """The second (and last) question, when the answer was not a date the bot understands."""
    return text("followup.ask_due_again", lang, answer=answer)


def followup_due_not_understood(lang: Lang) -> str:
    """Given up on the due date: saved without one (never a guessed date)."""
    return text("followup.due_not_understood", lang)


def followup_created(followup_id: int, lang: Lang) -> str:
    """Headline of the confirmation."""
    return text("followup.created", lang, id=followup_id)


def followup_closed(followup_id: int, lang: Lang) -> str:
    """Headline after closing."""
    return text("followup.closed", lang, id=followup_id)


def followup_already_closed(followup_id: int, lang: Lang) -> str:
    """Closing twice."""
    return text("followup.already_closed", lang, id=followup_id)


def followup_not_found(followup_id: int | None, lang: Lang) -> str:
    """An id that does not exist, or not here (never says which: another tenant's ids stay private)."""
    if followup_id is None:
        return text("followup.which", lang)
    return text("followup.not_found", lang, id=followup_id)


def followup_item_not_found(ref: str, lang: Lang) -> str:
    """The text named a meeting item the bot could not find: saved without the link."""
    return text("followup.item_not_found", lang, ref=ref)


def followup_label(name: str, lang: Lang) -> str:
    """Card fact titles: "owner", "due", "item", "status", "origin"."""
    return text(f"followup.label.{name}", lang)


def followup_due_value(due: date | None, overdue: bool, lang: Lang) -> str:
    """"fredag den 15. december 2026" / "ingen frist", with the overdue marker."""
    if due is None:
        return text("followup.no_deadline", lang)
    return date_long(due, lang) + (text("followup.overdue_suffix", lang) if overdue else "")


def followup_overdue_mark(lang: Lang) -> str:
    """Prefix of an overdue line in a list."""
    return text("followup.overdue_mark", lang)


def followup_from_minutes(lang: Lang) -> str:
    """Where a follow-up extracted from ingested minutes came from."""
    return text("followup.from_minutes", lang)


def followup_button_close(lang: Lang) -> str:
    """The button that closes a follow-up."""
    return text("followup.button_close", lang)


def followup_button_due(lang: Lang) -> str:
    """The button that changes a follow-up's due date."""
    return text("followup.button_due", lang)


def _from_kind(meeting_kind: str | None, lang: Lang) -> str:
    return text("followup.list.from_kind", lang, kind=meeting_kind, kind_lower=meeting_kind.lower()) if meeting_kind else ""


def followup_list_heading(kind: str, count: int, lang: Lang, meeting_kind: str | None = None) -> str:
    """Heading of a list; ``kind`` is "mine", "overdue" or "open"."""
    head = text(f"followup.list.{kind}", lang) + _from_kind(meeting_kind, lang)
    return text("followup.list.count", lang, head=head, count=count)


def followup_list_empty(kind: str, lang: Lang, meeting_kind: str | None = None) -> str:
    """Nothing to list."""
    base = text(f"followup.list.empty_{kind}", lang)
    if meeting_kind:
        base += _from_kind(meeting_kind, lang)
    elif kind != "mine":
        base += text("followup.list.empty_here", lang)
    return base + "."


def followup_list_more(count: int, lang: Lang) -> str:
    """A list cut short."""
    return text("followup.list_more", lang, count=count)


def followup_reminder_due(followup_id: int, lang: Lang = DEFAULT_LANGUAGE) -> str:
    """Headline of the owner's reminder on the due date."""
    return text("followup.reminder_due", lang, id=followup_id)


def followup_reminder_overdue(followup_id: int, lang: Lang = DEFAULT_LANGUAGE) -> str:
    """Headline of the owner's reminder when a follow-up is overdue."""
    return text("followup.reminder_overdue", lang, id=followup_id)


def followup_due_unchanged(lang: Lang) -> str:
    """Given up on a new due date after "Ret frist": nothing changed."""
    return text("followup.due_unchanged", lang)


def followup_item_ref(number: str, meeting_kind: str | None, on: date | None, lang: Lang) -> str:
    """"punkt 2 på rådmandsmødet fredag den 9. januar 2026" (for a message about that reference)."""
    out = text("followup.item_ref", lang, number=number)
    if meeting_kind:
        out += text("followup.item_ref_kind", lang, kind=meeting_kind, kind_lower=meeting_kind.lower())
    if on:
        out += text("followup.item_ref_date", lang, date=date_long(on, lang))
    return out


def followup_button_start(lang: Lang) -> str:
    """The button under each decision on a search card."""
    return text("followup.button_start", lang)


def followup_ask_text_for_item(item: str, lang: Lang) -> str:
    """After "Opret opfølgning": what to follow up on ``item`` ("Rådmandsmøde … · Punkt 4: …")."""
    return text("followup.ask_text_for_item", lang, item=item)


def followup_ask_task_again(lang: Lang) -> str:
    """The answer to "Hvad skal der følges op på?" held no task (only a date, say)."""
    return text("followup.ask_task_again", lang)


def followup_item_unavailable(lang: Lang) -> str:
    """The button named an item this turn may not link to (absent, closed here, another tenant's)."""
    return text("followup.item_unavailable", lang)


def followup_item_gone(lang: Lang) -> str:
    """The item went away between the button and the task: saved without the link."""
    return text("followup.item_gone", lang)


# ---- reminders -----------------------------------------------------------------------------------


def reminder_kinds(kind: str | None, lang: Lang) -> str:
    """"rådmandsmøder" / "alle møder" – what a subscription covers."""
    if kind is None:
        return text("reminder.all_meetings", lang)
    plural = kind.lower().endswith(text("reminder.meeting_suffix", lang))
    return text("reminder.kind_plural" if plural else "reminder.kind_other", lang, kind=kind, kind_lower=kind.lower())


def lead_time(days_before: int | None, at: str | None, minutes_before: int | None, lang: Lang) -> str:
    """When a reminder comes: "arbejdsdagen før kl. 14:00", "1 time før", "2 working days before at 09:00"."""
    if minutes_before is not None and days_before is None:
        hours, minutes = divmod(minutes_before, 60)
        if hours and not minutes:
            return text("reminder.hour_before" if hours == 1 else "reminder.hours_before", lang, hours=hours)
        return text("reminder.minutes_before", lang, minutes=minutes_before)
    days = days_before if days_before is not None else 1
    clock = at or "14:00"
    if days == 1:
        return text("reminder.day_before", lang, clock=clock)
    return text("reminder.days_before", lang, days=days, clock=clock)


def subscribed(kind: str | None, lead: str, lang: Lang, *, changed: bool, personal_instead: bool) -> str:
    """Confirms a subscription (new, or its lead time changed)."""
    where = text("reminder.where_personal" if personal_instead else "reminder.where_here", lang)
    key = "reminder.subscription_changed" if changed else "reminder.subscribed"
    return text(key, lang, what=reminder_kinds(kind, lang), where=where, lead=lead)


def need_personal_chat(lang: Lang) -> str:
    """A personal reminder asked for in a channel by a user who never wrote to the bot privately."""
    return text("reminder.need_personal_chat", lang)


def unsubscribed(count: int, kind: str | None, lang: Lang) -> str:
    """Confirms "stop påmindelser"."""
    what = reminder_kinds(kind, lang)
    if count == 0:
        return text("reminder.none_of_kind", lang, what=what) if kind else text("reminder.none_here", lang)
    return text("reminder.unsubscribed", lang, what=what)


def subscriptions_heading(count: int, lang: Lang) -> str:
    """Heads the list of a conversation's subscriptions (or says there are none)."""
    return text("reminder.list_heading" if count else "reminder.list_empty", lang)


def subscription_line(kind: str | None, lead: str, lang: Lang) -> str:
    """One subscription in the list."""
    what = reminder_kinds(kind, lang)
    return f"- {what[:1].upper()}{what[1:]}: {lead}"


def no_meeting_ahead(kind: str | None, lang: Lang) -> str:
    """No stored agenda of that kind on or after today."""
    kind = kind or text("reminder.meeting_fallback", lang)
    return text("reminder.no_meeting_ahead", lang, kind=kind, kind_lower=kind.lower())


def agenda_label(key: str, lang: Lang) -> str:
    """A label of the agenda card."""
    return text(f"agenda.{key}", lang)


def closed_items_hidden(count: int, lang: Lang) -> str:
    """Says that closed ("Lukket") items were left out, without naming them."""
    return f"({count} {agenda_label('closed', lang)})"


def time_span(start: str | None, end: str | None, lang: Lang) -> str:
    """"kl. 08:30–09:30" / "08:30–09:30" / "" when the time is unknown."""
    if not start:
        return ""
    return text("date.time_span", lang, span=f"{start}–{end}" if end else start)


def case_heading(subject: str | None, number: str | None, lang: Lang) -> str:
    """The title of a case timeline: the case number asked for, or its subject."""
    if number:
        return text("case.heading_number", lang, number=number)
    return text("case.heading", lang, subject=subject or "")


def case_step(committee: str, d: date, lang: Lang) -> str:
    """One step's line in a case timeline: date and committee."""
    return text("case.step", lang, committee=committee, date=date_long(d, lang))


def case_latest(committee: str, d: date, outcome: str, lang: Lang) -> str:
    """Where a case stands: its newest step."""
    return text("case.latest", lang, committee=committee, date=date_long(d, lang), outcome=outcome_label(outcome, lang))


def case_next(committee: str, d: date, lang: Lang) -> str:
    """ "Sagen blev behandlet igen i Kommunalbestyrelsen onsdag den 21. februar 2024." """
    return text("case.next", lang, committee=committee, date=date_long(d, lang))


def case_nothing(topic: str | None, number: str | None, lang: Lang) -> str:
    """No case found for a number or a subject."""
    if number:
        return text("case.nothing_number", lang, number=number)
    return text("case.nothing", lang, topic=topic or "")
