"""Alt+F4 on the kiosk and the display board under a real window manager asks for an admin.

A real X server (Xvfb), a real window manager (openbox) and the real program (``python -m
p4_desk --role kiosk|display``) in its own process; the keys come from xdotool, as from a
keyboard left at a kiosk. Alt+F4 reaches the program as the window manager's close request:
the screen stays and "Tutup layar ini" opens; an admin's name and password close it (exit 0).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from p4_desk.services import users
from tests.support.sites import make_site

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() == "true"
TOOLS = ("Xvfb", "openbox", "xdotool")
TITLES = {"kiosk": "P4 Desk — Kiosk Antrian", "display": "P4 Desk — Papan Informasi Antrian"}
WAIT_S = 90


@pytest.fixture
def x_server(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Xvfb on a display number it picks itself, openbox on it; the environment to use it."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not installed (Debian packages xvfb, openbox, xdotool)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with os.fdopen(read) as answer:
        display = answer.readline().strip()
    assert display.isdigit(), "Xvfb gave no display number"
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "PULSE_SERVER")}
    env.update(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
    manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield env
    finally:
        for process in (manager, server):
            process.terminate()
            process.wait(timeout=20)


def xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=WAIT_S)
    assert done.returncode == 0, f"xdotool {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


def window_named(env: dict[str, str], title: str) -> str:
    """The id of the visible window with this title, waiting until it is mapped."""
    return xdotool(env, "search", "--sync", "--onlyvisible", "--name", f"^{title}$").split()[0]


def press_until_shown(env: dict[str, str], window: str, keys: str, title: str) -> str:
    """Press ``keys`` on ``window`` until a window titled ``title`` shows (a loaded machine may
    map the screen before openbox manages it, and a key pressed then reaches no window manager);
    the id of that window. Fails after a minute without it."""
    deadline = time.monotonic() + 60
    while True:
        xdotool(env, "windowactivate", "--sync", window, "key", "--clearmodifiers", keys)
        for _ in range(20):
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                env=env, capture_output=True, text=True, timeout=WAIT_S,
            )  # fmt: skip
            if found.returncode == 0 and found.stdout.split():
                return found.stdout.split()[0]
            time.sleep(0.25)
        assert time.monotonic() < deadline, f"{keys} never showed '{title}'"


@pytest.mark.slow
@pytest.mark.parametrize("role", ["kiosk", "display"])
def test_alt_f4_asks_for_an_admin_and_only_an_admin_closes_the_screen(
    role: str, x_server: dict[str, str], tmp_path: Path
) -> None:
    url = f"sqlite:///{(tmp_path / 'site.sqlite3').as_posix()}"
    db = make_site(url)
    users.add_user(db, "admin", "Admin Situs", "admin", "admin12345")
    db.dispose()
    env = dict(x_server, P4_DESK_CONFIG_DIR=str(tmp_path / "config"), P4_DESK_DATA_DIR=str(tmp_path / "data"),
               P4_DESK_LOG_DIR=str(tmp_path / "log"))  # fmt: skip
    program = subprocess.Popen(
        [sys.executable, "-m", "p4_desk", "--role", role, "--db", url],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        screen = window_named(env, TITLES[role])
        # When someone at the screen presses Alt+F4 (openbox turns it into a close request)
        # Then the screen stays and asks for an admin
        dialog = press_until_shown(env, screen, "alt+F4", "Tutup layar ini")
        assert program.poll() is None, "the screen closed without an admin"
        assert window_named(env, TITLES[role]) == screen
        # And an admin's name and password close it
        xdotool(env, "windowactivate", "--sync", dialog)
        xdotool(env, "type", "--delay", "15", "admin")
        xdotool(env, "key", "Tab")
        xdotool(env, "type", "--delay", "15", "admin12345")
        xdotool(env, "key", "Return")
        assert program.wait(timeout=WAIT_S) == 0
    finally:
        if program.poll() is None:
            program.kill()
        output = program.communicate(timeout=30)[0].decode(errors="replace")
    assert "Traceback" not in output, output[-3000:]
