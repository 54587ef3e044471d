"""The Bot Connector client: the bot's token cached until shortly before it expires, fetched off the
event loop and once however many turns ask at the same moment; one session per serviceUrl."""

from __future__ import annotations

import asyncio
import threading
import time

import jwt

from bot.adapter import app_token
from bot.connector import AppToken, ConnectorPool, activities_url
from bot.settings import Settings


class FakeCredentials:
    """botbuilder's AppCredentials: a blocking ``get_access_token`` (MSAL) handing out JWTs."""

    def __init__(self, lifetime: float, clock: list[float]) -> None:
        self.lifetime, self.clock = lifetime, clock
        self.calls = 0
        self.threads: list[str] = []

    def get_access_token(self, force_refresh: bool = False) -> str:
        self.calls += 1
        self.threads.append(threading.current_thread().name)
        time.sleep(0.01)  # MSAL blocks; this must not run on the event loop
        return jwt.encode({"exp": self.clock[0] + self.lifetime, "n": self.calls}, "k" * 32, algorithm="HS256")


async def test_the_token_is_fetched_once_in_a_thread_and_kept_until_near_expiry() -> None:
    clock = [1_000_000.0]
    credentials = FakeCredentials(3600, clock)

    async def make() -> FakeCredentials:
        return credentials

    token = AppToken(make, margin=300, clock=lambda: clock[0])
    first = await asyncio.gather(*(token() for _ in range(20)))
    assert len(set(first)) == 1 and credentials.calls == 1
    assert threading.main_thread().name not in credentials.threads
    clock[0] += 3600 - 301  # still inside the margin
    assert await token() == first[0] and credentials.calls == 1
    clock[0] += 2  # within five minutes of expiry: renewed
    assert await token() != first[0] and credentials.calls == 2


async def test_a_token_without_a_readable_expiry_is_kept_a_short_while() -> None:
    clock = [0.0]

    class Opaque(FakeCredentials):
        def get_access_token(self, force_refresh: bool = False) -> str:
            self.calls += 1
            return f"opaque-{self.calls}"

    credentials = Opaque(0, clock)

    async def make() -> Opaque:
        return credentials

    token = AppToken(make, unknown_lifetime=600, clock=lambda: clock[0])
    assert await token() == "opaque-1"
    clock[0] += 599
    assert await token() == "opaque-1"
    clock[0] += 2
    assert await token() == "opaque-2"


async def test_one_connector_and_session_per_service_url() -> None:
    pool = ConnectorPool()
    try:
        a, b = pool.get("https://smba.trafficmanager.net/emea/"), pool.get("https://smba.trafficmanager.net/emea/")
        c = pool.get("https://smba.trafficmanager.net/amer/")
        assert a is b and a is not c and a.session is not c.session and len(pool) == 2
    finally:
        await pool.close()


def test_ids_are_percent_encoded_in_the_activities_url() -> None:
    url = activities_url("https://smba.trafficmanager.net/emea/", "19:x@thread.tacv2;messageid=1", "a/b?c")
    assert url == ("https://smba.trafficmanager.net/emea/v3/conversations/19%3Ax%40thread.tacv2%3Bmessageid%3D1"
                   "/activities/a%2Fb%3Fc")


async def test_posts_carry_the_bots_own_token_and_none_without_an_app_id(channel) -> None:
    """With an app id every activity the bot posts (turn replies, typing, proactive sends all go through
    ``Connector.post``) carries ``Authorization: Bearer`` with the bot's token; anonymous posts carry none."""
    tokens = iter(["token-1", "token-2"])

    async def token() -> str:
        return next(tokens)

    authenticated, anonymous = ConnectorPool(token), ConnectorPool()
    try:
        await authenticated.get(channel.url).post("a:1", {"type": "message", "text": "hej"}, reply_to_id="act-1")
        await authenticated.get(channel.url).post("a:1", {"type": "typing"})
        await anonymous.get(channel.url).post("a:1", {"type": "message", "text": "hej"})
    finally:
        await authenticated.close()
        await anonymous.close()
    assert channel.auth_headers == ["Bearer token-1", "Bearer token-2", None]
    assert [a["type"] for a in channel.posted] == ["message", "typing", "message"]


async def test_the_bots_token_is_asked_of_botbuilder_for_the_bot_framework_in_its_own_tenant() -> None:
    """botbuilder still obtains the bot's token (MSAL): for the Bot Connector's scope, from the login
    authority of a single-tenant registration's own tenant. No app id: no token at all."""
    assert app_token(Settings(database_url="sqlite://")) is None
    settings = Settings(database_url="sqlite://", app_id="3f1c2b4a-1111-4222-8333-944455566677", app_password="pw",
                        app_type="SingleTenant", app_tenant_id="contoso-tenant")
    token = app_token(settings)
    assert token is not None
    credentials = await token.credentials()  # builds MSAL's client; no network until a token is asked for
    assert credentials.oauth_scope == "https://api.botframework.com"
    assert credentials.oauth_endpoint.endswith("/contoso-tenant")
