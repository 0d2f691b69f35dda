"""A meter's reading history as a chart, with the pending reading marked so an anomaly shows at a glance.

Two views of the same history (``meter_history``):

- consumption per 30 days between accepted readings, the 12-month average as a dashed line, and the
  pending reading's consumption as a big marker (red when flagged): a spike stands out whatever the
  length of the reading periods;
- the meter's values over time, the pending value marked the same way.

The points are computed by ``chart_data`` (plain data, tested without pixels).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QLocale, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from iok_desktop.domain.enums import ReadingStatus
from iok_desktop.services.readings import QueueRow, ReadingRow

DAYS_PER_MONTH = Decimal(30)
ACCEPTED_COLOR = QColor("#1f5f8b")
AVERAGE_COLOR = QColor("#8a94a0")
PENDING_COLOR = QColor("#1e7b34")
FLAGGED_COLOR = QColor("#c62828")

Point = tuple[date, Decimal]


class ChartMode(StrEnum):
    CONSUMPTION = "consumption"
    VALUES = "values"


@dataclass
class ChartData:
    accepted: list[Point] = field(default_factory=list)
    # The last accepted point and the pending one: the step the clerk is asked to approve.
    link: list[Point] = field(default_factory=list)
    pending: Point | None = None
    average: Decimal | None = None


def _per_month(amount: Decimal, days: int) -> Decimal:
    return (amount / days * DAYS_PER_MONTH).quantize(Decimal("0.001"))


def chart_data(row: QueueRow, history: list[ReadingRow], mode: ChartMode) -> ChartData:
    accepted = sorted(
        (h for h in history if h.status is ReadingStatus.ACCEPTED and h.id != row.reading_id),
        key=lambda h: (h.reading_date, h.id),
    )
    data = ChartData()
    if mode is ChartMode.VALUES:
        data.accepted = [(h.reading_date, h.value) for h in accepted]
        data.pending = (row.reading_date, row.value)
        if row.previous_reading_date is not None and row.previous_value is not None:
            data.link = [(row.previous_reading_date, row.previous_value), data.pending]
        return data
    for before, after in pairwise(accepted):
        days = (after.reading_date - before.reading_date).days
        if days > 0:
            data.accepted.append((after.reading_date, _per_month(after.value - before.value, days)))
    if row.consumption is not None and row.previous_reading_date is not None:
        days = (row.reading_date - row.previous_reading_date).days
        if days > 0:
            data.pending = (row.reading_date, _per_month(row.consumption, days))
            earlier = [p for p in data.accepted if p[0] <= row.previous_reading_date]
            if earlier:
                data.link = [earlier[-1], data.pending]
    data.average = row.average_monthly_consumption
    return data


def _msecs(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


class HistoryChart(QChartView):
    """``accepted_series``, ``pending_series``, ``average_series`` and ``link_series`` stay the same
    objects; ``show_data`` replaces their points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_chart_view")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(180)
        chart = QChart()
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale())  # the application's language (gui/qt_app.py sets the default)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)

        self.accepted_series = QLineSeries()
        self.accepted_series.setPointsVisible(True)
        self.accepted_series.setPen(QPen(ACCEPTED_COLOR, 2))
        self.accepted_series.setColor(ACCEPTED_COLOR)
        self.average_series = QLineSeries()
        self.average_series.setPen(QPen(AVERAGE_COLOR, 1.5, Qt.PenStyle.DashLine))
        self.link_series = QLineSeries()
        self.link_series.setPen(QPen(FLAGGED_COLOR, 1.5, Qt.PenStyle.DotLine))
        self.pending_series = QScatterSeries()
        self.pending_series.setMarkerSize(13)
        self.pending_series.setBorderColor(QColor("#ffffff"))
        for series in (self.average_series, self.accepted_series, self.link_series, self.pending_series):
            chart.addSeries(series)
        chart.legend().markers(self.link_series)[0].setVisible(False)

        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MM.yyyy")
        self.x_axis.setTickCount(6)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.1f")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for attached in chart.series():
            attached.attachAxis(self.x_axis)
            attached.attachAxis(self.y_axis)
        self.clear()

    def _clear_series(self) -> None:
        for series in (self.accepted_series, self.average_series, self.link_series, self.pending_series):
            series.clear()

    def clear(self) -> None:
        self._clear_series()
        self.chart().legend().setVisible(False)
        self.y_axis.setTitleText("")

    def show_data(self, data: ChartData, *, unit: str, mode: ChartMode, flagged: bool) -> None:
        self._clear_series()
        self.accepted_series.setName(self.tr("Accepted"))
        self.pending_series.setName(self.tr("This reading"))
        self.average_series.setName(self.tr("12-month average"))
        colour = FLAGGED_COLOR if flagged else PENDING_COLOR
        self.pending_series.setColor(colour)
        self.link_series.setPen(QPen(colour, 1.5, Qt.PenStyle.DotLine))
        for day, value in data.accepted:
            self.accepted_series.append(_msecs(day), float(value))
        for day, value in data.link:
            self.link_series.append(_msecs(day), float(value))
        if data.pending is not None:
            self.pending_series.append(_msecs(data.pending[0]), float(data.pending[1]))
        points = [*data.accepted, *([data.pending] if data.pending else [])]
        days = [p[0] for p in points]
        values = [p[1] for p in points]
        if data.average is not None and days:
            values.append(data.average)
            self.average_series.append(_msecs(min(days)), float(data.average))
            self.average_series.append(_msecs(max(days)), float(data.average))
        self.chart().legend().markers(self.average_series)[0].setVisible(self.average_series.count() > 0)
        self.chart().legend().setVisible(bool(points))
        if days:
            span = max((max(days) - min(days)).days, 30)
            pad = span * 24 * 3600 * 1000 * 0.04
            self.x_axis.setRange(
                QDateTime.fromMSecsSinceEpoch(int(_msecs(min(days)) - pad)),
                QDateTime.fromMSecsSinceEpoch(int(_msecs(max(days)) + pad)),
            )
            low, high = float(min(values)), float(max(values))
            if mode is ChartMode.CONSUMPTION:
                low = min(low, 0.0)
            margin = (high - low) * 0.08 or max(abs(high) * 0.1, 1.0)
            self.y_axis.setRange(low - (0 if low == 0 else margin), high + margin)
            self.y_axis.applyNiceNumbers()
        per_month = self.tr("%1 per 30 days").replace("%1", unit)
        self.y_axis.setTitleText(per_month if mode is ChartMode.CONSUMPTION else unit)
