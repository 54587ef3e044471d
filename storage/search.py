"""Decision search: full-text candidates from the index, filtered in SQL, ranked by outcome and relevance."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from minutes.committee import is_procedural
from minutes.kinds import kind_key
from minutes.text import content_stems, content_terms, overstemmed, stems
from minutes.vocabulary import QUESTION_FILLER, synonym_stems
from storage import dialects, search_index
from storage.dialects import SqlDialect
from storage.mapping import HIT_COLUMNS, HIT_WIDTH, Related, SearchHit, as_date, search_hit
from storage.search_index import QueryTerm

__all__ = ["Related", "SearchHit", "SearchQuery", "SearchResult", "search"]

CANDIDATES = 50  # rows taken from the engine's own ranking before ours

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
    lang: str = "da"  # the question's language: English questions also ask the semantic channel
    # Only these items (empty: all): following matches a stored question against new items alone.
    item_ids: tuple[int, ...] = ()
    # When no item matches every word, answer with items that match most of them (a question); a follow,
    # which notifies people, matches whole topics only.
    partial: bool = True


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


def _filters(query: SearchQuery, sql: SqlDialect) -> tuple[list[str], dict[str, Any]]:
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
    if query.item_ids:
        clause, ids = sql.id_list("i.id", list(query.item_ids))
        where.append(clause)
        params.update(ids)
    return where, params


# Candidates carry only what ranking needs; the citation columns are read for the few hits kept.
_LIGHT = "i.id, m.date, i.outcome"


def _index_filters(query: SearchQuery, sql: SqlDialect) -> tuple[list[str], dict[str, Any]]:
    """Filters evaluated inside the full-text engine, on the columns kept beside the index."""
    where = ["tenant_id = :ix_tenant"]
    params: dict[str, Any] = {"ix_tenant": query.tenant_id}
    if not query.include_confidential:
        where.append("confidential = :ix_false")
        params["ix_false"] = sql.index_value(False)
    if query.start:
        where.append("date >= :ix_start")
        params["ix_start"] = sql.index_value(query.start)
    if query.end:
        where.append("date <= :ix_end")
        params["ix_end"] = sql.index_value(query.end)
    if query.meeting_kind:
        where.append("kind_key = :ix_kind")
        params["ix_kind"] = kind_key(_text_param(query.meeting_kind), resolve_aliases=False)
    if query.item_ids:
        # A range, which the engines narrow a match by natively (a list made FTS5 look each id up apart);
        # the exact list is checked on the item rows.
        where.append(f"{sql.index_item_id} BETWEEN :ix_lo AND :ix_hi")
        params.update({"ix_lo": min(query.item_ids), "ix_hi": max(query.item_ids)})
    return where, params


def _ranked(
    session: Session, sql: SqlDialect, match: str, query: SearchQuery, limit: int, *, filtered: bool
) -> list[tuple[Any, ...]]:
    """(item id, date, outcome, relevance, passes the filters) for the engine's best ``limit`` matches.

    One statement: the full-text query ranks (unfiltered it only matches and ranks, which is cheap;
    ``filtered`` also checks tenant, date, kind and confidentiality inside the engine, reading each
    match's stored columns: dearer per match, but it never misses an item the filters keep), and the
    few rows it keeps are joined to their items and meetings for the exact filters.
    """
    inner_where, params = _index_filters(query, sql) if filtered else ([], {})
    checks, check_params = _filters(query, sql)
    params.update(check_params)
    params.update({"q": match, "n": limit})
    inner = sql.ranked("".join(f" AND {w}" for w in inner_where))
    statement = (
        f"SELECT s.id, m.date, i.outcome, s.rel, CASE WHEN {' AND '.join(checks)} THEN 1 ELSE 0 END "
        f"FROM ({inner}) AS s JOIN items i ON i.id = s.id JOIN meetings m ON m.id = i.meeting_id ORDER BY s.rel DESC"
    )
    return [(int(r[0]), r[1], r[2], float(r[3]), bool(r[4])) for r in session.execute(text(statement), params).all()]


def _matching(
    session: Session, sql: SqlDialect, match: str, query: SearchQuery
) -> list[tuple[Any, ...]]:
    """Up to CANDIDATES filtered rows (id, date, outcome, relevance) for ``match``, best first.

    The engine's best CANDIDATES are taken unfiltered and checked on the item rows; only when the
    filters leave too few of a larger match set does the engine filter every match itself.
    """
    if query.item_ids:  # given items: the engine ranks their id range, which holds them all
        span = max(query.item_ids) - min(query.item_ids) + 1
        return [r[:4] for r in _ranked(session, sql, match, query, span, filtered=True) if r[4]]
    ranked = _ranked(session, sql, match, query, CANDIDATES, filtered=False)
    rows = [r[:4] for r in ranked if r[4]]
    if len(rows) >= min(query.limit, CANDIDATES) or len(ranked) < CANDIDATES:
        return rows
    limit = CANDIDATES * (10 if query.presenter else 1)  # the presenter is checked on the item rows only
    return [r[:4] for r in _ranked(session, sql, match, query, limit, filtered=True) if r[4]][:CANDIDATES]


def _candidates(
    session: Session, sql: SqlDialect, terms: list[QueryTerm], query: SearchQuery, mode: str
) -> list[tuple[Any, ...]]:
    if not terms:  # a filter-only question ("hvad fremlagde Hanne Linnemann")
        where, params = _filters(query, sql)
        statement = f"SELECT {_LIGHT}, 1.0 FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE {' AND '.join(where)} ORDER BY m.date DESC LIMIT {CANDIDATES}"
        return list((session.execute(text(statement), params)).all())
    rows: list[tuple[Any, ...]] = []
    meta = search_index.meta_groups(query.start, query.end, query.meeting_kind) if sql.filters_in_match else None
    if mode == "and":
        # Items whose title carries every word first: ranking all of a common word's matches
        # (thousands, at 100k items) is what costs; the whole text is searched when titles give too few.
        title_match = search_index.match_expression(terms, sql, mode=mode, title_only=True, meta=meta)
        rows = _matching(session, sql, title_match, query)
    if len(rows) < query.limit:
        rows = _matching(session, sql, search_index.match_expression(terms, sql, mode=mode, meta=meta), query)
    return rows


def _rank(rows: list[tuple[Any, ...]], query: SearchQuery) -> list[tuple[int, float]]:
    """(item id, score) best first: relevance, plus the outcome the question asks for, plus a little recency."""
    if not rows:
        return []
    rows = [(r[0], as_date(r[1]), r[2], r[3]) for r in rows]
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


def _related_column(sql: SqlDialect, include_confidential: bool) -> str:
    """A correlated subquery: the other stored documents of the same meeting, as a JSON array."""
    conf = "" if include_confidential else " AND r.confidential = :false"
    where = (
        "r.tenant_id = m.tenant_id AND r.meeting_kind = m.meeting_kind AND r.date = m.date AND r.id <> m.id" + conf
    )
    return sql.json_array_column("r.source, r.kind, r.title, r.document_type", f"meetings r WHERE {where}")


def _related(hit_title: str, document_type: str, value: Any) -> tuple[Related, ...]:
    related = tuple(sorted((Related(*r) for r in (json.loads(value) if isinstance(value, str) else value or [])),
                           key=lambda r: r.source))
    if document_type == "minutes" and len(related) > 1:
        # Several indstillinger for one meeting: keep those that share words with the item.
        mine = set(content_stems(hit_title))
        related = tuple(r for r in related if mine & set(content_stems(r.title))) or related
    return related


def _hits(session: Session, sql: SqlDialect, scored: list[tuple[int, float]], query: SearchQuery) -> list[SearchHit]:
    """The citations of the scored items, in the given order, with the other documents of their meeting
    (the indstilling behind a minutes item, or the minutes of an indstilling's meeting)."""
    if not scored:
        return []
    clause, params = sql.id_list("i.id", [id_ for id_, _ in scored])
    params["false"] = False
    related = _related_column(sql, query.include_confidential)
    statement = f"SELECT {HIT_COLUMNS}, {related} FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE {clause}"
    rows = {row[0]: row for row in (session.execute(text(statement), params)).all()}
    hits = []
    for id_, score in scored:
        r = rows.get(id_)
        if r is None:  # deleted between the two reads (a replacing ingest): simply not shown
            continue
        hits.append(search_hit(r, score, _related(r[8], r[5], r[HIT_WIDTH])))
    return hits


def cited(session: Session, scored: list[tuple[int, float]], query: SearchQuery) -> list[SearchHit]:
    """The citations of already-checked item ids with their scores, in the given order (items deleted
    meanwhile are left out)."""
    return _hits(session, dialects.for_session(session), scored, query)


def _browse(session: Session, sql: SqlDialect, query: SearchQuery) -> list[tuple[int, float]]:
    """A meeting asked for by committee and/or date without a topic ("hvad besluttede Seniorudvalget den
    16. januar 2024?", "seneste møde i SSU"): the newest such meeting's items in agenda order, its
    standing items (agenda approval, messages, any other business) last."""
    where, params = _filters(query, sql)
    statement = (
        "SELECT i.id, i.title, m.id FROM items i JOIN meetings m ON m.id = i.meeting_id "
        f"WHERE {' AND '.join(where)} AND m.date = (SELECT max(m2.date) FROM items i JOIN meetings m2 "
        f"ON m2.id = i.meeting_id WHERE {' AND '.join(w.replace('m.', 'm2.') for w in where)}) "
        "ORDER BY m.id DESC, i.position"
    )
    rows = session.execute(text(statement), params).all()
    if not rows:
        return []
    newest = rows[0][2]
    mine = [r for r in rows if r[2] == newest]
    ordered = [r for r in mine if not is_procedural(r[1])] + [r for r in mine if is_procedural(r[1])]
    return [(int(r[0]), round(1.0 - n / 100, 4)) for n, r in enumerate(ordered)]


PARTIAL_COVERAGE = 0.56  # share of the question's weight an item must carry when not every word matches


def _term_weights_and_members(
    session: Session, sql: SqlDialect, terms: list[QueryTerm], ids: list[int]
) -> tuple[dict[str, float], dict[int, set[str]]]:
    """Each term's weight (inverse document frequency: rare words say more, a word no item has says
    most) and, per candidate item, the terms it matches."""
    total = int(session.execute(text("SELECT count(*) FROM items")).scalar() or 0)
    every = sql.ranked("")  # all matches of :q (with :n above the item count)
    clause, id_params = sql.id_list("s.id", ids)
    weights: dict[str, float] = {}
    members: dict[int, set[str]] = {id_: set() for id_ in ids}
    for term in terms:
        params = {"q": search_index.match_expression([term], sql), "n": total + 1}
        df = int(session.execute(text(f"SELECT count(*) FROM ({every}) AS s"), params).scalar() or 0)
        weights[term.stem] = math.log((total + 1) / (df + 0.5))
        for (id_,) in session.execute(text(f"SELECT s.id FROM ({every}) AS s WHERE {clause}"), {**params, **id_params}).all():
            members.setdefault(int(id_), set()).add(term.stem)
    return weights, members


def _partial(session: Session, sql: SqlDialect, terms: list[QueryTerm], query: SearchQuery) -> list[tuple[int, float]]:
    """Items that match most of a question when none matches all of it ("hvor mange nye patienter har
    lægerne i sundhedshuset fået"): each must carry PARTIAL_COVERAGE of the question's weight and two
    of its words; coverage ranks first. A question about something the minutes never mention
    (its rare words match nothing) gets nothing."""
    rows = _candidates(session, sql, terms, query, "or")
    if not rows:
        return []
    weights, members = _term_weights_and_members(session, sql, terms, [int(r[0]) for r in rows])
    weights = {t: (0.0 if t in QUESTION_FILLER else w) for t, w in weights.items()}
    whole = sum(weights.values()) or 1.0
    coverage = {id_: sum(weights[t] for t in matched) / whole for id_, matched in members.items()}
    kept = [r for r in rows if coverage.get(int(r[0]), 0) >= PARTIAL_COVERAGE and len(members.get(int(r[0]), ())) >= 2]
    return sorted(_rank(kept, query), key=lambda s: -(10 * coverage[s[0]] + s[1]))


def search(session: Session, query: SearchQuery) -> SearchResult:
    """Items answering ``query``: every content word must match (stem, compound head/tail or one typo).

    The words are searched as they are first; only when that finds nothing are they checked against
    the vocabulary, and unknown ones replaced by their one-edit corrections.
    """
    sql = dialects.for_session(session)
    pairs = [(w, s) for w, s in content_terms(query.topic) if len(w) <= search_index.MAX_TERM][:12]
    stems_ = [s for _, s in pairs]
    # An over-stemmed word ("demens" -> "dem", a stopword's stem) is searched as itself: the index holds it too.
    # A word the minutes say otherwise ("plejehjem": "plejecenter") matches those words too.
    terms = [QueryTerm(w if overstemmed(w, s) else s, synonym_stems(s)) for w, s in pairs]
    if not terms and not query.presenter:
        if query.meeting_kind or query.start or query.end:
            return SearchResult(tuple(_hits(session, sql, _browse(session, sql, query), query)), ())
        return SearchResult((), tuple(stems_))
    rows = _candidates(session, sql, terms, query, "and")
    corrected: dict[str, str] = {}
    known: dict[str, bool] = {}  # stem -> in the vocabulary; asked only when nothing matched, once each
    if not rows and terms:
        known = {t.stem: search_index.known(session, t.stem, sql) for t in terms}
        checked: list[QueryTerm] = []
        for term in terms:
            alternatives = () if known[term.stem] else search_index.corrections(session, term.stem, sql)
            if alternatives:
                corrected[term.stem] = alternatives[0]
            checked.append(QueryTerm(term.stem, term.alternatives + alternatives))  # synonyms stay
        terms = checked
        if corrected:
            rows = _candidates(session, sql, terms, query, "and")
    ranked = _rank(rows, query)
    if not rows and len(terms) >= 2 and query.partial:
        ranked = _partial(session, sql, terms, query)
    hits = _hits(session, sql, ranked[: query.limit], query)
    suggestions: tuple[str, ...] = ()
    if not hits and terms:
        known_terms = [t for t in terms if t.alternatives or known.get(t.stem)]
        if known_terms:
            near = _rank(_candidates(session, sql, known_terms, query, "or"), query)
            seen: dict[str, None] = {}
            for h in _hits(session, sql, near[:10], query):
                seen.setdefault(h.item_title, None)
            suggestions = tuple(list(seen)[:3])
    # The vocabulary is shared by every tenant and holds closed items' words: only a correction that
    # stands in a hit this caller may see is reported, or it would hint that such a word exists.
    visible = " ".join(" ".join(stems(f"{h.item_title} {h.decision}")) for h in hits)
    corrected = {typo: fix for typo, fix in corrected.items() if fix in visible}
    return SearchResult(tuple(hits), tuple(stems_), corrected, suggestions)
