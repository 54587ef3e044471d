"""HTML (whole pages or fragments pasted into text exports) -> plain text lines, stdlib only."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["CHECKED", "UNCHECKED", "contains_html", "html_to_text"]

CHECKED = "[x]"
UNCHECKED = "[ ]"

# Tags whose start or end breaks a line; cells become tab-separated.
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "table", "thead", "tbody", "tfoot", "tr",
        "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
        "blockquote", "pre", "hr", "title", "dl", "dt", "dd", "main", "body", "form",
    }
)
_CELL_TAGS = frozenset({"td", "th"})
_SKIP_TAGS = frozenset({"script", "style", "head", "template", "noscript"})

# Only markup we know from the archive's exports counts as "this text has HTML in it";
# a stray "<" in prose (e.g. "< 5 mio.") must not switch the text to HTML handling.
_HTML_TAG_RE = re.compile(
    r"</?(?:p|div|br|ul|ol|li|table|thead|tbody|tr|td|th|input|span|i|b|em|strong|h[1-6]|html|body)\b[^<>]*>",
    re.IGNORECASE,
)
_SPACES_RE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_ANY_TAG_RE = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>", re.DOTALL)
_SKIPPED_BLOCK_RE = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


def contains_html(text: str) -> bool:
    """True when ``text`` carries HTML element markup (a whole page or pasted fragments)."""
    return _HTML_TAG_RE.search(text) is not None


class _TextExtractor(HTMLParser):
    """Collects text, turning blocks into lines, cells into tab-separated fields, checkboxes into [x]/[ ]."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skip_depth = 0
        self._cell_open = False

    def _newline(self) -> None:
        self._parts.append("\n")
        self._cell_open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
            return
        if tag in _BLOCK_TAGS:
            self._newline()
            if tag == "li":
                self._parts.append("- ")
        elif tag in _CELL_TAGS:
            if self._cell_open:
                self._parts.append("\t")
            self._cell_open = True
        elif tag == "input":
            names = {name.lower(): value for name, value in attrs}
            if (names.get("type") or "").lower() in {"checkbox", "radio"}:
                self._parts.append(CHECKED if "checked" in names else UNCHECKED)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        self._parts.append(_SPACES_RE.sub(" ", data))

    def text(self) -> str:
        return "".join(self._parts)


def _tag_to_text(match: re.Match[str]) -> str:
    name = (match[2] or "").lower()
    if not name:
        return ""  # a comment
    closing = bool(match[1])
    if name in _BLOCK_TAGS:
        return "\n- " if name == "li" and not closing else "\n"
    if name in _CELL_TAGS:
        return "\t" if closing else ""
    if name == "input" and re.search(r"type\s*=\s*[\"']?(?:checkbox|radio)", match[3], re.IGNORECASE):
        return CHECKED if re.search(r"\bchecked\b", match[3], re.IGNORECASE) else UNCHECKED
    return ""


def _fragments_to_text(markup: str) -> str:
    """Fast path for HTML fragments inside plain text: tags replaced in one regex pass."""
    if "<" in markup and _SKIPPED_BLOCK_RE.search(markup):
        markup = _SKIPPED_BLOCK_RE.sub("", markup)
    text = _ANY_TAG_RE.sub(_tag_to_text, markup)
    return html.unescape(text) if "&" in text else text


def html_to_text(markup: str, *, preserve_whitespace: bool = False) -> str:
    """Return the text of ``markup`` with one line per block element and tab-separated table cells.

    ``preserve_whitespace`` keeps the newlines and tabs found between tags (for HTML fragments
    embedded in a plain-text export, where the tabs are table cells); otherwise runs of whitespace
    collapse to one space as a browser would. Checked/unchecked checkboxes become ``[x]``/``[ ]``.
    Never raises on malformed markup. Whole pages go through :class:`html.parser.HTMLParser`;
    fragments (``preserve_whitespace``) take a one-pass regex route, as they are parsed per
    document in bulk ingestion and carry only simple paragraph/list/table/checkbox markup.
    """
    if preserve_whitespace:
        return _fragments_to_text(markup)
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    return "\n".join(line.strip(" ") for line in extractor.text().split("\n"))
