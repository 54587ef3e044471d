"""Every sentence the bot says, Danish first, English where the user writes English.

Functions take plain values and a language code ("da" | "en") and return text; nothing here knows
about Teams or the store.
"""

from __future__ import annotations

from datetime import date

from minutes.calendar import format_date_da, format_date_en

Lang = str  # "da" | "en"


def date_long(d: date, lang: Lang) -> str:
    """"fredag den 15. september 2023" / "Friday 15 September 2023"."""
    return format_date_en(d) if lang == "en" else format_date_da(d)


# ---- decisions -----------------------------------------------------------------------------------

OUTCOME_LEAD: dict[str, dict[str, str]] = {
    "da": {
        "decided": "Beslutning",
        "noted": "Orienteringen blev taget til efterretning",
        "discussed": "Punktet blev kun drøftet – der blev ikke truffet en beslutning",
        "postponed": "Punktet blev udsat",
        "none": "Punktet er endnu ikke behandlet (dagsorden)",
    },
    "en": {
        "decided": "Decision",
        "noted": "The item was noted (taken for information)",
        "discussed": "The item was only discussed – no decision was made",
        "postponed": "The item was postponed",
        "none": "The item has not been dealt with yet (agenda)",
    },
}

OUTCOME_LABEL: dict[str, dict[str, str]] = {
    "da": {"decided": "Besluttet", "noted": "Taget til efterretning", "discussed": "Kun drøftet",
           "postponed": "Udsat", "none": "Ikke behandlet endnu"},
    "en": {"decided": "Decided", "noted": "Noted", "discussed": "Discussed only", "postponed": "Postponed",
           "none": "Not dealt with yet"},
}


def outcome_lead(outcome: str, lang: Lang) -> str:
    """The sentence that says what kind of outcome an item had."""
    return OUTCOME_LEAD.get(lang, OUTCOME_LEAD["da"]).get(outcome, "")


def outcome_label(outcome: str, lang: Lang) -> str:
    """A short label for an item's outcome (card fact)."""
    return OUTCOME_LABEL.get(lang, OUTCOME_LABEL["da"]).get(outcome, outcome)


def item_heading(number: str | None, title: str, lang: Lang) -> str:
    """"Punkt 2: Evaluering af Børneterapien" / "Item 2: …" (an indstilling has no number)."""
    if not number:
        return title
    return f"{'Item' if lang == 'en' else 'Punkt'} {number}: {title}"


def meeting_line(kind: str, d: date, lang: Lang) -> str:
    """"Rådmandsmøde, fredag den 15. september 2023"."""
    return f"{kind}, {date_long(d, lang)}"


def source_line(source: str, lang: Lang) -> str:
    """Where the answer comes from."""
    return f"{'Source' if lang == 'en' else 'Kilde'}: {source}"


def related_line(kind: str, title: str, source: str, lang: Lang) -> str:
    """Points to the indstilling (or minutes) of the same meeting."""
    return f"{'See also' if lang == 'en' else 'Se også'}: {kind} – {title} ({source})"


def nothing_found(topic: str, lang: Lang, *, filtered: bool) -> str:
    """"Jeg fandt ingen beslutninger om cykelstier" – never a random hit instead."""
    topic = topic.strip() or ("that" if lang == "en" else "det")
    if lang == "en":
        return f"I found no decisions about {topic}" + (" with those filters." if filtered else ".")
    return f"Jeg fandt ingen beslutninger om {topic}" + (" med de afgrænsninger." if filtered else ".")


def found_outside_filters(meeting: str, item: str, lang: Lang) -> str:
    """Points to where the topic stands when the question's filters left nothing."""
    if lang == "en":
        return f"Without those filters I found: {meeting} – {item}."
    return f"Uden de afgrænsninger fandt jeg: {meeting} – {item}."


def suggestions_line(titles: list[str], lang: Lang) -> str:
    """Close topics, offered when nothing matched."""
    joined = "; ".join(titles)
    return f"Close topics: {joined}" if lang == "en" else f"Måske mente du: {joined}"


