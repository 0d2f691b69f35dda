"""Hostile CSV files for the ledger and meter-reading imports: whatever a cell holds, the import either
refuses the file in Polish (importing nothing) or reports each bad row with a Polish reason, and what
it stores is valid."""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import func, select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LedgerEntry, MeterReading
from iok_desktop.domain.errors import DomainError, ValidationError
from iok_desktop.domain.money import MAX_AMOUNT
from iok_desktop.domain.text import clean_line
from iok_desktop.services import ledger, ledger_import, reading_import
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor, FixedClock
from tests.integration.hostile.hostile_input import (
    DB_SETTINGS,
    HOSTILE,
    assert_polish_refusal,
    has_control,
    hostile_text,
)
from tests.support.builders import accepted_reading, make_household, make_meter, staff_of

LEDGER_HEADER = ledger_import.HEADER.split(";")
READING_HEADER = ["numer_licznika", "rodzaj", "data", "stan"]
FLAT = "01-005-012"
_names = itertools.count(1)


@dataclass
class Scene:
    actor: Actor
    serial: str


@pytest.fixture
def scene(db: Database) -> Scene:
    with db.session() as s:
        home = make_household(s)
        home.premises.code = FLAT
        meter = make_meter(s, home.premises, decimal_places=3)
        accepted_reading(s, meter, date(2026, 10, 31), "96.000", clerk=home.clerk)
        s.commit()
        return Scene(staff_of(home.clerk), meter.serial_number)


@pytest.fixture
def backend(db: Database, clock: FixedClock) -> Backend:
    return Backend(db, clock=clock, workstation="test-desk")


def _count(db: Database, model: type[LedgerEntry] | type[MeterReading] | type[AuditEntry]) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _write(tmp_path: Path, header: list[str], rows: list[list[str]], *, quoted: bool, encoding: str) -> Path:
    """The rows as a proper CSV (``quoted``) or cells glued with ``;`` as a careless exporter would."""
    if quoted:
        buffer = io.StringIO(newline="")
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([header, *rows])
        text = buffer.getvalue()
    else:
        text = "".join(";".join(row) + "\r\n" for row in [header, *rows])
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    path = tmp_path / f"import-{next(_names)}.csv"
    path.write_bytes(text.encode(encoding, errors))
    return path


def _echoes(rows: list[list[str]]) -> list[str]:
    """What a row reason may repeat unquoted: a premises code, a serial, a document number."""
    cells = [cell for row in rows for cell in row]
    return [
        form
        for cell in cells
        for form in (cell, cell.strip(), clean_line(cell, max_length=60), clean_line(cell, max_length=60).upper())
    ]


def _assert_file_refusal(error: DomainError) -> None:
    assert isinstance(error, ValidationError) and error.field == "file"
    assert_polish_refusal(error)


# --- Ledger ------------------------------------------------------------------------------------

ledger_cells = {
    "numer_lokalu": st.sampled_from([FLAT, FLAT.lower(), " 01-005-012 ", "99-999-999"]),
    "data_ksiegowania": st.sampled_from(["01.11.2026", "2026-11-24", "31.02.2026", "01.01.2099"]),
    "termin_platnosci": st.sampled_from(["", "10.12.2026", "2026-12-10"]),
    "rodzaj": st.sampled_from(["naliczenie", "wpłata", "korekta", "N", "W", "K", "obciążenie"]),
    "tytul": st.sampled_from(["Opłaty za lokal 11/2026", "Wpłata — przelew", "Korekta; zaliczka c.o."]),
    "kwota": st.sampled_from(["1 234,56", "100", "-45,10", "0,01", "9999999999,99", "0"]),
    "numer_dokumentu": st.text(alphabet="ABCKNW/0123456789", min_size=1, max_size=12),
}


@st.composite
def ledger_row(draw: st.DrawFn) -> list[str]:
    return [draw(hostile_text if draw(st.integers(0, 3)) == 0 else ledger_cells[name]) for name in LEDGER_HEADER]


@DB_SETTINGS
@given(
    rows=st.lists(ledger_row(), min_size=1, max_size=6),
    quoted=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1250"]),
)
@example(rows=[[FLAT, "01.11.2026", "10.11.2026", "N", "Czynsz", "12,50", "D/1"]], quoted=True, encoding="utf-8")
@example(rows=[[FLAT, "01.11.2026", "", "W", "\x1b[2J\r\nTytuł", "5", "D\x00/2"]], quoted=True, encoding="utf-8")
def test_a_hostile_ledger_file_posts_only_valid_entries_and_explains_the_rest_in_polish(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path, rows: list[list[str]], quoted: bool, encoding: str
) -> None:
    path = _write(tmp_path, LEDGER_HEADER, rows, quoted=quoted, encoding=encoding)
    before, audited = _count(db, LedgerEntry), _count(db, AuditEntry)
    try:
        report = ledger_import.import_file(backend, scene.actor, path)
    except DomainError as error:
        _assert_file_refusal(error)
        assert (_count(db, LedgerEntry), _count(db, AuditEntry)) == (before, audited)  # nothing at all
        return
    for rejected in report.rejected:
        assert_polish_refusal(ValidationError(rejected.reason), *_echoes(rows))
    assert _count(db, LedgerEntry) == before + report.created
    with db.session() as s:
        for entry in s.scalars(select(LedgerEntry).where(LedgerEntry.source == ledger_import.SOURCE)):
            assert entry.amount != 0 and abs(entry.amount) <= MAX_AMOUNT
            assert entry.amount == entry.amount.quantize(Decimal("0.01"))
            assert 0 < len(entry.title) <= ledger.MAX_TITLE and not has_control(entry.title)
            assert entry.document_id and len(entry.document_id) <= ledger.MAX_DOCUMENT_ID
            assert not has_control(entry.document_id)


