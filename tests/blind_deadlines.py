"""The blind deadline set (tests/blind/deadlines/cases.jsonl): loading and scoring.

Written by someone who never saw the code, as staff type follow-up messages, and split 50/50
into dev and test (stratified by class and language) before any tuning; the rules were tuned on
dev only. Shared by tests/test_deadlines_blind.py and bench/deadlines.py.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from minutes.dates import find_deadline

CASES_FILE = Path(__file__).resolve().parent / "blind" / "deadlines" / "cases.jsonl"
CLASSES = {
    1: "periods",
    2: "holidays/seasons",
    3: "working days",
    4: "short/numeric",
    5: "messy text",
    6: "English",
}


@dataclass(frozen=True)
class BlindCase:
    """One message: when it was written, and the due dates a reader may take from it."""

    id: str
    now: datetime
    message: str
    due: date | None
    due_any: frozenset[date]  # every acceptable reading; empty when there is no deadline
    cls: int
    lang: str
    split: str

    def accepts(self, got: date | None) -> bool:
        """True when ``got`` is one of the acceptable due dates (or None for no deadline)."""
        return got is None if self.due is None else got in self.due_any


def load(path: Path = CASES_FILE) -> tuple[BlindCase, ...]:
    """Every case of the set, in file order."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        cases.append(
            BlindCase(
                id=row["id"],
                now=datetime.fromisoformat(row["now"]),
                message=row["message"],
                due=date.fromisoformat(row["due"]) if row["due"] else None,
                due_any=frozenset(date.fromisoformat(d) for d in row["due_any"] or ([row["due"]] if row["due"] else [])),
                cls=int(row["class"]),
                lang=row["lang"],
                split=row["split"],
            )
        )
    return tuple(cases)


def ours(case: BlindCase) -> date | None:
    """What the bot stores as the due date: the deadline find_deadline reads in the message."""
    found = find_deadline(case.message, case.now)
    return found.due if found is not None else None


def score(cases: Iterable[BlindCase], reader: Callable[[BlindCase], date | None]) -> dict[int, tuple[int, int]]:
    """Class -> (right, total) of ``reader`` on ``cases``."""
    right: Counter[int] = Counter()
    total: Counter[int] = Counter()
    for case in cases:
        total[case.cls] += 1
        right[case.cls] += case.accepts(reader(case))
    return {cls: (right[cls], total[cls]) for cls in sorted(total)}


def table(scores: dict[int, tuple[int, int]]) -> str:
    """One line per class and a total, e.g. ``1 periods  15/16  93.8 %``."""
    lines = [f"  {cls} {CLASSES[cls]:17} {r:3d}/{t:<3d} {100 * r / t:5.1f} %" for cls, (r, t) in scores.items()]
    r, t = sum(r for r, _ in scores.values()), sum(t for _, t in scores.values())
    lines.append(f"  {'total':19} {r:3d}/{t:<3d} {100 * r / t:5.1f} %")
    return "\n".join(lines)
