"""The Windows half of ``owner_only`` reads ``icacls /save`` output: which grants open a file to others."""

from __future__ import annotations

from p4_desk.owner_only import wide_grants


def test_a_profile_acl_grants_nobody_else() -> None:
    profile = "p4desk.sqlite3\r\nD:PAI(A;;FA;;;SY)(A;;FA;;;BA)(A;;FA;;;S-1-5-21-1-2-3-1001)\r\n"
    assert wide_grants(profile) == []


def test_users_and_everyone_grants_are_found() -> None:
    shared = "cadangan.p4bak\r\nD:AI(A;ID;FA;;;SY)(A;ID;0x1200a9;;;BU)(A;OICI;FR;;;WD)(D;;FA;;;AU)\r\n"
    assert wide_grants(shared) == ["(A;ID;0x1200a9;;;BU)", "(A;OICI;FR;;;WD)"]  # a deny entry is fine
