"""Decision search: full-text candidates from the index, filtered in SQL, ranked by outcome and relevance."""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Mapping, Sequence

from sqlalchemy.orm import Session

from minutes.committee import is_procedural
from minutes.kinds import kind_key
from minutes.text import content_stems, stems
from storage import dialects, query_terms, search_index
from storage.dialects import SqlDialect, sql_text
from storage.fusion import LEXICAL, SEMANTIC, fuse
from storage.mapping import HIT_COLUMNS, HIT_WIDTH, Related, SearchHit, as_date, search_hit
from storage.query_terms import Cues, Term
from storage.search_index import QueryTerm
from storage.vectors import Near

__all__ = ["Related", "SearchHit", "SearchQuery", "SearchResult", "search"]

CANDIDATES = 100  # rows taken from the engine's own ranking before ours

# The ranker's weights (calibrated on the dev split of the blind set, tests/blind/search).
COVERAGE_WEIGHT = 3.0  # the share of the topic an item covers decides first
TITLE_WEIGHT = 0.5
RELEVANCE_WEIGHT = 1.0
OUTCOME_WEIGHT = 1.0
ORDER_WEIGHT = 0.1  # newest first, or oldest first when the question asks for the first time
CUED_ORDER_WEIGHT = 1.0  # ... when asked: "første gang" the oldest, "status på …"/"… nu" the newest
GATE = 0.6  # an item covering less of the topic is no answer
TITLED = 0.01  # ... and part of a topic answers only when some of it stands in the item's title
FOLLOW_GATE = 0.999  # a followed question (``partial=False``) wants the whole topic
# ... unless it stands this many standard deviations above the rest in meaning (English only: Danish
# questions the archive cannot answer stand out as far), or has some of both.
SEMANTIC_GATE = {"en": 4.0, "da": 5.0}
# How much the semantic channel's ranks count in the fusion against the lexical ranker's: in English the
# words rarely match, so meaning counts fully; in Danish the ranker's coverage decides the order (on the
# dev split, letting the channel reorder Danish answers cost a question at 0.25-1.0 and won none).
SEMANTIC_WEIGHT = {"en": 1.0, "da": 0.0}
MIXED_GATE = {"en": (0.5, 3.0), "da": (0.7, 99.0)}  # (coverage, prominence); in Danish the channel never mixes

TOPIC_OUTCOME = "topic"  # the outcome wanted by a topic said alone (``SearchQuery.outcome_wanted``)

