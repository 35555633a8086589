"""Message gateways: one interface, two formats, configured per province by the server's env.

``P4_NOTIFY_GATEWAY``: ``whatsapp`` (WhatsApp Business Cloud API: a template message POSTed to
``P4_NOTIFY_URL``, i.e. ``https://graph.facebook.com/<version>/<phone-number-id>/messages``,
with ``P4_NOTIFY_TOKEN``; templates ``P4_NOTIFY_WA_TEMPLATE_NEAR`` / ``_CALLED``, language
``id``), ``sms`` (a generic HTTP SMS gateway: JSON ``{"to", "text", "sender", "reference"}``
POSTed to ``P4_NOTIFY_URL`` with ``Authorization: Bearer P4_NOTIFY_TOKEN`` and an
``Idempotency-Key`` header; ``P4_NOTIFY_SENDER`` names the sender), or unset / ``none``: the
pages offer no reminders. Plain ``http://`` only to this computer (tests).

A send ends in one of four outcomes: ``sent``; ``retry`` (nothing was delivered: connection
refused, 408, 429, 5xx); ``failed`` (refused for good: another 4xx); ``unknown`` (the request
may have arrived: a read timeout or a connection cut after sending). ``unknown`` is retried only
by a gateway that deduplicates by the idempotency key (``idempotent``); otherwise it is given up,
so that a citizen never gets the same message twice.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

import requests

from p4_desk.central.notify.messages import template_parameters, text_of
from p4_desk.errors import ConfigError

log = logging.getLogger(__name__)

TIMEOUT = (5.0, 10.0)
MAX_RETRY_AFTER_S = 3600.0
Outcome = Literal["sent", "retry", "failed", "unknown"]


@dataclass(frozen=True)
class Message:
    phone: str  # E.164, "+6281234567890"
    event: str  # near | called
    details: dict[str, Any]
    key: str  # idempotency key of the delivery: "site:ticket:event"

    @property
    def text(self) -> str:
        return text_of(self.event, self.details)


@dataclass(frozen=True)
class Delivery:
    outcome: Outcome
    reason: str = ""
    retry_after: float | None = None


class Gateway(Protocol):
    name: str
    #: True when the gateway drops a repeated idempotency key (a resend after doubt is safe)
    idempotent: bool

    def send(self, message: Message) -> Delivery: ...


class _HttpGateway:
    name = "http"
    idempotent = False

    def __init__(self, url: str, token: str | None) -> None:
        self.url = check_url(url)
        self._token = token
        self._http = requests.Session()
        self._http.trust_env = False  # no proxy from the environment sees the token

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self.url!r})"

    def send(self, message: Message) -> Delivery:
        headers = {"Content-Type": "application/json", **self._headers(message)}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        body = json.dumps(self._body(message), ensure_ascii=False).encode()
        try:
            response = self._http.post(self.url, data=body, headers=headers, timeout=TIMEOUT)
        except requests.ConnectTimeout:
            return Delivery("retry", "gateway tidak dapat dihubungi (batas waktu koneksi)")
        except requests.ConnectionError as exc:
            if _never_connected(exc):
                return Delivery("retry", "gateway tidak dapat dihubungi (koneksi ditolak)")
            return Delivery("unknown", "koneksi ke gateway terputus setelah pesan dikirim")
        except requests.Timeout:
            return Delivery("unknown", "gateway tidak menjawab tepat waktu")
        except requests.RequestException as exc:
            return Delivery("unknown", f"galat HTTP ({type(exc).__name__})")
        status = response.status_code
        if 200 <= status < 300:
            return Delivery("sent")
        reason = f"gateway menjawab HTTP {status}: {_detail(response)}"[:500]
        if status in (408, 429) or status >= 500:
            return Delivery("retry", reason, _retry_after(response))
        return Delivery("failed", reason)

    def _headers(self, message: Message) -> dict[str, str]:
        return {}

    def _body(self, message: Message) -> dict[str, Any]:
        raise NotImplementedError


class WhatsAppCloud(_HttpGateway):
    """WhatsApp Business Cloud API: an approved template message (a business-initiated chat)."""

    name = "whatsapp"
    idempotent = False  # the Cloud API has no idempotency key

    def __init__(
        self, url: str, token: str | None, *, template_near: str, template_called: str, language: str = "id"
    ) -> None:
        super().__init__(url, token)
        self.templates = {"near": template_near, "called": template_called}
        self.language = language

    def _body(self, message: Message) -> dict[str, Any]:
        parameters = [
            {"type": "text", "text": value} for value in template_parameters(message.event, message.details)
        ]
        return {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": message.phone.lstrip("+"),
            "type": "template",
            "template": {
                "name": self.templates[message.event],
                "language": {"code": self.language},
                "components": [{"type": "body", "parameters": parameters}],
            },
            "biz_opaque_callback_data": message.key,
        }


class HttpSms(_HttpGateway):
    """A generic HTTP SMS gateway that deduplicates by ``Idempotency-Key``."""

    name = "sms"
    idempotent = True

    def __init__(self, url: str, token: str | None, *, sender: str = "") -> None:
        super().__init__(url, token)
        self.sender = sender

    def _headers(self, message: Message) -> dict[str, str]:
        return {"Idempotency-Key": message.key}

    def _body(self, message: Message) -> dict[str, Any]:
        return {"to": message.phone, "text": message.text, "sender": self.sender, "reference": message.key}


def gateway_from_env(env: dict[str, str] | None = None) -> Gateway | None:
    """The province's gateway as the server's environment configures it; None: no reminders."""
    env = dict(os.environ if env is None else env)
    kind = env.get("P4_NOTIFY_GATEWAY", "").strip().lower()
    if kind in ("", "none"):
        return None
    url = env.get("P4_NOTIFY_URL", "")
    token = env.get("P4_NOTIFY_TOKEN") or None
    if kind == "whatsapp":
        return WhatsAppCloud(
            url,
            token,
            template_near=env.get("P4_NOTIFY_WA_TEMPLATE_NEAR", "p4_giliran_dekat"),
            template_called=env.get("P4_NOTIFY_WA_TEMPLATE_CALLED", "p4_dipanggil"),
        )
    if kind == "sms":
        return HttpSms(url, token, sender=env.get("P4_NOTIFY_SENDER", ""))
    raise ConfigError(f"P4_NOTIFY_GATEWAY '{kind}' tidak dikenal (whatsapp, sms atau none).")


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ConfigError(f"Alamat gateway pesan tidak sah: {url!r} (P4_NOTIFY_URL).")
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise ConfigError("Gateway pesan harus memakai HTTPS (token dan nomor telepon dikirim).")
    return url.strip()


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _never_connected(exc: requests.ConnectionError) -> bool:
    """Refused or unresolvable: the request never left this server."""
    text = repr(exc)
    return any(mark in text for mark in ("NewConnectionError", "NameResolutionError", "Connection refused"))


def _detail(response: requests.Response) -> str:
    try:
        answer = response.json()
    except ValueError:
        return response.reason or "-"
    if isinstance(answer, dict):
        error = answer.get("error")
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])
        if answer.get("detail") or answer.get("message"):
            return str(answer.get("detail") or answer.get("message"))
    return response.reason or "-"


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)
