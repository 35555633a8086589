"""A fault-injecting HTTP proxy on 127.0.0.1, between the desk and the central API.

Real sockets, one request per client connection (``Connection: close`` both ways), and a
script of faults applied to the next matching requests::

    with FaultProxy(central.port) as proxy:
        proxy.script("drop_request", "http_500", "truncate", path="/events")
        agent = SyncAgent(db, CentralClient(proxy.url, ...), CentralInbox(db))

Faults: ``pass``; ``drop_request`` (close before forwarding: the server never sees it);
``drop_response`` (forward, let the server answer, close without relaying: the server stored
the batch but the desk does not know); ``truncate`` (relay half of the answer, then close);
``http_500``; ``http_503`` / ``http_429`` (with ``Retry-After: 0``); ``garbage`` (200 with an
HTML body); ``delay`` (pause ``delay_s`` then pass); ``kill`` (forward the request, call
``on_kill`` — e.g. SIGKILL the server — while it is being handled, then close).
With ``tls=(cert, key)`` the proxy terminates HTTPS, to test certificate verification.
Every loop is bounded by socket timeouts and size limits.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import ssl
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

IO_TIMEOUT_S = 30.0
MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 32 * 1024 * 1024
FAULTS = frozenset(
    {
        "pass",
        "drop_request",
        "drop_response",
        "truncate",
        "http_500",
        "http_503",
        "http_429",
        "garbage",
        "delay",
        "kill",
    }
)


@dataclass(frozen=True)
class Fault:
    kind: str
    path: str  # applied only to requests whose path contains this ("" = any)


class FaultProxy:
    def __init__(
        self, upstream_port: int, *, delay_s: float = 0.5, tls: tuple[Path, Path] | None = None
    ) -> None:
        """``tls=(certfile, keyfile)``: the desk side speaks HTTPS (the proxy terminates TLS)."""
        self.upstream = ("127.0.0.1", upstream_port)
        self.delay_s = delay_s
        self._tls: ssl.SSLContext | None = None
        if tls is not None:
            self._tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            self._tls.load_cert_chain(*tls)
        self.on_kill: Callable[[], None] | None = None
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self.applied: list[tuple[str, str]] = []  # (fault, request line), in order
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._handle(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = int(self._server.server_address[1])
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()

    def script(self, *kinds: str, path: str = "") -> None:
        """Apply these faults, in order, to the next requests whose path contains ``path``."""
        unknown = set(kinds) - FAULTS
        assert not unknown, f"unknown faults: {unknown}"
        with self._lock:
            self._faults.extend(Fault(k, path) for k in kinds)

    @property
    def remaining(self) -> int:
        with self._lock:
            return len(self._faults)

    # --- one connection --------------------------------------------------------------

    def _next_fault(self, request_line: str) -> str:
        with self._lock:
            for fault in self._faults:
                if fault.path in request_line:
                    self._faults.remove(fault)
                    self.applied.append((fault.kind, request_line))
                    return fault.kind
        return "pass"

    def _handle(self, client: socket.socket) -> None:
        client.settimeout(IO_TIMEOUT_S)
        try:
            if self._tls is not None:
                client = self._tls.wrap_socket(client, server_side=True)
            request = _read_request(client)
            if request is None:
                return
            request_line = request.split(b"\r\n", 1)[0].decode("latin-1")
            fault = self._next_fault(request_line)
            if fault == "drop_request":
                return
            if fault in ("http_500", "http_503", "http_429", "garbage"):
                client.sendall(_canned(fault))
                return
            if fault == "delay":
                time.sleep(self.delay_s)
            if fault == "kill":
                self._forward_then_kill(request)
                return
            response = _forward(self.upstream, request)
            if fault == "drop_response":
                return
            if fault == "truncate":
                client.sendall(response[: max(1, len(response) // 2)])
                return
            client.sendall(response)
        except OSError:
            pass  # a test's server kill or client give-up: the connection just ends
        finally:
            _close(client)

    def _forward_then_kill(self, request: bytes) -> None:
        upstream = socket.create_connection(self.upstream, timeout=IO_TIMEOUT_S)
        try:
            upstream.sendall(_with_connection_close(request))
            if self.on_kill is not None:
                self.on_kill()
        finally:
            _close(upstream)


def _read_request(sock: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
        if len(data) > MAX_HEADER_BYTES and b"\r\n\r\n" not in data:
            return None
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if length > MAX_BODY_BYTES:
        return None
    while len(body) < length:
        chunk = sock.recv(min(1 << 20, length - len(body)))
        if not chunk:
            return None
        body += chunk
    return head + b"\r\n\r\n" + body


def _with_connection_close(request: bytes) -> bytes:
    head, _, body = request.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def _forward(upstream: tuple[str, int], request: bytes) -> bytes:
    sock = socket.create_connection(upstream, timeout=IO_TIMEOUT_S)
    try:
        sock.sendall(_with_connection_close(request))
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_BODY_BYTES:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)
    finally:
        _close(sock)


def _canned(fault: str) -> bytes:
    json_type, retry = b"application/json", b"Retry-After: 0\r\n"
    status, extra, body, kind = {
        "http_500": ("500 Internal Server Error", b"", b'{"detail":"boom"}', json_type),
        "http_503": ("503 Service Unavailable", retry, b'{"detail":"busy"}', json_type),
        "http_429": ("429 Too Many Requests", retry, b'{"detail":"slow down"}', json_type),
        "garbage": ("200 OK", b"", b"<html><body>Captive portal</body></html>", b"text/html"),
    }[fault]
    return (
        f"HTTP/1.1 {status}\r\n".encode()
        + b"Content-Type: "
        + kind
        + b"\r\n"
        + extra
        + f"Content-Length: {len(body)}\r\n".encode()
        + b"Connection: close\r\n\r\n"
        + body
    )


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
