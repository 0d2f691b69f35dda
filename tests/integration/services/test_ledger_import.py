"""Importing the ledger from the accounting program's CSV: every row checked, nothing posted twice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LedgerEntry
from iok_desktop.domain.enums import LedgerKind
from iok_desktop.domain.errors import PermissionDeniedError, ValidationError
from iok_desktop.services import ledger_import
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import SYSTEM, Actor, FixedClock, resident_actor
from tests.support.builders import make_building, make_household, make_premises, staff_of

HEADER = "numer_lokalu;data_ksiegowania;termin_platnosci;rodzaj;tytul;kwota;numer_dokumentu"


class Scene:
    def __init__(self, s: Session) -> None:
        home = make_household(s)
        self.clerk = home.clerk
        self.flat = home.premises
        self.shop = make_premises(s, make_building(s, street="Łąkowa", number="3"))
        self.flat.code, self.shop.code = "01-005-012", "02-001-U03"
        s.commit()
        self.flat_id, self.shop_id = self.flat.id, self.shop.id
        self.actor: Actor = staff_of(home.clerk)
        self.resident = resident_actor(home.account.id, home.account.login)


@pytest.fixture
def scene(db: Database) -> Scene:
    with db.session() as s:
        return Scene(s)


@pytest.fixture
def backend(db: Database, clock: FixedClock) -> Backend:
    return Backend(db, clock=clock, workstation="test-desk")


def _write(tmp_path: Path, lines: list[str], *, encoding: str = "utf-8", name: str = "kartoteki.csv") -> Path:
    path = tmp_path / name
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def _entries(db: Database) -> list[LedgerEntry]:
    with db.session() as s:
        return list(s.scalars(select(LedgerEntry).order_by(LedgerEntry.id)))


def _count(db: Database, model: type[LedgerEntry] | type[AuditEntry] = LedgerEntry) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_good_rows_are_posted_through_the_ledger_with_their_signs(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        [
            HEADER,
            "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty za lokal 11/2026;1 234,56;NAL/2026/11/12",
            "01-005-012;2026-11-08;;wpłata;Wpłata — przelew;1234.56;WB/2026/11/0456",
            "",
            '02-001-u03;09.11.2026;;Korekta;"Korekta; zaliczka c.o.";-45,10;KOR/2026/7',
            "02-001-U03;10.11.2026;20.11.2026;K;Dopłata do wody;12,5;KOR/2026/8",
            "02-001-U03;12.11.2026;;W;Wpłata gotówką;100;KP/2026/11/3",
        ],
    )
    report = ledger_import.import_file(backend, scene.actor, path)
    assert (report.rows, report.created, report.already_imported, report.rejected_count) == (5, 5, 0, 0)
    assert report.encoding == "UTF-8" and report.file_name == "kartoteki.csv"
    assert (report.charges, report.charges_total) == (1, Decimal("1234.56"))
    assert (report.payments, report.payments_total) == (2, Decimal("1334.56"))
    assert (report.corrections, report.corrections_total) == (2, Decimal("-32.60"))
    entries = _entries(db)
    assert [(e.premises_id, e.kind, e.amount, e.booking_date, e.due_date, e.document_id) for e in entries] == [
        (
            scene.flat_id,
            LedgerKind.CHARGE,
            Decimal("1234.56"),
            date(2026, 11, 1),
            date(2026, 11, 10),
            "NAL/2026/11/12",
        ),
        (scene.flat_id, LedgerKind.PAYMENT, Decimal("-1234.56"), date(2026, 11, 8), None, "WB/2026/11/0456"),
        (scene.shop_id, LedgerKind.CORRECTION, Decimal("-45.10"), date(2026, 11, 9), None, "KOR/2026/7"),
        (scene.shop_id, LedgerKind.CORRECTION, Decimal("12.50"), date(2026, 11, 10), date(2026, 11, 20), "KOR/2026/8"),
        (scene.shop_id, LedgerKind.PAYMENT, Decimal("-100.00"), date(2026, 11, 12), None, "KP/2026/11/3"),
    ]
    assert entries[0].title == "Opłaty za lokal 11/2026" and entries[2].title == "Korekta; zaliczka c.o."
    assert {e.source for e in entries} == {"import"}
    assert {e.created_by_staff_id for e in entries} == {scene.clerk.id}
    with db.session() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert actions == [
            "ledger.charge",
            "ledger.payment",
            *["ledger.correction"] * 2,
            "ledger.payment",
            "ledger.import",
        ]
        summary = s.scalars(select(AuditEntry).where(AuditEntry.action == "ledger.import")).one()
        assert summary.actor_login == scene.clerk.login and summary.workstation == "test-desk"
        assert summary.details["file"] == "kartoteki.csv"
        assert (summary.details["rows"], summary.details["created"], summary.details["rejected"]) == (5, 5, 0)
        assert summary.details["charges_total"] == "1234.56"


def test_every_bad_row_is_reported_with_its_line_and_a_polish_reason(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    lines = [
        HEADER,
        "09-999-999;01.11.2026;10.11.2026;naliczenie;Opłaty;100,00;D/2",  # 2: no such premises
        "01-005-012;01.11.2026;10.11.2026;odsetki;Odsetki;10,00;D/3",  # 3: unknown kind
        "01-005-012;31.11.2026;10.12.2026;naliczenie;Opłaty;100,00;D/4",  # 4: no such day
        "01-005-012;jutro;10.12.2026;naliczenie;Opłaty;100,00;D/5",  # 5: not a date
        "01-005-012;01.11.2026;;naliczenie;Opłaty;100,00;D/6",  # 6: a charge without a due date
        "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty;sto;D/7",  # 7: not an amount
        "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty;100,123;D/8",  # 8: three decimals
        "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty;-100,00;D/9",  # 9: a negative charge
        "01-005-012;08.11.2026;;wpłata;Wpłata;-50,00;D/10",  # 10: a negative payment
        "01-005-012;08.11.2026;;korekta;Korekta;0,00;D/11",  # 11: a zero correction
        "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty;100,00;",  # 12: no document number
        "01-005-012;01.11.2026;10.11.2026;naliczenie;;100,00;D/13",  # 13: no title
        ";01.11.2026;10.11.2026;naliczenie;Opłaty;100,00;D/14",  # 14: no premises
        "01-005-012;01.11.2026;10.11.2026",  # 15: columns missing
        "01-005-012;01.02.2027;10.02.2027;naliczenie;Opłaty;100,00;D/16",  # 16: too far ahead
        "01-005-012;;10.11.2026;naliczenie;Opłaty;100,00;D/17",  # 17: no booking date
        "01-005-012;01.11.2026;10.13.2026;korekta;Korekta;5,00;D/18",  # 18: a bad due date
        f"01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty;100,00;{'X' * 61}",  # 19: number too long
        "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty;;D/20",  # 20: no amount
        "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty;1 000,00;D/21",  # 21: fine
        "02-001-U03;01.11.2026;10.11.2026;naliczenie;Opłaty;1 000,00;D/21",  # 22: same number, other data
    ]
    report = ledger_import.import_file(backend, scene.actor, _write(tmp_path, lines))
    reasons = {r.line: r.reason for r in report.rejected}
    assert sorted(reasons) == [*range(2, 21), 22] and report.created == 1 and report.rejected_count == 20
    assert reasons[2] == "Nie ma w ewidencji lokalu o numerze 09-999-999."
    assert reasons[3] == "Nieznany rodzaj zapisu „odsetki” — użyj: naliczenie, wpłata lub korekta."
    assert reasons[4] == "Data księgowania 31.11.2026 nie istnieje w kalendarzu."
    assert reasons[5] == "Data księgowania „jutro” — podaj datę w postaci DD.MM.RRRR lub RRRR-MM-DD."
    assert reasons[6] == "Brak terminu płatności naliczenia."
    assert reasons[7] == ("Kwota musi być liczbą z najwyżej dwoma miejscami po przecinku, np. 1234,56. W pliku: „sto”.")
    assert "W pliku: „100,123”" in reasons[8]
    assert reasons[9].startswith("Kwota naliczenia musi być większa od zera")
    assert reasons[10].startswith("Kwota wpłaty musi być większa od zera")
    assert reasons[11] == "Kwota korekty nie może być zerowa."
    assert reasons[12].startswith("Brak numeru dokumentu")
    assert reasons[13] == "Brak tytułu wpisu."
    assert reasons[14] == "Brak numeru lokalu."
    assert reasons[15].startswith("Za mało kolumn (3 zamiast 7)")
    assert reasons[16].startswith("Data księgowania może być najpóźniej 31 dni od dziś (26.12.2026)")
    assert reasons[17] == "Brak daty księgowania."
    assert reasons[18] == "Termin płatności 10.13.2026 nie istnieje w kalendarzu."
    assert reasons[19] == "Numer dokumentu może mieć najwyżej 60 znaków."
    assert reasons[20] == "Brak kwoty."
    assert reasons[22] == (
        "Dokument D/21 jest już zaksięgowany z innymi danymi (lokal 01-005-012, naliczenie 1\u00a0000,00\u00a0zł, "
        "data księgowania 01.11.2026) — sprawdź numer dokumentu w programie księgowym."
    )
    assert {(r.premises_code, r.document_id) for r in report.rejected if r.line == 2} == {("09-999-999", "D/2")}
    assert [(e.document_id, e.amount) for e in _entries(db)] == [("D/21", Decimal("1000.00"))]


def test_windows_1250_and_bom_files_any_header_spelling_and_both_date_forms(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    ansi = _write(
        tmp_path,
        [
            "Nr dok.;Kwota;Tytuł;Rodzaj;Termin płatności;Data księgowania;Numer lokalu;Uwagi",
            "NAL/1;318,40;Opłata eksploatacyjna — Łąkowa 3;Naliczenie;10.11.2026;01.11.2026;02-001-U03;żółć",
            "NAL/2;1,00;Źle;Należność;2026-11-10;2026-11-01;02-001-U03;",
            "NAL/3;2,00;Zła kwota;Wpłata;;2026-11-01;02-001-U03;",
        ],
        encoding="cp1250",
        name="ansi.csv",
    )
    report = ledger_import.import_file(backend, scene.actor, ansi)
    assert report.encoding == "Windows-1250" and (report.created, report.rejected_count) == (3, 0)
    bom = _write(
        tmp_path,
        [HEADER, "01-005-012;2026-11-02;2026-11-12;obciążenie;Fundusz remontowy;50;FR/1"],
        encoding="utf-8-sig",
        name="bom.csv",
    )
    report = ledger_import.import_file(backend, scene.actor, bom)
    assert report.encoding == "UTF-8 (BOM)" and report.created == 1
    entries = _entries(db)
    assert [(e.title, e.kind, e.booking_date, e.due_date) for e in entries] == [
        ("Opłata eksploatacyjna — Łąkowa 3", LedgerKind.CHARGE, date(2026, 11, 1), date(2026, 11, 10)),
        ("Źle", LedgerKind.CHARGE, date(2026, 11, 1), date(2026, 11, 10)),
        ("Zła kwota", LedgerKind.PAYMENT, date(2026, 11, 1), None),
        ("Fundusz remontowy", LedgerKind.CHARGE, date(2026, 11, 2), date(2026, 11, 12)),
    ]


def test_importing_the_same_file_again_posts_nothing_and_says_already_imported(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        [
            HEADER,
            "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty;318,40;NAL/1",
            "01-005-012;08.11.2026;;wpłata;Wpłata;318,40;WB/1",
            "01-005-012;08.11.2026;;wpłata;Wpłata;318,40;WB/1",  # the same row twice in one file
            "01-005-012;jutro;;wpłata;Wpłata;1;WB/2",
        ],
    )
    first = ledger_import.import_file(backend, scene.actor, path)
    assert (first.created, first.already_imported, first.rejected_count) == (2, 1, 1)
    again = ledger_import.import_file(backend, scene.actor, path)
    assert (again.created, again.already_imported, again.rejected_count) == (0, 3, 1)
    assert [r.line for r in again.rejected] == [5]
    assert _count(db) == 2
    with db.session() as s:
        summaries = s.scalars(select(AuditEntry).where(AuditEntry.action == "ledger.import").order_by(AuditEntry.id))
        assert [(a.details["created"], a.details["unchanged"]) for a in summaries] == [(2, 1), (0, 3)]


def test_the_system_may_import_and_a_resident_may_not(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    path = _write(tmp_path, [HEADER, "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty;318,40;NAL/1"])
    report = ledger_import.import_file(backend, SYSTEM, path)
    assert report.created == 1
    entry = _entries(db)[0]
    assert entry.created_by_staff_id is None and entry.source == "import"
    with pytest.raises(PermissionDeniedError):
        ledger_import.import_file(backend, scene.resident, path)
    assert _count(db) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "nie jest plik tekstowy"),
        (b"numer_lokalu,data_ksiegowania,kwota\r\nX,01.11.2026,1\r\n", "rozdzielone średnikiem"),
        (b"numer_lokalu;data_ksiegowania;rodzaj;kwota\r\nX;01.11.2026;W;1\r\n", "Brakuje: termin_platnosci, tytul"),
        (b"", "jest pusty"),
        (f"{HEADER}\r\n01-005-012;01.11.2026;;W;x;1;A\r\n".encode("utf-16"), "UTF-16"),
        # Readable rows first, then bytes that are neither UTF-8 nor Windows-1250: nothing at all.
        (f"{HEADER}\r\n01-005-012;01.11.2026;;W;x;1;A\r\n".encode() + b"\xc3\x28\x98\r\n", "nieznane kodowanie"),
        (f"{HEADER}\r\n01-005-012;01.11.2026;;W;x;1;A\r\n".encode() + b"\x00\r\n", "znaki binarne"),
    ],
)
def test_a_file_that_cannot_be_read_imports_nothing_and_says_why(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "zly.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message) as refused:
        ledger_import.import_file(backend, scene.actor, path)
    assert refused.value.field == "file"
    assert _count(db) == 0 and _count(db, AuditEntry) == 0


def test_a_missing_file_says_so(backend: Backend, scene: Scene, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"Nie ma pliku brak\.csv"):
        ledger_import.import_file(backend, scene.actor, tmp_path / "brak.csv")


def test_large_files_go_in_chunks_with_progress_and_can_be_stopped(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path
) -> None:
    lines = [HEADER, *(f"01-005-012;{day:02d}.11.2026;;wpłata;Wpłata;{day},00;WB/{day}" for day in range(1, 8))]
    path = _write(tmp_path, lines)
    assert ledger_import.check_file(path).rows == 7
    seen: list[tuple[int, int]] = []
    stops = iter([False, True])
    report = ledger_import.import_file(
        backend, scene.actor, path, progress=lambda *p: seen.append(p), should_stop=lambda: next(stops), chunk_rows=3
    )
    assert seen == [(0, 7), (3, 7)] and report.cancelled and report.created == 3
    with db.session() as s:
        assert s.scalars(select(AuditEntry.details).where(AuditEntry.action == "ledger.import")).one()["cancelled"]
    seen.clear()
    report = ledger_import.import_file(backend, scene.actor, path, progress=lambda *p: seen.append(p), chunk_rows=3)
    assert seen == [(0, 7), (3, 7), (6, 7), (7, 7)] and (report.already_imported, report.created) == (3, 4)
    assert _count(db) == 7
    assert sum((e.amount for e in _entries(db)), Decimal(0)) == Decimal("-28.00")


def test_a_document_posted_by_another_desk_meanwhile_counts_as_already_imported(
    db: Database, backend: Backend, scene: Scene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race between a chunk's look-up and its inserts: the ledger's own duplicate guard catches it."""
    rows = ["01-005-012;08.11.2026;;wpłata;Wpłata;318,40;WB/1", "01-005-012;08.11.2026;;wpłata;Wpłata;1,00;WB/2"]
    ledger_import.import_file(backend, scene.actor, _write(tmp_path, [HEADER, *rows]))
    real = ledger_import._already_posted
    looks: list[int] = []

    def blind_first_look(ctx: Any, document_ids: set[str]) -> Any:
        looks.append(len(document_ids))
        return {} if len(looks) == 1 else real(ctx, document_ids)  # the chunk's look-up sees nothing yet

    monkeypatch.setattr(ledger_import, "_already_posted", blind_first_look)
    changed = [rows[0], rows[1].replace("1,00", "2,00")]
    report = ledger_import.import_file(backend, scene.actor, _write(tmp_path, [HEADER, *changed], name="b.csv"))
    assert (report.created, report.already_imported, report.rejected_count) == (0, 1, 1)
    assert report.rejected[0].reason.startswith("Dokument WB/2 jest już zaksięgowany z innymi danymi")
    assert _count(db) == 2