# How much an item's outcome weighs against relevance (which is scaled to 0..1), by what was asked.
OUTCOME_BONUS: dict[str, dict[str, float]] = {
    "decided": {"decided": 1.0, "noted": 0.55, "postponed": 0.35, "discussed": 0.3, "none": 0.0},
    "discussed": {"discussed": 1.0, "decided": 0.6, "noted": 0.5, "postponed": 0.3, "none": 0.0},
    # A topic said alone ("tillidsreform hjemmeplejen") asks about the matter: whatever was done at a meeting
    # held counts nearly alike (the item naming the topic may outrank a decision naming it otherwise), an
    # agenda not yet held comes last. (On the old question set this costs "innovationsmotor" its decided
    # item: a newer status item, titled alike, comes first; the blind sets gain.)
    TOPIC_OUTCOME: {"decided": 1.0, "noted": 0.8, "discussed": 0.8, "postponed": 0.6, "none": 0.0},
    "any": {"decided": 0.3, "noted": 0.2, "postponed": 0.1, "discussed": 0.1, "none": 0.0},
    # "hvad kom der ud af …": what was done or reported in the end, never an agenda not yet held
    "result": {"decided": 0.6, "noted": 0.5, "discussed": 0.3, "postponed": 0.1, "none": -1.0},
    "postponed": {"postponed": 1.0, "decided": 0.3, "noted": 0.2, "discussed": 0.2, "none": 0.0},
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
    document_type: str | None = None  # "indstilling" | "minutes" | "agenda": only that kind of document
    include_confidential: bool = False
    outcome_wanted: str = "decided"  # "decided" | "discussed" | "any" | "topic" (a topic said alone)
    limit: int = 5
    lang: str = "da"  # the question's language ("da" | "en"): English questions also ask the semantic channel
    # Only these items (empty: all): following matches a stored question against new items alone.
    item_ids: tuple[int, ...] = ()
    # A question may be answered by the item covering most of it; a follow, which notifies people,
    # matches whole topics only (another name of a thing counts as the thing).
    partial: bool = True


@dataclass(frozen=True)
class SearchResult:
    """Hits best first, plus what helps say "nothing found" well."""

    hits: tuple[SearchHit, ...]
    terms: tuple[str, ...]  # the content stems searched for
    corrected: dict[str, str] = field(default_factory=dict)  # typo -> stem used
    suggestions: tuple[str, ...] = ()  # item titles close to the question, when nothing matched
    browse: bool = False  # no topic: the items of the question's meeting, period or presenter


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
    if query.document_type:
        where.append("m.document_type = :doctype")
        params["doctype"] = query.document_type
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
    session: Session, sql: SqlDialect, match: str, query: SearchQuery, limit: int, *, filtered: bool,
    broad: bool = False,
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
    inner = sql.ranked("".join(f" AND {w}" for w in inner_where), broad=broad)
    statement = (
        f"SELECT s.id, m.date, i.outcome, s.rel, CASE WHEN {' AND '.join(checks)} THEN 1 ELSE 0 END "
        f"FROM ({inner}) AS s JOIN items i ON i.id = s.id JOIN meetings m ON m.id = i.meeting_id ORDER BY s.rel DESC"
    )
    return [(int(r[0]), r[1], r[2], float(r[3]), bool(r[4])) for r in session.execute(sql_text(statement), params).all()]


def _matching(
    session: Session, sql: SqlDialect, match: str, query: SearchQuery, *, broad: bool = False
) -> list[tuple[Any, ...]]:
    """Up to CANDIDATES filtered rows (id, date, outcome, relevance) for ``match``, best first.

    The engine's best CANDIDATES are taken unfiltered and checked on the item rows; only when the
    filters leave too few of a larger match set does the engine filter every match itself.
    """
    if query.item_ids:  # given items: the engine ranks their id range, which holds them all
        span = max(query.item_ids) - min(query.item_ids) + 1
        return [r[:4] for r in _ranked(session, sql, match, query, span, filtered=True) if r[4]]
    ranked = _ranked(session, sql, match, query, CANDIDATES, filtered=False, broad=broad)
    rows = [r[:4] for r in ranked if r[4]]
    if len(rows) >= min(query.limit, CANDIDATES) or len(ranked) < CANDIDATES:
        return rows
    limit = CANDIDATES * (10 if query.presenter else 1)  # the presenter is checked on the item rows only
    return [r[:4] for r in _ranked(session, sql, match, query, limit, filtered=True, broad=broad) if r[4]][:CANDIDATES]


def _meeting_browse(session: Session, sql: SqlDialect, query: SearchQuery) -> list[tuple[Any, ...]]:
    """A meeting asked for by committee without a period, or on one day ("hvad besluttede Seniorudvalget
    den 16. januar 2024?", "seneste møde i SSU"): the newest such meeting's items in agenda order, its
    standing items (agenda approval, messages, any other business) last."""
    where, params = _filters(query, sql)
    newest = (
        "SELECT max(m2.date) FROM items i JOIN meetings m2 ON m2.id = i.meeting_id "
        f"WHERE {' AND '.join(w.replace('m.', 'm2.') for w in where)}"
    )
    statement = (
        f"SELECT {_LIGHT}, 1.0, i.title, m.id FROM items i JOIN meetings m ON m.id = i.meeting_id "
        f"WHERE {' AND '.join(where)} AND m.date = ({newest}) ORDER BY m.id DESC, i.position"
    )
    rows = session.execute(sql_text(statement), params).all()
    mine = [r for r in rows if r[5] == rows[0][5]]
    # What was decided first when decisions are asked for, then the agenda's order, standing items last.
    first = "decided" if query.outcome_wanted in ("decided", TOPIC_OUTCOME) else None
    ordered = sorted(mine, key=lambda r: (first is not None and r[2] != first, is_procedural(r[4])))
    return [tuple(r[:4]) for r in ordered]


def _filter_only(session: Session, sql: SqlDialect, query: SearchQuery) -> list[tuple[Any, ...]]:
    """Browsing (no topic, only filters). One committee's meeting (no period, or one day): that meeting's
    items. A period or a presenter: the filtered items, decided ones first, newest first."""
    # (A family of documents is many documents, each its own meeting row: listed like a period's items.)
    if (query.meeting_kind and not query.presenter and not query.document_type
            and (query.start is None or query.start == query.end)):
        return _meeting_browse(session, sql, query)
    where, params = _filters(query, sql)
    # A presenter's items: the newest first. A meeting's or a period's: what was decided first (an
    # agenda has no outcomes yet: its items in order).
    # (A presenter's: what they have presented before what they are still to present.)
    first = ("CASE i.outcome WHEN 'none' THEN 1 ELSE 0 END, " if query.presenter
             else "CASE i.outcome WHEN 'decided' THEN 0 WHEN 'none' THEN 2 ELSE 1 END, ")
    statement = (
        f"SELECT {_LIGHT}, 1.0, i.title, m.id FROM items i JOIN meetings m ON m.id = i.meeting_id "
        f"WHERE {' AND '.join(where)} ORDER BY {first}m.date DESC, m.id DESC, i.position LIMIT {CANDIDATES}"
    )
    rows = session.execute(sql_text(statement), params).all()
    # Each meeting's standing items (agenda approval, messages, any other business) after its matters.
    meetings = list(dict.fromkeys(r[5] for r in rows))
    ordered = sorted(rows, key=lambda r: (meetings.index(r[5]), is_procedural(r[4])))
    return [tuple(r[:4]) for r in ordered]


def _candidates(
    session: Session, sql: SqlDialect, terms: list[Term], query: SearchQuery, common: Sequence[bool]
) -> list[tuple[Any, ...]]:
    """(id, date, outcome, relevance) of the engine's best matches of ANY of the terms' forms, filtered.

    When a term is common (``common``: DF_CAP matches or more; "rekruttering*" is in ~40 % of a
    100,000-item archive) the engine would score every match before keeping the best (~80 ms there):
    then the candidates are the broad match's best as the engine finds them cheaply (FTS5: the title
    matches; PostgreSQL: the newest matches; ``SqlDialect.broad_in_titles``), plus the best matches
    anywhere of the rare terms alone, ~2-10 ms. An item that only mentions a common word in its body
    does not win the ranker anyway."""
    meta = search_index.meta_groups(query.start, query.end, query.meeting_kind) if sql.filters_in_match else None

    def best(chosen: list[Term], *, broad: bool = False) -> list[tuple[Any, ...]]:
        groups = [QueryTerm(s) for t in chosen for s in t.stems]
        titles = broad and sql.broad_in_titles
        expression = search_index.match_expression(groups, sql, mode="or", title_only=titles, meta=meta)
        return _matching(session, sql, expression, query, broad=broad and not titles)

    if query.item_ids or not any(common):
        return best(terms)
    rows = best(terms, broad=True)
    rare = [t for t, c in zip(terms, common) if not c]
    seen = {r[0] for r in rows}
    return rows + [r for r in (best(rare) if rare else []) if r[0] not in seen]


def _has(tokens: list[str], pattern: tuple[str, bool]) -> bool:
    token, prefix = pattern
    i = bisect_left(tokens, token)
    return i < len(tokens) and (tokens[i].startswith(token) if prefix else tokens[i] == token)


SYNONYM_CREDIT = 0.8  # an item that says the thing by another name covers it a little less


def _matched(term: Term, tokens: list[str]) -> float:
    """1 when the item has one of the term's own forms (each word of a name of several words), SYNONYM_CREDIT
    when only another name, else 0."""
    def has(stem: str) -> bool:
        return any(_has(tokens, p) for p in search_index.patterns(stem))

    together = {s for words in term.together for s in words}
    if term.together and all(any(has(s) for s in words) for words in term.together):
        return 1.0
    if any(has(s) for s in term.own_stems if s not in together):
        return 1.0
    return SYNONYM_CREDIT if any(has(s) for s in term.alias_stems) else 0.0


FOREIGN_WEIGHT = 0.5
DF_CAP = 500  # items counted for a term's document frequency: beyond this a term is simply common (counting is the dearest part of a PostgreSQL search: each match is rechecked on the heap)


def _weights(session: Session, sql: SqlDialect, terms: list[Term]) -> tuple[list[float], list[bool]]:
    """IDF of each term (its forms together) over the whole index, counted now (a cache across stores
    and ingests would mix one archive's counts into another's ranking); and whether it is common (its
    count reached DF_CAP)."""
    stored = int(session.execute(sql_text(sql.index_size())).scalar() or 0)
    size = stored + 1
    out, common = [], []
    for term in terms:
        expression = search_index.match_expression([QueryTerm(s) for s in term.stems], sql, mode="or")
        df, broad = sql.match_count(session, expression, DF_CAP, stored)
        out.append(max(math.log((size + 1) / (df + 0.5)), 0.1))
        common.append(broad)
    # English words the archive cannot know (query_terms: ``foreign``) say little either way: together
    # they weigh a fraction of the question's least telling known word ("the punch card scheme for people
    # living at home": three such words must not outweigh "punch card").
    known = [w for w, t in zip(out, terms) if not t.foreign]
    foreign = sum(1 for t in terms if t.foreign)
    return [FOREIGN_WEIGHT * min(known) / foreign if t.foreign and known else w for w, t in zip(out, terms)], common


@dataclass(frozen=True)
class Scored:
    """One candidate with the features the ranker and the answer gate read."""

    item_id: int
    score: float
    coverage: float  # IDF-weighted share of the question's topic found in the item (title or body)
    matched: int = 1  # how many of the topic's terms the item has
    titled: float = 1.0  # the IDF-weighted share of the topic in the item's title


def _rank(
    session: Session, sql: SqlDialect, rows: list[tuple[Any, ...]], terms: list[Term], weights: list[float],
    query: SearchQuery, cues: Cues,
) -> list[Scored]:
    """Candidates best first, by one score over their features: topic coverage (IDF-weighted), the share
    in the title, the engine's relevance, the outcome asked for, and the date order asked for."""
    if not rows:
        return []
    rows = [(r[0], as_date(r[1]), r[2], r[3]) for r in rows]
    total = sum(weights) or 1.0
    tokens = sql.index_tokens(session, [r[0] for r in rows]) if terms else {}
    best = max(float(r[3]) for r in rows) or 1.0
    dates = [r[1] for r in rows]
    oldest, newest = min(dates), max(dates)
    span = max((newest - oldest).days, 1)
    # "status på …", "… nu" ask where a matter stands, whatever the outcome of its last item.
    wanted = "postponed" if cues.postponed else "any" if cues.latest else "result" if cues.result else query.outcome_wanted
    bonus = OUTCOME_BONUS.get(wanted, OUTCOME_BONUS["decided"])
    scored = []
    for id_, day, outcome, rel in rows:
        if terms:
            title, body = tokens.get(id_, ([], []))
            in_title = [_matched(t, title) for t in terms]
            both = sorted(set(title) | set(body)) if any(t.together for t in terms) else body
            anywhere = [max(hit, _matched(t, both)) for t, hit in zip(terms, in_title)]
            # The gate counts another name in full (the item does say it); the ranker a little less.
            coverage = sum(w for w, hit in zip(weights, anywhere) if hit) / total
            credited = sum(w * hit for w, hit in zip(weights, anywhere)) / total
            # A name of several words found whole ("sosu-elever") is as telling as that many words.
            matched = sum((len(t.together) if t.together and hit == 1.0 else 1) for t, hit in zip(terms, anywhere) if hit)
            title_share = sum(w * hit for w, hit in zip(weights, in_title)) / total
        else:
            coverage, credited, title_share, matched = 1.0, 1.0, 1.0, 0
        relevance = (max(float(rel), 0.0) / best) ** 0.5
        age = (day - oldest).days / span
        order = ((1 - age) * CUED_ORDER_WEIGHT if cues.earliest
                 else age * (CUED_ORDER_WEIGHT if cues.latest or cues.result else ORDER_WEIGHT))
        score = (COVERAGE_WEIGHT * credited + TITLE_WEIGHT * title_share + RELEVANCE_WEIGHT * relevance
                 + OUTCOME_WEIGHT * bonus.get(outcome, 0.0) + order)
        scored.append((Scored(id_, round(score, 4), coverage, matched, title_share), day))
    scored.sort(key=lambda s: (-s[0].score, -s[1].toordinal() if not cues.earliest else s[1].toordinal(), s[0].item_id))
    return [s for s, _ in scored]


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


def _hits(
    session: Session, sql: SqlDialect, scored: list[tuple[int, float]], query: SearchQuery,
    channels: Mapping[int, tuple[str, ...]] | None = None,
) -> list[SearchHit]:
    """The citations of the scored items, in the given order, with the other documents of their meeting
    (the indstilling behind a minutes item, or the minutes of an indstilling's meeting)."""
    if not scored:
        return []
    clause, params = sql.id_list("i.id", [id_ for id_, _ in scored])
    params["false"] = False
    related = _related_column(sql, query.include_confidential)
    statement = f"SELECT {HIT_COLUMNS}, {related} FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE {clause}"
    rows = {row[0]: row for row in (session.execute(sql_text(statement), params)).all()}
    hits = []
    for id_, score in scored:
        r = rows.get(id_)
        if r is None:  # deleted between the two reads (a replacing ingest): simply not shown
            continue
        found_by = (channels or {}).get(id_, (LEXICAL,))
        hits.append(search_hit(r, score, _related(r[8], r[5], r[HIT_WIDTH]), found_by))
    return hits


def _answers(scored: Scored, gate: float = GATE) -> bool:
    """The lexical answer gate: enough of the topic covered, and part of a topic only with two of its
    terms (one rare word alone, "2030" in "budget 2030", is no answer)."""
    if scored.coverage < FOLLOW_GATE and (scored.matched < 2 or scored.titled < TITLED):
        return False
    return scored.coverage >= gate


def semantic_gate(lang: str) -> float:
    """The prominence at which the semantic channel's item answers a question of ``lang`` on its own."""
    return SEMANTIC_GATE.get(lang, SEMANTIC_GATE["da"])


def _fused(
    ranked: list[Scored], near: Sequence[Near], lang: str
) -> tuple[list[tuple[int, float]], dict[int, tuple[str, ...]]]:
    """Lexical and semantic candidates fused by rank (never by raw score), then gated: an item answers
    when it covers enough of the topic, or stands out enough in meaning, or a little of both."""
    lexical = [r for r in ranked if r.coverage > 0]
    fused = fuse({LEXICAL: [r.item_id for r in lexical], SEMANTIC: [n.item_id for n in near]},
                 weights={SEMANTIC: SEMANTIC_WEIGHT.get(lang, SEMANTIC_WEIGHT["da"])})
    coverage = {r.item_id: r.coverage for r in lexical}
    prominence = {n.item_id: n.prominence for n in near}
    answering = {r.item_id for r in lexical if _answers(r)}
    kept, channels = [], {}
    gate = semantic_gate(lang)
    mixed_coverage, mixed_prominence = MIXED_GATE.get(lang, MIXED_GATE["da"])
    for f in fused:
        cov, prom = coverage.get(f.item_id, 0.0), prominence.get(f.item_id, -1e9)
        if f.item_id in answering or prom >= gate or (cov >= mixed_coverage and prom >= mixed_prominence):
            kept.append((f.item_id, round(f.score, 5)))
            channels[f.item_id] = f.channels
    return kept, channels


_NAME = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+)+\b")


