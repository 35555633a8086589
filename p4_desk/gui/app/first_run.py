"""First start on a PC: try the demo, set up a new site, or join an existing site database.

The wizard only collects choices (``SetupChoice``); ``apply_setup`` does the work off the UI
thread and writes the settings file. The default — one press of Enter — is the demo: an embedded
SQLite database in the data dir with the demo site MPP-BDL, this PC as counter L01.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import Qt
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
    QWizard,
    QWizardPage,
)

from p4_desk import demo
from p4_desk.config import Settings, default_database_url
from p4_desk.errors import AlreadyExists, ValidationError
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import catalog, site, users
from p4_desk.services.catalog import CounterInfo
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database

DEMO, NEW_SITE, EXISTING = "demo", "new", "existing"
DEMO_COUNTER = "L01"
WORKSTATION_ROLES = ("counter", "kiosk", "display", "supervisor", "survey", "admin")


@dataclass
class SetupChoice:
    mode: str = DEMO
    database_url: str = ""  # empty: the embedded SQLite file in the data dir
    site_code: str = ""
    site_name: str = ""
    timezone: str = "Asia/Jakarta"
    admin_username: str = "admin"
    admin_full_name: str = ""
    admin_password: str = ""
    role: str = "counter"
    counter: str = DEMO_COUNTER


def apply_setup(choice: SetupChoice, settings: Settings) -> Settings:
    """Create or check the database for ``choice`` and save the workstation settings (Qt-free)."""
    url = choice.database_url.strip() or default_database_url()
    db = open_database(url)
    try:
        if choice.mode == DEMO:
            # AlreadyExists: the demo database of an earlier start; use it as it is
            with contextlib.suppress(AlreadyExists):
                demo.load_demo_data(db)
        elif choice.mode == NEW_SITE:
            site.init_site(db, choice.site_code, choice.site_name, choice.timezone)
            users.add_user(db, choice.admin_username, choice.admin_full_name, "admin", choice.admin_password)
        else:
            db.check_connection()
            site.get_site(db)
    finally:
        db.dispose()
    settings.set("database.url", choice.database_url.strip())
    settings.set("workstation.role", choice.role)
    settings.set("workstation.counter", choice.counter if choice.role in ("counter", "survey") else "")
    settings.save()
    return settings


def check_database(url: str) -> list[CounterInfo]:
    """Connect to an existing site database; its counters for the role page."""
    db = Database(url)
    try:
        db.check_connection()
        site.get_site(db)
        return catalog.list_counters(db)
    finally:
        db.dispose()


class ChoicePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to P4 Desk"))
        self.setSubTitle(self.tr("This computer is not set up yet. What would you like to do?"))
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
        demo_login = "petugas1 / petugas123, supervisor / supervisor123, admin / admin123"
        hint = QLabel(self.tr("Demo logins: {logins}").format(logins=demo_login), self)
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addSpacing(12)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.demo.setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self.completeChanged.emit())

    def mode(self) -> str:
        if self.new_site.isChecked():
            return NEW_SITE
        return EXISTING if self.existing.isChecked() else DEMO

    def nextId(self) -> int:  # noqa: N802 (Qt API)
        return {DEMO: -1, NEW_SITE: FirstRunWizard.NEW_SITE_PAGE, EXISTING: FirstRunWizard.EXISTING_PAGE}[
            self.mode()
        ]

    def isFinalPage(self) -> bool:  # noqa: N802 (Qt API)
        return self.mode() == DEMO


class NewSitePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("New site"))
        self.setSubTitle(self.tr("The site database and its first administrator."))
        self.code = QLineEdit(self)
        self.code.setObjectName("siteCode")
        self.code.setPlaceholderText("MPP-XYZ")
        self.name = QLineEdit(self)
        self.name.setObjectName("siteName")
        self.timezone = QComboBox(self)
        for tz, label in site.TIMEZONES.items():
            self.timezone.addItem(f"{label} ({tz})", tz)
        self.url = QLineEdit(self)
        self.url.setObjectName("newSiteUrl")
        self.url.setPlaceholderText(self.tr("empty: embedded database on this PC"))
        self.admin = QLineEdit("admin", self)
        self.admin.setObjectName("adminUsername")
        self.admin_name = QLineEdit(self)
        self.admin_name.setObjectName("adminFullName")
        self.password = QLineEdit(self)
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(self)
        self.password2.setObjectName("adminPassword2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Site code"), self.code)
        form.addRow(self.tr("Site name"), self.name)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Database URL"), self.url)
        form.addRow(self.tr("Admin user name"), self.admin)
        form.addRow(self.tr("Admin full name"), self.admin_name)
        form.addRow(self.tr("Admin password"), self.password)
        form.addRow(self.tr("Repeat password"), self.password2)
        form.addRow(self.message)

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        try:
            if not self.code.text().strip() or not self.name.text().strip():
                raise ValidationError(self.tr("Site code and site name are required."))
            if not self.admin_name.text().strip():
                raise ValidationError(self.tr("The administrator's full name is required."))
            if len(self.password.text()) < users.MIN_PASSWORD_LENGTH:
                raise ValidationError(
                    self.tr("The password needs at least {n} characters.").format(n=users.MIN_PASSWORD_LENGTH)
                )
            if self.password.text() != self.password2.text():
                raise ValidationError(self.tr("The two passwords differ."))
        except ValidationError as exc:
            self.message.setText(exc.message)
            return False
        self.message.clear()
        return True

    def nextId(self) -> int:  # noqa: N802 (Qt API)
        return FirstRunWizard.ROLE_PAGE


class ExistingPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Existing site database"))
        self.setSubTitle(
            self.tr("A PostgreSQL URL (postgresql://user:password@server/p4desk) or a SQLite file.")
        )
        self.url = QLineEdit(self)
        self.url.setObjectName("existingUrl")
        self.url.setPlaceholderText("postgresql://p4desk:…@192.168.1.10/p4desk")
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel(self)
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        self.counters: list[CounterInfo] | None = None
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.url.textChanged.connect(self._forget)

    def database_url(self) -> str:
        text = self.url.text().strip()
        if text and "://" not in text:
            text = f"sqlite:///{text}"  # a plain file path
        return text

    def _forget(self) -> None:
        self.counters = None
        self.result.clear()
        self.completeChanged.emit()

    def test_connection(self) -> None:
        url = self.database_url()
        if not url:
            return
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Connecting…"))
        run_task(self, lambda: check_database(url), self._connected, self._failed)

    def _connected(self, counters: list[CounterInfo]) -> None:
        self.test_button.setEnabled(True)
        self.counters = counters
        self.result.setText(self.tr("Connected. The site has {n} counters.").format(n=len(counters)))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.counters = None
        self.result.setText(error_text(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.counters is not None

    def nextId(self) -> int:  # noqa: N802 (Qt API)
        return FirstRunWizard.ROLE_PAGE


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
        form = QFormLayout(self)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Counter"), self.counter)
        self.role.currentIndexChanged.connect(self._sync)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        self.counter.clear()
        counters = wizard.existing_page.counters if wizard.choice_page.mode() == EXISTING else None
        for c in counters or []:
            self.counter.addItem(f"{c.code} — {c.name}", c.code)
        # a new site has no counters yet: its first workstation is the admin's
        self.role.setCurrentIndex(self.role.findData("admin" if not counters else "counter"))
        self._sync()

    def _sync(self) -> None:
        self.counter.setEnabled(self.role.currentData() in ("counter", "survey") and self.counter.count() > 0)


class FirstRunWizard(QWizard):
    CHOICE_PAGE, NEW_SITE_PAGE, EXISTING_PAGE, ROLE_PAGE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("P4 Desk — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.choice_page = ChoicePage(self)
        self.new_site_page = NewSitePage(self)
        self.existing_page = ExistingPage(self)
        self.role_page = RolePage(self)
        self.setPage(self.CHOICE_PAGE, self.choice_page)
        self.setPage(self.NEW_SITE_PAGE, self.new_site_page)
        self.setPage(self.EXISTING_PAGE, self.existing_page)
        self.setPage(self.ROLE_PAGE, self.role_page)
        self.setStartId(self.CHOICE_PAGE)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.resize(640, 460)

    def choice(self) -> SetupChoice:
        mode = self.choice_page.mode()
        if mode == DEMO:
            return SetupChoice(mode=DEMO)
        role = self.role_page.role.currentData() or "counter"
        counter = self.role_page.counter.currentData() or ""
        if mode == NEW_SITE:
            p = self.new_site_page
            return SetupChoice(
                mode=NEW_SITE,
                database_url=p.url.text().strip(),
                site_code=p.code.text().strip(),
                site_name=p.name.text().strip(),
                timezone=p.timezone.currentData(),
                admin_username=p.admin.text().strip(),
                admin_full_name=p.admin_name.text().strip(),
                admin_password=p.password.text(),
                role=role,
                counter=counter,
            )
        return SetupChoice(
            mode=EXISTING, database_url=self.existing_page.database_url(), role=role, counter=counter
        )
