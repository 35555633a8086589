"""Public service routes: the server's clock and its health."""

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from p4_desk import __version__
from p4_desk.central.guards import TIME_PER_MINUTE, error
from p4_desk.central.ratelimit import rate_limited
from p4_desk.central.schemas import ErrorAnswer, HealthAnswer, TimeAnswer


def router(engine: Engine) -> APIRouter:
    api = APIRouter()

    @api.get("/api/v1/time", response_model=TimeAnswer, tags=["public"])
    def get_time(
        _limit: Annotated[None, Depends(rate_limited("time", TIME_PER_MINUTE))],
    ) -> TimeAnswer:
        """Server clock, for the desk's clock-drift check."""
        return TimeAnswer(now=datetime.now(UTC))

    @api.get(
        "/api/v1/health",
        response_model=HealthAnswer,
        responses={503: {"model": ErrorAnswer, "description": "Database unreachable"}},
        tags=["public"],
    )
    def get_health() -> Any:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return error(503, "database_unavailable", "Basis data pusat tidak dapat dihubungi.")
        return HealthAnswer(status="ok", version=__version__)

    return api
