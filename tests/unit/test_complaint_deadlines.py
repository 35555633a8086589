from datetime import date

import pytest

from p4_desk.domain.complaint_deadlines import (
    KIND_LABELS,
    ComplaintKind,
    DeadlineRules,
    check_filing_window,
    compute_deadlines,
    overdue,
    parse_kind,
)
from p4_desk.domain.complaint_lifecycle import ComplaintState, allowed_next, check_transition
from p4_desk.domain.working_days import HolidayCalendar, load_seed_holidays
from p4_desk.errors import InvalidTransition, ValidationError

SEED = HolidayCalendar(load_seed_holidays())
RULES = DeadlineRules()


def test_kinds_have_indonesian_labels() -> None:
    assert parse_kind("permintaan_informasi") is ComplaintKind.PERMINTAAN_INFORMASI
    assert KIND_LABELS[ComplaintKind.PERMINTAAN_INFORMASI] == "Permintaan Informasi"
    assert {k.value for k in KIND_LABELS} == {"aspirasi", "pengaduan", "permintaan_informasi"}
    with pytest.raises(ValidationError):
        parse_kind("keluhan")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("received", "verified"),
        ("verified", "forwarded"),
        ("forwarded", "answered"),
        ("answered", "closed"),
        ("received", "closed"),  # not a complaint / duplicate
        ("answered", "forwarded"),  # reporter not satisfied
    ],
)
def test_allowed_transitions(old: str, new: str) -> None:
    check_transition(old, new)
    assert new in allowed_next(old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("received", "forwarded"),  # must be verified first
        ("received", "answered"),
        ("forwarded", "closed"),  # an agency must answer before closing
    ],
)
def test_illegal_transitions_are_refused_in_indonesian(old: str, new: str) -> None:
    with pytest.raises(InvalidTransition) as err:
        check_transition(old, new)
    assert "Status pengaduan tidak dapat diubah dari" in err.value.message


def test_steps_from_a_closed_complaint_or_to_the_same_state_say_why() -> None:
    with pytest.raises(
        InvalidTransition, match="Pengaduan sudah 'Selesai'; statusnya tidak dapat diubah lagi"
    ):
        check_transition("closed", "received")
    with pytest.raises(InvalidTransition, match="Pengaduan sudah berstatus 'Ditanggapi'"):
        check_transition("answered", "answered")


def test_closed_is_final() -> None:
    assert allowed_next(ComplaintState.CLOSED) == frozenset()


def test_deadlines_around_idulfitri_2026() -> None:
    # Received Tue 17 Mar 2026. 18 cuti bersama, 19 Nyepi, 20 cuti bersama, 21–22 weekend
    # and Idulfitri, 23–24 cuti bersama; working days: 25 (1), 26 (2), 27 (3).
    deadlines = compute_deadlines(date(2026, 3, 17), RULES, SEED)
    assert deadlines["verify_forward"] == date(2026, 3, 27)
    # Not forwarded yet: 5 working days after 27 Mar: 30, 31, 1, 2 Apr, (3 Apr Wafat
    # Yesus Kristus, weekend) 6 Apr.
    assert deadlines["follow_up_plan"] == date(2026, 4, 6)
    # 14 working days after 17 Mar: 25, 26, 27, 30, 31 Mar, 1, 2, 6, 7, 8, 9, 10, 13, 14 Apr
    assert deadlines["answer"] == date(2026, 4, 14)
    assert "auto_close" not in deadlines


def test_follow_up_counts_from_the_actual_forwarding_day() -> None:
    deadlines = compute_deadlines(
        date(2026, 3, 17), RULES, SEED, forwarded_on=date(2026, 3, 25), answered_on=None
    )
    # 26, 27, 30, 31 Mar, 1 Apr
    assert deadlines["follow_up_plan"] == date(2026, 4, 1)


def test_auto_close_is_ten_working_days_after_the_answer() -> None:
    deadlines = compute_deadlines(
        date(2026, 3, 17),
        RULES,
        SEED,
        forwarded_on=date(2026, 3, 25),
        answered_on=date(2026, 4, 10),
    )
    # Fri 10 Apr 2026 + 10 working days, no holiday in between: Fri 24 Apr
    assert deadlines["auto_close"] == date(2026, 4, 24)


def test_resolution_of_60_working_days_is_twelve_weeks_without_holidays() -> None:
    deadlines = compute_deadlines(date(2026, 1, 5), RULES, HolidayCalendar())
    assert deadlines["resolution"] == date(2026, 3, 30)  # Monday + 12 weeks


def test_unverified_deadlines_can_be_switched_off() -> None:
    rules = DeadlineRules(verify_forward=2, answer_days=None, resolution_days=None)
    deadlines = compute_deadlines(date(2026, 1, 5), rules, HolidayCalendar())
    assert set(deadlines) == {"verify_forward", "follow_up_plan"}
    assert deadlines["verify_forward"] == date(2026, 1, 7)


@pytest.mark.parametrize(
    ("state", "today", "expected"),
    [
        ("received", date(2026, 3, 27), []),  # due day itself is still in time
        ("received", date(2026, 3, 30), ["verify_forward"]),
        ("verified", date(2026, 3, 30), ["verify_forward"]),
        ("forwarded", date(2026, 3, 30), []),  # forwarding done, follow-up not yet due
        ("forwarded", date(2026, 4, 7), ["follow_up_plan"]),
        ("forwarded", date(2026, 4, 15), ["follow_up_plan", "answer"]),
        ("answered", date(2026, 4, 15), []),
        ("answered", date(2026, 4, 27), ["auto_close"]),
        ("closed", date(2026, 12, 31), []),
    ],
)
def test_overdue_depends_on_state(state: str, today: date, expected: list[str]) -> None:
    deadlines = compute_deadlines(date(2026, 3, 17), RULES, SEED, answered_on=date(2026, 4, 10))
    assert overdue(state, deadlines, today) == expected


def test_resolution_is_overdue_in_every_open_state() -> None:
    deadlines = {"resolution": date(2026, 6, 30)}
    for state in ComplaintState:
        expected = [] if state is ComplaintState.CLOSED else ["resolution"]
        assert overdue(state, deadlines, date(2026, 7, 1)) == expected


def test_filing_window_is_30_days_after_the_service() -> None:
    assert check_filing_window(date(2026, 11, 1), date(2026, 12, 1)) == date(2026, 12, 1)
    assert check_filing_window(date(2026, 11, 1), date(2026, 11, 1)) == date(2026, 12, 1)
    with pytest.raises(ValidationError) as err:
        check_filing_window(date(2026, 11, 1), date(2026, 12, 2))
    assert "30 hari" in err.value.message and "1 Desember 2026" in err.value.message
    with pytest.raises(ValidationError, match="setelah hari ini"):
        check_filing_window(date(2026, 12, 2), date(2026, 12, 1))
