"""A private PulseAudio server with a null sink: a real audio output for tests on a machine
without sound hardware (CI). Clients find it through ``PULSE_SERVER``."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STARTUP_TIMEOUT_S = 20.0


@contextmanager
def pulse_server(folder: Path) -> Iterator[str]:
    """Yield the ``PULSE_SERVER`` value of a fresh server; RuntimeError when it cannot start."""
    binary = shutil.which("pulseaudio")
    if binary is None:
        raise RuntimeError("pulseaudio is not installed (Debian package pulseaudio)")
    folder.mkdir(parents=True, exist_ok=True)
    socket = folder / "native"
    env = dict(os.environ, HOME=str(folder), XDG_RUNTIME_DIR=str(folder), XDG_CONFIG_HOME=str(folder))
    env.pop("PULSE_SERVER", None)
    log = (folder / "pulseaudio.log").open("wb")
    process = subprocess.Popen(
        [binary, "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
         "--disallow-exit", "--disable-shm=yes",
         "-L", "module-null-sink sink_name=p4desk_null",
         "-L", f"module-native-protocol-unix socket={socket} auth-anonymous=1"],
        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not socket.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"pulseaudio did not start: {(folder / 'pulseaudio.log').read_text()[-500:]}"
                )
            time.sleep(0.05)
        yield f"unix:{socket}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
