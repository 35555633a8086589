"""``tools/refresh_regions.py`` on two small decrees written the way the source repository writes
them (two quoting styles, villages mixed in), then read back by ``domain.nik`` itself."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

OLD = """INSERT INTO wilayah(kode,nama) VALUES
("91","PAPUA"),
("91.01","KAB. MERAUKE"),
("91.01.01","Merauke"),
("91.01.01.1001","Kelapa Lima"),
("91.01.02","Muting"),
("91.01.04","Ngguti"),
("91.71","KOTA JAYAPURA"),
("91.71.01","Jayapura Utara"),
("18","LAMPUNG"),
("18.01","KAB. LAMPUNG SELATAN"),
("18.01.04","Natar"),
("18.01.05","Ma\\'rang");
"""

CURRENT = """INSERT INTO wilayah (kode, nama) VALUES
('91','Papua'),
('91.71','Kota Jayapura'),
('91.71.01','Jayapura Utara'),
('93','Papua Selatan'),
('93.01','Kabupaten Merauke'),
('93.01.01','Merauke'),
('93.01.02','Muting'),
('93.01.03','Ngguti'),
('18','Lampung'),
('18.01','Kabupaten Lampung Selatan'),
('18.01.04','Natar'),
('18.01.05','Ma''rang'),
('18.01.06','Kalianda'),
('18.01.06.2001','Way Urang');
"""


def test_two_decrees_become_current_and_historical_codes(tmp_path: Path) -> None:
    (tmp_path / "old.sql").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.sql").write_text(CURRENT, encoding="utf-8")
    supplement = tmp_path / "supplement.csv"
    supplement.write_text("code,name,became,source\n1899,Kabupaten Uji,,contoh sumber\n", encoding="utf-8")
    out = tmp_path / "regions.json.gz"
    done = subprocess.run(
        [
            sys.executable, str(ROOT / "tools" / "refresh_regions.py"),
            "--decree", f"Permendagri Lama={tmp_path / 'old.sql'}",
            "--decree", f"Kepmendagri Baru={tmp_path / 'new.sql'}",
            "--supplement", str(supplement), "--commit", "abc123", "--out", str(out),
        ],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(gzip.decompress(out.read_bytes()))
    assert data["provinces"] == {"18": "Lampung", "91": "Papua", "93": "Papua Selatan"}
    assert data["districts"]["180105"] == "Ma'rang"  # both escapes of a quote are read
    assert "1801062001" not in data["districts"] and len(data["districts"]) == 7  # no villages
    historical = data["historical"]
    # Renumbered with its parent: same name under the regency the old one became.
    assert historical["9101"] == ["Kabupaten Merauke", "9301", "Permendagri Lama", None]
    assert historical["910101"][:2] == ["Merauke", "930101"]
    assert historical["910104"][:2] == ["Ngguti", "930103"]  # the number need not be the same
    # A gap below the highest number of a parent: retired before the oldest decree, unnamed.
    assert historical["910103"][:2] == [None, None] and "Permendagri Lama" in historical["910103"][3]
    assert {"180101", "180102", "180103"} <= set(historical)
    assert "180107" not in historical  # above the last number: no such code
    # A supplement row: named, with its source, and its districts are not known.
    assert historical["1899"] == ["Kabupaten Uji", None, None, "contoh sumber"]
    assert "1899" in data["open_regencies"]
    assert data["source"]["decrees"] == ["Permendagri Lama", "Kepmendagri Baru"]
    assert data["source"]["commit"] == "abc123"


def test_a_file_without_district_rows_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.sql").write_text("INSERT INTO x VALUES ('11','Aceh');", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "refresh_regions.py"), "--decree", f"X={tmp_path / 'bad.sql'}",
         "--out", str(tmp_path / "out.json.gz")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode != 0 and "no district rows" in done.stderr
    assert not (tmp_path / "out.json.gz").exists()


def test_shipped_table_carries_its_source_and_every_supplement_row() -> None:
    data = json.loads(gzip.decompress((ROOT / "p4_desk/domain/data/regions.json.gz").read_bytes()))
    assert data["format"] == "p4-desk-regions" and data["version"] == 2
    assert data["source"]["current"] == "Kepmendagri No. 300.2.2-2138 Tahun 2025"
    assert data["source"]["decrees"][0] == "Permendagri No. 56 Tahun 2015"
    assert data["source"]["commit"]
    rows = (ROOT / "tools" / "regions_before_2015.csv").read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        code, name, became = row.split(",")[:3]
        assert data["historical"][code][:2] == [name, became]
