"""The blind follow set (tests/blind/follow, written by someone who never saw the code), on both stores.

Each subscription is said in its own chat (its scope: a person's personal chat, a channel, a group chat)
through the real conversation; then every document is ingested on its own and the matcher runs, so each
document is one batch, "as if ingested on its own". A pair's prediction is the item numbers of the
message that batch produced for that subscription. Notification precision and recall count items, by
subscription kind, for the dev and test splits apart. Only dev was looked at while tuning.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from dialogs.conversation import Conversation
from dialogs.turn import Intent, Scope, Turn
from minutes.model import ParseError
from minutes.readers import read_document
from storage.models import ItemRow, MeetingRow, OutboxRow
from storage.repository import Repository

BLIND = Path(__file__).resolve().parent / "blind" / "follow"
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
SCOPES = {"personal": Scope.PERSONAL, "channel": Scope.CHANNEL, "groupchat": Scope.GROUPCHAT}
KINDS = ("topic", "committee", "case")


def _jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (BLIND / name).read_text(encoding="utf-8").splitlines() if line.strip()]


async def _subscribe(repo: Repository, subs: list[dict[str, Any]]) -> dict[int, str]:
    """Says every subscription in its own chat; follow id -> subscription id."""
    conversation = Conversation(repo)
    by_follow: dict[int, str] = {}
    for s in subs:
        turn = Turn(text=s["text"], now=T0, scope=SCOPES[s["scope"]], tenant_id="t1",
                    conversation_id=f"conv-{s['id']}", user_id=f"aad-{s['id']}",
                    locale="en-US" if s["lang"] == "en" else "da-DK")
        reply = await conversation.handle(turn)
        assert reply.intent is Intent.FOLLOW and "follow" in reply.data, (s, reply.text)
        by_follow[reply.data["follow"]["id"]] = s["id"]
    return by_follow


async def _predictions(repo: Repository, by_follow: dict[int, str]) -> tuple[dict[tuple[str, str], set[str]], list[str]]:
    """(subscription, document) -> item numbers notified; and the documents that could not be read."""
    predicted: dict[tuple[str, str], set[str]] = defaultdict(set)
    unreadable: list[str] = []
    seen_outbox = 0
    for n, path in enumerate(sorted((BLIND / "docs").iterdir())):
        document = f"docs/{path.name}"
        when = T0 + timedelta(hours=n + 1)
        try:
            meeting = read_document(path)
        except (ParseError, ValueError, OSError):
            unreadable.append(path.name)
            continue
        await repo.documents.ingest(meeting, tenant_id="t1", now=when)
        await repo.follows.match_new(now=when + timedelta(minutes=1))
        async with repo.db.sessions() as session:
            rows = (await session.execute(select(OutboxRow.id, OutboxRow.payload).where(
                OutboxRow.id > seen_outbox).order_by(OutboxRow.id))).all()
            numbers = {
                r.id: (r.number or "1", r.confidential or r.m_confidential)
                for r in (await session.execute(
                    select(ItemRow.id, ItemRow.number, ItemRow.confidential,
                           MeetingRow.confidential.label("m_confidential"))
                    .join(MeetingRow, MeetingRow.id == ItemRow.meeting_id)
                    .where(MeetingRow.source == meeting.source))).all()
            }
        for row_id, payload in rows:
            seen_outbox = max(seen_outbox, row_id)
            for item_id, follow_ids in payload["items"]:
                number, closed = numbers[item_id]  # every notified item belongs to this batch's document
                assert not closed, (document, number)  # closed items are never notified
                for follow_id in follow_ids:
                    predicted[(by_follow[follow_id], document)].add(number)
    return predicted, unreadable


def _score(pairs: list[dict[str, Any]], predicted: dict[tuple[str, str], set[str]]) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(split, kind) -> (true positives, false positives, false negatives), counted in items."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in pairs:
        got = predicted.get((p["subscription"], p["document"]), set())
        want = set(p["expected_items"])
        c = counts[(p["split"], p["class"])]
        c[0] += len(got & want)
        c[1] += len(got - want)
        c[2] += len(want - got)
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def _pct(num: int, den: int) -> float:
    return 100.0 * num / den if den else 100.0


async def test_blind_follow_set_precision_and_recall_by_kind(repo: Repository) -> None:
    subs, pairs = _jsonl("subscriptions.jsonl"), _jsonl("pairs.jsonl")
    by_follow = await _subscribe(repo, subs)
    predicted, unreadable = await _predictions(repo, by_follow)
    scores = _score(pairs, predicted)
    print(f"\n[{repo.db.dialect}] blind follow set: {len(pairs)} pairs; documents not readable yet: "
          f"{', '.join(unreadable) or 'none'}")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for split in ("dev", "test"):
        for kind in KINDS:
            tp, fp, fn = scores.get((split, kind), (0, 0, 0))
            for i, v in enumerate((tp, fp, fn)):
                totals[split][i] += v
            print(f"  {split:4} {kind:9} precision {_pct(tp, tp + fp):5.1f}% ({tp}/{tp + fp})  "
                  f"recall {_pct(tp, tp + fn):5.1f}% ({tp}/{tp + fn})")
        tp, fp, fn = totals[split]
        print(f"  {split:4} {'all':9} precision {_pct(tp, tp + fp):5.1f}% ({tp}/{tp + fp})  "
              f"recall {_pct(tp, tp + fn):5.1f}% ({tp}/{tp + fn})")
    # What is reached, asserted as it stands (see README, "Following"): committees and cases (matched by
    # ``case_key`` across systems) are exact on both splits; topics are not: on test 88.9 % precision and
    # 85.1 % recall (a topic is the ask search's terms, synonyms and the follow's language included, the
    # whole topic required). Overall on test 94.0 % precision (target 95 %, short) and 91.9 % recall
    # (target 90 %).
    tp, fp, fn = totals["test"]
    assert _pct(tp, tp + fp) >= 94.0
    assert _pct(tp, tp + fn) >= 90.0
    for kind in ("committee", "case"):
        tp, fp, fn = scores[("test", kind)]
        assert fp == 0 and fn == 0, kind
