"""The premises card: address and figures, legal titles (current and past), current holders with their
contact data, IOK account and history of changes, meters with the last accepted reading.

Built anew for each card shown (a few dozen widgets; the lists on a card are short by nature).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import format_date, format_datetime
from iok_desktop.domain.enums import AccountStatus
from iok_desktop.domain.money import format_money
from iok_desktop.domain.readings import format_reading_value
from iok_desktop.gui.clerk.registry.data import CardData
from iok_desktop.services.contacts import ContactChangeRow, ContactData
from iok_desktop.services.ledger import AmountDue
from iok_desktop.services.registry import HolderAccount, PremisesCard

DASH = "—"
PAST_COLOUR = QColor("#6b7280")


def balance_text(due: AmountDue) -> str:
    """``do zapłaty 1 234,56 zł``, ``nadpłata 12,00 zł`` or ``rozliczone`` (the service's own words)."""
    if due.amount == 0:
        return due.label
    return f"{due.label} {format_money(due.display_amount)}"


def area_text(area: Decimal) -> str:
    return f"{area:.2f}".replace(".", ",") + "\u00a0m²"


def fill_table(
    table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()
) -> None:
    """A short read-only table that shows every row (its height fits them; the card scrolls, not the table)."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.resizeRowsToContents()
    height = header.sizeHint().height() + table.verticalHeader().length() + 2 * table.frameWidth() + 2
    table.setFixedHeight(height)


class PremisesCardView(QWidget):
    edit_contact_requested = Signal(object)  # ContactData

    def __init__(self, data: CardData, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("premises_card")
        self.data = data
        self.today = today
        card = data.card
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addLayout(self._header(card))
        layout.addWidget(self._titles(card))
        layout.addWidget(self._holders(card))
        layout.addWidget(self._meters(card))
        layout.addStretch(1)

    # --- sections ------------------------------------------------------------------------------
    def _header(self, card: PremisesCard) -> QHBoxLayout:
        row = QHBoxLayout()
        left = QVBoxLayout()
        self.address_label = QLabel(card.address, self)
        self.address_label.setObjectName("card_address_label")
        self.address_label.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.address_label)
        facts = QFormLayout()
        self.code_label = self._value(card.code, "card_code_label")
        self.kind_label = self._value(card.kind.label, "card_kind_label")
        self.area_label = self._value(area_text(card.area_m2), "card_area_label")
        self.bank_account_label = self._value(card.bank_account, "card_bank_account_label")
        facts.addRow(self.tr("Premises code:"), self.code_label)
        facts.addRow(self.tr("Kind:"), self.kind_label)
        facts.addRow(self.tr("Usable area:"), self.area_label)
        facts.addRow(self.tr("Individual bank account:"), self.bank_account_label)
        left.addLayout(facts)
        row.addLayout(left, 1)
        balance_box = QVBoxLayout()
        caption = QLabel(self.tr("Balance today"), self)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.balance_label = QLabel(balance_text(card.amount_due), self)
        self.balance_label.setObjectName("card_balance_label")
        self.balance_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        colour = "#b3261e" if card.amount_due.amount > 0 else "#1e7b34"
        self.balance_label.setStyleSheet(f"font-size: 14pt; font-weight: 600; color: {colour};")
        balance_box.addWidget(caption)
        balance_box.addWidget(self.balance_label)
        balance_box.addStretch(1)
        row.addLayout(balance_box)
        return row

    def _value(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _title_state(self, valid_from: date, valid_to: date | None, is_current: bool) -> str:
        if is_current:
            return self.tr("current")
        if valid_from > self.today:
            return self.tr("future")
        return self.tr("past")

    def _titles(self, card: PremisesCard) -> QGroupBox:
        box = QGroupBox(self.tr("Legal titles"), self)
        box.setObjectName("titles_group")
        layout = QVBoxLayout(box)
        self.titles_table = QTableWidget(box)
        self.titles_table.setObjectName("titles_table")
        ordered = sorted(card.titles, key=lambda t: (not t.is_current, -t.valid_from.toordinal()))
        fill_table(
            self.titles_table,
            [self.tr("Holder"), self.tr("Legal title"), self.tr("From"), self.tr("To"), self.tr("State")],
            [
                [
                    t.person_name,
                    t.kind.label,
                    format_date(t.valid_from),
                    format_date(t.valid_to) if t.valid_to else DASH,
                    self._title_state(t.valid_from, t.valid_to, t.is_current),
                ]
                for t in ordered
            ],
        )
        for r, t in enumerate(ordered):
            if not t.is_current:
                for c in range(self.titles_table.columnCount()):
                    item = self.titles_table.item(r, c)
                    if item is not None:
                        item.setForeground(PAST_COLOUR)
        if not ordered:
            layout.addWidget(QLabel(self.tr("No legal title has been recorded for this premises."), box))
        layout.addWidget(self.titles_table)
        self.titles_table.setVisible(bool(ordered))
        return box

    def _holders(self, card: PremisesCard) -> QGroupBox:
        box = QGroupBox(self.tr("Current holders: contact data and IOK account"), self)
        box.setObjectName("holders_group")
        layout = QVBoxLayout(box)
        accounts = {a.person_id: a for a in card.accounts}
        self.holder_boxes: dict[int, QGroupBox] = {}
        if not card.contacts:
            layout.addWidget(QLabel(self.tr("Nobody holds a current legal title to this premises."), box))
        for contact in card.contacts:
            holder = self._holder(box, contact, accounts.get(contact.person_id))
            self.holder_boxes[contact.person_id] = holder
            layout.addWidget(holder)
        return box

    def _holder(self, parent: QWidget, contact: ContactData, account: HolderAccount | None) -> QGroupBox:
        pid = contact.person_id
        box = QGroupBox(contact.full_name, parent)
        box.setObjectName(f"holder_{pid}_group")
        layout = QVBoxLayout(box)
        top = QHBoxLayout()
        form = QFormLayout()
        for key, caption, value in (
            ("landline", self.tr("Landline:"), contact.landline),
            ("mobile", self.tr("Mobile:"), contact.mobile),
            ("email", self.tr("E-mail:"), contact.email),
        ):
            form.addRow(caption, self._value(value or DASH, f"holder_{pid}_{key}_label"))
        form.addRow(self.tr("IOK account:"), self._value(self._account_text(account), f"holder_{pid}_account_label"))
        top.addLayout(form, 1)
        edit = QPushButton(self.tr("Change data…"), box)
        edit.setObjectName(f"edit_contact_{pid}_button")
        edit.clicked.connect(lambda _checked=False, c=contact: self.edit_contact_requested.emit(c))
        top.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        history = self.data.histories.get(pid, [])
        history_label = QLabel(self.tr("History of changes"), box)
        history_label.setStyleSheet("font-weight: 600;")
        layout.addWidget(history_label)
        if not history:
            empty = QLabel(self.tr("No changes recorded."), box)
            empty.setObjectName(f"holder_{pid}_no_history_label")
            layout.addWidget(empty)
        else:
            table = QTableWidget(box)
            table.setObjectName(f"holder_{pid}_history_table")
            fill_table(
                table,
                [self.tr("When"), self.tr("Field"), self.tr("Old value"), self.tr("New value"), self.tr("Changed by")],
                [self._history_row(h) for h in history],
            )
            layout.addWidget(table)
        return box

    def _history_row(self, change: ContactChangeRow) -> list[str]:
        who = change.changed_by.label
        if change.changed_by_login:
            who = f"{who} ({change.changed_by_login})"
        return [
            format_datetime(change.changed_at),
            change.field.label,
            change.old_value or DASH,
            change.new_value or DASH,
            who,
        ]

    def _account_text(self, account: HolderAccount | None) -> str:
        if account is None or account.login is None or account.status is None:
            return self.tr("no IOK account")
        text = f"{account.login} — {account.status.label}"
        if account.status is AccountStatus.ACTIVE:
            return text
        return text + " " + self.tr("(see the IOK accounts screen)")

    def _meters(self, card: PremisesCard) -> QGroupBox:
        box = QGroupBox(self.tr("Meters"), self)
        box.setObjectName("meters_group")
        layout = QVBoxLayout(box)
        self.meters_table = QTableWidget(box)
        self.meters_table.setObjectName("meters_table")
        rows = []
        for m in card.meters:
            value = (
                f"{format_reading_value(m.last_accepted_value, m.decimal_places)}\u00a0{m.unit}"
                if m.last_accepted_value is not None
                else DASH
            )
            rows.append(
                [
                    m.kind.label,
                    m.serial_number,
                    value,
                    format_date(m.last_accepted_date) if m.last_accepted_date else DASH,
                    format_date(m.installed_on),
                    format_date(m.next_verification_on) if m.next_verification_on else DASH,
                ]
            )
        fill_table(
            self.meters_table,
            [
                self.tr("Meter"),
                self.tr("Serial number"),
                self.tr("Last accepted reading"),
                self.tr("Read on"),
                self.tr("Installed"),
                self.tr("Next verification"),
            ],
            rows,
            right=(2,),
        )
        if not rows:
            layout.addWidget(QLabel(self.tr("No meters in this premises."), box))
        layout.addWidget(self.meters_table)
        self.meters_table.setVisible(bool(rows))
        return box
