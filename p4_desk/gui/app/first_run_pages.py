"""The pages of the first-run wizard (``first_run.FirstRunWizard``): layout, and the answers of the
setup services shown by the fields they are about."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.form_guard import FormGuard
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import setup, site
from p4_desk.services.catalog import CounterInfo

DEMO, NEW_SITE, EXISTING = "demo", "new", "existing"
WORKSTATION_ROLES = ("counter", "kiosk", "display", "supervisor", "survey", "admin")
ERROR_STYLE = "color: #B00020;"
DEMO_LOGINS = "petugas1 / petugas123, supervisor / supervisor123, admin / admin123"


def _message(parent: QWidget, name: str = "formError") -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def _error_label(parent: QWidget, field: str) -> QLabel:
    label = _message(parent, f"error_{field}")
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def _with_error(widget: QWidget, error: QLabel) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(error)
    return column


class ChoicePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to P4 Desk"))
        self.setSubTitle(self.tr("This computer is not set up yet. What would you like to do?"))
        self.next_pages: dict[str, int] = {}
        self.demo = QRadioButton(self.tr("Try it with sample data (demo site MPP-BDL, counter L01)"), self)
        self.demo.setObjectName("choiceDemo")
        self.new_site = QRadioButton(self.tr("Set up a new site"), self)
        self.new_site.setObjectName("choiceNewSite")
        self.existing = QRadioButton(self.tr("Connect this PC to an existing site database"), self)
        self.existing.setObjectName("choiceExisting")
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for button in (self.demo, self.new_site, self.existing):
            self.group.addButton(button)
            layout.addWidget(button)
        hint = QLabel(self.tr("Demo logins: {logins}").format(logins=DEMO_LOGINS), self)
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.message = _message(self)
        layout.addSpacing(12)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(self.message)
        self.demo.setChecked(True)
        self.setFinalPage(True)
        self.group.buttonToggled.connect(self._chosen)

    def mode(self) -> str:
        if self.new_site.isChecked():
            return NEW_SITE
        return EXISTING if self.existing.isChecked() else DEMO

    def _chosen(self) -> None:
        # setFinalPage makes the wizard show "Lanjut" or "Selesai" for the path chosen now
        self.setFinalPage(self.mode() == DEMO)

    def nextId(self) -> int:  # noqa: N802 (Qt API)
        return self.next_pages.get(self.mode(), -1)


class NewSitePage(QWizardPage):
    FIELDS = (
        "site_code", "site_name", "timezone", "database_url",
        "admin_username", "admin_full_name", "admin_password", "admin_password_again",
    )  # fmt: skip

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("New site"))
        self.setSubTitle(self.tr("The site, where its database lives, and its first administrator."))
        self.next_page = -1
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("MPP-XYZ")
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. MPP Kabupaten Lampung Selatan"))
        self.timezone = QComboBox(self)
        for tz, label in site.TIMEZONES.items():
            self.timezone.addItem(f"{label} ({tz})", tz)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText(self.tr("empty: embedded database on this PC"))
        self.url.setToolTip(self.tr("For several PCs: postgresql://user:password@server/p4desk"))
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("testNewConnection")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self.admin = QLineEdit("admin", self)
        self.admin_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password2 = QLineEdit(self)
        for edit in (self.password, self.password2):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setToolTip(self.tr("At least 10 characters, letters mixed with digits or punctuation."))
        widgets: list[QWidget] = [self.code, self.name, self.timezone, self.url, self.admin,
                                  self.admin_name, self.password, self.password2]  # fmt: skip
        errors = {name: _error_label(self, name) for name in self.FIELDS}
        for name, widget in zip(self.FIELDS, widgets, strict=True):
            widget.setObjectName(name)
        self.guard = FormGuard(
            self, dict(zip(self.FIELDS, widgets, strict=True)), errors, check=self._problem, first=self.code
        )
        self.connection = _message(self, "newSiteConnection")
        self.connection.hide()  # shown with the answer of "Tes koneksi"
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.test_button)
        url_box = QVBoxLayout()
        url_box.setSpacing(2)
        url_box.addLayout(url_row)
        url_box.addWidget(errors["database_url"])
        url_box.addWidget(self.connection)
        titles = [self.tr("Site code"), self.tr("Site name"), self.tr("Time zone"), self.tr("Database"),
                  self.tr("Admin user name"), self.tr("Admin full name"), self.tr("Admin password"),
                  self.tr("Repeat password")]  # fmt: skip
        form = QFormLayout(self)
        for name, title, widget in zip(self.FIELDS, titles, widgets, strict=True):
            form.addRow(title, url_box if widget is self.url else _with_error(widget, errors[name]))
        self.url.textChanged.connect(lambda _text: self.connection.hide())

    def form(self) -> setup.NewSite:
        return setup.NewSite(
            site_code=self.code.text(),
            site_name=self.name.text(),
            timezone=str(self.timezone.currentData()),
            database_url=self.url.text(),
            admin_username=self.admin.text(),
            admin_full_name=self.admin_name.text(),
            admin_password=self.password.text(),
            admin_password_again=self.password2.text(),
        )

    def _problem(self, name: str) -> str:
        return setup.new_site_problems(self.form()).get(name, "")

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.guard.focus_first()

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        problems = setup.new_site_problems(self.form())
        self.guard.show_errors(problems)
        return not problems

    def nextId(self) -> int:  # noqa: N802 (Qt API)
        return self.next_page

    def test_connection(self) -> None:
        text = self.url.text()
        self.test_button.setEnabled(False)
        self.connection.setText(self.tr("Connecting…"))
        self.connection.show()
        run_task(self, lambda: setup.check_empty_database(text), self._tested, self._test_failed)

    def _tested(self, url: str) -> None:
        self.test_button.setEnabled(True)
        self.guard.set_error("database_url", "")
        if not url:
            self.connection.setText(self.tr("The site database will be a file on this PC."))
        else:
            self.connection.setText(self.tr("Connected. The site will be created in this database."))

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.connection.hide()
        self.guard.set_error("database_url", error_text(exc))


class ExistingPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Existing site database"))
        self.setSubTitle(
            self.tr("A PostgreSQL URL (postgresql://user:password@server/p4desk) or a SQLite file.")
        )
        self.next_page = -1
        self.url = QLineEdit(self)
        self.url.setObjectName("existingUrl")
        self.url.setPlaceholderText("postgresql://p4desk:…@192.168.1.10/p4desk")
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.result = _message(self, "connectionResult")
        self.counters: list[CounterInfo] | None = None
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Database URL"), self))
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.url.textChanged.connect(self._forget)
        self.url.installEventFilter(self)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.url.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # Enter in the URL tests it (and goes no further); after a good test the focus is on Next
        if (
            watched is self.url
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.test_connection()
            return True
        return super().eventFilter(watched, event)

    def _forget(self) -> None:
        self.counters = None
        self.result.clear()
        self.completeChanged.emit()

    def test_connection(self) -> None:
        if not self.url.text().strip():
            self.show_failure(self.tr("Type the address of the site database first."))
            return
        text = self.url.text()
        self.test_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Connecting…"))
        run_task(self, lambda: setup.inspect_site_database(text), self._connected, self._failed)

    def _connected(self, found: setup.SiteDatabase) -> None:
        self.test_button.setEnabled(True)
        self.counters = found.counters
        self.result.setStyleSheet("")
        self.result.setText(
            self.tr("Connected to {code} — {name}. The site has {n} counters.").format(
                code=found.site.code, name=found.site.name, n=len(found.counters)
            )
        )
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(wizard.WizardButton.NextButton).setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.show_failure(error_text(exc))

    def show_failure(self, text: str) -> None:
        self.counters = None
        self.result.setStyleSheet(ERROR_STYLE)
        self.result.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.counters is not None

    def nextId(self) -> int:  # noqa: N802 (Qt API)
        return self.next_page


class RolePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("This workstation"))
        self.setSubTitle(self.tr("What is this PC used for?"))
        self.role = QComboBox(self)
        self.role.setObjectName("roleCombo")
        titles = {
            "counter": self.tr("Counter (officer)"),
            "kiosk": self.tr("Ticket kiosk"),
            "display": self.tr("Display board"),
            "supervisor": self.tr("Supervisor"),
            "survey": self.tr("Satisfaction survey"),
            "admin": self.tr("Administration"),
        }
        for role in WORKSTATION_ROLES:
            self.role.addItem(titles[role], role)
        self.counter = QComboBox(self)
        self.counter.setObjectName("counterCombo")
        self.hint = _message(self, "roleHint")
        self.message = _message(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Counter"), self.counter)
        form.addRow(self.hint)
        form.addRow(self.message)
        self.role.currentIndexChanged.connect(self._sync)
        self.counters: list[CounterInfo] = []

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        wizard = self.wizard()
        existing = getattr(wizard, "existing_page", None)
        mode = wizard.mode() if hasattr(wizard, "mode") else DEMO
        self.counters = list(existing.counters or []) if mode == EXISTING and existing else []
        self.counter.clear()
        for c in self.counters:
            self.counter.addItem(f"{c.code} — {c.name}", c.code)
        self.message.clear()
        # a new site has no counters yet: its first workstation is the admin's
        self.role.setCurrentIndex(self.role.findData("counter" if self.counters else "admin"))
        self._sync()
        self.role.setFocus()

    def _sync(self) -> None:
        needs_counter = self.role.currentData() in ("counter", "survey")
        self.counter.setEnabled(needs_counter and self.counter.count() > 0)
        if needs_counter and not self.counters:
            self.hint.setText(
                self.tr("The site has no counters yet: the officer chooses one at login once the "
                        "admin has added them.")
            )  # fmt: skip
        else:
            self.hint.clear()
