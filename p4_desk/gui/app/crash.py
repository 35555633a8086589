"""Last-resort handler: an uncaught exception is logged with its traceback, the officer sees a
short Indonesian message, and the application keeps running (the queue lives in the database)."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from p4_desk.errors import P4Error
from p4_desk.logs import log_file

log = logging.getLogger("p4_desk.crash")
_open_messages: list[QMessageBox] = []  # keeps the non-modal boxes alive until closed


def handle_exception(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if isinstance(exc, P4Error):
        text = exc.message
        log.warning("unhandled user error: %s", exc.message)
    else:
        log.critical("uncaught exception", exc_info=(kind, exc, tb))
        text = QCoreApplication.translate(
            "crash",
            "Sorry, something went wrong in P4 Desk. Your queue data is safe. "
            "The details were written to {path}; please tell your site IT.",
        ).format(path=log_file())
    if QApplication.instance() is not None:
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("crash", "P4 Desk"), text)
        box.setObjectName("crashMessage")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("crash", "OK"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.finished.connect(lambda _result: _open_messages.remove(box))
        _open_messages.append(box)
        box.open()


def install_crash_handler() -> None:
    sys.excepthook = handle_exception
