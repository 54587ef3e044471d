"""Hostile requests to ``/api/messages``: never a 5xx, the server stays up, and nothing long or odd reaches
the connector. A real ``referatbot`` app on a real loopback socket (in a thread of its own, like a
deployed process), in local anonymous mode and with an app id; ``hypothesis`` writes the requests.
The four causes of 5xx seen in issue 16 each have a test of their own too."""

from __future__ import annotations

import asyncio
import copy
import gzip
import http.client
import json
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from hypothesis import HealthCheck, given, settings, strategies as st

from bot.adapter import SDK_METADATA_URLS
from bot.app import create_app
from bot.inbound import FIELD_LIMITS, MAX_JSON_DEPTH, BadRequest, decode, too_deep
from bot.settings import Settings
from bot_helpers import NOW, FakeChannel, activity, seeded_database
from test_bot_auth import APP_ID, SERVICE_URL, KeyServer, token

MAX_URL = 8 * 1024


@dataclass
class LiveBot:
    """The bot app and a fake connector served on loopback by an event loop in a background thread."""

    base: str
    port: int
    channel: FakeChannel
    urls: list[str]
    loop: asyncio.AbstractEventLoop

    def request(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None) -> int:
        """One HTTP request on a fresh connection; the status (a dead server raises)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()


@pytest.fixture(scope="module")
def live_bots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, LiveBot]]:
    """Two live bots on one loop: ``anonymous`` (emulator mode) and ``auth`` (an app id, keys on loopback)."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    keys = KeyServer(["msteams"]).__enter__()
    runners: list[web.AppRunner] = []

    def run(coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout=60)

    async def serve(app: web.Application) -> int:
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        return runner.addresses[0][1]

    async def start(mode: str) -> LiveBot:
        channel, urls = FakeChannel(), []

        @web.middleware
        async def record(request: web.Request, handler: Any) -> web.StreamResponse:
            urls.append(str(request.rel_url))
            return await handler(request)

        connector = channel.app()
        connector.middlewares.append(record)
        channel.url = f"http://127.0.0.1:{await serve(connector)}/"
        database = await seeded_database(tmp_path_factory.mktemp(mode))
        if mode == "anonymous":
            app = create_app(Settings(database_url=database, scheduler=False), clock=lambda: NOW)
        else:
            app = create_app(Settings(database_url=database, app_id=APP_ID, app_password="not-used", scheduler=False),
                             clock=lambda: NOW, openid_metadata_overrides={u: keys.metadata_url for u in SDK_METADATA_URLS})
        port = await serve(app)
        return LiveBot(f"http://127.0.0.1:{port}", port, channel, urls, loop)

    try:
        yield {mode: run(start(mode)) for mode in ("anonymous", "auth")}
    finally:
        for runner in reversed(runners):
            run(runner.cleanup())
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
        keys.__exit__(None, None, None)


def body_of(value: Any) -> bytes:
    return json.dumps(value).encode()  # ensure_ascii: lone surrogates travel as \\udXXX escapes


def post(bot: LiveBot, body: bytes, *, content_type: str = "application/json", encoding: str | None = None,
         authorization: str | None = None) -> int:
    headers = {"Content-Type": content_type}
    if encoding is not None:
        headers["Content-Encoding"] = encoding
    if authorization is not None:
        headers["Authorization"] = authorization
    return bot.request("POST", "/api/messages", body, headers)


def message(bot: LiveBot, **changes: Any) -> dict[str, Any]:
    """A personal question addressed to ``bot``'s fake connector (refused as loopback with an app id)."""
    return activity("personal_message", serviceUrl=bot.channel.url, **changes)


def assert_alive(bot: LiveBot) -> None:
    assert bot.request("GET", "/healthz") == 200
    assert all(len(url) <= MAX_URL for url in bot.urls), max(map(len, bot.urls))


# ---- the four causes of issue 16, and the status codes ----------------------------------------------


@pytest.mark.parametrize("mode", ["anonymous", "auth"])
@pytest.mark.parametrize("field", ["channelData", "text", "value"])
@pytest.mark.parametrize("bracket", ["[", "{\"a\":"])
def test_deeply_nested_json_gets_400(live_bots, mode, field, bracket):
    bot = live_bots[mode]
    close = "]" if bracket == "[" else "}"
    marker = "__DEEP__"
    text = json.dumps(message(bot, **{field: marker})).replace(json.dumps(marker), bracket * 5000 + "1" + close * 5000)
    assert post(bot, text.encode(), authorization=f"Bearer {token()}") == 400
    assert_alive(bot)


