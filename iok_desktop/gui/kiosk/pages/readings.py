"""Kiosk page "Odczyty liczników": the meters of a premises, reporting a reading, the resident's readings.

Two views in one page, both made for a finger: the meters of the chosen premises as big cards (the last
accepted reading and its date, "report a reading"), and one meter with the report form (value on the
kiosk's keypad, the date moved a day at a time) above its readings. A pending reading the resident
reported can be changed or deleted (confirmed on the card itself, never in a modal box); accepted and
rejected ones are read-only; every reading can unfold its status history.

The services enforce access and the rules; their Polish refusals are shown as they are, in red next to
the form, and what the resident typed stays.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import format_date, format_datetime, office_today
from iok_desktop.domain.enums import MeterKind, ReadingStatus
from iok_desktop.domain.errors import ConflictError, DatabaseUnavailableError, DomainError, NotFoundError
from iok_desktop.domain.readings import format_reading_value
from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.keyboard import INPUT_PROPERTY, NUMERIC
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.kiosk.page import KioskPage
from iok_desktop.gui.kiosk.premises_picker import PremisesPicker
from iok_desktop.services.buildings import PremisesLabel
from iok_desktop.services.readings.rows import ReadingRow, StatusStep
from iok_desktop.services.readings.submit import SubmitResult, delete_reading, edit_reading, submit_reading
from iok_desktop.services.readings.views import MeterRow, meters_for_premises, readings_for_premises, status_history

# How far back the date of a reported reading may be moved (the service refuses dates outside the window).
MAX_DAYS_BACK = 62
# Page widths where the cards change shape: from WIDE_PAGE a meter card is one line with its buttons side
# by side; below NARROW_PAGE (beside the keypad on a 1280-pixel screen) buttons go under the text.
WIDE_PAGE = 1500
NARROW_PAGE = 1100


def _alive(widget: QWidget, callback: Callable[..., Any]) -> Callable[..., Any]:
    """A callback that does nothing once ``widget`` is gone (the resident logged out meanwhile)."""

    def guarded(*args: Any) -> Any:
        if shiboken6.isValid(widget):
            return callback(*args)
        return True  # a failure nobody can see any more counts as handled

    return guarded


def _domain_message(error: BaseException) -> str | None:
    """The Polish message to show in place, or None for what the kiosk's error handling must see."""
    if isinstance(error, DomainError) and not isinstance(error, DatabaseUnavailableError):
        return error.message
    return None


def _value(value: Decimal, decimal_places: int, unit: str) -> str:
    return f"{format_reading_value(value, decimal_places)} {unit}"


def _kind_title(kind: MeterKind) -> str:
    label = kind.label  # the Polish word the cooperative uses ("woda zimna")
    return f"{label[:1].upper()}{label[1:]} ({kind.short})"


def _label(text: str, role: str | None = None, *, wrap: bool = False, name: str | None = None) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def _button(text: str, name: str, *, primary: bool = False) -> QPushButton:
    button = named(QPushButton(text), name)
    button.setAutoDefault(False)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap must not take the focus (and the keypad) away
    if primary:
        button.setProperty("role", "kiosk-primary")
    return button


def _scroll(content: QWidget, name: str) -> QScrollArea:
    area = named(QScrollArea(), name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)  # swipe to scroll
    return area


def _reveal(widget: QWidget) -> None:
    """Scroll ``widget`` into view once the layouts have settled (the keypad narrows the page first)."""

    def scroll() -> None:
        if not shiboken6.isValid(widget):
            return
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget, 0, 48)

    QTimer.singleShot(0, scroll)


def _set_error(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))


