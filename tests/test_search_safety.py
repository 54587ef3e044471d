"""Decision search under hostile input, closed ("Lukket") items and several tenants — on SQLite and PostgreSQL.

Questions go through ``Conversation.handle`` exactly as chat messages do.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from search_questions import NOW

from bot.terminal import cli_turn
from dialogs.conversation import Conversation
from dialogs.turn import Intent, Reply, Turn
from minutes.readers import read_document
from storage.repository import Repository
from storage.search import SearchQuery

ARCHIVE = Path(__file__).resolve().parent / "fixtures" / "archive"
SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "minutes"
CLOSED_INDSTILLING = "2024-04-19_madservice_lukket_indstilling.txt"
CLOSED_ITEM_MINUTES = "2021-02-05_raadmandsmoede.md"  # item 3 "Fratrædelsesaftale for områdechef (Lukket)"
FRISAETTELSE = ("004_7a5e94e19ff2f77f.txt", "4")

HOSTILE = (
    '"',
    '""""',
    'frisættelse"',
    '"frisættelse',
    "*",
    "frisæt*",
    "**budget**",
    "NEAR(frisættelse budget)",
    "NEAR(",
    "frisættelse NEAR/2 budget",
    "title:frisættelse",
    "body : frisættelse",
    ":",
    "(",
    ")",
    "((frisættelse)",
    "frisættelse OR budget",
    "OR",
    "AND NOT",
    "frisættelse AND NOT budget",
    "-frisættelse",
    "^frisættelse",
    "frisættelse & budget | !klippekort",
    "budg:*",
    "'frisættelse':* <-> 'budget'",
    '"; DROP TABLE items; --',
    "'; DROP TABLE items; --",
    "frisættelse'); DELETE FROM meetings; --",
    "% _ \\ %%",
    "\\",
    "'",
    "{frisættelse}",
    "[frisættelse]",
    "frisættelse\x00budget",
    "\u202efrisættelse\u202c",
    "𝔣𝔯𝔦𝔰æ𝔱𝔱𝔢𝔩𝔰𝔢",
    "ｆｒｉｓæｔｔｅｌｓｅ",
    "frisӕttelse",  # Cyrillic ligature look-alike
    "fri\u0301sættelse",
    "🙂🙂🙂 frisættelse 🙂",
    "\ufeff\u200b\u200d",
    "ﬁ ﬂ ß ǅ",
    "a" * 5000,
    "frisættelse " * 400,
    " ".join(f"ord{i}" for i in range(300)),
    "x" * 200_000,
)


async def _ingest(repo: Repository, *paths: Path, tenant_id: str = "") -> None:
    for path in paths:
        await repo.documents.ingest(read_document(path), tenant_id=tenant_id)


async def ask(repo: Repository, text: str, *, scope: str = "personal", tenant_id: str = "", allowed: bool = True) -> Reply:
    turn: Turn = cli_turn(text, now=NOW, scope=scope, tenant_id=tenant_id)
    if not allowed:
        turn = dataclasses.replace(turn, may_read_confidential=False)
    return await Conversation(repo).handle(turn)


def _top(reply: Reply) -> tuple[str, str | None] | None:
    results = reply.data.get("results") or []
    return (results[0]["source"], results[0]["item_number"]) if results else None


def _everything(reply: Reply) -> str:
    """All a user or a client could see of a reply: text, card and machine-readable data."""
    return json.dumps({"text": reply.text, "card": reply.card, "data": reply.data}, ensure_ascii=False, default=str).lower()


# --- hostile input ------------------------------------------------------------------------------


async def test_hostile_questions_never_raise_and_leave_the_store_intact(repo: Repository) -> None:
    await _ingest(repo, *sorted(SAMPLES.iterdir()))
    before = await repo.documents.count_meetings()
    for text in HOSTILE:
        reply = await ask(repo, text)
        assert isinstance(reply.text, str) and reply.text.strip(), repr(text[:60])
        for scope in ("groupchat", "channel"):
            await ask(repo, text, scope=scope)
        # The search itself, with the raw text as topic (no recognizer in between), and with filters.
        result = await repo.documents.search(SearchQuery(topic=text))
        assert isinstance(result.hits, tuple)
        await repo.documents.search(SearchQuery(topic=text, presenter=text[:200], meeting_kind=text[:100]))
    assert await repo.documents.count_meetings() == before
    assert _top(await ask(repo, "hvad blev besluttet om frisættelse")) == FRISAETTELSE


@pytest.mark.parametrize(
    "hostile",
    [
        "frisættelse OR",
        "frisættelse AND",
        "(frisættelse",
        "frisættelse*",
        '"frisættelse"',
        "frisættelse:",
        "(frisættelse)",
        "frisættelse'; --",
        "^frisættelse",
        "frisættelse:*",
    ],
)
async def test_syntax_characters_and_operator_words_are_ignored_and_the_words_still_searched(repo: Repository, hostile: str) -> None:
    await _ingest(repo, *sorted(SAMPLES.iterdir()))
    reply = await ask(repo, f"hvad blev besluttet om {hostile}")
    assert reply.intent is Intent.DECISIONS
    assert _top(reply) == FRISAETTELSE


