"""Staff users: the list, and what an admin does with them (add, role, one-time password, deactivate,
unlock). The services' refusals (the last administrator, one's own account) show under the buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.enums import StaffRole
from iok_desktop.domain.errors import ValidationError
from iok_desktop.gui import table_state
from iok_desktop.gui.clerk.admin.password_dialog import OneTimePasswordDialog
from iok_desktop.gui.clerk.admin.staff_dialog import AddStaffDialog
from iok_desktop.gui.clerk.admin.staff_model import is_locked, staff_columns
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.list_model import ListTableModel
from iok_desktop.gui.widgets import show_error
from iok_desktop.services import staff
from iok_desktop.services.staff import StaffCredentials, StaffRow

Index = QModelIndex | QPersistentModelIndex


class StaffTab(QWidget):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.add_dialog: AddStaffDialog | None = None
        self.password_dialog: OneTimePasswordDialog | None = None
        layout = QVBoxLayout(self)
        self.model: ListTableModel[StaffRow] = ListTableModel(staff_columns(ctx.backend.clock.now))
        self.view = QTableView(self)
        self.view.setObjectName("staff_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 200, 120, 260)):
            self.view.setColumnWidth(column, width)
        table_state.restore(ctx.settings, "admin_staff", self.view)
        table_state.remember(ctx.settings, "admin_staff", self.view)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.selectionModel().currentRowChanged.connect(lambda *_args: self._update_buttons())
        layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        self.add_staff_button = self._button(self.tr("&Add staff user…"), "add_staff_button", self.add_staff)
        self.role_button = self._button(self.tr("Make admi&nistrator…"), "role_button", self.change_role)
        self.reset_password_button = self._button(
            self.tr("New one-time &password…"), "reset_password_button", self.reset_password
        )
        self.active_button = self._button(self.tr("Deac&tivate…"), "active_button", self.toggle_active)
        self.unlock_button = self._button(self.tr("&Unlock"), "unlock_button", self.unlock)
        for button in (
            self.add_staff_button,
            self.role_button,
            self.reset_password_button,
            self.active_button,
            self.unlock_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.staff_error_label = QLabel(self)
        self.staff_error_label.setObjectName("staff_error_label")
        self.staff_error_label.setProperty("role", "field-error")
        self.staff_error_label.setWordWrap(True)
        self.staff_message_label = QLabel(self)
        self.staff_message_label.setObjectName("staff_message_label")
        self.staff_message_label.setWordWrap(True)
        layout.addWidget(self.staff_error_label)
        layout.addWidget(self.staff_message_label)
        show_error(self.staff_error_label, None)
        self._update_buttons()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- loading ----------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        chosen = self.selected()
        keep = select_id if select_id is not None else (chosen.id if chosen else None)
        self.ctx.run(self.ctx.call(staff.list_staff), lambda rows: self._loaded(rows, keep))

    def _loaded(self, rows: list[StaffRow], select_id: int | None) -> None:
        self.model.set_rows(rows)
        row = self.model.find(lambda r: r.id == select_id) if select_id is not None else None
        if row is not None:
            self.view.selectRow(row)
        self._update_buttons()

    def selected(self) -> StaffRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def select_login(self, login: str) -> None:
        for number, row in enumerate(self.model.rows()):
            if row.login == login:
                self.view.selectRow(number)
                return

    def _update_buttons(self) -> None:
        row = self.selected()
        chosen = row is not None
        for button in (self.role_button, self.reset_password_button, self.active_button):
            button.setEnabled(chosen)
        is_admin = row is not None and row.role is StaffRole.ADMIN
        self.role_button.setText(self.tr("Make a c&lerk…") if is_admin else self.tr("Make admi&nistrator…"))
        active = row is None or row.is_active
        self.active_button.setText(self.tr("Deac&tivate…") if active else self.tr("Ac&tivate"))
        self.unlock_button.setEnabled(row is not None and is_locked(row, self.ctx.backend.clock.now()))

    # --- actions ----------------------------------------------------------------------------
    def add_staff(self) -> None:
        self._clear_messages()
        if self.add_dialog is not None:
            self.add_dialog.deleteLater()
        self.add_dialog = AddStaffDialog(self.ctx, self)
        self.add_dialog.created.connect(self._created)
        self.add_dialog.open()

    def _created(self, credentials: StaffCredentials) -> None:
        self.reload(select_id=credentials.staff.id)
        self._message(self.tr("Added %1.").replace("%1", credentials.staff.login))
        self._show_password(credentials)

    def change_role(self) -> None:
        row = self.selected()
        if row is None:
            return
        new = StaffRole.CLERK if row.role is StaffRole.ADMIN else StaffRole.ADMIN
        question = (
            self.tr("Make %1 a clerk? They will no longer manage staff and settings.")
            if new is StaffRole.CLERK
            else self.tr("Make %1 an administrator? They will manage staff and settings.")
        ).replace("%1", f"{row.full_name} ({row.login})")
        if self.ctx.dialogs.confirm(self, self.tr("Change the role"), question):
            self._act(self.ctx.call(staff.set_staff_role, row.id, new), self.tr("Role changed."))

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = self.tr("Give %1 a new one-time password? Their current password stops working at once.").replace(
            "%1", f"{row.full_name} ({row.login})"
        )
        if not self.ctx.dialogs.confirm(self, self.tr("New one-time password"), question):
            return
        self._clear_messages()

        def done(credentials: StaffCredentials) -> None:
            self.reload(select_id=credentials.staff.id)
            self._show_password(credentials)

        self.ctx.run(self.ctx.call(staff.reset_staff_password, row.id), done, self._failed)

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.is_active:
            question = self.tr("Deactivate %1? They will not be able to sign in.").replace(
                "%1", f"{row.full_name} ({row.login})"
            )
            if not self.ctx.dialogs.confirm(self, self.tr("Deactivate the account"), question):
                return
            self._act(self.ctx.call(staff.set_staff_active, row.id, False), self.tr("Deactivated."))
        else:
            self._act(self.ctx.call(staff.set_staff_active, row.id, True), self.tr("Activated."))

    def unlock(self) -> None:
        row = self.selected()
        if row is not None:
            self._act(self.ctx.call(staff.unlock_staff, row.id), self.tr("Unlocked: they can sign in again."))

    def _act(self, work: Callable[[], StaffRow], done_message: str) -> None:
        self._clear_messages()

        def done(row: StaffRow) -> None:
            self.reload(select_id=row.id)
            self._message(done_message)

        self.ctx.run(work, done, self._failed)

    def _failed(self, error: BaseException) -> bool:
        if isinstance(error, ValidationError):
            show_error(self.staff_error_label, error.message)
            return True
        return False

    def _show_password(self, credentials: StaffCredentials) -> None:
        if credentials.initial_password is None:
            return
        self.password_dialog = OneTimePasswordDialog(
            credentials.staff.login, credentials.staff.full_name, credentials.initial_password, self
        )
        self.password_dialog.destroyed.connect(self._password_dialog_gone)
        self.password_dialog.open()

    def _password_dialog_gone(self) -> None:
        self.password_dialog = None

    def _message(self, text: str) -> None:
        self.staff_message_label.setText(text)

    def _clear_messages(self) -> None:
        show_error(self.staff_error_label, None)
        self.staff_message_label.setText("")
