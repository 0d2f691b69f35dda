"""Kartoteka finansowa: find a premises, see what is owed, its entries by period, post payments.

Layout, top to bottom: the title with a compact premises search (results drop down over the
page), the premises header with the amount due today, the period and the actions, the period's
summary (ledger.statement: opening balance, charges, payments, closing balance), the entries
(keyset pages as the clerk scrolls) and a footer. Later issues add statements, printing and
imports as more buttons in ``actions_layout``.

Every database call runs on the worker; each answer is checked against a generation number so
an answer about a premises or period the clerk has already left is dropped.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPoint, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import format_date, office_today
from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.money import balance_label, format_money
from iok_desktop.gui import table_state
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.batch_dialog import BatchStatementsDialog
from iok_desktop.gui.clerk.ledger.dialogs import CorrectionDialog, PaymentDialog, from_qdate, to_qdate
from iok_desktop.gui.clerk.ledger.import_dialog import LedgerImportDialog
from iok_desktop.gui.clerk.ledger.model import LedgerSource, LedgerTableModel
from iok_desktop.gui.clerk.ledger.period import Period, Preset, preset_period
from iok_desktop.gui.clerk.ledger.statement_dialog import StatementDialog
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.premises_search import PremisesSearch
from iok_desktop.gui.widgets import show_error
from iok_desktop.services import ledger, registry
from iok_desktop.services.ledger import AmountDue, EntryRow, Statement
from iok_desktop.services.ledger_import import ImportReport
from iok_desktop.services.registry import PremisesCard, PremisesHit

TABLE_KEY = "ledger_entries"
PERIOD_SETTING = "ledger/period"
PERIOD_DEBOUNCE_MS = 400

# Scoped to this screen's own widgets (by objectName), on top of resources/styles/clerk.qss.
STYLE = """
QFrame#ledger_header_frame, QFrame#ledger_summary_frame {
    background: #ffffff; border: 1px solid #d7dce2; border-radius: 4px; }