@pytest.mark.parametrize("mode", ["anonymous", "auth"])
@pytest.mark.parametrize("where", ["id", "conversation.id", "from.id", "channelData.tenant.id", "replyToId"])
def test_lone_surrogates_in_an_id_get_400(live_bots, mode, where):
    bot = live_bots[mode]
    body = message(bot)
    target, *rest = where.split(".")
    node = body
    for key in [target, *rest][:-1]:
        node = node[key]
    node[where.split(".")[-1]] = "\udc00\ud800"
    posted = len(bot.channel.posted)
    assert post(bot, body_of(body), authorization=f"Bearer {token()}") == 400
    assert len(bot.channel.posted) == posted
    assert_alive(bot)


def test_lone_surrogates_in_the_text_are_repaired_and_answered(live_bots):
    bot = live_bots["anonymous"]
    before = len(bot.channel.messages())
    assert post(bot, body_of(message(bot, id="surrogate-text", text="hvad blev besluttet om frisættelse \ud800?"))) == 200
    assert len(bot.channel.messages()) == before + 1


@pytest.mark.parametrize("mode", ["anonymous", "auth"])
@pytest.mark.parametrize("encoding", ["gzip", "deflate", "x-gzip"])
def test_a_body_that_is_not_what_its_content_encoding_says_gets_400(live_bots, mode, encoding):
    bot = live_bots[mode]
    assert post(bot, body_of(message(bot)), encoding=encoding, authorization=f"Bearer {token()}") == 400
    assert_alive(bot)


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, gzip", "identity;q=0"])
def test_an_unsupported_content_encoding_gets_415(live_bots, encoding):
    assert post(live_bots["anonymous"], b"{}", encoding=encoding) == 415


@pytest.mark.parametrize("encode", [gzip.compress, zlib.compress, lambda b: zlib.compress(b)[2:-4]],
                         ids=["gzip", "deflate", "raw-deflate"])
def test_a_compressed_activity_is_decoded_and_answered(live_bots, encode):
    bot = live_bots["anonymous"]
    before = len(bot.channel.messages())
    name = "gzip" if encode is gzip.compress else "deflate"
    body = encode(body_of(message(bot, id=f"compressed-{len(bot.urls)}-{name}")))
    assert post(bot, body, encoding=name) == 200
    assert len(bot.channel.messages()) == before + 1


def test_a_compression_bomb_stops_at_the_size_limit():
    bomb = gzip.compress(b" " * 50_000_000)
    assert len(bomb) < 100_000
    with pytest.raises(BadRequest) as caught:
        decode(bomb, "gzip")
    assert caught.value.status == 413


@pytest.mark.parametrize("body", [b"[[[[[[[[[[[[", b"[[[[[[]]]]]]", b"{", b"null", b"\xff\xfe", b"", b'{"type": 1}',
                                  b'"\\ud800"', b"[" * 100_000])
def test_a_malformed_body_gets_400_whatever_the_auth_mode(live_bots, body):
    for mode in ("anonymous", "auth"):
        assert post(live_bots[mode], body, authorization=f"Bearer {token()}") == 400, mode
        assert post(live_bots[mode], body) == 400, mode
    assert_alive(live_bots["auth"])


@pytest.mark.parametrize("authorization", [None, "", "Basic dXNlcjpwdw==", "Bearer", "bearer   "])
def test_no_bearer_token_gets_401(live_bots, authorization):
    bot = live_bots["auth"]
    body = activity("installation_update_add", action="remove", serviceUrl=SERVICE_URL)
    assert post(bot, body_of(body), authorization=authorization) == 401


def test_a_valid_looking_token_failing_its_checks_gets_403(live_bots):
    bot = live_bots["auth"]
    body = activity("installation_update_add", action="remove", serviceUrl=SERVICE_URL)
    assert post(bot, body_of(body), authorization=f"Bearer {token(aud='another-app')}") == 403
    assert post(bot, body_of(body), authorization=f"Bearer {token()}") == 200


