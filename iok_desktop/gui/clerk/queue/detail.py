"""The current reading in full: what it is, why it is flagged, and the meter's history as a chart.

Moving through the table quickly (holding Down) loads the history once, when the clerk stops: a
short timer, and a generation number that drops answers for rows left behind.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from iok_desktop.domain.dates import format_date, format_datetime
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.queue.chart import ChartMode, HistoryChart, chart_data
from iok_desktop.gui.clerk.queue.model import average_text, kind_text, value_text
from iok_desktop.services.readings import QueueRow, ReadingRow, meter_history

HISTORY_DELAY_MS = 120
HISTORY_LIMIT = 60


class DetailPane(QWidget):
    history_shown = Signal(int)  # reading id

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("queue_detail_pane")
        self._row: QueueRow | None = None
        self._history: list[ReadingRow] | None = None
        self._generation = 0

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self._build_info())
        layout.addLayout(self._build_chart(), 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HISTORY_DELAY_MS)
        self._timer.timeout.connect(self._load_history)
        self.mode_combo.currentIndexChanged.connect(lambda _i: self._draw())
        self.show_row(None)

    def _build_info(self) -> QWidget:
        info = QVBoxLayout()
        self.heading_label = QLabel(self)
        self.heading_label.setObjectName("detail_heading_label")
        self.heading_label.setWordWrap(True)
        self.heading_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("detail_facts_label")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.anomaly_label = QLabel(self)
        self.anomaly_label.setObjectName("detail_anomaly_label")
        self.anomaly_label.setProperty("role", "flag")
        self.anomaly_label.setWordWrap(True)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("detail_note_label")
        self.note_label.setWordWrap(True)
        for label in (self.heading_label, self.facts_label, self.anomaly_label, self.note_label):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            info.addWidget(label)
        info.addStretch(1)
        info_box = QWidget(self)
        info_box.setLayout(info)
        info_box.setFixedWidth(340)
        info.setContentsMargins(0, 0, 8, 0)
        return info_box

    def _build_chart(self) -> QVBoxLayout:
        chart_box = QVBoxLayout()
        chart_box.setContentsMargins(0, 0, 0, 0)
        mode_row = QHBoxLayout()
        self.mode_label = QLabel(self.tr("&History:"), self)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("chart_mode_combo")
        self.mode_combo.addItem(self.tr("Consumption per 30 days"), ChartMode.CONSUMPTION)
        self.mode_combo.addItem(self.tr("Meter readings"), ChartMode.VALUES)
        self.mode_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.mode_label.setBuddy(self.mode_combo)
        mode_row.addWidget(self.mode_label)
        mode_row.addWidget(self.mode_combo)
        mode_row.addStretch(1)
        self.chart = HistoryChart(self)
        chart_box.addLayout(mode_row)
        chart_box.addWidget(self.chart, 1)
        return chart_box

    @property
    def row(self) -> QueueRow | None:
        return self._row

    @property
    def history_loaded(self) -> bool:
        """The current row's history is in the chart."""
        return self._row is not None and self._history is not None and not self._timer.isActive()

    @property
    def mode(self) -> ChartMode:
        return ChartMode(self.mode_combo.currentData())

    def show_row(self, row: QueueRow | None) -> None:
        same_meter = row is not None and self._row is not None and self._row.meter_id == row.meter_id
        self._row = row
        self._generation += 1
        self._describe(row)
        if row is None:
            self._timer.stop()
            self._history = None
            self.chart.clear()
            return
        if not same_meter:
            self._history = None
            self.chart.clear()
        self._timer.start()

    def stop(self) -> None:
        """No history load after this (the screen is left); the next ``show_row`` starts again."""
        self._timer.stop()
        self._generation += 1

    def _describe(self, row: QueueRow | None) -> None:
        if row is None:
            self.heading_label.setText(self.tr("Choose a reading to see its meter's history."))
            for label in (self.facts_label, self.anomaly_label, self.note_label):
                label.clear()
                label.hide()
            return
        self.heading_label.setText(
            f"<b>{escape(row.address)}</b> · {escape(row.premises_code)}<br>"
            f"{escape(kind_text(row))} · {escape(row.serial_number)}"
        )
        lines = [
            self.tr("New reading: %1 on %2")
            .replace("%1", f"<b>{value_text(row.value, row.decimal_places)} {escape(row.unit)}</b>")
            .replace("%2", format_date(row.reading_date)),
        ]
        if row.previous_value is not None and row.previous_reading_date is not None:
            lines.append(
                self.tr("Previous: %1 on %2")
                .replace("%1", f"{value_text(row.previous_value, row.decimal_places)} {escape(row.unit)}")
                .replace("%2", format_date(row.previous_reading_date))
            )
            days = (row.reading_date - row.previous_reading_date).days
            if row.consumption is not None:
                lines.append(
                    self.tr("Consumption: %1 in %2 days")
                    .replace("%1", f"<b>{value_text(row.consumption, row.decimal_places)} {escape(row.unit)}</b>")
                    .replace("%2", str(days))
                )
        else:
            lines.append(self.tr("No accepted reading before this one."))
        if row.average_monthly_consumption is not None:
            lines.append(self.tr("Average: %1 per 30 days").replace("%1", f"{average_text(row)} {escape(row.unit)}"))
        lines.append(
            self.tr("Submitted %1 (%2)")
            .replace("%1", format_datetime(row.submitted_at))
            .replace("%2", escape(row.source.label))
        )
        self.facts_label.setText("<br>".join(lines))
        self.facts_label.show()
        self.anomaly_label.setText(f"⚠ {row.anomaly_reason}" if row.anomaly_reason else "")
        self.anomaly_label.setVisible(bool(row.anomaly_reason))
        self.note_label.hide()

    def _load_history(self) -> None:
        row = self._row
        if row is None:
            return
        generation = self._generation
        self.ctx.run(
            self.ctx.call(meter_history, row.meter_id, limit=HISTORY_LIMIT),
            lambda history: self._history_loaded(generation, history),
        )

    def _history_loaded(self, generation: int, history: list[ReadingRow]) -> None:
        if generation != self._generation or self._row is None:
            return
        self._history = history
        self._draw()
        mine = next((h for h in history if h.id == self._row.reading_id), None)
        if mine is not None and mine.note:
            self.note_label.setText(self.tr("Note: %1").replace("%1", mine.note))
            self.note_label.show()
        self.history_shown.emit(self._row.reading_id)

    def _draw(self) -> None:
        row, history = self._row, self._history
        if row is None or history is None:
            return
        self.chart.show_data(
            chart_data(row, history, self.mode), unit=row.unit, mode=self.mode, flagged=row.anomaly_reason is not None
        )
