"""The Bot Connector client: the bot's token cached until shortly before it expires, fetched off the
event loop and once however many turns ask at the same moment; one session per serviceUrl."""

from __future__ import annotations

import asyncio
import threading
import time

import jwt

from bot.connector import AppToken, ConnectorPool, activities_url


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
