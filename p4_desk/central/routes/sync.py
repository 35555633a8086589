"""What a hall's sync agent calls: push events, pull the catalogue, back-office updates, web
complaints, and hand over a citizen's reminder phone."""

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError as PydanticValidationError
from starlette.concurrency import run_in_threadpool

from p4_desk.central import back_office, catalog, intake, live
from p4_desk.central.guard import read_json
from p4_desk.central.guards import MAX_INT64, Guards, error
from p4_desk.central.notify import queue as reminders
from p4_desk.central.notify.gateways import Gateway
from p4_desk.central.public import complaints as web_complaints
from p4_desk.central.schemas import (
    ERRORS,
    ApplicationUpdateOut,
    ApplicationUpdates,
    CatalogDocument,
    ErrorAnswer,
    EventBatch,
    HallReminderAnswer,
    HallReminderIn,
    IntakeAnswer,
    RejectedEvent,
    WebComplaintsOut,
)


def router(guards: Guards, gateway: Gateway | None) -> APIRouter:
    sessions, own_site, reader = guards.sessions, guards.own_site, guards.reader
    api = APIRouter()

    @api.post(
        "/api/v1/sites/{site}/events",
        response_model=IntakeAnswer,
        responses={
            **ERRORS,
            413: {"model": ErrorAnswer, "description": "Body over 8 MiB"},
            422: {"model": ErrorAnswer, "description": "Body is not an events batch"},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": EventBatch.model_json_schema()}},
            }
        },
        tags=["sync"],
    )
    async def post_events(request: Request, site: Annotated[str, Depends(own_site)]) -> IntakeAnswer:
        """Store a batch of outbox events (at most 1000); idempotent by event id.

        The body is read only after the site token was accepted."""
        try:
            batch = EventBatch.model_validate(await read_json(request))
        except PydanticValidationError as invalid:
            raise RequestValidationError(invalid.errors()) from None

        def store() -> intake.IntakeResult:
            with sessions.begin() as session:
                return intake.store_batch(session, site, batch.events)

        result = await run_in_threadpool(store)
        return IntakeAnswer(
            accepted=result.accepted,
            duplicate=result.duplicate,
            rejected=[RejectedEvent(id=r.id, code=r.code, reason=r.reason) for r in result.rejected],
        )

    @api.get(
        "/api/v1/catalog",
        response_model=CatalogDocument,
        responses={**ERRORS, 304: {"description": "Not modified (If-None-Match matched)"}},
        tags=["sync"],
    )
    def get_catalog(request: Request, _: Annotated[None, Depends(reader)]) -> Response:
        """The permit catalogue and holidays; strong ETag, 304 on a matching If-None-Match."""
        with sessions.begin() as session:
            body = catalog.canonical_bytes(catalog.catalog_document(session))
        etag = catalog.etag_of(body)
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if _matches(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
        return Response(content=body, media_type="application/json", headers=headers)

    @api.get(
        "/api/v1/sites/{site}/application-updates",
        response_model=ApplicationUpdates,
        responses=ERRORS,
        tags=["sync"],
    )
    def get_application_updates(
        site: Annotated[str, Depends(own_site)],
        cursor: Annotated[int, Query(ge=0, le=MAX_INT64)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        schema_version: Annotated[
            int,
            Query(
                ge=min(back_office.UPDATES_VERSIONS),
                le=max(back_office.UPDATES_VERSIONS),
                description="2: states as English identifiers; 1 (default): the old Indonesian words.",
            ),
        ] = back_office.UPDATES_DEFAULT_VERSION,
    ) -> ApplicationUpdates:
        """Back-office status changes of this site's applications after ``cursor``."""
        with sessions.begin() as session:
            updates = back_office.updates_after(session, site, cursor, limit)
            live.note_contact(session, site)
        return ApplicationUpdates(
            updates=[
                ApplicationUpdateOut(
                    id=u.id,
                    registration_number=u.registration_number,
                    state=back_office.as_version(u.state, schema_version),
                    note=u.note,
                    changed_at=u.changed_at,
                )
                for u in updates
            ],
            cursor=updates[-1].id if updates else cursor,
        )

    @api.get(
        "/api/v1/sites/{site}/web-complaints",
        response_model=WebComplaintsOut,
        responses=ERRORS,
        tags=["sync"],
    )
    def get_web_complaints(
        site: Annotated[str, Depends(own_site)],
        cursor: Annotated[int, Query(ge=0, le=MAX_INT64)] = 0,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> dict[str, Any]:
        """Complaints citizens filed for this site on the public form, after ``cursor``."""
        with sessions.begin() as session:
            pending = web_complaints.pending_for_site(session, site, cursor, limit)
            live.note_contact(session, site)
        return {"complaints": pending, "cursor": pending[-1]["id"] if pending else cursor}

    @api.post(
        "/api/v1/sites/{site}/reminders",
        response_model=HallReminderAnswer,
        status_code=201,
        responses={
            **ERRORS,
            404: {"model": ErrorAnswer, "description": "The ticket's events have not arrived yet"},
            409: {"model": ErrorAnswer, "description": "No message gateway in this province"},
        },
        tags=["sync"],
    )
    def post_hall_reminder(
        site: Annotated[str, Depends(own_site)], body: HallReminderIn
    ) -> HallReminderAnswer | JSONResponse:
        """A phone a citizen gave at the hall's kiosk for "your turn is near" (never in an event:
        kept in the reminders only, deleted when the ticket ends). Sent again, it replaces it."""
        if gateway is None:
            return error(409, "reminders_unavailable", "Pengingat belum tersedia di provinsi ini.")
        with sessions.begin() as session:
            reminder = reminders.remind_from_hall(
                session, site, body.ticket_uid, body.phone, datetime.now(UTC)
            )
            live.note_contact(session, site)
            return HallReminderAnswer(ticket_uid=body.ticket_uid, phone_end=reminder.phone[-4:])

    return api


def _matches(if_none_match: str | None, etag: str) -> bool:
    """Weak comparison, as RFC 9110 prescribes for If-None-Match."""
    if not if_none_match:
        return False
    candidates = [tag.strip() for tag in if_none_match.split(",")]
    return "*" in candidates or any(tag.removeprefix("W/") == etag for tag in candidates)