def not_decided_lead(topic: str, lang: Lang) -> str:
    """Honesty: matches exist, but none of them is a decision."""
    if lang == "en":
        return f"Nothing has been decided about {topic} – but it was on the agenda:"
    return f"Der er ikke truffet en beslutning om {topic} – men emnet har været på dagsordenen:"


def corrected_line(corrections: dict[str, str], lang: Lang) -> str:
    """Says which words were read as typos."""
    pairs = ", ".join(f"{a} → {b}" for a, b in corrections.items())
    return f"(Searched for: {pairs})" if lang == "en" else f"(Søgte på: {pairs})"


def more_results(count: int, lang: Lang) -> str:
    """The "Vis flere" button title."""
    return f"Show more ({count})" if lang == "en" else f"Vis flere ({count})"


def show_whole_item(lang: Lang) -> str:
    """The button that opens a truncated decision in full."""
    return "Show the whole item" if lang == "en" else "Vis hele punktet"


def deadline_answer(due: date, text: str, lang: Lang) -> str:
    """Answer to "hvornår er deadline for …" from a follow-up found in the minutes."""
    if lang == "en":
        return f"Deadline: {date_long(due, lang)} – {text}"
    return f"Deadline: {date_long(due, lang)} – {text}"


def no_deadline_found(topic: str, lang: Lang) -> str:
    """No follow-up with a date matched the question."""
    if lang == "en":
        return f"I found no deadline for {topic} in the minutes."
    return f"Jeg fandt ingen deadline for {topic} i referaterne."


# ---- help and errors ---------------------------------------------------------------------------

HELP = {
    "da": (
        "Hej! Jeg kender referaterne fra rådmandsmøder og chefteammøder. Prøv fx:\n"
        "- hvad blev besluttet om frisættelse?\n"
        "- hvad besluttede chefteamet om budget i 2021?\n"
        "- opfølgning: Økonomi sender notat senest uge 45 @Navn\n"
        "- mine opfølgninger · luk 12\n"
        "- hvad er på dagsordenen til næste rådmandsmøde?\n"
        "- påmind os om rådmandsmøder dagen før kl. 14 · stop påmindelser"
    ),
    "en": (
        "Hi! I know the minutes of the Rådmandsmøder and Chefteammøder. Try:\n"
        "- what was decided about frisættelse?\n"
        "- follow-up: Finance sends the memo by next Friday\n"
        "- my follow-ups · close 12\n"
        "- next meeting · remind this channel about Rådmandsmøde 1 day before"
    ),
}

WELCOME = {
    "da": "Tak fordi I tilføjede Referatbot! " + HELP["da"].split("\n", 1)[1],
    "en": "Thanks for adding Referatbot! " + HELP["en"].split("\n", 1)[1],
}


def help_text(lang: Lang) -> str:
    """What the bot can do, with examples."""
    return HELP.get(lang, HELP["da"])


def welcome_text(lang: Lang) -> str:
    """The short welcome on install / when the bot is added."""
    return "Velkommen! " + help_text("da") if lang != "en" else "Welcome! " + help_text("en")


def not_understood(lang: Lang) -> str:
    """A message the recognizer could not place."""
    if lang == "en":
        return "Sorry, I did not understand that. Write 'help' to see what I can do."
    return "Det forstod jeg desværre ikke. Skriv 'hjælp' for at se, hvad jeg kan."


def apology(lang: Lang = "da") -> str:
    """Said when a turn failed inside the bot."""
    if lang == "en":
        return "Sorry, something went wrong on my side. Please try again in a moment."
    return "Beklager, der gik noget galt hos mig. Prøv igen om lidt."


def unknown_action(lang: Lang) -> str:
    """A card button the bot does not know (an old card, a tampered payload)."""
    return "That button is no longer valid." if lang == "en" else "Den knap virker ikke længere."


