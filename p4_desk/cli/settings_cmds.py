"""``p4-desk settings list|get|set``: every declared setting of the site and of this PC.

Site settings (``p4_desk.config.SITE_SETTINGS``) are in the database and hold for every
workstation; workstation settings (``SETTINGS``) are in this PC's settings file. Values are
typed as text and checked by their declaration (``ya``/``tidak``, decimal comma accepted).
"""

from __future__ import annotations

import argparse
from typing import Any

from p4_desk.cli.context import CliContext, command
from p4_desk.config import SETTING_BY_KEY, SETTINGS, SITE_BY_KEY, SITE_SETTINGS, Setting
from p4_desk.errors import ValidationError

SITE, WORKSTATION = "site", "workstation"


def register(sub: Any) -> None:
    p = sub.add_parser("settings", help="pengaturan situs dan workstation ini")
    ps = p.add_subparsers(dest="settings_command", required=True, metavar="ACTION")
    listing = command(ps, "list", _list, "daftar semua pengaturan dengan nilainya")
    scope = listing.add_mutually_exclusive_group()
    scope.add_argument("--site", dest="scope", action="store_const", const=SITE, help="hanya situs")
    scope.add_argument(
        "--workstation", dest="scope", action="store_const", const=WORKSTATION, help="hanya PC ini"
    )
    get = command(ps, "get", _get, "tampilkan satu pengaturan")
    get.add_argument("key")
    put = command(
        ps, "set", _set, "ubah satu pengaturan (diperiksa dan dicatat di log audit)", requires="admin"
    )
    put.add_argument("key")
    put.add_argument("value")


def _declared(key: str) -> tuple[str, Setting]:
    if key in SITE_BY_KEY:
        return SITE, SITE_BY_KEY[key]
    if key in SETTING_BY_KEY:
        return WORKSTATION, SETTING_BY_KEY[key]
    raise ValidationError(
        f"Pengaturan '{key}' tidak dikenal. Lihat daftarnya dengan: p4-desk settings list", field=key
    )


def _row(scope: str, setting: Setting, value: Any, problem: str | None = None) -> dict[str, Any]:
    return {
        "key": setting.key,
        "scope": scope,
        "title": setting.title,
        "type": "json" if setting.type is object else setting.type.__name__,
        "value": value,
        "default": setting.default,
        "editable": setting.editable,
        "choices": list(setting.choices),
        "bounds": list(setting.bounds) if setting.bounds else None,
        "problem": problem,
    }


def _rows(ctx: CliContext, scope: str | None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if scope in (None, SITE):
        from p4_desk.services.site import all_settings

        values = all_settings(ctx.db)
        rows += [_row(SITE, s, values[s.key]) for s in SITE_SETTINGS]
    if scope in (None, WORKSTATION):
        settings = ctx.settings
        rows += [_row(WORKSTATION, s, settings.get(s.key), settings.problems.get(s.key)) for s in SETTINGS]
    return rows


def _shown(row: dict[str, Any]) -> str:
    setting = SITE_BY_KEY.get(row["key"]) or SETTING_BY_KEY[row["key"]]
    if setting.type is object:
        return "(dokumen JSON)" if row["value"] is not None else "(kosong)"
    return setting.show(row["value"])


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = _rows(ctx, args.scope)

    def text() -> str:
        lines: list[str] = []
        for scope, heading in (
            (SITE, "Pengaturan situs (berlaku di semua workstation):"),
            (WORKSTATION, f"Pengaturan workstation ini ({ctx.settings.path}):"),
        ):
            part = [r for r in rows if r["scope"] == scope]
            if not part:
                continue
            lines += ["", heading] if lines else [heading]
            for r in part:
                note = "" if r["editable"] else "  [diatur lewat penyiapan/sinkronisasi]"
                lines.append(f"  {r['key']} = {_shown(r)}  — {r['title']}{note}")
                if r["problem"]:
                    lines.append(f"      nilai di berkas tidak dipakai: {r['problem']}")
        return "\n".join(lines)

    ctx.emit({"settings": rows}, text)
    return 0


def _get(args: argparse.Namespace, ctx: CliContext) -> int:
    scope, setting = _declared(args.key)
    row = next(r for r in _rows(ctx, scope) if r["key"] == setting.key)
    ctx.emit(row, _shown(row))
    return 0


def _set(args: argparse.Namespace, ctx: CliContext) -> int:
    scope, setting = _declared(args.key)
    if not setting.editable:
        raise ValidationError(f"Pengaturan '{setting.key}' tidak dapat diubah dari admin.", field=setting.key)
    value = setting.parse(args.value)
    actor = ctx.actor()
    if scope == SITE:
        from p4_desk.services.site import set_settings

        changed = bool(set_settings(ctx.db, {setting.key: value}, actor))
    else:
        from p4_desk.services.admin import set_workstation_setting

        changed = ctx.settings.get(setting.key) != value
        set_workstation_setting(ctx.db, ctx.settings, setting.key, value, actor)
    shown = setting.show(value)
    ctx.emit(
        {"key": setting.key, "scope": scope, "value": value, "changed": changed},
        f"{setting.title} ({setting.key}) diubah menjadi: {shown}."
        if changed
        else f"{setting.title} ({setting.key}) sudah bernilai: {shown}.",
    )
    return 0
