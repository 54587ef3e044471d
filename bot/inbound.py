"""Reading an inbound ``/api/messages`` body safely: every malformed or hostile body is a ``BadRequest``
(a 4xx with a one-line reason), never an exception further in.

Checked before anything is parsed: size (413), content type and encoding (415; gzip and deflate are
decoded here, with the decoded size bounded too), nesting depth (400: deep JSON overflows the
recursion of every parser and serializer after us). After parsing: the activity's shape, lone UTF-16
surrogates (400 in an id, replaced by U+FFFD in any other text: they cannot be encoded for the store,
the log or the wire) and id lengths (400 past ``FIELD_LIMITS``: the store's column widths; ids end up
percent-encoded in the connector URL of the reply, which stays under 5 KB).
"""

from __future__ import annotations

import json
import re
import zlib
from array import array
from itertools import accumulate
from typing import Any

MAX_BODY_BYTES = 256 * 1024  # decoded; Teams' own activities are a few KB
MAX_JSON_DEPTH = 64  # a Teams activity with an Adaptive Card's data nests about ten deep
SUPPORTED_ENCODINGS = frozenset({"", "identity", "gzip", "x-gzip", "deflate"})
# Keys holding an identifier (anywhere in the activity: from.id, channelData.tenant.id, members…).
ID_KEYS = frozenset({"id", "replyToId", "aadObjectId", "tenantId", "channelId", "serviceUrl"})


class BadRequest(Exception):
    """A request the endpoint refuses: ``status`` (400, 413, 415) and a one-line ``message``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# ---- content encoding ---------------------------------------------------------------------------


def encoding_of(header: str | None) -> str:
    """The request's ``Content-Encoding``; raises ``BadRequest`` (415) for one this endpoint cannot decode.

    Stacked encodings ("gzip, gzip") are refused too: one layer is all a Bot Framework channel uses.
    """
    value = (header or "").strip().lower()
    if value not in SUPPORTED_ENCODINGS:
        raise BadRequest(415, f"unsupported Content-Encoding {value[:40]!r} (use gzip, deflate or none)")
    return value


def decode(body: bytes, encoding: str, limit: int = MAX_BODY_BYTES) -> bytes:
    """``body`` decoded from ``encoding`` (see ``encoding_of``); at most ``limit`` bytes are ever inflated.

    Raises ``BadRequest``: 413 when the decoded body is larger than ``limit`` (a compression bomb
    stops there), 400 when it is not what the header says.
    """
    if encoding in ("", "identity"):
        return body
    # gzip: a gzip header; deflate: RFC 1950 zlib, though some clients send a raw RFC 1951 stream.
    attempts = (16 + zlib.MAX_WBITS,) if encoding in ("gzip", "x-gzip") else (zlib.MAX_WBITS, -zlib.MAX_WBITS)
    for wbits in attempts:
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(body, limit + 1)
        except zlib.error:
            continue
        if len(out) > limit:
            raise BadRequest(413, "request body too large once decoded")
        if not inflater.eof or inflater.unused_data:
            break  # truncated, or something after the stream
        return out
    raise BadRequest(400, f"the body is not valid {encoding} data")


# ---- JSON ---------------------------------------------------------------------------------------

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[{]}")


def too_deep(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON text ``raw`` nests arrays/objects deeper than ``limit`` (strings ignored).

    Runs in C (regex, translate, accumulate) in time linear in ``raw``; for malformed JSON it may
    over-count, which only refuses a body the parser would refuse anyway.
    """
    structure = _STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    if structure.count(b"[") + structure.count(b"{") <= limit:
        return False
    steps = array("b", structure.translate(_BRACKETS))
    return max(accumulate(steps)) > limit


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: Any, key: str = "") -> Any:
    """``value`` with lone surrogates replaced in text; ``BadRequest`` for one in an id or a key."""
    if isinstance(value, str):
        if _LONE_SURROGATE.search(value):
            if key in ID_KEYS:
                raise BadRequest(400, f"activity field '{key}' is not valid Unicode")
            return _LONE_SURROGATE.sub("\ufffd", value)
        return value
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if _LONE_SURROGATE.search(k):
                raise BadRequest(400, "an activity field name is not valid Unicode")
            out[k] = _clean(v, k)
        return out
    if isinstance(value, list):
        return [_clean(v, key) for v in value]
    return value


