"""Golden tests: the five real archive documents, every field, expectations written from reading them."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from minutes.model import AgendaItem, DocumentType, FollowUp, Meeting, Outcome
from minutes.parser import parse_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "minutes"


def parse_sample(prefix: str) -> Meeting:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return parse_text(path.read_text(encoding="utf-8"), path.name)


def items_by_number(meeting: Meeting) -> dict[str | None, AgendaItem]:
    return {item.number: item for item in meeting.items}


# ---------------------------------------------------------------------------------------------
# 000: Chefteammøde 2021, markdown export with "Indhold"
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def m000() -> Meeting:
    return parse_sample("000")


def test_000_header(m000: Meeting) -> None:
    assert m000.source == "000_93c543970409b3a1.txt"
    assert m000.kind == "Chefteammøde"
    assert m000.meeting_kind == "Chefteammøde"
    assert m000.title == "Chefteammøde"
    assert m000.document_type is DocumentType.MINUTES
    assert m000.date == date(2021, 8, 20)
    assert (m000.start, m000.end) == (time(8, 30), time(9, 5))
    assert m000.location == "Rådhuset, vær. 489 - sagsbehandlere virtuelt"
    assert m000.participants == ()
    assert m000.responsible is None
    assert m000.confidential is False


def test_000_items_come_from_punkt_sections_not_from_the_table_of_contents(m000: Meeting) -> None:
    assert [(i.number, i.title) for i in m000.items] == [
        ("1", "Interne budgetforslag – proces"),
        ("2", "Miniinnovationsmotor i MSO"),
        ("3", "Eventuelt"),
    ]


def test_000_slots_and_presenters_from_information_block(m000: Meeting) -> None:
    items = items_by_number(m000)
    assert items["1"].presenters == ("Jakob Amtorp", "Jesper Adamsen")
    assert (items["1"].start, items["1"].end) == (time(8, 30), time(8, 45))
    assert items["2"].presenters == ("Maj Morgenstjerne", "Mette Taarsted Soelberg", "Hanne Lynghøj Ellerbæk")
    assert (items["2"].start, items["2"].end) == (time(8, 45), time(9, 0))
    assert items["3"].presenters == ()
    assert (items["3"].start, items["3"].end) == (time(9, 0), time(9, 5))


def test_000_decisions_keep_the_minutes_words_and_lists_without_markdown(m000: Meeting) -> None:
    items = items_by_number(m000)
    d1 = items["1"].decision
    assert d1.startswith("Chefteamet drøftede og besluttede proces og rammer for interne budgetforslag.\n- Tema for")
    assert "\n- Deadline: Uge 43\n" in d1
    assert d1.endswith("Økonomi fremsender materiale til drøftelse til et kommende CT-møde.")
    assert "**" not in d1 and "#" not in d1
    d2 = items["2"].decision
    assert d2.startswith("Chefteamet besluttede:\n1. At fokus 21 er den strategiske ramme for innovationsmotoren\n2. At")
    assert d2.endswith("så initiativtagere ikke skræmmes væk, hvis det virker besværligt.")
    assert items["3"].decision == (
        "Kommende møder – to.\n"
        "Klynge for borgernær sygepleje - overblik. Jens og Annette melder retur til Otto med evt. bemærkninger."
    )


def test_000_outcomes(m000: Meeting) -> None:
    items = items_by_number(m000)
    assert items["1"].outcome is Outcome.DECIDED  # "drøftede og besluttede": decided wins
    assert items["2"].outcome is Outcome.DECIDED
    assert items["3"].outcome is Outcome.DISCUSSED  # text, but no decision verb
    assert not any(i.confidential for i in m000.items)


def test_000_subpoints_of_eventuelt(m000: Meeting) -> None:
    items = items_by_number(m000)
    assert items["3"].subpoints == ("3.1 Kommende møder", "3.2 Klyngen for borgernær sygepleje (Otto) - se bilag")
    assert items["1"].subpoints == () and items["2"].subpoints == ()
    assert all(i.sections == () for i in m000.items)


def test_000_followups(m000: Meeting) -> None:
    items = items_by_number(m000)
    assert items["1"].followups == (
        FollowUp(
            "Forvaltningscheferne er ansvarlige for at udarbejde budgetforslag og vurdere disse på tværs i organisationen.",
            "Forvaltningscheferne",
            None,
        ),
        # "Deadline: Uge 43" says nothing else: the item title names what is due, Friday of week 43.
        FollowUp("Interne budgetforslag – proces", None, date(2021, 10, 29)),
        FollowUp("Økonomi fremsender materiale til drøftelse til et kommende CT-møde.", "Økonomi", None),
    )
    assert items["2"].followups == ()
    assert items["3"].followups == (
        FollowUp("Jens og Annette melder retur til Otto med evt. bemærkninger.", "Jens og Annette", None),
    )


# ---------------------------------------------------------------------------------------------
# 001: Rådmandsmøde 2023, markdown, Information on one line, Mødedeltagere
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def m001() -> Meeting:
    return parse_sample("001")


def test_001_header(m001: Meeting) -> None:
    assert (m001.kind, m001.meeting_kind, m001.title) == ("Rådmandsmøde", "Rådmandsmøde", "Rådmandsmøde")
    assert m001.document_type is DocumentType.MINUTES
    assert m001.date == date(2023, 9, 15)
    assert (m001.start, m001.end) == (time(8, 30), time(9, 30))
    assert m001.location == "Rådhuset, vær. 489"
    assert m001.participants == (
        "Christian Boel",
        "Christian Budde Opstrup",
        "Jens Bejer Damgaard",
        "Niels Jørgen Rasmussen",
        "Otto Junge Ohrt",
        "Thune Korsager",
    )


def test_001_items_slots_presenters(m001: Meeting) -> None:
    assert [(i.number, i.title) for i in m001.items] == [
        ("1", "Status på Udvalgets studietur til Japan"),
        ("2", "Evaluering af Børneterapien - byrådsindstilling"),
        ("3", "Organisering af prøvehandlinger i Sundhed (skal) ind i alt - spor 1: Fremtidens Service."),
        ("4", "Eventuelt"),
    ]
    assert [i.presenters for i in m001.items] == [
        ("Jakob Søgaard", "Ivan Kjær", "Klaus Bach"),
        ("Hanne Linnemann",),
        ("Mette Soelberg", "Mie Kjer"),
        (),
    ]
    assert [(i.start, i.end) for i in m001.items] == [
        (time(8, 30), time(8, 45)),
        (time(8, 45), time(9, 0)),
        (time(9, 0), time(9, 15)),
        (time(9, 15), time(9, 30)),
    ]


def test_001_decisions_and_outcomes(m001: Meeting) -> None:
    items = items_by_number(m001)
    d1 = items["1"].decision
    assert d1.startswith("Rådmandsmødekredsen drøftede:\n- Status på studieturen\n")
    assert "\n- Før:\n  - Se på kontaktmuligheder i ministerens program/delegation.\n" in d1  # nesting kept
    assert d1.endswith("  - Klar til at sætte i gang lige efter besøget.")
    assert items["2"].decision.startswith("Rådmanden besluttede\n- At fremsende byrådsindstilling")
    assert items["2"].decision.endswith("På den lange bane er det et område, der kan udvikle sig.")
    d3 = items["3"].decision
    assert "Prøvehandling 1: Sundhed og forebyggelse, Stab, i parløb med Strategi og Udvikling, Stab" in d3  # *Stab*
    assert d3.endswith("Medejerskab: Forvaltningschefer og chefgrupperne inviteres ind når prøvehandlinger startes i organisationen.")
    assert items["4"].decision == "Status på budget blev drøftet."
    assert [i.outcome for i in m001.items] == [
        Outcome.DISCUSSED,
        Outcome.DECIDED,
        Outcome.DECIDED,
        Outcome.DISCUSSED,
    ]


def test_001_has_no_followups_or_subpoints(m001: Meeting) -> None:
    assert all(i.followups == () and i.subpoints == () and not i.confidential for i in m001.items)


# ---------------------------------------------------------------------------------------------
# 004: Rådmandsmøde 2024, plain text, Punkt 3 absent from the published text
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def m004() -> Meeting:
    return parse_sample("004")


def test_004_header(m004: Meeting) -> None:
    assert (m004.kind, m004.meeting_kind, m004.title) == ("Rådmandsmøde", "Rådmandsmøde", "Rådmandsmøde")
    assert m004.date == date(2024, 1, 9)
    assert (m004.start, m004.end) == (time(12, 0), time(13, 0))
    assert m004.location == "Virtuelt"
    assert m004.participants[0] == "Christian Boel" and m004.participants[2] == "Heidi Have"
    assert len(m004.participants) == 7 and m004.participants[-1] == "Thune Korsager"


def test_004_missing_item_is_not_invented_from_its_slot(m004: Meeting) -> None:
    assert [(i.number, i.title) for i in m004.items] == [
        ("1", "Åbenhedstræning"),
        ("2", "Anvendelse af midler fra Finansloven 2021 - Flere hænder og højere kvalitet i ældreplejen"),
        ("4", "Frisættelse"),
    ]
    items = items_by_number(m004)
    assert items["2"].presenters == ("Helle Rasmussen", "Kristian Mikkelsen")  # "A/B"
    assert items["4"].presenters == ("Dorthe Høgh", "Sara Wrange Kristensen")
    assert (items["4"].start, items["4"].end) == (time(12, 45), time(13, 0))
    assert items["1"].presenters == ("Mathias Breer",)


def test_004_decisions_outcomes_followups(m004: Meeting) -> None:
    items = items_by_number(m004)
    assert items["1"].decision.startswith("Rådmandsmødet besluttede:\n- At igangsætte åbenhedstræning")
    assert items["1"].decision.endswith("Thune tager også emnet med ind i et advisory board hos DJØF/DJ.")
    assert "\n  - Introduktion af nye medarbejdere og kompetenceudviklingspulje\n" in items["2"].decision
    assert items["2"].decision.endswith("VT tilføjes som tema – temaerne drøftes på et senere møde")
    assert items["4"].decision.startswith("Rådmandsmødekredsen drøftede frisættelse og\n- Godkendte den reviderede")
    assert items["4"].decision.endswith("Obs på borgervinkel i frisættelse.")
    assert [i.outcome for i in m004.items] == [Outcome.DECIDED] * 3
    assert items["1"].followups == (
        FollowUp("Thune tager også emnet med ind i et advisory board hos DJØF/DJ.", "Thune", None),
    )
    assert items["2"].followups == (FollowUp("Økonomi drøfter fordelingsnøgle med BA.", "Økonomi", None),)
    assert items["4"].followups == ()  # "i april" in passing is no deadline


# ---------------------------------------------------------------------------------------------
# 002: Rådmandsindstilling with HTML-table sections
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def m002() -> Meeting:
    return parse_sample("002")


def test_002_header(m002: Meeting) -> None:
    assert m002.document_type is DocumentType.INDSTILLING
    assert m002.kind == "Rådmandsindstilling"
    assert m002.meeting_kind == "Rådmandsmøde"
    assert m002.title == "MSOs effektmål i Budget 2019"
    assert m002.date == date(2018, 2, 22)
    assert m002.responsible == "Økonomi, Charlotte Storm Gregersen"
    assert m002.participants == ("Ina Bøge Eskildsen",)
    assert m002.confidential is False  # the x is in the Åben cell
    assert (m002.start, m002.end, m002.location) == (None, None, None)


def test_002_single_item(m002: Meeting) -> None:
    (item,) = m002.items
    assert item.number is None
    assert item.title == "MSOs effektmål i Budget 2019"
    assert item.presenters == ("Ina Bøge Eskildsen",)
    assert item.confidential is False
    assert item.outcome is Outcome.DECIDED
    assert item.decision.startswith("Chefteamet\n- Godkendte vedlagte forslag til, hvad vi kunne sigte imod,")
    assert "\n- Drøftede vedlagte allerførste udkast til," in item.decision
    assert item.decision.endswith("som drøftes på CT den 1. marts 2018 og udvalgmøde den 7. marts.")
    assert "*" not in item.decision
    assert item.followups == (
        FollowUp(
            "Effektmål kobles sammen med værdighedspolitikken, som drøftes på CT den 1. marts 2018 og udvalgmøde den 7. marts.",
            None,
            date(2018, 3, 1),
        ),
    )


def test_002_sections_from_html_paragraphs(m002: Meeting) -> None:
    sections = {s.heading: s.text for s in m002.items[0].sections}
    assert list(sections)[:4] == ["Baggrund", "Kommunikation", "Beslutninger", "Effekt og målopfølgning"]
    assert "Implementering" in sections
    assert sections["Baggrund"].startswith("I maj skal MSO fremsende afdelingens forslag til Budget 2019")
    assert sections["Baggrund"].endswith("Forslaget tager højde for alle ovenstående krav.")
    assert sections["Kommunikation"].startswith("Hovedbudskabet er, at vi i MSO fremadrettet")
    assert sections["Beslutninger"].startswith("Chefteamet skal\nGodkende vedlagte forslag")
    assert sections["Beslutninger"].endswith("(se dias nr. 6 i vedlagte).")
    assert sections["Effekt og målopfølgning"].endswith("hvor MSO aflægger regnskab til byrådet på målene.")
    assert sections["Implementering"].startswith("Ud over at aflægge regnskab til byrådet")
    assert sections["Udgiften afholdes inden for"] == "Afd. grundbudget | x | Afd. opsparing | MSO's fælles opsparing"
    all_text = "\n".join(sections.values())
    assert "<" not in all_text and "indstilling" not in all_text.lower()  # no markup, no checkbox table
    assert "Ansvarlig/Navn" not in all_text


# ---------------------------------------------------------------------------------------------
# 003: indstilling with a tab-separated header and checkbox markup
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def m003() -> Meeting:
    return parse_sample("003")


TITLE_003 = "Sparring ift. indsatser til Sundhedsstyrelsens pulje: ”Styrkelse af omsorg og nærvær i ældreplejen”"


def test_003_header(m003: Meeting) -> None:
    assert m003.document_type is DocumentType.INDSTILLING
    assert m003.kind == "Rådmandsindstilling"
    assert m003.meeting_kind == "Rådmandsmøde"
    assert m003.title == TITLE_003
    assert m003.date == date(2020, 9, 11)
    assert m003.responsible == "Civilsamfund og Frivillighed, Maj Morgenstjerne"
    assert m003.participants == ("Maj Morgenstjerne", "Morten Lind")
    assert m003.confidential is False  # the checked box is "Åben indstilling"


def test_003_item_sections_and_decision(m003: Meeting) -> None:
    (item,) = m003.items
    assert (item.number, item.title, item.confidential) == (None, TITLE_003, False)
    assert [s.heading for s in item.sections] == [
        "Baggrund",
        "Opfølgning",
        "Kommunikation",
        "Beslutninger",
        "Koordinering",
        "Direkte udgifter",
        "Udgiften finansieres inden for",
        "Indirekte udgifter",
        "Effekt",
    ]
    sections = {s.heading: s.text for s in item.sections}
    assert sections["Baggrund"].startswith("På baggrund af Sundhedsstyrelsens pulje")
    assert sections["Baggrund"].endswith("- Vi skal søge minimum 5 mio. kr.")
    assert sections["Kommunikation"] == "På nuværende tidspunkt skal der ikke kommunikeres noget ud om denne indsats."
    assert "\n  1. Vi kan med byrådets accept" in sections["Beslutninger"]
    assert sections["Opfølgning"].endswith("5. Ansøgningsfrist d.19. oktober")
    assert sections["Effekt"] == "- Afhænger af hvilke initiativer, der udvælges."
    assert item.decision.startswith("CT drøftede oplægget og der arbejdes videre med følgende:\n- Skære forslagene")
    assert item.decision.endswith("- Udvikling vender tilbage om hjælp/ressourcer fra afdelingerne til konkretisering af de enkelte forslag.")
    assert item.outcome is Outcome.DISCUSSED


def test_003_followups_from_opfolgning_and_referat(m003: Meeting) -> None:
    (item,) = m003.items
    assert item.followups == (
        FollowUp(
            "Morten Lind (Civilsamfund og Frivillighed) og Kristian Mikkelsen (Økonomi) er tovholdere på processen, som bliver:",
            "Morten Lind og Kristian Mikkelsen",
            None,
        ),
        FollowUp(
            "Arbejdsgruppe nedsættes, Morten Lind og Kristian Mikkelsen er tovholdere",
            "Morten Lind og Kristian Mikkelsen",
            None,
        ),
        FollowUp("Ansøgningsfrist d.19. oktober", None, date(2020, 10, 19)),
        FollowUp("Udvalget får præsenteret et oplæg den 30. september 2020.", None, date(2020, 9, 30)),
        FollowUp(
            "Udvikling vender tilbage om hjælp/ressourcer fra afdelingerne til konkretisering af de enkelte forslag.",
            "Udvikling",
            None,
        ),
    )


def test_archive_followup_with_a_holiday_and_year_is_due_in_that_year() -> None:
    path = Path(__file__).resolve().parent / "fixtures" / "archive" / "2019-03-08_raadmandsmoede.md"
    meeting = parse_text(path.read_text(encoding="utf-8"), path.name)
    followups = [f for item in meeting.items for f in item.followups]
    assert FollowUp("Der ønskes en samlet evaluering inden sommerferien 2020.", None, date(2020, 6, 26)) in followups  # Friday of week 26
