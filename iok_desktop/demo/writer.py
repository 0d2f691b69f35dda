"""Bulk writing of generated rows: COPY on PostgreSQL, ``executemany`` on SQLite.

Millions of rows go through here, so the ORM (and even Core ``insert()``) is bypassed: rows are
written on the DBAPI connection underneath a SQLAlchemy ``Connection``, inside that connection's
transaction, so the whole demo commits or rolls back as one.

Bypassing SQLAlchemy also bypasses the column types' bind processing, so this module does the
equivalent itself, per column, from the very same column types (see ``conversions``):

* ``ExactDecimal`` — rows carry an integer in the column's smallest unit: that integer *is* the
  SQLite storage format; PostgreSQL gets the ``Decimal`` it stands for.
* ``UtcDateTime`` — rows carry aware UTC datetimes: SQLite stores naive UTC text in SQLAlchemy's
  format (``2026-11-25 09:00:00.000000``, microseconds always present so text comparison orders
  correctly); psycopg sends them with their zone to ``timestamptz``.
* ``Date`` — ISO text on SQLite; psycopg adapts dates itself.
* JSON — text on SQLite, ``Jsonb`` on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb
from sqlalchemy import JSON, Connection, Date, Engine
from sqlalchemy.types import TypeEngine

import iok_desktop.db.models  # noqa: F401 - registers every table on the metadata
from iok_desktop.db.base import Base
from iok_desktop.db.types import ExactDecimal, UtcDateTime
from iok_desktop.demo.rows import COLUMNS, Row

Encoder = Callable[[Any], Any]
Conversions = list[tuple[int, Encoder]]


# --- per-value encoders ---------------------------------------------------------------------------


def _sqlite_datetime(value: datetime) -> str:
    if value.tzinfo is not UTC:
        raise ValueError(f"demo moments must be UTC, got {value!r}")
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _sqlite_date(value: date) -> str:
    return value.isoformat()


def _decimal_of_scale(scale: int) -> Encoder:
    def encode(units: int) -> Decimal:
        return Decimal(units).scaleb(-scale)

    return encode


def _sqlite_encoder(column_type: TypeEngine[Any]) -> Encoder | None:
    if isinstance(column_type, UtcDateTime):
        return _sqlite_datetime
    if isinstance(column_type, Date):
        return _sqlite_date
    if isinstance(column_type, JSON):
        return json.dumps
    # ExactDecimal: the scaled integer is stored as it is. Booleans: sqlite3 stores True/False as 1/0.
    return None


def _postgres_encoder(column_type: TypeEngine[Any]) -> Encoder | None:
    if isinstance(column_type, ExactDecimal):
        return _decimal_of_scale(column_type.scale)
    if isinstance(column_type, JSON):
        return Jsonb
    # Dates, aware datetimes, booleans, strings and integers: psycopg's own adaptation is right.
    return None


def conversions(dialect: str) -> dict[str, Conversions]:
    """For every table, which positions need converting and how (others are written as they are)."""
    pick = _sqlite_encoder if dialect == "sqlite" else _postgres_encoder
    result: dict[str, Conversions] = {}
    for table, columns in COLUMNS.items():
        model_columns = Base.metadata.tables[table].columns
        result[table] = [
            (position, encoder)
            for position, name in enumerate(columns)
            if (encoder := pick(model_columns[name].type)) is not None
        ]
    return result


def _encoded(rows: Iterable[Row], table_conversions: Conversions) -> Iterator[Row]:
    if not table_conversions:
        yield from rows
        return
    for row in rows:
        values = list(row)
        for position, encode in table_conversions:
            value = values[position]
            if value is not None:
                values[position] = encode(value)
        yield tuple(values)


# --- writers --------------------------------------------------------------------------------------


class BulkWriter:
    """Writes rows of one table at a time into the open transaction of ``connection``."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dbapi: Any = connection.connection.driver_connection
        self.conversions = conversions(connection.dialect.name)
        self.written: dict[str, int] = dict.fromkeys(COLUMNS, 0)

    def write(self, table: str, rows: list[Row]) -> None:
        self._write(table, COLUMNS[table], _encoded(rows, self.conversions[table]))
        self.written[table] += len(rows)

    def _write(self, table: str, columns: tuple[str, ...], rows: Iterator[Row]) -> None:
        raise NotImplementedError

    def start(self) -> None:
        """Called once before the first row, inside the transaction."""

    def finish(self) -> None:
        """Called once after the last row, still inside the transaction."""


