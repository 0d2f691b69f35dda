"""The clerk application's flow: first start → sign in → (forced password change) → main window → log out.

Windows are shown, not ``exec()``-ed, and hand over through signals, so tests drive the same flow
as a clerk does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings

from iok_desktop.gui.dialogs import Dialogs
from iok_desktop.gui.errors import ErrorPresenter
from iok_desktop.gui.login_dialog import LoginDialog
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.services import staff
from iok_desktop.services.auth import StaffSession
from iok_desktop.services.backend import Backend

# What comes after the sign-in window (the main window and its screens, the first-run wizard with the
# demo generator, the password change) is imported when it is needed: the start-up shows the sign-in
# window without waiting for it (benchmarks/README.md, start-up).
if TYPE_CHECKING:
    from iok_desktop.demo import DemoResult
    from iok_desktop.gui.clerk.main_window import MainWindow
    from iok_desktop.gui.clerk.pages import PageSpec
    from iok_desktop.gui.first_run import FirstRunWizard
    from iok_desktop.gui.password_dialog import PasswordChangeDialog


class ClerkApp(QObject):
    def __init__(
        self,
        backend: Backend,
        settings: QSettings,
        dialogs: Dialogs | None = None,
        pages: list[PageSpec] | None = None,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.settings = settings
        self.dialogs = dialogs or Dialogs()
        self.errors = ErrorPresenter(self.dialogs, self)
        self.runner = OperationRunner(self.errors.show, self)
        self._pages = pages
        self.login_dialog: LoginDialog | None = None
        self.password_dialog: PasswordChangeDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.main_window: MainWindow | None = None

    def start(self) -> None:
        self.runner.run(lambda: self.backend.system(staff.staff_count), self._staff_counted)

    def _staff_counted(self, count: int) -> None:
        if count == 0:
            from iok_desktop.gui.first_run import FirstRunWizard  # noqa: PLC0415 - see the imports

            self.wizard = FirstRunWizard(self.backend, self.runner)
            self.wizard.completed.connect(self._first_run_done)
            self.wizard.show()
        else:
            self.show_login()

    def _first_run_done(self, demo: DemoResult | None) -> None:
        if demo is not None:
            lines = [f"{c.login}  {c.password}  {c.role}" for c in demo.staff]
            self.dialogs.info(
                None,
                self.tr("Demo cooperative loaded"),
                self.tr("Demo staff accounts (for trying out only):") + "\n\n" + "\n".join(lines),
            )
        self.show_login()

    def show_login(self) -> None:
        self.login_dialog = LoginDialog(self.backend, self.runner)
        self.login_dialog.signed_in.connect(self._signed_in)
        self.errors.window = self.login_dialog
        self.login_dialog.show()

    def _signed_in(self, session: StaffSession) -> None:
        if session.must_change_password:
            from iok_desktop.gui.password_dialog import PasswordChangeDialog  # noqa: PLC0415 - see the imports

            self.password_dialog = PasswordChangeDialog(self.backend, self.runner, session.actor())
            self.password_dialog.changed.connect(lambda: self.open_main_window(session))
            self.password_dialog.rejected.connect(self.show_login)
            self.password_dialog.show()
        else:
            self.open_main_window(session)

    def open_main_window(self, session: StaffSession) -> None:
        from iok_desktop.gui.clerk.context import ClerkContext  # noqa: PLC0415 - see the imports
        from iok_desktop.gui.clerk.main_window import MainWindow  # noqa: PLC0415
        from iok_desktop.gui.clerk.pages import all_pages  # noqa: PLC0415

        ctx = ClerkContext(self.backend, self.runner, self.errors, self.dialogs, self.settings, session)
        self.main_window = MainWindow(ctx, self._pages if self._pages is not None else all_pages())
        self.main_window.logged_out.connect(self._logged_out)
        self.main_window.show()

    def _logged_out(self) -> None:
        self.main_window = None
        self.show_login()
