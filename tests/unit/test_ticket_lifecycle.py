"""Ticket states, the counter actions and the no-show rule (DESIGN §4)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from p4_desk.domain.ticket_lifecycle import (
    MOVES,
    TICKETS,
    TicketAction,
    TicketState,
    check_action,
    check_no_show,
    closed_at_day_end,
    day_end_midnight,
    legal_actions,
    no_show_allowed,
)
from p4_desk.errors import InvalidTransition


def test_every_action_is_a_step_of_the_lifecycle() -> None:
    for action, move in MOVES.items():
        for state in move.allowed_from:
            if action is TicketAction.RECALL:
                assert move.to is state  # a recall announces again and stays called
            else:
                TICKETS.check_transition(state, move.to)


def test_a_full_visit_and_its_final_states() -> None:
    state = TICKETS.initial
    for action in (TicketAction.CALL, TicketAction.RECALL, TicketAction.START, TicketAction.FINISH):
        state = check_action(action, state, "A001")
    assert state is TicketState.DONE
    assert {s for s in TicketState if TICKETS.is_final(s)} == {
        TicketState.DONE,
        TicketState.CANCELLED,
        TicketState.UNSERVED,
    }


def test_an_action_the_state_does_not_allow_names_the_ticket_and_its_state() -> None:
    with pytest.raises(InvalidTransition, match="Tiket A007 tidak dapat diselesaikan: statusnya menunggu."):
        check_action(TicketAction.FINISH, "waiting", "A007")
    with pytest.raises(InvalidTransition, match="tidak dapat dibatalkan: statusnya dilayani"):
        check_action(TicketAction.CANCEL, TicketState.SERVING, "A007")


@pytest.mark.parametrize(
    ("recalls", "required", "allowed"), [(0, 1, False), (1, 1, True), (2, 3, False), (0, 0, True)]
)
def test_no_show_needs_the_configured_recalls_first(recalls: int, required: int, allowed: bool) -> None:
    assert no_show_allowed(recalls, required) is allowed
    assert (TicketAction.NO_SHOW in legal_actions("called", recalls, required)) is allowed
    if allowed:
        check_no_show("B003", recalls, required)
    else:
        with pytest.raises(InvalidTransition, match=f"Panggil ulang tiket B003 minimal {required} kali"):
            check_no_show("B003", recalls, required)


def test_legal_actions_per_state() -> None:
    assert legal_actions("waiting", 0, 1) == {TicketAction.CALL, TicketAction.CANCEL}
    assert legal_actions("called", 0, 1) == {TicketAction.RECALL, TicketAction.START, TicketAction.TRANSFER}
    assert legal_actions("serving", 5, 1) == {TicketAction.FINISH, TicketAction.TRANSFER}
    assert legal_actions("no_show", 1, 1) == {TicketAction.REACTIVATE}
    assert legal_actions("done", 1, 1) == frozenset()
    assert legal_actions("unserved", 0, 1) == frozenset()


@pytest.mark.parametrize("state", ["waiting", "called"])
def test_a_ticket_left_open_when_its_day_ended_is_closed_as_unserved(state: str) -> None:
    day = date(2026, 3, 4)
    assert closed_at_day_end(state, day, date(2026, 3, 5))
    assert not closed_at_day_end(state, day, day)  # the day is not over yet
    TICKETS.check_transition(state, TicketState.UNSERVED)
    assert TICKETS.label("unserved") == "Tidak terlayani"


@pytest.mark.parametrize("state", ["serving", "done", "no_show", "cancelled", "unserved"])
def test_other_states_stay_as_they_are_when_the_day_ends(state: str) -> None:
    assert not closed_at_day_end(state, date(2026, 3, 4), date(2026, 3, 9))


@pytest.mark.parametrize(
    ("zone", "utc_hour"), [("Asia/Jakarta", 17), ("Asia/Makassar", 16), ("Asia/Jayapura", 15)]
)
def test_the_service_day_ends_at_the_local_midnight(zone: str, utc_hour: int) -> None:
    midnight = day_end_midnight(date(2026, 3, 4), ZoneInfo(zone))
    assert midnight.astimezone(UTC) == datetime(2026, 3, 4, utc_hour, 0, tzinfo=UTC)
    assert midnight.astimezone(ZoneInfo(zone)).date() == date(2026, 3, 5)
