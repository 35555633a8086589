"""First start on a PC: try the demo, set up a new site, or join an existing site database.

Three paths. The default — one press of Enter on the first page — is the demo (an embedded
SQLite database with the demo site MPP-BDL, this PC as counter L01). "Set up a new site" asks the
site, where its database lives (empty: embedded on this PC; or a PostgreSQL URL, with "Test
connection") and its first admin, then this PC's role. "Connect this PC to an existing site
database" asks the URL, needs a successful "Test connection", then the role and counter.

The wizard does the setup itself when Finish is pressed (``apply_setup`` off the UI thread, the
settings file last): an error keeps it open on the page it is about with everything typed, so a
refused site never leaves a half-set-up PC behind. The checks are the services' own
(``services.setup``); the pages only lay out and show their answers.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from p4_desk import demo
from p4_desk.config import Settings, default_database_url
from p4_desk.errors import AlreadyExists, P4Error
from p4_desk.gui.app.first_run_pages import (
    ChoicePage,
    ExistingPage,
    NewSitePage,
    RolePage,
)
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import setup
from p4_desk.store.migrate import open_database

DEMO, NEW_SITE, EXISTING = "demo", "new", "existing"
DEMO_COUNTER = "L01"


@dataclass
class SetupChoice:
    mode: str = DEMO
    database_url: str = ""  # empty: the embedded SQLite file in the data dir
    new_site: setup.NewSite | None = field(default=None)
    role: str = "counter"
    counter: str = DEMO_COUNTER


def apply_setup(choice: SetupChoice, settings: Settings) -> Settings:
    """Create or check the database for ``choice``, then save the workstation settings (Qt-free).
    The settings file is written only after the database step succeeded."""
    if choice.mode == DEMO:
        db = open_database(choice.database_url.strip() or default_database_url())
        try:
            # AlreadyExists: the demo database of an earlier start; use it as it is
            with contextlib.suppress(AlreadyExists):
                demo.load_demo_data(db)
        finally:
            db.dispose()
        url = choice.database_url.strip()
    elif choice.mode == NEW_SITE:
        assert choice.new_site is not None
        setup.create_site(choice.new_site, default_database_url())
        url = setup.database_url(choice.new_site.database_url)
    else:
        setup.inspect_site_database(choice.database_url)
        url = setup.database_url(choice.database_url)
    settings.set("database.url", url)
    settings.set("workstation.role", choice.role)
    settings.set("workstation.counter", choice.counter if choice.role in ("counter", "survey") else "")
    settings.save()
    return settings


class FirstRunWizard(QWizard):
    CHOICE_PAGE, NEW_SITE_PAGE, EXISTING_PAGE, ROLE_PAGE = range(4)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.settings = settings
        #: the saved settings once the setup succeeded
        self.saved: Settings | None = None
        self.busy = False
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
        self.choice_page.next_pages = {NEW_SITE: self.NEW_SITE_PAGE, EXISTING: self.EXISTING_PAGE}
        self.new_site_page.next_page = self.existing_page.next_page = self.ROLE_PAGE
        self.setStartId(self.CHOICE_PAGE)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.resize(720, 560)

    def mode(self) -> str:
        return self.choice_page.mode()

    def choice(self) -> SetupChoice:
        mode = self.mode()
        if mode == DEMO:
            return SetupChoice(mode=DEMO)
        role = self.role_page.role.currentData() or "counter"
        counter = self.role_page.counter.currentData() or ""
        if mode == NEW_SITE:
            form = self.new_site_page.form()
            return SetupChoice(NEW_SITE, form.database_url, form, role, counter)
        return SetupChoice(EXISTING, self.existing_page.url.text(), None, role, counter)

    # --- Finish: set up, and stay open on an error --------------------------------------

    def done(self, result: int) -> None:
        if result != QWizard.DialogCode.Accepted or self.saved is not None:
            super().done(result)
            return
        if self.busy or not self.validateCurrentPage():
            return
        page = self.currentPage()
        choice, settings = self.choice(), self.settings or Settings.load()
        self._set_busy(True)
        message = getattr(page, "message", None)
        if message is not None:
            message.setText(self.tr("Preparing the database…"))
        run_task(self, lambda: apply_setup(choice, settings), self._set_up, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.CancelButton):  # fmt: skip
            self.button(which).setEnabled(not busy)
        self.currentPage().setEnabled(not busy)

    def _set_up(self, settings: Settings) -> None:
        self._set_busy(False)
        self.saved = settings
        super().done(QWizard.DialogCode.Accepted)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        field_name = exc.field if isinstance(exc, P4Error) else None
        text = error_text(exc)
        mode = self.mode()
        if mode == NEW_SITE and field_name in self.new_site_page.guard.fields:
            # back to the page the error is about: everything typed is still there
            while self.currentId() != self.NEW_SITE_PAGE:
                self.back()
            self.new_site_page.guard.show_errors({field_name: text})
            return
        if mode == EXISTING and field_name == "database_url":
            while self.currentId() != self.EXISTING_PAGE:
                self.back()
            self.existing_page.show_failure(text)
            return
        page = self.currentPage()
        message = getattr(page, "message", None)
        if message is not None:
            message.setText(text)
