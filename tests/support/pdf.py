"""Reading a PDF the application wrote back as text, as a test asserts on it."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf


def pdf_text(pdf: bytes | Path) -> str:
    """The text of every page of ``pdf`` (its bytes or its file), white space folded to one space."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages).split())
