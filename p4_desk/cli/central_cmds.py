"""``p4-desk central ...``: the reference central API's own commands (see ``p4_desk.central.cli``).

Its handlers take only ``args`` (the central server has no site database), so the command is
marked to be dispatched without the desk's ``CliContext``.
"""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    try:
        from p4_desk.central.cli import register as register_central
    except ImportError:  # a counter-PC bundle ships without the central server
        return

    register_central(sub)
    sub.choices["central"].set_defaults(without_context=True)
