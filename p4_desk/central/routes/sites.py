"""Enrolment: a site trades its one-time code for its bearer token."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request

from p4_desk.central import sites
from p4_desk.central.guards import ENROL_PER_MINUTE, Guards
from p4_desk.central.ratelimit import note_failed_auth, rate_limited, refuse_if_guessing
from p4_desk.central.schemas import ERRORS, EnrolAnswer, EnrolRequest, ErrorAnswer
from p4_desk.errors import AuthError


def router(guards: Guards) -> APIRouter:
    sessions = guards.sessions
    api = APIRouter()

    @api.post(
        "/api/v1/enrol",
        response_model=EnrolAnswer,
        responses={
            403: {"model": ErrorAnswer, "description": "Code wrong, expired or already used"},
            429: ERRORS[429],
        },
        tags=["sites"],
    )
    def enrol(
        http: Request,
        request: EnrolRequest,
        _limit: Annotated[None, Depends(rate_limited("enrol", ENROL_PER_MINUTE))],
    ) -> EnrolAnswer:
        """Trade the one-time enrolment code of a site for its bearer token (codes expire)."""
        refuse_if_guessing(http, site=request.site)
        try:
            with sessions.begin() as session:
                token = sites.enrol(session, request.site, request.enrolment_code)
        except AuthError as refused:
            note_failed_auth(http, "enrolment code", site=request.site)
            raise HTTPException(403, refused.message) from None
        return EnrolAnswer(token=token)

    return api
