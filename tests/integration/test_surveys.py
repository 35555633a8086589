"""IKM survey on real databases: one answer per ticket, SQL sums, grades, sample sizes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from sqlalchemy import select

from p4_desk.errors import AlreadyExists, InvalidTransition, ValidationError
from p4_desk.services import queue, surveys, users
from p4_desk.store.db import Database
from p4_desk.store.models import OutboxEvent
from tests.support.sites import Clock, make_site

DAY = date(2026, 3, 4)

# Worked example, five respondents (one per row), computed by hand:
#          U1 U2 U3 U4 U5 U6 U7 U8 U9
WORKED = [
    (4, 4, 3, 3, 4, 3, 4, 3, 4),
    (3, 3, 3, 4, 3, 3, 3, 3, 3),
    (4, 3, 4, 4, 4, 4, 4, 3, 4),
    (3, 3, 2, 4, 3, 3, 4, 2, 3),
    (4, 4, 3, 4, 3, 4, 4, 3, 3),
]
# column sums 18 17 15 19 17 17 19 14 17 → NRR = sum / 5
WORKED_NRR = ["3.6", "3.4", "3.0", "3.8", "3.4", "3.4", "3.8", "2.8", "3.4"]
# Σ NRR = 30.6; IKM = 30.6 × 1/9 × 25 = 3.4 × 25 = 85.00 → B (Baik).
# (The rounded 0.111 weight would give 30.6 × 0.111 × 25 = 84.92.)


def answers(scores: tuple[int, ...] | list[int]) -> dict[str, int]:
    return {f"U{i + 1}": score for i, score in enumerate(scores)}


@pytest.fixture
def db(db_url: str, clock: Clock) -> Database:
    database = make_site(db_url, clock)
    actor = users.get_user(database, "petugas1").actor
    queue.set_counter_state(database, "L1", "open", actor)
    queue.set_counter_state(database, "L3", "open", users.get_user(database, "petugas2").actor)
    return database


def serve(db: Database, service: str, counter: str, clock: Clock) -> queue.TicketInfo:
    """A citizen takes a ticket, is called, served and finished at the counter."""
    ticket = queue.issue_ticket(db, service)
    called = queue.call_next(db, counter)
    assert called is not None and called.id == ticket.id
    queue.start(db, ticket.id)
    clock.advance(minutes=3)
    return queue.finish(db, ticket.id)


def test_worked_example_through_tickets_and_sql_sums(db: Database, clock: Clock) -> None:
    for row in WORKED:
        ticket = serve(db, "KTP", "L1", clock)
        surveys.record_survey(db, answers(row), ticket=ticket.number, channel="screen")
    # another service's answer, which must stay out of the KTP figures
    pkb = serve(db, "PKB", "L3", clock)
    surveys.record_survey(db, answers([1] * 9), ticket=pkb.id)

    ktp = surveys.ikm_summary(db, DAY, DAY, service="KTP")
    assert ktp.respondents == 5 and ktp.visitors == 5
    assert ktp.result is not None
    assert [ktp.result.nrr[f"U{i}"] for i in range(1, 10)] == [Fraction(v) for v in WORKED_NRR]
    assert ktp.result.weighted_nrr["U1"] == Fraction("3.6") / 9
    assert ktp.result.ikm == Decimal("85.00")
    assert (ktp.result.grade, ktp.result.mutu) == ("B", "Baik")
    # Krejcie-Morgan for 5 visitors: 3.841·5·0.25 / (0.0025·4 + 0.96025) = 4.95 → 5
    assert ktp.sample_size == 5 and ktp.sample_reached

    by_agency = surveys.ikm_summary(db, DAY, DAY, agency="DUKCAPIL")
    assert by_agency.result is not None and by_agency.result.ikm == Decimal("85.00")
    whole_site = surveys.ikm_summary(db, DAY, DAY)
    assert whole_site.respondents == 6 and whole_site.visitors == 6
    # U1 over six respondents: (18 + 1) / 6
    assert whole_site.result is not None and whole_site.result.nrr["U1"] == Fraction(19, 6)
    assert surveys.ikm_summary(db, date(2026, 3, 5), date(2026, 3, 31)).respondents == 0


def to_total(n: int, total: int) -> list[dict[str, int]]:
    """n respondents whose 9·n scores add up to ``total``: fill 3s, then raise or lower one by one."""
    scores = [3] * (9 * n)
    diff = total - 27 * n
    step = 1 if diff > 0 else -1
    for i in range(abs(diff)):
        scores[i] += step
    return [answers(scores[9 * r : 9 * r + 9]) for r in range(n)]


@pytest.mark.parametrize(
    ("n", "total", "ikm", "grade"),
    [
        # 25 × 763 / (9 × 24) = 88.3102 → 88.31: the lowest A
        (24, 763, "88.31", "A"),
        (24, 762, "88.19", "B"),
        # 25 × 524 / (9 × 19) = 76.6082 → 76.61: the lowest B
        (19, 524, "76.61", "B"),
        (19, 523, "76.46", "C"),
        # 25 × 117 / 45 = 65.00 exactly: the lowest C
        (5, 117, "65.00", "C"),
        (5, 116, "64.44", "D"),
    ],
)
def test_grade_boundaries_from_stored_answers(db: Database, n: int, total: int, ikm: str, grade: str) -> None:
    for respondent in to_total(n, total):
        surveys.record_survey(db, respondent, service="KK")
    summary = surveys.ikm_summary(db, DAY, DAY, service="KK")
    assert summary.respondents == n and sum(summary.sums.values()) == total
    assert summary.result is not None
    assert (str(summary.result.ikm), summary.result.grade) == (ikm, grade)


def test_one_answer_per_ticket(db: Database, clock: Clock) -> None:
    ticket = serve(db, "KTP", "L1", clock)
    surveys.record_survey(db, answers([4] * 9), ticket=ticket.number, channel="screen")
    with pytest.raises(AlreadyExists, match=f"Tiket {ticket.number} sudah mengisi survei"):
        surveys.record_survey(db, answers([1] * 9), ticket=ticket.id)
    waiting = queue.issue_ticket(db, "KK")
    with pytest.raises(InvalidTransition, match="belum selesai dilayani"):
        surveys.record_survey(db, answers([3] * 9), ticket=waiting.number)
    summary = surveys.ikm_summary(db, DAY, DAY)
    assert summary.respondents == 1 and summary.result is not None
    assert summary.result.ikm == Decimal("100.00")


@pytest.mark.parametrize(
    ("raw", "field", "message"),
    [
        ({**answers([3] * 9), "U3": 5}, "U3", "harus 1 sampai 4"),
        ({**answers([3] * 9), "U3": 0}, "U3", "harus 1 sampai 4"),
        ({**answers([3] * 9), "U3": "4"}, "U3", "harus 1 sampai 4"),
        (answers([3] * 8), "U9", "belum dijawab: U9"),
        ({**answers([3] * 9), "U10": 4}, "U10", "tidak dikenal"),
    ],
)
def test_bad_scores_are_refused_and_nothing_is_stored(
    db: Database, raw: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as err:
        surveys.record_survey(db, raw, service="KTP")
    assert err.value.field == field and message in err.value.message
    assert surveys.ikm_summary(db, DAY, DAY).respondents == 0


def test_survey_event_is_sent_without_personal_data(db: Database, clock: Clock) -> None:
    ticket = serve(db, "KTP", "L1", clock)
    info = surveys.record_survey(db, answers(WORKED[0]), ticket=ticket.number, channel="screen")
    anonymous = surveys.record_survey_from_json(db, {"service": "PKB", "answers": answers(WORKED[1])})
    assert anonymous.ticket is None and anonymous.service == "PKB"
    with db.read() as s:
        payloads = [
            e.payload for e in s.scalars(select(OutboxEvent).where(OutboxEvent.type == "survey.submitted"))
        ]
    assert payloads[0]["survey_uid"] == info.uid
    assert payloads[0]["ticket_uid"] == ticket.uid and payloads[0]["service"] == "KTP"
    assert payloads[0]["answers"] == answers(WORKED[0])
    assert payloads[1]["ticket_uid"] is None and payloads[1]["service"] == "PKB"


def test_survey_screen_is_offered_the_last_unanswered_ticket_of_its_counter(
    db: Database, clock: Clock
) -> None:
    assert surveys.pending_ticket(db, "L1") is None
    first = serve(db, "KTP", "L1", clock)
    assert surveys.pending_ticket(db, "L3") is None
    pending = surveys.pending_ticket(db, "L1")
    assert pending is not None and pending.number == first.number
    surveys.record_survey(db, answers([4] * 9), ticket=first.id, channel="screen")
    assert surveys.pending_ticket(db, "L1") is None
    second = serve(db, "KK", "L1", clock)
    pending = surveys.pending_ticket(db, "L1")
    assert pending is not None and pending.number == second.number
    clock.advance(minutes=surveys.SURVEY_WINDOW_MINUTES + 1)  # the citizen has long gone
    assert surveys.pending_ticket(db, "L1") is None


def test_sample_size_counts_served_tickets_of_the_period(db: Database, clock: Clock) -> None:
    for _ in range(20):
        serve(db, "PKB", "L3", clock)
    queue.cancel(db, queue.issue_ticket(db, "PKB").id, "salah layanan")  # not a visitor
    summary = surveys.ikm_summary(db, DAY, DAY, service="PKB")
    # Krejcie-Morgan, N = 20: 3.841·20·0.25 / (0.0025·19 + 0.96025) = 19.06 → 19
    assert (summary.visitors, summary.sample_size, summary.respondents) == (20, 19, 0)
    assert summary.result is None and not summary.sample_reached
