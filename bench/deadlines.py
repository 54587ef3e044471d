"""Benchmark: our Danish deadline rules against bare dateparser on the hand-computed phrase table.

Run from the repository root: ``python bench/deadlines.py [--repeat N]``. Prints the accuracy
of each parser on tests/deadline_cases.py and the mean time per phrase in microseconds.
dateparser gets the settings the project uses for its fallback (Danish only, DMY, future,
RELATIVE_BASE = now as naive Copenhagen time); it is told nothing about meetings.

Then the blind set of follow-up messages (tests/blind/deadlines/cases.jsonl, issue 17) by class,
dev (tuned on) and test (held out) apart: ours is ``find_deadline`` on the whole message, as the
bot reads it; dateparser is ``search_dates`` on the message in the case's language (a message is
a sentence, which ``dateparser.parse`` does not read), its first date taken. Last, the same set
end to end: each message as a chat turn (``referatbot ask TEXT --now ISO``), recognised as a follow-up
or not, and the due date the bot stored (tests/blind_followups_e2e.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import dateparser  # noqa: E402
from blind_deadlines import BlindCase, load, score, table  # noqa: E402
from blind_deadlines import ours as ours_blind  # noqa: E402
from blind_followups_e2e import run as run_end_to_end  # noqa: E402
from blind_followups_e2e import table as end_to_end_table  # noqa: E402
from dateparser.search import search_dates  # noqa: E402
from deadline_cases import CASES, HELD_OUT, Case  # noqa: E402

from minutes.calendar import COPENHAGEN  # noqa: E402
from minutes.dates import parse_deadline  # noqa: E402

Parser = Callable[[Case], "date | None"]


def ours(case: Case) -> date | None:
    """The project's parser."""
    return parse_deadline(
        case.text, case.now, meetings=case.meetings, prefer_future=case.prefer_future
    )


def bare_dateparser(case: Case) -> date | None:
    """dateparser alone, as the brief configures it."""
    base = case.now.astimezone(COPENHAGEN).replace(tzinfo=None) if case.now.tzinfo else case.now
    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future" if case.prefer_future else "current_period",
        "RELATIVE_BASE": base,
    }
    try:
        parsed = dateparser.parse(case.text, languages=["da"], settings=settings)  # type: ignore[arg-type]
    except Exception:  # dateparser raises on some inputs; that counts as "no date"
        return None
    return parsed.date() if parsed is not None else None


def dateparser_search(case: BlindCase) -> date | None:
    """dateparser's search_dates on a whole message, in its language; the first date found."""
    base = case.now.astimezone(COPENHAGEN).replace(tzinfo=None)
    settings = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "future", "RELATIVE_BASE": base}
    try:
        found = search_dates(case.message, languages=[case.lang], settings=settings)  # type: ignore[arg-type]
    except Exception:  # dateparser raises on some inputs; that counts as "no date"
        return None
    return found[0][1].date() if found else None


def blind(show_misses: bool) -> None:
    """The blind message set by class, ours beside dateparser, dev and test apart."""
    cases = load()
    for split in ("dev", "test"):
        part = [c for c in cases if c.split == split]
        ours_scores, dp_scores = score(part, ours_blind), score(part, dateparser_search)
        print(f"blind set, split={split} ({len(part)} messages): minutes.dates | dateparser search_dates")
        for ours_line, dp_line in zip(table(ours_scores).splitlines(), table(dp_scores).splitlines(), strict=True):
            print(f"{ours_line}  | {dp_line[23:].strip()}")
        if show_misses and split == "dev":  # test messages are never shown: they must stay unseen
            for c in part:
                if not c.accepts(ours_blind(c)):
                    print(f"  ours wrong ({c.id}): {c.message!r} -> {ours_blind(c)} (expected {c.due})")
    for split in ("dev", "test"):
        print(f"blind set end to end, split={split}: each message as a chat turn")
        print(end_to_end_table(run_end_to_end([c for c in cases if c.split == split])))


def measure(name: str, parser: Parser, repeat: int, cases: tuple[Case, ...] = CASES) -> tuple[int, list[Case]]:
    """Accuracy and µs/phrase of ``parser``; returns (correct, wrong cases)."""
    wrong = [c for c in cases if parser(c) != c.due]
    start = time.perf_counter()
    for _ in range(repeat):
        for case in cases:
            parser(case)
    elapsed = time.perf_counter() - start
    per_phrase_us = elapsed / (repeat * len(cases)) * 1e6
    correct = len(cases) - len(wrong)
    print(
        f"{name:16} {correct:4d}/{len(cases)} correct ({100 * correct / len(cases):5.1f} %)"
        f"  {per_phrase_us:9.1f} µs/phrase"
    )
    return correct, wrong


def main(argv: list[str] | None = None) -> int:
    """Run both parsers over the table and print the figures (and our misses, if any)."""
    ap = argparse.ArgumentParser(description="Deadline parser benchmark")
    ap.add_argument("--repeat", type=int, default=20, help="timing passes over the table")
    ap.add_argument("--show-misses", action="store_true", help="list dateparser's misses too")
    opts = ap.parse_args(argv)
    print(f"{len(CASES)} phrases ({sum(c.embedded for c in CASES)} embedded in sentences)")
    _, our_wrong = measure("minutes.dates", ours, opts.repeat)
    _, dp_wrong = measure("dateparser (da)", bare_dateparser, max(1, opts.repeat // 10))
    print(f"held-out set: {len(HELD_OUT)} phrases written after the rules, never used to tune them")
    _, held_wrong = measure("minutes.dates", ours, opts.repeat, HELD_OUT)
    measure("dateparser (da)", bare_dateparser, max(1, opts.repeat // 10), HELD_OUT)
    for c in our_wrong + held_wrong:
        print(f"  ours wrong: {c.text!r} -> {ours(c)} (expected {c.due})")
    if opts.show_misses:
        for c in dp_wrong:
            print(f"  dateparser wrong: {c.text!r} -> {bare_dateparser(c)} (expected {c.due})")
    blind(opts.show_misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
