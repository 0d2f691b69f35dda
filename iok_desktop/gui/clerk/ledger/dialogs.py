"""Posting a payment or a correction: forms from ``ui/ledger_*_dialog.ui``, the service decides.

Nothing is checked here that the service checks better: the amount goes as typed ("1 234,56"),
and each refusal comes back with the service's Polish message, shown under the field it names.
The dialog stays open with everything typed until the entry is posted. Posted entries are never
edited or deleted, so there is no dialog for that.

A save whose connection dropped during COMMIT may have been booked or not. Each save notes which
entries the premises had on that booking date; the next save after such a failure first looks for a
new entry with the same kind, amount, title and document, and takes it instead of booking a twin.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from iok_desktop.domain.dates import format_date
from iok_desktop.domain.enums import LedgerKind
from iok_desktop.domain.errors import DomainError, ValidationError
from iok_desktop.domain.money import format_money, parse_money
from iok_desktop.domain.text import clean_line
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.forms.ui_ledger_correction_dialog import Ui_LedgerCorrectionDialog
from iok_desktop.gui.forms.ui_ledger_payment_dialog import Ui_LedgerPaymentDialog
from iok_desktop.gui.widgets import set_invalid, show_error
from iok_desktop.services import ledger
from iok_desktop.services.backend import CommitOutcomeUnknownError
from iok_desktop.services.ledger import EntryRow


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def mute(label: QLabel) -> None:
    """Secondary text (hints) in the palette's placeholder grey."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)


def describe_entry(row: EntryRow) -> str:
    """``01.11.2026 · 412,18 zł · Opłaty za lokal 11/2026…`` (date and amount first, the title shortened)."""
    title = row.title if len(row.title) <= 48 else row.title[:47].rstrip() + "…"
    return f"{format_date(row.booking_date)} · {format_money(row.amount)} · {title}"