def test_parse_row_checks_what_needs_no_database() -> None:
    columns = {key: n for n, key in enumerate(ledger_import._COLUMNS)}
    row = ledger_import.parse_row(
        7, [" 01-005-012 ", "2026-11-08", "2026-11-20", "WPŁATA", "  Wpłata  z banku ", "1\u00a0234,5", "WB/9"], columns
    )
    assert (row.line, row.premises_code, row.kind, row.booking_date, row.due_date, row.title, row.amount) == (
        7,
        "01-005-012",
        LedgerKind.PAYMENT,
        date(2026, 11, 8),
        None,  # a payment has no due date
        "Wpłata z banku",
        Decimal("-1234.50"),
    )
    assert row.problem is None and row.document_id == "WB/9"


@given(
    grosze=st.integers(min_value=1, max_value=999_999_999_999),
    thousands=st.sampled_from(["", " ", "\u00a0", "\u202f"]),
    decimal=st.sampled_from([",", "."]),
    kind=st.sampled_from(["naliczenie", "wpłata"]),
)
def test_an_amount_written_the_polish_way_reads_back_exactly(
    grosze: int, thousands: str, decimal: str, kind: str
) -> None:
    whole, cents = divmod(grosze, 100)
    digits = f"{whole:,}".replace(",", thousands)
    text = f"{digits}{decimal}{cents:02d}"
    columns = {key: n for n, key in enumerate(ledger_import._COLUMNS)}
    row = ledger_import.parse_row(2, ["01-005-012", "01.11.2026", "10.11.2026", kind, "Tytuł", text, "D/1"], columns)
    expected = Decimal(grosze) / 100
    assert row.problem is None and row.amount == (expected if kind == "naliczenie" else -expected)
