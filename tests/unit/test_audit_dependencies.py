"""The dependency audit reads real OSV records and compares the real installed distributions
(issue 14, finding 8): an advisory covering what is installed fails the check, one fixed before
it does not, and a check with no advisories to read fails instead of passing."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import yaml

from tools import audit_dependencies as audit

INSTALLED = metadata.version("packaging")  # a distribution this environment certainly has


def advisory(folder: Path, ident: str, events: list[dict[str, str]], **extra: object) -> None:
    record = {
        "id": ident,
        "affected": [{"package": {"name": "Packaging", "ecosystem": "PyPI"},
                      "ranges": [{"type": "ECOSYSTEM", "events": events}]}],
        **extra,
    }  # fmt: skip
    target = folder / "vulns" / "packaging" / f"{ident}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(record), encoding="utf-8")


def test_an_advisory_covering_the_installed_version_fails_the_audit(tmp_path: Path, capsys) -> None:
    advisory(tmp_path, "PYSEC-0000-1", [{"introduced": "0"}, {"fixed": "999.0"}])
    advisory(tmp_path, "PYSEC-0000-2", [{"introduced": "0"}, {"fixed": "0.1"}])  # fixed long ago
    advisory(tmp_path, "PYSEC-0000-3", [{"introduced": "0"}, {"last_affected": "0.2"}])
    advisory(tmp_path, "PYSEC-0000-4", [{"introduced": "0"}], withdrawn="2024-01-01T00:00:00Z")
    assert audit.main(["--advisories", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "against 4 advisories" not in out and "against 3 advisories" in out
    assert f"packaging {INSTALLED}: PYSEC-0000-1 (fixed in 999.0)" in out
    assert "PYSEC-0000-2" not in out and "PYSEC-0000-3" not in out and "PYSEC-0000-4" not in out


def test_an_accepted_advisory_and_a_clean_environment_pass(tmp_path: Path, capsys) -> None:
    advisory(tmp_path, "PYSEC-0000-1", [{"introduced": "0"}, {"fixed": "999.0"}], aliases=["CVE-0000-1"])
    assert audit.main(["--advisories", str(tmp_path), "--ignore", "CVE-0000-1"]) == 0
    assert "installed distributions checked against 1 advisories" in capsys.readouterr().out


def test_an_audit_with_nothing_to_read_fails_saying_so(tmp_path: Path, capsys) -> None:
    assert audit.main(["--advisories", str(tmp_path)]) == 2
    assert "dependency audit NOT run" in capsys.readouterr().err
