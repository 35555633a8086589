"""The kiosk without the screen: a numeric keypad, arrow keys or physical buttons, and a voice.

Keys (a USB numeric keypad sends the same keys with NumLock on or off):

- arrows (keypad 2/4/6/8 without NumLock) move between the choices; past the last choice of a
  page the next page opens, so arrows alone reach every service;
- Enter (or Space) takes the choice; the digits 1-9 take the choice with that number on the page;
- 0, Backspace or Escape go back; PageDown/"+" and PageUp/"-" turn pages; "*" or "." repeat.

Every page, every choice reached and the issued ticket (its number and the estimated wait) are
said through the display board's Indonesian voice (``display.announcer.Announcer``: recorded
clips, or an id-ID text-to-speech voice when ``voice.tts`` is on). A new key stops what is
being said: the citizen never waits for an old sentence to end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from p4_desk.gui.display.announcer import Announcer
from p4_desk.gui.kiosk.pages import ChoicePage
from p4_desk.services.queue import TicketInfo
from p4_desk.voice.kiosk import Phrase, choice_phrase, name_clip, ticket_phrase

if TYPE_CHECKING:
    from p4_desk.gui.kiosk.window import KioskWindow

Key = Qt.Key
NEXT_KEYS = {Key.Key_Right: 1, Key.Key_Down: 0, Key.Key_Left: -1, Key.Key_Up: 0}
TAKE_KEYS = {Key.Key_Return, Key.Key_Enter, Key.Key_Space}
BACK_KEYS = {Key.Key_0, Key.Key_Backspace, Key.Key_Escape}
PAGE_KEYS = {Key.Key_PageDown: 1, Key.Key_Plus: 1, Key.Key_PageUp: -1, Key.Key_Minus: -1}
REPEAT_KEYS = {Key.Key_Asterisk, Key.Key_Period, Key.Key_Comma}
DIGITS = {getattr(Key, f"Key_{n}"): n for n in range(1, 10)}


class KioskAccess(QObject):
    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.voice = Announcer(kiosk.ctx.settings, self, audio=kiosk.audio)
        self.said: list[Phrase] = []  # what was said, newest last (for the staff's check and tests)
        kiosk.stack.currentChanged.connect(lambda _: self.page_opened())

    # --- speaking ---------------------------------------------------------------------------

    def say(self, phrase: Phrase) -> None:
        self.said.append(phrase)
        del self.said[:-20]
        self.voice.say_now(phrase)

    def page_opened(self) -> None:
        page = self.kiosk.stack.currentWidget()
        if isinstance(page, ChoicePage):
            self.focus(page, 0, speak=False)
            buttons = page.visible_buttons()
            title = page.title.text()
            if buttons:
                title += ". " + self._choice_text(page, buttons[0])
            self.say(Phrase(self._choice_tokens(page, buttons[0]) if buttons else (), title))

    def ticket_issued(self, ticket: TicketInfo) -> None:
        self.say(ticket_phrase(ticket.number, ticket.estimated_wait_minutes))

    def _choice_text(self, page: ChoicePage, button: QPushButton) -> str:
        return choice_phrase(self._position(page, button), self._title(button), None).text()

    def _choice_tokens(self, page: ChoicePage, button: QPushButton) -> tuple[str, ...]:
        position, clip = self._position(page, button), self._clip(page, button)
        return choice_phrase(position, self._title(button), clip).tokens

    def _position(self, page: ChoicePage, button: QPushButton) -> int:
        buttons = page.visible_buttons()
        return buttons.index(button) + 1 if button in buttons else 1  # type: ignore[arg-type]

    def _title(self, button: QPushButton) -> str:
        title = getattr(button, "title", None)
        text = title.text() if title is not None else button.text()
        reason = getattr(button, "reason", None)
        if reason is not None and not button.isEnabled():
            text += ", " + reason.text()
        return str(text)

    def _clip(self, page: ChoicePage, button: QPushButton) -> str | None:
        key = getattr(button, "key", "")
        if page is self.kiosk.home:
            return name_clip("instansi", key)
        if page is self.kiosk.services:
            return name_clip("layanan", key)
        return None

    # --- keys -------------------------------------------------------------------------------

    def focus(self, page: ChoicePage, index: int, *, speak: bool = True) -> None:
        buttons = page.visible_buttons()
        if not buttons:
            return
        button = buttons[max(0, min(index, len(buttons) - 1))]
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        if speak:
            self.say(Phrase(self._choice_tokens(page, button), self._choice_text(page, button)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        # each key reaches the filter twice (window, then widget): only the widget's counts
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.kiosk or not self.kiosk.isActiveWindow():
            return False
        assert isinstance(event, QKeyEvent)
        return self.key(Key(event.key()))

    def key(self, key: Key) -> bool:
        """Handle one key; True when it meant something here."""
        kiosk = self.kiosk
        page = kiosk.stack.currentWidget()
        if key in REPEAT_KEYS:
            self.page_opened() if isinstance(page, ChoicePage) else self._repeat_ticket()
            return True
        if not isinstance(page, ChoicePage):
            return self._ticket_key(key)
        buttons = page.visible_buttons()
        focused = kiosk.focusWidget()
        index = buttons.index(focused) if focused in buttons else -1  # type: ignore[arg-type]
        if key in NEXT_KEYS:
            step = NEXT_KEYS[key] or (page.columns if key == Key.Key_Down else -page.columns)
            self._move(page, index, step)
        elif key in TAKE_KEYS:
            (focused if isinstance(focused, QPushButton) else buttons[0]).click()
        elif key in DIGITS and DIGITS[key] <= len(buttons):
            buttons[DIGITS[key] - 1].click()
        elif key in BACK_KEYS:
            self._back(page)
        elif key in PAGE_KEYS:
            page.turn(PAGE_KEYS[key])
            self.focus(page, 0)
        else:
            return False
        return True

    def _move(self, page: ChoicePage, index: int, step: int) -> None:
        target = index + step
        count = len(page.visible_buttons())
        if target >= count and page.page < page.pages - 1:
            page.turn(1)
            target = 0
        elif target < 0 and page.page > 0:
            page.turn(-1)
            target = len(page.visible_buttons()) - 1
        self.focus(page, max(0, min(target, len(page.visible_buttons()) - 1)))

    def _back(self, page: QWidget) -> None:
        kiosk = self.kiosk
        if page is kiosk.groups:
            kiosk.groups_cancel.click()
        elif page is kiosk.services:
            kiosk.go_home()
        elif kiosk.priority:
            kiosk.set_priority(None)

    def _ticket_key(self, key: Key) -> bool:
        page = self.kiosk.ticket_page
        for button in (page.retry, page.done):
            if key in TAKE_KEYS and button.isVisible():
                button.click()
                return True
        if key in BACK_KEYS and page.cancel.isVisible():
            page.cancel.click()
            return True
        if key in BACK_KEYS and page.done.isVisible():
            page.done.click()
            return True
        return False

    def _repeat_ticket(self) -> None:
        if self.kiosk.ticket is not None:
            self.ticket_issued(self.kiosk.ticket)

    def close(self) -> None:
        self.voice.close()
