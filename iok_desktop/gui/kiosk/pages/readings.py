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

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import format_date, office_today
from iok_desktop.domain.enums import MeterKind
from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.keyboard import INPUT_PROPERTY, NUMERIC
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.kiosk.page import KioskPage
from iok_desktop.gui.kiosk.premises_picker import PremisesPicker
from iok_desktop.gui.kiosk.readings.meter_card import MeterCard
from iok_desktop.gui.kiosk.readings.reading_card import ReadingCard
from iok_desktop.gui.kiosk.readings.widgets import (
    MAX_DAYS_BACK,
    NARROW_PAGE,
    domain_message,
    kind_title,
    make_button,
    make_label,
    set_error,
    touch_scroll,
    value_text,
    while_alive,
)
from iok_desktop.services.buildings import PremisesLabel
from iok_desktop.services.readings.rows import ReadingRow
from iok_desktop.services.readings.submit import SubmitResult, submit_reading
from iok_desktop.services.readings.views import MeterRow, meters_for_premises, readings_for_premises


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

        self.title = named(make_label(self.tr("Meter readings"), "kiosk-title"), "kiosk_readings_title")
        self.address_label = named(make_label("", "kiosk-subtitle", wrap=True), "kiosk_readings_address")
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addSpacing(24)
        heading.addWidget(self.address_label, 1)
        self.picker = PremisesPicker(ctx, self)
        self.picker.chosen.connect(self._premises_chosen)
        self.message = make_label("", "kiosk-ok", wrap=True, name="kiosk_readings_message")
        self.page_error = make_label("", "kiosk-error", wrap=True, name="kiosk_readings_error")
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
        set_error(self.message, "")
        set_error(self.page_error, "")

    # --- building ---------------------------------------------------------------------------------

    def _build_meters_view(self) -> QWidget:
        self.meters_view = named(QWidget(), "kiosk_meters_view")
        self.meters_box = QVBoxLayout()
        self.meters_box.setSpacing(16)
        self.no_meters_label = make_label(
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
        layout.addWidget(touch_scroll(content, "kiosk_meters_scroll"), 1)
        return self.meters_view

    def _build_meter_view(self) -> QWidget:
        self.meter_view = named(QWidget(), "kiosk_meter_view")
        self.back_button = make_button(self.tr("◀ All meters"), "kiosk_back_to_meters_button")
        self.back_button.clicked.connect(self.show_meters)
        self.meter_title = make_label("", "kiosk-card-title", wrap=True, name="kiosk_meter_title")
        self.meter_last = make_label("", "kiosk-caption", wrap=True, name="kiosk_meter_last")
        about = QVBoxLayout()
        about.addWidget(self.meter_title)
        about.addWidget(self.meter_last)
        # Beside the keypad the back button goes above the meter's name, which then has the card's width
        # (beside the button it wrapped into three short lines).
        self.meter_top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(24)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(about, 1)

        self._build_form()
        self.refusal_label = make_label("", "kiosk-note", wrap=True, name="kiosk_meter_view_refusal")

        # The readings of the meter.
        self.readings_heading = make_label(self.tr("Readings of this meter"), "kiosk-heading")
        self.no_readings_label = make_label(self.tr("This meter has no readings yet."), name="kiosk_no_readings")
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
        layout.addWidget(touch_scroll(content, "kiosk_meter_scroll"), 1)
        return self.meter_view

    def _build_form(self) -> None:
        """The report form: the value (on the keypad), the date a day at a time, the refusal in red."""
        self.form = named(QFrame(), "kiosk_report_form")
        self.form.setProperty("role", "kiosk-card")
        self.value_caption = make_label("", name="kiosk_reading_value_caption")
        self.value_edit = named(QLineEdit(), "kiosk_reading_value_edit")
        self.value_edit.setProperty(INPUT_PROPERTY, NUMERIC)
        self.value_edit.setProperty("role", "kiosk-value-edit")
        self.value_edit.returnPressed.connect(self.submit)
        self.submit_button = make_button(self.tr("Send the reading"), "kiosk_submit_reading_button", primary=True)
        self.submit_button.clicked.connect(self.submit)
        value_row = QHBoxLayout()
        value_row.setSpacing(16)
        value_row.addWidget(self.value_edit, 1)
        value_row.addWidget(self.submit_button)
        # Arrows, not words: the form must fit beside the keypad on a 1280-pixel screen.
        self.earlier_button = make_button("◀", "kiosk_reading_date_earlier_button")
        self.earlier_button.setProperty("role", "kiosk-arrow")
        self.earlier_button.clicked.connect(lambda: self._move_date(-1))
        self.date_label = make_label("", "kiosk-date", name="kiosk_reading_date_label")
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.later_button = make_button("▶", "kiosk_reading_date_later_button")
        self.later_button.setProperty("role", "kiosk-arrow")
        self.later_button.clicked.connect(lambda: self._move_date(1))
        date_row = QHBoxLayout()
        date_row.setSpacing(16)
        date_row.addWidget(self.earlier_button)
        date_row.addWidget(self.date_label)
        date_row.addWidget(self.later_button)
        date_row.addStretch(1)
        self.form_error = make_label("", "kiosk-error", wrap=True, name="kiosk_reading_error")
        self.form_grid = QGridLayout(self.form)
        self.form_grid.setContentsMargins(24, 16, 24, 16)
        self.form_grid.setHorizontalSpacing(16)
        self.form_grid.setVerticalSpacing(12)
        self.date_caption = make_label(self.tr("Reading date"))
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
        direction = QBoxLayout.Direction
        self.meter_top.setDirection(direction.TopToBottom if narrow else direction.LeftToRight)
        self.meter_top.setSpacing(12 if narrow else 24)
        self.meter_top.setAlignment(
            self.back_button, Qt.AlignmentFlag.AlignLeft if narrow else Qt.AlignmentFlag.AlignTop
        )

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
            set_error(self.message, "")
        self._load()

    def _load(self) -> None:
        if self.premises is None:
            return
        set_error(self.page_error, "")
        self.ctx.run(
            self.ctx.call(meters_for_premises, self.premises.id),
            while_alive(self, self._meters_loaded),
            while_alive(self, self._load_failed),
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
                while_alive(self, self._readings_loaded),
                while_alive(self, self._load_failed),
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
        message = domain_message(error)
        if message is None:
            return False
        set_error(self.page_error, message)
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
        set_error(self.message, "")
        self._load()

    # --- one meter --------------------------------------------------------------------------------

    def open_meter(self, meter: MeterRow, *, report: bool) -> None:
        self.meter = meter
        self.value_edit.clear()
        self.reading_date = self._today()
        set_error(self.form_error, "")
        set_error(self.message, "")
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
            self.tr("%1, meter no. %2").replace("%1", kind_title(meter.kind)).replace("%2", meter.serial_number)
        )
        if meter.last_accepted_value is not None and meter.last_accepted_date is not None:
            self.meter_last.setText(
                self.tr("Last accepted reading: %1 of %2")
                .replace("%1", value_text(meter.last_accepted_value, meter.decimal_places, meter.unit))
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
        set_error(self.form_error, "")
        set_error(self.message, "")
        self.ctx.run(
            self.ctx.call(
                submit_reading, meter.id, self.value_edit.text(), self.reading_date, source=self.ctx.session.channel
            ),
            while_alive(self, self._submitted),
            while_alive(self, self._submit_failed),
        )

    def _submitted(self, result: SubmitResult) -> None:
        self.submit_button.setEnabled(True)
        row = result.reading
        value = value_text(row.value, row.decimal_places, row.unit)
        if result.created:
            text = self.tr("Reading sent: %1 of %2. Status: %3.")
        else:
            text = self.tr("This reading was already reported: %1 of %2. Status: %3.")
        self.value_edit.clear()
        self.value_edit.clearFocus()
        set_error(
            self.message,
            text.replace("%1", value).replace("%2", format_date(row.reading_date)).replace("%3", row.status.label),
        )
        self._load()

    def _submit_failed(self, error: BaseException) -> bool:
        self.submit_button.setEnabled(True)
        message = domain_message(error)
        if message is None:
            return False
        set_error(self.form_error, message)  # what the resident typed stays in the field
        return True

    def _reading_changed(self, what: str) -> None:
        set_error(self.message, what)
        self._load()

    def _reading_conflict(self, why: str) -> None:
        set_error(self.message, "")
        self._load()
        set_error(self.page_error, why)
