"""Main windows (counter, supervisor, admin) open maximised inside the screen's available area
at the counter PC sizes (1366x768, 1920x1080), and each workstation remembers where its window
was left (its own settings file). Each screen size runs in its own process
(``placement_driver.py``: Qt fixes the offscreen screen's size at start), Indonesian catalogue
loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_at(size: str, tmp_path: Path) -> dict:
    width, height = (int(n) for n in size.split("x"))
    config = tmp_path / "screen.json"
    screens = [{"name": "hall", "x": 0, "y": 0, "width": width, "height": height,
                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]  # fmt: skip
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", P4_WORKDIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.placement_driver"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("PLACED "))
    return json.loads(line.split(" ", 1)[1])


def inside(frame: list[int], area: list[int]) -> bool:
    x, y, w, h = frame
    ax, ay, aw, ah = area
    return x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.parametrize("size", ["1366x768", "1920x1080"])
def test_main_windows_open_maximised_and_remember_their_place(size: str, tmp_path: Path) -> None:
    seen = run_at(size, tmp_path)
    area = seen["available"]
    assert seen["call_next"].startswith("Panggil Berikutnya")  # the Indonesian counter
    # counter (after login), supervisor and admin: maximised, the whole screen, status bar on it
    for role in ("counter", "supervisor", "admin", "other_pc"):
        window = seen[role]
        assert window["maximized"], (role, window)
        assert window["frame"] == area, (role, window)
        assert window["status_visible"] and window["status_bottom"] < area[1] + area[3], (role, window)
    # the counter left in its own box opens there again on this PC, not maximised
    assert seen["saved"]
    # a PC without a settings file (started with --db) gets none: the wizard still runs there
    assert not seen["other_pc_file"]
    assert not seen["counter_again"]["maximized"]
    assert seen["counter_again"]["geometry"] == seen["box"]
    assert inside(seen["counter_again"]["frame"], area)
    # a place saved on a monitor that is gone: back on this screen, nothing outside it
    assert inside(seen["monitor_gone"]["frame"], area), seen["monitor_gone"]
    assert seen["monitor_gone"]["status_bottom"] < area[1] + area[3]
