"""The blind search evaluation (issue 14): an archive and questions written by people who never saw the code.

``tests/blind/search/`` is a verbatim copy of ``/work/blind/search`` (archive/, questions.jsonl with a
dev/test split drawn before any tuning). Every question goes through the chat path exactly as
``referatbot ask --json`` does (``Conversation.handle``), in its own scope and at its own ``now``.

A question with expected items scores top-1 when the first result is one of them, top-3 when one of the
first three is; a question with ``expected == []`` scores when the answer has no results.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.ingest import ingest_paths
from bot.terminal import cli_turn
from dialogs.conversation import Conversation
from storage.repository import Repository

BLIND = Path(__file__).resolve().parent / "blind" / "search"
ARCHIVE = BLIND / "archive"
QUESTIONS = BLIND / "questions.jsonl"
DEV2 = BLIND / "dev2.jsonl"
TENANT = "blind"
CLASSES = {1: "extra words", 2: "compounds", 3: "synonyms", 4: "browsing", 5: "typos", 6: "English", 7: "no answer"}


def questions(split: str) -> list[dict[str, Any]]:
    """The questions of one split: "dev" or "test" of the first set, or "dev2" (a second set, written blind
    later by another helper from the documents alone: 90 paraphrase, English, extra-word and no-answer
    questions; used to check ideas tuned on dev before keeping them, never tuned on itself)."""
    if split == "dev2":
        return [json.loads(line) for line in DEV2.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["split"] == split]


@dataclass
class Tally:
    """Counts for one group of questions."""

    answerable: int = 0
    top1: int = 0
    top3: int = 0
    negatives: int = 0
    negatives_ok: int = 0

    def add(self, expected: list[dict[str, Any]], results: list[dict[str, Any]]) -> tuple[bool, bool]:
        if not expected:
            self.negatives += 1
            self.negatives_ok += not results
            return not results, not results
        self.answerable += 1
        hits = [_matches(r, expected) for r in results[:3]]
        first, any3 = bool(hits and hits[0]), any(hits)
        self.top1 += first
        self.top3 += any3
        return first, any3


def _matches(result: dict[str, Any], expected: list[dict[str, Any]]) -> bool:
    return any(
        result.get("source") == e["source"] and (e["item_number"] is None or str(result.get("item_number")) == e["item_number"])
        for e in expected
    )


@dataclass
class Report:
    """Figures of one split on one store."""

    split: str
    by_class: dict[int, Tally] = field(default_factory=lambda: defaultdict(Tally))
    total: Tally = field(default_factory=Tally)
    english: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def pct(n: int, d: int) -> str:
        return f"{n / d:6.1%} ({n}/{d})" if d else "     –"

    def lines(self, store: str) -> list[str]:
        out = [f"[{store}] blind {self.split}: top-1 {self.pct(self.total.top1, self.total.answerable)}, "
               f"top-3 {self.pct(self.total.top3, self.total.answerable)}, "
               f"negatives {self.pct(self.total.negatives_ok, self.total.negatives)}, "
               f"English top-3 {self.pct(self.english.top3, self.english.answerable)}"]
        for cls in sorted(self.by_class):
            t = self.by_class[cls]
            if t.answerable:
                out.append(f"    {cls} {CLASSES[cls]:<12} top-1 {self.pct(t.top1, t.answerable)}  "
                           f"top-3 {self.pct(t.top3, t.answerable)}")
            if t.negatives:
                out.append(f"    {cls} {CLASSES[cls]:<12} nothing found {self.pct(t.negatives_ok, t.negatives)}")
        return out


async def ingest_archive(repo: Repository) -> None:
    """The blind archive, stored under its own tenant."""
    report = await ingest_paths(repo, [str(ARCHIVE)], tenant_id=TENANT)
    assert not report["failed"], report["failed"]


async def evaluate(repo: Repository, split: str) -> Report:
    """Ask every question of ``split`` through the chat path and count."""
    conversation = Conversation(repo)
    report = Report(split)
    for q in questions(split):
        turn = cli_turn(q["question"], now=datetime.fromisoformat(q["now"]), scope=q["scope"], tenant_id=TENANT)
        reply = await conversation.handle(turn)
        results = list(reply.data.get("results", []))
        first, any3 = report.total.add(q["expected"], results)
        report.by_class[q["class"]].add(q["expected"], results)
        if q["lang"] == "en" and q["expected"]:
            report.english.add(q["expected"], results)
        if not first:
            got = [f"{r.get('source')}#{r.get('item_number')}" for r in results[:3]]
            want = [f"{e['source']}#{e['item_number']}" for e in q["expected"]]
            report.misses.append(f"{q['id']} c{q['class']} {q['question']!r} [{reply.intent.value}] got {got} want {want}")
    return report
