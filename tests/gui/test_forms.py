"""Designer forms: every ui/*.ui is compiled into p4_desk/gui/forms, and a stale one is caught."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "compile_forms.py"


def check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), "--check", *args], capture_output=True, text=True, timeout=120
    )


def test_every_compiled_form_is_fresh_and_says_how_it_is_made() -> None:
    done = check()
    assert done.returncode == 0, done.stdout + done.stderr
    forms = sorted(p.stem for p in (ROOT / "ui").glob("*.ui"))
    compiled = sorted(p.stem.removeprefix("ui_") for p in (ROOT / "p4_desk/gui/forms").glob("ui_*.py"))
    assert forms == compiled
    for name in compiled:
        first = (ROOT / "p4_desk/gui/forms" / f"ui_{name}.py").read_text(encoding="utf-8").splitlines()[0]
        assert first == "# generated — do not edit; run python tools/compile_forms.py"


def test_an_edited_form_that_was_not_compiled_is_reported(tmp_path: Path) -> None:
    ui, forms = tmp_path / "ui", tmp_path / "forms"
    shutil.copytree(ROOT / "ui", ui)
    shutil.copytree(ROOT / "p4_desk/gui/forms", forms)
    login = ui / "app_login.ui"
    login.write_text(login.read_text(encoding="utf-8").replace("Log in", "Masuk"), encoding="utf-8")
    (forms / "ui_gone.py").write_text("# a form whose .ui was deleted\n", encoding="utf-8")

    done = check("--ui", str(ui), "--forms", str(forms))

    assert done.returncode == 1
    assert "ui_app_login.py is stale" in done.stdout
    assert "ui_gone.py: no gone.ui" in done.stdout
    assert "ui_counter_transfer.py" not in done.stdout
