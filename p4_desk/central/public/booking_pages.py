"""Appointments on the central server: the JSON endpoints, the halls' feed and the ``/booking`` page.

JSON: ``GET /api/v1/public/sites/{site}/slots?service=&date=``, ``POST /api/v1/public/bookings``
(201: the code and its QR; 409: the slot cannot be confirmed), ``DELETE
/api/v1/public/bookings/{code}``; the hall's ``GET /api/v1/sites/{site}/bookings?cursor=`` and
``POST /api/v1/sites/{site}/bookings/holds`` (a phone booking's seat held here first; ``DELETE
.../holds/{code}`` gives it back).
HTML (mobile, no JavaScript): ``/booking`` in three steps on one page (hall → service and date
→ slot, name, phone), ``/booking/{code}`` the code with its QR and a cancel button. The logic is
``central.public.booking``.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from p4_desk.central import live
from p4_desk.central.models import Site
from p4_desk.central.public import booking
from p4_desk.central.public.booking_schemas import (
    BookingIn,
    BookingOut,
    HallBookings,
    HallHold,
    HallHoldIn,
    SlotsOut,
)
from p4_desk.central.public.http import (
    CACHE_PRIVATE,
    SECURITY_HEADERS,
    answer,
    json_answer,
    json_error,
    read_form,
    templates,
    too_large,
)
from p4_desk.central.ratelimit import rate_limited
from p4_desk.central.schemas import ErrorAnswer
from p4_desk.errors import NotFound, P4Error

READS = rate_limited("public-read", 1200)
BOOKING = rate_limited("public-booking", 30)  # making and cancelling: a person, not a script
MAX_INT64 = 2**63 - 1
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorAnswer, "description": "Unknown hall, service or code"},
    409: {
        "model": ErrorAnswer,
        "description": "The slot cannot be confirmed (full, or the hall out of contact)",
    },
    422: {"model": ErrorAnswer, "description": "Fields wrong"},
    429: {"model": ErrorAnswer, "description": "Too many requests"},
}


def _status(error: P4Error) -> int:
    if isinstance(error, NotFound):
        return 404
    return 409 if isinstance(error, booking.SlotUnavailable) else 422


def booking_router(sessions: sessionmaker[Session], own_site: Callable[..., str]) -> APIRouter:
    router = APIRouter()
    env = templates()

    def page(
        request: Request, context: dict[str, Any], *, template: str = "booking.html", status: int = 200
    ) -> Response:
        body = env.get_template(template).render(path=request.url.path, **context)
        return answer(request, body.encode(), "text/html; charset=utf-8", "no-store", status)

    # --- the hall's feed ---------------------------------------------------------------------

    @router.get("/api/v1/sites/{site}/bookings", response_model=HallBookings, tags=["sync"])
    def hall_bookings(
        site: Annotated[str, Depends(own_site)],
        cursor: Annotated[int, Query(ge=0, le=MAX_INT64)] = 0,
        limit: Annotated[int, Query(ge=1, le=500)] = 200,
    ) -> dict[str, Any]:
        """Web bookings made or cancelled for this hall after ``cursor`` (with name and phone)."""
        with sessions.begin() as session:
            rows, next_cursor = booking.feed(session, site, cursor, limit)
            live.note_contact(session, site)
        return {"bookings": rows, "cursor": next_cursor}

    @router.post(
        "/api/v1/sites/{site}/bookings/holds",
        response_model=HallHold,
        tags=["sync"],
        responses={409: {"model": ErrorAnswer, "description": "The slot is full"}},
    )
    def hall_hold(site: Annotated[str, Depends(own_site)], body: HallHoldIn) -> Response:
        """A phone booking the hall is taking: one seat held here first (409 when none is left),
        so a web booking and the hall never both get the last seat."""
        try:
            held = booking.hold_for_hall(sessions, site, body.code, body.service, body.slot_start)
        except P4Error as bad:
            return json_error(_status(bad), bad.code, bad.message)
        return JSONResponse(held, status_code=201, headers={"Cache-Control": "no-store"})

    @router.delete("/api/v1/sites/{site}/bookings/holds/{code}", status_code=204, tags=["sync"])
    def hall_release(
        site: Annotated[str, Depends(own_site)], code: Annotated[str, Path(max_length=16)]
    ) -> Response:
        """The hall could not keep a booking it held: the seat is free again."""
        booking.release_for_hall(sessions, site, code)
        return Response(status_code=204)

    # --- JSON ----------------------------------------------------------------------------------

    @router.get(
        "/api/v1/public/sites/{site}/slots",
        response_model=SlotsOut,
        tags=["public"],
        responses=ERRORS,
        dependencies=[Depends(READS)],
    )
    def json_slots(
        request: Request,
        site: Annotated[str, Path(max_length=32)],
        service: Annotated[str, Query(max_length=64)],
        date_: Annotated[date, Query(alias="date")],
    ) -> Response:
        """Free slots of a service on a day; none (with the reason) while they cannot be confirmed."""
        try:
            with sessions.begin() as session:
                data = booking.slots(session, site, service, date_, datetime.now(UTC))
        except P4Error as error:
            return json_error(_status(error), error.code, error.message)
        return json_answer(request, data, CACHE_PRIVATE)

    @router.post(
        "/api/v1/public/bookings",
        response_model=BookingOut,
        status_code=201,
        tags=["public"],
        responses=ERRORS,
        dependencies=[Depends(BOOKING)],
    )
    def json_book(body: BookingIn) -> Response:
        """Book a slot (name and phone, no NIK): answers the code and its QR; the hall gets it by sync."""
        try:
            made = booking.book(sessions, body.site, body.service, body.slot, body.name, body.phone)
        except P4Error as error:
            return json_error(_status(error), error.code, error.message)
        return JSONResponse(made, status_code=201, headers={**SECURITY_HEADERS, "Cache-Control": "no-store"})

    @router.delete(
        "/api/v1/public/bookings/{code}",
        response_model=BookingOut,
        tags=["public"],
        responses=ERRORS,
        dependencies=[Depends(BOOKING)],
    )
    def json_cancel(code: Annotated[str, Path(max_length=16)]) -> Response:
        """Cancel a web booking with its code (before the slot); the seat is free again."""
        try:
            done = booking.cancel(sessions, code)
        except P4Error as error:
            return json_error(_status(error), error.code, error.message)
        return JSONResponse(done, headers={**SECURITY_HEADERS, "Cache-Control": "no-store"})

    # --- HTML ----------------------------------------------------------------------------------

    def form_context(values: dict[str, str], now: datetime) -> dict[str, Any]:
        with sessions.begin() as session:
            halls = [
                {"site": s.code, "name": s.name}
                for s in session.scalars(select(Site).where(Site.revoked_at.is_(None)).order_by(Site.name))
                if booking.bookable_services(session, s.code)
            ]
            site = values.get("site", "")
            services = booking.bookable_services(session, site) if site else []
            zone = booking.zone_of(session, site) if site else booking.ZoneInfo("Asia/Jakarta")
            service, day = values.get("service", ""), values.get("date", "")
            slots: dict[str, Any] | None = None
            if site and service and day:
                try:
                    slots = booking.slots(session, site, service, date.fromisoformat(day), now)
                except ValueError:
                    slots = {"available": False, "reason": "Tanggal tidak valid.", "slots": []}
                except P4Error as error:
                    slots = {"available": False, "reason": error.message, "slots": []}
        for slot in (slots or {}).get("slots", []):
            slot["label"] = slot["start"][11:16].replace(":", ".")
        today = now.astimezone(zone).date().isoformat()  # the hall's day, not the server's
        return {"halls": halls, "services": services, "slots": slots, "values": values, "today": today}

    @router.get("/booking", include_in_schema=False, dependencies=[Depends(READS)])
    def booking_form(
        request: Request,
        site: Annotated[str, Query(max_length=32)] = "",
        service: Annotated[str, Query(max_length=64)] = "",
        date_: Annotated[str, Query(alias="date", max_length=10)] = "",
    ) -> Response:
        values = {"site": site, "service": service, "date": date_}
        return page(request, form_context(values, datetime.now(UTC)))

    @router.post("/booking", include_in_schema=False, dependencies=[Depends(BOOKING)])
    async def booking_post(request: Request) -> Response:
        form = await read_form(request)
        if form is None:
            return too_large(request, lambda r, t, c, **kw: page(r, c, template=t, **kw))
        try:
            made = booking.book(
                sessions,
                form.get("site", ""),
                form.get("service", ""),
                form.get("slot", ""),
                form.get("name", ""),
                form.get("phone", ""),
            )
        except P4Error as error:
            context = form_context(form, datetime.now(UTC))
            return page(
                request, {**context, "error": error.message, "field": error.field}, status=_status(error)
            )
        return RedirectResponse(f"/booking/{made['code']}?baru=1", status_code=303, headers=SECURITY_HEADERS)

    @router.get("/booking/{code}", include_in_schema=False, dependencies=[Depends(BOOKING)])
    def booking_page(request: Request, code: Annotated[str, Path(max_length=16)]) -> Response:
        try:
            with sessions.begin() as session:
                row = booking.find_web_booking(session, code)
                data = booking.booking_json(row, booking.zone_of(session, row.site))
                data["hall"] = (session.get(Site, row.site) or Site(name=row.site)).name
        except NotFound as error:
            return page(
                request,
                {"title": "Tidak ditemukan", "message": error.message},
                template="error.html",
                status=404,
            )
        return page(
            request,
            {"booking": data, "new": request.query_params.get("baru") == "1"},
            template="booking_done.html",
        )

    @router.post("/booking/{code}/batal", include_in_schema=False, dependencies=[Depends(BOOKING)])
    def booking_cancel(request: Request, code: Annotated[str, Path(max_length=16)]) -> Response:
        try:
            booking.cancel(sessions, code)
        except NotFound as error:
            return page(
                request,
                {"title": "Tidak ditemukan", "message": error.message},
                template="error.html",
                status=404,
            )
        except P4Error as error:
            with sessions.begin() as session:
                row = booking.find_web_booking(session, code)
                data = booking.booking_json(row, booking.zone_of(session, row.site))
            return page(
                request, {"booking": data, "error": error.message}, template="booking_done.html", status=422
            )
        return RedirectResponse(f"/booking/{code}", status_code=303, headers=SECURITY_HEADERS)

    return router