# ---- follow-ups --------------------------------------------------------------------------------

def _da_en(lang: Lang, da: str, en: str) -> str:
    return en if lang == "en" else da


def followup_ask_text(lang: Lang) -> str:
    """"opfølgning:" with nothing after it."""
    return _da_en(
        lang,
        "Hvad skal der følges op på? Skriv fx: opfølgning: Økonomi sender notat til chefteamet senest uge 45",
        "What should be followed up? For example: follow-up: Finance sends the memo by next Friday",
    )


def followup_ask_due(lang: Lang) -> str:
    """The question when a follow-up has no due date."""
    return _da_en(lang, "Hvornår skal det være gjort? (Svar fx 'fredag', 'uge 45' eller 'ingen frist'.)",
                  "When should it be done? (Answer e.g. 'Friday', 'week 45' or 'no deadline'.)")


def followup_ask_due_again(answer: str, lang: Lang) -> str:
    """The second (and last) question, when the answer was not a date the bot understands."""
    return _da_en(
        lang,
        f"Jeg forstod ikke '{answer}' som en dato. Hvornår skal det være gjort? "
        "Skriv fx '15/12', 'næste fredag', 'uge 2', 'om to uger' eller 'ingen frist'.",
        f"I did not understand '{answer}' as a date. When should it be done? "
        "Write e.g. '15/12', 'next Friday', 'week 2', 'in two weeks' or 'no deadline'.",
    )


def followup_due_not_understood(lang: Lang) -> str:
    """Given up on the due date: saved without one (never a guessed date)."""
    return _da_en(lang, "Den dato forstod jeg heller ikke, så opfølgningen er gemt uden frist. "
                        "Tryk 'Ret frist' for at sætte en.",
                  "I did not understand that date either, so the follow-up is saved without a deadline. "
                  "Press 'Change deadline' to set one.")


def followup_created(followup_id: int, lang: Lang) -> str:
    """Headline of the confirmation."""
    return _da_en(lang, f"Opfølgning {followup_id} er oprettet", f"Follow-up {followup_id} is logged")


def followup_due_changed(followup_id: int, lang: Lang) -> str:
    """Headline after "Ret frist"."""
    return _da_en(lang, f"Fristen for opfølgning {followup_id} er ændret",
                  f"The deadline of follow-up {followup_id} is changed")


def followup_closed(followup_id: int, lang: Lang) -> str:
    """Headline after closing."""
    return _da_en(lang, f"Opfølgning {followup_id} er markeret som løst", f"Follow-up {followup_id} is marked as done")


def followup_already_closed(followup_id: int, lang: Lang) -> str:
    """Closing twice."""
    return _da_en(lang, f"Opfølgning {followup_id} er allerede løst.", f"Follow-up {followup_id} is already done.")


def followup_not_found(followup_id: int | None, lang: Lang) -> str:
    """An id that does not exist, or not here (never says which: another tenant's ids stay private)."""
    if followup_id is None:
        return _da_en(lang, "Hvilken opfølgning? Skriv fx 'luk 12'.", "Which follow-up? Write e.g. 'close 12'.")
    return _da_en(
        lang,
        f"Jeg kan ikke finde opfølgning {followup_id} her. Skriv 'åbne opfølgninger' for at se listen.",
        f"I cannot find follow-up {followup_id} here. Write 'open follow-ups' to see the list.",
    )


def followup_item_not_found(ref: str, lang: Lang) -> str:
    """The text named a meeting item the bot could not find: saved without the link."""
    return _da_en(lang, f"Jeg fandt ikke {ref} – opfølgningen er gemt uden link til et punkt.",
                  f"I did not find {ref} – the follow-up is saved without a link to an item.")


def followup_label(name: str, lang: Lang) -> str:
    """Card fact titles: "owner", "due", "item", "status", "id"."""
    labels = {
        "owner": ("Ansvarlig", "Owner"),
        "due": ("Frist", "Deadline"),
        "item": ("Møde", "Meeting"),
        "status": ("Status", "Status"),
        "origin": ("Kilde", "Source"),
    }
    da, en = labels[name]
    return _da_en(lang, da, en)


