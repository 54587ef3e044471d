"""Every sentence the bot says, Danish first, English where the user writes English.

Functions take plain values and a language code ("da" | "en") and return text; nothing here knows
about Teams or the store.
"""

from __future__ import annotations

from datetime import date

from minutes.dates import format_date_da, format_date_en

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
