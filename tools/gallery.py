"""The screenshot gallery: every role at every screen size of issue 12, as a hall sees it.

    python3 dev.py gallery            # or: .venv/bin/python tools/gallery.py
    python3 dev.py gallery --out DIR  # elsewhere than docs/screenshots/

For each size a real X server (``xvfb-run``, Debian ``xvfb``) is started at that resolution with
a real window manager (``openbox``), the demo hall (``p4_desk.demo``, in a throwaway SQLite
file) is loaded, and each role's window is opened the way the launcher opens it — counter,
supervisor and admin maximised inside the shell (banner, status bar), kiosk, board and survey
tablet full screen — then the whole X screen is saved as ``<role>-<width>x<height>.png``.
Everything on the pictures is what the program shows in Indonesian.

The citizens' web pages (``web-*.png``, a phone's 360x640 in headless chromium) come from the
browser tests, which shoot them on the real central server as they check each page: the
gallery runs ``tests/browser`` and copies the pictures of that run (``--only web``: only those).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from p4_desk.gui.common.context import AppContext
    from p4_desk.store.db import Database

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1366, 768), (1920, 1080), (1080, 1920), (1280, 800))
ROLES = ("counter", "supervisor", "admin", "kiosk", "display", "survey")
#: scenes beyond a role's first screen: (name, role, what to do once the window is shown)
SCENES = ("kiosk-info", "display-maklumat")
LOGIN_USERS = {"counter": "petugas1", "supervisor": "supervisor", "admin": "admin"}
SETTLE_S = 2.5  # the window manager maps and lays out the window; live queries fill it
WEB_SHOTS = ROOT / "test-output" / "screenshots"  # where tests/browser/conftest.py ``shot`` writes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", help="WIDTHxHEIGHT: one size, inside an X server already running")
    parser.add_argument("--only", help="comma-separated roles or scenes to shoot (default: all)")
    args = parser.parse_args()
    if args.size:
        width, height = (int(part) for part in args.size.split("x"))
        return shoot(args.out, width, height, args.only)
    missing = [tool for tool in ("xvfb-run", "openbox") if shutil.which(tool) is None]
    if missing:
        print(f"missing: {', '.join(missing)} (apt-get install -y xvfb openbox)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    only = set(args.only.split(",")) if args.only else None
    if only is None or "web" in only:
        failed = shoot_web(args.out)
        if failed:
            return failed
        if only is not None:
            only.discard("web")
            if not only:
                return 0
    for width, height in SIZES:
        command = [
            "xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24",
            sys.executable, str(Path(__file__).resolve()),
            "--size", f"{width}x{height}", "--out", str(args.out),
            *(["--only", ",".join(sorted(only))] if only else []),
        ]  # fmt: skip
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
        done = subprocess.run(command, cwd=ROOT, env=env, timeout=600)
        if done.returncode:
            return done.returncode
    return 0


def shoot_web(out: Path) -> int:
    """The citizens' pages: the browser tests' screenshots of this run, copied to ``out``."""
    started = time.time()
    command = [sys.executable, "-m", "pytest", "tests/browser", "-q", "-p", "no:cacheprovider", "-n", "0"]
    done = subprocess.run(command, cwd=ROOT, timeout=900)
    if done.returncode:
        print("the browser tests failed: no web-*.png copied", file=sys.stderr)
        return done.returncode
    for shot in sorted(WEB_SHOTS.glob("web-*.png")):
        if shot.stat().st_mtime >= started:
            shutil.copyfile(shot, out / shot.name)
            print(out / shot.name)
    return 0


def shoot(out: Path, width: int, height: int, only: str | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from p4_desk.config import Settings
    from p4_desk.demo import load_demo_data
    from p4_desk.gui.app.look import apply_theme, install_translations
    from p4_desk.gui.common.context import AppContext
    from p4_desk.store.migrate import open_database

    window_manager = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    folder = Path(tempfile.mkdtemp(prefix="p4-gallery-"))
    os.environ["P4_DESK_CONFIG_DIR"] = str(folder)  # geometry and settings stay out of the user's
    try:
        app = QApplication([sys.argv[0]])
        install_translations(app, "id")
        apply_theme(app)
        db = open_database(f"sqlite:///{(folder / 'gallery.sqlite3').as_posix()}")
        load_demo_data(db, days=7)
        _busy_hall(db)

        def settle(seconds: float = SETTLE_S) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                app.processEvents()
                time.sleep(0.02)

        wanted = set(only.split(",")) if only else set(ROLES) | set(SCENES)
        for name in (*ROLES, *SCENES):
            if name not in wanted:
                continue
            role = name.split("-")[0]
            settings = Settings({"voice.enabled": False}, path=folder / f"{role}.toml")
            ctx = AppContext(
                db=db, settings=settings, role=role, counter="L01" if role in ("counter", "survey") else None
            )
            window = _window(role, ctx)
            if role in ("counter", "supervisor", "admin"):
                window.showMaximized()
            else:
                window.setWindowState(Qt.WindowState.WindowFullScreen)
                window.show()
            settle()
            _scene(name, window)
            settle(0.5)
            screen = window.screen() or app.primaryScreen()
            target = out / f"{name}-{width}x{height}.png"
            assert screen.grabWindow(0).save(str(target)), target
            print(target)
            window.close()
            window.deleteLater()
            settle(0.3)
        db.dispose()
        return 0
    finally:
        window_manager.terminate()
        window_manager.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def _busy_hall(db: Database) -> None:
    """Mid-morning: most counters open, several calling (the demo clock is the real one)."""
    from p4_desk.services import catalog, queue

    for counter in catalog.list_counters(db)[:-2]:
        queue.set_counter_state(db, counter.code, "open")
        queue.call_next(db, counter.code)
    queue.set_counter_state(db, catalog.list_counters(db)[-1].code, "paused")


def _scene(name: str, window: QWidget) -> None:
    """Bring a window to its scene: the kiosk's Informasi layanan on KTP-el, the board's maklumat."""
    if name == "kiosk-info":
        from p4_desk.services.standards import list_standards

        # what ``open`` reads off the UI thread, read here so the scene is there when shot
        window.info._loaded(list_standards(window.ctx.db, published_only=True))  # type: ignore[attr-defined]
        window.info.show_service("KTP")  # type: ignore[attr-defined]
    elif name == "display-maklumat":
        window.view.rotation.advance()  # type: ignore[attr-defined]


def _window(role: str, ctx: AppContext) -> QWidget:
    """The role's window as the launcher opens it (the shell around the login roles)."""
    from p4_desk.gui.app.shell import ShellWindow
    from p4_desk.gui.display.window import DisplayWindow
    from p4_desk.gui.kiosk.window import KioskWindow
    from p4_desk.gui.launcher import window_factory
    from p4_desk.services import users

    if role == "kiosk":
        return KioskWindow(ctx, audio="none")
    if role == "display":
        return DisplayWindow(ctx, audio="none")
    if role in LOGIN_USERS:
        ctx.user = users.get_user(ctx.db, LOGIN_USERS[role])
        return ShellWindow(ctx, window_factory(role)(ctx))
    return window_factory(role)(ctx)


if __name__ == "__main__":
    raise SystemExit(main())
