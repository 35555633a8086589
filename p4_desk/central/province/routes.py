"""``/api/v1/province/...`` (JSON, XLSX, PDF) and the ``/provinsi`` pages of the province's staff.

Who may read: the admin token (``Authorization: Bearer``, what automation and the province's
statistics already use) or a province staff login (the ``p4_provinsi`` session cookie set by
``/provinsi/masuk``; ``staff`` explains the choice). The pages are server-rendered (Jinja2) with
SVG charts, Indonesian, for a phone or a desk; sorting is a link per column, no script.
"""

from datetime import date, timedelta
from importlib import resources
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import RedirectResponse
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials
from jinja2 import Environment, PackageLoader, select_autoescape

from p4_desk.central import sites
from p4_desk.central.guards import ADMIN_PER_MINUTE, Guards, unauthorised
from p4_desk.central.pekppp import pekppp_router
from p4_desk.central.province import exports, staff
from p4_desk.central.province.charts import bar_chart
from p4_desk.central.province.complaints import today_in_province
from p4_desk.central.province.late import late_responders, totals
from p4_desk.central.province.ranking import Row, previous_period, ranking
from p4_desk.central.province.table import COLUMNS, sort_rows
from p4_desk.central.public.pages import SECURITY_HEADERS
from p4_desk.central.ratelimit import note_failed_auth, rate_limited, refuse_if_guessing
from p4_desk.central.schemas import ERRORS
from p4_desk.domain.wording import format_date, format_date_range
from p4_desk.errors import AuthError

