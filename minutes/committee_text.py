"""Committee agendas and minutes as text: web-page copies (.txt/.md), and the same shapes in PDF/DOCX.

The family is recognised by its markers, not by one municipality's words:

* a **header** before the first item: a committee name (alone, in "Udvalg: …"/"UDVALG"/"Udvalg …"
  labels, in a "… – Referat – 14. juni 2022" line, or the last step of a "Du er her: …" breadcrumb),
  a date in any published spelling, labels for place ("Sted", "Mødested", "Lokation", "Lokale"),
  time ("Tidspunkt", "STARTTIDSPUNKT"/"SLUTTIDSPUNKT"), members ("Mødedeltagere", "Medlemmer"),
  absence ("Fraværende", "Afbud", "Bemærkninger: Afbud fra …"); a label's value on the same line
  (after ":", "|" or one space) or on the next line; "Referat"/"Beslutningsprotokol"/"Dagsorden".
* **items** in one of three layouts: "N. Titel" at the start of a line (numbers rise through the
  document), "• Pkt. N Titel" bullets, or a title line followed by "Sag nr. N"; a table of contents
  ("PUNKTER", "Indholdsfortegnelse", runs of headings with nothing between) is not the items.
* inside an item: the case number ("Sagsnr.", "Sagsid.", "Sagsnummer"), the open/closed marker
  ("Åbent punkt", "Lukket punkt", "Beslutningssag, lukket", a trailing "Åbent"/"Lukket"), known
  section headings, and decision blocks; only the block for THIS meeting (bare "Beslutning", or one
  naming this meeting's date) is the decision, earlier committees' blocks are history.
* noise (breadcrumbs, cookie banners, "Udskriv", "Fold alle ud", "Hent som fil", "Til toppen",
  attachment file names) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from minutes.committee import (
    COMMITTEE_RE,
    ItemParts,
    MeetingParts,
    absence_in_remarks,
    absence_names,
    build_meeting,
    clean_title,
    committee_in,
    find_datetime,
    find_time,
    parse_decision_heading,
    same_committee,
    split_names,
)
from minutes.model import Meeting

__all__ = ["looks_like_committee", "parse_committee_lines"]

# ------------------------------------------------------------------------------------------
# Noise
# ------------------------------------------------------------------------------------------

_NOISE_RE = re.compile(
    r"^(?:Spring\s+til\s+(?:hovedindhold(?:et)?|indhold(?:et)?)|Til\s+toppen|Til\s+top|Fold\s+alle\s+(?:ud|sammen)"
    r"|Udskriv(?:\s+hele\s+(?:dagsorde?nen|referatet|punktet))?|Tilbage(?:\s+til\s+(?:forsiden|oversigten))?"
    r"|Hent\s+hele\s+(?:referatet|dagsordenen)|Print|Del(?:\s+siden)?|Luk|Åbn\s+alle|Luk\s+alle"
    r"|Sager\s+\d+\s*[-–]\s*\d+|Punkter\s+\d+\s*[-–]\s*\d+|[-–—|]+)$",
    re.IGNORECASE,
)
_FILE_RE = re.compile(r"^\S+\.(?:pdf|docx?|xlsx?|pptx?|odt)$", re.IGNORECASE)
_PDF_LINK_RE = re.compile(r"^(?:Dagsorden|Referat|Beslutningsprotokol|Bilag)[^()]*\((?:pdf|docx?)\)$", re.IGNORECASE)
_COOKIE_RE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_BREADCRUMB_RE = re.compile(r"^(?:Du\s+er\s+her\s*:|Forside\s*[›>»/])", re.IGNORECASE)
_CRUMB_SPLIT_RE = re.compile(r"\s*[›>»/]\s*")
_DOWNLOAD_LABEL_RE = re.compile(r"^Hent\s+som\s+fil\s*:?\s*$", re.IGNORECASE)
_GLUED_PRINT_RE = re.compile(r"^(\s*)Udskriv(?=Sags|Sagsnr|Sagsid)", re.IGNORECASE)
_PIPE_RE = re.compile(r"\s*\|\s*")


def _denoise(lines: list[str]) -> tuple[list[str], str | None]:
    """Lines with noise blanked (indices kept) and the committee a breadcrumb names, if any."""
    out: list[str] = []
    crumb_committee: str | None = None
    skip_next = False
    for line in lines:
        flat = " ".join(line.split())
        if skip_next and flat:
            skip_next = False
            if len(flat) < 60:
                out.append("")
                continue
        if not flat:
            out.append("")
            continue
        if "|" in flat:
            cells = [c for c in _PIPE_RE.split(flat.strip("| ")) if c]
            flat = " ".join(cells)
            line = flat
        if flat[:1] in "DdF" and _BREADCRUMB_RE.match(flat):
            crumbs = [c for c in _CRUMB_SPLIT_RE.split(flat.split(":", 1)[-1]) if c]
            for crumb in reversed(crumbs):
                if (found := committee_in(crumb)) is not None:
                    crumb_committee = found
                    break
            out.append("")
            continue
        if flat[:1] in "Hh" and _DOWNLOAD_LABEL_RE.match(flat):
            skip_next = True
            out.append("")
            continue
        short = len(flat) <= 80  # noise is short; prose lines skip the checks
        if (short and (_NOISE_RE.match(flat) or _FILE_RE.match(flat) or _PDF_LINK_RE.match(flat))) or (
            len(out) < 5 and _COOKIE_RE.search(flat)
        ):
            out.append("")
            continue
        out.append(_GLUED_PRINT_RE.sub(r"\1", line) if "Udskriv" in line else line)
    return out, crumb_committee


# ------------------------------------------------------------------------------------------
# Item headings
# ------------------------------------------------------------------------------------------

# A title may start lower-case ("5. eventuelt"), but not as a proposal's numbered "at …" clause.
_NUMBERED_RE = re.compile(r"^(?P<n>\d{1,4})\.\s+(?!(?:at|og|samt)\s)(?P<title>[\wæøåÆØÅ\"“«§].*)$")
_PKT_RE = re.compile(r"^\s*(?:[-•*·▪]\s*)?(?:Pkt|Punkt)\.?\s*(?P<n>\d{1,4})\.?(?:\s*[:.–-]?\s+(?P<title>\S.*))?$")
_SAG_NR_RE = re.compile(r"^\s*(?:Sag|Punkt)\s+nr\.?\s*(?P<n>\d{1,4})\s*$", re.IGNORECASE)
_TOC_MARK_RE = re.compile(
    r"^(?:PUNKTER|Punkter|Indholdsfortegnelse|Indhold|Dagsordenpunkter|Dagsordenens\s+punkter|Oversigt)\s*:?\s*(?P<rest>.*)$"
)


@dataclass(frozen=True)
class _Heading:
    at: int  # the line where the item's heading starts (its title line for "Sag nr." layouts)
    body_from: int  # the first line of the item's body
    number: str
    title: str


def _candidates(lines: list[str]) -> list[_Heading]:
    """Item headings in the layout this document uses (bullet Pkt, "Sag nr.", or "N. Titel")."""
    pkt = [(i, m) for i, line in enumerate(lines) if line and (m := _PKT_RE.match(line)) and m["title"]]
    if len(pkt) >= 1 and any(re.match(r"^\s*[-•*·▪]", lines[i]) for i, _ in pkt):
        return [_Heading(i, i + 1, m["n"], m["title"]) for i, m in pkt if re.match(r"^\s*[-•*·▪]", lines[i])]
    sag = [(i, m) for i, line in enumerate(lines) if line and (m := _SAG_NR_RE.match(line))]
    if sag:
        out = []
        for i, m in sag:
            j = i - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            if j >= 0:
                out.append(_Heading(j, i + 1, m["n"], lines[j].strip()))
        return out
    if pkt:
        return [_Heading(i, i + 1, m["n"], m["title"]) for i, m in pkt]
    numbered = []
    for i, line in enumerate(lines):
        if not line or line[:1].isspace():
            continue
        m = _NUMBERED_RE.match(line.rstrip())
        if m is not None and len(m["title"]) <= 250:
            numbered.append(_Heading(i, i + 1, m["n"], m["title"].strip()))
    return numbered


def _drop_tables_of_contents(lines: list[str], heads: list[_Heading]) -> list[_Heading]:
    """Headings without their table-of-contents copies: runs of headings with no text between them
    whose numbers come again later keep only the later (real) headings."""
    keep: list[_Heading] = []
    k = 0
    while k < len(heads):
        run = [heads[k]]
        while k + len(run) < len(heads):
            prev, nxt = run[-1], heads[k + len(run)]
            if any(lines[x].strip() for x in range(prev.body_from, nxt.at)):
                break
            run.append(nxt)
        later = {h.number for h in heads[k + len(run) :]}
        if len(run) >= 2 and sum(h.number in later for h in run) >= len(run) - 1:
            k += len(run)
            continue
        keep.append(heads[k])
        k += 1
    return keep


def _rising(heads: list[_Heading]) -> list[_Heading]:
    """Only headings whose number rises: a numbered list inside an item ("1. De pårørende …") or a
    heading printed twice ("2. Titel (B)" / "2.     Titel (B)") is body, not a new item."""
    out: list[_Heading] = []
    for head in heads:
        if out and int(head.number) <= int(out[-1].number):
            continue
        out.append(head)
    return out


def _toc_lines(lines: list[str]) -> list[str]:
    """Lines with a marked table of contents blanked ("PUNKTER" / "Indholdsfortegnelse1. …" + list)."""
    out = list(lines)
    for i, line in enumerate(lines):
        m = _TOC_MARK_RE.match(line.strip()) if line and line.lstrip()[:1] in "PIDO" else None
        if m is None:
            continue
        rest = m["rest"]
        if rest and not re.match(r"^\d{1,4}\.\s", rest):
            continue  # "Indhold: …" as running text
        out[i] = ""
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        while j < len(lines) and lines[j].strip() and _NUMBERED_RE.match(lines[j].strip()):
            out[j] = ""
            j += 1
    return out


# ------------------------------------------------------------------------------------------
# Header
# ------------------------------------------------------------------------------------------

_LABELS: tuple[tuple[str, str], ...] = (
    ("committee", r"Udvalg|Committee|Forum"),
    ("date", r"Mødedato|Dato|Date|STARTTIDSPUNKT|Starttidspunkt|Mødestart|Start"),
    ("end", r"SLUTTIDSPUNKT|Sluttidspunkt|Mødeslut|Slut"),
    ("time", r"Mødetidspunkt|Mødetid|Tidspunkt|Klokkeslæt|Tid"),
    ("location", r"Mødested|Sted|Lokation|Lokale|Mødelokale(?=\s*:)|Adresse"),
    ("members", r"Mødedeltagere|Medlemmer|Deltagere|Deltagende|Til\s+stede"),
    ("absent", r"Fraværende\s+medlemmer|Fraværende|Afbud|Fravær|Ikke\s+til\s+stede"),
    ("remarks", r"Bemærkninger|Bemærkning|Information|Note"),
    ("kind", r"MØDE|Møde|Mødetype|Type"),
)
_LABEL_RES = tuple(
    (key, re.compile(rf"^(?:{alts})(?![\wæøåÆØÅ])\s*(?P<colon>:)?\s*(?P<value>.*)$", re.IGNORECASE)) for key, alts in _LABELS
)
_KIND_WORD_RE = re.compile(r"(?<![\wæøå])(Referat|Beslutningsprotokol|Beslutningsreferat|Dagsorden)(?![\wæøå])", re.IGNORECASE)
_PLACE_HINT_RE = re.compile(
    r"rådhus|lokale|værelse|salen|sal\b|center|centret|plejehjem|kontor|bibliotek|skole|hus\b|huset|vej\b|gade\b|plads",
    re.IGNORECASE,
)


def _label(line: str) -> tuple[str, str] | None:
    flat = " ".join(line.split())
    for key, pattern in _LABEL_RES:
        m = pattern.match(flat)
        if m is None:
            continue
        value = m["value"].strip(" |")
        if not m["colon"] and value:
            # "Udvalg Seniorudvalget", "Fraværende Preben Tarp": a label without a colon only when the
            # label is the line's first word and the value is not a sentence that merely starts with it.
            if key == "kind" and not _KIND_WORD_RE.fullmatch(value):
                continue
            if key == "time" and find_time(value) == (None, None):
                continue
            if key == "location" and flat.split()[0].lower() not in {"mødested", "sted", "lokation", "lokale", "adresse"}:
                continue
            if key == "date" and find_datetime(value) is None:
                continue
            if key == "members" and "," not in value:
                continue
        return key, value
    return None


def _read_header(lines: list[str], parts: MeetingParts) -> None:
    """Fill ``parts`` from the header lines (everything before the first item)."""
    want: str | None = None
    unlabelled: list[str] = []
    times: list[tuple[str, str]] = []
    for raw in lines:
        flat = " ".join(raw.split())
        if not flat:
            if want == "members_more":
                want = "members_done"
            continue
        if want and want not in {"members_more", "members_done"}:
            times.append((want, flat))
            if want == "members":
                want = "members_more"
            else:
                want = None
            continue
        labelled = _label(flat)
        if labelled is not None:
            key, value = labelled
            if value:
                times.append((key, value))
                want = None
            else:
                want = key
            continue
        if want == "members_more" and not COMMITTEE_RE.search(flat) and find_datetime(flat) is None and len(flat) < 80:
            times.append(("members", flat))
            continue
        want = None
        unlabelled.append(flat)

    for key, value in times:
        if key == "committee" and parts.committee is None:
            parts.committee = committee_in(value) or value
        elif key in {"date", "end", "time"}:
            found = find_datetime(value)
            if key == "date" and found is not None:
                _set_when(parts, *found)
            elif key == "end":
                end = found[1] if found else find_time(value)[0]
                parts.end = parts.end or end
            else:
                start, end = find_time(value)
                parts.start = parts.start or start
                parts.end = parts.end or end
        elif key == "location" and parts.location is None:
            parts.location = value
        elif key == "members":
            parts.members.extend(n for n in split_names(value) if n not in parts.members)
        elif key == "absent":
            value = re.sub(r"^fra\s+", "", value, flags=re.IGNORECASE)
            parts.absent.extend(n for n in split_names(value) if n not in parts.absent)
        elif key == "remarks":
            parts.absent.extend(n for n in absence_in_remarks(value) if n not in parts.absent)
        elif key == "kind":
            _kind_word(value, parts)

    for flat in unlabelled:
        words = _KIND_WORD_RE.findall(flat)
        committee = committee_in(flat)
        found = find_datetime(flat)
        if words and len(flat) <= 120:
            for word in words:
                _kind_word(word, parts)
        if committee and (parts.committee is None) and len(flat) <= 160:
            parts.committee = committee
        if found is not None:
            _set_when(parts, *found)
        if words or committee or found:
            continue
        if absence_names(flat) is not None:
            parts.absent.extend(n for n in absence_names(flat) or () if n not in parts.absent)
            continue
        if parts.location is None and len(flat) <= 120 and ("," in flat or _PLACE_HINT_RE.search(flat)):
            parts.location = flat


def _set_when(parts: MeetingParts, day: date, start: time | None, end: time | None) -> None:
    if parts.day is None:
        parts.day = day
    if day == parts.day:
        parts.start = parts.start or start
        parts.end = parts.end or end


def _kind_word(word: str, parts: MeetingParts) -> None:
    lowered = word.lower()
    if "dagsorden" in lowered:
        parts.says_agenda = True
    if "referat" in lowered or "protokol" in lowered:
        parts.says_minutes = True


# ------------------------------------------------------------------------------------------
# Items
# ------------------------------------------------------------------------------------------

_SECTION_NAMES = (
    "Resume", "Resumé", "Sammenfatning", "Sagsfremstilling", "Supplerende sagsfremstilling", "Beslutningstema",
    "Indstilling", "Indstillinger", "Forslag", "Økonomi", "Økonomi og afledt drift", "Økonomiske konsekvenser",
    "Økonomiske og personalemæssige konsekvenser", "Økonomiske forhold", "Bevillingsmæssige konsekvenser",
    "Personale", "Personalemæssige konsekvenser", "Bilag", "Bilagsliste", "Beslutningskompetence", "Kompetence",
    "Baggrund", "Sagens indhold", "Sagens kerne", "Sagen behandles i", "Beskrivelse af sagen", "Beskrivelse",
    "Sagshistorik", "Sagshistorik, henvisninger", "Sagsgang og sagstype", "Sagsforløb", "Tidligere beslutninger",
    "Beslutningspunkter", "Høring", "Høringssvar", "Lovgrundlag", "Retsgrundlag", "Kommunikation", "Tidsplan",
    "Vurdering", "Administrationens vurdering", "Forvaltningens vurdering", "Det videre forløb", "Videre proces",
    "Proces", "Konsekvenser", "Miljø", "Klima", "Sagsbehandler", "Lovhjemmel", "Inddragelse", "Effekt",
)  # fmt: skip
_SECTION_KEYS = {name.casefold(): name for name in _SECTION_NAMES}
_INLINE_SECTION_RE = re.compile(r"^(?P<h>Beslutningskompetence|Kompetence|Sagsforløb)\s*:\s*(?P<v>\S.*)$", re.IGNORECASE)
_CASE_RE = re.compile(
    r"(?<![\wæøå])(?:Sagsnr|Sags\.?\s*nr|Sagsnummer|Sagsid|Sags-?id|Sag\s*ID|Journalnr|J\.\s*nr|Emnenr|Emne)\.?\s*:?\s*"
    r"(?P<case>[A-ZÆØÅ]{0,6}-?\d[\w./-]*\d|\d)",
    re.IGNORECASE,
)
_OPEN_CLOSED_RE = re.compile(r"(?<![\wæøå])(?P<w>Åbent|Åben|Lukket)(?:\s+punkt)?\s*\.?$", re.IGNORECASE)
_CLOSED_LINE_RE = re.compile(r"^(?:\(?\s*Lukket\s+punkt\s*\)?|Lukket|[A-ZÆØÅa-zæøå]+sag,\s*lukket)\s*\.?$", re.IGNORECASE)
_CASE_TYPE_RE = re.compile(r"^(?:Beslutningssag|Drøftelsessag|Orienteringssag|Temasag|Høringssag)(?:,\s*(?P<c>lukket|åben))?$", re.I)


def _may_be_decision_heading(flat: str, low: str) -> bool:
    """Cheap pre-check for :func:`parse_decision_heading` (most body lines are prose)."""
    return low.startswith(("beslutning", "afgørelse", "udvalgets")) or (", pkt" in low or ", punkt" in flat.lower()) and len(flat) < 160


def _section_heading(flat: str) -> str | None:
    return _SECTION_KEYS.get(flat.rstrip(":").strip().casefold())


def _read_item(head: _Heading, body: list[str], meeting_day: date | None, meeting_committee: str | None) -> ItemParts:
    item = ItemParts(number=head.number, title=head.title)
    target: list[str] | None = None
    section_lines: list[str] = []
    item.sections.append(("", section_lines))
    target = section_lines
    dated_blocks: list[tuple[tuple[date | None, str | None], list[str]]] = []
    bare_block: list[str] | None = None
    title_flat = " ".join(head.title.split()).casefold()
    core_title = clean_title(head.title)[0].casefold()
    seen_text = False
    for raw in body:
        flat = " ".join(raw.split())
        if not flat:
            target.append("")
            continue
        if not seen_text:
            # The title printed again under its heading ("97. Titel" / "Titel"), the "Pkt. 10" line,
            # or a bare "-".
            core = re.sub(r"^(?:\d{1,4}\.|(?:Pkt|Punkt)\.?\s*\d{1,4})\s*", "", flat).casefold()
            if core in {title_flat, core_title} or clean_title(core)[0] == core_title or not core:
                continue
        seen_text = True
        low = flat[:60].lower()
        case = (
            _CASE_RE.search(flat)
            if item.case_number is None and len(flat) < 200 and ("sag" in low or "nr" in low or "emne" in low)
            else None
        )
        if case is not None and (flat.lower().startswith(("sags", "j.", "journal", "emne")) or len(flat) < 160):
            item.case_number = case["case"]
            marker = _OPEN_CLOSED_RE.search(flat)
            if marker is not None and marker["w"].lower() == "lukket":
                item.confidential = True
            continue
        short = len(flat) <= 60
        if short and low.startswith(("dok.nr", "dokumentnr", "sagsinitialer")):
            continue
        if short and _CLOSED_LINE_RE.match(flat):
            item.confidential = True
            continue
        case_type = _CASE_TYPE_RE.match(flat) if short else None
        if case_type is not None:
            if (case_type["c"] or "").lower() == "lukket":
                item.confidential = True
            target.append(raw)
            continue
        if short and low in {"åbent punkt", "åben", "åbent"}:
            continue
        decision = parse_decision_heading(flat) if _may_be_decision_heading(flat, low) else None
        if decision is not None:
            block: list[str] = []
            if decision.day is None:
                if bare_block is None:
                    bare_block = block
            else:
                dated_blocks.append(((decision.day, decision.committee), block))
            if decision.inline:
                block.append(decision.inline)
            target = block
            continue
        heading = _section_heading(flat) if short else None
        if heading is not None:
            lines_: list[str] = []
            item.sections.append((heading, lines_))
            target = lines_
            continue
        inline = _INLINE_SECTION_RE.match(flat) if ":" in flat[:30] else None
        if inline is not None:
            item.sections.append((_section_heading(inline["h"]) or inline["h"], [inline["v"]]))
            continue
        target.append(raw)

    chosen: list[str] | None = None
    for (day, committee), block in dated_blocks:
        if (meeting_day is None or day == meeting_day) and same_committee(committee, meeting_committee):
            chosen = block
    if chosen is None and bare_block is not None:
        chosen = bare_block
    if chosen is None and dated_blocks and meeting_day is None:
        chosen = dated_blocks[-1][1]
    if chosen is not None:
        item.decision = chosen
        item.decided = any(line.strip() for line in chosen)
    item.sections = [(h, lines_) for h, lines_ in item.sections if h or any(x.strip() for x in lines_)]
    if item.sections and item.sections[0][0] == "":
        item.sections[0] = ("Beskrivelse", item.sections[0][1])
    return item


# ------------------------------------------------------------------------------------------
# Entry points
# ------------------------------------------------------------------------------------------


def looks_like_committee(lines: list[str]) -> bool:
    """True when a committee is named near the top (the caller then tries :func:`parse_committee_lines`,
    whose ParseError says which of the family's other marks are missing)."""
    seen = 0
    for line in lines[:80]:
        if not line.strip():
            continue
        seen += 1
        if ("udvalg" in line or "rådet" in line or "bestyrelsen" in line or "Borgerrep" in line or "Magistrat" in line) and COMMITTEE_RE.search(line):
            return True
        if seen >= 25:
            return False
    return False


def parse_committee_lines(lines: list[str], source: str, *, source_url: str | None = None) -> Meeting:
    """Prepared lines of a committee agenda/minutes text -> :class:`Meeting` (see the module doc).

    Raises :class:`~minutes.model.ParseError` naming what was not found (committee, date, items).
    """
    cleaned, crumb_committee = _denoise(lines)
    cleaned = _toc_lines(cleaned)
    heads = _rising(_drop_tables_of_contents(cleaned, _candidates(cleaned)))
    parts = MeetingParts(source=source, source_url=source_url)
    first = heads[0].at if heads else len(cleaned)
    _read_header(cleaned[:first], parts)
    if parts.committee is None:
        parts.committee = crumb_committee
    # Decision headings name this meeting when the header does not ("Udvalg, 22-02-2022, pkt. 9").
    if parts.committee is None or parts.day is None:
        for line in cleaned[first:]:
            found = parse_decision_heading(line) if line else None
            if found is not None and found.day is not None:
                parts.committee = parts.committee or found.committee
                parts.day = parts.day or found.day
                break
    for k, head in enumerate(heads):
        stop = heads[k + 1].at if k + 1 < len(heads) else len(cleaned)
        parts.items.append(_read_item(head, cleaned[head.body_from : stop], parts.day, parts.committee))
    return build_meeting(parts, [])
