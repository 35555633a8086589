"""The checks of the central API: reachable, the site token accepted, the clock in step."""

from __future__ import annotations

from datetime import UTC, datetime

from p4_desk.config import Settings
from p4_desk.services.selftest.model import (
    DEFAULT_KEYRING_SERVICE,
    HTTP_TIMEOUT_SECONDS,
    MAX_CLOCK_DRIFT_SECONDS,
    TOKEN_CHECK_PATH,
    CheckResult,
)

# --- central API ----------------------------------------------------------------------------


def check_central(
    settings: Settings, sync_url: str, site_code: str | None, keyring_service: str
) -> list[CheckResult]:
    api, token_title, drift_title = (
        "Server pusat (API provinsi)",
        "Token situs di server pusat",
        "Selisih jam",
    )
    if not sync_url:
        return [
            CheckResult(
                "central_api", api, False, True, "sinkronisasi belum diatur (sync.url kosong)", skipped=True
            )
        ]
    import requests

    verify: bool | str = str(settings.get("sync.ca_bundle") or "") or True
    token = _site_token(keyring_service, sync_url, site_code)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    session = requests.Session()
    session.headers.update(headers)
    results: list[CheckResult] = []
    try:
        sent = datetime.now(UTC)
        health = session.get(f"{sync_url}/api/v1/health", timeout=HTTP_TIMEOUT_SECONDS, verify=verify)
        clock = session.get(f"{sync_url}/api/v1/time", timeout=HTTP_TIMEOUT_SECONDS, verify=verify)
        received = datetime.now(UTC)
    except requests.RequestException as exc:
        reason = type(exc).__name__
        return [CheckResult("central_api", api, False, False, f"{sync_url} tidak dapat dihubungi ({reason})")]
    reachable = health.ok and clock.ok
    results.append(
        CheckResult(
            "central_api",
            api,
            False,
            reachable,
            f"{sync_url} menjawab"
            if reachable
            else f"{sync_url} menjawab dengan status {health.status_code}",
        )
    )
    if not reachable:
        return results

    if not site_code:
        results.append(CheckResult("central_token", token_title, True, False, "situs belum disiapkan"))
    elif not token:
        results.append(
            CheckResult(
                "central_token",
                token_title,
                True,
                False,
                "token situs tidak ada di keyring; daftarkan situs (enrol)",
            )
        )
    else:
        try:
            answer = session.get(
                sync_url + TOKEN_CHECK_PATH.format(site=site_code),
                timeout=HTTP_TIMEOUT_SECONDS,
                verify=verify,
            )
            valid = answer.status_code not in (401, 403)
            detail = "diterima" if valid else "ditolak server pusat; daftarkan ulang situs (enrol)"
        except requests.RequestException as exc:
            valid, detail = False, f"tidak dapat diperiksa ({type(exc).__name__})"
        results.append(CheckResult("central_token", token_title, True, valid, detail))

    try:
        server_now = datetime.fromisoformat(str(clock.json()["now"]).replace("Z", "+00:00"))
    except (ValueError, KeyError, TypeError):
        results.append(
            CheckResult("clock_drift", drift_title, True, False, "jawaban /api/v1/time tidak dikenali")
        )
        return results
    midpoint = sent + (received - sent) / 2
    drift = (midpoint - server_now).total_seconds()
    ok = abs(drift) <= MAX_CLOCK_DRIFT_SECONDS
    direction = "lebih cepat" if drift > 0 else "lebih lambat"
    detail = f"jam komputer ini {abs(drift):.0f} detik {direction} dari server pusat"
    if not ok:
        detail += f" (batas {MAX_CLOCK_DRIFT_SECONDS} detik): setel jam Windows/NTP"
    results.append(CheckResult("clock_drift", drift_title, True, ok, detail))
    return results


def _site_token(keyring_service: str, sync_url: str, site_code: str | None) -> str | None:
    if not site_code:
        return None
    try:
        if keyring_service == DEFAULT_KEYRING_SERVICE:
            try:
                from p4_desk.sync.credentials import KeyringStore
            except ImportError:
                pass
            else:
                return KeyringStore().get_token(sync_url, site_code)
        import keyring

        return keyring.get_password(keyring_service, f"{site_code}@{sync_url.rstrip('/')}")
    except Exception:  # noqa: BLE001 - a locked or missing keyring means "no token"
        return None
