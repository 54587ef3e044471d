"""Committee agendas and minutes saved from an agenda portal as HTML, read by their markup.

The portal family marks its parts with classes and ids rather than words: a heading
``h1.dato`` ("Referat 5. marts 2025 kl. 15.30"), ``span.udvalg``/``span.sted``, a
``table.dagsordeninfo`` of label/value rows (Udvalg, Mødedato, Mødested, Information,
Mødedeltagere, Fraværende/Afbud), and one ``tr.punktrow`` per item holding the number
(``span.label``), the title (``h2.overskrift``), the case (``span.sagsnummer``) and ``h3``-headed
sections (Beslutninger first, Resume, Beslutningspunkter, Sagsforløb, Bilag with ``a.bilag-link``).

Why structure and not flattened text: the number, title and case of an item sit in separate
elements whose text runs together when flattened, and the decision is the section under the
"Beslutninger" heading wherever the portal puts it. The stdlib :class:`html.parser.HTMLParser`
is enough to build the small tree this needs (portal pages are generated, well-nested markup),
so no third-party HTML library is pulled in. Pages without these marks fall back to the text
families (:func:`minutes.parser.parse_text` on the page's text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from minutes.committee import (
    ItemParts,
    MeetingParts,
    absence_in_remarks,
    absence_names,
    build_meeting,
    committee_in,
    find_datetime,
    find_time,
    split_names,
)
from minutes.model import Meeting

__all__ = ["is_portal_page", "parse_portal_page"]

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_BLOCK = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "dd", "dt"}
)
_SKIP = frozenset({"script", "style", "head", "template", "noscript", "button"})


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list["_Node | str"] = field(default_factory=list)
    _flat: "list[_Node] | None" = field(default=None, repr=False)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> "list[_Node]":
        """This element and every element below it, in document order (computed once: the tree is
        not changed after it is built, and an item row is searched several times)."""
        if self._flat is None:
            out: list[_Node] = []
            stack: list[_Node] = [self]
            while stack:
                node = stack.pop()
                out.append(node)
                stack.extend(reversed([c for c in node.children if isinstance(c, _Node)]))
            self._flat = out
        return self._flat

    def find_all(self, tag: str | None = None, cls: str | None = None, id_: str | None = None) -> "list[_Node]":
        return [
            n
            for n in self.iter()[1:]
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and (id_ is None or n.attrs.get("id", "").strip() == id_)
        ]

    def find(self, tag: str | None = None, cls: str | None = None, id_: str | None = None) -> "_Node | None":
        found = self.find_all(tag, cls, id_)
        return found[0] if found else None

    def lines(self) -> list[str]:
        """The text of this element, one line per block element, whitespace collapsed."""
        parts: list[str] = []

        def walk(node: _Node) -> None:
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                elif child.tag not in _SKIP:
                    if child.tag in _BLOCK:
                        parts.append("\n")
                    if child.tag == "li":
                        parts.append("- ")
                    walk(child)
                    if child.tag in _BLOCK:
                        parts.append("\n")

        walk(self)
        return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]

    def text(self) -> str:
        return " ".join(self.lines())


class _TreeBuilder(HTMLParser):
    """A forgiving element tree: void elements close themselves, a stray end tag closes up to its match."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: (v or "") for k, v in attrs})
        self._stack[-1].children.append(node)
        if tag not in _VOID:
            self._stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack[-1].children.append(_Node(tag, {k: (v or "") for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def _tree(markup: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


_PORTAL_MARK_RE = re.compile(r"""class\s*=\s*["'][^"']*\bpunktrow\b|id\s*=\s*["']dagsordenDetaljer""", re.IGNORECASE)


def is_portal_page(markup: str) -> bool:
    """True when ``markup`` is an agenda-portal page (item rows ``tr.punktrow`` / ``#dagsordenDetaljer``)."""
    return _PORTAL_MARK_RE.search(markup) is not None


_DECISION_HEADINGS = frozenset({"beslutning", "beslutninger", "afgørelse"})
_HISTORY_HEADINGS = frozenset({"sagsforløb", "tidligere beslutninger", "sagshistorik"})
_CLOSED_RE = re.compile(r"\blukket\b", re.IGNORECASE)


def _item(row: _Node) -> ItemParts | None:
    number_node = row.find("span", cls="label")
    title_node = row.find(cls="overskrift") or row.find("h2")
    if number_node is None or title_node is None:
        return None
    number = number_node.text().strip().rstrip(".")
    if not number:
        return None
    case_node = row.find(cls="sagsnummer")
    item = ItemParts(number=number, title=title_node.text(), case_number=(case_node.text() or None) if case_node else None)
    if any(_CLOSED_RE.search(n.text()) for n in row.find_all(cls="lukket")) or "lukket" in row.classes:
        item.confidential = True
    for heading, lines in _sections(row):
        key = heading.strip().rstrip(":").casefold()
        if key in _DECISION_HEADINGS:
            item.decided = bool(lines)
            item.decision = lines
        elif key and key not in _HISTORY_HEADINGS:
            item.sections.append((heading.strip().rstrip(":"), lines))
    for line in item.decision:
        if re.match(r"^\s*(?:\(?lukket\s+punkt\)?)\s*$", line, re.IGNORECASE):
            item.confidential = True
    return item


def _sections(row: _Node) -> list[tuple[str, list[str]]]:
    """(h3 heading, its lines) in document order: each h3 owns the text up to the next h3."""
    out: list[tuple[str, list[str]]] = []
    buffer: list[str] = []

    def flush() -> None:
        if out:
            out[-1][1].extend(" ".join(x.split()) for x in "".join(buffer).split("\n") if x.strip())
        buffer.clear()

    def walk(node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                buffer.append(child)
            elif child.tag == "h3":
                flush()
                out.append((child.text(), []))
            elif child.tag not in _SKIP:
                if child.tag in _BLOCK:
                    buffer.append("\n")
                if child.tag == "li":
                    buffer.append("- ")
                walk(child)
                if child.tag in _BLOCK:
                    buffer.append("\n")

    walk(row)
    flush()
    return out


_CANONICAL_RE = re.compile(r"^https?://", re.IGNORECASE)


def parse_portal_page(markup: str, source: str, *, source_url: str | None = None) -> Meeting:
    """An agenda-portal page (see the module doc) -> :class:`Meeting`; ParseError names what is missing."""
    root = _tree(markup)
    parts = MeetingParts(source=source, source_url=source_url)
    for link in root.find_all("link"):
        if link.attrs.get("rel", "").lower() == "canonical" and _CANONICAL_RE.match(link.attrs.get("href", "")):
            parts.source_url = parts.source_url or link.attrs["href"]
    for meta in root.find_all("meta"):
        if meta.attrs.get("property", "").lower() == "og:url" and _CANONICAL_RE.match(meta.attrs.get("content", "")):
            parts.source_url = parts.source_url or meta.attrs["content"]

    info = root.find("table", cls="dagsordeninfo")
    if info is not None:
        for row in info.find_all("tr"):
            cells = row.find_all("td") or row.find_all("th")
            if len(cells) < 2:
                continue
            label = cells[0].text().strip().rstrip(":").casefold()
            value = " ".join(c.text() for c in cells[1:]).strip()
            if label in {"udvalg", "forum"}:
                parts.committee = parts.committee or committee_in(value) or value or None
            elif label in {"mødedato", "dato", "tidspunkt"}:
                found = find_datetime(value)
                if found is not None:
                    parts.day, parts.start, parts.end = parts.day or found[0], parts.start or found[1], parts.end or found[2]
                else:
                    start, end = find_time(value)
                    parts.start, parts.end = parts.start or start, parts.end or end
            elif label in {"mødested", "sted", "lokation", "lokale"}:
                parts.location = parts.location or value or None
            elif label in {"mødedeltagere", "deltagere", "medlemmer"}:
                parts.members.extend(split_names(value))
            elif label in {"fraværende", "afbud", "fravær"}:
                parts.absent.extend(split_names(re.sub(r"^fra\s+", "", value, flags=re.IGNORECASE)))
            elif label in {"information", "bemærkninger", "note"}:
                parts.absent.extend(absence_in_remarks(value))
                for line in cells[1].lines():
                    parts.absent.extend(absence_names(line) or ())

    heading = root.find("h1", cls="dato") or root.find("h1")
    if heading is not None:
        text = heading.text()
        lowered = text.lower()
        parts.says_minutes = "referat" in lowered or "protokol" in lowered
        parts.says_agenda = "dagsorden" in lowered
        found = find_datetime(text)
        if found is not None:
            parts.day, parts.start, parts.end = parts.day or found[0], parts.start or found[1], parts.end or found[2]
    if parts.committee is None and (span := root.find("span", cls="udvalg")) is not None:
        parts.committee = committee_in(span.text()) or span.text() or None
    if parts.location is None and (span := root.find("span", cls="sted")) is not None:
        parts.location = span.text() or None
    if parts.committee is None and (title := root.find("title")) is not None:
        parts.committee = committee_in(title.text())

    for row in root.find_all("tr", cls="punktrow"):
        item = _item(row)
        if item is not None:
            parts.items.append(item)
    return build_meeting(parts, ["item rows (tr.punktrow)"] if not parts.items else [])