class PostgresWriter(BulkWriter):
    """COPY, with the foreign keys of the two big tables checked once after the load.

    A foreign key is checked by a trigger per inserted row, which makes up most of the cost of
    COPYing millions of readings and ledger entries. PostgreSQL's own advice for bulk loads is to
    drop such constraints and add them back afterwards: adding one checks every row in a single
    join. This happens inside the demo's transaction, with each constraint's exact definition read
    from the catalogue, so the schema afterwards is the same, and a failure (including a row that
    breaks a constraint) rolls everything back. Without the privilege to alter the tables (not
    their owner), the rows are simply checked one by one.
    """

    BIG_TABLES = ("meter_readings", "ledger_entries")

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection)
        self._suspended: list[tuple[str, str, str]] = []

    def start(self) -> None:
        savepoint = self.connection.begin_nested()
        try:
            with self.dbapi.cursor() as cursor:
                cursor.execute(
                    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) ORDER BY 1, 2",
                    (list(self.BIG_TABLES),),
                )
                constraints = cursor.fetchall()
                for table, name, _definition in constraints:
                    cursor.execute(
                        sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(sql.Identifier(table), sql.Identifier(name))
                    )
        except psycopg.errors.InsufficientPrivilege:
            savepoint.rollback()
            return
        savepoint.commit()
        self._suspended = constraints

    def _write(self, table: str, columns: tuple[str, ...], rows: Iterator[Row]) -> None:
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        with self.dbapi.cursor() as cursor, cursor.copy(statement) as copy:
            write_row = copy.write_row
            for row in rows:
                write_row(row)

    def finish(self) -> None:
        with self.dbapi.cursor() as cursor:
            for table, name, definition in self._suspended:
                cursor.execute(
                    sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(sql.Identifier(table), sql.Identifier(name))
                    + sql.SQL(definition)
                )
        self._suspended = []
        # Rows came with explicit ids, which leaves the id sequences behind: move each to its
        # table's largest id, so the application's next INSERT gets a free one.
        with self.dbapi.cursor() as cursor:
            for table, columns in COLUMNS.items():
                if "id" not in columns:
                    continue
                cursor.execute(
                    sql.SQL(
                        "SELECT setval(pg_get_serial_sequence({name}, 'id'), COALESCE(MAX(id), 1), "
                        "MAX(id) IS NOT NULL) FROM {table}"
                    ).format(name=sql.Literal(table), table=sql.Identifier(table))
                )


class SqliteWriter(BulkWriter):
    def _write(self, table: str, columns: tuple[str, ...], rows: Iterator[Row]) -> None:
        # Names come from COLUMNS (code), never from input; only values are parameters.
        names = ", ".join(f'"{name}"' for name in columns)
        marks = ", ".join("?" * len(columns))
        self.dbapi.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)  # noqa: S608


def open_writer(connection: Connection) -> BulkWriter:
    if connection.dialect.name == "postgresql":
        return PostgresWriter(connection)
    if connection.dialect.name == "sqlite":
        return SqliteWriter(connection)
    raise ValueError(f"unsupported database: {connection.dialect.name}")


def analyze(engine: Engine, tables: Iterable[str]) -> None:
    """Fresh planner statistics on PostgreSQL after a bulk load (autovacuum would get there later)."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as connection:
        for table in tables:
            connection.exec_driver_sql(f'ANALYZE "{table}"')
        connection.commit()