@pytest.mark.parametrize("path", sorted(FIELD_LIMITS), ids=".".join)
def test_an_over_long_id_gets_400_and_never_reaches_a_url_or_the_store(live_bots, path):
    bot = live_bots["anonymous"]
    limit = FIELD_LIMITS[path]

    def with_value(value: str) -> dict[str, Any]:
        body = message(bot, id=f"long-{'.'.join(path)}-{len(value)}")
        node = body
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
        return body

    posted = len(bot.urls)
    assert post(bot, body_of(with_value("x" * (limit + 1)))) == 400
    assert post(bot, body_of(with_value("æ" * (limit // 2 + 1)))) == 400  # bytes count, not characters
    assert len(bot.urls) == posted
    at_limit = "da-DK-x-" + "y" * (limit - 8) if path == ("locale",) else "x" * limit
    assert post(bot, body_of(with_value(at_limit))) == 200  # the store's columns are this wide
    assert_alive(bot)


def test_the_depth_check_counts_brackets_outside_strings_only():
    assert not too_deep(json.dumps({"text": "[" * 10_000}).encode())
    assert not too_deep(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH)
    assert too_deep(b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1))
    assert not too_deep(b"[]" * 100_000)
    assert too_deep(b'{"a": "\\"[", "b": ' + b"[" * 70 + b"]" * 70 + b"}")


# ---- hypothesis: hostile activities ---------------------------------------------------------------

_leaves = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
           | st.text(max_size=40) | st.sampled_from(["\udc00\ud800", "\ud800", "x" * 5000, "", " ", "19:a@thread.v2"]))
json_values = st.recursive(_leaves, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)
FIELDS = ["id", "type", "text", "value", "name", "action", "serviceUrl", "channelId", "locale", "replyToId",
          "timestamp", "entities", "attachments", "membersAdded", "membersRemoved", "channelData", "from",
          "recipient", "conversation", "from.id", "from.aadObjectId", "conversation.id", "conversation.tenantId",
          "conversation.conversationType", "channelData.tenant", "channelData.tenant.id", "recipient.id",
          "value.action", "value.action.data", "entities.0", "textFormat"]
RECORDED = ["personal_message", "channel_mention", "groupchat_mention", "invoke_adaptive_card_action",
            "installation_update_add", "conversation_update_bot_added", "action_submit_message"]


def _set(body: dict[str, Any], path: str, value: Any) -> None:
    node: Any = body
    *keys, last = path.split(".")
    for key in keys:
        nxt = node[int(key)] if isinstance(node, list) and key.isdigit() and int(key) < len(node) else (
            node.get(key) if isinstance(node, dict) else None)
        if not isinstance(nxt, (dict, list)):
            nxt = {}
            if isinstance(node, dict):
                node[key] = nxt
            else:
                return
        node = nxt
    if isinstance(node, dict):
        node[last] = value
    elif isinstance(node, list) and last.isdigit() and int(last) < len(node):
        node[int(last)] = value


@st.composite
def hostile_requests(draw: st.DrawFn) -> dict[str, Any]:
    """A request: a recorded activity with fields replaced (JSON of any shape, deep nesting, surrogates,
    long strings), or raw bytes; odd content types, encodings and Authorization headers."""
    kind = draw(st.sampled_from(["mutated", "mutated", "mutated", "raw", "json"]))
    if kind == "raw":
        body = draw(st.binary(max_size=300) | st.sampled_from([b"[" * 3000, b"{\"a\":" * 3000, b"\"\\udc00\""]))
    elif kind == "json":
        body = body_of(draw(json_values))
    else:
        base = copy.deepcopy(activity(draw(st.sampled_from(RECORDED))))
        base["serviceUrl"] = "{channel}"
        deep = {}
        for n, path in enumerate(draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=3))):
            value = draw(json_values | st.sampled_from(["__DEEP__"]))
            if value == "__DEEP__":
                value = f"__DEEP{n}__"
                deep[value] = draw(st.integers(min_value=50, max_value=3000))
            _set(base, path, value)
        text = json.dumps(base)
        for marker, depth in deep.items():
            text = text.replace(json.dumps(marker), "[" * depth + "]" * depth)
        body = text.encode()
    encoding = draw(st.sampled_from([None, None, None, "gzip", "deflate", "br", "gzip-for-real", "bogus"]))
    return {
        "body": body,
        "content_type": draw(st.sampled_from(["application/json", "application/json; charset=utf-8", "text/plain",
                                              "application/x-www-form-urlencoded", "application/json; charset=latin-1"])),
        "encoding": encoding,
        "authorization": draw(st.sampled_from([None, "", "Bearer", "Bearer x.y.z", "Basic Zm9vOmJhcg==", "token"])
                              | st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60)),
    }


@pytest.mark.parametrize("mode", ["anonymous", "auth"])
@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(request=hostile_requests())
def test_hostile_requests_never_get_a_5xx_and_the_server_stays_up(live_bots, mode, request):
    bot = live_bots[mode]
    authorization = request["authorization"]
    if authorization == "token":
        authorization = f"Bearer {token()}"
    body, encoding = request["body"].replace(b"{channel}", bot.channel.url.encode()), request["encoding"]
    if encoding == "gzip-for-real":
        encoding, body = "gzip", gzip.compress(body)
    status = post(bot, body, content_type=request["content_type"], encoding=encoding,
                  authorization=authorization)
    assert status < 500, request
    assert bot.request("GET", "/healthz") == 200
    assert all(len(url) <= MAX_URL for url in bot.urls)
