"""Variants of the archive's documents: formatting changes that must not change the result, and
document shapes the five samples do not show (agendas, closed items, closed indstillinger, a
Chefteammøde, broken input)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from minutes.model import DocumentType, FollowUp, Meeting, Outcome, ParseError
from minutes.outcomes import classify_outcome
from minutes.parser import parse_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "minutes"
VARIANTS = Path(__file__).resolve().parent / "fixtures" / "variants"


def sample(prefix: str) -> tuple[str, str]:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8"), path.name


def parse_sample(prefix: str) -> Meeting:
    text, name = sample(prefix)
    return parse_text(text, name)


def parse_variant(name: str) -> Meeting:
    return parse_text((VARIANTS / name).read_text(encoding="utf-8"), name)


# ---------------------------------------------------------------------------------------------
# Formatting that must not matter
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: t.replace("\n", "\r"), id="cr"),
        pytest.param(lambda t: "\ufeff" + t, id="bom"),
        pytest.param(lambda t: "\ufeff" + t.replace("\n", "\r\n") + "\r\n\r\n", id="bom-crlf-trailing-blank"),
    ],
)
def test_line_endings_and_bom_do_not_change_the_result(prefix: str, transform) -> None:
    text, name = sample(prefix)
    assert parse_text(transform(text), name) == parse_text(text, name)


def strip_markdown(text: str) -> str:
    text = re.sub(r"^#+\s*", "", text, flags=re.MULTILINE)
    return text.replace("**", "").replace("*", "")


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_markdown_and_plain_exports_parse_alike(prefix: str) -> None:
    text, name = sample(prefix)
    assert "**" in text
    assert parse_text(strip_markdown(text), name) == parse_text(text, name)


def drop_toc(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(line for line in lines if not re.search(r"\.{5}\t\d+$", line) and line.strip("# ") != "Indhold")


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_documents_without_table_of_contents_give_the_same_items(prefix: str) -> None:
    text, name = sample(prefix)
    stripped = drop_toc(text)
    assert "....." not in stripped
    assert parse_text(stripped, name) == parse_text(text, name)


def test_toc_without_dotted_leaders_does_not_duplicate_or_empty_items() -> None:
    text, name = sample("000")
    no_leaders = re.sub(r"\.{5}\t\d+$", "", text, flags=re.MULTILINE)
    meeting = parse_text(no_leaders, name)
    assert [i.number for i in meeting.items] == ["1", "2", "3"]
    assert meeting == parse_text(text, name)


def test_pkt_with_or_without_dot_en_dash_and_colon_times_give_same_slots() -> None:
    text, name = sample("000")
    varied = (
        text.replace("Pkt. 1. kl. 8.30-8.45", "Pkt. 1 kl. 8:30 – 8:45")
        .replace("Pkt. 2 kl. 8.45-9.00", "Pkt. 2. kl. 08.45–09.00")
        .replace("Pkt. 3 kl. 9.00-9.05", "Pkt 3 kl 9.00 - 9.05")
    )
    assert varied != text
    assert parse_text(varied, name) == parse_text(text, name)


def test_item_headings_with_dot_or_dash_separator() -> None:
    text, name = sample("004")
    varied = text.replace("Punkt 1: Åbenhedstræning", "Punkt 1. Åbenhedstræning").replace(
        "Punkt 4: Frisættelse", "Punkt 4 – Frisættelse"
    )
    assert parse_text(varied, name) == parse_text(text, name)


def test_missing_item_is_simply_absent_and_its_slot_unused() -> None:
    text, name = sample("000")
    start = text.index("## **Punkt 2:")
    end = text.index("## **Punkt 3:")
    meeting = parse_text(text[:start] + text[end:], name)
    assert [i.number for i in meeting.items] == ["1", "3"]
    full = parse_text(text, name)
    assert meeting.items[0] == full.items[0] and meeting.items[1] == full.items[2]


def test_agenda_without_decisions_is_an_agenda() -> None:
    text, name = sample("001")
    # Keep every heading, drop every decision body.
    kept = [line for line in text.split("\n") if not line.strip() or line.lstrip("# *").startswith(("Punkt", "Beslutning"))
            or text.index(line) < text.index("## Indhold")]
    meeting = parse_text("\n".join(kept), name)
    assert meeting.document_type is DocumentType.AGENDA
    assert [i.number for i in meeting.items] == ["1", "2", "3", "4"]
    assert all(i.decision == "" and i.outcome is Outcome.NONE and i.followups == () for i in meeting.items)
    assert meeting.items[0].presenters == ("Jakob Søgaard", "Ivan Kjær", "Klaus Bach")


# ---------------------------------------------------------------------------------------------
# Shapes the samples do not show
# ---------------------------------------------------------------------------------------------


def test_third_meeting_kind_plain_agenda_with_dotted_pkt_and_mixed_dashes() -> None:
    meeting = parse_variant("chefteammode_agenda_plain.txt")
    assert (meeting.kind, meeting.meeting_kind, meeting.title) == ("Chefteammøde", "Chefteammøde", "Budgetseminar")
    assert meeting.document_type is DocumentType.AGENDA
    assert meeting.date == date(2022, 10, 3)
    assert (meeting.start, meeting.end) == (time(14, 0), time(15, 30))
    assert meeting.location == "Søren Frichs Vej 36, mødelokale 2"
    assert meeting.participants == ("Otto Junge Ohrt", "Thune Korsager", "Jens Bejer Damgaard")
    one, two, three = meeting.items
    assert (one.number, one.title) == ("1", "Budget 2023 – status")
    assert one.presenters == ("Kristian Mikkelsen", "Charlotte Storm Gregersen")
    assert (one.start, one.end) == (time(14, 0), time(14, 30))
    assert one.sections[0].heading == "Beskrivelse"
    assert one.sections[0].text == "Oplæg om status på budget 2023 og de kommende udfordringer."
    assert two.presenters == ("Udvikling", "Morten Lind")
    assert (two.start, two.end) == (time(14, 30), time(15, 15))
    assert two.subpoints == ("2.1 Gennemgang af høringssvar", "2.2 Proces frem mod byrådsbehandling")
    assert (three.start, three.end, three.presenters) == (time(15, 15), time(15, 30), ())
    assert all(i.outcome is Outcome.NONE and i.decision == "" for i in meeting.items)


def test_closed_items_and_other_outcomes_in_minutes() -> None:
    meeting = parse_variant("radmandsmode_closed_items.md")
    one, two, three, four = meeting.items
    assert one.outcome is Outcome.NOTED
    assert one.followups == (FollowUp("HR udarbejder en opfølgning senest 1. april.", "HR", date(2024, 4, 1)),)
    assert (two.title, two.confidential, two.outcome) == ("Personalesag", True, Outcome.DECIDED)  # "(Lukket)"
    assert (three.confidential, three.outcome) == (True, Outcome.DISCUSSED)  # "Lukket punkt"; "ikke godkendt"
    assert three.sections == ()  # the marker is not a description
    assert (four.confidential, four.outcome) == (False, Outcome.POSTPONED)
    assert meeting.confidential is False
    assert (one.presenters, two.presenters) == (("Hanne Linnemann",), ())


def closed_002(text: str) -> str:
    html_cells = '<td>Åben indstilling</td> <td style="text-align: center;">x</td> <td>Lukket indstilling</td>'
    assert html_cells in text
    text = text.replace(html_cells, '<td>Åben indstilling</td> <td></td> <td>Lukket indstilling</td> <td>x</td>')
    return text.replace("Åben indstilling\tx\tLukket indstilling\t", "Åben indstilling\t\tLukket indstilling\tx")


def test_indstilling_with_x_in_the_lukket_cell_is_confidential() -> None:
    text, name = sample("002")
    open_meeting = parse_text(text, name)
    closed = parse_text(closed_002(text), name)
    assert closed.confidential is True and closed.items[0].confidential is True
    # Nothing else changes.
    assert replace(closed, confidential=False, items=(replace(closed.items[0], confidential=False),)) == open_meeting


def test_indstilling_with_lukket_checkbox_checked_is_confidential() -> None:
    text, name = sample("003")
    swapped = text.replace('<input checked="" type="checkbox"/> Åben', '<input type="checkbox"/> Åben').replace(
        '<input type="checkbox"/> Lukket', '<input checked="" type="checkbox"/> Lukket'
    )
    assert swapped.count("checked") == 1 and swapped != text
    closed = parse_text(swapped, name)
    assert closed.confidential is True and closed.items[0].confidential is True
    assert closed.responsible == "Civilsamfund og Frivillighed, Maj Morgenstjerne"
    assert closed.items[0].title == parse_sample("003").items[0].title


def test_chefteamindstilling_with_ballot_box_marked_lukket() -> None:
    meeting = parse_variant("chefteamindstilling_closed.txt")
    assert meeting.document_type is DocumentType.INDSTILLING
    assert (meeting.kind, meeting.meeting_kind) == ("Chefteamindstilling", "Chefteammøde")
    assert meeting.title == "Ny organisering af nattevagter"
    assert meeting.date == date(2022, 5, 3)
    assert meeting.responsible == "Udvikling"
    assert meeting.confidential is True
    (item,) = meeting.items
    assert item.confidential is True and item.outcome is Outcome.DECIDED
    assert [s.heading for s in item.sections] == ["Baggrund", "Opfølgning"]
    assert item.followups == (
        FollowUp("Udvikling fremsender en plan inden sommerferien.", "Udvikling", date(2022, 7, 1)),  # Friday of week 26
    )


def test_unchecked_lukket_box_is_not_confidential() -> None:
    text = (VARIANTS / "chefteamindstilling_closed.txt").read_text(encoding="utf-8")
    opened = text.replace("☐ Åben", "☒ Åben").replace("☒ Lukket", "☐ Lukket")
    assert parse_text(opened, "x.txt").confidential is False


def test_indstilling_without_referat_has_no_decision() -> None:
    text, name = sample("003")
    meeting = parse_text(text[: text.index("\nReferat\n")], name)
    assert meeting.items[0].decision == "" and meeting.items[0].outcome is Outcome.NONE
    assert meeting.date == date(2020, 9, 11)


# ---------------------------------------------------------------------------------------------
# Outcomes
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("", Outcome.NONE),
        ("   \n", Outcome.NONE),
        ("Rådmanden godkendte indstillingen.", Outcome.DECIDED),
        ("Indstillingen blev godkendt.", Outcome.DECIDED),
        ("CT tiltrådte indstillingen.", Outcome.DECIDED),
        ("Udvalget vedtog forslaget.", Outcome.DECIDED),
        ("Chefteamet bevilgede 2 mio. kr.", Outcome.DECIDED),
        ("Chefteamet drøftede og besluttede proces og rammer.", Outcome.DECIDED),
        ("Rådmanden afviste forslaget.", Outcome.DECIDED),
        ("Forslaget blev ikke godkendt.", Outcome.DISCUSSED),
        ("Rådmanden godkendte ikke forslaget.", Outcome.DISCUSSED),
        ("Chefteamet skal godkende forslaget.", Outcome.DISCUSSED),
        ("Rådmanden tog orienteringen til efterretning.", Outcome.NOTED),
        ("Orienteringen blev taget til efterretning.", Outcome.NOTED),
        ("Punktet blev udsat.", Outcome.POSTPONED),
        ("Punktet udsættes til næste møde.", Outcome.POSTPONED),
        ("Punktet blev ikke behandlet.", Outcome.POSTPONED),
        ("Status på budget blev drøftet.", Outcome.DISCUSSED),
        ("Kommende møder – to.", Outcome.DISCUSSED),
        ("Byrådsbeslutningen er kendt.", Outcome.DISCUSSED),  # a noun, not a decision verb
    ],
)
def test_outcome_from_decision_text(text: str, outcome: Outcome) -> None:
    assert classify_outcome(text) is outcome


# ---------------------------------------------------------------------------------------------
# Broken input
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("  \n\r\n\t\ufeff", "empty"),
        ("\x00\x01\x02PK\x03\x04garbage\x00", "binary"),
        ("".join(chr(c) for c in range(1, 32)) * 20, "binary"),
        ("Hej med dig\n\nDette er bare en tekst.\n", "no meeting header"),
        ("Rådmandsmøde (Rådmandsmøde)\n\n15-09-2023 08:30 - 09:30\n\nRådhuset\n", "no agenda items"),
        ("Rådmandsindstilling: Noget\n\nUden dato\n", "without a meeting date"),
    ],
)
def test_unparseable_text_raises_parse_error_naming_the_file(text: str, fragment: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_text(text, "broken.txt")
    assert caught.value.source == "broken.txt"
    assert fragment in caught.value.message
    assert str(caught.value).startswith("broken.txt")


def test_invalid_header_date_names_the_line() -> None:
    with pytest.raises(ParseError) as caught:
        parse_text("\nRådmandsmøde (Rådmandsmøde)\n\n31-02-2023 08:30 - 09:30\n\nPunkt 1: X\n", "bad.txt")
    assert caught.value.line == 4
    assert str(caught.value).startswith("bad.txt:4: invalid meeting date")


def test_a_later_mention_of_a_decided_item_does_not_reopen_it() -> None:
    text, name = sample("004")
    mentioned = text + "\n\nPunkt 2: se også bilag fra sidste møde."
    meeting = parse_text(mentioned, name)
    original = parse_text(text, name)
    assert [i.number for i in meeting.items] == ["1", "2", "4"]
    assert meeting.items[1] == original.items[1]
    assert meeting.items[2].decision.endswith("Obs på borgervinkel i frisættelse.\nPunkt 2: se også bilag fra sidste møde.")


def test_other_per_item_parts_become_sections_of_that_item() -> None:
    text, name = sample("004")
    with_part = text.replace(
        "\nBeslutning for Punkt 1: Åbenhedstræning\n\nRådmandsmødet",
        "\nSagsfremstilling for Punkt 1: Åbenhedstræning\n\nMSO afprøver åbenhedstræning i 2024.\n\n"
        "Beslutning for Punkt 1: Åbenhedstræning\n\nRådmandsmødet",
    )
    assert with_part != text
    item = parse_text(with_part, name).items[0]
    assert [(s.heading, s.text) for s in item.sections] == [
        ("Sagsfremstilling", "MSO afprøver åbenhedstræning i 2024.")
    ]
    assert item.decision == parse_text(text, name).items[0].decision


def test_mangled_samples_give_a_meeting_or_a_parse_error_never_another_exception() -> None:
    import random

    rng = random.Random(20240109)
    texts = [sample(prefix)[0] for prefix in ("000", "001", "002", "003", "004")]
    outcomes = {"parsed": 0, "rejected": 0}
    for _ in range(400):
        text = rng.choice(texts)
        lines = text.split("\n")
        operation = rng.randrange(4)
        if operation == 0:
            text = text[: rng.randrange(len(text))]
        elif operation == 1:
            rng.shuffle(lines)
            text = "\n".join(lines)
        elif operation == 2:
            text = "\n".join(line for line in lines if rng.random() < 0.6)
        else:
            at = rng.randrange(len(text))
            text = text[:at] + "".join(chr(rng.randrange(32, 0x2100)) for _ in range(30)) + text[at:]
        try:
            meeting = parse_text(text, "mangled.txt")
        except ParseError as error:
            assert error.source == "mangled.txt"
            outcomes["rejected"] += 1
        else:
            assert meeting.source == "mangled.txt" and meeting.items
            outcomes["parsed"] += 1
    assert outcomes["parsed"] > 50 and outcomes["rejected"] > 10


def minutes_with_decision(decision: str) -> Meeting:
    text = (
        "Chefteammøde (Chefteammøde)\n\n14-06-2024 08:30 - 09:30\n\nRådhuset\n\n"
        "Punkt 1: Budget 2025\n\nBeslutning for Punkt 1: Budget 2025\n\n" + decision + "\n"
    )
    return parse_text(text, "kort.txt")


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        (
            "Chefteamet drøftede processen. Forvaltningscheferne melder emner ind inden uge 35.",
            (FollowUp("Forvaltningscheferne melder emner ind inden uge 35.", "Forvaltningscheferne", date(2024, 8, 30)),),
        ),
        (
            "Chefteamet drøftede sygefraværet. HR analyserer fraværet i de områder, hvor det er steget mest.",
            (FollowUp("HR analyserer fraværet i de områder, hvor det er steget mest.", "HR", None),),
        ),
        ("Chefteamet besluttede at udbrede skærmbesøg fra 1. oktober 2024.", ()),  # takes effect, not due
        ("Chefteamet besluttede at afvikle ordningen pr. 1. januar 2025.", ()),
        (
            "Chefteamet godkendte planen. Der skal foreligge en evaluering senest 1. december 2024.",
            (FollowUp("Der skal foreligge en evaluering senest 1. december 2024.", None, date(2024, 12, 1)),),
        ),
        ("Chefteamet drøftede status fra mødet den 3. juni 2024.", ()),  # before the meeting: history
        ("Vi følger op på det.", ()),  # no named owner
        ("Derefter sender vi materialet.", ()),
        (  # a day of the month alone was missed by the old word-list gate
            "Chefteamet drøftede planen. Notatet sendes til Rådmanden senest den 28.",
            (FollowUp("Notatet sendes til Rådmanden senest den 28.", None, date(2024, 6, 28)),),
        ),
        (  # a holiday with a year is that year's holiday
            "Chefteamet drøftede planen. Sagen genoptages inden sommerferien 2025.",
            (FollowUp("Sagen genoptages inden sommerferien 2025.", None, date(2025, 6, 27)),),
        ),
        (  # verbs and dates on separate lines and clauses are each found in their own clause
            "Chefteamet drøftede sagen med\n- HR og Økonomi fremsender et notat – uge 30\n"
            "- Status på sagen - og videre drøftelse i Chefteamet om 14 dage",
            (
                FollowUp("HR og Økonomi fremsender et notat", "HR og Økonomi", None),
                FollowUp("Budget 2025", None, date(2024, 7, 26)),  # nothing but a deadline: the title
                FollowUp("og videre drøftelse i Chefteamet om 14 dage", None, date(2024, 6, 28)),
            ),
        ),
    ],
)
def test_followups_need_a_named_owner_or_a_real_deadline(decision: str, expected: tuple[FollowUp, ...]) -> None:
    assert minutes_with_decision(decision).items[0].followups == expected