# --- Meter readings ----------------------------------------------------------------------------


@st.composite
def reading_row(draw: st.DrawFn, serial: str) -> list[str]:
    good = {
        "numer_licznika": st.sampled_from([serial, serial.lower(), f" {serial} ", "NIEMA-123"]),
        "rodzaj": st.sampled_from(["ZW", "zw", "", "cold_water", "CW"]),
        "data": st.sampled_from(["25.11.2026", "2026-11-24", "31.10.2026", "30.02.2026", "01.01.2027"]),
        "stan": st.sampled_from(["97,5", "98.125", "95", "1 000", "99,1234", "-1", "99999999999,999"]),
    }
    return [draw(hostile_text if draw(st.integers(0, 3)) == 0 else good[name]) for name in READING_HEADER]


@DB_SETTINGS
@given(data=st.data(), quoted=st.booleans(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1250"]))
def test_a_hostile_readings_file_stores_only_valid_readings_and_explains_the_rest_in_polish(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path, data: st.DataObject, quoted: bool, encoding: str
) -> None:
    rows = data.draw(st.lists(reading_row(scene.serial), min_size=1, max_size=6))
    path = _write(tmp_path, READING_HEADER, rows, quoted=quoted, encoding=encoding)
    before, audited = _count(db, MeterReading), _count(db, AuditEntry)
    try:
        report = reading_import.import_file(backend, scene.actor, path)
    except DomainError as error:
        _assert_file_refusal(error)
        assert (_count(db, MeterReading), _count(db, AuditEntry)) == (before, audited)
        return
    for rejected in report.rejected:
        assert_polish_refusal(ValidationError(rejected.reason), *_echoes(rows))
    assert _count(db, MeterReading) == before + report.created
    with db.session() as s:
        for reading in s.scalars(select(MeterReading)):
            assert Decimal(0) <= reading.value < Decimal(10) ** 11
            assert reading.value == reading.value.quantize(Decimal("0.001"))
            assert reading.note is None or not has_control(reading.note)


# --- Explicit hostile cells and files ----------------------------------------------------------


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("column", LEDGER_HEADER)
def test_a_hostile_cell_in_a_ledger_row_is_refused_with_its_line_or_stored_clean(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path, column: str, name: str
) -> None:
    row = dict(
        zip(LEDGER_HEADER, [FLAT, "01.11.2026", "10.11.2026", "N", "Czynsz 11/2026", "12,50", "D/1"], strict=True)
    )
    row[column] = HOSTILE[name]
    path = _write(tmp_path, LEDGER_HEADER, [list(row.values())], quoted=True, encoding="utf-8")
    try:
        report = ledger_import.import_file(backend, scene.actor, path)
    except DomainError as error:
        _assert_file_refusal(error)  # binary (NUL) or over-long cells: the whole file
        assert name in ("nul", "nul_inside", "long_1m", "lone_surrogate"), error.message
        return
    assert report.rows == 1
    if report.rejected:
        assert report.rejected[0].line >= 2  # the line the record ends on
        assert_polish_refusal(ValidationError(report.rejected[0].reason), *_echoes([list(row.values())]))
    else:
        with db.session() as s:
            entry = s.scalars(select(LedgerEntry)).one()
            assert not has_control(entry.title) and not has_control(entry.document_id or "")
            if column == "tytul" and name in ("sql", "emoji", "arabic", "hebrew", "html", "nfc_polish"):
                assert entry.title == HOSTILE[name]
            if column == "tytul" and name == "nfd_polish":
                assert entry.title == HOSTILE["nfc_polish"]


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("column", READING_HEADER)
def test_a_hostile_cell_in_a_readings_row_is_refused_with_its_line(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path, column: str, name: str
) -> None:
    row = dict(zip(READING_HEADER, [scene.serial, "ZW", "25.11.2026", "97,5"], strict=True))
    row[column] = HOSTILE[name]
    path = _write(tmp_path, READING_HEADER, [list(row.values())], quoted=True, encoding="utf-8")
    try:
        report = reading_import.import_file(backend, scene.actor, path)
    except DomainError as error:
        _assert_file_refusal(error)
        assert name in ("nul", "nul_inside", "long_1m", "lone_surrogate"), error.message
        return
    assert report.rows == 1
    if column == "rodzaj" and name in ("empty", "spaces"):
        assert report.created == 1  # the kind may be left out when the serial is unique
    else:
        assert report.created == 0 and report.rejected[0].line >= 2
        assert_polish_refusal(ValidationError(report.rejected[0].reason), *_echoes([list(row.values())]))


@pytest.mark.parametrize("name", ["nul", "escape", "long_10k", "long_1m", "sql", "rlo_override", "emoji"])
@pytest.mark.parametrize("which", ["ledger", "readings"])
def test_a_hostile_header_refuses_the_file_in_polish(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path, which: str, name: str
) -> None:
    header = [HOSTILE[name], "kwota"]
    path = _write(tmp_path, header, [["1", "2"]], quoted=True, encoding="utf-8")
    module = ledger_import if which == "ledger" else reading_import
    with pytest.raises(DomainError) as refused:
        module.import_file(backend, scene.actor, path)
    _assert_file_refusal(refused.value)
    assert _count(db, AuditEntry) == 0