COOKIE = "p4_provinsi"
MAX_DAYS = 366
READS = rate_limited("province", ADMIN_PER_MINUTE)
LOGINS = rate_limited("province-login", 20)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def router(guards: Guards) -> APIRouter:
    sessions = guards.sessions
    session_cookie = APIKeyCookie(
        name=COOKIE,
        auto_error=False,
        scheme_name="ProvinceSession",
        description="Login of a province staff member at /provinsi/masuk",
    )
    templates = Environment(
        loader=PackageLoader("p4_desk.central.province", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.filters["tanggal"] = format_date
    api = APIRouter()

    def viewer(cookie: str | None) -> str | None:
        """The staff member of the cookie, else None."""
        if not cookie:
            return None
        with sessions.begin() as session:
            found = staff.staff_of_session(session, cookie)
        return found.full_name if found else None

    def province_reader(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(guards.admin_bearer)],
        cookie: Annotated[str | None, Depends(session_cookie)],
        _limit: Annotated[None, Depends(READS)],
    ) -> None:
        """The admin token or a province staff login (401 otherwise)."""
        refuse_if_guessing(request)
        if credentials is not None:
            if guards.is_admin_token(credentials):
                return
            with sessions.begin() as session:
                if sites.site_of_token(session, credentials.credentials) is not None:
                    raise HTTPException(403, "Token situs tidak boleh membaca data provinsi.")
            note_failed_auth(request, "province token")
            raise unauthorised("Token admin salah.")
        if viewer(cookie) is not None:
            return
        if cookie:
            note_failed_auth(request, "province session")
        raise unauthorised("Masuk sebagai petugas provinsi atau sertakan token admin.")

    def period(first: date, last: date) -> None:
        if first > last:
            raise HTTPException(422, "Tanggal 'from' harus sebelum atau sama dengan 'to'.")
        if (last - first).days >= MAX_DAYS:
            raise HTTPException(422, f"Periode paling panjang {MAX_DAYS} hari.")
        if first.year < 2000 or last.year > 2999:
            raise HTTPException(422, "Tanggal di luar rentang yang dapat dihitung (2000–2999).")

    @api.get("/api/v1/province/ranking", responses=ERRORS, tags=["province"])
    def get_ranking(
        first: Annotated[date, Query(alias="from")],
        last: Annotated[date, Query(alias="to")],
        _: Annotated[None, Depends(province_reader)],
        site: Annotated[
            str | None,
            Query(max_length=32, pattern=r"^[A-Za-z0-9._-]+$", description="the agencies of this site"),
        ] = None,
    ) -> dict[str, Any]:
        """Figures per site (or per agency of ``site``) for service days from..to, and for the
        previous period of equal length (definitions: ``central/province/ranking.py``)."""
        period(first, last)
        today = today_in_province()
        with sessions.begin() as session:
            rows = ranking(session, first, last, today, site=site)
        before_first, before_last = previous_period(first, last)
        return {
            "from": first,
            "to": last,
            "previous_from": before_first,
            "previous_to": before_last,
            "today": today,
            "site": site,
            "rows": [_row_json(row) for row in rows],
        }

    @api.get(
        "/api/v1/province/late-responders",
        responses={
            **ERRORS,
            200: {"content": {XLSX: {}, "application/pdf": {}}, "description": "JSON, XLSX or PDF"},
        },
        tags=["province"],
    )
    def get_late_responders(
        first: Annotated[date, Query(alias="from")],
        last: Annotated[date, Query(alias="to")],
        _: Annotated[None, Depends(province_reader)],
        file_format: Annotated[Literal["json", "xlsx", "pdf"], Query(alias="format")] = "json",
    ) -> Any:
        """Complaints whose LAPOR! deadline fell due from..to and was met late or is still not
        met, per site, agency and officer, with the working days late; ``format=xlsx|pdf`` for
        the sanction meeting."""
        period(first, last)
        today = today_in_province()
        with sessions.begin() as session:
            rows = late_responders(session, first, last, today)
        name = f"keterlambatan-pengaduan-{first.isoformat()}-{last.isoformat()}"
        if file_format == "xlsx":
            return _file(exports.to_xlsx(rows, first, last, today), XLSX, name + ".xlsx")
        if file_format == "pdf":
            return _file(exports.to_pdf(rows, first, last, today), "application/pdf", name + ".pdf")
        return {
            "from": first,
            "to": last,
            "today": today,
            "rows": [vars(row) for row in rows],
            "totals": [vars(total) for total in totals(rows)],
        }

    # --- pages ---------------------------------------------------------------------------

    def page(template: str, status: int = 200, **context: Any) -> Response:
        body = templates.get_template(template).render(**context)
        headers = {**SECURITY_HEADERS, "Cache-Control": "private, no-store"}
        return Response(body, status_code=status, media_type="text/html; charset=utf-8", headers=headers)

    def logged_in(request: Request) -> str | None:
        return viewer(request.cookies.get(COOKIE))

    def to_login() -> Response:
        return RedirectResponse("/provinsi/masuk", status_code=303, headers=SECURITY_HEADERS)

    def page_period(request: Request) -> tuple[date, date, str | None]:
        """``dari``/``sampai`` of the query, default the last full month; an error message."""
        last_month_end = today_in_province().replace(day=1) - timedelta(days=1)
        default = (last_month_end.replace(day=1), last_month_end)
        try:
            first = date.fromisoformat(request.query_params.get("dari") or default[0].isoformat())
            last = date.fromisoformat(request.query_params.get("sampai") or default[1].isoformat())
        except ValueError:
            return *default, "Tanggal tidak sah; ditampilkan bulan lalu."
        if first > last or (last - first).days >= MAX_DAYS or first.year < 2000 or last.year > 2999:
            return (
                *default,
                "Periode tidak sah (dari ≤ sampai, paling panjang 366 hari); ditampilkan bulan lalu.",
            )
        return first, last, None

    @api.get("/provinsi/masuk", include_in_schema=False, dependencies=[Depends(READS)])
    def login_page(request: Request) -> Response:
        return page("login.html", error=None, username="")

    @api.post("/provinsi/masuk", include_in_schema=False, dependencies=[Depends(LOGINS)])
    async def login(request: Request) -> Response:
        refuse_if_guessing(request)
        fields = await _form(request)
        username = fields.get("username", "")[:64]
        try:
            with sessions.begin() as session:
                token = staff.log_in(session, username, fields.get("password", "")[:200])
        except AuthError as refused:
            note_failed_auth(request, "province login")
            return page("login.html", status=401, error=refused.message, username=username)
        answer = RedirectResponse("/provinsi", status_code=303, headers=SECURITY_HEADERS)
        answer.set_cookie(
            COOKIE,
            token,
            max_age=staff.SESSION_HOURS * 3600,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        return answer

    @api.post("/provinsi/keluar", include_in_schema=False)
    def logout(request: Request) -> Response:
        with sessions.begin() as session:
            staff.log_out(session, request.cookies.get(COOKIE))
        answer = to_login()
        answer.delete_cookie(COOKIE, path="/")
        return answer

    @api.get("/provinsi", include_in_schema=False, dependencies=[Depends(READS)])
    def dashboard(request: Request) -> Response:
        who = logged_in(request)
        if who is None:
            return to_login()
        first, last, problem = page_period(request)
        site = request.query_params.get("situs") or None
        key = request.query_params.get("urut") or "ikm"
        descending = request.query_params.get("arah", "turun") != "naik"
        today = today_in_province()
        with sessions.begin() as session:
            rows = ranking(session, first, last, today, site=site[:32] if site else None)
        ordered = sort_rows(rows, key, descending)
        before_first, before_last = previous_period(first, last)
        return page(
            "dashboard.html",
            who=who,
            first=first,
            last=last,
            problem=problem,
            site=site,
            rows=ordered,
            columns=COLUMNS,
            key=key,
            descending=descending,
            today=today,
            period_text=format_date_range(first, last),
            previous_text=format_date_range(before_first, before_last),
            charts=_charts(ordered, site),
        )

    @api.get("/provinsi/terlambat", include_in_schema=False, dependencies=[Depends(READS)])
    def late_page(request: Request) -> Response:
        who = logged_in(request)
        if who is None:
            return to_login()
        first, last, problem = page_period(request)
        today = today_in_province()
        with sessions.begin() as session:
            rows = late_responders(session, first, last, today)
        return page(
            "late.html",
            who=who,
            first=first,
            last=last,
            problem=problem,
            rows=rows,
            totals=totals(rows),
            today=today,
            period_text=format_date_range(first, last),
        )

    stylesheet_bytes = (resources.files("p4_desk.central.province") / "static" / "provinsi.css").read_bytes()

    @api.get("/static/provinsi/provinsi.css", include_in_schema=False)
    def stylesheet() -> Response:
        body = stylesheet_bytes
        return Response(
            body,
            media_type="text/css; charset=utf-8",
            headers={**SECURITY_HEADERS, "Cache-Control": "public, max-age=3600"},
        )

    # a hall's PEKPPP evidence (issue 18.3), read by the same staff login or admin token
    api.include_router(pekppp_router(sessions, province_reader))
    return api


def _row_json(row: Row) -> dict[str, Any]:
    return {
        "key": row.key,
        "name": row.name,
        "current": row.current.as_json(),
        "previous": row.previous.as_json(),
    }


def _file(body: bytes, media_type: str, filename: str) -> Response:
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "private, no-store",
        },
    )


def _charts(rows: list[Row], site: str | None) -> list[tuple[str, Any]]:
    """(caption, SVG) of the three charts of the dashboard."""

    def label(row: Row) -> str:
        return row.key if site is None else row.name

    answers = [(label(r), r.current.deadlines["answer"].share_on_time) for r in rows]
    charts: list[tuple[str, list[tuple[str, float | None]], dict[str, Any]]] = [
        ("IKM (0–100)", [(label(r), r.current.ikm) for r in rows], {"top": 100, "places": 2}),
        ("Median waktu tunggu (menit)", [(label(r), r.current.wait_median_minutes) for r in rows], {}),
        (
            "Pengaduan ditanggapi tepat waktu (%)",
            [(name, None if share is None else share * 100) for name, share in answers],
            {"top": 100, "unit": " %"},
        ),
    ]
    return [(title, bar_chart(title, bars, **options)) for title, bars, options in charts]


async def _form(request: Request) -> dict[str, str]:
    """The login form (urlencoded, small); anything else reads as empty."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > 4096:
            return {}
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {name: values[-1] for name, values in fields.items()}
