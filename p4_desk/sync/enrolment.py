"""Enrolling this desk with the central API, and opening a client from what enrolment kept.

Enrolment trades the one-time code for the site token and keeps it in the keyring only; the
workstation settings get the URL (``sync.url``), the site database the site code. The keyring
is checked *before* the code is spent, so an unusable keyring never burns a one-time code.
"""

from __future__ import annotations

from p4_desk.config import Settings
from p4_desk.errors import ConfigError, ValidationError
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.sync.client import CentralClient, check_url
from p4_desk.sync.credentials import CredentialStore, KeyringStore
from p4_desk.sync.state import state_row


def enrol(
    db: Database,
    settings: Settings,
    url: str,
    site: str,
    enrolment_code: str,
    *,
    store: CredentialStore | None = None,
    actor: Actor = SYSTEM,
) -> None:
    store = store or KeyringStore()
    url = check_url(url)
    site = site.strip().upper()
    if not site:
        raise ValidationError("Kode situs wajib diisi.", field="site")
    store.require_usable()  # before the one-time code is spent
    client = CentralClient(url, site, None, ca_bundle=settings.get("sync.ca_bundle") or None)
    try:
        token = client.enrol(enrolment_code.strip())
    finally:
        client.close()
    store.set_token(url, site, token)
    settings.set("sync.url", url)
    settings.save()
    with db.write() as s:
        state = state_row(s)
        state.site_code = site
        state.central_url = url
        state.online = True
        state.last_error = None
        record(s, db, actor, "sync.enrol", "sync", site, details={"url": url})


def open_client(db: Database, settings: Settings, *, store: CredentialStore | None = None) -> CentralClient:
    """A client for the enrolled site; ``ConfigError`` when this desk was never enrolled."""
    store = store or KeyringStore()
    url = settings.get("sync.url")
    with db.read() as s:
        state = state_row(s)
        site = state.site_code
        url = url or state.central_url
    if not url or not site:
        raise ConfigError(
            "Perangkat ini belum didaftarkan ke server pusat. Jalankan: "
            "p4-desk sync enroll --url URL --site KODE --code KODE_PENDAFTARAN"
        )
    token = store.get_token(url, site)
    if not token:
        raise ConfigError(
            f"Token akses situs {site} untuk {url} tidak ada di keyring perangkat ini. "
            "Daftarkan ulang: p4-desk sync enroll --url URL --site KODE --code KODE_PENDAFTARAN"
        )
    return CentralClient(url, site, token, ca_bundle=settings.get("sync.ca_bundle") or None)
