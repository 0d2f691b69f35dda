"""The clerk's main window: a thin shell that hosts the screens (each screen is its own module).

When the database is lost, a banner says so until it is back: the connection is tried again by itself
(after 2, 4, 8, 15, then every 30 s) or at once with Retry; once it answers the banner goes and the
current screen reloads. Open forms are left alone, with what was typed; nothing is saved again by
itself — the clerk saves again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.idle_lock import IDLE_MINUTES, IdleLock
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.pages import PageSpec

RETRY_DELAYS_MS = (2_000, 4_000, 8_000, 15_000, 30_000)


class MainWindow(QMainWindow):
    logged_out = Signal()

    def __init__(
        self,
        ctx: ClerkContext,
        pages: list[PageSpec],
        idle_minutes: float = IDLE_MINUTES,
        retry_delays_ms: Sequence[int] = RETRY_DELAYS_MS,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self._retry_delays_ms = tuple(retry_delays_ms)
        self._retry_round = 0
        self._probing = False
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self._retry)
        self.setObjectName("clerk_main_window")
        self.setWindowTitle(self.tr("IOK Desktop — %1").replace("%1", ctx.session.full_name))
        self._specs = [p for p in pages if ctx.is_admin or not p.admin_only]
        self._pages: dict[str, Page] = {}
        self._current: Page | None = None

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_banner(central))
        outer.addLayout(self._build_body(central), 1)
        self.setCentralWidget(central)
        self._build_menu()
        self._build_status_bar()
        ctx.errors.window = self

        self._restore_geometry()
        self.navigation.setCurrentRow(0)
        self.idle_lock = IdleLock(ctx, self, idle_minutes)
        self.idle_lock.locked.connect(self._locked)

    def _locked(self) -> None:
        if self.idle_lock.dialog is not None:
            self.idle_lock.dialog.log_out_requested.connect(self.log_out)

    # --- construction ----------------------------------------------------------------------------
    def _build_banner(self, parent: QWidget) -> QWidget:
        self.banner = QWidget(parent)
        self.banner.setObjectName("connection_banner")
        banner_layout = QHBoxLayout(self.banner)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setProperty("role", "banner")
        self.banner_label.setWordWrap(True)
        self.retry_status_label = QLabel(self.banner)
        self.retry_status_label.setObjectName("retry_status_label")
        self.retry_button = QPushButton(self.tr("Retry"), self.banner)
        self.retry_button.setObjectName("retry_button")
        self.retry_button.clicked.connect(self._retry)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.retry_status_label)
        banner_layout.addWidget(self.retry_button)
        self.banner.hide()
        self.ctx.errors.database_unavailable.connect(self.show_banner)
        self.ctx.runner.connection_lost.connect(self._connection_lost)
        self.ctx.runner.connection_restored.connect(self._connection_restored)
        return self.banner

    def _build_body(self, parent: QWidget) -> QHBoxLayout:
        body = QHBoxLayout()
        body.setSpacing(0)
        self.navigation = QListWidget(parent)
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setFixedWidth(230)
        self.stack = QStackedWidget(parent)
        self.stack.setObjectName("page_stack")
        for number, spec in enumerate(self._specs, start=1):
            item = QListWidgetItem(QIcon(f":/iok/icons/{spec.icon}.svg"), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(f"{spec.title} (Ctrl+{number})")
            self.navigation.addItem(item)
            holder = QWidget(self.stack)
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(12, 8, 12, 8)
            self.stack.addWidget(holder)
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.navigation.setCurrentRow(row))
            self.addAction(action)
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        self.navigation.currentRowChanged.connect(self._show_row)
        return body

    def _build_menu(self) -> None:
        self.logout_action = QAction(self.tr("Log out"), self)
        self.logout_action.setObjectName("logout_action")
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.logout_action.triggered.connect(self.log_out)
        account_menu = self.menuBar().addMenu(self.tr("&Account"))
        account_menu.addAction(self.logout_action)

    def _build_status_bar(self) -> None:
        session = self.ctx.session
        self.user_label = QLabel(f"{session.full_name} ({session.login}) — {session.role.label}", self)
        self.user_label.setObjectName("user_label")
        self.database_label = QLabel(self.tr("Database: %1").replace("%1", self.ctx.backend.description), self)
        self.database_label.setObjectName("database_label")
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busy_bar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.ctx.runner.busy_changed.connect(self.busy_bar.setVisible)

    # --- pages -------------------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The screen for ``key``, created on first use."""
        if key not in self._pages:
            row = next(i for i, s in enumerate(self._specs) if s.key == key)
            page = self._specs[row].factory(self.ctx)
            page.setObjectName(f"{key}_page")
            page.title_label.setText(self._specs[row].title)
            holder = self.stack.widget(row)
            holder_layout = holder.layout() if holder is not None else None
            if holder_layout is not None:
                holder_layout.addWidget(page)
            self._pages[key] = page
        return self._pages[key]

    def open_page(self, key: str) -> Page:
        row = next(i for i, s in enumerate(self._specs) if s.key == key)
        self.navigation.setCurrentRow(row)
        return self.page(key)

    def page_keys(self) -> list[str]:
        return [s.key for s in self._specs]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        if self._current is not None:
            self._current.deactivated()
        page = self.page(self._specs[row].key)
        self.stack.setCurrentIndex(row)
        self._current = page
        page.activated()

    # --- connection banner ---------------------------------------------------------------------
    def show_banner(self, message: str) -> None:
        self.banner_label.setText(message)
        self.banner.show()

    def _connection_lost(self, message: str) -> None:
        self.show_banner(message)
        if self._probing or self.retry_timer.isActive():
            return
        delay = self._retry_delays_ms[min(self._retry_round, len(self._retry_delays_ms) - 1)]
        self.retry_timer.start(delay)
        seconds = max(1, round(delay / 1000))
        self._set_retry_status(self.tr("Trying again in %1 s").replace("%1", str(seconds)))

    def _set_retry_status(self, text: str) -> None:
        # Next to a word-wrapped message the layout would squeeze this label to a letter: keep it whole.
        self.retry_status_label.setText(text)
        self.retry_status_label.setMinimumWidth(self.retry_status_label.sizeHint().width())

    def _retry(self) -> None:
        """Ask the server once (the Retry button, or the timer); the runner reports what it found."""
        self.retry_timer.stop()
        if self._probing:
            return
        self._probing = True
        self._set_retry_status(self.tr("Connecting…"))

        def failed(_error: BaseException) -> bool:
            self._probing = False
            self._retry_round += 1
            return True  # the runner's connection_lost shows it and plans the next attempt

        def back(_none: None) -> None:
            self._probing = False

        self.ctx.run(self.ctx.backend.check_connection, back, failed)

    def _connection_restored(self) -> None:
        self.retry_timer.stop()
        self._retry_round = 0
        self.banner.hide()
        self.retry_status_label.clear()
        if self._current is not None:
            self._current.activated()  # reload what the screen shows; open forms keep what was typed

    # --- session and geometry ------------------------------------------------------------------
    def log_out(self) -> None:
        self.retry_timer.stop()
        self.idle_lock.stop()
        self._save_geometry()
        if self._current is not None:
            self._current.deactivated()
        self.hide()
        self.logged_out.emit()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.retry_timer.stop()
        self.idle_lock.stop()
        self._save_geometry()
        super().closeEvent(event)

    def _restore_geometry(self) -> None:
        geometry = self.ctx.settings.value("clerk/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def _save_geometry(self) -> None:
        self.ctx.settings.setValue("clerk/geometry", self.saveGeometry())
