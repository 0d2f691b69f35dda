"""The bulk writer stores what SQLAlchemy's column types would store, and its rows read back right."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.dialects import sqlite

from iok_desktop.db.base import Base
from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LedgerEntry, Meter, MeterReading, Premises
from iok_desktop.demo import writer
from iok_desktop.demo.rows import COLUMNS, TABLE_ORDER
from tests.integration.demo.helpers import small_demo

MOMENT = datetime(2026, 3, 29, 0, 30, 5, 120, tzinfo=UTC)


def _bound(table: str, column: str, value: Any) -> Any:
    dialect = sqlite.dialect()
    column_type = Base.metadata.tables[table].columns[column].type
    processor = column_type.dialect_impl(dialect).bind_processor(dialect)
    return processor(value) if processor else value


@pytest.mark.parametrize(
    ("table", "column", "ours", "python_value"),
    [
        ("meter_readings", "submitted_at", MOMENT, MOMENT),
        ("meter_readings", "reading_date", date(2026, 3, 29), date(2026, 3, 29)),
        ("meter_readings", "value", 123456, Decimal("123.456")),
        ("meter_readings", "average_daily_consumption", 7, Decimal("0.000007")),
        ("ledger_entries", "amount", -41237, Decimal("-412.37")),
        ("premises", "area_m2", 4830, Decimal("48.30")),
        ("audit_log", "details", {"seed": 1, "miasto": "Łódź"}, {"seed": 1, "miasto": "Łódź"}),
    ],
)
def test_sqlite_encoding_equals_sqlalchemys(table: str, column: str, ours: Any, python_value: Any) -> None:
    conversions = dict(writer.conversions("sqlite")[table])
    encode = conversions.get(COLUMNS[table].index(column), lambda value: value)
    assert encode(ours) == _bound(table, column, python_value)


def test_postgresql_gets_decimals_of_the_columns_scale() -> None:
    conversions = dict(writer.conversions("postgresql")["meter_readings"])
    value = conversions[COLUMNS["meter_readings"].index("value")](123450)
    assert value == Decimal("123.450")
    assert isinstance(value, Decimal)


def test_every_column_of_every_written_table_exists_in_the_models() -> None:
    for table, columns in COLUMNS.items():
        assert set(columns) == {c.name for c in Base.metadata.tables[table].columns}, table
    assert TABLE_ORDER[0] == "cooperative"
    assert TABLE_ORDER.index("meters") < TABLE_ORDER.index("meter_readings")


def test_rows_read_back_through_the_orm_with_their_types(db: Database) -> None:
    small_demo(db)
    with db.session() as session:
        reading = session.scalar(
            select(MeterReading).where(MeterReading.average_daily_consumption.is_not(None)).limit(1)
        )
        assert reading is not None
        assert reading.value.as_tuple().exponent == -3
        assert reading.average_daily_consumption.as_tuple().exponent == -6  # type: ignore[union-attr]
        assert reading.submitted_at.tzinfo is UTC
        assert isinstance(reading.reading_date, date)
        meter = session.get(Meter, reading.meter_id)
        assert meter is not None
        assert isinstance(meter.remote_read, bool)
        premises = session.get(Premises, meter.premises_id)
        assert premises is not None
        assert premises.area_m2.as_tuple().exponent == -2
        entry = session.scalar(select(LedgerEntry).limit(1))
        assert entry is not None
        assert entry.amount.as_tuple().exponent == -2
        assert entry.created_at.tzinfo is UTC
        audit = session.scalar(select(AuditEntry))
        assert audit is not None
        assert isinstance(audit.details, dict)
        assert isinstance(audit.details["rows"], dict)
        # Comparisons in SQL agree with Python's on moments and days (SQLite compares the stored text).
        moments = session.scalars(select(MeterReading.submitted_at)).all()
        pivot = sorted(moments)[len(moments) // 2]
        later = session.scalar(select(func.count()).where(MeterReading.submitted_at > pivot))
        assert later == sum(moment > pivot for moment in moments)
        days = session.scalars(select(LedgerEntry.booking_date)).all()
        middle = sorted(days)[len(days) // 2]
        assert session.scalar(select(func.count()).where(LedgerEntry.booking_date >= middle)) == sum(
            day >= middle for day in days
        )
