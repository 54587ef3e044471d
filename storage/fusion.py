"""Reciprocal rank fusion: several ranked lists of item ids into one, remembering who found what.

Fusion is by rank only. The semantic channel's cosines bunch together (0.74–0.88 for right and wrong
items alike) and the engines' lexical scores have their own scales, so no raw score is compared or cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

LEXICAL = "lexical"
SEMANTIC = "semantic"
RRF_K = 60  # the usual constant (Cormack et al. 2009): dampens the weight of the very first ranks


@dataclass(frozen=True)
class Fused:
    """One item after fusion: its fused score and the channels that found it, in the order given."""

    item_id: int
    score: float
    channels: tuple[str, ...]


def fuse(ranked: Mapping[str, Sequence[int]], *, k: int = RRF_K, weights: Mapping[str, float] | None = None) -> list[Fused]:
    """Merge ranked id lists (channel name -> ids, best first) by reciprocal rank, best first.

    An item's score is the sum over the channels that found it of 1 / (k + rank), rank from 1. Ties go
    to the item found by more channels, then to the better single rank, then to the channel listed
    first (so listing the lexical channel first lets it win a tie), then to the smaller id. ``weights``
    (channel -> factor, default 1) lets one channel's ranks count for less.
    """
    scores: dict[int, float] = {}
    found: dict[int, list[str]] = {}
    best: dict[int, tuple[int, int]] = {}  # id -> (best rank, index of the channel that gave it)
    for order, (channel, ids) in enumerate(ranked.items()):
        seen: set[int] = set()
        for rank, item_id in enumerate(ids, start=1):
            if item_id in seen:  # a channel that lists an id twice counts it once, at its best rank
                continue
            seen.add(item_id)
            scores[item_id] = scores.get(item_id, 0.0) + (weights or {}).get(channel, 1.0) / (k + rank)
            found.setdefault(item_id, []).append(channel)
            best[item_id] = min(best.get(item_id, (rank, order)), (rank, order))
    order_ = sorted(scores, key=lambda i: (-scores[i], -len(found[i]), best[i], i))
    return [Fused(i, scores[i], tuple(found[i])) for i in order_]
