"""The semantic channel's vectors on SQLite and PostgreSQL: stored, replaced, masked, resumed."""

from __future__ import annotations

import dataclasses
from datetime import date

from semantic_helpers import FakeEmbedder

from minutes.model import AgendaItem, DocumentType, Meeting, Outcome
from storage import vectors
from storage.repository import Repository
from storage.search import SearchQuery
from storage.semantic import SemanticChannel, backfill


def minutes(source: str, day: date, *items: AgendaItem, kind: str = "Rådmandsmøde", closed: bool = False) -> Meeting:
    return Meeting(
        source=source, kind=kind, title=f"{kind} {day}", date=day, document_type=DocumentType.MINUTES,
        meeting_kind=kind, confidential=closed, items=items,
    )


def item(number: str, title: str, decision: str, *, closed: bool = False) -> AgendaItem:
    return AgendaItem(number=number, title=title, decision=decision, outcome=Outcome.DECIDED, confidential=closed)


HOME_CARE = item("1", "Hjemmeplejen i Aarhus Syd", "Rådmanden godkendte den nye ruteplan for hjemmeplejen.")
RECRUITING = item("2", "Rekruttering og fastholdelse", "Chefteamet besluttede en kampagne for rekruttering af SOSU.")
BUDGET = item("3", "Interne budgetforslag", "Rådmanden godkendte processen for interne budgetforslag.")


async def ids_of(channel: SemanticChannel, *args: object, **kw: object) -> list[int]:
    return [near.item_id for near in await channel.ranked(*args, **kw)]  # type: ignore[arg-type]


def query(tenant: str = "", **kw: object) -> SearchQuery:
    return SearchQuery(topic="", tenant_id=tenant, **kw)  # type: ignore[arg-type]


async def item_ids(repo: Repository, tenant: str = "") -> dict[str, int]:
    from sqlalchemy import select

    from storage.models import ItemRow, MeetingRow

    async with repo.db.sessions() as session:
        rows = await session.execute(
            select(ItemRow.title, ItemRow.id).join(MeetingRow).where(MeetingRow.tenant_id == tenant)
        )
        return {title: id_ for title, id_ in rows}


async def stored_vector_ids(repo: Repository, model: str) -> set[int]:
    from sqlalchemy import select

    from storage.models import ItemVectorRow

    async with repo.db.sessions() as session:
        return set((await session.execute(select(ItemVectorRow.item_id).where(ItemVectorRow.model == model))).scalars())


async def test_backfill_stores_one_vector_per_item_and_the_channel_finds_by_meaning(repo: Repository) -> None:
    await repo.documents.ingest(minutes("a.md", date(2023, 9, 15), HOME_CARE, RECRUITING, BUDGET))
    embedder = FakeEmbedder()
    assert await backfill(repo.db, embedder) == 3
    ids = await item_ids(repo)
    assert await stored_vector_ids(repo, embedder.model) == set(ids.values())
    assert all(kind == "passage" for kind in embedder.calls)
    assert "Hjemmeplejen i Aarhus Syd. Rådmanden godkendte den nye ruteplan for hjemmeplejen." in embedder.embedded
    channel = SemanticChannel(embedder, check_every=0)
    ranked = await ids_of(channel, repo.db, query(), "rekruttering af medarbejdere")
    assert ranked[0] == ids["Rekruttering og fastholdelse"]
    assert embedder.calls[-1] == "query"
    assert await backfill(repo.db, embedder) == 0  # nothing left


