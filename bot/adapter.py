"""Bot Framework plumbing: CloudAdapter and authentication, the serviceUrl allow-list, signing keys
fetched off the event loop, one ConnectorClient per serviceUrl, and proactive sending.

Proactive sending (for the reminder scheduler and anything else that posts unprompted)::

    sender: BotSender = app[SENDER_KEY]            # bot.app.SENDER_KEY
    await sender.send(ref, reply)                  # ref: storage ConversationRef, reply: dialogs Reply

``BotSender.send`` posts ``reply`` (Adaptive Card + text fallback, exactly as a turn reply) into the
stored conversation through a pooled ConnectorClient for ``ref.service_url``, authenticated as the
bot's own app id. It raises ``SendError(status, retry_after, message)`` when the channel refuses the
post (``status`` the HTTP status, 0 when the service could not be reached; ``retry_after`` seconds
from a 429/503 ``Retry-After``, else None) and ``UntrustedServiceUrl`` (status 0) for a serviceUrl
off the allow-list. On 403/404 the caller decides whether to ``repo.deactivate_conversation``.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import jwt
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    ClaimsIdentity,
    ConnectorFactory,
    GovernmentConstants,
)
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from jwt.algorithms import RSAAlgorithm

from bot.replies import addressed_json
from bot.sender import SendError, parse_retry_after  # one exception type for every sender
from bot.settings import Settings
from dialogs import texts
from dialogs.turn import Reply
from storage.conversations import ConversationRef

log = logging.getLogger("referatbot.bot")

# Hosts Teams and the Bot Framework use for serviceUrl (public cloud, GCC High, DoD). A "*." entry
# matches subdomains only. Not "*.trafficmanager.net": anyone can register a name there.
DEFAULT_SERVICE_URL_HOSTS: tuple[str, ...] = (
    "smba.trafficmanager.net",
    "*.botframework.com",
    "smba.infra.gov.teams.microsoft.us",
    "smba.infra.dod.teams.microsoft.us",
    "*.botframework.azure.us",
)
MAX_SERVICE_URL = 2048


class UntrustedServiceUrl(ValueError):
    """A serviceUrl the bot must not send its token to."""


# ---- serviceUrl allow-list ---------------------------------------------------------------------


def _host_matches(host: str, pattern: str) -> bool:
    pattern = pattern.strip().lower().rstrip("/")
    if pattern.startswith("*."):
        suffix = pattern[1:]  # ".botframework.com"
        return host.endswith(suffix) and len(host) > len(suffix) and not host[: -len(suffix)].endswith(".")
    return host == pattern


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_service_url(url: Any, *, extra_hosts: tuple[str, ...] = (), anonymous: bool = False) -> str:
    """The serviceUrl if the bot may send its token there; raises ``UntrustedServiceUrl`` otherwise.

    https to an allow-listed host (Teams'/Bot Framework's, plus ``extra_hosts``); loopback (http or
    https) only in local anonymous mode. Refused: userinfo (``https://trusted@evil``), look-alike
    suffixes, numeric host spellings other than canonical IPs (``http://2130706433/``, ``0x7f.1``,
    ``127.1``), backslashes, whitespace and control characters.
    """
    if not isinstance(url, str) or not url:
        raise UntrustedServiceUrl("serviceUrl is missing")
    if len(url) > MAX_SERVICE_URL or any(c.isspace() or ord(c) < 32 or c == "\\" for c in url):
        raise UntrustedServiceUrl("serviceUrl is malformed")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError on a bad port
    except ValueError as exc:
        raise UntrustedServiceUrl("serviceUrl is malformed") from exc
    if "@" in parts.netloc or parts.username is not None or parts.password is not None:
        raise UntrustedServiceUrl("serviceUrl must not carry user information")
    host = (parts.hostname or "").lower()
    if not host or not host.isascii() or host.endswith(".") or port == 0:
        raise UntrustedServiceUrl("serviceUrl has no usable host")
    if _is_loopback(host):
        if anonymous and parts.scheme in ("http", "https"):
            return url
        raise UntrustedServiceUrl("loopback serviceUrl is only allowed in local anonymous mode")
    if parts.scheme != "https":
        raise UntrustedServiceUrl("serviceUrl must use https")
    labels = host.split(".")
    # A host of only numeric-looking labels is an IP spelling (decimal, hex, octal, shortened).
    if all(label.isdigit() or label.startswith("0x") for label in labels) or ":" in host:
        raise UntrustedServiceUrl("serviceUrl must name a host, not an address")
    for pattern in DEFAULT_SERVICE_URL_HOSTS + tuple(extra_hosts):
        if pattern.strip() and _host_matches(host, pattern):
            return url
    raise UntrustedServiceUrl(f"serviceUrl host {host!r} is not on the allow-list")


# ---- OpenID metadata and signing keys, off the event loop ---------------------------------------


@dataclass(frozen=True)
class SigningKey:
    """What botbuilder's token extractor reads from a metadata entry: the key and its endorsements."""

    public_key: Any
    endorsements: list[str]


def _download_keys(metadata_url: str, timeout: float) -> list[dict[str, Any]]:
    with urllib.request.urlopen(metadata_url, timeout=timeout) as response:  # noqa: S310 - configured URL
        jwks_uri = json.load(response)["jwks_uri"]
    with urllib.request.urlopen(jwks_uri, timeout=timeout) as response:  # noqa: S310
        keys = json.load(response)["keys"]
    if not isinstance(keys, list):
        raise ValueError("JWKS 'keys' is not a list")
    return keys


class OpenIdKeyCache:
    """Drop-in for botbuilder's ``_OpenIdMetadata`` (its ``async get(key_id)``), without blocking.

    botbuilder 4.17.1 refreshes keys with ``requests.get`` inside the event loop, freezing every
    conversation while Microsoft's endpoint answers. This fetches in a worker thread, caches for
    ``max_age``, refetches at most every ``min_refetch`` seconds for an unknown key id, and keeps
    the old keys when a refresh fails.
    """

    def __init__(self, fetch_url: str, *, max_age: float = 12 * 3600, min_refetch: float = 300,
                 timeout: float = 10.0) -> None:
        self.fetch_url = fetch_url
        self.max_age = max_age
        self.min_refetch = min_refetch
        self.timeout = timeout
        self.keys: list[dict[str, Any]] = []
        self.fetched_at: float | None = None
        self._lock: asyncio.Lock | None = None

    async def refresh(self) -> None:
        """Fetch metadata and keys now (in a thread); on failure keep what we had and log."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            try:
                self.keys = await asyncio.to_thread(_download_keys, self.fetch_url, self.timeout)
            except Exception as exc:  # noqa: BLE001 - network, JSON, anything: stay up with old keys
                log.warning("could not fetch signing keys from %s: %s", self.fetch_url, exc)
            finally:
                self.fetched_at = time.monotonic()

    def _find(self, key_id: str | None) -> SigningKey | None:
        for key in self.keys:
            if isinstance(key, dict) and key.get("kid") == key_id:
                try:
                    public_key = RSAAlgorithm.from_jwk(json.dumps(key))
                except Exception:  # noqa: BLE001 - a malformed key is no key
                    return None
                endorsements = key.get("endorsements") or []
                return SigningKey(public_key, [e for e in endorsements if isinstance(e, str)])
        return None

    async def get(self, key_id: str | None) -> SigningKey:
        """The signing key ``key_id``; raises PermissionError when there is none."""
        now = time.monotonic()
        if self.fetched_at is None or now - self.fetched_at > self.max_age:
            await self.refresh()
        key = self._find(key_id)
        if key is None and self.fetched_at is not None and time.monotonic() - self.fetched_at > self.min_refetch:
            await self.refresh()
            key = self._find(key_id)
        if key is None:
            raise PermissionError("token signed with an unknown key")
        return key


SDK_METADATA_URLS: tuple[str, ...] = (
    AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL,
    AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL,
    GovernmentConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL,
    GovernmentConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL,
)


def install_key_caches(overrides: Mapping[str, str] | None = None) -> dict[str, OpenIdKeyCache]:
    """Put an ``OpenIdKeyCache`` in botbuilder's metadata cache for each metadata URL it uses.

    ``overrides`` maps an SDK metadata URL to the URL actually fetched (tests serve keys on loopback).
    botbuilder keeps the cache on the class (``JwtTokenExtractor.metadataCache``); this is the seam
    the SDK offers, so the assignment is deliberate.
    """
    caches: dict[str, OpenIdKeyCache] = {}
    for url in SDK_METADATA_URLS:
        cache = OpenIdKeyCache((overrides or {}).get(url, url))
        JwtTokenExtractor.metadataCache[url] = cache
        caches[url] = cache
    return caches


# ---- connector clients, one per serviceUrl ------------------------------------------------------


class ConnectorPool:
    """ConnectorClients reused per (app id, serviceUrl, audience).

    botbuilder builds a new ConnectorClient (credentials, msrest pipeline) on every turn; that was
    most of the CPU a turn cost. Clients are safe to share: each request is independent.
    """

    def __init__(self) -> None:
        self._clients: dict[tuple[str, str, str], ConnectorClient] = {}

    async def get(self, factory: ConnectorFactory, app_id: str, service_url: str, audience: str | None) -> ConnectorClient:
        """The pooled client for this key, created through ``factory`` the first time."""
        key = (app_id, service_url, audience or "")
        client = self._clients.get(key)
        if client is None:
            client = await factory.create(service_url, audience)
            self._clients.setdefault(key, client)
            client = self._clients[key]
        return client

    def wrap(self, factory: ConnectorFactory, app_id: str) -> ConnectorFactory:
        """A ConnectorFactory that hands out pooled clients."""
        return _PooledFactory(self, factory, app_id)

    async def close(self) -> None:
        """Close every pooled client's HTTP session."""
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            try:
                await client.close()  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - shutting down
                pass

    def __len__(self) -> int:
        return len(self._clients)


class _PooledFactory(ConnectorFactory):
    def __init__(self, pool: ConnectorPool, inner: ConnectorFactory, app_id: str) -> None:
        self._pool, self._inner, self._app_id = pool, inner, app_id

    async def create(self, service_url: str, audience: str) -> ConnectorClient:
        return await self._pool.get(self._inner, self._app_id, service_url, audience)


# ---- authentication and the adapter ------------------------------------------------------------


class AuthFailure(Exception):
    """A request that failed authentication; ``status`` is 401 or 403."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class _AuthConfig:
    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str


def build_authentication(settings: Settings) -> ConfigurationBotFrameworkAuthentication:
    """Bot Framework authentication from the settings (MicrosoftAppId/Password/Type/TenantId)."""
    app_type = settings.app_type if settings.app_type in ("MultiTenant", "SingleTenant", "UserAssignedMSI") else "MultiTenant"
    return ConfigurationBotFrameworkAuthentication(
        _AuthConfig(settings.app_id or "", settings.app_password or "", app_type, settings.app_tenant_id or "")
    )


def _looks_like_jwt(auth_header: str | None) -> bool:
    """True when the header carries a token that decodes as a JWT (signature and claims unchecked)."""
    token = (auth_header or "").strip().partition(" ")[2].strip()
    try:
        jwt.get_unverified_header(token)
        jwt.decode(token, options={"verify_signature": False})
    except Exception:  # noqa: BLE001 - PyJWT's DecodeError family, and odd input besides
        return False
    return True


async def authenticate(auth: ConfigurationBotFrameworkAuthentication, activity: Activity,
                       auth_header: str | None) -> AuthenticateRequestResult:
    """Validate the request's token against the activity; raises ``AuthFailure``, never more.

    401: no token, or one that is not a JWT at all (the caller did not authenticate); 403: a JWT that
    fails a check (signature, key, endorsement, issuer, audience, expiry, serviceUrl claim). botbuilder
    signals failures with PermissionError, bare Exception ("Could not validate endorsement key"),
    PyJWT errors and even IndexError; all of them are a refused request here.
    """
    try:
        return await auth.authenticate_request(activity, auth_header or None)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - see docstring
        reason = str(exc) or type(exc).__name__
        raise AuthFailure(403 if _looks_like_jwt(auth_header) else 401, reason) from exc


def app_id_of(result: AuthenticateRequestResult) -> str:
    """The bot's app id a request was addressed to (empty in anonymous mode)."""
    claims = getattr(result.claims_identity, "claims", None) or {}
    value = claims.get(AuthenticationConstants.AUDIENCE_CLAIM) or claims.get(AuthenticationConstants.APP_ID_CLAIM)
    return value if isinstance(value, str) else ""


def build_adapter(auth: ConfigurationBotFrameworkAuthentication) -> CloudAdapter:
    """A CloudAdapter whose turn-error handler logs with the activity id and apologises in Danish."""
    adapter = CloudAdapter(auth)

    async def on_turn_error(context: TurnContext, error: Exception) -> None:
        activity = context.activity
        log.error(
            "turn failed: activity %s (%s) in conversation %s: %r",
            activity.id, activity.type, getattr(activity.conversation, "id", None), error,
            exc_info=(type(error), error, error.__traceback__),
        )
        if activity.type == "message":
            try:
                await context.send_activity(Activity(type="message", text=texts.apology()))
            except Exception as exc:  # noqa: BLE001 - the channel itself may be the problem
                log.error("could not send the apology for activity %s: %r", activity.id, exc)

    adapter.on_turn_error = on_turn_error
    return adapter


# ---- proactive sending --------------------------------------------------------------------------


class BotSender:
    """Posts a ``Reply`` into a stored conversation (proactive messages: reminders, late answers)."""

    def __init__(self, settings: Settings, auth: ConfigurationBotFrameworkAuthentication, pool: ConnectorPool) -> None:
        self.settings = settings
        self.auth = auth
        self.pool = pool

    async def _client(self, service_url: str) -> ConnectorClient:
        claims = {AuthenticationConstants.AUDIENCE_CLAIM: self.settings.app_id} if self.settings.app_id else {}
        identity = ClaimsIdentity(claims, True)
        factory = self.auth.create_connector_factory(identity)
        audience = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
        return await self.pool.get(factory, self.settings.app_id, service_url, audience)

    async def send(self, ref: ConversationRef, reply: Reply) -> None:
        """Post ``reply`` into ``ref``'s conversation; raises ``SendError`` on refusal."""
        try:
            check_service_url(ref.service_url, extra_hosts=self.settings.service_url_hosts,
                              anonymous=self.settings.anonymous)
        except UntrustedServiceUrl as exc:
            raise SendError(0, None, str(exc)) from exc
        activity = Activity.deserialize(addressed_json(reply, ref))
        client = await self._client(ref.service_url)
        try:
            await client.conversations.send_to_conversation(ref.conversation_id, activity)
        except Exception as exc:  # msrest ErrorResponseException / HttpOperationError, aiohttp errors
            response = getattr(exc, "response", None)
            status = int(getattr(response, "status_code", 0) or 0)
            headers = getattr(response, "headers", None) or {}
            retry_after = parse_retry_after(headers.get("Retry-After"), datetime.now(timezone.utc))
            raise SendError(status, retry_after, f"send to {ref.conversation_id} failed: {exc}") from exc
