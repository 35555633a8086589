"""``p4-desk sync ...``: enrol this desk, run the sync agent headless, see and retry failures.

``sync run --once`` pushes everything that is due and pulls once, then exits:
0 — the central API answered (everything due was sent, or refused for good and listed by
``sync failed``); 2 — the central API could not be reached (events kept, retried next run);
3 — another process or PC of this site is sending right now; 1 — a user error (not enrolled,
token refused, no usable keyring) with its message on stderr.
Without ``--once`` it runs until interrupted: what the desk records is pushed within
``--push-interval`` seconds (1 by default: a call reaches the citizens' pages in seconds), and
the catalogue, status changes and web complaints are pulled every ``--interval`` seconds.
"""

from __future__ import annotations

import argparse
import logging
import time
from typing import Any

from p4_desk.cli.context import CliContext, command
from p4_desk.domain.wording import format_datetime
from p4_desk.errors import ValidationError
from p4_desk.services.central_inbox import CentralInbox
from p4_desk.sync import state as sync_state
from p4_desk.sync.agent import RunReport, SyncAgent

log = logging.getLogger(__name__)

EXIT_UNREACHABLE = 2
EXIT_OTHER_SENDER = 3


def register(sub: Any) -> None:
    s = sub.add_parser("sync", help="sinkronisasi dengan server pusat provinsi")
    ss = s.add_subparsers(dest="sync_command", required=True, metavar="ACTION")

    p = command(
        ss, "enroll", _enroll, "daftarkan perangkat ini ke server pusat (kode sekali pakai)", requires="admin"
    )
    p.add_argument("--url", required=True, help="alamat server pusat, mis. https://sync.example.go.id")
    p.add_argument("--site", required=True, help="kode situs di server pusat")
    p.add_argument("--code", required=True, help="kode pendaftaran sekali pakai dari admin provinsi")

    p = command(ss, "run", _run, "kirim antrean peristiwa dan ambil katalog serta status permohonan")
    p.add_argument("--once", action="store_true", help="satu putaran lalu keluar (0 terkirim, 2 offline)")
    p.add_argument(
        "--interval", type=float, default=30.0, help="detik antar pengambilan data pusat (bawaan 30)"
    )
    p.add_argument(
        "--push-interval", type=float, default=1.0, help="detik antar pemeriksaan peristiwa baru (bawaan 1)"
    )
    p.add_argument("--batch-size", type=int, default=200, help=argparse.SUPPRESS)

    command(ss, "status", _status, "jumlah peristiwa menunggu, terkirim, gagal; status koneksi")
    command(ss, "failed", _failed, "daftar peristiwa yang ditolak server pusat")

    p = command(ss, "retry", _retry, "kirim ulang peristiwa yang gagal", requires="admin")
    p.add_argument("--all", action="store_true", help="semua peristiwa yang gagal")
    p.add_argument("ids", nargs="*", default=[], metavar="ID", help="nomor urut atau id peristiwa")


def _enroll(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.sync.enrolment import enrol

    enrol(ctx.db, ctx.settings, args.url, args.site, args.code, actor=ctx.actor())
    site = args.site.strip().upper()
    ctx.emit(
        {"site": site, "url": ctx.settings.get("sync.url"), "enrolled": True},
        f"Perangkat terdaftar untuk situs {site}. Token akses disimpan di keyring sistem.",
    )
    return 0


def _run(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.sync.enrolment import open_client

    db = ctx.db
    client = open_client(db, ctx.settings)
    agent = SyncAgent(
        db,
        client,
        CentralInbox(db),
        batch_size=max(1, args.batch_size),
        pull_interval_s=0.0 if args.once else max(1.0, args.interval),
        publish_board=True,
    )
    try:
        if args.once:
            report = agent.run_once()
            ctx.emit(report, lambda: _describe(report))
            if report.skipped:
                return EXIT_OTHER_SENDER
            return 0 if report.reachable else EXIT_UNREACHABLE
        while True:
            report = agent.run_once(respect_backoff=True)
            if not ctx.json and not report.idle:
                print(_describe(report), flush=True)
            time.sleep(max(0.2, args.push_interval))
    finally:
        client.close()


def _describe(report: RunReport) -> str:
    if report.skipped:
        return report.error or "Putaran dilewati."
    parts = [f"{report.accepted} terkirim"]
    if report.duplicate:
        parts.append(f"{report.duplicate} sudah ada di server")
    if report.failed:
        parts.append(f"{report.failed} ditolak (lihat: p4-desk sync failed)")
    parts.append(f"{report.pending} menunggu")
    text = ", ".join(parts) + "."
    if report.catalog in ("imported", "stored"):
        text += " Katalog izin diperbarui."
    if report.application_updates:
        text += f" {report.application_updates} pembaruan status permohonan."
    if report.reminders:
        text += f" {report.reminders} pengingat dari kiosk diteruskan."
    if report.web_complaints:
        text += f" {report.web_complaints} pengaduan dari web diterima."
    if not report.reachable:
        text += f" {report.error} Peristiwa disimpan dan dikirim nanti."
    return text


def _status(args: argparse.Namespace, ctx: CliContext) -> int:
    st = sync_state.status(ctx.db)
    last = st.last_success_at
    when = format_datetime(last, ctx.db.timezone) if last else "belum pernah"

    def text() -> str:
        lines = [
            f"Server pusat: {st.url or 'belum didaftarkan'} (situs {st.site or '-'})",
            f"Koneksi: {'online' if st.online else 'offline'}; sinkron terakhir berhasil: {when}",
            f"Menunggu: {st.pending}  Terkirim: {st.sent}  Gagal: {st.failed}",
        ]
        if st.last_error:
            lines.append(f"Galat terakhir: {st.last_error}")
        return "\n".join(lines)

    ctx.emit(st.to_json(), text)
    return 0


def _failed(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = sync_state.failed_events(ctx.db)

    def text() -> str:
        if not rows:
            return "Tidak ada peristiwa yang gagal."
        return "\n".join(f"{r.seq}\t{r.type}\t{r.event_id}\t{r.last_error or ''}" for r in rows)

    ctx.emit([r.to_json() for r in rows], text)
    return 0


def _retry(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.all == bool(args.ids):
        raise ValidationError("Sebutkan nomor peristiwa, atau --all untuk semua yang gagal (bukan keduanya).")
    count = sync_state.retry_failed(ctx.db, None if args.all else args.ids, ctx.actor())
    ctx.emit({"requeued": count}, f"{count} peristiwa dimasukkan kembali ke antrean kirim.")
    return 0
