"""The blind question set over the public samples (tests/blind/public/questions.jsonl, copied unchanged from
/work/blind/public/, written by someone who never saw the code), on SQLite and PostgreSQL.

Top-1 must reach 90 % on dev and no split may leak; the test split's figure is printed, not gated, so
that nobody is tempted to tune on it. Every question goes through the path a chat message takes (``Conversation.handle``) in its own scope, asked
by an ordinary user (not on the confidential-readers list). Top-1 is right when the first result is one of
the expected items, or, for a question expecting nothing, when there is no result. A leak is a closed item
(or its decision text) anywhere in a reply. Tuning is done on the dev split only; both are reported.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot.ingest import ingest_paths
from bot.terminal import cli_turn
from dialogs.conversation import Conversation
from storage.repository import Repository

HERE = Path(__file__).parent
QUESTIONS: list[dict[str, Any]] = [
    json.loads(line) for line in (HERE / "blind" / "public" / "questions.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
]
GOLD: dict[str, Any] = json.loads((HERE / "fixtures" / "public" / "expected.json").read_text(encoding="utf-8"))
CLOSED = {
    (source, str(item["number"])): item["decision_starts_with"]
    for source, meeting in GOLD.items()
    if not source.startswith("_")
    for item in meeting["items"]
    if item["confidential"]
}
MIN_TOP1 = 0.9  # on dev, the split tuned on; test is reported, never tuned on (and so not a gate here)


async def _answers(repo: Repository) -> list[tuple[dict[str, Any], list[tuple[str, str]], str]]:
    report = await ingest_paths(repo, [str(p) for p in sorted((HERE / "fixtures" / "public").glob("d*"))])
    assert report["failed"] == []
    conversation = Conversation(repo)
    out = []
    for q in QUESTIONS:
        turn = cli_turn(q["question"], now=datetime.fromisoformat(q["now"]), scope=q["scope"], tenant_id="")
        reply = await conversation.handle(dataclasses.replace(turn, may_read_confidential=False))
        results = [(r["source"], str(r["item_number"])) for r in reply.data.get("results") or []]
        shown = reply.text + json.dumps(reply.card or {}, ensure_ascii=False, default=str)
        out.append((q, results, shown))
    return out


def _leaks(results: list[tuple[str, str]], shown: str) -> list[str]:
    leaks = [f"{s}#{n}" for s, n in results if (s, n) in CLOSED]
    leaks += [f"text {text[:30]!r}" for text in CLOSED.values() if text and text in shown and len(text) > 12]
    return leaks


async def test_blind_public_questions_top1_and_no_leaks(repo: Repository, capsys: pytest.CaptureFixture[str]) -> None:
    answers = await _answers(repo)
    lines, failures = [], []
    for split in ("dev", "test"):
        mine = [(q, r, s) for q, r, s in answers if q["split"] == split]
        right = 0
        leaks: list[str] = []
        for q, results, shown in mine:
            expected = {(e["source"], str(e["item_number"])) for e in q["expected"]}
            ok = (not results) if not expected else bool(results) and results[0] in expected
            right += ok
            leaks += [f"{q['id']}: {leak}" for leak in _leaks(results, shown)]
            if not ok and split == "dev":  # tuning looks at dev only; test is reported as a figure
                lines.append(f"  [{split}] {q['id']} {q['class']} {q['question']!r} -> {results[:2]} want {sorted(expected)}")
        top1 = right / len(mine)
        lines.insert(0, f"[{repo.db.dialect}] blind public {split}: top-1 {top1:.1%} ({right}/{len(mine)}), leaks {len(leaks)}")
        if leaks:
            failures.append(f"{split} leaks: {leaks}")
        if split == "dev" and top1 < MIN_TOP1:
            failures.append(f"{split} top-1 {top1:.1%} < {MIN_TOP1:.0%}")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert not failures, failures


def test_the_blind_set_is_the_one_written_blind() -> None:
    assert len(QUESTIONS) == 104
    assert {q["split"] for q in QUESTIONS} == {"dev", "test"}
    for q in QUESTIONS:
        for e in q["expected"]:
            assert (e["source"], str(e["item_number"])) not in CLOSED
