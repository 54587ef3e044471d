"""Reading files: text encodings, HTML, Word and PDF made in the test from the samples' text."""

from __future__ import annotations

import html
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from minutes.model import DocumentType, Meeting, ParseError
from minutes.parser import parse_text
from minutes.readers import SUPPORTED_SUFFIXES, read_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "minutes"
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # Debian: fonts-dejavu-core
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)


def sample(prefix: str) -> tuple[str, str]:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8"), path.name


def expected(prefix: str, source: str) -> Meeting:
    text, name = sample(prefix)
    return replace(parse_text(text, name), source=source)


def plain(line: str) -> str:
    return line.replace("**", "")


# ---------------------------------------------------------------------------------------------
# Text files
# ---------------------------------------------------------------------------------------------


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == frozenset({".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xml", ".docx", ".pdf"})


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_txt_sample_reads_like_parse_text_and_source_is_the_file_name(tmp_path: Path, prefix: str) -> None:
    text, name = sample(prefix)
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    assert read_document(path) == expected(prefix, name)


def test_md_with_bom_and_crlf(tmp_path: Path) -> None:
    text, _ = sample("001")
    path = tmp_path / "referat.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert read_document(path) == expected("001", "referat.md")


def test_cp1252_text_is_read_rather_than_crashing(tmp_path: Path) -> None:
    text, _ = sample("004")
    path = tmp_path / "gammel.txt"
    path.write_bytes(text.encode("cp1252"))
    meeting = read_document(path)
    assert meeting == expected("004", "gammel.txt")
    assert meeting.items[0].title == "Åbenhedstræning"


def test_utf16_with_bom(tmp_path: Path) -> None:
    text, _ = sample("000")
    path = tmp_path / "utf16.txt"
    path.write_bytes(text.encode("utf-16"))
    assert read_document(path) == expected("000", "utf16.txt")


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


def markdown_to_html(text: str) -> str:
    """A small HTML rendering of a markdown export: headings, paragraphs, bullet lists."""
    out = ["<!DOCTYPE html><html><head><title>Referat</title><style>p { margin: 0 }</style></head><body>"]
    in_list = False
    for line in text.split("\n"):
        heading = re.match(r"^(#+)\s+(.*)$", line)
        bullet = re.match(r"^- (.*)$", line)
        if in_list and not bullet:
            out.append("</ul>")
            in_list = False
        body = html.escape(plain(heading[2] if heading else bullet[1] if bullet else line))
        if heading:
            level = len(heading[1])
            out.append(f"<h{level}>\n  <strong>{body}</strong>\n</h{level}>")
        elif bullet:
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{body}</li>")
        elif line.strip() and line.strip() != "---":
            out.append(f"<p>{body}</p>")
    out.append("</ul></body></html>" if in_list else "</body></html>")
    return "\n".join(out)


def test_html_file_parses_like_the_text_export(tmp_path: Path) -> None:
    text, _ = sample("000")
    path = tmp_path / "referat.html"
    path.write_text(markdown_to_html(text), encoding="utf-8")
    assert read_document(path) == expected("000", "referat.html")


def test_htm_suffix_and_checkbox_inputs(tmp_path: Path) -> None:
    page = (
        "<html><body><table><tr><td>Chefteamindstilling: Ny vagtplan</td>"
        '<td><input type="checkbox"> Åben indstilling</td></tr>'
        '<tr><td>Den 3/5 2022, Udvikling</td><td><input type="checkbox" checked> Lukket indstilling</td></tr>'
        "</table><p>Baggrund: Vagtplanen er forældet.</p><p>Referat:</p><p>Chefteamet godkendte.</p></body></html>"
    )
    path = tmp_path / "indstilling.htm"
    path.write_text(page, encoding="utf-8")
    meeting = read_document(path)
    assert meeting.document_type is DocumentType.INDSTILLING
    assert (meeting.kind, meeting.title, meeting.confidential) == ("Chefteamindstilling", "Ny vagtplan", True)
    assert meeting.items[0].sections[0].text == "Vagtplanen er forældet."
    assert meeting.items[0].decision == "Chefteamet godkendte."


# ---------------------------------------------------------------------------------------------
# Word
# ---------------------------------------------------------------------------------------------


