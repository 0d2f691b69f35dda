"""Exporting accepted readings of a period as CSV for the settlement company (Excel, Polish numbers)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from iok_desktop.db.models import AuditEntry
from iok_desktop.domain.enums import MeterKind
from iok_desktop.domain.errors import PermissionDeniedError, ValidationError
from iok_desktop.services import reading_export, readings
from iok_desktop.services.context import FixedClock, ServiceContext
from iok_desktop.services.readings.review import approve_readings, reject_readings
from tests.support.builders import (
    Household,
    accepted_reading,
    grant_title,
    make_building,
    make_household,
    make_meter,
    make_premises,
)

PERIOD = (date(2026, 11, 1), date(2026, 11, 24))
HEADER = "kod_lokalu;adres;rodzaj;numer_licznika;jednostka;data_odczytu;stan;stan_poprzedni;zuzycie;zrodlo"


class Scene:
    def __init__(self, s: Session, clock: FixedClock) -> None:
        self.home: Household = make_household(s)
        clerk = self.home.clerk_ctx(s, clock)
        self.cold = make_meter(s, self.home.premises)
        self.cold.serial_number = "APA-21-0000001"
        accepted_reading(s, self.cold, date(2026, 10, 31), "1234.5")
        other = make_premises(s, make_building(s, street="Aleja Róż", number="1; klatka B"), number="4")
        self.heat = make_meter(s, other, kind=MeterKind.HEAT, decimal_places=2, initial_value=0)
        self.heat.serial_number = "KAM-20-0000002"
        grant_title(s, self.home.person, other)
        s.commit()
        # In the period: a clerk's reading, a correction the same day, a resident's approved reading.
        readings.submit_reading(clerk, self.cold.id, "1240,25", date(2026, 11, 1))
        readings.submit_reading(clerk, self.cold.id, "1240,5", date(2026, 11, 1))
        resident_reading = readings.submit_reading(
            self.home.resident(s, clock), self.heat.id, "12,5", date(2026, 11, 24)
        ).reading
        # Outside the period or not accepted: never exported.
        readings.submit_reading(clerk, self.heat.id, "3", date(2026, 10, 31))
        approve_readings(clerk, [(resident_reading.id, resident_reading.version)])
        rejected = readings.submit_reading(self.home.resident(s, clock), self.cold.id, "1245", date(2026, 11, 23))
        reject_readings(clerk, [(rejected.reading.id, rejected.reading.version)], "błąd")
        readings.submit_reading(clerk, self.cold.id, "1250", date(2026, 11, 25))
        s.commit()


@pytest.fixture
def scene(session: Session, clock: FixedClock) -> Scene:
    return Scene(session, clock)


def _lines(path: Path) -> list[str]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")
    return raw[3:].decode("utf-8").split("\r\n")[:-1]


def test_exports_accepted_readings_of_the_period_with_polish_numbers(
    session: Session, clerk: ServiceContext, scene: Scene, tmp_path: Path
) -> None:
    path = tmp_path / "odczyty-listopad.csv"
    summary = reading_export.export_readings(clerk, path, *PERIOD)
    session.commit()
    home = scene.home.premises
    lines = _lines(path)
    assert lines[0] == HEADER
    heat_line = next(line for line in lines if "KAM-20" in line)
    assert heat_line.endswith(";CO;KAM-20-0000002;GJ;24.11.2026;12,50;3,00;9,50;IOK (internet)")
    assert heat_line.split(";")[0] != home.code
    assert '"Aleja Róż 1; klatka B/4, 70-001 Szczecin"' in heat_line  # quoted: it holds the separator
    assert [line for line in lines if home.code in line] == [
        f"{home.code};ul. Zgoda 8/{home.number}, 70-001 Szczecin;ZW;APA-21-0000001;m³;01.11.2026;1240,250;"
        "1234,500;5,750;pracownik",
        f"{home.code};ul. Zgoda 8/{home.number}, 70-001 Szczecin;ZW;APA-21-0000001;m³;01.11.2026;1240,500;"
        "1240,250;0,250;pracownik",
    ]
    assert summary.rows == 3 == len(lines) - 1 and summary.path == str(path)
    assert not path.with_name(path.name + ".part").exists()
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "reading.export")).one()
    assert entry.details["rows"] == 3


def test_period_ends_are_included(clerk: ServiceContext, scene: Scene, tmp_path: Path) -> None:
    one_day = tmp_path / "dzien.csv"
    assert reading_export.export_readings(clerk, one_day, date(2026, 10, 31), date(2026, 10, 31)).rows == 2
    assert {row[5] for row in csv.reader(_lines(one_day)[1:], delimiter=";")} == {"31.10.2026"}
    assert reading_export.export_readings(clerk, tmp_path / "b.csv", date(2026, 11, 2), date(2026, 11, 23)).rows == 0
    assert _lines(tmp_path / "b.csv") == [HEADER]


def test_a_new_meters_initial_reading_has_no_previous_value(
    session: Session, clerk: ServiceContext, tmp_path: Path
) -> None:
    home = make_household(session)
    meter = make_meter(session, home.premises, decimal_places=0, installed_on=date(2026, 11, 1))
    accepted_reading(session, meter, date(2026, 11, 1), "7")
    session.commit()
    path = tmp_path / "nowy.csv"
    reading_export.export_readings(clerk, path, *PERIOD)
    assert _lines(path)[1].endswith(";m³;01.11.2026;7;;;import")


def test_streams_in_batches(
    clerk: ServiceContext, scene: Scene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading_export, "YIELD_PER", 1)
    path = tmp_path / "male-porcje.csv"
    assert reading_export.export_readings(clerk, path, date(2026, 1, 1), date(2026, 11, 30)).rows == 6
    assert len(_lines(path)) == 7


def test_bad_periods_and_paths_are_refused_and_leave_no_file(
    clerk: ServiceContext, scene: Scene, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError) as backwards:
        reading_export.export_readings(clerk, tmp_path / "x.csv", date(2026, 11, 2), date(2026, 11, 1))
    assert backwards.value.field == "date_to"
    with pytest.raises(ValidationError, match="3 lata"):
        reading_export.export_readings(clerk, tmp_path / "x.csv", date(2020, 1, 1), date(2026, 1, 1))
    with pytest.raises(ValidationError, match="Nie można zapisać pliku") as unwritable:
        reading_export.export_readings(clerk, tmp_path / "brak" / "x.csv", *PERIOD)
    assert unwritable.value.field == "path"
    assert list(tmp_path.iterdir()) == []


def test_the_default_period_is_the_window_that_decides_today(clerk: ServiceContext) -> None:
    assert reading_export.default_period(clerk) == (date(2026, 11, 23), date(2026, 12, 7))


def test_residents_cannot_export(resident: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(PermissionDeniedError):
        reading_export.export_readings(resident, tmp_path / "x.csv", *PERIOD)
