"""Login hardening (issue 14, finding 5): locks that grow, accounts that reveal nothing."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from p4_desk.errors import AccountLocked, AuthError
from p4_desk.services import users
from p4_desk.services.admin import audit_entries
from tests.support.sites import Clock, make_site


def fail(db, times: int, name: str = "petugas1") -> list[str]:  # type: ignore[no-untyped-def]
    messages = []
    for _ in range(times):
        with pytest.raises(AuthError) as refused:
            users.authenticate(db, name, "tebakan-salah")
        messages.append(refused.value.message)
    return messages


def test_each_lock_in_a_row_lasts_twice_as_long(sqlite_url: str, clock: Clock) -> None:
    db = make_site(sqlite_url, clock)
    first = fail(db, 5)
    assert first[:4] == ["Nama pengguna atau kata sandi salah."] * 4
    assert first[4] == "Terlalu banyak percobaan gagal. Akun dikunci 15 menit."
    # locked: even the right password is refused, and says so
    with pytest.raises(AccountLocked, match="Coba lagi dalam 15 menit"):
        users.authenticate(db, "petugas1", "rahasia123")
    for expected in ("30 menit", "1 jam", "2 jam", "4 jam", "8 jam", "16 jam", "24 jam", "24 jam"):
        clock.advance(hours=25)
        assert fail(db, 5)[4] == f"Terlalu banyak percobaan gagal. Akun dikunci {expected}."
    # about 5 guesses a day now, not 480
    clock.advance(minutes=23 * 60)
    with pytest.raises(AccountLocked):
        users.authenticate(db, "petugas1", "rahasia123")
    clock.advance(hours=2)
    assert users.authenticate(db, "petugas1", "rahasia123").username == "petugas1"
    # a successful login starts the count afresh
    assert fail(db, 5)[4].endswith("Akun dikunci 15 menit.")
    locks = [e for e in audit_entries(db, entity="user", limit=1000) if e.details and e.details.get("locked")]
    assert len(locks) == 10


def test_an_admin_unlock_also_resets_the_escalation(sqlite_url: str, clock: Clock) -> None:
    db = make_site(sqlite_url, clock)
    fail(db, 5)
    clock.advance(minutes=16)
    assert fail(db, 5)[4].endswith("30 menit.")
    users.unlock(db, "petugas1")
    assert fail(db, 5)[4].endswith("15 menit.")


def test_a_disabled_account_says_nothing_about_the_password(sqlite_url: str, clock: Clock) -> None:
    db = make_site(sqlite_url, clock)
    users.set_active(db, "petugas2", False)
    answers = set()
    for password in ("rahasia123", "salah-sekali"):
        with pytest.raises(AuthError) as refused:
            users.authenticate(db, "petugas2", password)
        answers.add(refused.value.message)
    assert answers == {"Akun ini dinonaktifkan. Hubungi admin."}
    assert [e.action for e in audit_entries(db, entity="user") if e.entity_id == "petugas2"] == [
        "user.disable",
        "user.add",
    ]


def test_unknown_disabled_and_locked_accounts_cost_a_full_password_check(
    sqlite_url: str, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The time an answer takes tells nothing: every path verifies one argon2 hash
    (bench/bench_login.py measures it)."""
    db = make_site(sqlite_url, clock)
    users.set_active(db, "petugas2", False)
    fail(db, 5)  # petugas1 locked
    verified: list[str] = []
    real_verify = PasswordHasher.verify

    def counting(self: PasswordHasher, hash_: str, password: str) -> bool:
        verified.append(password)
        return real_verify(self, hash_, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    for name in ("tidak-ada", "petugas2", "petugas1"):
        with pytest.raises(AuthError, match="salah|dinonaktifkan|terkunci"):
            users.authenticate(db, name, "coba-coba")
    assert verified == ["coba-coba"] * 3
    clock.advance(minutes=16)
    assert users.authenticate(db, "petugas1", "rahasia123").username == "petugas1"
