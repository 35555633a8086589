"""HTTP client of the central provincial API (docs/DEVELOPING.md, "Central API").

Every failure is classified for the agent:
- ``TransientError``: worth retrying later — connection refused or reset, timeouts, 5xx, 408,
  429, and answers that are cut short or not the JSON the contract promises;
- ``TokenRejected``: 401/403 — the token is wrong, revoked, or not for this site;
- ``PermanentError``: any other 4xx — sending the same request again cannot succeed.

TLS certificates are always verified (the system store, or ``ca_bundle`` when set). The bearer
token is only ever put in the ``Authorization`` header; it is not logged, not in ``repr``, and
not in any error message.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from p4_desk.errors import ConfigError, P4Error

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 30.0
MAX_RETRY_AFTER_S = 3600.0
API = "/api/v1"


class TransientError(Exception):
    """The central API could not be reached or answered unusably; retry later."""

    def __init__(self, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class PermanentError(Exception):
    """The central API refused this request for good (4xx other than 401/403/408/429)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"HTTP {status}: {reason}")
        self.status = status
        self.reason = reason


class TokenRejected(P4Error):
    """401/403: the site token is wrong, revoked, or belongs to another site."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(
            f"Server pusat menolak token akses situs ini (HTTP {status}: {detail}). "
            "Peristiwa tetap disimpan dan akan dikirim setelah perangkat didaftarkan ulang "
            "(p4-desk sync enroll).",
            code="sync_token_rejected",
        )
        self.status = status


@dataclass(frozen=True)
class BatchAnswer:
    accepted: tuple[str, ...]
    duplicate: tuple[str, ...]
    rejected: tuple[tuple[str, str], ...]  # (event id, reason)


@dataclass(frozen=True)
class CatalogAnswer:
    etag: str | None
    document: dict[str, Any] | None  # None: not modified (304)


@dataclass(frozen=True)
class ApplicationUpdate:
    id: int
    registration_number: str
    state: str
    note: str | None
    changed_at: datetime


def check_url(url: str) -> str:
    """The base URL without trailing slash; plain HTTP only to this computer (tests, tunnels)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ConfigError(f"Alamat server pusat tidak sah: {url!r}. Contoh: https://sync.lampungprov.go.id")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise ConfigError(
            "Server pusat harus memakai HTTPS (token akses tidak boleh dikirim tanpa enkripsi). "
            f"Alamat {url!r} memakai HTTP biasa."
        )
    return url.strip().rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class CentralClient:
    """One site's view of the central API."""

    def __init__(
        self,
        url: str,
        site: str,
        token: str | None,
        *,
        ca_bundle: str | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
    ) -> None:
        self.url = check_url(url)
        self.site = site
        self._token = token
        self.timeout = timeout
        self._http = requests.Session()
        self._http.trust_env = False  # a proxy from the environment must not see the token
        if ca_bundle:
            if not Path(ca_bundle).is_file():
                raise ConfigError(
                    f"Berkas CA bundle {ca_bundle} tidak ditemukan (pengaturan sync.ca_bundle)."
                )
            self._http.verify = ca_bundle
        else:
            self._http.verify = True

    def __repr__(self) -> str:
        return f"CentralClient(url={self.url!r}, site={self.site!r})"

    def close(self) -> None:
        self._http.close()

    # --- calls -------------------------------------------------------------------------

    def enrol(self, enrolment_code: str) -> str:
        """Trade the one-time enrolment code for the site's token (not stored here)."""
        body = {"site": self.site, "enrolment_code": enrolment_code}
        try:
            answer = self._request("POST", f"{API}/enrol", json_body=body, auth=False)
        except (TokenRejected, PermanentError) as exc:
            raise P4Error(
                "Kode pendaftaran ditolak server pusat (salah, sudah dipakai, atau situs "
                f"{self.site} tidak dikenal). Minta kode baru ke admin provinsi.",
                code="sync_enrol_refused",
            ) from exc
        except TransientError as exc:
            raise P4Error(
                f"Server pusat {self.url} tidak dapat dihubungi: {exc.reason}", code="sync_offline"
            ) from exc
        token = answer.get("token") if isinstance(answer, dict) else None
        if not isinstance(token, str) or not token:
            raise P4Error("Jawaban pendaftaran dari server pusat tidak sah.", code="sync_enrol_refused")
        return token

    def post_events(self, events: list[dict[str, Any]]) -> BatchAnswer:
        answer = self._request("POST", f"{API}/sites/{self.site}/events", json_body={"events": events})
        try:
            accepted = _ids(answer["accepted"])
            duplicate = _ids(answer["duplicate"])
            rejected = tuple(
                (str(r["id"]), str(r.get("reason") or r.get("code") or "ditolak"))
                for r in answer["rejected"]
                if isinstance(r, dict) and isinstance(r.get("id"), str)
            )
        except (KeyError, TypeError) as exc:
            raise TransientError("jawaban server pusat tidak lengkap") from exc
        return BatchAnswer(accepted, duplicate, rejected)

    def get_catalog(self, etag: str | None) -> CatalogAnswer:
        headers = {"If-None-Match": etag} if etag else {}
        response = self._send("GET", f"{API}/catalog", headers=headers)
        if response.status_code == 304:
            return CatalogAnswer(etag=response.headers.get("ETag") or etag, document=None)
        document = _json_of(response)
        if not isinstance(document, dict) or not isinstance(document.get("permit_types"), list):
            raise TransientError("katalog dari server pusat tidak sah")
        return CatalogAnswer(etag=response.headers.get("ETag"), document=document)

    def get_application_updates(self, cursor: int) -> tuple[list[ApplicationUpdate], int]:
        # schema_version 2: permit states as English identifiers (since desk migration 0006)
        path = f"{API}/sites/{self.site}/application-updates?cursor={cursor}&schema_version=2"
        answer = self._request("GET", path)
        try:
            updates = [
                ApplicationUpdate(
                    id=int(u["id"]),
                    registration_number=str(u["registration_number"]),
                    state=str(u["state"]),
                    note=None if u.get("note") is None else str(u["note"]),
                    changed_at=_aware(datetime.fromisoformat(str(u["changed_at"]))),
                )
                for u in answer["updates"]
            ]
            next_cursor = int(answer["cursor"])
        except (KeyError, TypeError, ValueError) as exc:
            raise TransientError("pembaruan status permohonan dari server pusat tidak sah") from exc
        return updates, next_cursor

    def get_web_complaints(self, cursor: int) -> tuple[list[dict[str, Any]], int]:
        """Complaints citizens filed for this site on the central server's web form."""
        answer = self._request("GET", f"{API}/sites/{self.site}/web-complaints?cursor={cursor}")
        try:
            complaints = [dict(c) for c in answer["complaints"] if isinstance(c, dict)]
            for complaint in complaints:
                int(complaint["id"]), str(complaint["code"])
            next_cursor = int(answer["cursor"])
        except (KeyError, TypeError, ValueError) as exc:
            raise TransientError("pengaduan web dari server pusat tidak sah") from exc
        return complaints, next_cursor

    def get_bookings(self, cursor: int) -> tuple[list[dict[str, Any]], int]:
        """Bookings made or cancelled for this site on the central server (its booking feed)."""
        answer = self._request("GET", f"{API}/sites/{self.site}/bookings?cursor={cursor}")
        try:
            bookings = [dict(b) for b in answer["bookings"] if isinstance(b, dict)]
            next_cursor = int(answer["cursor"])
        except (KeyError, TypeError, ValueError) as exc:
            raise TransientError("janji temu dari server pusat tidak sah") from exc
        return bookings, next_cursor

    def hold_booking(self, code: str, service: str, slot_start: datetime) -> bool:
        """Hold a seat at the central server for a phone booking the hall is taking; False when
        the service takes no web bookings there. 409 (the slot is full): ``PermanentError``."""
        body = {"code": code, "service": service, "slot_start": slot_start.isoformat()}
        answer = self._request("POST", f"{API}/sites/{self.site}/bookings/holds", json_body=body)
        return bool(answer.get("held")) if isinstance(answer, dict) else False

    def release_booking(self, code: str) -> None:
        """Give back a seat held for a phone booking the hall did not keep."""
        self._send("DELETE", f"{API}/sites/{self.site}/bookings/holds/{code}")

    def post_reminder(self, ticket_uid: str, phone: str) -> str:
        """Hand a phone given at the kiosk to the central server; returns its last four digits.

        404: the ticket's events have not arrived yet; 409: no message gateway in this province;
        422: the ticket is over or the number is no mobile (``PermanentError`` for each)."""
        body = {"ticket_uid": ticket_uid, "phone": phone}
        answer = self._request("POST", f"{API}/sites/{self.site}/reminders", json_body=body)
        try:
            return str(answer["phone_end"])
        except (KeyError, TypeError) as exc:
            raise TransientError("jawaban pengingat dari server pusat tidak sah") from exc

    def health(self) -> bool:
        try:
            self._request("GET", f"{API}/health", auth=False)
        except (TransientError, PermanentError, TokenRejected):
            return False
        return True

    # --- plumbing ----------------------------------------------------------------------

    def _request(self, method: str, path: str, *, json_body: Any = None, auth: bool = True) -> Any:
        return _json_of(self._send(method, path, json_body=json_body, auth=auth))

    def _send(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
    ) -> requests.Response:
        all_headers = dict(headers or {})
        if auth:
            if not self._token:
                raise TokenRejected(401, "perangkat ini belum terdaftar")
            all_headers["Authorization"] = f"Bearer {self._token}"
        data = None
        if json_body is not None:
            data = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            all_headers["Content-Type"] = "application/json"
        try:
            response = self._http.request(
                method, self.url + path, data=data, headers=all_headers, timeout=self.timeout
            )
            response.content  # noqa: B018 - read the whole body now: a cut-off body is transient
        except requests.exceptions.SSLError as exc:
            raise TransientError(
                f"sertifikat TLS server pusat tidak dapat diverifikasi ({type(exc).__name__})"
            ) from None
        except requests.Timeout:
            raise TransientError("server pusat tidak menjawab tepat waktu") from None
        except requests.ConnectionError as exc:
            raise TransientError(f"tidak dapat terhubung ke server pusat ({_cause(exc)})") from None
        except requests.RequestException as exc:
            raise TransientError(f"jawaban server pusat terputus ({type(exc).__name__})") from None
        log.debug("%s %s -> %d", method, path.split("?")[0], response.status_code)
        status = response.status_code
        if status in (401, 403):
            raise TokenRejected(status, _detail(response))
        if status in (408, 429) or status >= 500:
            raise TransientError(f"server pusat menjawab HTTP {status}", retry_after=_retry_after(response))
        if 400 <= status < 500:
            raise PermanentError(status, _detail(response))
        return response


def _ids(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise TypeError("not a list")
    return tuple(v for v in values if isinstance(v, str))


def _json_of(response: requests.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        raise TransientError("jawaban server pusat terpotong atau bukan JSON") from None


def _detail(response: requests.Response) -> str:
    try:
        detail = json.loads(response.content).get("detail")
    except (ValueError, AttributeError):
        detail = None
    return str(detail) if detail else response.reason or "ditolak"


def _retry_after(response: requests.Response) -> float | None:
    """Retry-After in seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = (_aware(moment) - datetime.now(UTC)).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _cause(exc: BaseException) -> str:
    text = str(exc).lower()
    if "refused" in text:
        return "koneksi ditolak"
    if "reset" in text or "aborted" in text or "remote end closed" in text:
        return "koneksi terputus"
    if "name or service" in text or "getaddrinfo" in text or "resolve" in text:
        return "nama server tidak dikenal"
    return type(exc).__name__
