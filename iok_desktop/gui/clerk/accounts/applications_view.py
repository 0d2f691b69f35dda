"""Applications for IOK accounts, newest first, filtered by status: record, approve (creates the account and
shows the credentials once) or refuse with a reason. A refused approval shows the service's reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

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
from iok_desktop.domain.enums import ApplicationStatus
from iok_desktop.domain.errors import ConflictError, DomainError
from iok_desktop.gui.clerk.accounts import data
from iok_desktop.gui.clerk.accounts.data import IssuedCredentials
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.registry.keyset import KeysetPages
from iok_desktop.gui.clerk.registry.tables import setup_paged_view
from iok_desktop.gui.paged_model import Column, PagedTableModel
from iok_desktop.gui.widgets import set_role
from iok_desktop.services import accounts, application_list
from iok_desktop.services.accounts import ApplicationRow

TABLE_KEY = "accounts/applications"


class ApplicationsView(QWidget):
    credentials_issued = Signal(object, bool)  # IssuedCredentials, reset
    new_application_requested = Signal()

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._select_after_load: int | None = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        filter_label = QLabel(self.tr("&Show:"), self)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("application_status_combo")
        filter_label.setBuddy(self.status_combo)
        self.status_combo.addItem(self.tr("All applications"), None)
        self.status_combo.addItem(self.tr("Waiting for a decision"), ApplicationStatus.SUBMITTED.value)
        self.status_combo.addItem(self.tr("Approved"), ApplicationStatus.APPROVED.value)
        self.status_combo.addItem(self.tr("Refused"), ApplicationStatus.REFUSED.value)
        self.status_combo.currentIndexChanged.connect(lambda _index: self.reload())
        filters.addWidget(filter_label)
        filters.addWidget(self.status_combo)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("applications_message_label")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        layout.addWidget(self.message_label)

        self.model: PagedTableModel[ApplicationRow] = PagedTableModel(ctx.runner, self._columns(), key=lambda a: a.id)
        self.model.setParent(self)  # freed with its screen (see paged_model.PagedTableModel)
        self.model.page_loaded.connect(self._select_pending)
        self.table = QTableView(self)
        self.table.setObjectName("applications_table")
        setup_paged_view(self.table, self.model, ctx.settings, TABLE_KEY)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.new_button = self._button(
            self.tr("Record an application…"), "new_application_button", self.new_application_requested.emit
        )
        self.refuse_button = self._button(self.tr("Refuse…"), "refuse_application_button", self.refuse)
        self.approve_button = self._button(
            self.tr("Approve and create the account"), "approve_application_button", self.approve
        )
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        actions.addWidget(self.refuse_button)
        actions.addWidget(self.approve_button)
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

    def _columns(self) -> list[Column[ApplicationRow]]:
        return [
            Column("filed_on", self.tr("Filed on"), lambda a: format_date(a.filed_on)),
            Column("person", self.tr("Applicant"), lambda a: a.person_name),
            Column("premises", self.tr("Premises"), lambda a: a.premises_address),
            Column("office", self.tr("Where filed"), lambda a: a.office),
            Column("status", self.tr("Status"), lambda a: a.status.label),
            Column("decided", self.tr("Decided"), lambda a: format_datetime(a.decided_at) if a.decided_at else ""),
            Column("reason", self.tr("Reason of refusal"), lambda a: a.refusal_reason or ""),
        ]

    # --- loading ---------------------------------------------------------------------------------
    def status_filter(self) -> ApplicationStatus | None:
        value = self.status_combo.currentData()
        return ApplicationStatus(value) if isinstance(value, str) else None

    def reload(self, select_id: int | None = None) -> None:
        ctx, status = self.ctx, self.status_filter()
        self._select_after_load = select_id

        def after(before: tuple[date, int] | None, limit: int) -> list[ApplicationRow]:
            return ctx.call(application_list.applications_page, status=status, before=before, limit=limit)()

        self.model.load(KeysetPages(after, key=lambda a: (a.filed_on, a.id), max_limit=application_list.MAX_PAGE))

    def _select_pending(self) -> None:
        if self._select_after_load is None:
            return
        row = self.model.row_of_key(self._select_after_load)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self._select_after_load = None

    def current_application(self) -> ApplicationRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def _update_buttons(self) -> None:
        application = self.current_application()
        waiting = application is not None and application.status is ApplicationStatus.SUBMITTED
        self.approve_button.setEnabled(waiting)
        self.refuse_button.setEnabled(waiting)

    # --- decisions -------------------------------------------------------------------------------
    def approve(self) -> None:
        application = self.current_application()
        if application is None:
            return
        self.approve_button.setEnabled(False)
        self.ctx.run(self.ctx.call(data.approve, application.id), self._approved, self._failed)

    def _approved(self, issued: IssuedCredentials) -> None:
        self._message(
            self.tr("Account %1 created for %2.")
            .replace("%1", issued.credentials.login)
            .replace("%2", issued.credentials.person_name)
        )
        self.credentials_issued.emit(issued, False)
        self.model.refresh()

    def refuse(self) -> None:
        application = self.current_application()
        if application is None:
            return
        reason = self.ctx.dialogs.ask_text(
            self,
            self.tr("Refuse the application"),
            self.tr("Why is the application of %1 refused? (the applicant is told this reason)").replace(
                "%1", application.person_name
            ),
        )
        if reason is None:
            return
        self.ctx.run(
            self.ctx.call(accounts.refuse_application, application.id, reason),
            lambda row: self._decided(self.tr("The application of %1 is refused.").replace("%1", row.person_name)),
            self._failed,
        )

    def _decided(self, message: str) -> None:
        self._message(message)
        self.model.refresh()

    def _failed(self, error: BaseException) -> bool:
        self._update_buttons()
        if isinstance(error, ConflictError):
            self.model.refresh()
            return False
        if isinstance(error, DomainError):
            self._message(error.message, error=True)
            return True
        return False

    def _message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setText(text)
        set_role(self.message_label, "field-error" if error else "flag")
        self.message_label.show()
