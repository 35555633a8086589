"""Rebuild ``p4_desk/domain/data/regions.json.gz`` (the Kemendagri region codes NIKs are decoded with).

Source format: the SQL dumps of the ``cahyadsn/wilayah`` repository (MIT licence), one
``INSERT INTO wilayah (kode, nama) VALUES ('11.01.01','Bakongan'), ...`` table per decree.
``db/wilayah.sql`` is the current decree; ``db/archive/wilayah_YYYY.sql`` are the earlier ones.
See docs/REGIONS.md for what is shipped and why it may be shipped.

    git clone https://github.com/cahyadsn/wilayah /tmp/wilayah
    python tools/refresh_regions.py --checkout /tmp/wilayah --commit "$(git -C /tmp/wilayah rev-parse HEAD)"

or name every file (oldest first, the current decree last):

    python tools/refresh_regions.py --decree "Permendagri No. 56 Tahun 2015=old.sql" ... \\
        --decree "Kepmendagri No. 300.2.2-2138 Tahun 2025=wilayah.sql"

What the table holds:

- every province, regency/city and district (kecamatan) code of the current decree, with its
  current name (villages are dropped: a NIK stops at the district);
- **historical** codes that a NIK may still carry (a NIK keeps the code of its place of
  registration for life):
  * codes of an earlier decree that the current one no longer has (e.g. the Papua regencies
    renumbered when Papua Selatan, Papua Tengah, Papua Pegunungan and Papua Barat Daya were
    formed in 2022), with the code they became where the same name is found under the new
    parent, and the last decree that listed them;
  * codes retired before the oldest decree shipped: Kemendagri numbers districts (and regencies)
    of a parent in sequence, appends new ones at the end and does not reuse a retired number
    (true for every decree 2015–2025), so a number below the highest one ever given in its parent
    but listed in no decree is an older code, e.g. the Lampung Selatan districts that became
    Kabupaten Pesawaran in 2007. Their names are not in any decree shipped: they are kept
    unnamed; a historical regency whose district list is not known accepts any district;
  * the rows of ``tools/regions_before_2015.csv`` (named older codes, each with its source).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "p4_desk" / "domain" / "data" / "regions.json.gz"
SUPPLEMENT = Path(__file__).resolve().parent / "regions_before_2015.csv"

# The decree each file of a cahyadsn/wilayah checkout follows, oldest first (its README and headers).
CHECKOUT_FILES = (
    ("Permendagri No. 56 Tahun 2015", "db/archive/wilayah_2016.sql"),
    ("Permendagri No. 137 Tahun 2017", "db/archive/wilayah_2018.sql"),
    ("Permendagri No. 72 Tahun 2019", "db/archive/wilayah_2020.sql"),
    ("Permendagri No. 58 Tahun 2021", "db/archive/wilayah_2022.sql"),
    ("Kepmendagri No. 100.1.1-6117 Tahun 2022", "db/archive/wilayah_2023.sql"),
    ("Kepmendagri No. 300.2.2-2138 Tahun 2025", "db/wilayah.sql"),
)

# ('11.01', 'Kabupaten Aceh Selatan') or ("11","ACEH"), quotes escaped as '' or \'
_ROW = re.compile(
    r"""\(\s*(['"])(\d\d(?:\.\d\d(?:\.\d\d)?)?)\1\s*,\s*(['"])((?:\\.|(?!\3).|\3\3)*)\3\s*\)""",
    re.DOTALL,
)


@dataclass
class Decree:
    label: str
    codes: dict[str, str] = field(default_factory=dict)  # "1101" / "110101" → name


def parse_sql(label: str, text: str) -> Decree:
    decree = Decree(label)
    for match in _ROW.finditer(text):
        quote, raw = match.group(3), match.group(4)
        name = re.sub(r"\\(.)", r"\1", raw.replace(quote * 2, quote))
        decree.codes[match.group(2).replace(".", "")] = " ".join(name.split())
    if not any(len(code) == 6 for code in decree.codes):
        raise SystemExit(f"{label}: no district rows found; is this a wilayah SQL dump?")
    return decree


def _key(name: str) -> str:
    """Compare names across decrees: ``KAB. MERAUKE`` and ``Kabupaten Merauke`` are one place."""
    name = re.sub(r"^(kab\.?|kabupaten|kota|adm\.?)\s+", "", name.strip().lower())
    name = re.sub(r"^(adm\.?|administrasi)\s+", "", name)
    return re.sub(r"[^a-z0-9]", "", name)


def _regency_name(name: str) -> str:
    """Old decrees write ``KAB. MERAUKE``; the current one ``Kabupaten Merauke``."""
    if name.isupper():
        name = name.title()
    return re.sub(r"^Kab\.?\s+", "Kabupaten ", name)


def _parent(code: str) -> str:
    return code[:-2]


def _gaps(codes: Iterable[str], parents: Iterable[str], width: int) -> list[str]:
    """Numbers below the highest one ever given in their parent that no decree lists."""
    known = set(codes)
    by_parent: dict[str, list[int]] = {}
    for code in known:
        if len(code) == width:
            by_parent.setdefault(_parent(code), []).append(int(code[-2:]))
    found = []
    for parent in parents:
        numbers = by_parent.get(parent, [])
        # regencies: kabupaten 01–69 and kota 71–99 are numbered apart
        ranges = [(1, 69), (71, 99)] if width == 4 else [(1, 99)]
        for low, high in ranges:
            inside = [n for n in numbers if low <= n <= high]
            if inside:
                found += [f"{parent}{n:02d}" for n in range(low, max(inside)) if n not in inside]
    return found


def build(decrees: list[Decree], supplement: list[dict[str, str]], commit: str | None) -> dict[str, Any]:
    current = decrees[-1]
    provinces = {c: n for c, n in current.codes.items() if len(c) == 2}
    regencies = {c: n for c, n in current.codes.items() if len(c) == 4}
    districts = {c: n for c, n in current.codes.items() if len(c) == 6}

    # [name, became, last decree listing it, note]
    historical: dict[str, list[str | None]] = {}
    for decree in decrees[:-1]:  # newest wins: later decrees spell names better
        for code, name in decree.codes.items():
            if len(code) in (4, 6) and code not in current.codes:
                historical[code] = [name, None, decree.label, None]

    def became(code: str, name: str) -> str | None:
        if len(code) == 4:
            city = int(code[2:]) > 70
            matches = [c for c, n in regencies.items() if _key(n) == _key(name) and (int(c[2:]) > 70) == city]
        else:
            parent = _parent(code)
            new_parent = parent if parent in regencies else (historical.get(parent) or [None, None])[1]
            if new_parent is None:
                return None
            matches = [c for c, n in districts.items() if _parent(c) == new_parent and _key(n) == _key(name)]
        return matches[0] if len(matches) == 1 else None

    for code in sorted(historical, key=len):  # regencies first: districts follow their parent
        entry = historical[code]
        entry[1] = became(code, str(entry[0]))
        if len(code) == 4:
            entry[0] = regencies[entry[1]] if entry[1] else _regency_name(str(entry[0]))

    open_regencies: set[str] = set()
    for row in supplement:
        code = row["code"]
        if code in current.codes:
            raise SystemExit(f"supplement: {code} is a current code")
        historical[code] = [row["name"], row["became"] or None, None, row["source"]]
        if len(code) == 4:
            open_regencies.add(code)

    every = set(current.codes) | set(historical)
    retired = f"dihapus sebelum {decrees[0].label}, nama tidak tercantum"
    for code in _gaps(every, sorted({c[:2] for c in every if len(c) == 2}), 4):
        historical.setdefault(code, [None, None, None, retired])
        open_regencies.add(code)
    every = set(current.codes) | set(historical)
    parents = sorted(c for c in every if len(c) == 4 and c not in open_regencies)
    for code in _gaps(every, parents, 6):
        historical.setdefault(code, [None, None, None, retired])

    for code in historical:
        if code[:2] not in provinces:
            raise SystemExit(f"historical code {code}: province {code[:2]} is not in the current decree")
    return {
        "format": "p4-desk-regions",
        "version": 2,
        "source": {
            "decrees": [d.label for d in decrees],
            "current": current.label,
            "repository": "https://github.com/cahyadsn/wilayah (MIT)",
            "commit": commit,
            "built": date.today().isoformat(),
        },
        "provinces": dict(sorted(provinces.items())),
        "regencies": dict(sorted(regencies.items())),
        "districts": dict(sorted(districts.items())),
        "historical": dict(sorted(historical.items())),
        "open_regencies": sorted(open_regencies),
    }


def read_supplement(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if not r["code"].startswith("#")]
    for row in rows:
        if not re.fullmatch(r"\d{4}", row["code"]) or not row["source"].strip():
            raise SystemExit(f"{path.name}: each row needs a 4-digit regency code and its source: {row}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkout", type=Path, help="a checkout of cahyadsn/wilayah")
    parser.add_argument("--decree", action="append", default=[], metavar="LABEL=FILE", help="oldest first")
    parser.add_argument("--commit", help="the source commit, recorded in the output")
    parser.add_argument(
        "--supplement", type=Path, default=SUPPLEMENT, help="named codes older than the decrees"
    )
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    files: list[tuple[str, Path]] = []
    if args.checkout:
        files += [(label, args.checkout / rel) for label, rel in CHECKOUT_FILES]
    for item in args.decree:
        label, _, path = item.partition("=")
        files.append((label.strip(), Path(path)))
    if not files:
        parser.error("give --checkout or --decree")
    decrees = [parse_sql(label, path.read_text(encoding="utf-8")) for label, path in files]
    data = build(decrees, read_supplement(args.supplement), args.commit)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode()
    args.out.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    counts = {key: len(data[key]) for key in ("provinces", "regencies", "districts", "historical")}
    print(
        f"{args.out}: {counts['provinces']} provinces, {counts['regencies']} regencies, "
        f"{counts['districts']} districts, {counts['historical']} historical codes, "
        f"{args.out.stat().st_size} bytes",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
