"""Meter readings: submitting, editing, deleting, reviewing, and the views built on them.

Statuses follow the cooperative's IOK: a resident's new reading is "oczekujący na akceptację"
(pending) until a clerk accepts or rejects it; until then the resident may edit or delete it.
Accepted readings never change: a correction is a new clerk reading.
"""

from iok_desktop.services.readings.queue import QueueFilter, QueueRow, queue_count, queue_page
from iok_desktop.services.readings.review import (
    BulkResult,
    approve_all_unflagged,
    approve_readings,
    reject_reading,
)
from iok_desktop.services.readings.rows import ReadingRow, StatusStep
from iok_desktop.services.readings.submit import SubmitResult, delete_reading, edit_reading, submit_reading
from iok_desktop.services.readings.views import (
    MeterRow,
    meter_history,
    meters_for_premises,
    readings_for_premises,
    status_history,
)

__all__ = [
    "BulkResult",
    "MeterRow",
    "QueueFilter",
    "QueueRow",
    "ReadingRow",
    "StatusStep",
    "SubmitResult",
    "approve_all_unflagged",
    "approve_readings",
    "delete_reading",
    "edit_reading",
    "meter_history",
    "meters_for_premises",
    "queue_count",
    "queue_page",
    "readings_for_premises",
    "reject_reading",
    "status_history",
    "submit_reading",
]
