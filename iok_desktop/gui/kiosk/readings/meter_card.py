"""One meter as a big card: its kind and number, the last accepted reading, "report a reading"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import format_date
from iok_desktop.gui.kiosk.readings.widgets import (
    NARROW_PAGE,
    WIDE_PAGE,
    kind_title,
    make_button,
    make_label,
    value_text,
)
from iok_desktop.services.readings.views import MeterRow


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
        what.addWidget(make_label(kind_title(meter.kind), "kiosk-card-title", name="kiosk_meter_kind"))
        what.addWidget(
            make_label(
                self.tr("Meter no. %1").replace("%1", meter.serial_number), "kiosk-caption", name="kiosk_meter_serial"
            )
        )
        what.addStretch(1)
        last = QVBoxLayout()
        last.setSpacing(4)
        last.addStretch(1)
        if meter.last_accepted_value is not None and meter.last_accepted_date is not None:
            last.addWidget(make_label(self.tr("Last accepted reading"), "kiosk-caption"))
            last.addWidget(
                make_label(
                    value_text(meter.last_accepted_value, meter.decimal_places, meter.unit),
                    "kiosk-value",
                    name="kiosk_meter_last_value",
                )
            )
            last.addWidget(
                make_label(
                    self.tr("of %1").replace("%1", format_date(meter.last_accepted_date)),
                    "kiosk-caption",
                    name="kiosk_meter_last_date",
                )
            )
        else:
            last.addWidget(
                make_label(
                    self.tr("No accepted reading yet"), "kiosk-caption", wrap=True, name="kiosk_meter_last_value"
                )
            )
        last.addStretch(1)
        # Stacked on a narrow screen, side by side where there is room (a shorter card, more of them seen).
        self.action_box = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        actions = self.action_box
        self.report_button: QPushButton | None = None
        self.refusal_label: QLabel | None = None
        if meter.resident_can_submit:
            self.report_button = make_button(
                self.tr("Report a meter reading"), "kiosk_report_reading_button", primary=True
            )
            self.report_button.clicked.connect(lambda: self.report_requested.emit(self.meter))
            actions.addWidget(self.report_button)
        else:
            self.refusal_label = make_label(
                meter.resident_refusal or "", "kiosk-note", wrap=True, name="kiosk_meter_refusal"
            )
            self.refusal_label.setMinimumWidth(420)
            actions.addWidget(self.refusal_label)
        self.readings_button = make_button(self.tr("Readings of this meter"), "kiosk_meter_readings_button")
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
