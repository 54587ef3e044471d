"""Deadlines in blind follow-up messages: accuracy by class on dev and test, test at least 95 %.

Run with ``-s`` to see the figures. The rules were tuned on split=dev only; test is reported and
held to the issue's bar. The old hand-computed table and held-out phrases are tests/test_dates.py.
"""

from __future__ import annotations

import hashlib

from blind_deadlines import CASES_FILE, CLASSES, load, ours, score, table

# The set as its author wrote it (tests/blind/deadlines/cases.jsonl is a verbatim copy): a changed
# expectation must be a visible decision, not an edit.
CASES_SHA256 = "c81e8741702533624fe75511eae101a2d402ff20819655c705e33698bc42ae51"


def test_the_blind_set_is_the_authors_copy_and_covers_the_issue() -> None:
    assert hashlib.sha256(CASES_FILE.read_bytes()).hexdigest() == CASES_SHA256
    cases = load()
    assert len(cases) >= 120
    assert {c.cls for c in cases} == set(CLASSES)
    assert sum(c.lang == "en" for c in cases) >= 15
    assert {c.split for c in cases} == {"dev", "test"}


def test_blind_deadlines_are_read_right_on_dev_and_at_least_95_percent_on_test() -> None:
    cases = load()
    dev = score([c for c in cases if c.split == "dev"], ours)
    test = score([c for c in cases if c.split == "test"], ours)
    print(f"\nblind deadlines, dev (tuned on):\n{table(dev)}\nblind deadlines, test (held out):\n{table(test)}")
    right, total = sum(r for r, _ in test.values()), sum(t for _, t in test.values())
    assert right / total >= 0.95, table(test)
