"""Bot Framework plumbing: authentication of inbound requests, the serviceUrl allow-list, signing keys
fetched off the event loop, the bot's own token, and proactive sending.

botbuilder is used for what it is good at, validating the channel's tokens (``authenticate``) and
getting the bot's own (``app_token``); activities themselves are JSON posted by ``bot.connector``.

Proactive sending (for the reminder scheduler and anything else that posts unprompted)::

    sender: BotSender = app[SENDER_KEY]            # bot.app.SENDER_KEY
    await sender.send(ref, reply)                  # ref: storage ConversationRef, reply: dialogs Reply

``BotSender.send`` posts ``reply`` (Adaptive Card + text fallback, exactly as a turn reply:
``bot.replies.addressed_json``) into the stored conversation through the pooled connector for
``ref.service_url``, authenticated as the bot's own app id. It raises ``SendError(status,
retry_after, message)`` when the channel refuses the post (``status`` the HTTP status, 0 when the
service could not be reached or the serviceUrl is off the allow-list; ``retry_after`` seconds from a
``Retry-After``, else None). On 403 (bot removed) the scheduler deactivates the conversation.
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
from typing import Any
from urllib.parse import urlsplit

import jwt
from botbuilder.integration.aiohttp import (
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticationConstants, GovernmentConstants
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from jwt.algorithms import RSAAlgorithm

from bot.connector import AppToken, ConnectorPool
from bot.replies import addressed_json
from bot.sender import SendError  # one exception type for every sender: the retry code catches it
from bot.settings import Settings
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


# ---- authentication of inbound requests --------------------------------------------------------


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


def _auth_config(settings: Settings) -> _AuthConfig:
    app_type = settings.app_type if settings.app_type in ("MultiTenant", "SingleTenant", "UserAssignedMSI") else "MultiTenant"
    return _AuthConfig(settings.app_id or "", settings.app_password or "", app_type, settings.app_tenant_id or "")


def build_authentication(settings: Settings) -> ConfigurationBotFrameworkAuthentication:
    """Bot Framework authentication from the settings (MicrosoftAppId/Password/Type/TenantId)."""
    return ConfigurationBotFrameworkAuthentication(_auth_config(settings))


def _looks_like_jwt(auth_header: str | None) -> bool:
    """True when the header carries a token that decodes as a JWT (signature and claims unchecked)."""
    token = (auth_header or "").strip().partition(" ")[2].strip()
    try:
        jwt.get_unverified_header(token)
        jwt.decode(token, options={"verify_signature": False})
    except Exception:  # noqa: BLE001 - PyJWT's DecodeError family, and odd input besides
        return False
    return True


def auth_view(a: Mapping[str, Any]) -> Activity:
    """What botbuilder's token validation reads of an activity (type, channel, serviceUrl), without
    msrest-deserialising the whole body (that cost more than the rest of a turn)."""
    return Activity(type=a.get("type"), id=a.get("id"), channel_id=a.get("channelId"), service_url=a.get("serviceUrl"))


async def authenticate(auth: ConfigurationBotFrameworkAuthentication, a: Mapping[str, Any],
                       auth_header: str | None) -> None:
    """Validate the request's token against the activity ``a``; raises ``AuthFailure``, never more.

    401: no token, or one that is not a JWT at all (the caller did not authenticate); 403: a JWT that
    fails a check (signature, key, endorsement, issuer, audience, expiry, serviceUrl claim). botbuilder
    signals failures with PermissionError, bare Exception ("Could not validate endorsement key"),
    PyJWT errors and even IndexError; all of them are a refused request here.
    """
    try:
        await auth.authenticate_request(auth_view(a), auth_header or None)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - see docstring
        reason = str(exc) or type(exc).__name__
        raise AuthFailure(403 if _looks_like_jwt(auth_header) else 401, reason) from exc


# ---- the bot's own token and proactive sending -------------------------------------------------


def app_token(settings: Settings) -> AppToken | None:
    """The bot's bearer token for the Bot Connector (public cloud), cached; None in anonymous mode."""
    if settings.anonymous:
        return None
    factory = ConfigurationServiceClientCredentialFactory(_auth_config(settings))

    async def credentials() -> Any:
        return await factory.create_credentials(settings.app_id, AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
                                                AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL, True)

    return AppToken(credentials)


class BotSender:
    """Posts a ``Reply`` into a stored conversation (proactive messages: reminders, late answers)."""

    def __init__(self, settings: Settings, pool: ConnectorPool) -> None:
        self.settings = settings
        self.pool = pool

    async def send(self, ref: ConversationRef, reply: Reply) -> None:
        """Post ``reply`` into ``ref``'s conversation; raises ``SendError`` on refusal."""
        try:
            check_service_url(ref.service_url, extra_hosts=self.settings.service_url_hosts,
                              anonymous=self.settings.anonymous)
        except UntrustedServiceUrl as exc:
            raise SendError(0, None, str(exc)) from exc
        await self.pool.get(ref.service_url).post(ref.conversation_id, addressed_json(reply, ref))
