"""Lock the clerk's desk after a while without input: the password unlocks it, the open form stays.

The lock covers the window with a modal dialog; nothing behind it is closed or reset. Unlocking
checks the password like a login (so failures count towards the lockout and are audited).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.widgets import show_error

IDLE_MINUTES = 15
_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockDialog(QDialog):
    unlocked = Signal()
    log_out_requested = Signal()

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lock_dialog")
        self.setWindowTitle(self.tr("Desk locked"))
        self.setModal(True)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)
        message = QLabel(
            self.tr("The desk was locked after %1 minutes without use. Enter the password of %2 to continue.")
            .replace("%1", str(IDLE_MINUTES))
            .replace("%2", f"{ctx.session.full_name} ({ctx.session.login})"),
            self,
        )
        message.setWordWrap(True)
        # Wide enough that the wrapped message gets the height it needs (a narrow dialog cuts it off).
        message.setMinimumWidth(400)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("unlock_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("unlock_error_label")
        self.error_label.setProperty("role", "field-error")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.log_out_button: QPushButton = buttons.addButton(self.tr("Log out"), QDialogButtonBox.ButtonRole.RejectRole)
        self.log_out_button.setObjectName("lock_log_out_button")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self._log_out)
        for widget in (message, self.password_edit, self.error_label, buttons):
            layout.addWidget(widget)
        show_error(self.error_label, None)

    def submit(self) -> None:
        password = self.password_edit.text()
        login = self.ctx.session.login
        backend = self.ctx.backend
        self.unlock_button.setEnabled(False)
        self.ctx.run(lambda: backend.login_staff(login, password), self._ok, self._failed)

    def _ok(self, _session: object) -> None:
        self.password_edit.clear()
        self.unlock_button.setEnabled(True)
        self.unlocked.emit()
        self.accept()

    def _failed(self, error: BaseException) -> bool:
        self.unlock_button.setEnabled(True)
        if isinstance(error, DomainError):
            show_error(self.error_label, error.message)
            self.password_edit.selectAll()
            return True
        return False

    def _log_out(self) -> None:
        self.log_out_requested.emit()
        self.accept()

    def reject(self) -> None:
        """Escape does not unlock."""


class IdleLock(QObject):
    """Watches input anywhere in the application; after ``minutes`` idle, shows the lock dialog."""

    locked = Signal()

    def __init__(self, ctx: ClerkContext, window: QWidget, minutes: float = IDLE_MINUTES) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.dialog: LockDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.dialog is None and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.dialog is not None or not self.window.isVisible():
            return
        self.dialog = LockDialog(self.ctx, self.window)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()
        self.locked.emit()

    def _closed(self) -> None:
        self.dialog = None
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
