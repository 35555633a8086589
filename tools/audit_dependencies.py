"""Check every installed Python distribution against an advisory database (issue 14, finding 8).

``pip-audit`` asks an online service per package; where that service is a registry mirror without
vulnerability data it skips every package and still passes. This check reads the advisories
from files instead, so it either really compares every installed distribution or fails saying
why it could not:

    python tools/audit_dependencies.py --advisories DIR [--ignore ID ...]

``DIR`` is a checkout of the PyPA advisory database (``vulns/<package>/*.yaml``) or the OSV
export of the PyPI ecosystem unpacked (``*.json``); both are OSV records. A distribution is
affected when its version is listed in ``affected[].versions`` or falls in an ``ECOSYSTEM``
range (``introduced`` .. ``fixed`` / ``last_affected``). Withdrawn records are ignored.
Exit status: 0 nothing known affects what is installed, 1 something does (listed), 2 the
check could not run (no advisories found). ``.ci/run`` runs it after the tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    advisory: str
    fixed: str


def installed() -> dict[str, str]:
    """Canonical name -> version of every distribution in this environment."""
    found: dict[str, str] = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            found[canonicalize_name(name)] = dist.version
    return found


def records(folder: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".yaml", ".yml"):
            record = yaml.safe_load(path.read_text(encoding="utf-8"))
        elif path.suffix == ".json":
            record = json.loads(path.read_text(encoding="utf-8"))
        else:
            continue
        if isinstance(record, dict) and record.get("id") and not record.get("withdrawn"):
            yield record


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def _in_range(version: Version, events: list[dict[str, str]]) -> tuple[bool, str]:
    """Whether ``version`` lies in an OSV range (events sorted by version), and the fix if any."""
    affected, fix = False, ""
    points = []
    for event in events:
        kind, value = next(iter(event.items()))
        at = Version("0") if value == "0" else _version(value)
        if at is not None:
            points.append((at, kind, value))
    for at, kind, value in sorted(points, key=lambda p: p[0]):
        if kind == "introduced" and version >= at:
            affected = True
        elif kind == "fixed":
            if version >= at:
                affected = False
            elif affected and not fix:
                fix = value
        elif kind == "last_affected" and version > at:
            affected = False
    return affected, fix


def affects(record: dict[str, Any], name: str, version_text: str) -> Finding | None:
    version = _version(version_text)
    for entry in record.get("affected", []):
        package = entry.get("package", {})
        if package.get("ecosystem") != "PyPI" or canonicalize_name(package.get("name", "")) != name:
            continue
        if version_text in entry.get("versions", []):
            return Finding(name, version_text, record["id"], _first_fix(entry, version))
        if version is None:
            continue
        for span in entry.get("ranges", []):
            if span.get("type") == "ECOSYSTEM":
                hit, fix = _in_range(version, span.get("events", []))
                if hit:
                    return Finding(name, version_text, record["id"], fix)
    return None


def _first_fix(entry: dict[str, Any], version: Version | None) -> str:
    for span in entry.get("ranges", []):
        for event in span.get("events", []):
            fixed = event.get("fixed")
            if fixed and (version is None or (_version(fixed) or version) > version):
                return str(fixed)
    return ""


def audit(folder: Path, ignore: set[str]) -> tuple[int, list[Finding]]:
    """Number of advisories read and what they say about this environment."""
    packages = installed()
    read, findings = 0, []
    for record in records(folder):
        read += 1
        aliases = {record["id"], *record.get("aliases", [])}
        if aliases & ignore:
            continue
        for name, version in packages.items():
            finding = affects(record, name, version)
            if finding is not None:
                findings.append(finding)
    return read, findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--advisories", type=Path, required=True, help="folder of OSV records")
    parser.add_argument("--ignore", action="append", default=[], help="advisory id to accept (repeat)")
    args = parser.parse_args(argv)
    read, findings = audit(args.advisories, set(args.ignore))
    if read == 0:
        print(f"dependency audit NOT run: no advisories found in {args.advisories}", file=sys.stderr)
        return 2
    print(f"{len(installed())} installed distributions checked against {read} advisories.")
    for f in sorted(findings, key=lambda f: (f.package, f.advisory)):
        fix = f"fixed in {f.fixed}" if f.fixed else "no fixed version"
        print(f"  {f.package} {f.version}: {f.advisory} ({fix})")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
