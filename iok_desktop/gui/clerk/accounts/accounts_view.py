"""Resident accounts, a page at a time in login order, filtered by status; reset, lock, unlock, deactivate.

Each action but the reset asks for the reason (kept in the event log); the services' refusals are
shown above the table, in their own Polish words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import format_date, format_datetime
from iok_desktop.domain.enums import AccountStatus
from iok_desktop.domain.errors import ConflictError, DomainError
from iok_desktop.gui.clerk.accounts import data
from iok_desktop.gui.clerk.accounts.data import IssuedCredentials
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.registry.keyset import KeysetPages
from iok_desktop.gui.clerk.registry.tables import setup_paged_view
from iok_desktop.gui.paged_model import Column, PagedTableModel
from iok_desktop.gui.widgets import set_role
from iok_desktop.services import accounts
from iok_desktop.services.accounts import AccountRow

TABLE_KEY = "accounts/accounts"
DASH = "—"


class AccountsView(QWidget):
    credentials_issued = Signal(object, bool)  # IssuedCredentials, reset

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        filter_label = QLabel(self.tr("&Show:"), self)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("account_status_combo")
        filter_label.setBuddy(self.status_combo)
        self.status_combo.addItem(self.tr("All accounts"), None)
        self.status_combo.addItem(self.tr("Active"), AccountStatus.ACTIVE.value)
        self.status_combo.addItem(self.tr("Locked"), AccountStatus.LOCKED.value)
        self.status_combo.addItem(self.tr("Deactivated"), AccountStatus.DEACTIVATED.value)
        self.status_combo.currentIndexChanged.connect(lambda _index: self.reload())
        filters.addWidget(filter_label)
        filters.addWidget(self.status_combo)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("accounts_message_label")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        layout.addWidget(self.message_label)

        self.model: PagedTableModel[AccountRow] = PagedTableModel(ctx.runner, self._columns(), key=lambda a: a.id)
        self.model.setParent(self)  # freed with its screen (see paged_model.PagedTableModel)
        self.table = QTableView(self)
        self.table.setObjectName("accounts_table")
        setup_paged_view(self.table, self.model, ctx.settings, TABLE_KEY)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.reset_button = self._button(self.tr("Reset password…"), "reset_password_button", self.reset_password)
        self.lock_button = self._button(self.tr("Lock…"), "lock_account_button", self.lock)
        self.unlock_button = self._button(self.tr("Unlock…"), "unlock_account_button", self.unlock)
        self.deactivate_button = self._button(self.tr("Deactivate…"), "deactivate_account_button", self.deactivate)
        actions.addStretch(1)
        for button in (self.reset_button, self.lock_button, self.unlock_button, self.deactivate_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        # Both: selectRow() selects before it moves the current index.
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.layoutChanged.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _columns(self) -> list[Column[AccountRow]]:
        return [
            Column("login", self.tr("User ID"), lambda a: a.login),
            Column("person", self.tr("Account holder"), lambda a: a.person_name),
            Column("status", self.tr("Status"), lambda a: a.status.label),
            Column("reason", self.tr("Reason"), lambda a: a.status_reason or ""),
            Column("password", self.tr("Password"), self._password_text),
            Column("failures", self.tr("Failed logins"), self._failures_text, align_right=True),
            Column("created", self.tr("Created"), lambda a: format_date(a.created_at.date())),
            Column(
                "last_login",
                self.tr("Last login"),
                lambda a: format_datetime(a.last_login_at) if a.last_login_at else self.tr("never"),
            ),
        ]

    def _password_text(self, account: AccountRow) -> str:
        return self.tr("one-time, not changed yet") if account.must_change_password else self.tr("own")

    def _failures_text(self, account: AccountRow) -> str:
        if account.locked_until is not None:
            return (
                self.tr("%1, locked until %2")
                .replace("%1", str(account.failed_attempts))
                .replace("%2", format_datetime(account.locked_until))
            )
        return str(account.failed_attempts)

    # --- loading ---------------------------------------------------------------------------------
    def status_filter(self) -> AccountStatus | None:
        value = self.status_combo.currentData()
        return AccountStatus(value) if isinstance(value, str) else None

    def reload(self) -> None:
        ctx, status = self.ctx, self.status_filter()

        def after(login: str | None, limit: int) -> list[AccountRow]:
            return ctx.call(accounts.list_accounts, status=status, after_login=login, limit=limit)()

        self.model.load(KeysetPages(after, key=lambda a: a.login))

    def refresh(self) -> None:
        self.model.refresh()

    def current_account(self) -> AccountRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def select_login(self, login: str) -> bool:
        for row, account in enumerate(self.model.rows()):
            if account.login == login:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        account = self.current_account()
        status = account.status if account else None
        self.reset_button.setEnabled(status is not None and status is not AccountStatus.DEACTIVATED)
        self.lock_button.setEnabled(status is AccountStatus.ACTIVE)
        self.unlock_button.setEnabled(
            status is AccountStatus.LOCKED
            or (status is AccountStatus.ACTIVE and account is not None and account.locked_until is not None)
        )
        self.deactivate_button.setEnabled(status is not None and status is not AccountStatus.DEACTIVATED)

    # --- actions ---------------------------------------------------------------------------------
    def reset_password(self) -> None:
        account = self.current_account()
        if account is None:
            return
        question = self.tr(
            "Give %1 (%2) a new one-time password? The current password stops working at once, "
            "and a new handover slip is printed."
        )
        if not self.ctx.dialogs.confirm(
            self, self.tr("Reset password"), question.replace("%1", account.person_name).replace("%2", account.login)
        ):
            return
        self.ctx.run(self.ctx.call(data.reset, account.id), self._reset_done, self._failed)

    def _reset_done(self, issued: IssuedCredentials) -> None:
        self._message(
            self.tr("New one-time password for %1. The old password no longer works.").replace(
                "%1", issued.credentials.login
            )
        )
        self.credentials_issued.emit(issued, True)
        self.refresh()

    def lock(self) -> None:
        self._with_reason(
            accounts.lock_account,
            self.tr("Lock the account"),
            self.tr("Why is the account %1 being locked? (kept in the event log)"),
            self.tr("Account %1 is locked."),
        )

    def unlock(self) -> None:
        self._with_reason(
            accounts.unlock_account,
            self.tr("Unlock the account"),
            self.tr("Why is the account %1 being unlocked? (kept in the event log)"),
            self.tr("Account %1 is active again."),
        )

    def deactivate(self) -> None:
        self._with_reason(
            accounts.deactivate_account,
            self.tr("Deactivate the account"),
            self.tr(
                "Why is the account %1 being deactivated? The login stops working for good; "
                "a new application brings it back. (kept in the event log)"
            ),
            self.tr("Account %1 is deactivated."),
        )

    def _with_reason(self, action: Callable[..., AccountRow], title: str, question: str, done: str) -> None:
        account = self.current_account()
        if account is None:
            return
        reason = self.ctx.dialogs.ask_text(self, title, question.replace("%1", account.login))
        if reason is None:  # cancelled
            return
        self.ctx.run(
            self.ctx.call(action, account.id, reason),
            lambda row: self._done(done.replace("%1", row.login)),
            self._failed,
        )

    def _done(self, message: str) -> None:
        self._message(message)
        self.refresh()

    def _failed(self, error: BaseException) -> bool:
        if isinstance(error, ConflictError):
            self.refresh()
            return False
        if isinstance(error, DomainError):
            self._message(error.message, error=True)
            return True
        return False

    def _message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setText(text)
        set_role(self.message_label, "field-error" if error else "flag")
        self.message_label.show()
