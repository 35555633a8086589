"""The kiosk without the screen: a numeric keypad, arrow keys or physical buttons, and a voice.

Keys (a USB numeric keypad sends the same keys with NumLock on or off):

- arrows (keypad 2/4/6/8 without NumLock) move between the choices; past the last choice of a
  page the next page opens, so arrows alone reach every service;
- Enter (or Space) takes the choice; the digits 1-9 take the choice with that number on the page;
- 0, Backspace or Escape go back; PageDown/"+" and PageUp/"-" turn pages; "*" or "." repeat.

The choices of a page are its tiles, then its action buttons ("Saya sudah punya janji", "Pilih
beberapa layanan", "Prioritas", …), numbered on from the tiles. The visit page's buttons
("Ambil nomor antrian", "Tambah layanan lain", "Batal") are choices the same way (back: "Batal").
On the check-in page the keys type the booking code (digits, Backspace; Enter checks in) as a
scanner does; the arrows reach its buttons ("Check-in", "Tambah layanan lain", "Kembali"),
Enter takes the one reached, a digit goes back to the code, Escape goes home.

"Informasi layanan" is reached the same way: its list of services is a page of choices, and a
service's standard is read out whole (service, agency, each part as the page shows it, a part
not filled in as "Belum tersedia …"), then its one choice, back to the list. The recorded voice
has no clips for a site's texts: it says the service's name clip, if recorded, and the choice.

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
from p4_desk.gui.kiosk.actions import ActionBar
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
        self.reached: QWidget | None = None  # the choice the keys last reached (not Qt's first focus)
        kiosk.stack.currentChanged.connect(lambda _: self.page_opened())

    # --- speaking ---------------------------------------------------------------------------

    def say(self, phrase: Phrase) -> None:
        self.said.append(phrase)
        del self.said[:-20]
        self.voice.say_now(phrase)

    def page_opened(self) -> None:
        page = self.kiosk.stack.currentWidget()
        if page is None:
            return
        buttons = self.choices(page)
        if not buttons:
            return
        if page is not self.kiosk.checkin.page:  # there the code field keeps the focus
            self.focus(page, 0, speak=False)
        title = getattr(page, "title", None)
        text = title.text() if title is not None else ""
        tokens = self._choice_tokens(page, buttons[0])
        if page is self.kiosk.info.page:  # the whole standard, then the way back
            info = self.kiosk.info
            text = info.shown_speech()
            tokens = (name_clip("layanan", info.shown_code or ""), *tokens)
        text = (text.rstrip(".") + ". " if text else "") + self._choice_text(page, buttons[0])
        self.say(Phrase(tokens, text))

    def choices(self, page: QWidget) -> list[QPushButton]:
        """What the arrows reach on ``page``, in order (the digits 1-9 take them by number)."""
        kiosk = self.kiosk
        if isinstance(page, ChoicePage):
            return [*page.visible_buttons(), *_row_buttons(page, page.action_row)]
        if page is kiosk.visit.page:
            visit = kiosk.visit.page
            buttons = [visit.take, visit.add, visit.cancel]
        elif page is kiosk.checkin.page:
            checkin = kiosk.checkin.page
            buttons = [checkin.submit, checkin.more, checkin.back]
        elif page is kiosk.info.page:
            buttons = [kiosk.info.page.back]
        else:
            return []
        return [b for b in buttons if b.isVisibleTo(page) and b.isEnabled()]

    def ticket_issued(self, ticket: TicketInfo) -> None:
        self.say(ticket_phrase(ticket.number, ticket.estimated_wait_minutes))

    def _choice_text(self, page: QWidget, button: QPushButton) -> str:
        return choice_phrase(self._position(page, button), self._title(button), None).text()

    def _choice_tokens(self, page: QWidget, button: QPushButton) -> tuple[str, ...]:
        position, clip = self._position(page, button), self._clip(page, button)
        return choice_phrase(position, self._title(button), clip).tokens

    def _position(self, page: QWidget, button: QPushButton) -> int:
        buttons = self.choices(page)
        return buttons.index(button) + 1 if button in buttons else 1

    def _title(self, button: QPushButton) -> str:
        title = getattr(button, "title", None)
        text = title.text() if title is not None else button.text()
        reason = getattr(button, "reason", None)
        if reason is not None and not button.isEnabled():
            text += ", " + reason.text()
        return str(text)

    def _clip(self, page: QWidget, button: QPushButton) -> str | None:
        key = getattr(button, "key", "")
        if not key:
            return None  # an action button: said by its text
        if page is self.kiosk.home:
            return name_clip("instansi", key)
        if page in (self.kiosk.services, self.kiosk.info.list_page):
            return name_clip("layanan", key)
        return None

    # --- keys -------------------------------------------------------------------------------

    def focus(self, page: QWidget, index: int, *, speak: bool = True) -> None:
        buttons = self.choices(page)
        if not buttons:
            return
        button = buttons[max(0, min(index, len(buttons) - 1))]
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reached = button
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
        if page is None:
            return False
        if page is kiosk.checkin.page:
            return self._checkin_key(key)
        if key in REPEAT_KEYS:
            self.page_opened() if self.choices(page) else self._repeat_ticket()
            return True
        buttons = self.choices(page)
        if not buttons:
            return self._ticket_key(key)
        focused: QWidget | None = kiosk.focusWidget()
        focused = focused if focused is self.reached else None
        index = buttons.index(focused) if focused in buttons else -1  # type: ignore[arg-type]
        columns = page.columns if isinstance(page, ChoicePage) else 1
        if key in NEXT_KEYS:
            step = NEXT_KEYS[key] or (columns if key == Key.Key_Down else -columns)
            self._move(page, index, step)
        elif key in TAKE_KEYS:
            (focused if isinstance(focused, QPushButton) and focused in buttons else buttons[0]).click()
        elif key in DIGITS and DIGITS[key] <= len(buttons):
            buttons[DIGITS[key] - 1].click()
        elif key in BACK_KEYS:
            self._back(page)
        elif key in PAGE_KEYS and isinstance(page, ChoicePage):
            page.turn(PAGE_KEYS[key])
            self.focus(page, 0)
        else:
            return False
        return True

    def _checkin_key(self, key: Key) -> bool:
        """The check-in page: keys type the code unless they move between its buttons."""
        checkin = self.kiosk.checkin
        buttons = self.choices(checkin.page)
        focused = self.kiosk.focusWidget()
        on_button = isinstance(focused, QPushButton) and focused in buttons and focused is self.reached
        if key in NEXT_KEYS:
            step = 1 if key in (Key.Key_Right, Key.Key_Down) else -1
            index = buttons.index(focused) if on_button else -1  # type: ignore[arg-type]
            self.focus(checkin.page, (index + step) % len(buttons))
        elif key in (Key.Key_Return, Key.Key_Enter) and on_button:
            assert isinstance(focused, QPushButton)
            focused.click()
        elif key == Key.Key_Escape:
            checkin.page.back.click()
        elif key == Key.Key_Asterisk:
            self.page_opened()
        elif on_button and (key in DIGITS or key in (Key.Key_0, Key.Key_Backspace)):
            checkin.page.code.setFocus(Qt.FocusReason.OtherFocusReason)
            if key == Key.Key_Backspace:
                checkin.page.code.backspace()
            else:
                checkin.type(str(DIGITS.get(key, 0)))
        else:
            return False  # to the code field: digits, a scanner's separators, Enter
        return True

    def _move(self, page: QWidget, index: int, step: int) -> None:
        target = index + step
        count = len(self.choices(page))
        if isinstance(page, ChoicePage):
            if target >= count and page.page < page.pages - 1:
                page.turn(1)
                target = 0
            elif target < 0 and page.page > 0:
                page.turn(-1)
                target = len(self.choices(page)) - 1
        self.focus(page, max(0, min(target, len(self.choices(page)) - 1)))

    def _back(self, page: QWidget) -> None:
        kiosk = self.kiosk
        if page is kiosk.visit.page:
            kiosk.visit.page.cancel.click()
        elif page is kiosk.groups:
            kiosk.groups_cancel.click()
        elif page in (kiosk.services, kiosk.info.list_page):
            kiosk.go_home()
        elif page is kiosk.info.page:
            kiosk.info.page.back.click()
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


def _row_buttons(page: QWidget, row: ActionBar) -> list[QPushButton]:
    """The page's action buttons in the bar's order (the order they were added, not the rows)."""
    return [w for w in row.buttons if w.isVisibleTo(page) and w.isEnabled()]