def followup_due_value(due: date | None, overdue: bool, lang: Lang) -> str:
    """"fredag den 15. december 2026" / "ingen frist", with the overdue marker."""
    if due is None:
        return _da_en(lang, "ingen frist", "no deadline")
    text = date_long(due, lang)
    return text + _da_en(lang, " – forfalden", " – overdue") if overdue else text


def followup_overdue_mark(lang: Lang) -> str:
    """Prefix of an overdue line in a list."""
    return _da_en(lang, "⚠ FORFALDEN", "⚠ OVERDUE")


def followup_status(status: str, lang: Lang) -> str:
    """"åben" / "løst"."""
    return _da_en(lang, "løst", "done") if status == "done" else _da_en(lang, "åben", "open")


def followup_from_minutes(lang: Lang) -> str:
    """Where a follow-up extracted from ingested minutes came from."""
    return _da_en(lang, "referatet", "the minutes")


def followup_button_close(lang: Lang) -> str:
    """The button that closes a follow-up."""
    return _da_en(lang, "Markér som løst", "Mark as done")


def followup_button_due(lang: Lang) -> str:
    """The button that changes a follow-up's due date."""
    return _da_en(lang, "Ret frist", "Change deadline")


def followup_list_heading(kind: str, count: int, lang: Lang, meeting_kind: str | None = None) -> str:
    """Heading of a list; ``kind`` is "mine", "overdue" or "open"."""
    what = {
        "mine": ("Dine åbne opfølgninger", "Your open follow-ups"),
        "overdue": ("Forfaldne opfølgninger", "Overdue follow-ups"),
        "open": ("Åbne opfølgninger", "Open follow-ups"),
    }[kind]
    head = _da_en(lang, *what)
    if meeting_kind:
        head += _da_en(lang, f" fra {meeting_kind.lower()}r", f" from the {meeting_kind}")
    return f"{head} ({count})"


def followup_list_empty(kind: str, lang: Lang, meeting_kind: str | None = None) -> str:
    """Nothing to list."""
    if kind == "mine":
        base = _da_en(lang, "Du har ingen åbne opfølgninger", "You have no open follow-ups")
    elif kind == "overdue":
        base = _da_en(lang, "Der er ingen forfaldne opfølgninger", "There are no overdue follow-ups")
    else:
        base = _da_en(lang, "Der er ingen åbne opfølgninger", "There are no open follow-ups")
    if meeting_kind:
        base += _da_en(lang, f" fra {meeting_kind.lower()}r", f" from the {meeting_kind}")
    elif kind != "mine":
        base += _da_en(lang, " her", " here")
    return base + "."


def followup_list_more(count: int, lang: Lang) -> str:
    """A list cut short."""
    return _da_en(lang, f"… og {count} flere.", f"… and {count} more.")


def followup_reminder_due(followup_id: int, lang: Lang = "da") -> str:
    """Headline of the owner's reminder on the due date."""
    return _da_en(lang, f"Påmindelse: opfølgning {followup_id} skal være gjort i dag",
                  f"Reminder: follow-up {followup_id} is due today")


def followup_reminder_overdue(followup_id: int, lang: Lang = "da") -> str:
    """Headline of the owner's reminder when a follow-up is overdue."""
    return _da_en(lang, f"Opfølgning {followup_id} er forfalden og endnu ikke løst",
                  f"Follow-up {followup_id} is overdue and not done yet")


# ---- reminders -----------------------------------------------------------------------------------

def reminder_kinds(kind: str | None, lang: Lang) -> str:
    """"rådmandsmøder" / "alle møder" – what a subscription covers."""
    if kind is None:
        return "all meetings" if lang == "en" else "alle møder"
    if lang == "en":
        return f"{kind} meetings" if not kind.endswith("meeting") else f"{kind}s"
    return f"{kind.lower()}r" if kind.lower().endswith("møde") else kind.lower()


