"""The full-text index over agenda items: SQLite FTS5 on the embedded store, tsvector/GIN on PostgreSQL.

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

from sqlalchemy import text
from sqlalchemy.orm import Session

from minutes.kinds import kind_key
from minutes.model import Meeting
from storage import bulk
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


def _tsvector_text(tokens: str) -> str:
    """tsvector input syntax for space-separated tokens (which hold no quotes or backslashes)."""
    return " ".join(f"'{tok}':{min(pos, 16383)}" for pos, tok in enumerate(tokens.split(), start=1))


def _kind_token(kind: str) -> str:
    return "k" + "".join(words(kind_key(kind, resolve_aliases=False)))


def meta_tokens(day: date, kind: str) -> str:
    """Filter tokens of one item: its year, its month and its meeting kind ("y2023 m202309 krådmandsmøde")."""
    return f"y{day.year} m{day.year}{day.month:02d} {_kind_token(kind)}"


META_MAX_TOKENS = 36  # a longer period narrows too little to be worth spelling out


def meta_expression(start: date | None, end: date | None, kind: str | None) -> str | None:
    """FTS5 expression on the meta column that every item passing these filters matches (a superset:
    months or years), or None when the filters do not narrow enough to help."""
    parts = []
    if start and end and start <= end:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months <= META_MAX_TOKENS:
            tokens = []
            y, m = start.year, start.month
            for _ in range(months):
                tokens.append(f'"m{y}{m:02d}"')
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        else:
            tokens = [f'"y{y}"' for y in range(start.year, end.year + 1)]
        if len(tokens) <= META_MAX_TOKENS:
            parts.append("(" + " OR ".join(tokens) + ")")
    if kind:
        parts.append(f'"{_kind_token(kind)}"')
    return f"meta : ({' AND '.join(parts)})" if parts else None


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
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    params = [
        {
            "id": item_id,
            "t": t if dialect == "sqlite" else _tsvector_text(t),
            "b": b if dialect == "sqlite" else _tsvector_text(b),
            "tenant": tenant_id,
            "meta": meta_tokens(meeting.date, meeting.meeting_kind or meeting.kind),
            "date": meeting.date.isoformat() if dialect == "sqlite" else meeting.date,
            "kind": kind_key(meeting.meeting_kind or meeting.kind, resolve_aliases=False),
            "conf": int(item.confidential or meeting.confidential) if dialect == "sqlite" else (item.confidential or meeting.confidential),
        }
        for item_id, item, (t, b) in zip(item_ids, meeting.items, docs, strict=True)
    ]
    if not params:
        return set()
    if dialect == "sqlite":
        bulk.sqlite_executemany(
            session,
            "INSERT INTO item_search(rowid, title, body, meta, tenant_id, date, kind_key, confidential) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(p["id"], p["t"], p["b"], p["meta"], p["tenant"], p["date"], p["kind"], p["conf"]) for p in params],
        )
    else:
        # The tsvector is built from our own tokens: the 'simple' parser would split the reverse mark off.
        session.execute(
            text(
                "INSERT INTO item_search(item_id, doc, tenant_id, date, kind_key, confidential) VALUES "
                "(:id, setweight(CAST(:t AS tsvector), 'A') || setweight(CAST(:b AS tsvector), 'B'), "
                ":tenant, :date, :kind, :conf)"
            ),
            params,
        )
    vocabulary = {w for t, b in docs for w in f"{t} {b}".split() if not w.startswith(REVERSE_MARK)}
    vocabulary.difference_update(*known_terms)
    if vocabulary and dialect == "sqlite":
        bulk.sqlite_executemany(
            session,
            "INSERT INTO search_terms(term, rterm) VALUES (?, ?) ON CONFLICT (term) DO NOTHING",
            [(w, reverse(w)) for w in sorted(vocabulary)],
        )
    elif vocabulary:
        session.execute(
            text("INSERT INTO search_terms(term, rterm) VALUES (:term, :rterm) ON CONFLICT (term) DO NOTHING"),
            [{"term": w, "rterm": reverse(w)} for w in sorted(vocabulary)],
        )
    return vocabulary


def remove(session: Session, meeting_ids: Sequence[int]) -> None:
    """Drop the index entries of the items of these meetings (before the meetings are deleted)."""
    if not meeting_ids:
        return
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    ids = ",".join(str(int(i)) for i in meeting_ids)
    if dialect == "sqlite":
        session.execute(
            text(f"DELETE FROM item_search WHERE rowid IN (SELECT id FROM items WHERE meeting_id IN ({ids}))")
        )
    # PostgreSQL: item_search.item_id cascades with the item.


@dataclass(frozen=True)
class QueryTerm:
    """One meaningful query stem and the alternatives it may match (typo corrections)."""

    stem: str
    alternatives: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        return (self.stem, *self.alternatives)


def _sqlite_term(stem: str) -> str:
    parts = [f'"{stem}"' + (" *" if len(stem) >= MIN_PREFIX else "")]
    if len(stem) >= MIN_SUFFIX:
        parts.append(f'"{REVERSE_MARK}{reverse(stem)}" *')
    return " OR ".join(parts)


def _pg_term(stem: str, weight: str) -> str:
    parts = [f"'{stem}'" + (f":*{weight}" if len(stem) >= MIN_PREFIX else (f":{weight}" if weight else ""))]
    if len(stem) >= MIN_SUFFIX:
        parts.append(f"'{REVERSE_MARK}{reverse(stem)}':*{weight}")
    return " | ".join(parts)


def match_expression(
    terms: Iterable[QueryTerm], dialect: str, *, mode: str = "and", title_only: bool = False, meta: str | None = None
) -> str:
    """The engine query for ``terms`` (all must match with mode "and", any with "or").

    ``title_only`` restricts every term to item titles (FTS5 column filter, tsvector weight A);
    ``meta`` (SQLite, from ``meta_expression``) narrows the match to the filters' months and kind.
    """
    if dialect == "sqlite":
        groups = ["(" + " OR ".join(_sqlite_term(s) for s in t.all) + ")" for t in terms]
        expression = (" AND " if mode == "and" else " OR ").join(groups)
        expression = f"{{title body}} : ({expression})" if not title_only else f"title : ({expression})"
        return f"{expression} AND {meta}" if meta else expression
    weight = "A" if title_only else ""
    groups = ["(" + " | ".join(_pg_term(s, weight) for s in t.all) + ")" for t in terms]
    return (" & " if mode == "and" else " | ").join(groups)


def _prefix_condition(column: str, dialect: str) -> str:
    # PostgreSQL's text_pattern_ops index serves LIKE 'x%' whatever the collation; SQLite's LIKE is
    # case-folding and skips the index, so it gets a range instead. Terms never hold % or _.
    if dialect == "sqlite":
        return f"{column} >= :lo AND {column} < :hi"
    return f"{column} LIKE :like"


def _prefix_params(prefix: str) -> dict[str, str]:
    return {"lo": prefix, "hi": prefix + "\uffff", "like": prefix + "%"}


def known(session: Session, stem: str, dialect: str) -> bool:
    """True when some indexed word starts with ``stem`` (or ends with it, for long stems)."""
    checks = [("term", stem)] + ([("rterm", reverse(stem))] if len(stem) >= MIN_SUFFIX else [])
    params: dict[str, str] = {}
    probes = []
    for n, (column, key) in enumerate(checks):
        cond = _prefix_condition(column, dialect).replace(":lo", f":lo{n}").replace(":hi", f":hi{n}").replace(":like", f":like{n}")
        probes.append(f"EXISTS (SELECT 1 FROM search_terms WHERE {cond})")
        params.update({f"{k}{n}": v for k, v in _prefix_params(key).items()})
    # One round trip for both probes.
    return bool((session.execute(text(f"SELECT {' OR '.join(probes)}"), params)).scalar())


def corrections(session: Session, stem: str, dialect: str, limit: int = 3) -> tuple[str, ...]:
    """Indexed stems one edit away from ``stem`` (for words of 6+ letters)."""
    if len(stem) < 6:
        return ()
    found: dict[str, None] = {}
    # Candidates share the first two letters or the last two: a slip anywhere else is caught.
    for column, key in (("term", stem), ("rterm", reverse(stem))):
        sql = (
            f"SELECT term FROM search_terms WHERE {_prefix_condition(column, dialect)} "
            "AND length(term) BETWEEN :a AND :b"
        )
        rows = session.execute(text(sql), {**_prefix_params(key[:2]), "a": len(stem) - 1, "b": len(stem) + 1})
        for (term,) in rows:
            if term != stem and within_one_edit(term, stem):
                found.setdefault(term, None)
    return tuple(sorted(found)[:limit])
