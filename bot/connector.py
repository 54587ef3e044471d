"""The Bot Connector REST API, spoken directly with aiohttp: one HTTP session per serviceUrl, the bot's
token cached until it expires, activities posted as the JSON ``bot.replies`` builds.

Why not botbuilder's ConnectorClient: it builds an msrest pipeline (retry policy, configuration,
credentials) per turn, and its "async" HTTP runs ``requests`` in a thread pool; profiled under load
(issue 16) that was most of what a turn cost. The REST call itself is one POST:
``{serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}]``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from typing import Any, Protocol
from urllib.parse import quote

import aiohttp
import jwt

from bot.replies import addressed_json
from bot.sender import SendError, parse_retry_after
from dialogs.turn import Reply
from storage.conversations import ConversationRef

log = logging.getLogger("referatbot.bot")

TokenSource = Callable[[], Awaitable[str]]
SEND_TIMEOUT = aiohttp.ClientTimeout(total=30, connect=10)


def activities_url(service_url: str, conversation_id: str, reply_to_id: str | None = None) -> str:
    """Where an activity for ``conversation_id`` is posted (a reply to ``reply_to_id`` when given)."""
    url = f"{service_url.rstrip('/')}/v3/conversations/{quote(conversation_id, safe='')}/activities"
    return f"{url}/{quote(reply_to_id, safe='')}" if reply_to_id else url


class Connector:
    """The Bot Connector at one serviceUrl; ``token`` (None: no authentication, emulator and stubs)."""

    def __init__(self, service_url: str, session: aiohttp.ClientSession, token: TokenSource | None = None, *,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.service_url = service_url
        self.session = session
        self.token = token
        self.now = now

    async def post(self, conversation_id: str, body: dict[str, Any], *, reply_to_id: str | None = None) -> None:
        """POST one activity; a non-2xx answer or a broken connection raises ``SendError``."""
        url = activities_url(self.service_url, conversation_id, reply_to_id)
        headers = {"Authorization": f"Bearer {await self.token()}"} if self.token else None
        try:
            async with self.session.post(url, json=body, headers=headers) as response:
                if response.status < 300:
                    await response.read()  # hand the connection back for the next request
                    return
                retry_after = parse_retry_after(response.headers.get("Retry-After"), self.now())
                raise SendError(response.status, retry_after, f"HTTP {response.status} from {url[:200]}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise SendError(0, None, f"{type(exc).__name__} posting to {url[:200]}") from exc


class ConnectorPool:
    """One ``Connector`` (and aiohttp session, so its connections are kept alive) per serviceUrl."""

    def __init__(self, token: TokenSource | None = None, *, timeout: aiohttp.ClientTimeout = SEND_TIMEOUT) -> None:
        self.token = token
        self.timeout = timeout
        self._connectors: dict[str, Connector] = {}

    def get(self, service_url: str) -> Connector:
        """The connector for ``service_url`` (an allow-listed one: the caller checked it)."""
        connector = self._connectors.get(service_url)
        if connector is None:
            session = aiohttp.ClientSession(timeout=self.timeout, raise_for_status=False)
            connector = self._connectors[service_url] = Connector(service_url, session, self.token)
        return connector

    async def close(self) -> None:
        """Close every session."""
        connectors, self._connectors = list(self._connectors.values()), {}
        for connector in connectors:
            await connector.session.close()

    def __len__(self) -> int:
        return len(self._connectors)


class ConnectorSender:
    """A ``Sender`` posting into stored conversations through one aiohttp session, no allow-list: the
    loopback stub of the tests and the bench. ``bot.adapter.BotSender`` is the production one."""

    def __init__(self, session: aiohttp.ClientSession, *, token: TokenSource | None = None) -> None:
        self.session = session
        self.token = token

    async def send(self, ref: ConversationRef, reply: Reply) -> None:
        """Deliver ``reply`` into ``ref``'s conversation; raises ``SendError``."""
        await Connector(ref.service_url, self.session, self.token).post(ref.conversation_id, addressed_json(reply, ref))


class Credentials(Protocol):
    """botbuilder's AppCredentials, as far as the token goes (a blocking MSAL call)."""

    def get_access_token(self, force_refresh: bool = False) -> str:
        """A bearer token for the Bot Connector."""
        ...


class AppToken:
    """The bot's own bearer token: fetched in a worker thread (MSAL blocks), cached until shortly before
    it expires, one fetch at a time however many turns ask at once."""

    def __init__(self, credentials: Callable[[], Awaitable[Credentials]], *, margin: float = 300.0,
                 unknown_lifetime: float = 600.0, clock: Callable[[], float] = time.time) -> None:
        self.credentials = credentials
        self.margin = margin  # renew this long before the token's own expiry
        self.unknown_lifetime = unknown_lifetime  # a token whose expiry cannot be read is kept this long
        self.clock = clock
        self._token: str | None = None
        self._valid_until = 0.0
        self._lock = asyncio.Lock()

    async def __call__(self) -> str:
        """The cached token, or a fresh one."""
        if self._token is not None and self.clock() < self._valid_until:
            return self._token
        async with self._lock:
            if self._token is not None and self.clock() < self._valid_until:
                return self._token
            credentials = await self.credentials()
            token = await asyncio.to_thread(credentials.get_access_token)
            self._token, self._valid_until = token, self._expiry(token)
            return token

    def _expiry(self, token: str) -> float:
        try:
            expires = float(jwt.decode(token, options={"verify_signature": False})["exp"])
        except Exception:  # noqa: BLE001 - not a JWT we can read: keep it a little while
            return self.clock() + self.unknown_lifetime
        return expires - self.margin
