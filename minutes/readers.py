"""Files -> :class:`~minutes.model.Meeting`: text, markdown, HTML, Word (.docx) and PDF.

Every reader only extracts text; :func:`minutes.parser.parse_text` does the understanding.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from minutes.committee_html import is_portal_page, parse_portal_page
from minutes.committee_xml import parse_publication
from minutes.markup import html_to_text
from minutes.model import Meeting, ParseError
from minutes.parser import parse_text

__all__ = ["SUPPORTED_SUFFIXES", "decode_text", "read_document", "read_text"]

_TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_XML_SUFFIXES = frozenset({".xml"})
SUPPORTED_SUFFIXES: frozenset[str] = _TEXT_SUFFIXES | _HTML_SUFFIXES | _XML_SUFFIXES | {".docx", ".pdf"}

_HEADING_STYLE_PREFIXES = ("heading", "overskrift", "title", "titel")
_LIST_STYLE_PREFIXES = ("list", "liste", "opstilling")


def decode_text(data: bytes) -> str:
    """Bytes of a text file as str: UTF-8 (BOM tolerated), UTF-16 with BOM, else cp1252/latin-1."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # never fails; garbage is caught by the parser


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ParseError(path.name, f"cannot read file: {exc.strerror or exc}") from exc


def _docx_text(path: Path) -> str:
    """Paragraphs and table rows of a .docx in document order; cells tab-separated."""
    import docx  # python-docx; imported here so text-only use does not pay for lxml
    from docx.table import Table

    try:
        document = docx.Document(str(path))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells: list[str] = []
                    previous = None
                    for cell in row.cells:
                        if cell._tc is previous:  # a merged cell repeats; read it once
                            continue
                        previous = cell._tc
                        cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
                    lines.append("\t".join(cells))
                lines.append("")
                continue
            text = block.text
            style = (block.style.name if block.style is not None else "").lower()
            if style.startswith(_LIST_STYLE_PREFIXES) and text.strip() and not text.lstrip().startswith(("-", "•")):
                text = "- " + text.strip()
            lines.append(text)
            if style.startswith(_HEADING_STYLE_PREFIXES):
                lines.append("")
    except Exception as exc:  # python-docx/zipfile/lxml raise many unrelated types on a bad file
        raise ParseError(path.name, f"not a readable Word document ({type(exc).__name__}: {exc})") from exc
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    """The text layer of every page of a PDF, pages separated by a blank line."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises assorted errors (and warnings-as-errors) on damaged files
        raise ParseError(path.name, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise ParseError(path.name, "PDF has no text layer (a scan?)")
    return text


def read_text(path: Path) -> str:
    """The text of ``path`` as the parser sees it, chosen by suffix; ParseError names the file."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise ParseError(path.name, f"unsupported file type {suffix or '(none)'!r}; expected one of {supported}")
    if not path.is_file():
        raise ParseError(path.name, "no such file")
    if suffix in _TEXT_SUFFIXES:
        return decode_text(_read_bytes(path))
    if suffix in _HTML_SUFFIXES:
        return html_to_text(decode_text(_read_bytes(path)))
    if suffix in _XML_SUFFIXES:
        raise ParseError(path.name, "publication XML is read as structure, not as text (use read_document)")
    if suffix == ".docx":
        return _docx_text(path)
    return _pdf_text(path)


def read_document(path: Path, *, source_url: str | None = None) -> Meeting:
    """Read and parse one document; raises :class:`~minutes.model.ParseError` naming ``path.name``.

    Suffixes: .txt/.md (UTF-8 with or without BOM, else cp1252), .html/.htm (an agenda-portal page
    read by its markup, any other page as its text), .xml (a publication export, parsed with
    defusedxml), .docx (paragraphs and tables in document order) and .pdf (text layer).
    ``source_url`` is where the document can be opened; a structured export's own URL wins.
    """
    suffix = path.suffix.lower()
    if suffix in _XML_SUFFIXES and path.is_file():
        return parse_publication(_read_bytes(path), path.name, source_url=source_url)
    if suffix in _HTML_SUFFIXES and path.is_file():
        markup = decode_text(_read_bytes(path))
        if is_portal_page(markup):
            return parse_portal_page(markup, path.name, source_url=source_url)
        return parse_text(html_to_text(markup), path.name, source_url=source_url)
    return parse_text(read_text(path), path.name, source_url=source_url)
