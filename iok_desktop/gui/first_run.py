"""First start on an empty database: create the first administrator, optionally load the demo cooperative."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from iok_desktop.demo import DemoResult
from iok_desktop.domain.enums import StaffRole
from iok_desktop.domain.errors import DomainError, ValidationError
from iok_desktop.domain.login_ids import check_staff_login
from iok_desktop.domain.passwords import check_policy
from iok_desktop.gui.forms.ui_first_run_admin_page import Ui_FirstRunAdminPage
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.password_rules import PasswordRules
from iok_desktop.gui.widgets import show_error
from iok_desktop.services import staff
from iok_desktop.services.backend import Backend


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunAdminPage()
        self.ui.setupUi(self)
        self.rules = PasswordRules(self.ui.rules_layout, self)
        for edit in (self.ui.full_name_edit, self.ui.login_edit, self.ui.password_edit, self.ui.repeat_edit):
            edit.textChanged.connect(self._changed)
        show_error(self.ui.error_label, None)
        self._changed()

    def _changed(self) -> None:
        self.rules.update(self.ui.password_edit.text(), self.ui.repeat_edit.text(), self.ui.login_edit.text())
        self.completeChanged.emit()

    def problem(self) -> str | None:
        """The first thing to fix, in Polish, or None."""
        if not self.ui.full_name_edit.text().strip():
            return self.tr("Enter the administrator's full name.")
        try:
            login = check_staff_login(self.ui.login_edit.text())
            check_policy(self.ui.password_edit.text(), login=login)
        except ValidationError as error:
            return error.message
        if self.ui.password_edit.text() != self.ui.repeat_edit.text():
            return self.tr("The two passwords differ.")
        return None

    def isComplete(self) -> bool:  # noqa: N802
        return self.problem() is None

    def validatePage(self) -> bool:  # noqa: N802
        problem = self.problem()
        show_error(self.ui.error_label, problem)
        return problem is None


class FirstRunWizard(QWizard):
    """Emits ``completed`` with the demo result (or None) once the administrator exists."""

    completed = Signal(object)

    def __init__(self, backend: Backend, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("IOK Desktop — first start"))
        self._backend = backend
        self._runner = runner
        welcome = QWizardPage(self)
        welcome.setTitle(self.tr("Welcome to IOK Desktop"))
        intro = QLabel(
            self.tr(
                "This database has no staff accounts yet. Create the first administrator; "
                "they can then add clerks and fill in the cooperative's settings."
            ),
            welcome,
        )
        intro.setWordWrap(True)
        QVBoxLayout(welcome).addWidget(intro)
        self.admin_page = AdminPage(self)
        demo = QWizardPage(self)
        demo.setTitle(self.tr("Demo cooperative"))
        demo_layout = QVBoxLayout(demo)
        self.demo_check = QCheckBox(self.tr("Load the demo cooperative (600 premises, 3 years of history)"), demo)
        self.demo_check.setObjectName("demo_check")
        demo_note = QLabel(
            self.tr("For trying IOK Desktop out. Do not load it into the cooperative's real database."), demo
        )
        demo_note.setWordWrap(True)
        demo_layout.addWidget(self.demo_check)
        demo_layout.addWidget(demo_note)
        self.status_label = QLabel(demo)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        demo_layout.addWidget(self.status_label)
        demo_layout.addStretch()
        for page in (welcome, self.admin_page, demo):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    def accept(self) -> None:
        """Create the administrator (and the demo) off the UI thread; close when it is done."""
        ui = self.admin_page.ui
        login, name, password = ui.login_edit.text(), ui.full_name_edit.text(), ui.password_edit.text()
        with_demo = self.demo_check.isChecked()
        backend = self._backend

        def work() -> DemoResult | None:
            backend.system(
                staff.create_staff_user, login=login, full_name=name, role=StaffRole.ADMIN, password=password
            )
            return backend.load_demo() if with_demo else None

        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.status_label.setText(self.tr("Creating… (the demo takes a few seconds)") if with_demo else "")
        self._runner.run(work, self._finished, self._failed)

    def _finished(self, demo: DemoResult | None) -> None:
        self.completed.emit(demo)
        super().accept()

    def _failed(self, error: BaseException) -> bool:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(error, DomainError):
            self.status_label.setText(error.message)
            return True
        return False
