"""The clerk application's flow: first start → sign in → (forced password change) → main window → log out.

Windows are shown, not ``exec()``-ed, and hand over through signals, so tests drive the same flow
as a clerk does.

The application starts with ``open()``: the sign-in window is on the screen at once while the worker
thread imports the services and opens the database; a sign-in typed meanwhile waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from iok_desktop.gui.dialogs import Dialogs
from iok_desktop.gui.errors import ErrorPresenter, open_failure_message
from iok_desktop.gui.login_dialog import LoginDialog
from iok_desktop.gui.on_screen import when_on_screen
from iok_desktop.gui.operations import OperationRunner

# What comes after the sign-in window (the services and SQLAlchemy, the main window and its screens,
# the first-run wizard with the demo generator, the password change) is imported when it is needed:
# the start-up shows the sign-in window without waiting for it (benchmarks/README.md, start-up).
if TYPE_CHECKING:
    from iok_desktop.demo import DemoResult
    from iok_desktop.gui.clerk.main_window import MainWindow
    from iok_desktop.gui.clerk.pages import PageSpec
    from iok_desktop.gui.first_run import FirstRunWizard
    from iok_desktop.gui.password_dialog import PasswordChangeDialog
    from iok_desktop.services.auth import StaffSession
    from iok_desktop.services.backend import Backend


def _staff_count(backend: Backend) -> int:
    """On the worker: none means a first run."""
    from iok_desktop.services import staff  # noqa: PLC0415 - see the imports

    return backend.system(staff.staff_count)


def _open_and_count_staff(opener: Callable[[], Backend]) -> tuple[Backend, int]:
    """On the worker: open the database (closed again if it cannot even be asked) and count its staff."""
    backend = opener()
    try:
        return backend, _staff_count(backend)
    except BaseException:
        backend.database.dispose()
        raise


class ClerkApp(QObject):
    # The database could not be opened: the Polish reason. The application shows it and ends.
    failed_to_open = Signal(str)
    # The database is open (its description); the first window (sign-in or first run) is up.
    opened = Signal(str)

    def __init__(
        self,
        backend: Backend | None,
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
        """With the database already open (tests, tools): first run or sign-in."""
        backend = self._open_backend()
        self.runner.run(lambda: (backend, _staff_count(backend)), self._opened)

    def open(self, opener: Callable[[], Backend], *, sign_in_expected: bool = True) -> None:
        """Show the sign-in window now (unless a first run is expected) and open the database meanwhile,
        starting once the window is on the screen (gui/on_screen.py says why)."""
        if sign_in_expected:
            self.show_login()
        when_on_screen(
            self.login_dialog,
            lambda: self.runner.run(lambda: _open_and_count_staff(opener), self._opened, self._open_failed),
        )

    def _opened(self, result: tuple[Backend, int]) -> None:
        self.backend, count = result
        self._staff_counted(count)
        self.opened.emit(self.backend.description)
        # The hash an unknown login is checked against (so it is not refused faster than a wrong
        # password): made now on the worker, not on the first sign-in or at import.
        self.runner.run(_prepare_timing_hash)

    def _open_failed(self, error: BaseException) -> bool:
        message = open_failure_message(error)
        self.failed_to_open.emit(message)
        return True

    def _open_backend(self) -> Backend:
        if self.backend is None:  # a bug: the windows that need it come after _opened()
            raise RuntimeError("the database is not open yet")
        return self.backend

    def _staff_counted(self, count: int) -> None:
        backend = self._open_backend()
        if count == 0:
            from iok_desktop.gui.first_run import FirstRunWizard  # noqa: PLC0415 - see the imports

            if self.login_dialog is not None:  # nobody to sign in yet: the wizard comes instead
                self.login_dialog.close()
                self.login_dialog.deleteLater()
                self.login_dialog = None
            self.wizard = FirstRunWizard(backend, self.runner)
            self.wizard.completed.connect(self._first_run_done)
            self.wizard.show()
        elif self.login_dialog is not None:
            self.login_dialog.set_backend(backend)
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

            self.password_dialog = PasswordChangeDialog(self._open_backend(), self.runner, session.actor())
            self.password_dialog.changed.connect(lambda: self.open_main_window(session))
            self.password_dialog.rejected.connect(self.show_login)
            self.password_dialog.show()
        else:
            self.open_main_window(session)

    def open_main_window(self, session: StaffSession) -> None:
        from iok_desktop.gui.clerk.context import ClerkContext  # noqa: PLC0415 - see the imports
        from iok_desktop.gui.clerk.main_window import MainWindow  # noqa: PLC0415
        from iok_desktop.gui.clerk.pages import all_pages  # noqa: PLC0415

        ctx = ClerkContext(self._open_backend(), self.runner, self.errors, self.dialogs, self.settings, session)
        self.main_window = MainWindow(ctx, self._pages if self._pages is not None else all_pages())
        self.main_window.logged_out.connect(self._logged_out)
        self.main_window.show()

    def _logged_out(self) -> None:
        self.main_window = None
        self.show_login()


def _prepare_timing_hash() -> None:
    from iok_desktop.domain.passwords import prepare_timing_hash  # noqa: PLC0415 - see the imports

    prepare_timing_hash()
