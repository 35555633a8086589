"""Personal names where others can see them: each word's first letter, then three stars.

``Budi Santoso`` → ``B*** S***``. The stars do not tell the word's length. What a public page
(the tracking page of an application) shows of the applicant, so that the holder of the
receipt recognises the application without a stranger learning the name.
"""

from __future__ import annotations


def mask_name(name: str) -> str:
    """``"Budi Santoso"`` → ``"B*** S***"``; an empty name stays empty."""
    return " ".join(f"{word[0].upper()}***" for word in name.split())
