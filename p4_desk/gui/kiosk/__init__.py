"""Ticket kiosk role (``--role kiosk``): citizens take a queue number on a touch screen."""

from p4_desk.gui.kiosk.window import KioskWindow, open_window

__all__ = ["KioskWindow", "open_window"]
