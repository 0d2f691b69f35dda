"""The rows the generator produces: column order per table, insert order, and a buffer of rows.

Rows are plain tuples, not ORM objects: millions of them are built, and a tuple costs a fraction of
an object. The price is that positions matter, so every table's column order is spelled out once,
here, and both the generator and the writer use it.

Value conventions in these tuples (the writer turns them into what each database stores):
exact decimals are integers in the column's smallest unit (grosze for money, thousandths of a unit
for meter values, millionths for daily averages) so all arithmetic stays exact and fast; moments
are timezone-aware UTC datetimes; enumerations are their string values.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

# Listed parents before children: this is also the insert order (see ``TABLE_ORDER``).
COLUMNS: dict[str, tuple[str, ...]] = {
    "cooperative": (
        "id", "name", "address", "bank_account", "iok_url", "anomaly_multiple", "throttle_after_failures",
        "lockout_after_failures", "lockout_minutes", "kiosk_idle_seconds", "updated_at", "version",
    ),
    "staff_users": (
        "id", "login", "full_name", "role", "password_hash", "must_change_password", "failed_attempts",
        "last_failed_at", "locked_until", "is_active", "created_at", "last_login_at", "version",
    ),
    "estates": ("id", "code", "name"),
    "buildings": ("id", "estate_id", "code", "street", "house_number", "postal_code", "city", "search_key"),
    "reading_windows": ("id", "building_id", "frequency", "days_before", "days_after"),
    "persons": ("id", "first_name", "last_name", "search_key", "landline", "mobile", "email"),
    "premises": ("id", "building_id", "number", "code", "kind", "area_m2", "bank_account"),
    "resident_accounts": (
        "id", "person_id", "login", "password_hash", "must_change_password", "failed_attempts",
        "last_failed_at", "locked_until", "status", "status_reason", "created_at", "password_changed_at",
        "last_login_at", "version",
    ),
    "legal_titles": ("id", "premises_id", "person_id", "kind", "valid_from", "valid_to"),
    "meters": (
        "id", "premises_id", "kind", "serial_number", "unit", "decimal_places", "installed_on",
        "next_verification_on", "archived_on", "initial_value", "remote_read", "replaces_meter_id",
    ),
    "meter_readings": (
        "id", "meter_id", "value", "reading_date", "source", "status", "anomaly_reason", "note",
        "previous_value", "previous_reading_date", "consumption", "average_daily_consumption",
        "submitted_at", "submitted_by_account_id", "submitted_by_staff_id", "updated_at", "reviewed_at",
        "reviewed_by_staff_id", "rejection_reason", "version",
    ),
    "ledger_entries": (
        "id", "premises_id", "booking_date", "due_date", "kind", "title", "amount", "source", "document_id",
        "corrects_entry_id", "created_at", "created_by_staff_id",
    ),
    "contact_changes": (
        "id", "person_id", "field", "old_value", "new_value", "changed_at", "changed_by_account_id",
        "changed_by_staff_id", "seen_at", "seen_by_staff_id",
    ),
    "announcements": (
        "id", "title", "body", "kind", "publish_from", "valid_until", "is_draft", "audience", "building_id",
        "premises_id", "author_staff_id", "created_at", "updated_at", "version",
    ),
    "announcement_reads": ("announcement_id", "account_id", "read_at"),
    "account_applications": (
        "id", "person_id", "premises_id", "filed_on", "office", "status", "recorded_by_staff_id", "recorded_at",
        "verified_by_staff_id", "decided_at", "refusal_reason", "account_id",
    ),
    "audit_log": (
        "id", "occurred_at", "actor_kind", "actor_staff_id", "actor_account_id", "actor_login", "action",
        "entity_type", "entity_id", "premises_id", "workstation", "details",
    ),
}  # fmt: skip

# Parents before children, so every foreign key points at a row already written (or earlier in the
# same batch). Rows of one table keep their order, which covers self-references (meters replacing
# meters, ledger corrections).
TABLE_ORDER: tuple[str, ...] = tuple(COLUMNS)

Row = tuple[object, ...]


class Ids:
    """Primary keys assigned by the generator, continuing after whatever a table already holds."""

    def __init__(self, first_free: dict[str, int]) -> None:
        self._counters = {table: itertools.count(first_free.get(table, 1)) for table in COLUMNS}

    def next(self, table: str) -> int:
        return next(self._counters[table])

    def counter(self, table: str) -> Iterator[int]:
        """The table's counter itself, for hot loops (``next(counter)`` without a dict lookup)."""
        return self._counters[table]


class RowBuffer:
    """Rows waiting to be written, per table; flushed in ``TABLE_ORDER`` when large enough."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = {table: [] for table in COLUMNS}

    def add(self, table: str, row: Row) -> None:
        self.rows[table].append(row)

    def extend(self, table: str, rows: list[Row]) -> None:
        self.rows[table].extend(rows)

    def __len__(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    def drain(self) -> Iterator[tuple[str, list[Row]]]:
        """Tables with rows, parents first; the buffer is empty afterwards."""
        for table in TABLE_ORDER:
            rows = self.rows[table]
            if rows:
                self.rows[table] = []
                yield table, rows
