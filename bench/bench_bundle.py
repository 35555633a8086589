"""Bundle size and start-up times of the frozen one-folder build (dist/p4-desk).

    python installer/build.py && python bench/bench_bundle.py [--runs 5]

Prints: bundle size on disk (MB, symlinks not counted twice); median wall time of
``p4-desk --version`` (interpreter + imports of the CLI), of ``selftest --json`` on a fresh
database, and from process start to the first window shown (the login window when the shell
shows one, else the role window). "Window shown" is observed without changing the app: on
Qt's offscreen platform every top-level window's first show prints
"This plugin does not support propagateSizeHints()" on stderr; the clock stops at that line.
Targets (issues 8 and 13): size <= 200 MB, start to login window <= 2 s. The largest files are
listed under the size (where to look when it grows).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "p4-desk"
EXE = BUNDLE / ("p4-desk-cli.exe" if sys.platform == "win32" else "p4-desk")
GUI = BUNDLE / ("p4-desk.exe" if sys.platform == "win32" else "p4-desk")
SHOWN = "propagateSizeHints"


def bundle_size_mb() -> float:
    files = (p for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1_048_576


def largest_parts(count: int = 8) -> list[tuple[str, float]]:
    """The biggest files of the bundle (MB), to see where the size goes."""
    files = [p for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()]
    files.sort(key=lambda p: p.stat().st_size, reverse=True)
    return [(str(p.relative_to(BUNDLE)), p.stat().st_size / 1_048_576) for p in files[:count]]


def children_cpu() -> float:
    """CPU seconds (user + sys) used by finished child processes (0 where not measurable)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


CPU: dict[str, list[float]] = {}


def timed(args: list[str], env: dict[str, str], label: str) -> float:
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run(args, env=env, capture_output=True, check=True, timeout=120)
    CPU.setdefault(label, []).append(children_cpu() - cpu)
    return time.perf_counter() - start


def time_to_window(args: list[str], env: dict[str, str]) -> float | None:
    cpu, start = children_cpu(), time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if SHOWN in line:
                return time.perf_counter() - start
        return None
    finally:
        proc.kill()
        proc.wait()
        CPU.setdefault("window", []).append(children_cpu() - cpu)  # includes the short wait to die


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not EXE.exists():
        print("dist/p4-desk not built: run python installer/build.py", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            P4_DESK_CONFIG_DIR=f"{tmp}/config",
            P4_DESK_DATA_DIR=f"{tmp}/data",
            P4_DESK_LOG_DIR=f"{tmp}/log",
        )
        db = ["--db", f"sqlite:///{Path(tmp, 'bench.sqlite3').as_posix()}"]
        subprocess.run([str(EXE), "demo-data", "--days", "1", *db], env=env, capture_output=True, check=True)
        version = [timed([str(EXE), "--version"], env, "version") for _ in range(args.runs)]
        selftest = [
            timed([str(EXE), "selftest", "--json", "--no-qt", *db], env, "selftest") for _ in range(args.runs)
        ]
        windows = [time_to_window([str(GUI), "--role", "admin", *db], env) for _ in range(args.runs)]
    shown = [w for w in windows if w is not None]
    cpu = {k: statistics.median(v) for k, v in CPU.items()}
    print(
        f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        if hasattr(os, "getloadavg")
        else ""
    )
    print(
        f"CPU seconds (median): --version {cpu['version']:.2f}, selftest {cpu['selftest']:.2f}, "
        f"to window {cpu['window']:.2f}"
    )
    print(f"bundle size:                 {bundle_size_mb():7.1f} MB  (target <= 200)")
    for name, size in largest_parts():
        print(f"    {size:6.1f} MB  {name}")
    print(f"p4-desk --version:           {statistics.median(version):7.2f} s   (median of {args.runs})")
    print(f"p4-desk selftest --json:     {statistics.median(selftest):7.2f} s")
    if shown:
        print(
            f"start to first window:       {statistics.median(shown):7.2f} s   (target <= 2, n={len(shown)})"
        )
    else:
        print("start to first window:       not observed (no window shown on the offscreen platform)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
