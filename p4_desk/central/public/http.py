"""HTTP plumbing shared by the citizens' pages (``pages``, ``booking_pages``): security headers,
caching with ETags, urlencoded forms, JSON answers and the static files.

Every answer carries the security headers (``SECURITY_HEADERS``: a CSP of this server's own
files only, no referrer — the page addresses hold the ticket's token and the receipt's secret —
no sniffing, no framing) and a short ``Cache-Control``; GET answers an ``ETag`` (hash of the
body) and 304 on a matching ``If-None-Match``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

from fastapi import Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from jinja2 import Environment, PackageLoader, select_autoescape

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}
#: seconds a shared or private cache may keep an answer
CACHE_LIST = "public, max-age=5"
CACHE_PRIVATE = "private, no-cache"
CACHE_TRACKING = "private, max-age=30"
CACHE_STATIC = "public, max-age=86400"
MAX_FORM_BYTES = 16 * 1024
POLL_MS = 2000
NOSCRIPT_REFRESH_S = 15
PAGE_REFRESH_S = 30
TICKET_RETRY_S = 5
STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}


def templates() -> Environment:
    """The pages' Jinja2 templates, autoescaped."""
    return Environment(
        loader=PackageLoader("p4_desk.central.public", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


async def read_form(request: Request) -> dict[str, str] | None:
    """An urlencoded form (the last value of each field); None when it is too large."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_FORM_BYTES:
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return None
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=40)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {name: values[-1] for name, values in fields.items()}


def too_large(request: Request, page: Callable[..., Response]) -> Response:
    return page(
        request,
        "error.html",
        {
            "title": "Isian terlalu panjang",
            "message": f"Isian formulir melebihi {MAX_FORM_BYTES // 1024} KB.",
        },
        cache="no-store",
        status=413,
    )


def answer(request: Request, body: bytes, media_type: str, cache: str, status: int = 200) -> Response:
    headers = {**SECURITY_HEADERS, "Cache-Control": cache}
    if status == 200:
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers["ETag"] = etag
        candidates = [
            t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")
        ]
        if etag in candidates:
            return Response(status_code=304, headers=headers)
    return Response(content=body, media_type=media_type, status_code=status, headers=headers)


def json_answer(request: Request, data: dict[str, Any], cache: str) -> Response:
    body = json.dumps(jsonable_encoder(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return answer(request, body.encode(), "application/json", cache)


def json_error(status: int, code: str, message: str) -> Response:
    return JSONResponse({"detail": message, "code": code}, status_code=status, headers=SECURITY_HEADERS)


def static_files() -> dict[str, tuple[bytes, str]]:
    folder = resources.files("p4_desk.central.public") / "static"
    files = {}
    for entry in folder.iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and suffix in STATIC_TYPES:
            files[entry.name] = (entry.read_bytes(), STATIC_TYPES[suffix])
    return files
