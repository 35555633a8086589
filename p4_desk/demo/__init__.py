"""Demo data for training, trials and `python3 dev.py run` (`p4-desk demo-data`).

Nothing in production code paths imports this package. History (tickets, survey answers,
complaints, applications) is written directly as finished rows, without audit rows or outbox
events: it did not happen here, and a demo must not push invented events to the province.
Today's waiting tickets are issued through the real queue service so they behave like real ones.
"""

from p4_desk.demo.hall import load_demo_data

__all__ = ["load_demo_data"]
