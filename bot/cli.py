"""The ``referatbot`` command line: ingest, export, audit, forget, ask, chat, serve, package.

Operators get one-line errors naming the file (and line), never a stack trace; exit status 2 for
usage and configuration errors, 1 when some work failed.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import re
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.ingest import ingest_into
from bot.settings import Settings
from minutes.calendar import COPENHAGEN
from minutes.export import meeting_to_dict
from storage.database import Database, DatabaseURLError
from storage.repository import Repository

log = logging.getLogger("referatbot")


class UsageError(Exception):
    """A command-line mistake: printed as one line, exit status 2."""


# ---- ingest ------------------------------------------------------------------------------------


async def _cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    base = args.source_url_base
    if base is not None and not re.match(r"^https?://[^\s/]+", base):
        print(f"referatbot: --source-url-base must be an http(s) URL, got {base!r}", file=sys.stderr)
        return 2
    embed = settings.semantic and not args.no_embed
    report, embedded = await ingest_into(
        settings.database_url, args.paths, tenant_id=args.tenant, embed=embed, source_url_base=base
    )
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(
            f"Indlæst {report['ingested']} dokument(er) ({report['replaced']} erstattet), "
            f"{report['unchanged']} uændret, {len(report['failed'])} fejlede, {len(report['skipped'])} sprunget over."
            + (f" {embedded} punkt(er) fik vektorer til den semantiske søgning." if embedded else "")
        )
        for skipped in report["skipped"]:
            print(f"sprunget over (filtypen læses ikke): {skipped}", file=sys.stderr)
        for failure in report["failed"]:
            print(f"fejl: {failure['error']}", file=sys.stderr)
    return 1 if report["failed"] else 0


# ---- export ------------------------------------------------------------------------------------


async def _cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    db = await Database.open(settings.database_url)
    try:
        meetings = await Repository(db).documents.export(tenant_id=args.tenant)
    finally:
        await db.close()
    json.dump({"meetings": [meeting_to_dict(m) for m in meetings]}, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


# ---- audit / forget ----------------------------------------------------------------------------


def _parse_when(option: str, value: str, example: str) -> datetime:
    """An ISO date/time given on the command line; a naive one is Copenhagen time."""
    try:
        when = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option}: not an ISO date/time: {value!r} (example: {example})") from exc
    return when if when.tzinfo else when.replace(tzinfo=COPENHAGEN)


def _parse_since(value: str | None) -> datetime | None:
    return _parse_when("--since", value, "2026-12-01") if value else None


async def _cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    since = _parse_since(args.since)
    db = await Database.open(settings.database_url)
    try:
        reads = await Repository(db).privacy.reads(since=since, tenant_id=args.tenant)
    finally:
        await db.close()
    if args.json:
        print(json.dumps({"reads": [
            {"read_at": r.read_at.isoformat(), "tenant_id": r.tenant_id, "user_id": r.user_id,
             "user_name": r.user_name, "conversation_id": r.conversation_id, "source": r.item.source,
             "meeting_date": r.item.meeting_date.isoformat() if r.item.meeting_date else None,
             "item_number": r.item.item_number, "item_title": r.item.item_title} for r in reads]},
            ensure_ascii=False))
        return 0
    for r in reads:
        item = f"punkt {r.item.item_number}: {r.item.item_title}" if r.item.item_number else r.item.item_title
        meeting = r.item.meeting_date.isoformat() if r.item.meeting_date else "?"
        print(f"{r.read_at.astimezone(COPENHAGEN):%Y-%m-%d %H:%M:%S}  {r.user_id} ({r.user_name or '-'})  "
              f"{r.item.source} {meeting} {item}  [tenant {r.tenant_id or '-'}, {r.conversation_id}]")
    if not reads:
        print("Ingen fortrolige punkter er vist" + (f" siden {since:%Y-%m-%d %H:%M}." if since else "."))
    return 0


async def _cmd_forget(args: argparse.Namespace, settings: Settings) -> int:
    user = args.user.strip()
    if not user:
        raise UsageError("--user: give the person's AAD object id")
    db = await Database.open(settings.database_url)
    try:
        report = await Repository(db).privacy.forget_user(user)
    finally:
        await db.close()
    print(f"Glemt {user}: {report.dialog_states} dialogtilstand(e), {report.conversations} personlig(e) samtale(r), "
          f"{report.subscriptions} abonnement(er), {report.follows} følg, {report.reminders} ventende påmindelse(r) "
          f"slettet; "
          f"{report.followups_anonymised} opfølgning(er) anonymiseret.")
    return 0


# ---- ask / chat --------------------------------------------------------------------------------


def _parse_now(value: str | None) -> datetime:
    return _parse_when("--now", value, "2026-11-25T10:00") if value else datetime.now(COPENHAGEN)


async def _cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.terminal import ask_once

    now = _parse_now(args.now)
    return await ask_once(settings, " ".join(args.text), now=now, scope=args.scope, as_json=args.json, tenant_id=args.tenant)


async def _cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.terminal import chat

    return await chat(settings, scope=args.scope, tenant_id=args.tenant)


# ---- serve / package ---------------------------------------------------------------------------


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import run_app

    settings = dataclasses.replace(settings, host=args.host or settings.host, port=args.port or settings.port)
    run_app(settings)
    return 0


def _cmd_package(args: argparse.Namespace, settings: Settings) -> int:
    from bot.package import PackageError, build_package

    try:
        out = build_package(settings, Path(args.out) if args.out else settings.package_out)
    except PackageError as exc:
        raise UsageError(str(exc)) from exc
    print(f"Teams-app-pakke skrevet: {out}")
    return 0


# ---- wiring ------------------------------------------------------------------------------------


def _global_options(*, suppress: bool) -> argparse.ArgumentParser:
    """The options every command takes, before or after its name (``referatbot --db URL ingest …`` and
    ``referatbot ingest --db URL …``). Sub-commands get them with SUPPRESS defaults, so an option given
    before the command is not overwritten by the sub-command's default."""
    options = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS if suppress else None)
    options.add_argument("--db", help="database URL (default: $REFERATBOT_DATABASE_URL or sqlite:///referatbot.db)")
    options.add_argument("-v", "--verbose", action="store_true", help="log more")
    return options


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per operator task."""
    parser = argparse.ArgumentParser(prog="referatbot", description="Referatbot: referater i Teams.",
                                     parents=[_global_options(suppress=False)])
    parser.set_defaults(verbose=False)
    common = [_global_options(suppress=True)]
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", parents=common, help="parse minutes files or folders into the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print a JSON report")
    p.add_argument("--tenant", default=None, help="tenant id the documents belong to")
    p.add_argument("--source-url-base", default=None, metavar="URL",
                   help="where the files are published: each document's source_url is URL/<path below the folder>")
    p.add_argument("--no-embed", action="store_true",
                   help="store only; leave the semantic vectors to serve's background backfill (large imports)")

    p = sub.add_parser("export", parents=common, help="print every stored meeting as JSON")
    p.add_argument("--tenant", default=None, help="only this tenant's documents")

    for name, help_ in (("ask", "answer one message as the bot would"), ("chat", "talk to the bot in this terminal")):
        p = sub.add_parser(name, parents=common, help=help_)
        if name == "ask":
            p.add_argument("text", nargs="+", metavar="TEXT")
            p.add_argument("--json", action="store_true", help="print the answer as JSON")
            p.add_argument("--now", help="the current time, ISO (default: the clock), Europe/Copenhagen")
        p.add_argument("--scope", choices=["personal", "groupchat", "channel"], default="personal")
        p.add_argument("--tenant", default=None, help="tenant id to answer for")

    p = sub.add_parser("audit", parents=common, help="list the closed items shown to allow-listed readers")
    p.add_argument("--since", help="only reads from this date/time on (ISO, Europe/Copenhagen)")
    p.add_argument("--tenant", default=None, help="only this tenant's reads")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("forget", parents=common, help="remove a person's data (dialog state, personal chats, …)")
    p.add_argument("--user", required=True, metavar="AAD_OBJECT_ID", help="the person's AAD object id")

    p = sub.add_parser("serve", parents=common, help="run the Teams bot (/api/messages, /healthz)")
    p.add_argument("--host")
    p.add_argument("--port", type=int)

    p = sub.add_parser("package", parents=common, help="write the Teams app package (zip)")
    p.add_argument("--out", help="zip file to write (default: referatbot-teams.zip)")
    return parser


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], Any]] = {
    "ingest": _cmd_ingest,
    "export": _cmd_export,
    "audit": _cmd_audit,
    "forget": _cmd_forget,
    "ask": _cmd_ask,
    "chat": _cmd_chat,
    "serve": _cmd_serve,
    "package": _cmd_package,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``referatbot`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if not args.command:
        parser.print_help()
        return 2
    try:
        settings = Settings.from_env()
    except ValueError as exc:  # e.g. REFERATBOT_PORT=abc
        print(f"referatbot: configuration: {exc}", file=sys.stderr)
        return 2
    if args.db:
        settings = dataclasses.replace(settings, database_url=args.db)
    if getattr(args, "tenant", "x") is None and args.command not in ("export", "audit"):
        args.tenant = settings.tenant_id
    try:
        result = COMMANDS[args.command](args, settings)
        if asyncio.iscoroutine(result):
            result = asyncio.run(result)
        return int(result or 0)
    except (UsageError, DatabaseURLError) as exc:
        print(f"referatbot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except (OSError, SQLAlchemyError) as exc:  # a database that cannot be reached, a folder not writable
        print(f"referatbot: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
