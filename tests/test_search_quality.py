"""Top-1 accuracy of decision search on the question set (tests/search_questions.py), on SQLite and PostgreSQL.

Questions go through the real path a chat message takes: ``Conversation.handle(cli_turn(...))`` —
recognizer, filters, search, answer. A baseline (plain stemmed FTS5: the question's stems OR'ed in a
bare MATCH, no filters, no outcome ranking) runs over the same corpus; ours must beat it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pytest
from search_questions import NOW, QUESTIONS, Question

from bot.terminal import cli_turn
from dialogs.conversation import Conversation
from minutes.model import Meeting
from minutes.readers import read_document
from minutes.text import content_stems, stems
from storage.repository import Repository

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIRS = (ROOT / "samples" / "minutes", Path(__file__).resolve().parent / "fixtures" / "archive")
MIN_ACCURACY = 0.90

Answer = tuple[str, str | None] | None


def corpus() -> list[Meeting]:
    """Every document of the samples and the archive fixture, parsed."""
    return [read_document(p) for d in CORPUS_DIRS for p in sorted(d.iterdir()) if p.is_file()]


def _report(name: str, answers: list[Answer], questions: Iterable[Question] = QUESTIONS) -> tuple[float, list[str]]:
    qs = list(questions)
    wrong = [f"  {q.text!r} [{q.scope}] expected {q.expect} got {a}" for q, a in zip(qs, answers) if a != q.expect]
    accuracy = 1 - len(wrong) / len(qs)
    return accuracy, wrong


async def ask_all(repo: Repository) -> list[Answer]:
    """The top-1 (source, item number) the bot answers each question with, or None for no result."""
    conversation = Conversation(repo)
    answers: list[Answer] = []
    for q in QUESTIONS:
        reply = await conversation.handle(cli_turn(q.text, now=NOW, scope=q.scope, tenant_id=""))
        results = reply.data.get("results") or []
        answers.append((results[0]["source"], results[0]["item_number"]) if results else None)
    return answers


def baseline_answers(meetings: list[Meeting]) -> list[Answer]:
    """Plain stemmed FTS5: each item's stems in one column, the question's stems OR'ed, best bm25 first."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(body, source UNINDEXED, number UNINDEXED)")
    for m in meetings:
        for item in m.items:
            text = " ".join([item.title, item.decision, *item.subpoints, *(f"{s.heading} {s.text}" for s in item.sections)])
            db.execute("INSERT INTO docs VALUES (?, ?, ?)", (" ".join(stems(text)), m.source, item.number))
    answers: list[Answer] = []
    for q in QUESTIONS:
        terms = content_stems(q.text)
        if not terms:
            answers.append(None)
            continue
        match = " OR ".join(f'"{t}"' for t in terms)
        row = db.execute("SELECT source, number FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 1", (match,)).fetchone()
        answers.append((row[0], row[1]) if row else None)
    db.close()
    return answers


def test_question_set_is_big_and_varied() -> None:
    assert len(QUESTIONS) >= 60
    tags = " ".join(q.tags for q in QUESTIONS)
    for tag in ("no-answer", "typo", "morphology", "period", "relative-period", "meeting-kind", "presenter", "english", "closed"):
        assert tag in tags, tag
    assert sum(q.expect is None for q in QUESTIONS) >= 8


def test_every_expected_answer_exists_in_the_corpus() -> None:
    items = {(m.source, i.number) for m in corpus() for i in m.items}
    for q in QUESTIONS:
        assert q.expect is None or q.expect in items, q


async def test_top1_accuracy_beats_threshold_and_baseline(repo: Repository, capsys: pytest.CaptureFixture[str]) -> None:
    meetings = corpus()
    for m in meetings:
        await repo.documents.ingest(m)
    answers = await ask_all(repo)
    accuracy, wrong = _report("ours", answers)
    base_accuracy, _ = _report("baseline", baseline_answers(meetings))
    no_answer_hits = [f"  {q.text!r} [{q.scope}] got {a}" for q, a in zip(QUESTIONS, answers) if q.expect is None and a is not None]
    with capsys.disabled():
        print(
            f"\n[{repo.db.dialect}] top-1 accuracy {accuracy:.1%} ({len(QUESTIONS) - len(wrong)}/{len(QUESTIONS)}), "
            f"baseline (bare stemmed FTS5) {base_accuracy:.1%}"
        )
        for line in wrong:
            print(line)
    assert not no_answer_hits, "questions without an answer got a result:\n" + "\n".join(no_answer_hits)
    assert accuracy >= MIN_ACCURACY, f"top-1 accuracy {accuracy:.1%} < {MIN_ACCURACY:.0%}:\n" + "\n".join(wrong)
    assert accuracy > base_accuracy
