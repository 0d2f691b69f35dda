"""Demo data: a realistic Polish housing cooperative, the same for the same seed.

``generate_demo`` fills an empty database (no premises yet) with estates, buildings, premises,
persons and their titles, IOK accounts, meters with years of readings, ledgers, announcements and
the office's paperwork, and returns the logins it created with their (demonstration) passwords.

How: ``plan`` draws the rows building by building from seeded generators, ``writer`` streams them
into the database in bulk (COPY on PostgreSQL, ``executemany`` on SQLite) inside one transaction,
so a failure leaves the database as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select, update

from iok_desktop.db.base import Base
from iok_desktop.db.database import Database
from iok_desktop.db.models import Cooperative, Premises, ReadingWindow, ResidentAccount, StaffUser
from iok_desktop.demo.office import audit_row, office_life
from iok_desktop.demo.params import DEFAULT_PREMISES, DEFAULT_SEED, DEFAULT_YEARS, DemoParams
from iok_desktop.demo.plan import COOPERATIVE, Credential, DemoPlan
from iok_desktop.demo.rows import COLUMNS, Ids, RowBuffer
from iok_desktop.demo.windows import DEFAULT_WINDOW
from iok_desktop.demo.writer import analyze, open_writer
from iok_desktop.domain.dates import office_today, utc_now
from iok_desktop.domain.errors import DomainError
from iok_desktop.domain.readings import Window, WindowRule

__all__ = [
    "Credential",
    "DatabaseNotEmptyError",
    "DemoResult",
    "OpenWindow",
    "count_premises",
    "format_count",
    "generate_demo",
    "years_pl",
]

# Rows held before they are written: a few buildings' worth, well under 100 MB of tuples.
FLUSH_ROWS = 150_000

Progress = Callable[[str], None]


class DatabaseNotEmptyError(DomainError):
    code = "not_empty"

    def __init__(self, premises: int) -> None:
        super().__init__(
            f"Baza zawiera już dane ({premises} lokali). Dane demonstracyjne można wygenerować tylko w pustej bazie "
            "— utwórz nową bazę albo użyj opcji --if-empty, aby pominąć ten krok."
        )
        self.premises = premises


@dataclass(frozen=True)
class OpenWindow:
    """The reading window open today in the demo residents' building (they can submit in it)."""

    building: str  # its address, "ul. Żytnia 3A, 71-225 Szczecin"
    rule: WindowRule
    window: Window
    # True: the cooperative's default rule; False: the building's own (see ``windows.showcase_rule``).
    is_default: bool


@dataclass(frozen=True)
class DemoResult:
    params: DemoParams
    counts: dict[str, int]
    staff: list[Credential]
    residents: list[Credential]
    seconds: float
    cooperative_name: str
    open_window: OpenWindow


def count_premises(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(Premises)) or 0)


def generate_demo(
    database: Database,
    *,
    premises: int = DEFAULT_PREMISES,
    years: int = DEFAULT_YEARS,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Generate the demo into ``database`` (migrated, without premises); raise if it has any."""
    params = DemoParams(premises, years, seed, today or office_today(utc_now()))
    params.validate()
    report = progress or (lambda _message: None)
    started = time.perf_counter()
    with database.engine.connect() as connection, connection.begin():
        existing = int(connection.scalar(select(func.count()).select_from(Premises)) or 0)
        if existing:
            raise DatabaseNotEmptyError(existing)
        plan = DemoPlan(
            params,
            Ids(_first_free_ids(connection)),
            staff_logins=set(connection.scalars(select(StaffUser.login))),
            resident_logins=set(connection.scalars(select(ResidentAccount.login))),
            insert_cooperative=not _update_cooperative(connection),
            insert_default_window=not _update_default_window(connection),
        )
        writer = open_writer(connection)
        writer.start()
        buffer = RowBuffer()

        def flush() -> None:
            for table, rows in buffer.drain():
                writer.write(table, rows)

        plan.organisation(buffer)
        buildings = len(plan.sites)
        report(f"Generuję dane: lokale {params.premises}, budynki {buildings}, historia {years_pl(params.years)}…")
        for index in range(buildings):
            plan.building(index, buffer)
            if len(buffer) >= FLUSH_ROWS or index == buildings - 1:
                flush()
                done = index + 1
                report(
                    f"[{100 * done // buildings:3d}%] budynki {done}/{buildings}, "
                    f"odczyty {format_count(writer.written['meter_readings'])}, "
                    f"zapisy w kartotekach {format_count(writer.written['ledger_entries'])} "
                    f"({time.perf_counter() - started:.0f} s)"
                )
        office_life(plan, buffer)
        flush()
        buffer.add("audit_log", audit_row(plan, params, dict(writer.written), utc_now()))
        flush()
        report("Sprawdzam powiązania między tabelami i zatwierdzam transakcję…")
        writer.finish()
    report("Aktualizuję statystyki bazy…")
    analyze(database.engine, [table for table, count in writer.written.items() if count])
    return DemoResult(
        params=params,
        counts=dict(writer.written),
        staff=plan.staff,
        residents=[
            Credential(
                member.login,
                member.password,
                member.person.full_name,
                "mieszkaniec",
                tuple(member.addresses),
                member.role.new_account,
                member.role.description,
            )
            for member in plan.showcase.cast
        ],
        seconds=time.perf_counter() - started,
        cooperative_name=COOPERATIVE.name,
        open_window=OpenWindow(
            plan.sites[0].address(),
            plan.showcase_rule,
            plan.showcase_window,
            plan.showcase_rule == DEFAULT_WINDOW,
        ),
    )


def _first_free_ids(connection: Connection) -> dict[str, int]:
    """Ids continue after existing rows (e.g. a staff user created before the demo)."""
    first_free = {}
    for table, columns in COLUMNS.items():
        if "id" in columns:
            table_obj = Base.metadata.tables[table]
            first_free[table] = int(connection.scalar(select(func.coalesce(func.max(table_obj.c.id), 0))) or 0) + 1
    return first_free


def _update_cooperative(connection: Connection) -> bool:
    """Give an existing cooperative row the demo's identity; False when there is none to update."""
    c = COOPERATIVE
    result = connection.execute(
        update(Cooperative)
        .where(Cooperative.id == 1)
        .values(
            name=c.name,
            address=c.address,
            bank_account=c.bank_account,
            iok_url=c.iok_url,
            anomaly_multiple=c.anomaly_multiple,
            updated_at=utc_now(),
            version=Cooperative.version + 1,
        )
    )
    return result.rowcount > 0


def _update_default_window(connection: Connection) -> bool:
    rule = DEFAULT_WINDOW
    result = connection.execute(
        update(ReadingWindow)
        .where(ReadingWindow.building_id.is_(None))
        .values(frequency=rule.frequency, days_before=rule.days_before, days_after=rule.days_after)
    )
    return result.rowcount > 0


def format_count(number: int) -> str:
    """Thousands separated by spaces, as Polish texts write them: ``1 234 567``."""
    return f"{number:,}".replace(",", " ")


def years_pl(years: int) -> str:
    """``1 rok``, ``2 lata``, ``5 lat``, ``22 lata``: Polish plural of years."""
    if years == 1:
        return "1 rok"
    if years % 10 in (2, 3, 4) and years % 100 not in (12, 13, 14):
        return f"{years} lata"
    return f"{years} lat"
