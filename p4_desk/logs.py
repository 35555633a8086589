"""The rotating log file in the platformdirs log dir, with personal data kept out of it.

``setup_logging()`` is called once by the launcher (and may be called by the CLI). Every record
passes ``SensitiveDataFilter``: a NIK becomes ``3271********0001``, a phone ``****7890``, and a bearer token
is dropped (UU 27/2022 data minimisation; the sync token must never reach a file).
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from p4_desk import owner_only
from p4_desk.config import log_dir
from p4_desk.domain.masking import mask_personal_numbers

LOG_FILE_NAME = "p4-desk.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_BEARER = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+")
_TOKEN_FIELD = re.compile(r"(?i)(['\"]?(?:token|authorization)['\"]?\s*[:=]\s*['\"]?)[A-Za-z0-9._~+/=-]{8,}")


def mask_sensitive(text: str) -> str:
    """Mask NIKs and phone numbers (``domain.masking``, the one masking rule); drop bearer tokens."""
    text = mask_personal_numbers(text)
    text = _BEARER.sub(r"\1 [disembunyikan]", text)
    return _TOKEN_FIELD.sub(r"\1[disembunyikan]", text)


class SensitiveDataFilter(logging.Filter):
    """Rewrites each record's final message (and traceback text) with ``mask_sensitive``."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_sensitive(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_sensitive(record.exc_text)
        return True


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Each log file (the first and every one after a rotation) is created owner-only."""

    def _open(self):  # type: ignore[no-untyped-def]
        owner_only.touch_private(Path(self.baseFilename))
        return super()._open()


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def setup_logging(*, verbose: bool = False) -> Path:
    """Attach the rotating file handler (once) to the root logger; return the file path."""
    path = log_file()
    owner_only.private_dir(path.parent)
    root = logging.getLogger()
    # the file gets INFO; handlers already there (the CLI's stderr one) keep the level they had,
    # and they mask personal data too
    for handler in root.handlers:
        if handler.level == logging.NOTSET:
            handler.setLevel(root.level or logging.WARNING)
        if not any(isinstance(f, SensitiveDataFilter) for f in handler.filters):
            handler.addFilter(SensitiveDataFilter())
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(SensitiveDataFilter())
    root.addHandler(handler)
    has_stream = any(type(h) is logging.StreamHandler for h in root.handlers)
    if verbose and not has_stream:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(FORMAT))
        stream.addFilter(SensitiveDataFilter())
        root.addHandler(stream)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path
