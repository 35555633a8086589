"""Summaries of finished service days for the statistics (migration 0014, ``services.stats.summaries``).

A row of ``stats_day`` says that the day's figures are summarised: ``stats_leg_group`` holds
the sums of its legs per service x officer (the groups of the one grouped pass of
``services.stats.legs`` summed over the day's hours; ``bucket`` is the first), ``stats_issued``
the tickets issued per issuing service and UTC hour, ``stats_day_durations`` the waiting and
service durations of each service's legs, sorted (the percentiles need every value; migration
0016). Triggers on ``ticket_leg``, ``ticket``, ``service`` (target) and ``site`` (time zone)
delete the ``stats_day`` row of every day a change touches (the other rows go with it), so a
late event or correction makes that day counted again from the legs.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from p4_desk.store.models.base import Base
from p4_desk.store.types import UTCDateTime


def _day() -> ForeignKey:
    return ForeignKey("stats_day.day", ondelete="CASCADE")


class StatsDay(Base):
    __tablename__ = "stats_day"
    __table_args__ = (Index("ix_stats_day_bounds", "start_at", "end_at"),)
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # local date in the site's zone
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())  # UTC bounds [start, end)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StatsLegGroup(Base):
    __tablename__ = "stats_leg_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, _day(), index=True)
    service_id: Mapped[int] = mapped_column(Integer)
    officer_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    bucket: Mapped[str] = mapped_column(String(13))  # 'YYYY-MM-DD HH', UTC: the first of the day
    legs: Mapped[int] = mapped_column(Integer)
    done: Mapped[int] = mapped_column(Integer)
    no_show: Mapped[int] = mapped_column(Integer)
    cancelled: Mapped[int] = mapped_column(Integer)
    transferred: Mapped[int] = mapped_column(Integer)
    wait_sum: Mapped[float] = mapped_column(Float)
    wait_n: Mapped[int] = mapped_column(Integer)
    service_sum: Mapped[float] = mapped_column(Float)
    service_n: Mapped[int] = mapped_column(Integer)
    within: Mapped[int] = mapped_column(Integer)
    busy: Mapped[float] = mapped_column(Float)
    unserved: Mapped[int] = mapped_column(Integer)


class StatsIssued(Base):
    __tablename__ = "stats_issued"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, _day(), index=True)
    service_id: Mapped[int] = mapped_column(Integer)
    bucket: Mapped[str] = mapped_column(String(13))
    n: Mapped[int] = mapped_column(Integer)


class StatsDayDurations(Base):
    """Sorted little-endian float64 arrays (``services.stats.ranks.pack``), 8 bytes a leg."""

    __tablename__ = "stats_day_durations"
    day: Mapped[date] = mapped_column(Date, _day(), primary_key=True)
    service_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    waits: Mapped[bytes] = mapped_column(LargeBinary)  # seconds queued to called, sorted
    services: Mapped[bytes] = mapped_column(LargeBinary)  # seconds started to ended, sorted
