"""Helpers for the bot tests: recorded Teams activities, a fake Bot Framework channel, a seeded store."""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.ingest import ingest_paths
from storage.database import Database
from storage.repository import Repository

HERE = Path(__file__).resolve().parent
ACTIVITIES = HERE / "fixtures" / "activities"
SAMPLES = HERE.parent / "samples" / "minutes"
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
_SEEDED: dict[str, Path] = {}


def activity(name: str, **changes: Any) -> dict[str, Any]:
    """A recorded Teams activity (``tests/fixtures/activities/<name>.json``), top-level keys replaced."""
    data = json.loads((ACTIVITIES / f"{name}.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data.update(changes)
    return data


async def seeded_database(tmp_path: Path, tenant_id: str = "") -> str:
    """A SQLite URL of a store holding the five sample documents (ingested once, copied per test)."""
    key = tenant_id or "-"
    if key not in _SEEDED:
        # Own temp dir: pytest's numbered basetemp may be rotated away by a concurrent session.
        template = Path(tempfile.mkdtemp(prefix="referatbot-seed-")) / "seeded.db"
        db = await Database.open(f"sqlite:///{template}")
        try:
            report = await ingest_paths(Repository(db), [str(SAMPLES)], tenant_id=tenant_id)
            assert not report["failed"], report
        finally:
            await db.close()
        _SEEDED[key] = template
    target = tmp_path / "bot.db"
    shutil.copy(_SEEDED[key], target)
    return f"sqlite:///{target}"


@dataclass
class FakeChannel:
    """The Bot Framework connector the bot replies to: records every activity posted to it."""

    posted: list[dict[str, Any]] = field(default_factory=list)
    auth_headers: list[str | None] = field(default_factory=list)
    status: int = 200
    url: str = ""

    def app(self) -> web.Application:
        """The aiohttp app serving the connector's send routes."""
        async def post(request: web.Request) -> web.Response:
            self.posted.append(await request.json())
            self.auth_headers.append(request.headers.get("Authorization"))
            if self.status >= 400:
                return web.json_response({"error": {"code": "x", "message": "refused"}}, status=self.status,
                                         headers={"Retry-After": "7"})
            return web.json_response({"id": f"reply-{len(self.posted)}"})

        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", post)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", post)
        return app

    def messages(self) -> list[dict[str, Any]]:
        """The posted message activities (typing indicators left out)."""
        return [a for a in self.posted if a.get("type") == "message"]

    def types(self) -> list[str]:
        """The types of everything posted, in order."""
        return [a.get("type", "") for a in self.posted]


def card_of(message: dict[str, Any]) -> dict[str, Any]:
    """The Adaptive Card of a posted message."""
    (attachment,) = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


def card_text(card: Any) -> str:
    """Every string in a card, joined: what a reader could see (and the action titles)."""
    if isinstance(card, dict):
        return "\n".join(card_text(v) for k, v in card.items() if k not in ("type", "$schema", "version"))
    if isinstance(card, list):
        return "\n".join(card_text(v) for v in card)
    return card if isinstance(card, str) else ""


def actions_of(card: Any) -> list[dict[str, Any]]:
    """Every Action.Execute in a card (top-level and inside ActionSets)."""
    found: list[dict[str, Any]] = []
    if isinstance(card, dict):
        if card.get("type") == "Action.Execute":
            found.append(card)
        for value in card.values():
            found.extend(actions_of(value))
    elif isinstance(card, list):
        for value in card:
            found.extend(actions_of(value))
    return found