class _PostingDialog(QDialog):
    """What both dialogs share: fields, errors by field name, busy state, the ``posted`` signal."""

    posted = Signal(object)  # EntryRow
    _kind: LedgerKind

    def _setup(
        self,
        ctx: ClerkContext,
        premises_id: int,
        premises_text: str,
        today: date,
        *,
        amount_edit: QLineEdit,
        booking_date_edit: QDateEdit,
        title_combo: QComboBox,
        document_edit: QLineEdit,
        premises_label: QLabel,
        note_label: QLabel,
        error_label: QLabel,
        button_box: QDialogButtonBox,
        errors: dict[str, tuple[QWidget, QLabel]],
    ) -> None:
        self.ctx = ctx
        self.premises_id = premises_id
        # Entry ids of the booking date before the last save; kept from a save of unknown outcome.
        self._seen: frozenset[int] = frozenset()
        self._unconfirmed: frozenset[int] | None = None
        self.amount_edit = amount_edit
        self.booking_date_edit = booking_date_edit
        self.title_combo = title_combo
        self.document_edit = document_edit
        self.error_label = error_label
        self.button_box = button_box
        # service field name → (the input, the label under it)
        self._errors = errors
        premises_label.setText(premises_text)
        mute(note_label)
        booking_date_edit.setDate(to_qdate(today))
        title_line = title_combo.lineEdit()
        if title_line is not None:
            title_line.setMaxLength(ledger.MAX_TITLE)
        title_combo.setCurrentIndex(0)
        self.ok_button: QPushButton = button_box.button(QDialogButtonBox.StandardButton.Ok)
        button_box.accepted.connect(self.submit)
        button_box.rejected.connect(self.reject)
        self.clear_errors()
        amount_edit.setFocus()
        self.adjustSize()

    # --- what the clerk typed ---------------------------------------------------------------
    def title_text(self) -> str:
        return self.title_combo.currentText()

    def booking_date(self) -> date:
        return from_qdate(self.booking_date_edit.date())

    def document_id(self) -> str | None:
        return self.document_edit.text() or None

    # --- posting ----------------------------------------------------------------------------
    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.clear_errors()
        self._set_busy(True)
        self.ctx.run(self._checked(self._work()), self._succeeded, self._failed)

    def _checked(self, post: Callable[[], EntryRow]) -> Callable[[], EntryRow]:
        """``post``, unless a save of unknown outcome is already in the ledger (see the module docstring)."""
        ctx, premises_id, unconfirmed = self.ctx, self.premises_id, self._unconfirmed
        day, document = self.booking_date(), clean_line(self.document_id(), max_length=ledger.MAX_DOCUMENT_ID) or None
        title = clean_line(self.title_text(), max_length=ledger.MAX_TITLE)
        kind, amount_text = self._kind, self.amount_edit.text()

        def work() -> EntryRow:
            rows = ctx.backend.call(
                ctx.actor, ledger.entries_page, premises_id, date_from=day, date_to=day, limit=ledger.MAX_PAGE
            ).rows
            if unconfirmed is not None:
                amount = abs(parse_money(amount_text))
                for row in rows:
                    same = (row.kind, abs(row.amount), row.title, row.document_id) == (kind, amount, title, document)
                    if same and row.id not in unconfirmed:
                        return row
            self._seen = frozenset(row.id for row in rows)
            return post()

        return work

    def _work(self) -> Callable[[], EntryRow]:  # overridden: the service call as a unit of work
        raise NotImplementedError

    def _succeeded(self, row: EntryRow) -> None:
        self._set_busy(False)
        self.posted.emit(row)
        self.accept()

    def _failed(self, error: BaseException) -> bool:
        self._set_busy(False)
        if isinstance(error, CommitOutcomeUnknownError) and self._unconfirmed is None:
            self._unconfirmed = self._seen
        if not isinstance(error, DomainError):
            return False  # the database is gone or a bug: the error presenter says so; the form stays
        field = error.field if isinstance(error, ValidationError) else None
        target = self._errors.get(field or "")
        if target is None:
            show_error(self.error_label, error.message)
            self._fit()
            return True
        widget, label = target
        show_error(label, error.message)
        set_invalid(_styled(widget), True)
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        self._fit()
        return True

    def _fit(self) -> None:
        """Grow to show a wrapped message in full (a window does not follow its height-for-width)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def clear_errors(self) -> None:
        show_error(self.error_label, None)
        for widget, label in self._errors.values():
            show_error(label, None)
            set_invalid(_styled(widget), False)

    def _set_busy(self, busy: bool) -> None:
        for widget, _label in self._errors.values():
            widget.setEnabled(not busy and self._enabled_when_idle(widget))
        self.button_box.setEnabled(not busy)

    def _enabled_when_idle(self, widget: QWidget) -> bool:
        return True


def _styled(widget: QWidget) -> QWidget:
    """The widget the stylesheet marks as invalid (an editable combo's line edit)."""
    line = widget.lineEdit() if isinstance(widget, QComboBox) else None
    return line if line is not None else widget


class PaymentDialog(_PostingDialog):
    """A payment: a positive amount as typed; stored as lowering what is owed."""

    _kind = LedgerKind.PAYMENT

    def __init__(
        self, ctx: ClerkContext, premises_id: int, premises_text: str, today: date, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LedgerPaymentDialog()
        self.ui.setupUi(self)
        self.setObjectName("ledger_payment_dialog")
        ui = self.ui
        self._setup(
            ctx,
            premises_id,
            premises_text,
            today,
            amount_edit=ui.amount_edit,
            booking_date_edit=ui.booking_date_edit,
            title_combo=ui.title_combo,
            document_edit=ui.document_edit,
            premises_label=ui.premises_label,
            note_label=ui.note_label,
            error_label=ui.error_label,
            button_box=ui.button_box,
            errors={
                "amount": (ui.amount_edit, ui.amount_error_label),
                "booking_date": (ui.booking_date_edit, ui.booking_date_error_label),
                "title": (ui.title_combo, ui.title_error_label),
                "document_id": (ui.document_edit, ui.document_error_label),
            },
        )
        self.ok_button.setText(self.tr("Post payment"))

    def _work(self) -> Callable[[], EntryRow]:
        return self.ctx.call(
            ledger.post_payment,
            self.premises_id,
            amount_text=self.amount_edit.text(),
            booking_date=self.booking_date(),
            title=self.title_text(),
            document_id=self.document_id(),
        )


class CorrectionDialog(_PostingDialog):
    """A correction of either sign, optionally with a due date and the entry it corrects."""

    _kind = LedgerKind.CORRECTION

    def __init__(
        self,
        ctx: ClerkContext,
        premises_id: int,
        premises_text: str,
        today: date,
        *,
        selected: EntryRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LedgerCorrectionDialog()
        self.ui.setupUi(self)
        self.setObjectName("ledger_correction_dialog")
        ui = self.ui
        self.selected = selected
        self._setup(
            ctx,
            premises_id,
            premises_text,
            today,
            amount_edit=ui.amount_edit,
            booking_date_edit=ui.booking_date_edit,
            title_combo=ui.title_combo,
            document_edit=ui.document_edit,
            premises_label=ui.premises_label,
            note_label=ui.note_label,
            error_label=ui.error_label,
            button_box=ui.button_box,
            errors={
                "amount": (ui.amount_edit, ui.amount_error_label),
                "booking_date": (ui.booking_date_edit, ui.booking_date_error_label),
                "due_date": (ui.due_date_edit, ui.due_date_error_label),
                "corrects_entry_id": (ui.corrects_entry_check, ui.corrects_entry_error_label),
                "title": (ui.title_combo, ui.title_error_label),
                "document_id": (ui.document_edit, ui.document_error_label),
            },
        )
        self.ok_button.setText(self.tr("Post correction"))
        mute(ui.amount_hint_label)
        ui.due_date_edit.setDate(to_qdate(today))
        ui.due_date_check.toggled.connect(ui.due_date_edit.setEnabled)
        if selected is None:
            ui.corrects_entry_check.setText(self.tr("No entry selected (select a row in the table first)"))
            ui.corrects_entry_check.setChecked(False)
            ui.corrects_entry_check.setEnabled(False)
        else:
            ui.corrects_entry_check.setText(describe_entry(selected))
            ui.corrects_entry_check.setToolTip(selected.title)
            ui.corrects_entry_check.setChecked(True)
            self._set_title(_correction_title(selected))
        ui.corrects_entry_check.toggled.connect(self._corrects_toggled)

    def _corrects_toggled(self, checked: bool) -> None:
        if self.selected is None:
            return
        linked_title = _correction_title(self.selected)
        if checked and self.title_text() == self.ui.title_combo.itemText(0):
            self._set_title(linked_title)
        elif not checked and self.title_text() == linked_title:
            self.ui.title_combo.setCurrentIndex(0)

    def _set_title(self, title: str) -> None:
        self.ui.title_combo.setEditText(title)
        line = self.ui.title_combo.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # show how it starts ("Korekta: …"), not its end

    def due_date(self) -> date | None:
        return from_qdate(self.ui.due_date_edit.date()) if self.ui.due_date_check.isChecked() else None

    def corrects_entry_id(self) -> int | None:
        if self.selected is None or not self.ui.corrects_entry_check.isChecked():
            return None
        return self.selected.id

    def _enabled_when_idle(self, widget: QWidget) -> bool:
        if widget is self.ui.due_date_edit:
            return self.ui.due_date_check.isChecked()
        if widget is self.ui.corrects_entry_check:
            return self.selected is not None
        return True

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.ui.due_date_check.setEnabled(not busy)

    def _work(self) -> Callable[[], EntryRow]:
        return self.ctx.call(
            ledger.post_correction,
            self.premises_id,
            amount_text=self.amount_edit.text(),
            booking_date=self.booking_date(),
            due_date=self.due_date(),
            title=self.title_text(),
            corrects_entry_id=self.corrects_entry_id(),
            document_id=self.document_id(),
        )


def _correction_title(row: EntryRow) -> str:
    """The default title of a correction of ``row``: it says what it corrects (the statement shows it)."""
    return f"Korekta: {row.title}"[: ledger.MAX_TITLE]
