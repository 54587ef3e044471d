"""The blind deadline set end to end: each message as a chat turn, and the due date the bot stored.

``tests/blind_deadlines.py`` scores the deadline reader alone. What a user gets is more than that:
the message must first be recognised as a follow-up, and the deadline must survive the way the task
is cut out of it. Here each message goes through the same path as ``referatbot ask TEXT --json --now
ISO`` (``bot.terminal``: the CLI turn in personal scope, ``Conversation.handle``, ``reply_to_json``)
on a fresh store per case, copied from one migrated template, so a case that leaves the question
"Hvornår skal det være gjort?" pending cannot take the next case as its answer.

A case counts as *recognised* when the reply's intent is ``add_followup``; its due date is the
``followup.due`` the reply reports as stored, or none when the bot asked for one instead. Shared by
tests/test_followups_blind_e2e.py and bench/deadlines.py.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from blind_deadlines import CLASSES, BlindCase
from bot.terminal import cli_turn, reply_to_json
from dialogs.conversation import Conversation
from storage.database import Database
from storage.repository import Repository


@dataclass(frozen=True)
class Outcome:
    """What the bot did with one blind message."""

    case: BlindCase
    intent: str
    due: date | None

    @property
    def recognised(self) -> bool:
        return self.intent == "add_followup"

    @property
    def right(self) -> bool:
        """Recognised as a follow-up and stored with an acceptable due date (or asked, when it has none)."""
        return self.recognised and self.case.accepts(self.due)


async def _one(template: Path, workdir: Path, case: BlindCase) -> Outcome:
    path = workdir / f"{case.id}.db"
    shutil.copyfile(template, path)
    db = await Database.open(f"sqlite:///{path}")
    try:
        turn = cli_turn(case.message, now=case.now, scope="personal", tenant_id="")
        out = reply_to_json(await Conversation(Repository(db)).handle(turn))
    finally:
        await db.close()
    followup = out.get("followup")
    due = followup.get("due") if isinstance(followup, dict) else None
    return Outcome(case, str(out["intent"]), date.fromisoformat(due) if isinstance(due, str) else None)


async def _all(cases: Sequence[BlindCase]) -> list[Outcome]:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        template = workdir / "template.db"
        db = await Database.open(f"sqlite:///{template}")
        await db.close()
        return [await _one(template, workdir, case) for case in cases]


def run(cases: Sequence[BlindCase]) -> list[Outcome]:
    """Every case sent as a chat turn, in order."""
    return asyncio.run(_all(cases))


async def run_async(cases: Sequence[BlindCase]) -> list[Outcome]:
    """``run`` for callers already inside an event loop (pytest-asyncio tests)."""
    return await _all(cases)


def table(outcomes: Iterable[Outcome]) -> str:
    """Per class: recognised as a follow-up, and due date right end to end; then the total."""
    seen: Counter[int] = Counter()
    recognised: Counter[int] = Counter()
    right: Counter[int] = Counter()
    for o in outcomes:
        seen[o.case.cls] += 1
        recognised[o.case.cls] += o.recognised
        right[o.case.cls] += o.right
    lines = [f"  {'class':19} {'recognised':>10}   {'due right':>9}"]
    for cls in sorted(seen):
        lines.append(f"  {cls} {CLASSES[cls]:17} {recognised[cls]:4d}/{seen[cls]:<3d}   {right[cls]:4d}/{seen[cls]:<3d}"
                     f" {100 * right[cls] / seen[cls]:5.1f} %")
    n, rec, ok = sum(seen.values()), sum(recognised.values()), sum(right.values())
    lines.append(f"  {'total':19} {rec:4d}/{n:<3d}   {ok:4d}/{n:<3d} {100 * ok / n:5.1f} %"
                 f"  (recognised {100 * rec / n:.1f} %)")
    return "\n".join(lines)


def totals(outcomes: Iterable[Outcome]) -> tuple[int, int, int]:
    """(recognised, due right, total)."""
    items = list(outcomes)
    return sum(o.recognised for o in items), sum(o.right for o in items), len(items)
