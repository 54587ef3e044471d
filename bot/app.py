"""The aiohttp application: ``POST /api/messages`` (Bot Framework) and ``GET /healthz``.

``create_app(settings)`` wires everything; long-lived resources are ``cleanup_ctx`` generators under
typed ``web.AppKey``s: the database, then the bot runtime, then (unless ``settings.scheduler`` is off)
the reminder scheduler, built on ``app[REPO_KEY]`` and ``app[SENDER_KEY]`` and run by
``bot.scheduler.scheduler_ctx`` as a task that stops with the app. The scheduler's loop is the only
place that reads the wall clock for reminders; with it off, ``Scheduler.tick(now)`` can be driven from
outside against the same store (another instance, a test).

Order of checks on ``/api/messages``, each a clear 4xx and never a 500 or a stack trace: body size
(413), content type (415), JSON and activity shape (400), serviceUrl allow-list (403), token (401 /
403); then unknown activity types get a quiet 200, a redelivered activity id a quiet 200, and the
rest goes to ``TeamsBot.on_turn`` with a ``post`` into the activity's conversation through the pooled
connector for its serviceUrl (``bot.connector``; botbuilder only checks the token). An invoke's
response is the JSON ``on_turn`` returns.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from aiohttp import ClientPayloadError, web
from aiohttp.web_protocol import RequestPayloadError
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botframework.connector.auth import AuthenticationConstants

from bot.adapter import (
    AuthFailure,
    BotSender,
    UntrustedServiceUrl,
    app_token,
    authenticate,
    build_authentication,
    check_service_url,
    install_key_caches,
)
from bot.connector import ConnectorPool
from bot.inbound import MAX_BODY_BYTES, BadRequest, encoding_of, read_activity
from bot.scheduler import SCHEDULER, Scheduler, scheduler_ctx
from bot.sender import ConversationPacer, PacedSender
from bot.settings import Settings
from bot.teams import TeamsBot
from minutes import lexicon
from storage.database import Database
from storage.repository import Repository
from storage.semantic import channel_for, keep_embedding

log = logging.getLogger("referatbot.bot")

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The clock the running app reads (tests pass their own)."""
    return datetime.now(timezone.utc)


@dataclass
class BotRuntime:
    """The Bot Framework side of the app: authentication, handler, connector pool, sender."""

    settings: Settings
    auth: ConfigurationBotFrameworkAuthentication
    bot: TeamsBot
    pool: ConnectorPool
    sender: BotSender
    clock: Clock


SETTINGS_KEY = web.AppKey("settings", Settings)
DB_KEY = web.AppKey("database", Database)
REPO_KEY = web.AppKey("repository", Repository)
RUNTIME_KEY = web.AppKey("bot_runtime", BotRuntime)
SENDER_KEY = web.AppKey("sender", BotSender)


# ---- request validation -------------------------------------------------------------------------


def _problem(status: int, message: str) -> web.Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return web.json_response({"error": message}, status=status, headers=headers)


def _bearer(header: str | None) -> bool:
    """True for an ``Authorization: Bearer <token>`` header (the token itself is checked later)."""
    scheme, _, token = (header or "").strip().partition(" ")
    return scheme.lower() == "bearer" and bool(token.strip())


# ---- handlers -----------------------------------------------------------------------------------


async def messages(request: web.Request) -> web.Response:
    """``POST /api/messages``: one activity from the Bot Framework channel."""
    runtime = request.app[RUNTIME_KEY]
    settings = runtime.settings
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        return _problem(413, "request body too large")
    if "json" not in request.content_type:
        return _problem(415, "expected application/json")
    try:
        encoding = encoding_of(request.headers.get("Content-Encoding"))
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise BadRequest(413, "request body too large") from None
        except (RequestPayloadError, ClientPayloadError):  # a broken chunked body, a cut connection
            raise BadRequest(400, "the body could not be read") from None
        body = read_activity(raw, encoding)
    except BadRequest as exc:
        return _problem(exc.status, exc.message)
    if not settings.anonymous and not _bearer(request.headers.get("Authorization")):
        return _problem(401, "unauthorized")
    if "serviceUrl" in body or runtime.bot.handles(body["type"]):
        try:
            check_service_url(body.get("serviceUrl"), extra_hosts=settings.service_url_hosts,
                              anonymous=settings.anonymous)
        except UntrustedServiceUrl as exc:
            log.warning("refused activity %s: %s", body.get("id"), exc)
            return _problem(403, str(exc))
    try:
        await authenticate(runtime.auth, body, request.headers.get("Authorization"))
    except AuthFailure as exc:
        log.warning("unauthenticated activity %s: %s", body.get("id"), exc.reason)
        return _problem(exc.status, "unauthorized" if exc.status == 401 else "forbidden")
    if not runtime.bot.handles(body["type"]):
        return web.Response(status=200)
    connector = runtime.pool.get(body["serviceUrl"])
    conversation_id = body["conversation"]["id"]

    async def post(activity: dict[str, Any]) -> None:
        await connector.post(conversation_id, activity, reply_to_id=activity.get("replyToId"))

    invoke = await runtime.bot.on_turn(body, post)
    if body["type"] == "invoke":
        return web.json_response(invoke if invoke is not None else {}, status=200,
                                 dumps=lambda o: json.dumps(o, ensure_ascii=False))
    return web.Response(status=200)