async def test_operator_words_are_words_not_operators(repo: Repository) -> None:
    """"frisættelse OR cykelstier" must not widen to either word: every content word has to match."""
    await _ingest(repo, *sorted(SAMPLES.iterdir()))
    assert _top(await ask(repo, "hvad blev besluttet om frisættelse OR cykelstier")) is None
    assert _top(await ask(repo, "hvad blev besluttet om frisættelse NOT cykelstier")) is None


# --- closed items ---------------------------------------------------------------------------------


@pytest.mark.parametrize("scope", ["groupchat", "channel"])
@pytest.mark.parametrize(
    "question",
    [
        "hvad blev besluttet om madservice",
        "madservice",
        "udbud af madleverancen",
        "hvad blev besluttet om madservise",  # a typo must not reveal the closed word either
        "fratrædelsesaftale",
        "hvad blev besluttet om fratrædelsesaftalen for områdechefen",
        "fratrædelsesaftalle",
        "hvad blev besluttet på rådmandsmødet i februar 2021",
        "hvad fremlagde Søren Vestergaard",
        "hvad fremlagde Thune Korsager i 2021",
    ],
)
async def test_closed_items_are_never_returned_or_hinted_in_groups(repo: Repository, scope: str, question: str) -> None:
    await _ingest(repo, *sorted(ARCHIVE.iterdir()))
    reply = await ask(repo, question, scope=scope)
    seen = _everything(reply)
    for secret in ("madservic", "madleverance", "fratrædelse", "lukket", "38 mio", "fortrolig", "closed", CLOSED_INDSTILLING.lower()):
        if secret in question.lower():
            continue
        assert secret not in seen, (secret, reply.text)
    for result in reply.data.get("results") or []:
        assert result["source"] != CLOSED_INDSTILLING
        assert (result["source"], result["item_number"]) != (CLOSED_ITEM_MINUTES, "3")
    # Word for word the answer for a topic the archive never had (same words, other topic).
    if "madservice" in question and not _top(reply):
        absent = await ask(repo, question.replace("madservice", "cykelstier"), scope=scope)
        assert reply.text.replace("madservice", "X") == absent.text.replace("cykelstier", "X")


async def test_closed_items_in_personal_scope_only_for_allowed_users(repo: Repository) -> None:
    await _ingest(repo, *sorted(ARCHIVE.iterdir()))
    assert _top(await ask(repo, "madservice", allowed=True)) == (CLOSED_INDSTILLING, None)
    assert _top(await ask(repo, "fratrædelsesaftale", allowed=True)) == (CLOSED_ITEM_MINUTES, "3")
    for question in ("madservice", "fratrædelsesaftale"):
        reply = await ask(repo, question, allowed=False)
        assert _top(reply) is None
        assert CLOSED_INDSTILLING.lower() not in _everything(reply)


async def test_open_items_of_a_meeting_with_a_closed_item_are_still_found_in_groups(repo: Repository) -> None:
    await _ingest(repo, *sorted(ARCHIVE.iterdir()))
    reply = await ask(repo, "klippekortsordningen i 2021", scope="groupchat")
    assert _top(reply) == (CLOSED_ITEM_MINUTES, "1")


# --- tenants ----------------------------------------------------------------------------------------


async def test_a_meeting_of_tenant_a_is_never_found_by_tenant_b(repo: Repository) -> None:
    await _ingest(repo, SAMPLES / "004_7a5e94e19ff2f77f.txt", SAMPLES / "000_93c543970409b3a1.txt", tenant_id="tenant-a")
    await _ingest(repo, ARCHIVE / "2019-03-08_raadmandsmoede.md", tenant_id="tenant-b")
    assert _top(await ask(repo, "frisættelse", tenant_id="tenant-a")) == FRISAETTELSE
    for question in (
        "frisættelse",
        "hvad blev besluttet om frisættelse i januar 2024",
        "innovationsmotorn",  # a typo corrected from tenant A's words must not show them to B
        "hvad fremlagde Dorthe Høgh",
        "åbenhedstræning",
    ):
        for tenant in ("tenant-b", ""):
            reply = await ask(repo, question, tenant_id=tenant)
            assert _top(reply) is None, (tenant, question)
            seen = _everything(reply)
            for word in ("004_7a5e94e19ff2f77f", "000_93c543970409b3a1", "miniinnovationsmotor", "åbenhedstræning i sundhed"):
                assert word not in seen, (tenant, question, word)
    assert _top(await ask(repo, "klippekortsordningen", tenant_id="tenant-b")) == ("2019-03-08_raadmandsmoede.md", "1")
    assert _top(await ask(repo, "klippekortsordningen", tenant_id="tenant-a")) is None
