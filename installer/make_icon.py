"""Render resources/icons/p4desk.svg to p4desk.png (256 px) and a multi-size p4desk.ico.

Run from the repository root when the SVG changes: ``python installer/make_icon.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402  (Pillow comes with reportlab)
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (fonts need an application)
    renderer = QSvgRenderer(str(ICONS / "p4desk.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = ICONS / "p4desk.png"
    if not image.save(str(png)):
        print(f"cannot write {png}", file=sys.stderr)
        return 1
    Image.open(png).save(ICONS / "p4desk.ico", sizes=ICO_SIZES)
    print(f"wrote {png} and {ICONS / 'p4desk.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