def lead_time(days_before: int | None, at: str | None, minutes_before: int | None, lang: Lang) -> str:
    """When a reminder comes: "arbejdsdagen før kl. 14:00", "1 time før", "2 working days before at 09:00"."""
    en = lang == "en"
    if minutes_before is not None and days_before is None:
        hours, minutes = divmod(minutes_before, 60)
        if hours and not minutes:
            unit = ("hour" if hours == 1 else "hours") if en else ("time" if hours == 1 else "timer")
            return f"{hours} {unit} {'before' if en else 'før'}"
        return f"{minutes_before} {'minutes before' if en else 'minutter før'}"
    days = days_before if days_before is not None else 1
    clock = at or "14:00"
    if days == 1:
        return f"the working day before at {clock}" if en else f"arbejdsdagen før kl. {clock}"
    return f"{days} working days before at {clock}" if en else f"{days} arbejdsdage før kl. {clock}"


def subscribed(kind: str | None, lead: str, lang: Lang, *, changed: bool, personal_instead: bool) -> str:
    """Confirms a subscription (new, or its lead time changed)."""
    what = reminder_kinds(kind, lang)
    if lang == "en":
        where = "to you in our personal chat" if personal_instead else "here"
        verb = "I changed the reminder" if changed else "Done! I will post the agenda"
        return f"{verb} for {what} {where}, {lead}." if changed else f"{verb} of {what} {where} {lead}."
    where = "til dig i vores private chat" if personal_instead else "her"
    if changed:
        return f"Jeg har ændret påmindelsen om {what}: den kommer nu {where} {lead}."
    return f"Så er det på plads! Jeg sender dagsordenen for {what} {where} {lead}."


def need_personal_chat(lang: Lang) -> str:
    """A personal reminder asked for in a channel by a user who never wrote to the bot privately."""
    if lang == "en":
        return "Write to me in a personal chat first – then I can send reminders to you there."
    return "Skriv til mig i en privat chat først – så kan jeg sende påmindelserne til dig der."


def unsubscribed(count: int, kind: str | None, lang: Lang) -> str:
    """Confirms "stop påmindelser"."""
    what = reminder_kinds(kind, lang)
    if count == 0:
        if lang == "en":
            return f"There were no reminders for {what} here." if kind else "There were no reminders here."
        return f"Der var ingen påmindelser om {what} her." if kind else "Der var ingen påmindelser her."
    if lang == "en":
        return f"Stopped: no more reminders for {what} here."
    return f"Stoppet: ingen flere påmindelser om {what} her."


def subscriptions_heading(count: int, lang: Lang) -> str:
    """Heads the list of a conversation's subscriptions (or says there are none)."""
    if count == 0:
        if lang == "en":
            return "There are no reminders here. Try: remind this channel about Rådmandsmøde 1 day before"
        return "Der er ingen påmindelser her. Prøv fx: påmind os om rådmandsmøder dagen før kl. 14"
    return "Reminders here:" if lang == "en" else "Påmindelser her:"


def subscription_line(kind: str | None, lead: str, lang: Lang) -> str:
    """One subscription in the list."""
    what = reminder_kinds(kind, lang)
    return f"- {what[:1].upper()}{what[1:]}: {lead}"


def no_meeting_ahead(kind: str | None, lang: Lang) -> str:
    """No stored agenda of that kind on or after today."""
    if lang == "en":
        return f"I know of no upcoming {kind or 'meeting'} yet – the agenda has not been stored."
    return f"Jeg kender endnu ikke til et kommende {(kind or 'møde').lower()} – dagsordenen er ikke kommet ind."


