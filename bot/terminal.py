"""``referatbot ask`` and ``referatbot chat``: the Teams conversation, in a terminal."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

from bot.settings import Settings
from dialogs.conversation import Conversation
from dialogs.turn import Reply, Scope, Turn
from minutes.calendar import COPENHAGEN
from storage.database import Database
from storage.repository import Repository
from storage.semantic import channel_for

CLI_CONVERSATION = "cli"
CLI_USER = "cli-user"


def cli_turn(text: str, *, now: datetime, scope: str, tenant_id: str) -> Turn:
    """A turn from the operator at the terminal: allowed to read closed items in personal scope."""
    return Turn(
        text=text.strip(),
        now=now,
        scope=Scope(scope),
        tenant_id=tenant_id,
        conversation_id=f"{CLI_CONVERSATION}:{scope}",
        user_id=CLI_USER,
        user_name="CLI",
        may_read_confidential=True,
    )


def reply_to_json(reply: Reply) -> dict[str, Any]:
    """``ask --json``: intent, the text a user would read, results and the feature's own fields."""
    out: dict[str, Any] = {"intent": reply.intent.value, "text": reply.text, "results": []}
    out.update(reply.data)
    return out


async def ask_once(
    settings: Settings, text: str, *, now: datetime, scope: str, as_json: bool, tenant_id: str
) -> int:
    """Answer ``text`` exactly as a chat message in ``scope`` and print the answer."""
    db = await Database.open(settings.database_url)
    try:
        repo = Repository(db, semantic=channel_for(settings.semantic))
        reply = await Conversation(repo).handle(cli_turn(text, now=now, scope=scope, tenant_id=tenant_id))
    finally:
        await db.close()
    if as_json:
        print(json.dumps(reply_to_json(reply), ensure_ascii=False, default=str))
    else:
        print(reply.text)
    return 0


async def chat(settings: Settings, *, scope: str, tenant_id: str) -> int:
    """Read messages from standard input until EOF or "exit"; answer each as the bot would."""
    db = await Database.open(settings.database_url)
    conversation = Conversation(Repository(db, semantic=channel_for(settings.semantic)))
    interactive = sys.stdin.isatty()
    if interactive:
        print("Referatbot – skriv 'hjælp' for eksempler, 'exit' for at stoppe.")
    try:
        while True:
            if interactive:
                print("> ", end="", flush=True)
            line = sys.stdin.readline()
            if not line or line.strip().lower() in ("exit", "quit", "farvel"):
                break
            if not line.strip():
                continue
            reply = await conversation.handle(
                cli_turn(line, now=datetime.now(COPENHAGEN), scope=scope, tenant_id=tenant_id)
            )
            print(reply.text)
            print()
    finally:
        await db.close()
    return 0
