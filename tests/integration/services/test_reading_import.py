"""Importing readings from a collector's or radio-read CSV file: every row checked, nothing twice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, Meter, MeterReading
from iok_desktop.domain.enums import MeterKind, ReadingSource, ReadingStatus
from iok_desktop.domain.errors import ValidationError
from iok_desktop.services import reading_import
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor, FixedClock
from tests.support.builders import Household, accepted_reading, make_household, make_meter, staff_of

HEADER = "numer_licznika;rodzaj;data;stan"


class Scene:
    def __init__(self, s: Session) -> None:
        self.home: Household = make_household(s)
        self.cold = make_meter(s, self.home.premises)  # 3 decimals, m³
        accepted_reading(s, self.cold, date(2026, 10, 31), "96.000")
        self.heat = make_meter(s, self.home.premises, kind=MeterKind.HEAT, decimal_places=2)
        accepted_reading(s, self.heat, date(2026, 10, 31), "40.00")
        # The same serial on a cold and a hot water meter: the kind must be given.
        self.twin_cold = make_meter(s, self.home.premises)
        self.twin_hot = make_meter(s, self.home.premises, kind=MeterKind.HOT_WATER)
        self.twin_hot.serial_number = self.twin_cold.serial_number = "TWIN-1"
        self.late = make_meter(s, self.home.premises, installed_on=date(2026, 11, 1))
        s.commit()
        self.actor: Actor = staff_of(self.home.clerk)


@pytest.fixture
def scene(db: Database) -> Scene:
    with db.session() as s:
        return Scene(s)


@pytest.fixture
def backend(db: Database, clock: FixedClock) -> Backend:
    return Backend(db, clock=clock, workstation="test-desk")


def _write(tmp_path: Path, lines: list[str], *, encoding: str = "utf-8", name: str = "odczyty.csv") -> Path:
    path = tmp_path / name
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def _readings(db: Database) -> list[MeterReading]:
    with db.session() as s:
        return list(s.scalars(select(MeterReading).order_by(MeterReading.id)))


def _count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(MeterReading)) or 0)


def test_good_rows_are_accepted_as_imported_clerk_readings(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        [
            HEADER,
            f"{scene.cold.serial_number};ZW;25.11.2026;99,5",
            f"{scene.heat.serial_number.lower()};;2026-11-24;41.25",  # no kind: the serial is unique
            "TWIN-1;cw;24.11.2026;3",
            "",
            "TWIN-1;cold_water;24.11.2026;2,125",
        ],
    )
    report = reading_import.import_file(backend, scene.actor, path)
    assert (report.rows, report.created, report.unchanged, report.rejected_count) == (4, 4, 0, 0)
    assert report.encoding == "UTF-8" and report.file_name == "odczyty.csv"
    imported = [r for r in _readings(db) if r.source is ReadingSource.IMPORT and r.submitted_by_staff_id]
    assert [(r.meter_id, r.reading_date, r.value) for r in imported] == [
        (scene.cold.id, date(2026, 11, 25), Decimal("99.500")),
        (scene.heat.id, date(2026, 11, 24), Decimal("41.250")),
        (scene.twin_hot.id, date(2026, 11, 24), Decimal("3.000")),
        (scene.twin_cold.id, date(2026, 11, 24), Decimal("2.125")),
    ]
    first = imported[0]
    assert first.status is ReadingStatus.ACCEPTED and first.submitted_by_staff_id == scene.home.clerk.id
    assert (first.previous_value, first.consumption) == (Decimal("96.000"), Decimal("3.500"))
    assert first.note == "import z pliku odczyty.csv"
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "reading.import")).one()
        assert entry.details["created"] == 4 and entry.actor_login == scene.home.clerk.login


def test_every_bad_row_is_reported_with_its_line_and_a_polish_reason(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    cold, heat = scene.cold.serial_number, scene.heat.serial_number
    lines = [
        HEADER,
        f"{cold};ZW;20.11.2026;95,5",  # 2: lower than the last accepted
        "NIEMA-1;ZW;20.11.2026;1",  # 3: no such meter
        f"{cold};XX;20.11.2026;100",  # 4: unknown kind
        "TWIN-1;;20.11.2026;1",  # 5: two kinds share the serial
        f"{cold};ZW;31.02.2026;100",  # 6: no such day
        f"{cold};ZW;jutro;100",  # 7: not a date
        f"{cold};ZW;20.11.2026;sto",  # 8: not a number
        f"{cold};ZW;20.11.2026;100,1234",  # 9: too many decimals
        f"{cold};ZW;01.12.2026;100",  # 10: in the future
        f"{cold};ZW;30.10.2026;100",  # 11: before the last accepted reading
        f"{scene.late.serial_number};ZW;20.10.2026;1",  # 12: before the meter was installed
        f"{cold};ZW",  # 13: columns missing
        ";ZW;20.11.2026;1",  # 14: no serial
        f"{heat};CO;31.10.2026;45",  # 15: another value for a day with an accepted reading
        f"{cold};ZW;;100",  # 16: no date
        f"{heat};CO;20.11.2026;",  # 17: no value
        f"{cold};ZW;21.11.2026;97",  # 18: fine
    ]
    report = reading_import.import_file(backend, scene.actor, _write(tmp_path, lines))
    reasons = {r.line: r.reason for r in report.rejected}
    assert sorted(reasons) == list(range(2, 18)) and report.created == 1 and report.rejected_count == 16
    assert reasons[2] == (
        "Stan niższy niż ostatni zaakceptowany — wprowadź ręcznie po sprawdzeniu. Ostatni zaakceptowany: "
        "96,000 m³ z dnia 31.10.2026, w pliku: 95,500 m³."
    )
    assert reasons[3] == "Nie ma w ewidencji licznika o numerze NIEMA-1 (ZW)."
    assert reasons[4] == "Nieznany rodzaj licznika „XX” — użyj ZW, CW, CO, GAZ lub EE."
    assert "różnych rodzajów (CW, ZW)" in reasons[5]
    assert reasons[6] == "Data 31.02.2026 nie istnieje w kalendarzu."
    assert reasons[7].startswith("Podaj datę w postaci DD.MM.RRRR")
    assert "musi być liczbą" in reasons[8]
    assert "najwyżej 3 cyfr" in reasons[9]
    assert "przyszłości" in reasons[10]
    assert "wcześniejsza niż ostatni zaakceptowany odczyt (31.10.2026)" in reasons[11]
    assert "wcześniejsza niż montaż licznika (01.11.2026)" in reasons[12]
    assert reasons[13].startswith("Za mało kolumn (2)")
    assert reasons[14] == "Brak numeru licznika."
    assert reasons[15].startswith("Na dzień 31.10.2026 jest już zaakceptowany odczyt (40,00 GJ)")
    assert reasons[16] == "Brak daty odczytu."
    assert reasons[17] == "Podaj stan licznika."
    assert {r.serial for r in report.rejected if r.line == 2} == {cold}
    assert _count(db) == 3  # the two accepted readings of the scene and line 18


def test_windows_1250_and_bom_files_and_both_date_forms(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    cold = scene.cold.serial_number
    ansi = _write(
        tmp_path,
        [
            "Numer licznika;Rodzaj;Data;Stan;Adres",
            f"{cold};ZW;21.11.2026;97,25;Łąkowa 3",
            f"{cold};Żółw;22.11.2026;98;",
        ],
        encoding="cp1250",
        name="ansi.csv",
    )
    report = reading_import.import_file(backend, scene.actor, ansi)
    assert report.encoding == "Windows-1250" and report.created == 1
    assert report.rejected[0].reason == "Nieznany rodzaj licznika „Żółw” — użyj ZW, CW, CO, GAZ lub EE."
    bom = _write(tmp_path, [HEADER, f"{cold};ZW;2026-11-23;98,5", f"{cold};zw;24.11.2026;99"], encoding="utf-8-sig")
    report = reading_import.import_file(backend, scene.actor, bom)
    assert report.encoding == "UTF-8 (BOM)" and (report.created, report.rejected_count) == (2, 0)
    assert [r.reading_date for r in _readings(db) if r.meter_id == scene.cold.id] == [
        date(2026, 10, 31),
        date(2026, 11, 21),
        date(2026, 11, 23),
        date(2026, 11, 24),
    ]


def test_importing_the_same_file_again_creates_nothing(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    cold, heat = scene.cold.serial_number, scene.heat.serial_number
    path = _write(tmp_path, [HEADER, f"{cold};ZW;24.11.2026;99,5", f"{heat};CO;24.11.2026;41", f"{cold};ZW;x;1"])
    first = reading_import.import_file(backend, scene.actor, path)
    count = _count(db)
    again = reading_import.import_file(backend, scene.actor, path)
    assert (first.created, first.unchanged, first.rejected_count) == (2, 0, 1)
    assert (again.created, again.unchanged, again.rejected_count) == (0, 2, 1)
    assert _count(db) == count == 4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "nie jest plik tekstowy"),
        (b"serial,date,value\r\nX,24.11.2026,1\r\n", "rozdzielone średnikiem"),
        (b"licznik;kiedy;ile\r\nX;24.11.2026;1\r\n", "musi być nagłówkiem"),
        (b"", "jest pusty"),
        ("numer_licznika;data;stan\r\nX;24.11.2026;1\r\n".encode("utf-16"), "UTF-16"),
        # Readable rows first, then bytes that are neither UTF-8 nor Windows-1250: nothing at all.
        (f"{HEADER}\r\nSERIAL;ZW;24.11.2026;99\r\n".encode() + b"\xc3\x28\x98\r\n", "nieznane kodowanie"),
    ],
)
def test_a_file_that_cannot_be_read_imports_nothing_and_says_why(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "zly.csv"
    path.write_bytes(content.replace(b"SERIAL", scene.cold.serial_number.encode()))
    before = _count(db)
    with pytest.raises(ValidationError, match=message) as refused:
        reading_import.import_file(backend, scene.actor, path)
    assert refused.value.field == "file"
    assert _count(db) == before
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_a_missing_file_says_so(backend: Backend, scene: Scene, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"Nie ma pliku brak\.csv"):
        reading_import.import_file(backend, scene.actor, tmp_path / "brak.csv")


def test_large_files_go_in_chunks_with_progress_and_can_be_stopped(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    cold = scene.cold.serial_number
    lines = [HEADER, *(f"{cold};ZW;{day:02d}.11.2026;{96 + day}" for day in range(1, 8))]
    path = _write(tmp_path, lines)
    assert reading_import.check_file(path).rows == 7
    seen: list[tuple[int, int]] = []
    stops = iter([False, True])
    report = reading_import.import_file(
        backend, scene.actor, path, progress=lambda *p: seen.append(p), should_stop=lambda: next(stops), chunk_rows=3
    )
    assert seen == [(0, 7), (3, 7)] and report.cancelled and report.created == 3
    seen.clear()
    report = reading_import.import_file(backend, scene.actor, path, progress=lambda *p: seen.append(p), chunk_rows=3)
    assert seen == [(0, 7), (3, 7), (6, 7), (7, 7)] and (report.unchanged, report.created) == (3, 4)
    with db.session() as s:
        values = s.scalars(select(MeterReading.value).where(MeterReading.meter_id == scene.cold.id)).all()
        assert len(values) == 8


def test_an_archived_meter_takes_no_reading_after_its_removal(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    with db.session() as s:
        meter = s.get(Meter, scene.cold.id)
        assert meter is not None
        meter.archived_on = date(2026, 11, 10)
        s.commit()
    report = reading_import.import_file(
        backend, scene.actor, _write(tmp_path, [HEADER, f"{scene.cold.serial_number};ZW;20.11.2026;99"])
    )
    assert report.rejected[0].reason.startswith("Licznik został zdjęty 10.11.2026")


def test_a_value_below_a_new_meters_initial_value_is_not_imported(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    with db.session() as s:
        meter = s.get(Meter, scene.late.id)
        assert meter is not None
        meter.initial_value = Decimal("50")
        s.commit()
    path = _write(tmp_path, [HEADER, f"{scene.late.serial_number};ZW;20.11.2026;40,5"])
    report = reading_import.import_file(backend, scene.actor, path)
    assert report.rejected[0].reason == (
        "Stan niższy niż stan początkowy licznika — wprowadź ręcznie po sprawdzeniu. Stan początkowy: "
        "50,000 m³ z dnia 01.11.2026, w pliku: 40,500 m³."
    )


def test_parse_row_checks_what_needs_no_database() -> None:
    columns = {"serial": 0, "date": 1, "value": 2}
    row = reading_import.parse_row(7, [" ab-1 ", "2026-11-24", "1,5"], columns)
    assert (row.line, row.serial, row.kind, row.reading_date, row.value_text, row.problem) == (
        7,
        "AB-1",
        None,
        date(2026, 11, 24),
        "1,5",
        None,
    )
