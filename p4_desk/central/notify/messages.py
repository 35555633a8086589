"""The reminder texts, in Indonesian (an SMS body, and the parameters of a WhatsApp template)."""

from __future__ import annotations

from typing import Any

from p4_desk.domain.wording import format_estimate, format_number


def text_of(event: str, details: dict[str, Any]) -> str:
    """The message body of a ``near`` or ``called`` reminder."""
    site = details.get("site_name") or "MPP"
    number = details.get("number") or "-"
    if event == "called":
        counter = details.get("counter_name") or "loket"
        return f"{site}: nomor antrian {number} dipanggil sekarang. Silakan menuju {counter}."
    ahead = int(details.get("ahead") or 0)
    minutes = details.get("estimate_minutes")
    estimate = f", perkiraan {format_estimate(int(minutes))}" if minutes is not None else ""
    if ahead <= 0:
        return f"{site}: nomor antrian {number} adalah berikutnya. Mohon bersiap di ruang tunggu."
    return (
        f"{site}: nomor antrian {number} tinggal {format_number(ahead)} orang lagi sebelum giliran "
        f"Anda{estimate}. Mohon kembali ke ruang tunggu."
    )


def template_parameters(event: str, details: dict[str, Any]) -> list[str]:
    """The WhatsApp template's body parameters, in order: near {{1}} number, {{2}} people ahead,
    {{3}} hall; called {{1}} number, {{2}} counter, {{3}} hall."""
    site = str(details.get("site_name") or "MPP")
    number = str(details.get("number") or "-")
    if event == "called":
        return [number, str(details.get("counter_name") or "loket"), site]
    return [number, format_number(int(details.get("ahead") or 0)), site]
