"""Display board role (``--role display``): the TV in the waiting hall."""

from p4_desk.gui.display.window import DisplayWindow, open_window

__all__ = ["DisplayWindow", "open_window"]
