"""Column types that behave the same on PostgreSQL and on the embedded SQLite file.

SQLite has no exact decimal type: SQLAlchemy's ``Numeric`` is stored as REAL there, and ``SUM`` of
ten ``0.10`` gives ``0.9999999999999999``. ``ExactDecimal`` therefore stores a scaled integer
(grosze for money, thousandths for meter readings) on SQLite, so sums in SQL stay exact, and a
real ``NUMERIC(p, s)`` on PostgreSQL. Python code always sees ``Decimal``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Integer, Numeric
from sqlalchemy.types import TypeDecorator, TypeEngine

# Big tables need 64-bit keys on PostgreSQL; SQLite only auto-increments "INTEGER PRIMARY KEY".
BigId = BigInteger().with_variant(Integer(), "sqlite")


class ExactDecimal(TypeDecorator[Decimal]):
    """NUMERIC(precision, scale) on PostgreSQL; an integer of 10**-scale units on SQLite."""

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int, scale: int) -> None:
        super().__init__(precision=precision, scale=scale, asdecimal=True)
        self.precision = precision
        self.scale = scale
        self._unit = Decimal(1).scaleb(-scale)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        exact = Decimal(value).quantize(self._unit)
        if dialect.name == "sqlite":
            return int(exact.scaleb(self.scale))
        return exact

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return (Decimal(int(value)) * self._unit).quantize(self._unit)
        return Decimal(value).quantize(self._unit)

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal


def Money() -> ExactDecimal:  # noqa: N802 - reads as a type in column definitions
    """NUMERIC(12, 2): amounts up to 9 999 999 999,99 zł."""
    return ExactDecimal(12, 2)


def MeterValue() -> ExactDecimal:  # noqa: N802
    """NUMERIC(14, 3): meter readings up to 99 999 999 999,999."""
    return ExactDecimal(14, 3)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in time, always timezone-aware UTC in Python.

    PostgreSQL stores ``timestamptz``; SQLite has no time zones, so naive UTC is stored there and the
    zone is put back on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
