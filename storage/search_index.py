"""The full-text index over agenda items: which tokens go in, which a query looks for.

The engines (SQLite FTS5 on the embedded store, tsvector/GIN on PostgreSQL) are behind ``storage.dialects``.

Both engines index our own tokens, never theirs: every word of an item becomes its Snowball stem, and
long stems are indexed reversed too (``~`` + stem backwards), so a query stem matches a compound's head
by prefix ("budg" -> "budgetforslag") and its tail by reversed prefix ("innovationsmotor" ->
"miniinnovationsmotor"). Queries are built only from our own tokens (``[0-9a-zæøåäöüé]+``), each quoted:
user text never reaches MATCH or ``tsquery`` as syntax.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import AbstractSet, Iterable, Sequence

from sqlalchemy.orm import Session

from minutes.kinds import kind_key
from minutes.model import Meeting
from storage import dialects
from storage.dialects import IndexEntry, Pattern, SqlDialect, prefix_params, sql_text
from minutes.text import overstemmed, reverse, stem, within_one_edit, words

REVERSE_MARK = "~"
MIN_PREFIX = 4  # a query stem shorter than this matches whole words only
MIN_SUFFIX = 5  # ... and one shorter than this never matches a compound's tail
MIN_REVERSED_INDEX = 6  # only stems this long are indexed reversed (compounds are long)
MAX_TERM = 60  # longer "words" (pasted junk) are neither indexed nor searched: PostgreSQL rejects >2047-byte lexemes


def _terms(text_: str) -> list[str]:
    out: list[str] = []
    for w in words(text_):
        if len(w) > MAX_TERM:
            continue
        s = stem(w)
        out.append(s)
        if len(s) >= MIN_REVERSED_INDEX:
            out.append(REVERSE_MARK + reverse(s))
        elif overstemmed(w, s):
            out.append(w)  # "demens" is stemmed to "dem": keep the word so its compounds' head matches
    return out


def item_documents(meeting: Meeting) -> list[tuple[str, str]]:
    """(title terms, body terms) per item, as space-joined index tokens."""
    docs = []
    for item in meeting.items:
        body_parts = [item.decision, *item.subpoints, *(f"{s.heading} {s.text}" for s in item.sections)]
        title = f"{item.title} {meeting.title if meeting.title != item.title else ''}"
        docs.append((" ".join(_terms(title)), " ".join(_terms(" ".join(body_parts)))))
    return docs




def _kind_token(kind: str) -> str:
    return "k" + "".join(words(kind_key(kind, resolve_aliases=False)))


def meta_tokens(day: date, kind: str) -> str:
    """Filter tokens of one item: its year, its month and its meeting kind ("y2023 m202309 krådmandsmøde")."""
    return f"y{day.year} m{day.year}{day.month:02d} {_kind_token(kind)}"


META_MAX_TOKENS = 36  # a longer period narrows too little to be worth spelling out


def meta_groups(start: date | None, end: date | None, kind: str | None) -> list[list[str]] | None:
    """Filter tokens that every item passing these filters carries (a superset: months or years), as
    groups of which each item matches one token per group; None when they do not narrow enough to help."""
    groups: list[list[str]] = []
    if start and end and start <= end:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months <= META_MAX_TOKENS:
            tokens = []
            y, m = start.year, start.month
            for _ in range(months):
                tokens.append(f"m{y}{m:02d}")
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        else:
            tokens = [f"y{y}" for y in range(start.year, end.year + 1)]
        if len(tokens) <= META_MAX_TOKENS:
            groups.append(tokens)
    if kind:
        groups.append([_kind_token(kind)])
    return groups or None


def add(
    session: Session,
    item_ids: Sequence[int],
    meeting: Meeting,
    tenant_id: str,
    known_terms: Sequence[AbstractSet[str]] = (),
) -> set[str]:
    """Index the just-inserted items of ``meeting`` (ids in item order); remember stems for typo tolerance.

    Returns the stems it added to the vocabulary; ``known_terms``
    (sets of stems certainly stored already) are not written again.

    Beside the tokens the index keeps what searches filter on (tenant, date, meeting kind,
    confidentiality), so the engine filters while it matches and ranks only what may be shown.
    """
    docs = item_documents(meeting)
    if not docs:
        return set()
    sql = dialects.for_session(session)
    kind = meeting.meeting_kind or meeting.kind
    sql.index_items(
        session,
        [
            IndexEntry(item_id, t, b, meta_tokens(meeting.date, kind), tenant_id, meeting.date,
                       kind_key(kind, resolve_aliases=False), bool(item.confidential or meeting.confidential))
            for item_id, item, (t, b) in zip(item_ids, meeting.items, docs, strict=True)
        ],
    )
    vocabulary = {w for t, b in docs for w in f"{t} {b}".split() if not w.startswith(REVERSE_MARK)}
    vocabulary.difference_update(*known_terms)
    sql.add_vocabulary(session, [(w, reverse(w)) for w in sorted(vocabulary)])
    return vocabulary


def remove(session: Session, meeting_ids: Sequence[int]) -> None:
    """Drop the index entries of the items of these meetings (before the meetings are deleted)."""
    dialects.for_session(session).unindex_meetings(session, meeting_ids)


@dataclass(frozen=True)
class QueryTerm:
    """One meaningful query stem and the alternatives it may match (typo corrections)."""

    stem: str
    alternatives: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        return (self.stem, *self.alternatives)


def patterns(stem: str) -> list[Pattern]:
    """The index tokens a query stem matches: words starting with it (whole words only when short),
    and for long stems compounds ending with it (a reversed prefix)."""
    out: list[Pattern] = [(stem, len(stem) >= MIN_PREFIX)]
    if len(stem) >= MIN_SUFFIX:
        out.append((REVERSE_MARK + reverse(stem), True))
    return out


def match_expression(
    terms: Iterable[QueryTerm], sql: SqlDialect, *, mode: str = "and", title_only: bool = False,
    meta: Sequence[Sequence[str]] | None = None,
) -> str:
    """The engine query for ``terms`` (all must match with mode "and", any with "or").

    ``title_only`` restricts every term to item titles (FTS5 column filter, tsvector weight A);
    ``meta`` (from ``meta_groups``, where the engine can use it) narrows the match to the filters' months and kind.
    """
    groups = [[p for s in t.all for p in patterns(s)] for t in terms]
    return sql.match(groups, mode=mode, title_only=title_only, meta=meta)


def known(session: Session, stem: str, sql: SqlDialect) -> bool:
    """True when some indexed word starts with ``stem`` (or ends with it, for long stems)."""
    checks = [("term", stem)] + ([("rterm", reverse(stem))] if len(stem) >= MIN_SUFFIX else [])
    params: dict[str, str] = {}
    probes = []
    for n, (column, key) in enumerate(checks):
        probes.append(f"EXISTS (SELECT 1 FROM search_terms WHERE {sql.prefix_condition(column, n)})")
        params.update(prefix_params(key, n))
    # One round trip for both probes.
    return bool((session.execute(sql_text(f"SELECT {' OR '.join(probes)}"), params)).scalar())


def corrections(session: Session, stem: str, sql: SqlDialect, limit: int = 3) -> tuple[str, ...]:
    """Indexed stems one edit away from ``stem`` (for words of 6+ letters)."""
    if len(stem) < 6:
        return ()
    found: dict[str, None] = {}
    # Candidates share the first two letters or the last two: a slip anywhere else is caught.
    for column, key in (("term", stem), ("rterm", reverse(stem))):
        statement = (
            f"SELECT term FROM search_terms WHERE {sql.prefix_condition(column, 0)} "
            "AND length(term) BETWEEN :a AND :b"
        )
        rows = session.execute(sql_text(statement), {**prefix_params(key[:2]), "a": len(stem) - 1, "b": len(stem) + 1})
        for (term,) in rows:
            if term != stem and within_one_edit(term, stem):
                found.setdefault(term, None)
    return tuple(sorted(found)[:limit])
