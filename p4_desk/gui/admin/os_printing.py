"""Send a PDF to an OS printer by name (the admin's test print to ``printer:NAME``).

CUPS (Linux, macOS) takes PDF directly through ``lp``; on Windows the shell's "printto" verb
hands it to the registered PDF application. Every failure is a PrinterError in Indonesian.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from p4_desk.printing import PrinterError


def print_pdf(pdf: bytes, printer_name: str) -> None:
    with tempfile.NamedTemporaryFile(prefix="p4desk-tes-", suffix=".pdf", delete=False) as handle:
        handle.write(pdf)
        path = Path(handle.name)
    if sys.platform == "win32":
        import ctypes

        result = ctypes.windll.shell32.ShellExecuteW(  # type: ignore[attr-defined,unused-ignore]
            None, "printto", str(path), f'"{printer_name}"', None, 0
        )
        if result <= 32:
            raise PrinterError(
                f"Windows tidak dapat mencetak PDF ke '{printer_name}' (kode {result}). "
                "Pasang aplikasi pembaca PDF atau pakai tujuan escpos-*."
            )
        return
    lp = shutil.which("lp")
    if lp is None:
        raise PrinterError("Sistem cetak (CUPS) tidak terpasang di komputer ini.")
    try:
        result = subprocess.run(
            [lp, "-d", printer_name, str(path)], capture_output=True, text=True, timeout=30
        )
    finally:
        path.unlink(missing_ok=True)
    if result.returncode != 0:
        raise PrinterError(f"Printer '{printer_name}' menolak pekerjaan cetak: {result.stderr.strip()}")
