"""Published committee minutes in the store (SQLite and PostgreSQL): every sample goes in, the new fields
round-trip through export, an agenda is replaced by its minutes, unsupported files are listed, URLs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.ingest import ingest_paths
from minutes.cases import case_key
from minutes.export import meeting_to_dict
from minutes.model import DocumentType
from minutes.readers import read_document
from storage.repository import Repository
from storage.search import SearchQuery

PUBLIC = Path(__file__).parent / "fixtures" / "public"
AGENDA = PUBLIC / "d12_sosu_dagsorden_2026-02-24.txt"
MINUTES = PUBLIC / "d13_sosu_2026-02-24.txt"


def _folder(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "public"
    folder.mkdir()
    for path in sorted(PUBLIC.glob("d*")):
        if not names or path.name in names:
            shutil.copy(path, folder / path.name)
    return folder


async def test_every_public_sample_goes_in_and_exports_what_the_parser_read(repo: Repository, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "SHAPES.md.bak").write_text("not a document", encoding="utf-8")
    report = await ingest_paths(repo, [str(folder)])
    assert report["failed"] == []
    assert report["skipped"] == [str(folder / "SHAPES.md.bak")]  # listed, not silently dropped
    # d12 (the agenda) is replaced by d13 (its minutes): 14 files, 13 meetings.
    assert (report["ingested"], report["replaced"]) == (14, 1)
    exported = {m.source: m for m in await repo.documents.export()}
    assert len(exported) == 13 and AGENDA.name not in exported
    for path in sorted(folder.glob("d*")):
        if path.name != AGENDA.name:
            assert meeting_to_dict(exported[path.name]) == meeting_to_dict(read_document(path))


async def test_the_minutes_of_a_meeting_replace_its_agenda_never_two_meetings(repo: Repository) -> None:
    agenda = read_document(AGENDA)
    assert (await repo.documents.ingest(agenda)).status == "ingested"
    outcome = await repo.documents.ingest(read_document(MINUTES))
    assert outcome.status == "replaced" and outcome.replaced == (AGENDA.name,)
    [meeting] = await repo.documents.export()
    assert meeting.document_type is DocumentType.MINUTES
    assert [i.number for i in meeting.items] == ["1", "2", "3", "4", "5", "6", "7"]  # item 7 was added
    assert next(i for i in meeting.items if i.number == "5").outcome.value == "postponed"


async def test_a_published_decision_is_found_by_the_existing_search(repo: Repository, tmp_path: Path) -> None:
    await ingest_paths(repo, [str(_folder(tmp_path))])
    result = await repo.documents.search(SearchQuery("vasketoiletter", tenant_id=""))
    assert result.hits
    assert {h.source for h in result.hits} >= {"d11_senior_2025-09-10.xml"}


async def test_closed_public_items_stay_out_of_search_without_the_right(repo: Repository, tmp_path: Path) -> None:
    await ingest_paths(repo, [str(_folder(tmp_path))])
    for topic in ("forlig totalentreprenør", "Kokkeriet Vestkær kontrakt", "kontrakt hjemmepleje Vestkær"):
        hits = (await repo.documents.search(SearchQuery(topic, tenant_id=""))).hits
        assert not any(h.confidential for h in hits), topic


def test_case_numbers_of_two_systems_share_one_key() -> None:
    assert case_key("24/2316") == case_key("EMN-2024-02316") == "2024-2316"
    assert case_key("22/16630") == case_key("EMN-2022-16630")
    assert case_key("290-2022-1841") == "290-2022-1841"
    assert case_key(" ") is None and case_key(None) is None


def test_cli_source_url_base_gives_each_document_its_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    folder = _folder(tmp_path, "d05_sosu_2023-09-12.txt", "d11_senior_2025-09-10.xml")
    assert main(["--db", db, "ingest", str(folder), "--json", "--source-url-base", "https://kildeby.dk/referater/"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "export"]) == 0
    urls = {m["source"]: m["source_url"] for m in json.loads(capsys.readouterr().out)["meetings"]}
    assert urls == {
        "d05_sosu_2023-09-12.txt": "https://kildeby.dk/referater/d05_sosu_2023-09-12.txt",
        "d11_senior_2025-09-10.xml": "https://kildeby.dk/referater/d11_senior_2025-09-10.xml",
    }


def test_cli_refuses_a_source_url_base_that_is_no_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--db", db, "ingest", str(PUBLIC / "d05_sosu_2023-09-12.txt"), "--source-url-base", "kildeby"]) == 2
    assert "--source-url-base" in capsys.readouterr().err


async def test_a_committee_agenda_gets_agenda_reminders_like_any_meeting(repo: Repository) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot.scheduler import Scheduler
    from tests.test_scheduler import RecordingSender, ref

    cph = ZoneInfo("Europe/Copenhagen")
    when = datetime(2026, 2, 10, 9, tzinfo=cph)
    await repo.documents.ingest(read_document(AGENDA), tenant_id="t1", now=when)
    for conversation_id, kind in (("udvalg", "Social- og Sundhedsudvalget"), ("alle", None)):
        await repo.conversations.save_conversation(ref(conversation_id), now=when)
        await repo.reminders.subscribe("t1", conversation_id, kind, now=when)
    sender = RecordingSender()
    scheduler = Scheduler(repo, sender, worker="w1", jitter=lambda: 0.0)
    await scheduler.tick(datetime(2026, 2, 23, 13, 59, tzinfo=cph))
    assert sender.sent == []
    await scheduler.tick(datetime(2026, 2, 23, 14, 0, tzinfo=cph))  # the working day before, 14:00
    assert sorted(c for c, _ in sender.sent) == ["alle", "udvalg"]
    text = sender.sent[0][1].text
    assert "Social- og Sundhedsudvalget" in text and "Frivillighedsstrategi 2027-2030" in text