# Longest value a field may have, in characters and in UTF-8 bytes alike (Teams' ids are ASCII): the
# store's column widths, and short enough that an id percent-encoded into a connector URL stays short.
FIELD_LIMITS: dict[tuple[str, ...], int] = {
    ("id",): 256, ("replyToId",): 256, ("channelId",): 32, ("locale",): 16,
    ("conversation", "id"): 512, ("conversation", "tenantId"): 64, ("conversation", "conversationType"): 16,
    ("from", "id"): 256, ("from", "aadObjectId"): 128, ("recipient", "id"): 256, ("recipient", "aadObjectId"): 128,
    ("channelData", "tenant", "id"): 64, ("channelData", "team", "id"): 256, ("channelData", "channel", "id"): 256,
}
OTHER_ID_LIMIT = 512  # an id anywhere else (members, entities, card data)


def _too_long(value: str, limit: int) -> bool:
    return len(value) > limit or (not value.isascii() and len(value.encode("utf-8")) > limit)


def _check_ids(value: Any, path: tuple[str, ...] = ()) -> None:
    if isinstance(value, str):
        limit = FIELD_LIMITS.get(path) or (OTHER_ID_LIMIT if path and path[-1] in ID_KEYS else None)
        if limit is not None and _too_long(value, limit):
            raise BadRequest(400, f"activity field '{'.'.join(path)}' is too long")
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_ids(v, (*path, k) if len(path) < 3 else (k,))
    elif isinstance(value, list):
        for v in value:
            _check_ids(v, (path[-1],) if path else ())


def parse_json(raw: bytes) -> Any:
    """The JSON value of ``raw``, depth-checked first, text surrogates repaired; ``BadRequest`` (400) else."""
    if too_deep(raw):
        raise BadRequest(400, f"the JSON nests deeper than {MAX_JSON_DEPTH} levels")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BadRequest(400, "the body is not valid JSON") from None
    # json.loads turns an escaped lone surrogate ("\udc00") into a str no codec can write out again.
    if b"\\u" in raw and re.search(rb"\\u[dD][89a-fA-F]", raw):
        body = _clean(body)
    _check_ids(body)
    return body


# ---- the activity -------------------------------------------------------------------------------

_FIELD_TYPES: dict[str, type | tuple[type, ...]] = {
    "id": str, "text": str, "serviceUrl": str, "channelId": str, "locale": str, "name": str,
    "action": str, "textFormat": str, "replyToId": str, "timestamp": str, "localTimestamp": str,
    "summary": str, "from": dict, "recipient": dict, "conversation": dict, "channelData": dict,
    "entities": list, "attachments": list, "membersAdded": list, "membersRemoved": list,
}
_ACCOUNT_FIELDS = ("from", "recipient", "conversation")
_ACCOUNT_STRINGS = ("id", "name", "aadObjectId", "tenantId", "conversationType", "role")
HANDLED_TYPES = ("message", "invoke", "installationUpdate", "conversationUpdate")


def activity_problem(body: Any) -> str | None:
    """Why ``body`` is not an activity this endpoint can take, or None."""
    if not isinstance(body, dict):
        return "the body must be a JSON object (an activity)"
    if not isinstance(body.get("type"), str) or not body["type"].strip():
        return "the activity has no 'type'"
    for key, kind in _FIELD_TYPES.items():
        if key in body and body[key] is not None and not isinstance(body[key], kind):
            return f"activity field '{key}' has the wrong type"
    for key in _ACCOUNT_FIELDS:
        account = body.get(key)
        if isinstance(account, dict):
            for field in _ACCOUNT_STRINGS:
                if account.get(field) is not None and not isinstance(account[field], str):
                    return f"activity field '{key}.{field}' must be a string"
    for key in ("entities", "attachments", "membersAdded", "membersRemoved"):
        if any(not isinstance(x, dict) for x in body.get(key) or []):
            return f"activity field '{key}' must hold objects"
    if body["type"] in HANDLED_TYPES:
        for key in ("serviceUrl", "conversation", "from"):
            if not body.get(key):
                return f"the activity has no '{key}'"
        if not body["conversation"].get("id"):
            return "the activity has no 'conversation.id'"
    return None


def read_activity(raw: bytes, encoding: str) -> dict[str, Any]:
    """The activity in a request body (``encoding`` from ``encoding_of``); ``BadRequest`` when it is not one."""
    body = parse_json(decode(raw, encoding))
    problem = activity_problem(body)
    if problem:
        raise BadRequest(400, problem)
    assert isinstance(body, dict)
    return body