class MeterCard(QFrame):
    """One meter of the premises: what it is, its last accepted reading, and the way to report one."""

    report_requested = Signal(object)  # MeterRow
    readings_requested = Signal(object)  # MeterRow

    def __init__(self, meter: MeterRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"kiosk_meter_card_{meter.id}")
        self.setProperty("role", "kiosk-card")
        self.meter = meter
        what = QVBoxLayout()
        what.setSpacing(8)
        what.addStretch(1)  # the text sits in the middle of a card as tall as its buttons
        what.addWidget(_label(_kind_title(meter.kind), "kiosk-card-title", name="kiosk_meter_kind"))
        what.addWidget(
            _label(
                self.tr("Meter no. %1").replace("%1", meter.serial_number), "kiosk-caption", name="kiosk_meter_serial"
            )
        )
        what.addStretch(1)
        last = QVBoxLayout()
        last.setSpacing(4)
        last.addStretch(1)
        if meter.last_accepted_value is not None and meter.last_accepted_date is not None:
            last.addWidget(_label(self.tr("Last accepted reading"), "kiosk-caption"))
            last.addWidget(
                _label(
                    _value(meter.last_accepted_value, meter.decimal_places, meter.unit),
                    "kiosk-value",
                    name="kiosk_meter_last_value",
                )
            )
            last.addWidget(
                _label(
                    self.tr("of %1").replace("%1", format_date(meter.last_accepted_date)),
                    "kiosk-caption",
                    name="kiosk_meter_last_date",
                )
            )
        else:
            last.addWidget(
                _label(self.tr("No accepted reading yet"), "kiosk-caption", wrap=True, name="kiosk_meter_last_value")
            )
        last.addStretch(1)
        # Stacked on a narrow screen, side by side where there is room (a shorter card, more of them seen).
        self.action_box = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        actions = self.action_box
        self.report_button: QPushButton | None = None
        self.refusal_label: QLabel | None = None
        if meter.resident_can_submit:
            self.report_button = _button(self.tr("Report a meter reading"), "kiosk_report_reading_button", primary=True)
            self.report_button.clicked.connect(lambda: self.report_requested.emit(self.meter))
            actions.addWidget(self.report_button)
        else:
            self.refusal_label = _label(
                meter.resident_refusal or "", "kiosk-note", wrap=True, name="kiosk_meter_refusal"
            )
            self.refusal_label.setMinimumWidth(420)
            actions.addWidget(self.refusal_label)
        self.readings_button = _button(self.tr("Readings of this meter"), "kiosk_meter_readings_button")
        self.readings_button.clicked.connect(lambda: self.readings_requested.emit(self.meter))
        actions.addWidget(self.readings_button)
        info = QHBoxLayout()
        info.setSpacing(32)
        info.addLayout(what, 1)
        info.addLayout(last, 1)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(24, 16, 24, 16)
        self.row.setSpacing(24)
        self.row.addLayout(info, 1)
        self.row.addLayout(actions, 0)  # the buttons keep their whole text

    def fit(self, page_width: int) -> None:
        """Wide: all in one line. Medium: the two buttons stacked on the right. Narrow: buttons under the text."""
        direction = QBoxLayout.Direction
        narrow = page_width < NARROW_PAGE
        self.row.setDirection(direction.TopToBottom if narrow else direction.LeftToRight)
        side_by_side = narrow or page_width >= WIDE_PAGE
        self.action_box.setDirection(direction.LeftToRight if side_by_side else direction.TopToBottom)


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
        value_text = _value(reading.value, reading.decimal_places, reading.unit)
        line = self._build_header(value_text)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 12, 24, 12)
        column.addLayout(line)
        self.reason_label: QLabel | None = None
        if reading.status is ReadingStatus.REJECTED:
            self.reason_label = _label(
                self.tr("Reason: %1").replace("%1", reading.rejection_reason or ""),
                "kiosk-reason",
                wrap=True,
                name="kiosk_reading_reason",
            )
            column.addWidget(self.reason_label)
        column.addWidget(self._build_edit_panel())
        column.addWidget(self._build_confirm_panel(value_text))
        self.error_label = _label("", "kiosk-error", wrap=True, name="kiosk_reading_card_error")
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

    def _build_header(self, value_text: str) -> QBoxLayout:
        """Value, date and status on the left; the buttons of what may be done on the right."""
        self.value_label = _label(value_text, "kiosk-value", name="kiosk_reading_value")
        self.date_label = _label(
            self.tr("of %1").replace("%1", format_date(self.reading.reading_date)), name="kiosk_reading_date"
        )
        self.status_label = _label(
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
        self.history_button = _button(self.tr("History"), "kiosk_reading_history_button")
        self.history_button.setCheckable(True)
        self.history_button.toggled.connect(self._toggle_history)
        buttons.addWidget(self.history_button)
        self.edit_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None
        if self.editable:
            self.edit_button = _button(self.tr("Change"), "kiosk_reading_edit_button")
            self.edit_button.clicked.connect(self._start_edit)
            self.delete_button = _button(self.tr("Delete"), "kiosk_reading_delete_button")
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
        edit_column.addWidget(_label(self.tr("New reading (%1)").replace("%1", self.reading.unit)))
        edit_row = QHBoxLayout()
        edit_column.addLayout(edit_row)
        self.value_edit = named(QLineEdit(), "kiosk_reading_new_value_edit")
        self.value_edit.setProperty(INPUT_PROPERTY, NUMERIC)
        self.value_edit.setProperty("role", "kiosk-value-edit")
        self.value_edit.returnPressed.connect(self._save)
        edit_row.addWidget(self.value_edit, 1)
        self.save_button = _button(self.tr("Save"), "kiosk_reading_save_button", primary=True)
        self.save_button.clicked.connect(self._save)
        self.cancel_edit_button = _button(self.tr("Cancel"), "kiosk_reading_cancel_edit_button")
        self.cancel_edit_button.clicked.connect(self._close_panels)
        edit_row.addWidget(self.save_button)
        edit_row.addWidget(self.cancel_edit_button)
        return self.edit_panel

    def _build_confirm_panel(self, value_text: str) -> QWidget:
        # Deleting: asked here, with two big answers, not in a box over the screen.
        self.confirm_panel = named(QWidget(), "kiosk_reading_delete_confirm")
        self.confirm_panel.setProperty("role", "kiosk-confirm")
        self.confirm_panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        confirm_row = QHBoxLayout(self.confirm_panel)
        self.confirm_label = _label(
            self.tr("Delete the reading %1 of %2?")
            .replace("%1", value_text)
            .replace("%2", format_date(self.reading.reading_date)),
            wrap=True,
            name="kiosk_reading_delete_question",
        )
        confirm_row.addWidget(self.confirm_label, 1)
        self.confirm_delete_button = _button(self.tr("Yes, delete"), "kiosk_reading_confirm_delete_button")
        self.confirm_delete_button.setProperty("role", "kiosk-danger")
        self.confirm_delete_button.clicked.connect(self._delete)
        self.keep_button = _button(self.tr("No, keep it"), "kiosk_reading_keep_button")
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
        _reveal(self.save_button)

    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return
        reading = self.reading
        text = self.value_edit.text()
        self.save_button.setEnabled(False)
        _set_error(self.error_label, "")
        self.ctx.run(
            self.ctx.call(edit_reading, reading.id, reading.version, text, reading.reading_date),
            _alive(self, self._saved),
            _alive(self, self._failed),
        )

    def _saved(self, row: ReadingRow) -> None:
        self.save_button.setEnabled(True)
        self.changed.emit(
            self.tr("Reading changed to %1.").replace("%1", _value(row.value, row.decimal_places, row.unit))
        )

    # --- delete ---------------------------------------------------------------------------------

    def _ask_delete(self) -> None:
        self._close_panels()
        self.confirm_panel.show()

    def _delete(self) -> None:
        self.confirm_delete_button.setEnabled(False)
        _set_error(self.error_label, "")
        self.ctx.run(
            self.ctx.call(delete_reading, self.reading.id, self.reading.version),
            _alive(self, self._deleted),
            _alive(self, self._failed),
        )

    def _deleted(self, _result: None) -> None:
        self.changed.emit(self.tr("Reading deleted."))

    def _close_panels(self) -> None:
        self.edit_panel.hide()
        self.confirm_panel.hide()
        self.confirm_delete_button.setEnabled(True)
        self.save_button.setEnabled(True)
        _set_error(self.error_label, "")

    def _failed(self, error: BaseException) -> bool:
        self.save_button.setEnabled(True)
        self.confirm_delete_button.setEnabled(True)
        message = _domain_message(error)
        if message is None:
            return False
        if isinstance(error, ConflictError | NotFoundError):
            self.conflict.emit(message)  # the reading is not what the card shows any more
        else:
            _set_error(self.error_label, message)
        return True

    # --- status history -------------------------------------------------------------------------

    def _toggle_history(self, shown: bool) -> None:
        self.history_button.setText(self.tr("Hide history") if shown else self.tr("History"))
        self.history_panel.setVisible(shown)
        if shown:
            self.ctx.run(
                self.ctx.call(status_history, self.reading.id),
                _alive(self, self._show_history),
                _alive(self, self._failed),
            )

    def _show_history(self, steps: list[StatusStep]) -> None:
        for label in self.history_labels:
            self.history_rows.removeWidget(label)
            label.deleteLater()
        self.history_labels = []
        for index, step in enumerate(steps):
            label = _label(
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


class ReadingsPage(KioskPage):
    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "readings", parent)
        self.premises: PremisesLabel | None = None
        self.meters: list[MeterRow] = []
        self.meter: MeterRow | None = None  # the meter shown in the second view
        self.readings: list[ReadingRow] = []
        self.reading_date = self._today()
        self.meter_cards: list[MeterCard] = []
        self.reading_cards: list[ReadingCard] = []

        self.title = named(_label(self.tr("Meter readings"), "kiosk-title"), "kiosk_readings_title")
        self.address_label = named(_label("", "kiosk-subtitle", wrap=True), "kiosk_readings_address")
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addSpacing(24)
        heading.addWidget(self.address_label, 1)
        self.picker = PremisesPicker(ctx, self)
        self.picker.chosen.connect(self._premises_chosen)
        self.message = _label("", "kiosk-ok", wrap=True, name="kiosk_readings_message")
        self.page_error = _label("", "kiosk-error", wrap=True, name="kiosk_readings_error")
        self.views = named(QStackedWidget(), "kiosk_readings_views")
        self.views.addWidget(self._build_meters_view())
        self.views.addWidget(self._build_meter_view())

        column = QVBoxLayout(self)
        column.setContentsMargins(16, 0, 16, 12)
        column.setSpacing(12)
        column.addLayout(heading)
        column.addWidget(self.picker)
        column.addWidget(self.message)
        column.addWidget(self.page_error)
        column.addWidget(self.views, 1)
        _set_error(self.message, "")
        _set_error(self.page_error, "")

    # --- building ---------------------------------------------------------------------------------

    def _build_meters_view(self) -> QWidget:
        self.meters_view = named(QWidget(), "kiosk_meters_view")
        self.meters_box = QVBoxLayout()
        self.meters_box.setSpacing(16)
        self.no_meters_label = _label(
            self.tr("There are no meters on this premises."), wrap=True, name="kiosk_no_meters"
        )
        self.no_meters_label.hide()
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.addLayout(self.meters_box)
        inner.addWidget(self.no_meters_label)
        inner.addStretch(1)
        layout = QVBoxLayout(self.meters_view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll(content, "kiosk_meters_scroll"), 1)
        return self.meters_view

    def _build_meter_view(self) -> QWidget:
        self.meter_view = named(QWidget(), "kiosk_meter_view")
        self.back_button = _button(self.tr("◀ All meters"), "kiosk_back_to_meters_button")
        self.back_button.clicked.connect(self.show_meters)
        self.meter_title = _label("", "kiosk-card-title", wrap=True, name="kiosk_meter_title")
        self.meter_last = _label("", "kiosk-caption", wrap=True, name="kiosk_meter_last")
        about = QVBoxLayout()
        about.addWidget(self.meter_title)
        about.addWidget(self.meter_last)
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(about, 1)

        self._build_form()
        self.refusal_label = _label("", "kiosk-note", wrap=True, name="kiosk_meter_view_refusal")

        # The readings of the meter.
        self.readings_heading = _label(self.tr("Readings of this meter"), "kiosk-heading")
        self.no_readings_label = _label(self.tr("This meter has no readings yet."), name="kiosk_no_readings")
        self.readings_box = QVBoxLayout()
        self.readings_box.setSpacing(12)
        # One scroll for the whole meter: the form first, then as many readings as there are.
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.setSpacing(12)
        inner.addLayout(top)
        inner.addWidget(self.form)
        inner.addWidget(self.refusal_label)
        inner.addWidget(self.readings_heading)
        inner.addLayout(self.readings_box)
        inner.addWidget(self.no_readings_label)
        inner.addStretch(1)
        layout = QVBoxLayout(self.meter_view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll(content, "kiosk_meter_scroll"), 1)
        return self.meter_view

    def _build_form(self) -> None:
        """The report form: the value (on the keypad), the date a day at a time, the refusal in red."""
        self.form = named(QFrame(), "kiosk_report_form")
        self.form.setProperty("role", "kiosk-card")
        self.value_caption = _label("", name="kiosk_reading_value_caption")
        self.value_edit = named(QLineEdit(), "kiosk_reading_value_edit")
        self.value_edit.setProperty(INPUT_PROPERTY, NUMERIC)
        self.value_edit.setProperty("role", "kiosk-value-edit")
        self.value_edit.returnPressed.connect(self.submit)
        self.submit_button = _button(self.tr("Send the reading"), "kiosk_submit_reading_button", primary=True)
        self.submit_button.clicked.connect(self.submit)
        value_row = QHBoxLayout()
        value_row.setSpacing(16)
        value_row.addWidget(self.value_edit, 1)
        value_row.addWidget(self.submit_button)
        # Arrows, not words: the form must fit beside the keypad on a 1280-pixel screen.
        self.earlier_button = _button("◀", "kiosk_reading_date_earlier_button")
        self.earlier_button.setProperty("role", "kiosk-arrow")
        self.earlier_button.clicked.connect(lambda: self._move_date(-1))
        self.date_label = _label("", "kiosk-date", name="kiosk_reading_date_label")
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.later_button = _button("▶", "kiosk_reading_date_later_button")
        self.later_button.setProperty("role", "kiosk-arrow")
        self.later_button.clicked.connect(lambda: self._move_date(1))
        date_row = QHBoxLayout()
        date_row.setSpacing(16)
        date_row.addWidget(self.earlier_button)
        date_row.addWidget(self.date_label)
        date_row.addWidget(self.later_button)
        date_row.addStretch(1)
        self.form_error = _label("", "kiosk-error", wrap=True, name="kiosk_reading_error")
        self.form_grid = QGridLayout(self.form)
        self.form_grid.setContentsMargins(24, 16, 24, 16)
        self.form_grid.setHorizontalSpacing(16)
        self.form_grid.setVerticalSpacing(12)
        self.date_caption = _label(self.tr("Reading date"))
        self._value_row, self._date_row = value_row, date_row
        self._form_narrow: bool | None = None
        self._fit_form(narrow=False)

    def _fit_form(self, *, narrow: bool) -> None:
        """Captions left of the fields where there is room, above them beside the keypad."""
        if narrow == self._form_narrow:
            return
        self._form_narrow = narrow
        grid = self.form_grid
        for widget in (self.value_caption, self.date_caption, self.form_error):
            grid.removeWidget(widget)
        for row in (self._value_row, self._date_row):
            grid.removeItem(row)
        if narrow:
            grid.addWidget(self.value_caption, 0, 0, 1, 2)
            grid.addLayout(self._value_row, 1, 0, 1, 2)
            grid.addWidget(self.date_caption, 2, 0, 1, 2)
            grid.addLayout(self._date_row, 3, 0, 1, 2)
            grid.addWidget(self.form_error, 4, 0, 1, 2)
        else:
            grid.addWidget(self.value_caption, 0, 0)
            grid.addLayout(self._value_row, 0, 1)
            grid.addWidget(self.date_caption, 1, 0)
            grid.addLayout(self._date_row, 1, 1)
            grid.addWidget(self.form_error, 2, 0, 1, 2)
        grid.setColumnStretch(0, 0)
        grid.setColumnStretch(1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        width = event.size().width()
        cards: list[MeterCard | ReadingCard] = [*self.meter_cards, *self.reading_cards]
        for card in cards:
            card.fit(width)
        self._fit_form(narrow=width < NARROW_PAGE)

    # --- loading ----------------------------------------------------------------------------------

    def activated(self) -> None:
        self.picker.load()

    def _today(self) -> date:
        return office_today(self.ctx.backend.clock.now())

    def _premises_chosen(self, premises: PremisesLabel) -> None:
        same = self.premises is not None and self.premises.id == premises.id
        self.premises = premises
        self.address_label.setText(premises.address)
        if not same:
            self.meter = None
            self.views.setCurrentWidget(self.meters_view)
            _set_error(self.message, "")
        self._load()

    def _load(self) -> None:
        if self.premises is None:
            return
        _set_error(self.page_error, "")
        self.ctx.run(
            self.ctx.call(meters_for_premises, self.premises.id),
            _alive(self, self._meters_loaded),
            _alive(self, self._load_failed),
        )

    def _meters_loaded(self, meters: list[MeterRow]) -> None:
        # The same order on every database: cold water, hot water, heat, gas, electricity.
        kinds = list(MeterKind)
        self.meters = sorted(meters, key=lambda m: (kinds.index(m.kind), m.serial_number))
        self._fill_meters()
        if self.meter is not None and self.premises is not None:
            self.meter = next((m for m in meters if m.id == self.meter.id), None)
            if self.meter is None:
                self.show_meters()
                return
            self._fill_meter()
            self.ctx.run(
                self.ctx.call(readings_for_premises, self.premises.id),
                _alive(self, self._readings_loaded),
                _alive(self, self._load_failed),
            )

    def _readings_loaded(self, readings: list[ReadingRow]) -> None:
        if self.meter is None:
            return
        self.readings = [r for r in readings if r.meter_id == self.meter.id]
        for card in self.reading_cards:
            self.readings_box.removeWidget(card)
            card.deleteLater()
        self.reading_cards = []
        for reading in self.readings:
            card = ReadingCard(self.ctx, reading)
            card.changed.connect(self._reading_changed)
            card.conflict.connect(self._reading_conflict)
            card.fit(self.width())
            self.readings_box.addWidget(card)
            self.reading_cards.append(card)
        self.no_readings_label.setVisible(not self.readings)

    def _load_failed(self, error: BaseException) -> bool:
        message = _domain_message(error)
        if message is None:
            return False
        _set_error(self.page_error, message)
        return True

    # --- the meters -------------------------------------------------------------------------------

    def _fill_meters(self) -> None:
        for card in self.meter_cards:
            self.meters_box.removeWidget(card)
            card.deleteLater()
        self.meter_cards = []
        for meter in self.meters:
            card = MeterCard(meter)
            card.report_requested.connect(lambda chosen: self.open_meter(chosen, report=True))
            card.readings_requested.connect(lambda chosen: self.open_meter(chosen, report=False))
            card.fit(self.width())
            self.meters_box.addWidget(card)
            self.meter_cards.append(card)
        self.no_meters_label.setVisible(not self.meters)

    def show_meters(self) -> None:
        self.meter = None
        self.views.setCurrentWidget(self.meters_view)
        _set_error(self.message, "")
        self._load()

    # --- one meter --------------------------------------------------------------------------------

    def open_meter(self, meter: MeterRow, *, report: bool) -> None:
        self.meter = meter
        self.value_edit.clear()
        self.reading_date = self._today()
        _set_error(self.form_error, "")
        _set_error(self.message, "")
        self._fill_meter()
        for card in self.reading_cards:
            self.readings_box.removeWidget(card)
            card.deleteLater()
        self.reading_cards = []
        self.no_readings_label.hide()
        self.views.setCurrentWidget(self.meter_view)
        if report and meter.resident_can_submit:
            self.value_edit.setFocus()  # the keypad comes up for it
        self._load()

    def _fill_meter(self) -> None:
        meter = self.meter
        if meter is None:
            return
        self.meter_title.setText(
            self.tr("%1, meter no. %2").replace("%1", _kind_title(meter.kind)).replace("%2", meter.serial_number)
        )
        if meter.last_accepted_value is not None and meter.last_accepted_date is not None:
            self.meter_last.setText(
                self.tr("Last accepted reading: %1 of %2")
                .replace("%1", _value(meter.last_accepted_value, meter.decimal_places, meter.unit))
                .replace("%2", format_date(meter.last_accepted_date))
            )
        else:
            self.meter_last.setText(self.tr("No accepted reading yet"))
        self.value_caption.setText(self.tr("Reading (%1)").replace("%1", meter.unit))
        self.form.setVisible(meter.resident_can_submit)
        self.refusal_label.setText(meter.resident_refusal or "")
        self.refusal_label.setVisible(not meter.resident_can_submit)
        self._show_date()

    def _move_date(self, days: int) -> None:
        today = self._today()
        self.reading_date = min(
            today, max(today - timedelta(days=MAX_DAYS_BACK), self.reading_date + timedelta(days=days))
        )
        self._show_date()

    def _show_date(self) -> None:
        today = self._today()
        text = format_date(self.reading_date)
        if self.reading_date == today:
            text = self.tr("%1 (today)").replace("%1", text)
        self.date_label.setText(text)
        self.later_button.setEnabled(self.reading_date < today)
        self.earlier_button.setEnabled(self.reading_date > today - timedelta(days=MAX_DAYS_BACK))

    def submit(self) -> None:
        meter = self.meter
        if meter is None or not self.submit_button.isEnabled():
            return
        self.submit_button.setEnabled(False)
        _set_error(self.form_error, "")
        _set_error(self.message, "")
        self.ctx.run(
            self.ctx.call(
                submit_reading, meter.id, self.value_edit.text(), self.reading_date, source=self.ctx.session.channel
            ),
            _alive(self, self._submitted),
            _alive(self, self._submit_failed),
        )

    def _submitted(self, result: SubmitResult) -> None:
        self.submit_button.setEnabled(True)
        row = result.reading
        value = _value(row.value, row.decimal_places, row.unit)
        if result.created:
            text = self.tr("Reading sent: %1 of %2. Status: %3.")
        else:
            text = self.tr("This reading was already reported: %1 of %2. Status: %3.")
        self.value_edit.clear()
        self.value_edit.clearFocus()
        _set_error(
            self.message,
            text.replace("%1", value).replace("%2", format_date(row.reading_date)).replace("%3", row.status.label),
        )
        self._load()

    def _submit_failed(self, error: BaseException) -> bool:
        self.submit_button.setEnabled(True)
        message = _domain_message(error)
        if message is None:
            return False
        _set_error(self.form_error, message)  # what the resident typed stays in the field
        return True

    def _reading_changed(self, what: str) -> None:
        _set_error(self.message, what)
        self._load()

    def _reading_conflict(self, why: str) -> None:
        _set_error(self.message, "")
        self._load()
        _set_error(self.page_error, why)
