"""One reading as a card: value, date and status; change or delete it while pending; its history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import format_date, format_datetime
from iok_desktop.domain.enums import ReadingStatus
from iok_desktop.domain.errors import ConflictError, NotFoundError
from iok_desktop.domain.readings import format_reading_value
from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.keyboard import INPUT_PROPERTY, NUMERIC
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.kiosk.readings.widgets import (
    NARROW_PAGE,
    domain_message,
    make_button,
    make_label,
    reveal,
    set_error,
    value_text,
    while_alive,
)
from iok_desktop.services.readings.rows import ReadingRow, StatusStep
from iok_desktop.services.readings.submit import delete_reading, edit_reading
from iok_desktop.services.readings.views import status_history


class ReadingCard(QFrame):
    """One reading: value, date, status; for the resident's own pending one also change and delete,
    each confirmed on the card; and the status history, unfolded on request."""

    changed = Signal(str)  # what happened, for the page to say after it reloads
    conflict = Signal(str)  # someone else changed the reading first: the page reloads and says why

    def __init__(self, ctx: KioskContext, reading: ReadingRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"kiosk_reading_card_{reading.id}")
        self.setProperty("role", "kiosk-card")
        self.ctx = ctx
        self.reading = reading
        self.editable = (
            reading.status is ReadingStatus.PENDING and reading.submitted_by_account_id == ctx.session.account_id
        )
        shown_value = value_text(reading.value, reading.decimal_places, reading.unit)
        line = self._build_header(shown_value)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 12, 24, 12)
        column.addLayout(line)
        self.reason_label: QLabel | None = None
        if reading.status is ReadingStatus.REJECTED:
            self.reason_label = make_label(
                self.tr("Reason: %1").replace("%1", reading.rejection_reason or ""),
                "kiosk-reason",
                wrap=True,
                name="kiosk_reading_reason",
            )
            column.addWidget(self.reason_label)
        column.addWidget(self._build_edit_panel())
        column.addWidget(self._build_confirm_panel(shown_value))
        self.error_label = make_label("", "kiosk-error", wrap=True, name="kiosk_reading_card_error")
        column.addWidget(self.error_label)
        self.history_panel = named(QWidget(), "kiosk_reading_history")
        self.history_panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.history_rows = QVBoxLayout(self.history_panel)
        self.history_rows.setContentsMargins(12, 8, 12, 8)
        self.history_rows.setSpacing(4)
        column.addWidget(self.history_panel)
        self.history_labels: list[QLabel] = []
        self._close_panels()
        self.history_panel.hide()

    def _build_header(self, shown_value: str) -> QBoxLayout:
        """Value, date and status on the left; the buttons of what may be done on the right."""
        self.value_label = make_label(shown_value, "kiosk-value", name="kiosk_reading_value")
        self.date_label = make_label(
            self.tr("of %1").replace("%1", format_date(self.reading.reading_date)), name="kiosk_reading_date"
        )
        self.status_label = make_label(
            self.reading.status.label, f"kiosk-status-{self.reading.status.value}", name="kiosk_reading_status"
        )
        self.status_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)  # never squeezed
        when = QHBoxLayout()
        when.setSpacing(20)
        when.addWidget(self.value_label)
        when.addWidget(self.date_label)
        when.addStretch(1)
        about = QVBoxLayout()
        about.setSpacing(6)
        about.addLayout(when)
        about.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignLeft)
        self.line = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.line.setSpacing(16)
        self.line.addLayout(about, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addStretch(1)
        self.line.addLayout(buttons)
        self.history_button = make_button(self.tr("History"), "kiosk_reading_history_button")
        self.history_button.setCheckable(True)
        self.history_button.toggled.connect(self._toggle_history)
        buttons.addWidget(self.history_button)
        self.edit_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None
        if self.editable:
            self.edit_button = make_button(self.tr("Change"), "kiosk_reading_edit_button")
            self.edit_button.clicked.connect(self._start_edit)
            self.delete_button = make_button(self.tr("Delete"), "kiosk_reading_delete_button")
            self.delete_button.clicked.connect(self._ask_delete)
            buttons.addWidget(self.edit_button)
            buttons.addWidget(self.delete_button)
        return self.line

    def fit(self, page_width: int) -> None:
        """Buttons beside the value where there is room, under it beside the keypad."""
        narrow = page_width < NARROW_PAGE
        self.line.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)

    def _build_edit_panel(self) -> QWidget:
        # Changing the value: the keypad serves the field; the date stays the reading's own.
        self.edit_panel = named(QWidget(), "kiosk_reading_edit_panel")
        edit_column = QVBoxLayout(self.edit_panel)
        edit_column.setContentsMargins(0, 8, 0, 0)
        edit_column.addWidget(make_label(self.tr("New reading (%1)").replace("%1", self.reading.unit)))
        edit_row = QHBoxLayout()
        edit_column.addLayout(edit_row)
        self.value_edit = named(QLineEdit(), "kiosk_reading_new_value_edit")
        self.value_edit.setProperty(INPUT_PROPERTY, NUMERIC)
        self.value_edit.setProperty("role", "kiosk-value-edit")
        self.value_edit.returnPressed.connect(self._save)
        edit_row.addWidget(self.value_edit, 1)
        self.save_button = make_button(self.tr("Save"), "kiosk_reading_save_button", primary=True)
        self.save_button.clicked.connect(self._save)
        self.cancel_edit_button = make_button(self.tr("Cancel"), "kiosk_reading_cancel_edit_button")
        self.cancel_edit_button.clicked.connect(self._close_panels)
        edit_row.addWidget(self.save_button)
        edit_row.addWidget(self.cancel_edit_button)
        return self.edit_panel

    def _build_confirm_panel(self, shown_value: str) -> QWidget:
        # Deleting: asked here, with two big answers, not in a box over the screen.
        self.confirm_panel = named(QWidget(), "kiosk_reading_delete_confirm")
        self.confirm_panel.setProperty("role", "kiosk-confirm")
        self.confirm_panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        confirm_row = QHBoxLayout(self.confirm_panel)
        self.confirm_label = make_label(
            self.tr("Delete the reading %1 of %2?")
            .replace("%1", shown_value)
            .replace("%2", format_date(self.reading.reading_date)),
            wrap=True,
            name="kiosk_reading_delete_question",
        )
        confirm_row.addWidget(self.confirm_label, 1)
        self.confirm_delete_button = make_button(self.tr("Yes, delete"), "kiosk_reading_confirm_delete_button")
        self.confirm_delete_button.setProperty("role", "kiosk-danger")
        self.confirm_delete_button.clicked.connect(self._delete)
        self.keep_button = make_button(self.tr("No, keep it"), "kiosk_reading_keep_button")
        self.keep_button.clicked.connect(self._close_panels)
        confirm_row.addWidget(self.confirm_delete_button)
        confirm_row.addWidget(self.keep_button)
        return self.confirm_panel

    # --- change ---------------------------------------------------------------------------------

    def _start_edit(self) -> None:
        self._close_panels()
        self.value_edit.setText(format_reading_value(self.reading.value, self.reading.decimal_places))
        self.edit_panel.show()
        self.value_edit.setFocus()
        self.value_edit.selectAll()
        reveal(self.save_button)

    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return
        reading = self.reading
        text = self.value_edit.text()
        self.save_button.setEnabled(False)
        set_error(self.error_label, "")
        self.ctx.run(
            self.ctx.call(edit_reading, reading.id, reading.version, text, reading.reading_date),
            while_alive(self, self._saved),
            while_alive(self, self._failed),
        )

    def _saved(self, row: ReadingRow) -> None:
        self.save_button.setEnabled(True)
        self.changed.emit(
            self.tr("Reading changed to %1.").replace("%1", value_text(row.value, row.decimal_places, row.unit))
        )

    # --- delete ---------------------------------------------------------------------------------

    def _ask_delete(self) -> None:
        self._close_panels()
        self.confirm_panel.show()

    def _delete(self) -> None:
        self.confirm_delete_button.setEnabled(False)
        set_error(self.error_label, "")
        self.ctx.run(
            self.ctx.call(delete_reading, self.reading.id, self.reading.version),
            while_alive(self, self._deleted),
            while_alive(self, self._failed),
        )

    def _deleted(self, _result: None) -> None:
        self.changed.emit(self.tr("Reading deleted."))

    def _close_panels(self) -> None:
        self.edit_panel.hide()
        self.confirm_panel.hide()
        self.confirm_delete_button.setEnabled(True)
        self.save_button.setEnabled(True)
        set_error(self.error_label, "")

    def _failed(self, error: BaseException) -> bool:
        self.save_button.setEnabled(True)
        self.confirm_delete_button.setEnabled(True)
        message = domain_message(error)
        if message is None:
            return False
        if isinstance(error, ConflictError | NotFoundError):
            self.conflict.emit(message)  # the reading is not what the card shows any more
        else:
            set_error(self.error_label, message)
        return True

    # --- status history -------------------------------------------------------------------------

    def _toggle_history(self, shown: bool) -> None:
        self.history_button.setText(self.tr("Hide history") if shown else self.tr("History"))
        self.history_panel.setVisible(shown)
        if shown:
            self.ctx.run(
                self.ctx.call(status_history, self.reading.id),
                while_alive(self, self._show_history),
                while_alive(self, self._failed),
            )

    def _show_history(self, steps: list[StatusStep]) -> None:
        for label in self.history_labels:
            self.history_rows.removeWidget(label)
            label.deleteLater()
        self.history_labels = []
        for index, step in enumerate(steps):
            label = make_label(
                f"{format_datetime(step.at)}   {step.label}",
                "kiosk-history",
                wrap=True,
                name=f"kiosk_history_step_{index}",
            )
            self.history_rows.addWidget(label)
            self.history_labels.append(label)

    @property
    def history_texts(self) -> list[str]:
        return [label.text() for label in self.history_labels]
