"""The kiosk's flow: sign in → (forced password change) → resident pages → log out, in one full-screen window.

Every screen of a resident is built at sign-in and destroyed at logout, so the next resident finds
nothing of the previous one. Database work runs on the worker thread; a lost database shows the
out-of-service screen, which retries by itself. Any work that finds the database gone leads there (also
when the screen that asked showed the message itself), and an idle kiosk checks the connection every
``heartbeat_ms`` so the next resident does not type a password into a kiosk that cannot answer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from iok_desktop.domain.errors import DatabaseUnavailableError
from iok_desktop.gui.dialogs import Dialogs
from iok_desktop.gui.errors import ErrorPresenter
from iok_desktop.gui.kiosk.admin_exit import EXIT_SEQUENCE, KioskAdminExitScreen
from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.idle import COUNTDOWN_SECONDS, IdleWatch
from iok_desktop.gui.kiosk.login_screen import KioskLoginScreen
from iok_desktop.gui.kiosk.outage_screen import KioskOutageScreen
from iok_desktop.gui.kiosk.pages import KioskPageSpec, all_pages
from iok_desktop.gui.kiosk.password_screen import KioskPasswordScreen
from iok_desktop.gui.kiosk.shell import KioskShell
from iok_desktop.gui.kiosk.window import KioskWindow
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.services.auth import ResidentSession
from iok_desktop.services.backend import Backend
from iok_desktop.services.session_events import KioskEvent, record_kiosk_session
from iok_desktop.services.settings import CooperativeSettings, get_settings

RETRY_MS = 10_000
HEARTBEAT_MS = 30_000


class KioskApp(QObject):
    closed = Signal()  # an administrator ended the kiosk

    def __init__(
        self,
        backend: Backend,
        *,
        idle_seconds: float | None = None,
        countdown_seconds: int = COUNTDOWN_SECONDS,
        retry_ms: int = RETRY_MS,
        heartbeat_ms: int = HEARTBEAT_MS,
        pages: list[KioskPageSpec] | None = None,
        dialogs: Dialogs | None = None,
        full_screen: bool = True,
        printer: str | None = None,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.dialogs = dialogs or Dialogs()
        self.errors = ErrorPresenter(self.dialogs, self)
        self.runner = OperationRunner(self._unhandled, self)
        self.runner.connection_lost.connect(self._out_of_service)
        self.window = KioskWindow()
        self.errors.window = self.window
        self._full_screen = full_screen
        # None: the cooperative's setting, read at start and after an outage.
        self._idle_override = idle_seconds
        self.idle_seconds: float = idle_seconds or 60
        self.countdown_seconds = countdown_seconds
        self._pages = pages
        # This kiosk's printer for residents' statements (None: the system's default printer).
        self.printer = printer
        self.session: ResidentSession | None = None
        self.shell: KioskShell | None = None
        self.resident_ctx: KioskContext | None = None
        self.idle: IdleWatch | None = None
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(retry_ms)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self._load_settings)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(heartbeat_ms)
        self.heartbeat.timeout.connect(self._check_connection)
        self.exit_shortcut = QShortcut(QKeySequence(EXIT_SEQUENCE), self.window)
        self.exit_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.exit_shortcut.activated.connect(self.show_admin_exit)

    @property
    def out_of_service(self) -> bool:
        return isinstance(self.window.currentWidget(), KioskOutageScreen)

    def start(self) -> None:
        if self._full_screen:
            # Without a window manager (a bare X server) showFullScreen() alone leaves the window at its
            # natural size: give it the screen's geometry first, so it covers the screen either way.
            # The primary screen (not the window's screen(): a QScreen wrapper taken from a widget that
            # was never shown crashed a later QWidget constructor in QScreen::virtualSiblings).
            screen = QGuiApplication.primaryScreen()
            self.window.setGeometry(screen.geometry())
            self.window.showFullScreen()
        else:
            self.window.show()
        self._load_settings()
        self.heartbeat.start()

    def _load_settings(self) -> None:
        self.runner.run(lambda: self.backend.system(get_settings), self._settings_loaded)

    def _settings_loaded(self, settings: CooperativeSettings) -> None:
        if self._idle_override is None:
            self.idle_seconds = settings.kiosk_idle_seconds
        self.show_login()

    # --- screens -------------------------------------------------------------------------------

    def _show(self, screen: QWidget) -> None:
        self.window.show_screen(screen)
        self.window.activateWindow()

    def show_login(self) -> None:
        login = KioskLoginScreen(self.backend, self.runner)
        login.signed_in.connect(self._signed_in)
        self._show(login)
        login.login_edit.setFocus()

    def _signed_in(self, session: ResidentSession, password: str) -> None:
        self.session = session
        self._record(KioskEvent.STARTED)
        self.idle = IdleWatch(self.idle_seconds, self.countdown_seconds, self)
        self.idle.expired.connect(lambda: self.log_out(idle=True))
        self.idle.countdown.connect(self._countdown)
        if session.must_change_password:
            screen = KioskPasswordScreen(self.backend, self.runner, self._context().actor, password)
            screen.changed.connect(self._open_shell)
            screen.cancelled.connect(self.log_out)
            self._show(screen)
            screen.new_edit.setFocus()
        else:
            self._open_shell()

    def _context(self) -> KioskContext:
        if self.session is None:  # pragma: no cover - only called while a resident is signed in
            raise RuntimeError("no resident is signed in")
        return KioskContext(self.backend, self.runner, self.session, self.printer)

    def _open_shell(self) -> None:
        self.resident_ctx = self._context()
        self.shell = KioskShell(self.resident_ctx, self._pages if self._pages is not None else all_pages())
        self.shell.log_out_requested.connect(self.log_out)
        self.shell.stay_requested.connect(self._stay)
        self._show(self.shell)

    def _countdown(self, seconds_left: int) -> None:
        if self.shell is not None:
            self.shell.show_countdown(seconds_left)

    def _stay(self) -> None:
        if self.idle is not None:
            self.idle.reset()

    def log_out(self, idle: bool = False) -> None:
        """End the resident's session and leave nothing of it behind (the login screen is new)."""
        if self.session is None:
            return
        self._record(KioskEvent.IDLE_LOGOUT if idle else KioskEvent.ENDED)
        self._forget_resident()
        self.show_login()

    def _forget_resident(self) -> None:
        if self.idle is not None:
            self.idle.stop()
            self.idle.deleteLater()
            self.idle = None
        if self.resident_ctx is not None:
            self.resident_ctx.closed = True
            self.resident_ctx = None
        self.session = None
        self.shell = None  # deleted with its screen by the window

    def _record(self, event: KioskEvent) -> None:
        if self.session is None:
            return
        actor = self._context().actor
        self.runner.run(lambda: self.backend.call(actor, record_kiosk_session, event))

    # --- administrator exit --------------------------------------------------------------------

    def show_admin_exit(self) -> None:
        if self.session is not None:
            self._record(KioskEvent.ENDED)
            self._forget_resident()
        screen = KioskAdminExitScreen(self.backend, self.runner)
        screen.confirmed.connect(self.close)
        screen.cancelled.connect(self.show_login)
        self._show(screen)
        screen.login_edit.setFocus()

    def close(self) -> None:
        self.retry_timer.stop()
        self.heartbeat.stop()
        self.window.may_close = True
        self.window.close()
        self.closed.emit()

    # --- database outage -----------------------------------------------------------------------

    def _check_connection(self) -> None:
        # Only while nobody is signed in and nothing else is asking: a resident's own work notices it.
        if self.session is None and not self.out_of_service and not self.runner.busy:
            self.runner.run(self.backend.check_connection)

    def _unhandled(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnavailableError):
            self._out_of_service()
        else:
            self.errors.show(error)

    def _out_of_service(self, _message: str = "") -> None:
        # Whoever was signed in is gone: the session cannot be trusted after the database comes back.
        self._forget_resident()
        if not self.out_of_service:
            self._show(KioskOutageScreen())
        if not self.window.may_close:
            self.retry_timer.start()
