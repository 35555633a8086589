"""What stands between the network and the central API's handlers.

- ``BodyLimit``: ASGI middleware that counts request-body bytes *as they arrive* (chunked or
  not) and cuts the request off with 413 at the route's limit, before anything parses it; a
  declared ``Content-Length`` over the limit is refused before a byte is read. (Starlette's own
  ``RequestBodyLimitMiddleware`` does the counting too, but answers in English plain text.)
- ``RequestLog``: one line per request, method, path and status only.
- ``read_json``: the body of a route that authenticates first (the events batch): read only
  after the token was accepted, parsed with a nesting limit, refused in a short message.
- ``validation_answer``: a 422 that names at most a few fields in Indonesian and never echoes
  what was sent (FastAPI's default answer repeats the whole input).
- ``admin_token_problem``: the admin token must be long and random; a weak one stops the server.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_JSON_DEPTH = 32
ADMIN_TOKEN_MIN_LENGTH = 32
ADMIN_TOKEN_MIN_BITS = 90  # a random 32-character hex or base64 token scores 93-150


def size_text(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MiB"
    return f"{max(1, limit // 1024)} KiB"


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"Isi permintaan melebihi batas {size_text(limit)}.")


class BodyLimit:
    """Refuse request bodies over ``limit_for(method, path)`` bytes while they stream in."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str, str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["method"], scope["path"])
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(send, limit)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge:
            if not started:  # raised where no route answered it
                await _refuse(send, limit)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value).decode("latin-1").strip()
    return None


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps(
        {"detail": f"Isi permintaan melebihi batas {size_text(limit)}.", "code": "payload_too_large"}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestLog:
    """One log line per request: method, path and status only (never query, headers or body)."""

    def __init__(self, app: ASGIApp, logger: logging.Logger) -> None:
        self.app = app
        self.log = logger

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.log.info("%s %s %d", scope["method"], scope["path"], message["status"])
            await send(message)

        await self.app(scope, receive, logged)


# --- JSON bodies ------------------------------------------------------------------------------


class BadBody(HTTPException):
    def __init__(self, message: str) -> None:
        super().__init__(422, message)


async def read_json(request: Request) -> Any:
    """The request body as JSON (limited by ``BodyLimit``), or a short 422."""
    raw = await request.body()
    try:
        document = json.loads(raw, parse_constant=_no_constant)
    except RecursionError:
        raise BadBody("Isi permintaan bersarang terlalu dalam.") from None
    except (ValueError, UnicodeDecodeError):
        raise BadBody("Isi permintaan bukan JSON yang sah.") from None
    if json_depth(document) > MAX_JSON_DEPTH:
        raise BadBody(f"Isi permintaan bersarang lebih dari {MAX_JSON_DEPTH} tingkat.")
    return document


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity: Python reads them, JSON has none


def json_depth(value: Any) -> int:
    """Nesting depth of a parsed JSON value (iterative: no recursion limit to hit)."""
    if not isinstance(value, dict | list):
        return 0
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        children = item.values() if isinstance(item, dict) else item
        stack.extend([(child, depth + 1) for child in children if isinstance(child, dict | list)])
    return deepest


_PROBLEMS = {
    "missing": "wajib diisi",
    "string_pattern_mismatch": "formatnya tidak sah",
    "string_too_long": "terlalu panjang",
    "string_too_short": "terlalu pendek",
    "string_type": "harus berupa teks",
    "int_parsing": "harus bilangan bulat",
    "int_type": "harus bilangan bulat",
    "greater_than_equal": "terlalu kecil",
    "less_than_equal": "terlalu besar",
    "too_long": "terlalu banyak unsur",
    "list_type": "harus berupa daftar",
    "dict_type": "harus berupa objek",
    "model_attributes_type": "harus berupa objek",
    "date_from_datetime_parsing": "harus tanggal YYYY-MM-DD",
    "date_parsing": "harus tanggal YYYY-MM-DD",
    "json_invalid": "bukan JSON yang sah",
    "extra_forbidden": "tidak dikenal",
}
MAX_NAMED_PROBLEMS = 5


#: the few English details FastAPI and Starlette answer with by themselves
FRAMEWORK_DETAILS = {
    "Not Found": "Alamat tidak ditemukan.",
    "Method Not Allowed": "Metode permintaan ini tidak berlaku untuk alamat tersebut.",
    "There was an error parsing the body": "Isi permintaan bukan JSON yang sah.",
    "Content Too Large": "Isi permintaan terlalu besar.",
    "Not authenticated": "Token akses wajib disertakan (Authorization: Bearer).",
}


def validation_answer(error: RequestValidationError) -> JSONResponse:
    """422 naming what is wrong where, without repeating the input."""
    problems = []
    for item in error.errors()[:MAX_NAMED_PROBLEMS]:
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "body")[:80] or "isi"
        problems.append(f"{where} {_PROBLEMS.get(str(item.get('type')), 'tidak sah')}")
    more = len(error.errors()) - len(problems)
    message = "Permintaan tidak sah: " + "; ".join(problems) + (f" (dan {more} lagi)" if more > 0 else "")
    return JSONResponse({"detail": message + ".", "code": "invalid"}, status_code=422)


# --- the admin token --------------------------------------------------------------------------


def admin_token_problem(token: str) -> str | None:
    """Why ``token`` is too weak to guard the admin API (Indonesian), or None."""
    advice = 'buat dengan: python3 -c "import secrets; print(secrets.token_urlsafe(32))"'
    if len(token) < ADMIN_TOKEN_MIN_LENGTH:
        return (
            f"Token admin terlalu pendek ({len(token)} karakter, minimal {ADMIN_TOKEN_MIN_LENGTH}); {advice}."
        )
    if estimated_bits(token) < ADMIN_TOKEN_MIN_BITS:
        return f"Token admin terlalu mudah ditebak (terlalu banyak karakter berulang); {advice}."
    return None


def estimated_bits(token: str) -> float:
    """Shannon entropy of the token's characters times its length: a floor for random tokens."""
    counts: dict[str, int] = {}
    for char in token:
        counts[char] = counts.get(char, 0) + 1
    per_char = -sum(n / len(token) * math.log2(n / len(token)) for n in counts.values())
    return per_char * len(token)
