"""Ingest into the store: idempotent, corrected versions replace, broken files reported, nothing half-written.

Each store test runs on SQLite and on PostgreSQL (the ``repo`` fixture).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.ingest import ingest_paths
from conftest import SAMPLES
from minutes.readers import read_document
from storage import search_index
from storage.repository import Repository
from storage.search import SearchQuery

SAMPLE_004 = SAMPLES / "004_7a5e94e19ff2f77f.txt"


def _copy_samples(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    return folder


async def test_ingesting_the_samples_twice_changes_nothing_the_second_time(repo: Repository, tmp_path: Path) -> None:
    folder = _copy_samples(tmp_path)
    first = await ingest_paths(repo, [str(folder)])
    assert first == {"ingested": 5, "unchanged": 0, "replaced": 0, "failed": [], "skipped": []}
    before = await repo.documents.export()
    second = await ingest_paths(repo, [str(folder)])
    assert second == {"ingested": 0, "unchanged": 5, "replaced": 0, "failed": [], "skipped": []}
    assert await repo.documents.export() == before
    assert await repo.documents.count_meetings() == 5


async def test_a_corrected_version_under_another_name_replaces_the_old_minutes(repo: Repository, tmp_path: Path) -> None:
    await ingest_paths(repo, [str(SAMPLE_004)])
    corrected = tmp_path / "rm-2024-01-09-rettet.txt"
    corrected.write_text(
        SAMPLE_004.read_text(encoding="utf-8").replace("Obs på borgervinkel i frisættelse.", "Obs på de pårørende."),
        encoding="utf-8",
    )
    report = await ingest_paths(repo, [str(corrected)])
    assert report["ingested"] == 1 and report["replaced"] == 1
    meetings = await repo.documents.export()
    assert [m.source for m in meetings] == ["rm-2024-01-09-rettet.txt"]
    frisaettelse = next(i for i in meetings[0].items if i.number == "4")
    assert "pårørende" in frisaettelse.decision
    # The index follows the replacement: the old words are gone, the new ones found.
    hits = (await repo.documents.search(SearchQuery("pårørende"))).hits
    assert [h.source for h in hits] == ["rm-2024-01-09-rettet.txt"]
    assert not (await repo.documents.search(SearchQuery("borgervinkel"))).hits


async def test_a_changed_file_under_the_same_name_replaces_itself(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / SAMPLE_004.name
    shutil.copy(SAMPLE_004, path)
    await ingest_paths(repo, [str(path)])
    path.write_text(path.read_text(encoding="utf-8").replace("Åbenhedstræning", "Åbenhedskursus"), encoding="utf-8")
    report = await ingest_paths(repo, [str(path)])
    assert (report["ingested"], report["replaced"], report["unchanged"]) == (1, 1, 0)
    [meeting] = await repo.documents.export()
    assert meeting.items[0].title == "Åbenhedskursus"


async def test_a_broken_file_is_reported_and_the_others_still_go_in(repo: Repository, tmp_path: Path) -> None:
    folder = _copy_samples(tmp_path)
    (folder / "tom.txt").write_text("", encoding="utf-8")
    (folder / "binær.pdf").write_bytes(b"\x00\x01\x02 not a pdf")
    (folder / "ikke-zip.docx").write_bytes(b"PK? no")
    (folder / "noter.txt").write_text("Bare nogle noter uden møde eller dato.\n", encoding="utf-8")
    report = await ingest_paths(repo, [str(folder), str(tmp_path / "findes-ikke.txt")])
    assert report["ingested"] == 5
    failed = {Path(f["path"]).name: f["error"] for f in report["failed"]}
    assert set(failed) == {"tom.txt", "binær.pdf", "ikke-zip.docx", "noter.txt", "findes-ikke.txt"}
    for name, error in failed.items():
        assert name in error, error  # every error names its file
    assert await repo.documents.count_meetings() == 5


async def test_a_failure_while_storing_leaves_no_half_written_document(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = read_document(SAMPLE_004)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(search_index, "add", explode)
    with pytest.raises(RuntimeError):
        await repo.documents.ingest(meeting)
    monkeypatch.undo()
    assert await repo.documents.count_meetings() == 0
    assert await repo.documents.export() == []
    outcome = await repo.documents.ingest(meeting)  # and the store is still usable
    assert outcome.status == "ingested"


async def test_export_round_trips_what_the_parser_read(repo: Repository) -> None:
    parsed = [read_document(p) for p in sorted(SAMPLES.glob("*.txt"))]
    for meeting in parsed:
        await repo.documents.ingest(meeting)
    exported = {m.source: m for m in await repo.documents.export()}
    for meeting in parsed:
        assert exported[meeting.source] == meeting


async def test_documents_of_one_tenant_are_invisible_to_another(repo: Repository) -> None:
    meeting = read_document(SAMPLE_004)
    await repo.documents.ingest(meeting, tenant_id="tenant-a")
    assert (await repo.documents.search(SearchQuery("frisættelse", tenant_id="tenant-a"))).hits
    assert not (await repo.documents.search(SearchQuery("frisættelse", tenant_id="tenant-b"))).hits
    assert await repo.documents.export(tenant_id="tenant-b") == []
    # The same document for another tenant is a document of its own, not a replacement.
    assert (await repo.documents.ingest(meeting, tenant_id="tenant-b")).status == "ingested"
    assert len(await repo.documents.export()) == 2


# ---- the command line ------------------------------------------------------------------------------


def test_cli_ingest_json_report_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    folder = _copy_samples(tmp_path)
    assert main(["--db", db, "ingest", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ingested": 5, "unchanged": 0, "replaced": 0, "failed": [], "skipped": []}
    (folder / "tom.md").write_text("\ufeff\r\n", encoding="utf-8")
    assert main(["--db", db, "ingest", str(folder), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["unchanged"] == 5 and report["ingested"] == 0
    assert [Path(f["path"]).name for f in report["failed"]] == ["tom.md"]


def test_cli_export_prints_every_meeting_in_the_contract_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--db", db, "ingest", str(SAMPLES)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "export"]) == 0
    data = json.loads(capsys.readouterr().out)
    meetings = {m["source"]: m for m in data["meetings"]}
    assert len(meetings) == 5
    rm = meetings["004_7a5e94e19ff2f77f.txt"]
    assert (rm["kind"], rm["date"], rm["start"], rm["end"], rm["location"]) == (
        "Rådmandsmøde", "2024-01-09", "12:00", "13:00", "Virtuelt",
    )
    assert [i["number"] for i in rm["items"]] == ["1", "2", "4"]
    item = rm["items"][2]
    for key in ("number", "title", "presenters", "start", "end", "decision", "outcome", "confidential", "followups"):
        assert key in item
    assert item["outcome"] == "decided" and item["start"] == "12:45"
    assert all(set(f) >= {"text", "owner", "due"} for i in rm["items"] for f in i["followups"])


def test_cli_bad_input_gets_one_line_errors_not_tracebacks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "mysql://nope/x", "export"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("referatbot:") and "Traceback" not in err
    assert main(["--db", f"sqlite:///{tmp_path / 'x.db'}", "ask", "hej", "--now", "i går"]) == 2
    assert "--now" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["frobnicate"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["--db", f"sqlite:///{tmp_path / 'x.db'}", "ingest", str(tmp_path / "mangler.txt")]) == 1
    assert "mangler.txt" in capsys.readouterr().err


def test_cli_a_bad_setting_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REFERATBOT_PORT", "tre-tusind")
    assert main(["export"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("referatbot: configuration:") and "Traceback" not in err


@pytest.mark.parametrize("place", ["before", "after"])
def test_cli_global_options_work_before_and_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, place: str
) -> None:
    monkeypatch.setenv("REFERATBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'default.db'}")  # must not be used
    db = f"sqlite:///{tmp_path / 'chosen.db'}"
    globals_ = ["--db", db, "-v"]
    ingest = ["ingest", str(SAMPLES), "--json"]
    assert main(globals_ + ingest if place == "before" else ingest + globals_) == 0
    assert json.loads(capsys.readouterr().out)["ingested"] == 5
    export = ["export"]
    assert main(export + ["--db", db] if place == "before" else ["--db", db] + export) == 0
    assert len(json.loads(capsys.readouterr().out)["meetings"]) == 5
    assert not (tmp_path / "default.db").exists()