QLabel#address_label { font-size: 13pt; font-weight: 600; color: #0f3c5c; }
QLabel[ledger="caption"] { color: #5b6472; }
QLabel[ledger="value"] { font-size: 11pt; font-weight: 600; }
QFrame#ledger_balance_frame { border: 1px solid #d7dce2; border-radius: 4px; background: #f6f7f9; }
QFrame#ledger_balance_frame[state="debt"] { background: #fdecea; border-color: #f0b8b1; }
QFrame#ledger_balance_frame[state="credit"] { background: #e7f4ea; border-color: #b5dcc0; }
QFrame#ledger_balance_frame[state="settled"] { background: #eef1f4; }
QLabel#balance_label { font-size: 17pt; font-weight: 700; color: #1f2933; }
QFrame#ledger_balance_frame[state="debt"] QLabel#balance_label { color: #8f1d15; }
QFrame#ledger_balance_frame[state="credit"] QLabel#balance_label { color: #17602b; }
QLabel#ledger_hint_label, QLabel#ledger_status_label { color: #5b6472; }
QLabel#ledger_empty_label { color: #5b6472; font-size: 11pt; }
"""


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    for child in widget.findChildren(QWidget):
        child.style().unpolish(child)
        child.style().polish(child)


class LedgerPage(Page):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("Navigation", "Financial ledger"), parent)
        self.setStyleSheet(STYLE)
        self.today = office_today(ctx.backend.clock.now())
        self.premises_id: int | None = None
        self.premises_text = ""
        self.card: PremisesCard | None = None
        self.statement: Statement | None = None
        self.due: AmountDue | None = None
        self.source: LedgerSource | None = None
        self._generation = 0  # bumped when the premises or the period changes
        self._reveal_id: int | None = None  # a posted entry to select once its row is loaded
        self._refresh_pending = False
        self._scroll_to_end = False
        self._notice = ""  # what the clerk just did, shown after the count of entries
        self.payment_dialog: PaymentDialog | None = None
        self.correction_dialog: CorrectionDialog | None = None
        self.import_dialog: LedgerImportDialog | None = None
        self.statement_dialog: StatementDialog | None = None
        self.batch_dialog: BatchStatementsDialog | None = None

        self.content_stack = QStackedWidget(self)
        self.content_stack.setObjectName("ledger_content_stack")
        self.content_stack.addWidget(self._build_empty_state())
        self.content_stack.addWidget(self._build_ledger_panel())
        self.layout_.addWidget(self.content_stack, 1)
        self._build_search()

        self._period_timer = QTimer(self)
        self._period_timer.setSingleShot(True)
        self._period_timer.setInterval(PERIOD_DEBOUNCE_MS)
        self._period_timer.timeout.connect(self.reload)
        self._restore_period()

    # --- construction ----------------------------------------------------------------------
    def _build_search(self) -> None:
        """A compact search in the title row; its results drop down over the ledger while needed.

        The shared PremisesSearch widget floats above the page (not in a layout), placed over
        ``search_slot``; it grows to show the results and shrinks back to the line edit once a
        premises is chosen, on Escape, or when the focus goes elsewhere.
        """
        self.layout_.removeWidget(self.title_label)
        row = QHBoxLayout()
        row.addWidget(self.title_label)
        row.addSpacing(32)
        caption = QLabel(self.tr("&Premises:"), self)
        self.search = PremisesSearch(self.ctx, self)
        self.search.setObjectName("ledger_premises_search")
        self.search.setAutoFillBackground(True)
        edit = self.search.search_edit
        edit.setPlaceholderText(self.tr("Surname, address (Zgoda 8/12), premises code or IOK login"))
        edit.setToolTip(self.tr("Type to search; Enter or a double-click opens the ledger (Ctrl+F comes back here)."))
        caption.setBuddy(edit)
        self.search_slot = QWidget(self)
        self.search_slot.setObjectName("ledger_search_slot")
        self.search_slot.setFixedHeight(edit.sizeHint().height())
        self.search_slot.setMinimumWidth(320)
        self.search_slot.setMaximumWidth(520)
        row.addWidget(caption)
        row.addWidget(self.search_slot, 3)
        row.addStretch(1)
        # The import is for every premises at once, so it sits here, usable before any premises is open.
        self.import_button = QPushButton(self.tr("&Import from accounting…"), self)
        self.import_button.setObjectName("ledger_import_button")
        self.import_button.setToolTip(
            self.tr("Post charges, payments and corrections from the accounting program's CSV")
        )
        self.import_button.clicked.connect(self.open_import_dialog)
        row.addWidget(self.import_button)
        self.batch_button = QPushButton(self.tr("&Batch statements…"), self)
        self.batch_button.setObjectName("batch_statements_button")
        self.batch_button.setToolTip(self.tr("Statements of a building, an estate or all premises, as PDF files"))
        self.batch_button.clicked.connect(self.open_batch_dialog)
        row.addWidget(self.batch_button)
        self.layout_.insertLayout(0, row)
        self._search_open = False
        self.search.premises_chosen.connect(self._chosen)
        self.search.results_shown.connect(self._results_shown)
        self.search_slot.installEventFilter(self)
        edit.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self._set_search_open(False)

    def focus_search(self) -> None:
        self.search.search_edit.setFocus()
        self.search.search_edit.selectAll()

    def _results_shown(self, _count: int) -> None:
        self._set_search_open(len(self.search.search_edit.text().strip()) >= registry.MIN_QUERY)

    def _set_search_open(self, open_: bool) -> None:
        results, status = self.search.results_list, self.search.status_label
        self._search_open = open_ and (results.count() > 0 or bool(status.text()))
        results.setVisible(self._search_open and results.count() > 0)
        status.setVisible(self._search_open and bool(status.text()))
        self._place_search()

    def _place_search(self) -> None:
        edit = self.search.search_edit
        height = edit.sizeHint().height()
        if self.search.results_list.isVisibleTo(self.search):
            rows = self.search.results_list.count()
            row_height = self.search.results_list.sizeHintForRow(0) if rows else 0
            height += min(rows * row_height + 8, 360) + 4
        if self.search.status_label.isVisibleTo(self.search):
            height += self.search.status_label.sizeHint().height() + 4
        top_left = self.search_slot.mapTo(self, QPoint(0, 0))
        self.search.setGeometry(top_left.x(), top_left.y(), max(self.search_slot.width(), 320), height)
        self.search.raise_()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._search_open and new is not None and new is not self.search and not self.search.isAncestorOf(new):
            self._set_search_open(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search_slot and event.type() in {QEvent.Type.Resize, QEvent.Type.Move}:
            self._place_search()
        elif watched is self.search.search_edit and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and self._search_open:
                self._set_search_open(False)
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down and not self._search_open:
                self._set_search_open(True)
        return super().eventFilter(watched, event)

    def _build_empty_state(self) -> QWidget:
        self.empty_label = QLabel(
            self.tr(
                "Find a premises in the box above: a surname, an address such as Zgoda 8/12, a premises code "
                "or an IOK login. Press Enter or double-click a result to open its ledger."
            ),
            self,
        )
        self.empty_label.setObjectName("ledger_empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setMargin(48)
        return self.empty_label

    def _build_ledger_panel(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("ledger_panel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_header(panel))
        layout.addLayout(self._build_filters(panel))
        self.period_error_label = QLabel(panel)
        self.period_error_label.setObjectName("period_error_label")
        self.period_error_label.setProperty("role", "field-error")
        self.period_error_label.setWordWrap(True)
        show_error(self.period_error_label, None)
        layout.addWidget(self.period_error_label)
        layout.addWidget(self._build_summary(panel))
        layout.addWidget(self._build_table(panel), 1)
        layout.addLayout(self._build_footer(panel))
        return panel

    def _build_header(self, parent: QWidget) -> QFrame:
        frame = QFrame(parent)
        frame.setObjectName("ledger_header_frame")
        grid = QGridLayout(frame)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.address_label = QLabel(frame)
        self.address_label.setObjectName("address_label")
        self.details_label = QLabel(frame)
        self.details_label.setObjectName("details_label")
        self.holders_label = QLabel(frame)
        self.holders_label.setObjectName("holders_label")
        self.holders_label.setWordWrap(True)
        for label in (self.address_label, self.details_label, self.holders_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        account_row = QHBoxLayout()
        account_row.setSpacing(6)
        account_caption = QLabel(self.tr("Individual bank account:"), frame)
        account_caption.setProperty("ledger", "caption")
        self.account_label = QLabel(frame)
        self.account_label.setObjectName("account_label")
        self.account_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.account_label.setToolTip(self.tr("The resident pays to this account; it identifies the premises."))
        self.copy_account_button = QPushButton(self.tr("Copy"), frame)
        self.copy_account_button.setObjectName("copy_account_button")
        self.copy_account_button.setToolTip(self.tr("Copy the account number (digits only)"))
        self.copy_account_button.clicked.connect(self._copy_account)
        account_row.addWidget(account_caption)
        account_row.addWidget(self.account_label)
        account_row.addWidget(self.copy_account_button)
        account_row.addStretch(1)
        grid.addWidget(self.address_label, 0, 0)
        grid.addWidget(self.details_label, 1, 0)
        grid.addWidget(self.holders_label, 2, 0)
        grid.addLayout(account_row, 3, 0)
        grid.setColumnStretch(0, 1)
        grid.addWidget(self._build_balance(frame), 0, 1, 4, 1, Qt.AlignmentFlag.AlignVCenter)
        return frame

    def _build_balance(self, parent: QWidget) -> QFrame:
        """The amount due today, the figure the resident asks for first: big, coloured by its sign."""
        self.balance_frame = QFrame(parent)
        self.balance_frame.setObjectName("ledger_balance_frame")
        balance_layout = QVBoxLayout(self.balance_frame)
        balance_layout.setContentsMargins(16, 8, 16, 8)
        balance_layout.setSpacing(2)
        self.balance_caption_label = QLabel(self.balance_frame)
        self.balance_caption_label.setObjectName("balance_caption_label")
        self.balance_caption_label.setProperty("ledger", "caption")
        self.balance_label = QLabel(self.balance_frame)
        self.balance_label.setObjectName("balance_label")
        self.balance_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.balance_caption_label, self.balance_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.balance_frame.setToolTip(
            self.tr(
                "What the resident has to pay today: charges count once they are due, payments once booked; "
                "nothing booked after today counts."
            )
        )
        balance_layout.addWidget(self.balance_caption_label)
        balance_layout.addWidget(self.balance_label)
        return self.balance_frame

    def _build_filters(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        period_label = QLabel(self.tr("Peri&od:"), parent)
        self.period_combo = QComboBox(parent)
        self.period_combo.setObjectName("period_combo")
        self.period_combo.addItem(self.tr("Last 12 months"), Preset.LAST_12_MONTHS.value)
        self.period_combo.addItem(self.tr("This year"), Preset.THIS_YEAR.value)
        self.period_combo.addItem(self.tr("Everything"), Preset.EVERYTHING.value)
        self.period_combo.addItem(self.tr("Custom dates"), Preset.CUSTOM.value)
        period_label.setBuddy(self.period_combo)
        from_label = QLabel(self.tr("&From:"), parent)
        self.date_from_edit = self._date_edit("date_from_edit", parent)
        from_label.setBuddy(self.date_from_edit)
        to_label = QLabel(self.tr("&To:"), parent)
        self.date_to_edit = self._date_edit("date_to_edit", parent)
        to_label.setBuddy(self.date_to_edit)
        self.period_combo.currentIndexChanged.connect(self._preset_chosen)
        for widget in (period_label, self.period_combo, from_label, self.date_from_edit, to_label, self.date_to_edit):
            row.addWidget(widget)
        row.addStretch(1)
        # Actions on this premises' ledger; statements, printing and imports go here later.
        self.actions_layout = QHBoxLayout()
        self.actions_layout.setSpacing(6)
        self.payment_button = QPushButton(self.tr("Post pa&yment…"), parent)
        self.payment_button.setObjectName("payment_button")
        self.payment_button.setToolTip(self.tr("Book a payment the resident made (a new entry)"))
        self.payment_button.clicked.connect(self.open_payment_dialog)
        self.correction_button = QPushButton(self.tr("Post co&rrection…"), parent)
        self.correction_button.setObjectName("correction_button")
        self.correction_button.setToolTip(
            self.tr(
                "Book a correction (a new entry). Select the entry it corrects first to link them. "
                "Posted entries are never changed or deleted."
            )
        )
        self.correction_button.clicked.connect(lambda _checked=False: self.open_correction_dialog())
        self.actions_layout.addWidget(self.payment_button)
        self.actions_layout.addWidget(self.correction_button)
        self.statement_button = QPushButton(self.tr("Stat&ement…"), parent)
        self.statement_button.setObjectName("statement_button")
        self.statement_button.setToolTip(
            self.tr("Preview, print or save the statement of this premises for the period")
        )
        self.statement_button.clicked.connect(self.open_statement_dialog)
        self.actions_layout.addWidget(self.statement_button)
        row.addLayout(self.actions_layout)
        return row

    def _date_edit(self, name: str, parent: QWidget) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setObjectName(name)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setCalendarPopup(True)
        edit.dateChanged.connect(self._date_typed)
        return edit

    def _build_summary(self, parent: QWidget) -> QFrame:
        frame = QFrame(parent)
        frame.setObjectName("ledger_summary_frame")
        row = QHBoxLayout(frame)
        row.setContentsMargins(12, 6, 12, 6)
        row.setSpacing(24)
        self.summary_captions: dict[str, QLabel] = {}
        self.summary_values: dict[str, QLabel] = {}
        captions = {
            "opening_balance": self.tr("Opening balance"),
            "total_charges": self.tr("Charges in the period"),
            "total_payments": self.tr("Payments in the period"),
            "closing_balance": self.tr("Closing balance"),
        }
        for number, (key, text) in enumerate(captions.items()):
            if number:
                row.addStretch(1)
            cell = QVBoxLayout()
            cell.setSpacing(0)
            caption = QLabel(text, frame)
            caption.setObjectName(f"{key}_caption_label")
            caption.setProperty("ledger", "caption")
            value = QLabel("—", frame)
            value.setObjectName(f"{key}_label")
            value.setProperty("ledger", "value")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            align = Qt.AlignmentFlag.AlignLeft if number == 0 else Qt.AlignmentFlag.AlignRight
            caption.setAlignment(align)
            value.setAlignment(align)
            cell.addWidget(caption)
            cell.addWidget(value)
            row.addLayout(cell)
            self.summary_captions[key] = caption
            self.summary_values[key] = value
        return frame

    def _build_table(self, parent: QWidget) -> QTableView:
        self.model = LedgerTableModel(self.ctx.runner, self.today)
        self.model.setParent(self)  # freed with its screen (see paged_model.PagedTableModel)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.loading_changed.connect(lambda _loading: self._update_status())
        self.table = QTableView(parent)
        self.table.setObjectName("ledger_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setToolTip("")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        # Header sections are bold in the stylesheet, which is not applied yet: measure them bold.
        header_font = QFont(header.font())
        header_font.setBold(True)
        header_metrics = QFontMetrics(header_font)
        samples = {
            "booking_date": "00.00.0000",
            "kind": "naliczenie",
            "due_date": "00.00.0000",
            "charge": "-99\u00a0999,99\u00a0zł",
            "payment": "-99\u00a0999,99\u00a0zł",
            "balance": "-99\u00a0999,99\u00a0zł",
            "document": "WB/2026/11/0000",
        }
        widths = {
            key: max(metrics.horizontalAdvance(sample), header_metrics.horizontalAdvance(self._header_text(key)) + 8)
            + 20
            for key, sample in samples.items()
        }
        for column in range(self.model.columnCount()):
            key = self.model.column_key(column)
            if key == "title":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, widths[key])
        table_state.restore(self.ctx.settings, TABLE_KEY, self.table)
        table_state.remember(self.ctx.settings, TABLE_KEY, self.table)
        return self.table

    def _header_text(self, key: str) -> str:
        return str(self.model.headerData(self.model.column_of_key(key), Qt.Orientation.Horizontal))

    def _build_footer(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_label = QLabel(parent)
        self.status_label.setObjectName("ledger_status_label")
        self.hint_label = QLabel(
            self.tr("Posted entries are never changed or deleted: a mistake is put right with a correction."), parent
        )
        self.hint_label.setObjectName("ledger_hint_label")
        self.hint_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.status_label)
        row.addWidget(self.hint_label, 1)
        return row

    # --- page life ---------------------------------------------------------------------------
    def activated(self) -> None:
        self.today = office_today(self.ctx.backend.clock.now())
        self.model.today = self.today
        if self.preset() in {Preset.LAST_12_MONTHS, Preset.THIS_YEAR}:
            period = preset_period(self.preset(), self.today)  # the day may have changed since
            if period.date_from is not None and period.date_to is not None:
                self._set_dates(period.date_from, period.date_to)
        if self.premises_id is None:
            self.search.search_edit.setFocus()
        else:
            # Someone at another desk may have posted meanwhile: read the ledger again, keeping the place.
            self.reload(keep_rows=True)
            self._load_due()

    def deactivated(self) -> None:
        self._period_timer.stop()

    # --- choosing a premises -----------------------------------------------------------------
    def _chosen(self, hit: PremisesHit) -> None:
        self._set_search_open(False)
        self.show_premises(hit.premises_id, hit.address, hit.code)

    def show_premises(self, premises_id: int, address: str = "", code: str = "") -> None:
        """Open the ledger of a premises (also for other screens: "open the ledger of this premises")."""
        self.premises_id = premises_id
        self.premises_text = f"{address} · {code}" if address else ""
        self.card = None
        self.due = None
        self.content_stack.setCurrentIndex(1)
        self.address_label.setText(address or self.tr("Loading…"))
        for label in (self.details_label, self.holders_label, self.account_label, self.balance_label):
            label.setText("")
        self.balance_caption_label.setText(self.tr("Loading…"))
        self._set_balance_state("")
        self.copy_account_button.setEnabled(False)
        self.reload()
        generation = self._generation
        self.ctx.run(self.ctx.call(registry.premises_card, premises_id), lambda card: self._show_card(generation, card))
        self.table.setFocus()

    def _show_card(self, generation: int, card: PremisesCard) -> None:
        if generation != self._generation or card.premises_id != self.premises_id:
            return
        self.card = card
        self.premises_text = f"{card.address} · {card.code}"
        self.address_label.setText(card.address)
        self.details_label.setText(
            self.tr("Premises %1 · %2 · %3 m²")
            .replace("%1", card.code)
            .replace("%2", card.kind.label)
            .replace("%3", f"{card.area_m2:.2f}".replace(".", ","))
        )
        holders = list(dict.fromkeys(t.person_name for t in card.titles if t.is_current))
        self.holders_label.setText(
            self.tr("Holders: %1").replace("%1", ", ".join(holders)) if holders else self.tr("No current holder")
        )
        self.account_label.setText(card.bank_account)
        self.copy_account_button.setEnabled(True)
        self._show_due(card.amount_due)

    def _copy_account(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self.card is not None and clipboard is not None:
            clipboard.setText(self.card.bank_account.replace(" ", ""))
            self._notice = self.tr("Account number copied.")
            self._update_status()

    # --- amount due --------------------------------------------------------------------------
    def _load_due(self) -> None:
        premises_id = self.premises_id
        if premises_id is None:
            return
        self.ctx.run(self.ctx.call(ledger.amount_due, premises_id), self._show_due)

    def _show_due(self, due: AmountDue) -> None:
        if due.premises_id != self.premises_id:
            return
        self.due = due
        self.balance_caption_label.setText(self.tr("Today, %1").replace("%1", format_date(due.as_of)))
        if due.amount == 0:
            self.balance_label.setText(due.label)
        else:
            self.balance_label.setText(f"{due.label} {format_money(due.display_amount)}")
        self._set_balance_state("debt" if due.amount > 0 else "credit" if due.amount < 0 else "settled")

    def _set_balance_state(self, state: str) -> None:
        self.balance_frame.setProperty("state", state)
        _repolish(self.balance_frame)

    # --- period ------------------------------------------------------------------------------
    def _restore_period(self) -> None:
        saved = self.ctx.settings.value(PERIOD_SETTING)
        preset = Preset(saved) if saved in {p.value for p in Preset} - {Preset.CUSTOM.value} else Preset.LAST_12_MONTHS
        self.set_preset(preset)

    def set_preset(self, preset: Preset) -> None:
        self.period_combo.setCurrentIndex(self.period_combo.findData(preset.value))
        self._preset_chosen()

    def preset(self) -> Preset:
        return Preset(self.period_combo.currentData())

    def set_period(self, date_from: date, date_to: date) -> None:
        """Dates of the clerk's own (as if typed); the ledger reloads at once."""
        self._set_dates(date_from, date_to)
        self._date_typed()
        self._period_timer.stop()
        self.reload()

    def period(self) -> Period:
        if self.preset() is Preset.EVERYTHING:
            return Period(None, None)
        return Period(from_qdate(self.date_from_edit.date()), from_qdate(self.date_to_edit.date()))

    def _preset_chosen(self, _index: int = -1) -> None:
        preset = self.preset()
        if preset is Preset.CUSTOM:
            self.date_from_edit.setFocus()
            return
        self.ctx.settings.setValue(PERIOD_SETTING, preset.value)
        period = preset_period(preset, self.today)
        if period.date_from is not None and period.date_to is not None:
            self._set_dates(period.date_from, period.date_to)
        self._period_timer.stop()
        self.reload()

    def _set_dates(self, date_from: date, date_to: date) -> None:
        with QSignalBlocker(self.date_from_edit), QSignalBlocker(self.date_to_edit):
            self.date_from_edit.setDate(to_qdate(date_from))
            self.date_to_edit.setDate(to_qdate(date_to))

    def _date_typed(self, *_args: object) -> None:
        if self.preset() is not Preset.CUSTOM:
            with QSignalBlocker(self.period_combo):
                self.period_combo.setCurrentIndex(self.period_combo.findData(Preset.CUSTOM.value))
        self._period_timer.start()

    # --- loading -----------------------------------------------------------------------------
    def reload(self, *, keep_rows: bool = False) -> None:
        """Read the summary of the period, then the entries (again, keeping the place if asked)."""
        premises_id = self.premises_id
        if premises_id is None:
            return
        period = self.period()
        if not keep_rows:
            self._generation += 1
            self._reveal_id = None
            self._notice = ""
        generation = self._generation
        self._update_status(self.tr("Loading…"))
        self.ctx.run(
            self.ctx.call(ledger.statement, premises_id, *period.statement_range()),
            lambda statement: self._show_statement(generation, period, statement, keep_rows),
            lambda error: self._statement_failed(generation, error),
        )

    def _show_statement(self, generation: int, period: Period, statement: Statement, keep_rows: bool) -> None:
        if generation != self._generation:
            return
        self.statement = statement
        show_error(self.period_error_label, None)
        self._show_summary(period, statement)
        premises_id = self.premises_id
        if premises_id is None:
            return
        if keep_rows and self.source is not None and self.source.period == period:
            if self.model.fetching:
                self._refresh_pending = True
            else:
                self.model.refresh()
        else:
            self.source = LedgerSource(self.ctx, premises_id, period)
            self._scroll_to_end = True
            self.model.today = self.today
            self.model.load(self.source)

    def _show_summary(self, period: Period, statement: Statement) -> None:
        values = {
            "opening_balance": statement.opening_balance,
            "total_charges": statement.total_charges,
            "total_payments": statement.total_payments,
            "closing_balance": statement.closing_balance,
        }
        for key, amount in values.items():
            label = self.summary_values[key]
            label.setText(format_money(amount))
            if key.endswith("balance"):
                label.setToolTip(f"{balance_label(amount)} {format_money(abs(amount))}")
        opening = self.summary_captions["opening_balance"]
        closing = self.summary_captions["closing_balance"]
        if period.date_from is None:
            opening.setText(self.tr("Opening balance"))
        else:
            opening.setText(self.tr("Balance before %1").replace("%1", format_date(period.date_from)))
        if period.date_to is None:
            closing.setText(self.tr("Balance now (all entries)"))
        else:
            closing.setText(self.tr("Balance on %1").replace("%1", format_date(period.date_to)))
        if period.date_from is None and statement.entries:
            # "Everything": the dates show the span of the ledger, a starting point for dates of one's own.
            self._set_dates(statement.entries[0].booking_date, statement.entries[-1].booking_date)

    def _statement_failed(self, generation: int, error: BaseException) -> bool:
        if generation != self._generation or not isinstance(error, ValidationError):
            return False
        if error.field in {"date_from", "date_to"}:
            show_error(self.period_error_label, error.message)
            self.source = None
            self.model.clear()
            for label in self.summary_values.values():
                label.setText("—")
            self._update_status("")
            return True
        return False

    def _page_loaded(self) -> None:
        if self._refresh_pending:
            self._refresh_pending = False
            self.model.refresh()
            return
        if self._reveal_id is not None:
            row = self.model.row_of_key(self._reveal_id)
            if row is not None:
                self._reveal_id = None
                self.select_row(row)
            elif self.model.canFetchMore():
                self.model.fetchMore()
                return
            else:
                self._reveal_id = None
        elif self._scroll_to_end:
            self._scroll_to_end = False
            if not self.model.canFetchMore():
                # The whole period fits: show its newest entries, where the clerk looks first.
                self.table.scrollToBottom()
        self._update_status()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectRow(row)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _update_status(self, text: str | None = None) -> None:
        if text is None:
            text = self._count_text()
        self.status_label.setText(f"{text}  {self._notice}".strip())

    def _count_text(self) -> str:
        if self.model.fetching:
            return self.tr("Loading…")
        shown = self.model.rowCount()
        total = len(self.statement.entries) if self.statement is not None else shown
        if shown < total:
            return (
                self.tr("%1 of %2 entries shown; scroll down for more.")
                .replace("%1", str(shown))
                .replace("%2", str(total))
            )
        if total == 0:
            return self.tr("No entries in this period.")
        return self.tr("%1 entries.").replace("%1", str(total))

    # --- posting -----------------------------------------------------------------------------
    def selected_entry(self) -> EntryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def open_payment_dialog(self) -> PaymentDialog | None:
        if self.premises_id is None:
            return None
        dialog = PaymentDialog(self.ctx, self.premises_id, self.premises_text, self._today(), parent=self)
        dialog.posted.connect(self._posted)
        self.payment_dialog = dialog
        dialog.open()
        return dialog

    def open_correction_dialog(self, entry: EntryRow | None = None) -> CorrectionDialog | None:
        if self.premises_id is None:
            return None
        selected = entry or self.selected_entry()
        dialog = CorrectionDialog(
            self.ctx, self.premises_id, self.premises_text, self._today(), selected=selected, parent=self
        )
        dialog.posted.connect(self._posted)
        self.correction_dialog = dialog
        dialog.open()
        return dialog

    def _today(self) -> date:
        return office_today(self.ctx.backend.clock.now())

    def _posted(self, row: EntryRow) -> None:
        if row.premises_id != self.premises_id:
            return
        text = (
            self.tr("Posted: %1 %2 on %3.").replace("%1", row.kind.label).replace("%2", format_money(abs(row.amount)))
        )
        text = text.replace("%3", format_date(row.booking_date))
        if self.period().contains(row.booking_date):
            self._reveal_id = row.id
        else:
            text += " " + self.tr("It is outside the period shown.")
        self._notice = text
        self.reload(keep_rows=True)
        self._load_due()

    def open_import_dialog(self) -> LedgerImportDialog:
        if self.import_dialog is None:
            self.import_dialog = LedgerImportDialog(self.ctx, self)
            self.import_dialog.imported.connect(self._imported)
        if self.import_dialog.isVisible():
            self.import_dialog.raise_()
            self.import_dialog.activateWindow()
        else:
            self.import_dialog.show()
        return self.import_dialog

    def _imported(self, report: ImportReport) -> None:
        if self.premises_id is not None and report.created:
            self.reload(keep_rows=True)
            self._load_due()

    def open_statement_dialog(self) -> StatementDialog | None:
        """The statement of the premises shown, for the dates shown (also under "Everything")."""
        if self.premises_id is None:
            return None
        date_from, date_to = from_qdate(self.date_from_edit.date()), from_qdate(self.date_to_edit.date())
        dialog = StatementDialog(self.ctx, self.premises_id, self.premises_text, date_from, date_to, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.statement_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "statement_dialog", None))
        dialog.open()
        return dialog

    def open_batch_dialog(self) -> BatchStatementsDialog:
        from_, to = from_qdate(self.date_from_edit.date()), from_qdate(self.date_to_edit.date())
        dialog = BatchStatementsDialog(self.ctx, from_, to, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.batch_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "batch_dialog", None))
        dialog.open()
        return dialog

    def _context_menu(self, position: QPoint) -> None:
        index: QModelIndex = self.table.indexAt(position)
        if not index.isValid():
            return
        entry = self.model.row_at(index.row())
        menu = QMenu(self.table)
        menu.setObjectName("ledger_context_menu")
        correct = menu.addAction(self.tr("Post a correction of this entry…"))
        correct.triggered.connect(lambda: self.open_correction_dialog(entry))
        menu.popup(self.table.viewport().mapToGlobal(position))