def _presenter_named(session: Session, sql: SqlDialect, query: SearchQuery) -> str | None:
    """A person's name (two or more capitalised words) in the topic that some visible item lists as presenter."""
    for name in _NAME.findall(query.topic[:500])[:3]:
        where, params = _filters(replace(query, presenter=name), sql)
        found = session.execute(
            sql_text(f"SELECT 1 FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE {' AND '.join(where)} LIMIT 1"),
            params,
        ).first()
        if found:
            return name
    return None


def search(session: Session, query: SearchQuery, near: Sequence[Near] | None = None) -> SearchResult:
    """Items answering ``query``, ranked; empty when nothing in the store answers it well enough.

    Every form of the question's topic words (stems, lemmas, compound parts and joins, corrections,
    synonyms; ``storage.query_terms``) is looked for at once; the ranker then weighs how much of the
    topic each candidate covers, and the answer gate keeps only candidates that cover enough of it.
    """
    sql = dialects.for_session(session)
    sql.begin_search(session)
    presenter = None if query.presenter or query.item_ids else _presenter_named(session, sql, query)
    if presenter:  # "hvilke punkter har Signe Brix fremlagt": the recogniser left the name in the topic
        query = replace(query, topic="", presenter=presenter)
    analysed = query_terms.analyse(session, sql, query.topic, query.lang, whole=not query.partial)
    terms = analysed.terms
    if not terms:
        if not (query.start or query.end or query.meeting_kind or query.presenter or query.document_type):
            return SearchResult((), ())
        rows = _filter_only(session, sql, query)
        scored = [Scored(int(r[0]), 1.0, 1.0) for r in rows]
        hits = _hits(session, sql, [(x.item_id, x.score) for x in scored[: query.limit]], query)
        return SearchResult(tuple(hits), (), browse=True)
    weights, common = _weights(session, sql, terms)
    rows = _candidates(session, sql, terms, query, common)
    ranked = _rank(session, sql, rows, terms, weights, query, analysed.cues)
    # A followed question is matched against new items alone: only an item covering the whole topic
    # is news worth a notification (a chat question may be answered by the closest item).
    gate = GATE if query.partial else FOLLOW_GATE
    answer = [r for r in ranked if _answers(r, gate)]
    if near:
        kept, channels = _fused(ranked, near, query.lang)
        hits = _hits(session, sql, kept[: query.limit], query, channels)
    else:
        hits = _hits(session, sql, [(r.item_id, r.score) for r in answer[: query.limit]], query)
    suggestions: tuple[str, ...] = ()
    if not hits and ranked:
        seen: dict[str, None] = {}
        for h in _hits(session, sql, [(r.item_id, r.score) for r in ranked[:10] if r.coverage > 0], query):
            seen.setdefault(h.item_title, None)
        suggestions = tuple(list(seen)[:3])
    # The vocabulary is shared by every tenant and holds closed items' words: only a correction that
    # stands in a hit this caller may see is reported, or it would hint that such a word exists.
    visible = " ".join(" ".join(stems(f"{h.item_title} {h.decision}")) for h in hits)
    corrected = {typo: fix for typo, fix in analysed.corrected.items() if fix in visible}
    return SearchResult(tuple(hits), tuple(t.stems[0] for t in terms), corrected, suggestions)