def docx_from_markdown(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        if not line.strip() or line.strip() == "---":
            continue
        heading = re.match(r"^(#+)\s+(.*)$", line)
        if heading:
            document.add_heading(plain(heading[2]), level=len(heading[1]))
        elif line.startswith("- "):
            document.add_paragraph(plain(line[2:]), style="List Bullet")
        else:
            paragraph = document.add_paragraph()
            for k, part in enumerate(line.split("**")):
                if part:
                    paragraph.add_run(part).bold = k % 2 == 1
    document.save(str(path))


def test_docx_minutes_with_heading_styles_and_bullets(tmp_path: Path) -> None:
    text, _ = sample("000")
    path = tmp_path / "referat.docx"
    docx_from_markdown(text, path)
    assert read_document(path) == expected("000", "referat.docx")


def test_docx_indstilling_reads_tables_in_document_order(tmp_path: Path) -> None:
    import docx

    text, _ = sample("003")
    title = text.strip().split("\t")[0]
    document = docx.Document()
    header = document.add_table(rows=3, cols=4)
    rows = [
        [title, "☒ Åben indstilling", "Sagsbehandler:", "Afdeling/Ansvarlig leder:"],
        ["", "☐ Lukket indstilling", "Morten Lind", "(Civilsamfund og Frivillighed, Maj Morgenstjerne)"],
        ["Rådmandsmøde – fredag den 11. september 2020.", "Mødedeltagere:", "(Maj Morgenstjerne), (evt. Morten Lind)", ""],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            header.cell(r, c).text = value
    body = text[text.index("\nBaggrund\n") :]
    table_lines = {"2020\t5 mio.", "2021\t5-10 mio.", "2022\t", "2023\t"}
    money: list[list[str]] = []
    for line in body.split("\n"):
        if line in table_lines:
            money.append(line.split("\t"))
            if len(money) == len(table_lines):
                table = document.add_table(rows=len(money), cols=2)
                for r, values in enumerate(money):
                    for c, value in enumerate(values):
                        table.cell(r, c).text = value
            continue
        if line.strip():
            document.add_paragraph(line)
    path = tmp_path / "indstilling.docx"
    document.save(str(path))
    assert read_document(path) == expected("003", "indstilling.docx")


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------


def unicode_font() -> str:
    for candidate in FONT_CANDIDATES:
        if os.path.exists(candidate):
            return candidate
    pytest.fail("no DejaVuSans.ttf: install the Debian package fonts-dejavu-core")


def pdf_from_text(text: str, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="A3")
    pdf.add_font("DejaVu", fname=unicode_font())
    pdf.set_font("DejaVu", size=7)
    pdf.set_auto_page_break(True, margin=10)
    pdf.add_page()
    for line in text.split("\n"):
        line = line.replace("\t", " ")
        assert pdf.get_string_width(line) < pdf.epw, "a wrapped line would change the text"
        pdf.cell(w=0, h=3.5, text=line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_pdf_made_from_a_sample_parses_to_the_same_meeting(tmp_path: Path, prefix: str) -> None:
    text, _ = sample(prefix)
    path = tmp_path / "referat.pdf"
    pdf_from_text(text, path)
    assert read_document(path) == expected(prefix, "referat.pdf")


# ---------------------------------------------------------------------------------------------
# Broken files
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("tom.txt", b"", "empty"),
        ("tom.md", b"\xef\xbb\xbf\r\n \r\n", "empty"),
        ("støj.txt", bytes(range(256)) * 8, "binary"),
        ("ikke-zip.docx", b"This is not a zip file at all", "not a readable Word document"),
        ("zip-uden-word.docx", b"PK\x05\x06" + b"\x00" * 18, "not a readable Word document"),
        ("ikke.pdf", b"%PDF-1.4\nthis is not a pdf body", "PDF"),
        ("referat.odt", b"whatever", "unsupported file type '.odt'"),
        ("uden-endelse", b"whatever", "unsupported file type"),
        ("side.html", b"<html><body><p>Ingen dato her</p></body></html>", "no meeting header"),
    ],
)
def test_broken_files_raise_parse_error_naming_the_file(tmp_path: Path, name: str, content: bytes, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ParseError) as caught:
        read_document(path)
    assert caught.value.source == name
    assert fragment in caught.value.message
    assert str(caught.value).startswith(name)


def test_missing_file_raises_parse_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError) as caught:
        read_document(tmp_path / "findes-ikke.txt")
    assert caught.value.source == "findes-ikke.txt"
