"""When a LAPOR! deadline counts as met, late, missed or pending, and by how many working days
(``domain.complaint_lateness``, the rule the hall and the province share)."""

from __future__ import annotations

from datetime import date

from p4_desk.domain.complaint_lateness import Step, outcomes
from p4_desk.domain.working_days import Holiday, HolidayCalendar

# Monday 5 October 2026 .. ; a made-up holiday on Wednesday 14 October
CALENDAR = HolidayCalendar([Holiday(date(2026, 10, 14), "Libur uji", "national")])
DUE = {
    "verify_forward": date(2026, 10, 8),
    "follow_up_plan": date(2026, 10, 13),
    "answer": date(2026, 10, 23),
}


def by_name(steps: list[Step], today: date) -> dict[str, tuple[str, int, str | None]]:
    return {
        o.deadline: (o.outcome, o.late_working_days, o.officer) for o in outcomes(DUE, steps, today, CALENDAR)
    }


def test_a_step_after_the_due_date_is_late_by_working_days_skipping_holidays_and_weekends() -> None:
    steps = [
        Step("received", date(2026, 10, 5), "ani"),
        Step("forwarded", date(2026, 10, 7), "ani"),
        # due Tuesday 13; Wednesday 14 is a holiday: answered Thursday 15 is one working day late
        Step("answered", date(2026, 10, 15), "budi"),
    ]
    found = by_name(steps, date(2026, 12, 1))
    assert found["verify_forward"] == ("met", 0, "ani")
    assert found["follow_up_plan"] == ("late", 1, "budi")
    assert found["answer"] == ("met", 0, "budi")


def test_a_saturday_step_after_a_friday_due_date_is_late_by_zero_working_days() -> None:
    due = {"verify_forward": date(2026, 10, 9)}  # Friday
    steps = [Step("received", date(2026, 10, 6), "ani"), Step("forwarded", date(2026, 10, 10), "cici")]
    [result] = outcomes(due, steps, date(2026, 12, 1), CALENDAR)
    assert (result.outcome, result.late_working_days, result.officer) == ("late", 0, "cici")


def test_a_missed_deadline_counts_to_today_and_names_who_holds_the_complaint() -> None:
    steps = [Step("received", date(2026, 10, 5), "ani"), Step("verified", date(2026, 10, 6), "dedi")]
    found = by_name(steps, date(2026, 10, 12))  # Monday: 9 (Fri) and 12 (Mon) are past the due date
    assert found["verify_forward"] == ("missed", 2, "dedi")
    assert found["answer"] == ("pending", 0, None)


def test_the_follow_up_plan_is_met_only_by_an_answer_after_the_latest_forwarding() -> None:
    steps = [
        Step("received", date(2026, 10, 5), "ani"),
        Step("forwarded", date(2026, 10, 6), "ani"),
        Step("answered", date(2026, 10, 7), "budi"),
        Step("forwarded", date(2026, 10, 8), "ani"),  # the reporter was not satisfied
    ]
    found = by_name(steps, date(2026, 10, 16))
    assert found["follow_up_plan"] == ("missed", 2, "ani")  # 15 and 16 October; 14 is the holiday
    assert found["answer"] == ("met", 0, "budi")