async def healthz(request: web.Request) -> web.Response:
    """``GET /healthz``: 200 when the database answers, 503 otherwise."""
    if await request.app[DB_KEY].ping():
        return web.json_response({"status": "ok"})
    return web.json_response({"status": "database unreachable"}, status=503)


@web.middleware
async def no_stack_traces(request: web.Request, handler: Callable[[web.Request], Any]) -> web.StreamResponse:
    """Any unexpected failure is logged and answered with a bare 500, never a traceback."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception:
        log.exception("request %s %s failed", request.method, request.path)
        return _problem(500, "internal error")


# ---- wiring -------------------------------------------------------------------------------------


def _database_ctx(settings: Settings) -> Callable[[web.Application], AsyncIterator[None]]:
    async def database(app: web.Application) -> AsyncIterator[None]:
        db = await Database.open(settings.database_url)
        app[DB_KEY] = db
        channel = channel_for(settings.semantic)
        app[REPO_KEY] = Repository(db, semantic=channel)
        # The semantic channel's vectors: the tenant's matrix loaded, then items without a vector embedded,
        # in a background task (a worker thread per batch): never inside a chat turn.
        stop = asyncio.Event()
        worker = (
            asyncio.create_task(keep_embedding(db, channel, stop, tenants=[settings.tenant_id]))
            if channel is not None
            else None
        )
        # The search's language data loads once here, not inside the first question's turn.
        await asyncio.to_thread(lexicon.warm)
        yield
        stop.set()
        if worker is not None:
            await worker
        await db.close()

    return database


def _runtime_ctx(settings: Settings, clock: Clock,
                 metadata_overrides: dict[str, str] | None) -> Callable[[web.Application], AsyncIterator[None]]:
    async def runtime(app: web.Application) -> AsyncIterator[None]:
        caches = install_key_caches(metadata_overrides)
        auth = build_authentication(settings)
        pool = ConnectorPool(app_token(settings))
        sender = BotSender(settings, pool)
        bot = TeamsBot(app[REPO_KEY], settings, clock, sender=sender,
                      reply_deadline=settings.reply_deadline if settings.reply_deadline > 0 else None)
        app[RUNTIME_KEY] = BotRuntime(settings, auth, bot, pool, sender, clock)
        app[SENDER_KEY] = sender
        if settings.anonymous:
            log.warning(
                "MicrosoftAppId is not set: running in LOCAL ANONYMOUS MODE (no authentication, loopback "
                "serviceUrls allowed). Use this only with the emulator on this machine."
            )
        else:
            # Fetch signing keys before the first request arrives, off the event loop.
            await caches[AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL].refresh()
            if not settings.tenant_id:
                log.warning(
                    "REFERATBOT_TENANT_ID is not set: minutes ingested without --tenant are visible to no Teams "
                    "tenant. Set it to your tenant id, then ingest."
                )
        yield
        await bot.close()  # before the pool: late replies still need it, and the database
        await pool.close()

    return runtime


def paced_scheduler(repo: Repository, sender: BotSender, *, retention_days: float | None = None) -> Scheduler:
    """The production scheduler: ``sender`` behind Teams' per-conversation pacing (monotonic time), and
    the retention of ``REFERATBOT_RETENTION_DAYS``."""
    paced = PacedSender(sender, ConversationPacer(), clock=time.monotonic, sleep=asyncio.sleep)
    retention = timedelta(days=retention_days) if retention_days else None
    return Scheduler(repo, paced, retention=retention)


async def _scheduler_setup_ctx(app: web.Application) -> AsyncIterator[None]:
    app[SCHEDULER] = paced_scheduler(app[REPO_KEY], app[SENDER_KEY], retention_days=app[SETTINGS_KEY].retention_days)
    yield


def create_app(settings: Settings, *, clock: Clock = utcnow,
               openid_metadata_overrides: dict[str, str] | None = None) -> web.Application:
    """The bot's web application. ``openid_metadata_overrides`` (tests) maps Bot Framework OpenID
    metadata URLs to the URLs actually fetched."""
    # Request bodies are decoded by bot.inbound, which bounds the decoded size; aiohttp's own decoding
    # would raise mid-read on a body that is not what its Content-Encoding says.
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[no_stack_traces],
                          handler_args={"auto_decompress": False})
    app[SETTINGS_KEY] = settings
    app.cleanup_ctx.append(_database_ctx(settings))
    app.cleanup_ctx.append(_runtime_ctx(settings, clock, openid_metadata_overrides))
    if settings.scheduler:
        app.cleanup_ctx.append(_scheduler_setup_ctx)
        app.cleanup_ctx.append(scheduler_ctx)
    else:
        log.info("REFERATBOT_SCHEDULER is off: this instance sends no reminders")
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    return app


def run_app(settings: Settings) -> None:
    """Serve the bot until interrupted (``referatbot serve``)."""
    print(f"Referatbot lytter på http://{settings.host}:{settings.port}/api/messages", flush=True)
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=None)