async def test_a_replaced_document_drops_its_vectors_and_its_new_items_get_new_ones(repo: Repository) -> None:
    embedder = FakeEmbedder()
    channel = SemanticChannel(embedder, check_every=0)
    await repo.documents.ingest(minutes("a.md", date(2023, 9, 15), HOME_CARE, RECRUITING))
    await backfill(repo.db, embedder)
    old = await item_ids(repo)
    assert (await ids_of(channel, repo.db, query(), "hjemmeplejen ruteplan"))[0] == old["Hjemmeplejen i Aarhus Syd"]

    corrected = dataclasses.replace(HOME_CARE, title="Hjemmeplejen i Aarhus Nord")
    outcome = await repo.documents.ingest(minutes("a.md", date(2023, 9, 15), corrected, RECRUITING))
    assert outcome.status == "replaced"
    assert await stored_vector_ids(repo, embedder.model) == set()  # deleted with their items
    # The matrix in memory still holds the deleted items' vectors (SQLite may even give their ids to the
    # new items): none of them answers, and the new items have no vector yet.
    assert await ids_of(channel, repo.db, query(), "hjemmeplejen ruteplan") == []

    assert await backfill(repo.db, embedder) == 2
    new = {id_: title for title, id_ in (await item_ids(repo)).items()}
    ranked = await ids_of(channel, repo.db, query(), "hjemmeplejen ruteplan")
    assert [new[i] for i in ranked] == ["Hjemmeplejen i Aarhus Nord", "Rekruttering og fastholdelse"]


async def test_another_instance_notices_new_vectors_through_the_store_counter(repo: Repository) -> None:
    embedder = FakeEmbedder()
    reader = SemanticChannel(FakeEmbedder(), check_every=0)  # a second bot instance on the same store
    await repo.documents.ingest(minutes("a.md", date(2023, 9, 15), HOME_CARE))
    await backfill(repo.db, embedder)
    assert len(await ids_of(reader, repo.db, query(), "interne budgetforslag")) == 1
    await repo.documents.ingest(minutes("b.md", date(2023, 10, 1), BUDGET))
    await backfill(repo.db, embedder)
    ids = await item_ids(repo)
    assert (await ids_of(reader, repo.db, query(), "interne budgetforslag"))[0] == ids["Interne budgetforslag"]


async def test_tenants_never_see_each_others_items(repo: Repository) -> None:
    await repo.documents.ingest(minutes("a.md", date(2023, 9, 15), HOME_CARE, RECRUITING), tenant_id="aarhus")
    await repo.documents.ingest(minutes("b.md", date(2023, 9, 15), BUDGET), tenant_id="odense")
    embedder = FakeEmbedder()
    await backfill(repo.db, embedder)
    channel = SemanticChannel(embedder, check_every=0)
    aarhus, odense = await item_ids(repo, "aarhus"), await item_ids(repo, "odense")
    found = await ids_of(channel, repo.db, query("aarhus"), "interne budgetforslag processen", k=50)
    assert set(found) == set(aarhus.values())  # Odense's budget item is the best match, and never shown
    assert await ids_of(channel, repo.db, query("odense"), "hjemmeplejen") == [odense["Interne budgetforslag"]]
    assert await ids_of(channel, repo.db, query("nobody"), "hjemmeplejen") == []


async def test_closed_items_never_come_out_unless_the_caller_may_read_them(repo: Repository) -> None:
    secret = item("4", "Fratrædelsesaftale for områdechef (Lukket)", "Rådmanden godkendte aftalen.", closed=True)
    await repo.documents.ingest(minutes("a.md", date(2023, 9, 15), HOME_CARE, secret))
    await repo.documents.ingest(minutes("b.md", date(2023, 9, 22), item("1", "Fratrædelse i chefgruppen", "Drøftet."), closed=True))
    embedder = FakeEmbedder()
    await backfill(repo.db, embedder)
    channel = SemanticChannel(embedder, check_every=0)
    ids = await item_ids(repo)
    open_only = await ids_of(channel, repo.db, query(), "fratrædelsesaftale områdechef")
    assert open_only == [ids["Hjemmeplejen i Aarhus Syd"]]
    everything = await ids_of(channel, repo.db, query(include_confidential=True), "fratrædelsesaftale områdechef")
    assert everything[0] == ids["Fratrædelsesaftale for områdechef (Lukket)"]
    assert set(everything) == set(ids.values())