AGENDA_LABELS: dict[str, dict[str, str]] = {
    "da": {"agenda": "Dagsorden", "minutes": "Referat", "when": "Tidspunkt", "where": "Sted",
           "presenters": "Fremlægger", "followups": "Åbne opfølgninger fra mødet", "closed": "lukkede punkter vises ikke her",
           "closed_meeting": "Mødet er lukket – dagsordenen vises kun i en privat chat.", "no_items": "Ingen punkter endnu.",
           "owner": "ansvarlig", "due": "frist", "reminder": "Påmindelse"},
    "en": {"agenda": "Agenda", "minutes": "Minutes", "when": "Time", "where": "Location",
           "presenters": "Presented by", "followups": "Open follow-ups from the meeting", "closed": "closed items are not shown here",
           "closed_meeting": "The meeting is closed – its agenda is only shown in a personal chat.", "no_items": "No items yet.",
           "owner": "owner", "due": "due", "reminder": "Reminder"},
}


def agenda_label(key: str, lang: Lang) -> str:
    """A label of the agenda card."""
    return AGENDA_LABELS.get(lang, AGENDA_LABELS["da"])[key]


def closed_items_hidden(count: int, lang: Lang) -> str:
    """Says that closed ("Lukket") items were left out, without naming them."""
    return f"({count} {agenda_label('closed', lang)})"


def time_span(start: str | None, end: str | None, lang: Lang) -> str:
    """"kl. 08:30–09:30" / "08:30–09:30" / "" when the time is unknown."""
    if not start:
        return ""
    span = f"{start}–{end}" if end else start
    return span if lang == "en" else f"kl. {span}"


def followup_due_unchanged(lang: Lang) -> str:
    """Given up on a new due date after "Ret frist": nothing changed."""
    return _da_en(lang, "Den dato forstod jeg heller ikke, så fristen er ikke ændret.",
                  "I did not understand that date either, so the deadline is unchanged.")


def followup_item_ref(number: str, meeting_kind: str | None, on: date | None, lang: Lang) -> str:
    """"punkt 2 på rådmandsmødet fredag den 9. januar 2026" (for a message about that reference)."""
    text = _da_en(lang, f"punkt {number}", f"item {number}")
    if meeting_kind:
        text += _da_en(lang, f" på {meeting_kind.lower()}t", f" of the {meeting_kind}")
    if on:
        text += _da_en(lang, f" {date_long(on, lang)}", f" on {date_long(on, lang)}")
    return text


# ---- follow-ups from a decision card (issue #7) --------------------------------------------------

def followup_button_start(lang: Lang) -> str:
    """The button under each decision on a search card."""
    return _da_en(lang, "Opret opfølgning", "Add follow-up")


def followup_ask_text_for_item(item: str, lang: Lang) -> str:
    """After "Opret opfølgning": what to follow up on ``item`` ("Rådmandsmøde … · Punkt 4: …")."""
    return _da_en(
        lang,
        f"Hvad skal der følges op på? Opfølgningen knyttes til {item}.\n"
        "Skriv opgaven, fx: Økonomi sender notat til chefteamet senest uge 45",
        f"What should be followed up? The follow-up is linked to {item}.\n"
        "Write the task, for example: Finance sends the memo by next Friday",
    )


def followup_ask_task_again(lang: Lang) -> str:
    """The answer to "Hvad skal der følges op på?" held no task (only a date, say)."""
    return _da_en(
        lang,
        "Hvad skal der følges op på? Skriv selve opgaven, fx: Økonomi sender notat senest fredag",
        "What should be followed up? Write the task itself, for example: Finance sends the memo by Friday",
    )


def followup_item_unavailable(lang: Lang) -> str:
    """The button named an item this turn may not link to (absent, closed here, another tenant's)."""
    return _da_en(lang, "Det punkt kan jeg ikke knytte en opfølgning til her.",
                  "I can't link a follow-up to that item here.")


def followup_item_gone(lang: Lang) -> str:
    """The item went away between the button and the task: saved without the link."""
    return _da_en(lang, "Punktet findes ikke længere – opfølgningen er gemt uden link til et punkt.",
                  "The item no longer exists – the follow-up is saved without a link to an item.")
