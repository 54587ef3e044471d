"""Decision search: full-text candidates from the index, filtered in SQL, ranked by outcome and relevance."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from minutes.text import content_stems, content_terms, overstemmed, stems
from storage import search_index
from storage.search_index import QueryTerm

CANDIDATES = 100  # rows taken from the engine's own ranking before ours

# How much an item's outcome weighs against relevance (which is scaled to 0..1), by what was asked.
OUTCOME_BONUS: dict[str, dict[str, float]] = {
    "decided": {"decided": 1.0, "noted": 0.55, "postponed": 0.35, "discussed": 0.3, "none": 0.0},
    "discussed": {"discussed": 1.0, "decided": 0.6, "noted": 0.5, "postponed": 0.3, "none": 0.0},
    "any": {"decided": 0.3, "noted": 0.2, "postponed": 0.1, "discussed": 0.1, "none": 0.0},
}


@dataclass(frozen=True)
class SearchQuery:
    """A decisions question after the dialogs layer took intent, dates, kind and names out of it."""

    topic: str
    tenant_id: str = ""
    start: date | None = None
    end: date | None = None
    meeting_kind: str | None = None
    presenter: str | None = None
    include_confidential: bool = False
    outcome_wanted: str = "decided"  # "decided" | "discussed" | "any"
    limit: int = 5


@dataclass(frozen=True)
class Related:
    """Another stored document of the same meeting (the indstilling behind an item, or the minutes)."""

    source: str
    kind: str
    title: str
    document_type: str


@dataclass(frozen=True)
class SearchHit:
    """One item that answers a question, with everything a citation needs."""

    item_id: int
    meeting_id: int
    meeting_date: date
    meeting_kind: str
    meeting_title: str
    document_type: str
    source: str
    item_number: str | None
    item_title: str
    decision: str
    outcome: str
    presenters: tuple[str, ...]
    confidential: bool
    score: float
    related: tuple[Related, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """Hits best first, plus what helps say "nothing found" well."""

    hits: tuple[SearchHit, ...]
    terms: tuple[str, ...]  # the content stems searched for
    corrected: dict[str, str] = field(default_factory=dict)  # typo -> stem used
    suggestions: tuple[str, ...] = ()  # item titles close to the question, when nothing matched


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_param(value: str) -> str:
    # PostgreSQL text cannot hold NUL; a NUL can never match stored text anyway.
    return value.replace("\x00", "")


def _filters(query: SearchQuery) -> tuple[list[str], dict[str, Any]]:
    where = ["m.tenant_id = :tenant"]
    params: dict[str, Any] = {"tenant": query.tenant_id}
    if not query.include_confidential:
        where.append("i.confidential = :false AND m.confidential = :false")
        params["false"] = False
    if query.start:
        where.append("m.date >= :start")
        params["start"] = query.start
    if query.end:
        where.append("m.date <= :end")
        params["end"] = query.end
    if query.meeting_kind:
        where.append("lower(m.meeting_kind) = lower(:kind)")
        params["kind"] = _text_param(query.meeting_kind)
    if query.presenter:
        where.append("lower(CAST(i.presenters AS TEXT)) LIKE lower(:presenter) ESCAPE '\\'")
        params["presenter"] = f"%{_escape_like(_text_param(query.presenter))}%"
    return where, params


# Candidates carry only what ranking needs; the citation columns are read for the few hits kept.
_LIGHT = "i.id, m.date, i.outcome"
_COLUMNS = (
    "i.id, m.id, m.date, m.meeting_kind, m.title, m.document_type, m.source, i.number, i.title, "
    "i.decision, i.outcome, i.presenters, i.confidential"
)


def _index_filters(query: SearchQuery, dialect: str) -> tuple[list[str], dict[str, Any]]:
    """Filters evaluated inside the full-text engine, on the columns kept beside the index."""
    sqlite = dialect == "sqlite"
    where = ["tenant_id = :tenant"]
    params: dict[str, Any] = {"tenant": query.tenant_id}
    if not query.include_confidential:
        where.append("confidential = :false")
        params["false"] = 0 if sqlite else False
    if query.start:
        where.append("date >= :start")
        params["start"] = query.start.isoformat() if sqlite else query.start
    if query.end:
        where.append("date <= :end")
        params["end"] = query.end.isoformat() if sqlite else query.end
    if query.meeting_kind:
        where.append("kind_key = :kind")
        params["kind"] = search_index.kind_key(_text_param(query.meeting_kind))
    return where, params


async def _ranked(
    session: AsyncSession, dialect: str, match: str, query: SearchQuery, limit: int, *, filtered: bool
) -> list[tuple[int, float]]:
    """(item id, relevance) best first: the bare full-text query.

    Unfiltered, the engine only matches and ranks (cheap); ``filtered`` also checks tenant, date,
    kind and confidentiality inside the engine (reading each match's stored columns: dearer per match,
    but it never misses an item that the filters keep).
    """
    where, params = _index_filters(query, dialect) if filtered else ([], {})
    params.update({"q": match, "n": limit})
    extra = "".join(f" AND {w}" for w in where)
    if dialect == "sqlite":
        sql = (
            "SELECT rowid, -bm25(item_search, 4.0, 1.0, 0.0) FROM item_search "
            f"WHERE item_search MATCH :q{extra} ORDER BY bm25(item_search, 4.0, 1.0, 0.0) LIMIT :n"
        )
    else:
        sql = (
            "SELECT item_id, ts_rank(doc, CAST(:q AS tsquery), 1) AS rel FROM item_search "
            f"WHERE doc @@ CAST(:q AS tsquery){extra} ORDER BY rel DESC LIMIT :n"
        )
    return [(int(id_), float(rel)) for id_, rel in (await session.execute(text(sql), params)).all()]


def _id_list(ids: list[int], dialect: str) -> tuple[str, dict[str, Any]]:
    """``i.id`` restricted to ``ids`` with one bound parameter (hundreds of ids, planned once)."""
    if dialect == "sqlite":
        return "i.id IN (SELECT value FROM json_each(:ids))", {"ids": json.dumps(ids)}
    return "i.id = ANY(CAST(:ids AS integer[]))", {"ids": ids}


async def _filtered(
    session: AsyncSession, dialect: str, ranked: list[tuple[int, float]], query: SearchQuery
) -> list[tuple[Any, ...]]:
    """(id, date, outcome, relevance) of those ranked items that pass every filter, best first."""
    if not ranked:
        return []
    relevance = dict(ranked)
    where, params = _filters(query)
    clause, ids = _id_list([id_ for id_, _ in ranked], dialect)
    params.update(ids)
    where.append(clause)
    sql = f"SELECT {_LIGHT} FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE {' AND '.join(where)}"
    rows = [(*row, relevance[row[0]]) for row in (await session.execute(text(sql), params)).all()]
    rows.sort(key=lambda r: -r[-1])
    return rows


async def _matching(
    session: AsyncSession, dialect: str, match: str, query: SearchQuery
) -> list[tuple[Any, ...]]:
    """Up to CANDIDATES filtered rows for ``match``, best first.

    The engine's best few hundred are taken unfiltered and filtered on the item rows; only when the
    filters leave too few of a large match set does the engine filter every match itself.
    """
    pool = CANDIDATES * 4
    ranked = await _ranked(session, dialect, match, query, pool, filtered=False)
    rows = await _filtered(session, dialect, ranked, query)
    if len(rows) >= min(query.limit, CANDIDATES) or len(ranked) < pool:
        return rows[:CANDIDATES]
    limit = CANDIDATES * (10 if query.presenter else 1)  # the presenter is checked on the item rows only
    ranked = await _ranked(session, dialect, match, query, limit, filtered=True)
    return (await _filtered(session, dialect, ranked, query))[:CANDIDATES]


async def _candidates(
    session: AsyncSession, dialect: str, terms: list[QueryTerm], query: SearchQuery, mode: str
) -> list[tuple[Any, ...]]:
    if not terms:  # a filter-only question ("hvad fremlagde Hanne Linnemann")
        where, params = _filters(query)
        sql = f"SELECT {_LIGHT}, 1.0 FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE {' AND '.join(where)} ORDER BY m.date DESC LIMIT {CANDIDATES}"
        return list((await session.execute(text(sql), params)).all())
    rows: list[tuple[Any, ...]] = []
    meta = search_index.meta_expression(query.start, query.end, query.meeting_kind) if dialect == "sqlite" else None
    if mode == "and":
        # Items whose title carries every word first: ranking all of a common word's matches
        # (thousands, at 100k items) is what costs; the whole text is searched when titles give too few.
        title_match = search_index.match_expression(terms, dialect, mode=mode, title_only=True, meta=meta)
        rows = await _matching(session, dialect, title_match, query)
    if len(rows) < query.limit:
        rows = await _matching(session, dialect, search_index.match_expression(terms, dialect, mode=mode, meta=meta), query)
    return rows


async def _related(session: AsyncSession, hits: list[SearchHit], query: SearchQuery) -> list[SearchHit]:
    if not hits:
        return hits
    # One query for every hit (a round trip each cost more than the search itself at 100k items).
    meetings = sorted({(h.meeting_kind, h.meeting_date) for h in hits})
    params: dict[str, Any] = {"tenant": query.tenant_id}
    pairs = []
    for n, (kind, day) in enumerate(meetings):
        pairs.append(f"(meeting_kind = :k{n} AND date = :d{n})")
        params[f"k{n}"], params[f"d{n}"] = kind, day
    where = ["tenant_id = :tenant", "(" + " OR ".join(pairs) + ")"]
    if not query.include_confidential:
        where.append("confidential = :false")
        params["false"] = False
    rows = (
        await session.execute(
            text(
                "SELECT id, meeting_kind, date, source, kind, title, document_type FROM meetings "
                f"WHERE {' AND '.join(where)} ORDER BY source"
            ),
            params,
        )
    ).all()
    by_meeting: dict[tuple[str, date], list[tuple[int, Related]]] = {}
    for id_, kind, day, *rest in rows:
        by_meeting.setdefault((kind, _as_date(day)), []).append((id_, Related(*rest)))
    out = []
    for hit in hits:
        related = tuple(r for id_, r in by_meeting.get((hit.meeting_kind, hit.meeting_date), ()) if id_ != hit.meeting_id)
        if hit.document_type == "minutes" and len(related) > 1:
            # Several indstillinger for one meeting: keep those that share words with the item.
            mine = set(content_stems(hit.item_title))
            related = tuple(r for r in related if mine & set(content_stems(r.title))) or related
        out.append(_with_related(hit, related))
    return out


def _with_related(hit: SearchHit, related: tuple[Related, ...]) -> SearchHit:
    return replace(hit, related=related)


def _as_date(value: Any) -> date:
    # Raw SQL on SQLite returns dates as ISO text; PostgreSQL returns date objects.
    return date.fromisoformat(value) if isinstance(value, str) else value


def _as_list(value: Any) -> list[str]:
    return json.loads(value) if isinstance(value, str) else list(value or ())


def _rank(rows: list[tuple[Any, ...]], query: SearchQuery) -> list[tuple[int, float]]:
    """(item id, score) best first: relevance, plus the outcome the question asks for, plus a little recency."""
    if not rows:
        return []
    rows = [(r[0], _as_date(r[1]), r[2], r[3]) for r in rows]
    best = max(float(r[3]) for r in rows) or 1.0
    dates = [r[1] for r in rows]
    oldest, newest = min(dates), max(dates)
    span = max((newest - oldest).days, 1)
    bonus = OUTCOME_BONUS.get(query.outcome_wanted, OUTCOME_BONUS["decided"])
    scored = []
    for id_, day, outcome, rel in rows:
        # Square root: the engines' scores spread widely with document length (PostgreSQL's more than
        # FTS5's); an item that matches every query word stays within reach of the outcome bonus.
        relevance = (max(float(rel), 0.0) / best) ** 0.5
        recency = 0.1 * (day - oldest).days / span
        scored.append((id_, round(relevance + bonus.get(outcome, 0.0) + recency, 4), day))
    scored.sort(key=lambda s: (-s[1], -s[2].toordinal(), s[0]))
    return [(id_, score) for id_, score, _ in scored]


async def _hits(session: AsyncSession, dialect: str, scored: list[tuple[int, float]]) -> list[SearchHit]:
    """The citations of the scored items, in the given order."""
    if not scored:
        return []
    clause, params = _id_list([id_ for id_, _ in scored], dialect)
    sql = f"SELECT {_COLUMNS} FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE {clause}"
    rows = {row[0]: row for row in (await session.execute(text(sql), params)).all()}
    hits = []
    for id_, score in scored:
        r = rows.get(id_)
        if r is None:  # deleted between the two reads (a replacing ingest): simply not shown
            continue
        hits.append(
            SearchHit(
                item_id=r[0],
                meeting_id=r[1],
                meeting_date=_as_date(r[2]),
                meeting_kind=r[3],
                meeting_title=r[4],
                document_type=r[5],
                source=r[6],
                item_number=r[7],
                item_title=r[8],
                decision=r[9],
                outcome=r[10],
                presenters=tuple(_as_list(r[11])),
                confidential=bool(r[12]),
                score=score,
            )
        )
    return hits


async def search(session: AsyncSession, dialect: str, query: SearchQuery) -> SearchResult:
    """Items answering ``query``: every content word must match (stem, compound head/tail or one typo).

    The words are searched as they are first; only when that finds nothing are they checked against
    the vocabulary, and unknown ones replaced by their one-edit corrections.
    """
    pairs = [(w, s) for w, s in content_terms(query.topic) if len(w) <= search_index.MAX_TERM][:12]
    stems_ = [s for _, s in pairs]
    # An over-stemmed word ("demens" -> "dem", a stopword's stem) is searched as itself: the index holds it too.
    terms = [QueryTerm(w if overstemmed(w, s) else s) for w, s in pairs]
    if not terms and not query.presenter:
        return SearchResult((), tuple(stems_))
    rows = await _candidates(session, dialect, terms, query, "and")
    corrected: dict[str, str] = {}
    if not rows and terms:
        checked: list[QueryTerm] = []
        for term in terms:
            alternatives = () if await search_index.known(session, term.stem, dialect) else (
                await search_index.corrections(session, term.stem, dialect)
            )
            if alternatives:
                corrected[term.stem] = alternatives[0]
            checked.append(QueryTerm(term.stem, alternatives))
        terms = checked
        if corrected:
            rows = await _candidates(session, dialect, terms, query, "and")
    hits = await _hits(session, dialect, _rank(rows, query)[: query.limit])
    suggestions: tuple[str, ...] = ()
    if not hits and terms:
        known_terms = [t for t in terms if t.alternatives or await search_index.known(session, t.stem, dialect)]
        if known_terms:
            near = _rank(await _candidates(session, dialect, known_terms, query, "or"), query)
            seen: dict[str, None] = {}
            for h in await _hits(session, dialect, near[:10]):
                seen.setdefault(h.item_title, None)
            suggestions = tuple(list(seen)[:3])
    hits = await _related(session, hits, query)
    # The vocabulary is shared by every tenant and holds closed items' words: only a correction that
    # stands in a hit this caller may see is reported, or it would hint that such a word exists.
    visible = " ".join(" ".join(stems(f"{h.item_title} {h.decision}")) for h in hits)
    corrected = {typo: fix for typo, fix in corrected.items() if fix in visible}
    return SearchResult(tuple(hits), tuple(stems_), corrected, suggestions)
