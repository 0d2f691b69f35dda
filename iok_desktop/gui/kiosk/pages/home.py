"""Strona główna: the resident's premises by address; tapping one opens its financial ledger.

As the cooperative's IOK says: "Aby sprawdzić własną kartotekę finansową należy na stronie głównej wejść
(kliknąć) na adres lokalu." The ledger shows the last twelve months with a running balance and the
one figure residents look for first ("do zapłaty" / "nadpłata"); "Drukuj zestawienie" prints the
resident's own statement on the kiosk's printer.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScroller,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import format_date, office_today
from iok_desktop.domain.errors import DomainError
from iok_desktop.domain.money import format_money
from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.kiosk.page import KioskPage
from iok_desktop.gui.kiosk.statement_print import StatementPrinter
from iok_desktop.gui.list_model import ListTableModel
from iok_desktop.gui.paged_model import Column
from iok_desktop.services import ledger
from iok_desktop.services.buildings import PremisesLabel
from iok_desktop.services.ledger import AmountDue, EntriesPage, EntryRow
from iok_desktop.services.residents import my_premises

LIST, LEDGER = 0, 1
ROWS_SHOWN = 500  # twelve months of a busy ledger fit many times over


def ledger_period(today: date) -> tuple[date, date]:
    """The last twelve months: from the same day a year ago (29 February → 28th) to today."""
    try:
        start = today.replace(year=today.year - 1)
    except ValueError:
        start = today.replace(year=today.year - 1, day=28)
    return start, today


def _columns() -> list[Column[EntryRow]]:
    def money_or_blank(amount: Decimal) -> str:
        return format_money(amount) if amount else ""

    return [
        Column("date", QCoreApplication.translate("KioskLedger", "Date"), lambda r: format_date(r.booking_date)),
        Column("title", QCoreApplication.translate("KioskLedger", "Title"), lambda r: r.title),
        Column("charge", QCoreApplication.translate("KioskLedger", "Charge"), lambda r: money_or_blank(r.charge), True),
        Column(
            "payment", QCoreApplication.translate("KioskLedger", "Payment"), lambda r: money_or_blank(r.payment), True
        ),
        Column(
            "balance",
            QCoreApplication.translate("KioskLedger", "Balance"),
            lambda r: format_money(r.running_balance),
            True,
        ),
    ]


def _ledger_table(model: ListTableModel[EntryRow], parent: QWidget) -> QTableView:
    """Read-only and touch-scrolled: nothing to select, edit or hover."""
    table = named(QTableView(parent), "kiosk_ledger_table")
    table.setModel(model)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    QScroller.grabGesture(table.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table


class HomePage(KioskPage):
    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "home", parent)
        self.premises: list[PremisesLabel] = []
        self.current: PremisesLabel | None = None
        self.printer = StatementPrinter(ctx, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_list())
        self.stack.addWidget(self._build_ledger())
        QVBoxLayout(self).addWidget(self.stack)
        self.printer.status_changed.connect(self._print_status)

    # --- the list of premises ------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        page = QWidget(self)
        self.greeting = named(
            QLabel(self.tr("Welcome, %1").replace("%1", self.ctx.session.full_name)), "kiosk_greeting"
        )
        self.greeting.setProperty("role", "kiosk-title")
        self.list_hint = named(
            QLabel(self.tr("Tap the address of a premises to see its financial ledger.")), "kiosk_home_hint"
        )
        self.list_hint.setWordWrap(True)
        self.premises_column = QVBoxLayout()
        column = QVBoxLayout(page)
        column.addWidget(self.greeting)
        column.addWidget(self.list_hint)
        column.addLayout(self.premises_column)
        column.addStretch(1)
        self.premises_buttons: list[QPushButton] = []
        return page

    def activated(self) -> None:
        if self.stack.currentIndex() == LIST or self.current is None:
            self.ctx.run(self.ctx.call(my_premises), self._show_premises)
        else:
            self.open_premises(self.current)

    def _show_premises(self, premises: list[PremisesLabel]) -> None:
        self.premises = premises
        for button in self.premises_buttons:
            button.deleteLater()
        self.premises_buttons = []
        for index, label in enumerate(premises):
            button = named(
                QPushButton(self._premises_text(label)),
                f"kiosk_home_premises_{index}",
            )
            button.setProperty("role", "kiosk-premises-big")
            button.clicked.connect(lambda _checked=False, chosen=label: self.open_premises(chosen))
            self.premises_column.addWidget(button)
            self.premises_buttons.append(button)
        if not premises:
            self.list_hint.setText(self.tr("You hold no premises at the moment. Please ask at the office."))
        self.stack.setCurrentIndex(LIST)

    # --- the ledger of one premises ------------------------------------------------------------

    def _build_ledger(self) -> QWidget:
        page = QWidget(self)
        self.back_button = named(QPushButton(self.tr("‹ My premises")), "kiosk_ledger_back")
        self.back_button.clicked.connect(self.show_list)
        self.address_label = named(QLabel(), "kiosk_ledger_address")
        self.address_label.setProperty("role", "kiosk-subtitle")
        self.address_label.setWordWrap(True)
        self.due_label = named(QLabel(), "kiosk_amount_due")
        self.due_label.setProperty("role", "kiosk-amount")
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.period_label = named(QLabel(), "kiosk_ledger_period")
        self.period_label.setWordWrap(True)
        self.model: ListTableModel[EntryRow] = ListTableModel(_columns())
        self.table = _ledger_table(self.model, page)
        # The newest entries stay in view when the table's viewport shrinks (the print message appears
        # above it after the table was scrolled to its end): a bigger scroll range moves a table that was
        # at its end to the new end, instead of leaving the last row half hidden.
        self._at_end = False
        scroll_bar = self.table.verticalScrollBar()
        scroll_bar.valueChanged.connect(self._scrolled)
        scroll_bar.rangeChanged.connect(self._range_changed)
        self.print_button = named(QPushButton(self.tr("Print statement")), "kiosk_print_statement")
        self.print_button.setProperty("role", "kiosk-primary")
        self.print_button.clicked.connect(self.print_statement)
        self.print_message = named(QLabel(), "kiosk_print_message")
        self.print_message.setWordWrap(True)
        self.print_message.setProperty("role", "kiosk-notice")
        self.print_message.hide()
        self.error_label = named(QLabel(), "kiosk_ledger_error")
        self.error_label.setProperty("role", "kiosk-error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        top = QWidget(page)
        top_row = QVBoxLayout(top)
        top_row.setContentsMargins(0, 0, 0, 0)
        heading = QWidget(top)
        heading_row = QHBoxLayout(heading)
        heading_row.setContentsMargins(0, 0, 0, 0)
        heading_row.addWidget(self.back_button)
        heading_row.addWidget(self.address_label, 1)
        heading_row.addWidget(self.due_label)
        top_row.addWidget(heading)
        actions = QHBoxLayout()
        actions.addWidget(self.period_label, 1)
        actions.addWidget(self.print_button)
        top_row.addLayout(actions)

        column = QVBoxLayout(page)
        column.addWidget(top)
        column.addWidget(self.print_message)
        column.addWidget(self.error_label)
        column.addWidget(self.table, 1)
        return page

    def _scrolled(self, value: int) -> None:
        self._at_end = value >= self.table.verticalScrollBar().maximum()

    def _range_changed(self, _minimum: int, maximum: int) -> None:
        if self._at_end:
            self.table.verticalScrollBar().setValue(maximum)

    def show_list(self) -> None:
        self.current = None
        self.model.set_rows([])
        self.stack.setCurrentIndex(LIST)
        self.ctx.run(self.ctx.call(my_premises), self._show_premises)

    def open_premises(self, premises: PremisesLabel) -> None:
        self.current = premises
        self.address_label.setText(self._premises_text(premises))
        self.due_label.setText("")
        self.print_message.hide()
        self.error_label.hide()
        self.stack.setCurrentIndex(LEDGER)
        date_from = ledger_period(self.today())[0]
        premises_id = premises.id
        read_page = self.ctx.call(ledger.entries_page, premises_id, date_from=date_from, limit=ROWS_SHOWN)
        read_due = self.ctx.call(ledger.amount_due, premises_id)

        def work() -> tuple[EntriesPage, AmountDue]:
            return read_page(), read_due()

        self.ctx.run(work, lambda result: self._show_ledger(premises, date_from, *result), self._failed)

    def _show_ledger(self, premises: PremisesLabel, date_from: date, page: EntriesPage, due: AmountDue) -> None:
        if self.current is None or self.current.id != premises.id:
            return  # the resident went elsewhere meanwhile
        self.model.set_rows(page.rows)
        self.table.resizeRowsToContents()
        self.table.scrollToBottom()  # the newest entries, next to the amount due
        self._at_end = True  # and kept there when the table's height changes
        self.due_label.setText(f"{due.label}\n{format_money(due.display_amount)}")
        self.due_label.setProperty("state", "owed" if due.amount > 0 else "settled")
        self.due_label.style().unpolish(self.due_label)
        self.due_label.style().polish(self.due_label)
        self.period_label.setText(
            self.tr("Entries since %1. Balance before that day: %2.")
            .replace("%1", format_date(date_from))
            .replace("%2", format_money(page.opening_balance))
        )

    def _failed(self, error: BaseException) -> bool:
        if isinstance(error, DomainError):
            self.error_label.setText(error.message)
            self.error_label.show()
            return True
        return False

    def _premises_text(self, premises: PremisesLabel) -> str:
        number = self.tr("Premises %1").replace("%1", premises.code)
        return f"{premises.address}\n{number}"

    def today(self) -> date:
        return office_today(self.ctx.backend.clock.now())

    # --- printing ------------------------------------------------------------------------------

    def print_statement(self) -> None:
        if self.current is None:
            return
        self.print_button.setEnabled(False)
        self.printer.print_statement(self.current.id, *ledger_period(self.today()))

    def _print_status(self, message: str, finished: bool, failed: bool) -> None:
        self.print_message.setText(message)
        self.print_message.setProperty("role", "kiosk-error" if failed else "kiosk-notice")
        self.print_message.style().unpolish(self.print_message)
        self.print_message.style().polish(self.print_message)
        self.print_message.show()
        if finished:
            self.print_button.setEnabled(True)
