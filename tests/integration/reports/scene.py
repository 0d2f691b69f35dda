"""A premises with ten years of monthly charges and payments, Polish names and titles: the scene of
the statement tests. Entries are written directly (as an import would) so the scene is quick."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from iok_desktop.db.models import LedgerEntry, Premises, StaffUser
from iok_desktop.domain.enums import LedgerKind
from iok_desktop.services.context import SYSTEM, ServiceContext
from iok_desktop.services.settings import load_cooperative
from tests.support.builders import CREATED, grant_title, make_building, make_person, make_premises, make_staff

POLISH = "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"
CHARGE_TITLE = "Opłata eksploatacyjna — zaliczka c.o., woda, śmieci: źdźbło ŻÓŁĆ"
PAYMENT_TITLE = "Wpłata na konto — przelew Łukasz Ślązak"
COOPERATIVE = "Spółdzielnia Mieszkaniowa „Zażółć” w Łodzi"
COOPERATIVE_NRB = "61109010140000071219812874"
OPENING_START = date(2016, 1, 1)


@dataclass
class Scene:
    premises: Premises
    other: Premises
    clerk: StaffUser
    holder_names: tuple[str, ...]
    former_holder: str


def monthly_entries(premises_id: int, first_year: int, years: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for index in range(years * 12):
        year, month = first_year + index // 12, index % 12 + 1
        rows.append(
            {
                "premises_id": premises_id,
                "booking_date": date(year, month, 1),
                "due_date": date(year, month, 10),
                "kind": LedgerKind.CHARGE,
                "title": f"{CHARGE_TITLE} {month:02d}/{year}",
                "amount": Decimal("412.37") + index % 7,
                "source": "import",
                "document_id": f"N/{premises_id}/{index}",
                "created_at": CREATED,
            }
        )
        rows.append(
            {
                "premises_id": premises_id,
                "booking_date": date(year, month, 15),
                "due_date": None,
                "kind": LedgerKind.PAYMENT,
                "title": PAYMENT_TITLE,
                "amount": Decimal("-400.00"),
                "source": "import",
                "document_id": f"W/{premises_id}/{index}",
                "created_at": CREATED,
            }
        )
    return rows


def build_scene(session: Session) -> Scene:
    cooperative = load_cooperative(ServiceContext(session, SYSTEM))
    cooperative.name = COOPERATIVE
    cooperative.address = "ul. Źródlana 5, 90-001 Łódź"
    cooperative.bank_account = COOPERATIVE_NRB
    cooperative.iok_url = "https://iok.example.pl"
    building = make_building(session, street="Żółkiewskiego", number="7")
    premises = make_premises(session, building, number="12")
    other = make_premises(session, building, number="13")
    holder = make_person(session, "Zażółć", "Gęślą-Jaźń")
    second = make_person(session, "ĄĆĘŁŃÓŚŹŻ", "Świętochłowicka")
    former = make_person(session, "Dawny", "Właściciel")
    grant_title(session, former, premises, valid_from=date(2000, 1, 1), valid_to=date(2015, 12, 31))
    grant_title(session, holder, premises, valid_from=date(2016, 1, 1))
    grant_title(session, second, premises, valid_from=date(2016, 1, 1))
    session.execute(insert(LedgerEntry), monthly_entries(premises.id, 2016, 10))
    # The neighbour has paid everything: not in arrears.
    session.execute(
        insert(LedgerEntry),
        [
            {
                "premises_id": other.id,
                "booking_date": date(2026, 1, 1),
                "due_date": None,
                "kind": LedgerKind.CHARGE,
                "title": "Opłata",
                "amount": Decimal("100.00"),
                "source": "import",
                "document_id": "X1",
                "created_at": CREATED,
            },
            {
                "premises_id": other.id,
                "booking_date": date(2026, 1, 5),
                "due_date": None,
                "kind": LedgerKind.PAYMENT,
                "title": "Wpłata",
                "amount": Decimal("-100.00"),
                "source": "import",
                "document_id": "X2",
                "created_at": CREATED,
            },
        ],
    )
    clerk = make_staff(session)
    session.flush()
    return Scene(
        premises,
        other,
        clerk,
        ("Zażółć Gęślą-Jaźń", "ĄĆĘŁŃÓŚŹŻ Świętochłowicka"),
        "Dawny Właściciel",
    )


def pdf_text(pdf: bytes, tmp_path: Path, name: str = "doc") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return pdftotext(path)


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdffonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
