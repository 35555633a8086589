"""The locked Qt bindings keep Python's reference counts right.

PySide6 6.12.0 drops one reference to ``None`` on every call that returns nothing; Python 3.11
does not make ``None`` immortal, so a counter window dies ("Fatal Python error: none_dealloc")
after some thousands of label updates. pyproject.toml excludes that release; this test fails
if a re-lock brings a release with the same fault.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for i in range(20000):
    label.setText("A%03d" % (i % 1000))
    app.processEvents()
print(sys.getrefcount(None) - before)
"""


def test_many_qt_calls_do_not_drain_references_to_none() -> None:
    # In a child process: a faulty binding would crash this test run itself.
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert abs(int(result.stdout.strip())) < 100, result.stdout
