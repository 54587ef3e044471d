"""Authentication, offline: tokens signed with a test RSA key; OpenID metadata and JWKS served from
loopback by a plain HTTP server in its own thread (as Microsoft's endpoint would, blocking-style).
Also the serviceUrl allow-list, which decides where the bot's token may go."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
import pytest
from botframework.connector.auth import AuthenticationConstants
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot import adapter as bot_adapter
from bot.adapter import SDK_METADATA_URLS, UntrustedServiceUrl, check_service_url
from bot.app import REPO_KEY, create_app
from bot.settings import Settings
from bot_helpers import NOW, activity, seeded_database

APP_ID = "3f1c2b4a-1111-4222-8333-944455566677"
ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
SERVICE_URL = "https://smba.trafficmanager.net/emea/"
KID = "test-key-1"


def _private_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


SIGNING_KEY = _private_key()
OTHER_KEY = _private_key()


class KeyServer:
    """OpenID metadata + JWKS on 127.0.0.1 in a background thread; counts JWKS fetches."""

    def __init__(self, endorsements: list[str]) -> None:
        jwk = json.loads(RSAAlgorithm.to_jwk(SIGNING_KEY.public_key()))
        jwk.update(kid=KID, use="sig", endorsements=endorsements)
        self.jwks = {"keys": [jwk]}
        self.jwks_hits = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                if self.path == "/openid":
                    payload: Any = {"issuer": ISSUER, "jwks_uri": f"{base}/keys"}
                elif self.path == "/keys":
                    server.jwks_hits += 1
                    payload = server.jwks
                else:
                    self.send_error(404)
                    return
                body = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def metadata_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/openid"

    def __enter__(self) -> "KeyServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture(params=[["msteams"]], ids=["endorsed"])
def keys(request: pytest.FixtureRequest) -> Iterator[KeyServer]:
    with KeyServer(request.param) as server:
        yield server


def token(key: Any = None, *, kid: str = KID, **claims: Any) -> str:
    now = int(time.time())
    payload = {"iss": ISSUER, "aud": APP_ID, "serviceurl": SERVICE_URL, "nbf": now - 60, "iat": now - 60,
               "exp": now + 3600, **claims}
    payload = {k: v for k, v in payload.items() if v is not None}
    return jwt.encode(payload, key or SIGNING_KEY, algorithm="RS256", headers={"kid": kid})


async def make_client(aiohttp_client: Any, tmp_path: Path, keys: KeyServer) -> Any:
    settings = Settings(database_url=await seeded_database(tmp_path), app_id=APP_ID, app_password="not-used",
                        app_type="MultiTenant")
    overrides = {url: keys.metadata_url for url in SDK_METADATA_URLS}
    return await aiohttp_client(create_app(settings, clock=lambda: NOW, openid_metadata_overrides=overrides))


def quiet_activity(**changes: Any) -> dict[str, Any]:
    """An authenticated-path activity whose turn sends nothing (the bot is uninstalled)."""
    return activity("installation_update_add", **{"action": "remove", "serviceUrl": SERVICE_URL, **changes})


async def send(client: Any, body: dict[str, Any], authorization: str | None) -> Any:
    headers = {"Authorization": authorization} if authorization is not None else {}
    return await client.post("/api/messages", json=body, headers=headers)


async def test_a_valid_token_is_accepted_and_the_turn_runs(aiohttp_client, tmp_path, keys):
    client = await make_client(aiohttp_client, tmp_path, keys)
    response = await send(client, quiet_activity(), f"Bearer {token()}")
    assert response.status == 200
    # With an app id the store is keyed by the activity's own tenant (channelData.tenant.id).
    tenant = quiet_activity()["channelData"]["tenant"]["id"]
    ref = await client.app[REPO_KEY].conversations.conversation(tenant, "a:1abcPERSONALconv")
    assert ref is not None and ref.active is False  # the remove ran: the turn got through


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer not-a-jwt",
        "Basic dXNlcjpwdw==",
        f"Token {token()}",
    ],
    ids=["missing", "empty", "no-token", "garbage", "basic-scheme", "not-bearer"],
)
async def test_missing_or_malformed_tokens_get_401(aiohttp_client, tmp_path, keys, authorization):
    client = await make_client(aiohttp_client, tmp_path, keys)
    response = await send(client, quiet_activity(), authorization)
    assert response.status == 401
    assert response.headers.get("WWW-Authenticate") == "Bearer"
    assert "Traceback" not in await response.text()


@pytest.mark.parametrize(
    "bad",
    [
        {"exp": int(time.time()) - 3600, "nbf": int(time.time()) - 7200, "iat": int(time.time()) - 7200},
        {"aud": "someone-elses-app"},
        {"iss": "https://evil.example.com"},
        {"iss": "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"},  # emulator issuer, our key set
        {"serviceurl": "https://smba.trafficmanager.net/amer/"},
        {"serviceurl": None},
        "hs256",
    ],
    ids=["expired", "wrong-audience", "wrong-issuer", "emulator-issuer", "serviceurl-mismatch", "no-serviceurl",
         "hs256"],
)
async def test_a_well_formed_token_failing_a_check_gets_403(aiohttp_client, tmp_path, keys, bad):
    client = await make_client(aiohttp_client, tmp_path, keys)
    bearer = (jwt.encode({"iss": ISSUER, "aud": APP_ID}, "a-shared-secret-of-thirty-two-bytes!", algorithm="HS256")
              if bad == "hs256" else token(**bad))
    response = await send(client, quiet_activity(), f"Bearer {bearer}")
    assert response.status == 403
    ref = await client.app[REPO_KEY].conversations.conversation("", "a:1abcPERSONALconv")
    assert ref is None  # nothing of a refused request reaches the store


async def test_a_token_signed_by_another_key_gets_403(aiohttp_client, tmp_path, keys):
    client = await make_client(aiohttp_client, tmp_path, keys)
    assert (await send(client, quiet_activity(), f"Bearer {token(OTHER_KEY)}")).status == 403
    assert (await send(client, quiet_activity(), f"Bearer {token(kid='unknown-kid')}")).status == 403


@pytest.mark.parametrize("keys", [["webchat"]], indirect=True, ids=["webchat-only"])
async def test_a_key_not_endorsed_for_the_channel_gets_403(aiohttp_client, tmp_path, keys):
    client = await make_client(aiohttp_client, tmp_path, keys)
    response = await send(client, quiet_activity(), f"Bearer {token()}")
    assert response.status == 403


async def test_loopback_service_urls_are_refused_outside_anonymous_mode(aiohttp_client, tmp_path, keys):
    client = await make_client(aiohttp_client, tmp_path, keys)
    body = quiet_activity(serviceUrl="http://127.0.0.1:9/")
    response = await send(client, body, f"Bearer {token(serviceurl='http://127.0.0.1:9/')}")
    assert response.status == 403


async def test_signing_keys_are_fetched_once_in_a_worker_thread(aiohttp_client, tmp_path, keys, monkeypatch):
    threads: list[str] = []
    real = bot_adapter._download_keys

    def spy(url: str, timeout: float) -> list[dict[str, Any]]:
        threads.append(threading.current_thread().name)
        return real(url, timeout)

    monkeypatch.setattr(bot_adapter, "_download_keys", spy)
    client = await make_client(aiohttp_client, tmp_path, keys)
    for n in range(4):
        body = quiet_activity(id=f"auth-{n}")
        assert (await send(client, body, f"Bearer {token()}")).status == 200
    assert keys.jwks_hits == 1
    assert threads and threading.main_thread().name not in threads


# ---- the serviceUrl allow-list ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://smba.trafficmanager.net/emea/",
        "https://smba.trafficmanager.net/amer/",
        "https://europe.webchat.botframework.com/",
        "https://smba.infra.gov.teams.microsoft.us/",
        "https://SMBA.trafficmanager.net:443/teams/",
    ],
)
def test_teams_and_bot_framework_service_urls_are_trusted(url):
    assert check_service_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "https://smba.trafficmanager.net.evil.com/",
        "https://evil-botframework.com/",
        "https://botframework.com.evil.com/",
        "https://evil.trafficmanager.net/",
        "https://smba.trafficmanager.net@evil.com/",
        "https://user:pw@smba.trafficmanager.net/",
        "http://smba.trafficmanager.net/emea/",
        "ftp://smba.trafficmanager.net/",
        "https://smba.trafficmanager.net./",
        "https://smba.trafficmanager.net\\@evil.com/",
        "https://smba.trafficmanager.net /",
        "https://smba.trafficmanager.net:99999/",
        "//smba.trafficmanager.net/",
        "smba.trafficmanager.net",
        "",
        None,
        42,
    ],
)
def test_look_alike_and_odd_service_urls_are_refused(url):
    with pytest.raises(UntrustedServiceUrl):
        check_service_url(url)


@pytest.mark.parametrize(
    "url",
    ["http://2130706433/", "http://0x7f.1/", "http://127.1/", "http://0177.0.0.1/", "http://127.0.0.1/",
     "http://localhost:3978/", "http://[::1]:5000/"],
)
def test_loopback_and_odd_ip_spellings_are_refused_with_authentication(url):
    with pytest.raises(UntrustedServiceUrl):
        check_service_url(url)


@pytest.mark.parametrize("url", ["http://127.0.0.1:56150/_connector", "http://localhost:56150/_connector", "http://[::1]:1/"])
def test_loopback_is_allowed_in_anonymous_mode(url):
    assert check_service_url(url, anonymous=True) == url


@pytest.mark.parametrize("url", ["http://2130706433/", "http://0x7f.1/", "http://127.1/", "https://10.0.0.1/"])
def test_odd_ip_spellings_are_refused_even_in_anonymous_mode(url):
    with pytest.raises(UntrustedServiceUrl):
        check_service_url(url, anonymous=True)


def test_configured_hosts_are_trusted_too():
    assert check_service_url("https://bots.example.org/x", extra_hosts=("bots.example.org",))
    assert check_service_url("https://a.proxy.example.org/", extra_hosts=("*.proxy.example.org",))
    with pytest.raises(UntrustedServiceUrl):
        check_service_url("https://proxy.example.org.evil.com/", extra_hosts=("*.proxy.example.org",))
