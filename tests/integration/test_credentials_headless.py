"""Sync enrolment on a Linux machine without a desktop keyring: the encrypted credential file.

Real parts: keyring's own backend selection in child processes with no D-Bus session (what a
headless box has), keyrings.cryptfile writing a real file, the real central API on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from p4_desk.config import Settings
from p4_desk.sync.credentials import (
    CREDENTIAL_FILE,
    KEY_CREDENTIAL,
    KEY_ENV,
    CredentialStoreUnavailable,
    KeyringStore,
)
from tests.integration.central_server import REPO_ROOT, CentralServer
from tests.support.cli import add_cli_admin, login_env
from tests.support.sites import DEFAULT_START, Clock, make_site

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux headless store")

SITE = "MPP-TEST"  # the site make_site sets up


@pytest.fixture
def headless_env(tmp_path: Path) -> dict[str, str]:
    """A child process environment like a headless Linux box: no keyring chosen, no D-Bus session."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON_KEYRING_BACKEND", KEY_ENV)}
    env.pop("CREDENTIALS_DIRECTORY", None)
    home = tmp_path / "home"
    home.mkdir()
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}",
        PYTHONPATH=str(REPO_ROOT),
    )
    return login_env(base=env)  # site IT logged in as the admin, as automation does


def desk(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "p4_desk", *args],
        env=env,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,  # nobody at the keyboard: a password prompt would fail the test
        capture_output=True,
        text=True,
        timeout=300,
    )


def new_key() -> str:
    return secrets.token_urlsafe(32)


def test_without_a_keyring_or_key_enrolment_stops_and_says_how(
    central: CentralServer, sqlite_url: str, headless_env: dict[str, str]
) -> None:
    # Given keyring's own automatic choice on this box: only file backends that plugins add,
    # one of them a plaintext file
    chain = subprocess.run(
        [sys.executable, "-c", "import keyring; print(repr(keyring.get_keyring().backends))"],
        env=headless_env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert "PlaintextKeyring" in chain.stdout, chain.stdout + chain.stderr
    db = make_site(sqlite_url, Clock(DEFAULT_START))
    add_cli_admin(db)
    db.dispose()
    code = central.add_site(SITE, "MPP Tanpa Desktop")

    # When site IT enrols without giving a key
    refused = desk(headless_env, "sync", "enroll", "--url", central.url, "--site", SITE,
                   "--code", code, "--db", sqlite_url)  # fmt: skip

    # Then it stops with an Indonesian message naming both ways through, and writes no file
    assert refused.returncode == 1
    assert "Tidak ada keyring sistem" in refused.stderr
    assert KEY_ENV in refused.stderr and "LoadCredentialEncrypted" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (Path(headless_env["HOME"]) / ".local" / "share" / "python_keyring").exists()
    assert not (Path(os.environ["P4_DESK_DATA_DIR"]) / CREDENTIAL_FILE).exists()
    # and the one-time code was not spent: with a key the same code works
    headless_env[KEY_ENV] = new_key()
    again = desk(headless_env, "sync", "enroll", "--url", central.url, "--site", SITE,
                 "--code", code, "--db", sqlite_url)  # fmt: skip
    assert again.returncode == 0, again.stderr


def test_with_a_key_the_token_is_kept_encrypted_and_used(
    central: CentralServer, sqlite_url: str, headless_env: dict[str, str]
) -> None:
    db = make_site(sqlite_url, Clock(DEFAULT_START))
    add_cli_admin(db)
    db.dispose()
    code = central.add_site(SITE, "MPP Tanpa Desktop")
    headless_env[KEY_ENV] = new_key()

    enrolled = desk(headless_env, "sync", "enroll", "--url", central.url, "--site", SITE,
                    "--code", code, "--db", sqlite_url)  # fmt: skip
    assert enrolled.returncode == 0, enrolled.stderr

    # the file is the owner's only and holds no token in clear text
    stored = Path(os.environ["P4_DESK_DATA_DIR"]) / CREDENTIAL_FILE
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    os.environ[KEY_ENV] = headless_env[KEY_ENV]
    try:
        token = KeyringStore().get_token(central.url, SITE)
    finally:
        del os.environ[KEY_ENV]
    assert token and len(token) >= 20
    assert token.encode() not in stored.read_bytes()
    assert token not in enrolled.stdout + enrolled.stderr

    # another process reads it back: the self-test's token check is accepted by the server
    report = desk(headless_env, "selftest", "--json", "--no-qt", "--db", sqlite_url)
    checks = {c["name"]: c for c in json.loads(report.stdout)["checks"]}
    assert checks["keyring"]["ok"] and "berkas kredensial terenkripsi" in checks["keyring"]["detail"]
    assert checks["keyring"]["required"]  # sync.url is set now
    assert checks["central_token"]["ok"], checks["central_token"]
    # and the agent sends with it
    sent = desk(headless_env, "sync", "run", "--once", "--db", sqlite_url)
    assert sent.returncode == 0, sent.stderr


def test_a_wrong_key_is_named_and_the_systemd_credential_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import null

    keyring.set_keyring(null.Keyring())  # no OS keyring in this process
    key = new_key()
    monkeypatch.setenv(KEY_ENV, key)
    KeyringStore().set_token("https://pusat.example", SITE, "token-rahasia-situs-123")

    # a wrong key: a clear message, nothing read
    monkeypatch.setenv(KEY_ENV, new_key())
    with pytest.raises(CredentialStoreUnavailable) as wrong:
        KeyringStore().get_token("https://pusat.example", SITE)
    assert "tidak cocok" in wrong.value.message and CREDENTIAL_FILE in wrong.value.message

    # the service manager's credential wins over the environment variable
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / KEY_CREDENTIAL).write_text(key + "\n", encoding="utf-8")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    store = KeyringStore()
    assert store.get_token("https://pusat.example", SITE) == "token-rahasia-situs-123"
    assert f"systemd credential {KEY_CREDENTIAL}" in store.description

    # forgetting works
    store.delete_token("https://pusat.example", SITE)
    assert KeyringStore().get_token("https://pusat.example", SITE) is None


def test_a_short_key_is_refused(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> None:
    import keyring
    from keyring.backends import null

    keyring.set_keyring(null.Keyring())
    monkeypatch.setenv(KEY_ENV, "rahasia")
    with pytest.raises(CredentialStoreUnavailable) as short:
        KeyringStore().require_usable()
    assert "terlalu pendek" in short.value.message and "token_urlsafe" in short.value.message
    assert not (Path(os.environ["P4_DESK_DATA_DIR"]) / CREDENTIAL_FILE).exists()
    assert Settings.load().get("sync.url") in (None, "")