async def test_year_and_meeting_kind_filters_are_a_row_mask(repo: Repository) -> None:
    await repo.documents.ingest(minutes("a.md", date(2021, 3, 1), BUDGET))
    await repo.documents.ingest(minutes("b.md", date(2023, 3, 1), BUDGET, kind="Chefteammøde"))
    await repo.documents.ingest(minutes("c.md", date(2023, 4, 1), dataclasses.replace(BUDGET, number="7")))
    embedder = FakeEmbedder()
    await backfill(repo.db, embedder)
    channel = SemanticChannel(embedder, check_every=0)
    by_meeting = await meeting_of_items(repo)
    in_2021 = await ids_of(channel, repo.db, query(start=date(2021, 1, 1), end=date(2021, 12, 31)), "budget")
    assert [by_meeting[i] for i in in_2021] == ["a.md"]
    chefteam = await ids_of(channel, repo.db, query(meeting_kind="chefteammøde"), "budget")
    assert [by_meeting[i] for i in chefteam] == ["b.md"]
    assert await ids_of(channel, repo.db, query(meeting_kind="Byrådsmøde"), "budget") == []


async def meeting_of_items(repo: Repository) -> dict[int, str]:
    from sqlalchemy import select

    from storage.models import ItemRow, MeetingRow

    async with repo.db.sessions() as session:
        return {i: s for i, s in await session.execute(select(ItemRow.id, MeetingRow.source).join(MeetingRow))}


async def test_backfill_resumes_after_a_restart_without_embedding_anything_twice(repo: Repository) -> None:
    await repo.documents.ingest(minutes("a.md", date(2023, 9, 15), HOME_CARE, RECRUITING, BUDGET))
    await repo.documents.ingest(minutes("b.md", date(2023, 9, 22), dataclasses.replace(BUDGET, number="9", title="Budget 2025")))
    first = FakeEmbedder()
    assert await backfill(repo.db, first, batch=1, limit=2) == 2  # stopped (a restart) after two items
    second = FakeEmbedder()  # the next process
    assert await backfill(repo.db, second, batch=1) == 2
    assert len(first.embedded) + len(second.embedded) == 4
    assert not set(first.embedded) & set(second.embedded)
    assert await stored_vector_ids(repo, first.model) == set((await item_ids(repo)).values())


async def test_a_new_model_embeds_everything_again_and_only_its_own_vectors_are_compared(repo: Repository) -> None:
    await repo.documents.ingest(minutes("a.md", date(2023, 9, 15), HOME_CARE, RECRUITING))
    await backfill(repo.db, FakeEmbedder("model-a"))
    newer = FakeEmbedder("model-b")
    channel = SemanticChannel(newer, check_every=0)
    assert await ids_of(channel, repo.db, query(), "hjemmeplejen") == []  # model-a's vectors are not model-b's
    assert await backfill(repo.db, newer) == 2
    assert await stored_vector_ids(repo, "model-a") == set()
    assert len(await ids_of(channel, repo.db, query(), "hjemmeplejen")) == 2


async def test_the_store_counter_rises_with_every_write(repo: Repository) -> None:
    await repo.documents.ingest(minutes("a.md", date(2023, 9, 15), HOME_CARE, RECRUITING))

    async def version() -> int:
        async with repo.db.sessions() as session:
            return await session.run_sync(lambda s: vectors.version(s, ""))

    assert await version() == 0
    await backfill(repo.db, FakeEmbedder(), batch=1)
    assert await version() == 2


async def test_serves_background_worker_warms_the_tenants_and_embeds_until_stopped(repo: Repository) -> None:
    import asyncio

    from storage.semantic import keep_embedding

    await repo.documents.ingest(minutes("a.md", date(2023, 9, 15), HOME_CARE, RECRUITING), tenant_id="aarhus")
    await backfill(repo.db, FakeEmbedder(), limit=1)  # one item had its vector before this start
    stop = asyncio.Event()

    class StoppingEmbedder(FakeEmbedder):
        def embed(self, texts, kind):  # type: ignore[no-untyped-def]
            stop.set()  # the bot shuts down while this batch is embedded: the batch is still written
            return super().embed(texts, kind)

    channel = SemanticChannel(StoppingEmbedder(), check_every=3600)
    await asyncio.wait_for(keep_embedding(repo.db, channel, stop, tenants=["aarhus"], idle=3600, pause=0), 30)
    assert await stored_vector_ids(repo, FakeEmbedder.model) == set((await item_ids(repo, "aarhus")).values())
    assert channel.refresh_due("aarhus") is False  # warmed at start; the next look waits for check_every
