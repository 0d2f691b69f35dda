"""Statements of a premises' ledger (wyciąg z kartoteki) as they are printed: what goes on the paper,
the audit trail of every printed or saved copy, and the premises a batch run covers.

The PDF itself is drawn by ``iok_desktop.reports`` from a ``StatementDocument``; nothing here knows
about pages or fonts, so the kiosk and the clerk application share the same data and checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import joinedload

from iok_desktop.db.models import Building, Estate, LedgerEntry, LegalTitle, Person, Premises
from iok_desktop.domain.address import full_address
from iok_desktop.domain.bank_account import format_nrb
from iok_desktop.domain.enums import ActorKind
from iok_desktop.domain.errors import NotFoundError, ValidationError
from iok_desktop.domain.money import ZERO
from iok_desktop.services import audit, ledger
from iok_desktop.services.access import require_premises_access
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.settings import CooperativeSettings, get_settings

OUTPUT_ACTIONS = ("print", "save")
MAX_COPIES = 99


@dataclass(frozen=True)
class StatementDocument:
    """Everything printed on one statement. Bank accounts are formatted (``61 1090 …``), or ``""``."""

    cooperative_name: str
    cooperative_address: str
    cooperative_bank_account: str
    premises_id: int
    premises_code: str
    premises_number: str
    premises_address: str
    premises_area_m2: Decimal | None
    # The premises' individual account residents pay into.
    premises_bank_account: str
    # Holders whose legal title was current at any time in the period, by surname.
    holders: tuple[str, ...]
    statement: ledger.Statement
    # When the data was read (UTC); printed as office time ("dane na dzień …").
    as_of: datetime


def _format_account(nrb: str) -> str:
    return format_nrb(nrb) if len(nrb) == 26 else nrb


def _title_overlaps(date_from: date, date_to: date) -> ColumnElement[bool]:
    return and_(LegalTitle.valid_from <= date_to, or_(LegalTitle.valid_to.is_(None), LegalTitle.valid_to >= date_from))


def holders_in_period(
    ctx: ServiceContext, premises_ids: Iterable[int], date_from: date, date_to: date
) -> dict[int, tuple[str, ...]]:
    """Names of the title holders of each premises during the period: one query for any number of premises."""
    ids = list(premises_ids)
    found: dict[int, list[str]] = {pid: [] for pid in ids}
    if not ids:
        return {}
    rows = ctx.session.execute(
        select(LegalTitle.premises_id, Person.first_name, Person.last_name)
        .join(Person, Person.id == LegalTitle.person_id)
        .where(LegalTitle.premises_id.in_(ids), _title_overlaps(date_from, date_to))
        .distinct()
        .order_by(LegalTitle.premises_id, Person.last_name, Person.first_name)
    )
    for premises_id, first_name, last_name in rows:
        name = f"{first_name} {last_name}"
        if name not in found[premises_id]:
            found[premises_id].append(name)
    return {pid: tuple(names) for pid, names in found.items()}


def _document(
    settings: CooperativeSettings,
    premises: Premises,
    building: Building,
    holders: tuple[str, ...],
    statement: ledger.Statement,
) -> StatementDocument:
    return StatementDocument(
        cooperative_name=settings.name,
        cooperative_address=settings.address,
        cooperative_bank_account=_format_account(settings.bank_account),
        premises_id=premises.id,
        premises_code=premises.code,
        premises_number=premises.number,
        premises_address=full_address(
            building.street, building.house_number, premises.number, building.postal_code, building.city
        ),
        premises_area_m2=premises.area_m2,
        premises_bank_account=_format_account(premises.bank_account),
        holders=holders,
        statement=statement,
        as_of=statement.as_of,
    )


def statement_document(ctx: ServiceContext, premises_id: int, date_from: date, date_to: date) -> StatementDocument:
    """The statement of one premises for one period, with everything its paper shows.

    Staff (and the system, for batch runs) may read any premises; a resident only a premises they
    hold a current title to (``ledger.statement`` checks it before anything is read).
    """
    statement = ledger.statement(ctx, premises_id, date_from, date_to)
    # ledger.statement has refused a missing premises already.
    premises = ctx.session.get(Premises, premises_id, options=[joinedload(Premises.building)])
    if premises is None:  # pragma: no cover - deleted in between, in the same transaction
        raise NotFoundError("Nie ma takiego lokalu.")
    holders = holders_in_period(ctx, [premises_id], date_from, date_to).get(premises_id, ())
    return _document(get_settings(ctx), premises, premises.building, holders, statement)


def statement_documents(
    ctx: ServiceContext, premises_ids: Sequence[int], date_from: date, date_to: date
) -> list[StatementDocument]:
    """``statement_document`` for many premises at once (staff and batch runs), in the order given.

    A handful of queries for the whole list instead of six per premises: in a batch, reading must
    cost little next to drawing. The result equals calling ``statement_document`` for each.
    """
    ctx.require_staff_or_system()
    if date_from > date_to:
        raise ValidationError("Data początkowa okresu nie może być późniejsza niż końcowa.", field="date_from")
    ids = list(dict.fromkeys(premises_ids))
    if not ids:
        return []
    premises = {
        p.id: p
        for p in ctx.session.scalars(
            select(Premises).where(Premises.id.in_(ids)).options(joinedload(Premises.building))
        )
    }
    missing = [pid for pid in ids if pid not in premises]
    if missing:
        raise NotFoundError("Nie ma takiego lokalu.")
    # Each premises' balance carried in, summed by its own index range (premises_id, booking_date). A
    # single grouped SUM over "premises_id IN (…1,000 ids…)" made PostgreSQL's planner expect half a
    # million rows and scan the whole table in parallel: 380 ms instead of about 100 ms at 30,000
    # premises × 10 years (benchmarks/README.md, batch on PostgreSQL).
    carried_in = (
        select(func.sum(LedgerEntry.amount))
        .where(LedgerEntry.premises_id == Premises.id, LedgerEntry.booking_date < date_from)
        .correlate(Premises)
        .scalar_subquery()
    )
    opening: dict[int, Decimal] = {
        pid: Decimal(total)
        for pid, total in ctx.session.execute(select(Premises.id, carried_in).where(Premises.id.in_(ids)))
        if total is not None
    }
    rows: dict[int, list[ledger.EntryRow]] = {pid: [] for pid in ids}
    running = {pid: opening.get(pid, ZERO) for pid in ids}
    columns = (
        LedgerEntry.id,
        LedgerEntry.premises_id,
        LedgerEntry.booking_date,
        LedgerEntry.due_date,
        LedgerEntry.kind,
        LedgerEntry.title,
        LedgerEntry.amount,
        LedgerEntry.source,
        LedgerEntry.document_id,
        LedgerEntry.corrects_entry_id,
    )
    entries = ctx.session.execute(
        select(*columns)
        .where(
            LedgerEntry.premises_id.in_(ids),
            LedgerEntry.booking_date >= date_from,
            LedgerEntry.booking_date <= date_to,
        )
        .order_by(LedgerEntry.premises_id, LedgerEntry.booking_date, LedgerEntry.id)
    )
    for entry_id, pid, booked, due, kind, title, amount, source, document_id, corrects in entries:
        running[pid] += amount
        rows[pid].append(
            ledger.EntryRow(
                id=entry_id,
                premises_id=pid,
                booking_date=booked,
                due_date=due,
                kind=kind,
                title=title,
                amount=amount,
                charge=amount if amount > 0 else ZERO,
                payment=-amount if amount < 0 else ZERO,
                running_balance=running[pid],
                source=source,
                document_id=document_id,
                corrects_entry_id=corrects,
            )
        )
    settings = get_settings(ctx)
    holders = holders_in_period(ctx, ids, date_from, date_to)
    now = ctx.now()
    documents = []
    for pid in ids:
        lines = rows[pid]
        total_charges = sum((row.charge for row in lines), ZERO)
        total_payments = sum((row.payment for row in lines), ZERO)
        start = opening.get(pid, ZERO)
        closing = start + total_charges - total_payments
        statement = ledger.Statement(
            premises_id=pid,
            date_from=date_from,
            date_to=date_to,
            opening_balance=start,
            entries=tuple(lines),
            total_charges=total_charges,
            total_payments=total_payments,
            closing_balance=closing,
            # The very FIFO of a single statement (ledger's own helper, so the two cannot drift
            # apart); it reads rows only for premises that owe, and only the newest ones.
            overdue=ledger.overdue_breakdown(ctx, pid, date_to, closing),
            as_of=now,
        )
        p = premises[pid]
        documents.append(_document(settings, p, p.building, holders.get(pid, ()), statement))
    return documents


def record_statement_output(
    ctx: ServiceContext,
    premises_id: int,
    date_from: date,
    date_to: date,
    *,
    action: str,
    personal: bool,
    copies: int = 1,
) -> None:
    """Write ``statement.print`` or ``statement.save`` to the audit log: who, which premises, which period."""
    if action not in OUTPUT_ACTIONS:
        raise ValueError(f"action must be one of {OUTPUT_ACTIONS}, not {action!r}")
    if not 1 <= copies <= MAX_COPIES:
        raise ValidationError(f"Liczba kopii: od 1 do {MAX_COPIES}.", field="copies")
    if ctx.actor.kind is not ActorKind.SYSTEM:
        require_premises_access(ctx, premises_id)
    audit.record(
        ctx,
        f"statement.{action}",
        entity_type="premises",
        entity_id=premises_id,
        premises_id=premises_id,
        details={
            "date_from": date_from,
            "date_to": date_to,
            "variant": "personal" if personal else "anonymous",
            "copies": copies,
        },
    )


def premises_for_batch(
    ctx: ServiceContext,
    *,
    building_id: int | None = None,
    estate_id: int | None = None,
    arrears_only: bool = False,
    as_of: date,
) -> list[int]:
    """Premises ids of a batch run in premises-code order: all, one estate or one building.

    ``arrears_only`` keeps the premises whose balance of everything booked up to ``as_of`` is above
    zero, computed for all of them in one grouped query.
    """
    ctx.require_staff_or_system()
    query = select(Premises.id).order_by(Premises.code)
    if building_id is not None:
        query = query.where(Premises.building_id == building_id)
    if estate_id is not None:
        query = query.join(Building, Building.id == Premises.building_id).where(Building.estate_id == estate_id)
    if arrears_only:
        debtors = (
            select(LedgerEntry.premises_id)
            .where(LedgerEntry.booking_date <= as_of)
            .group_by(LedgerEntry.premises_id)
            .having(func.sum(LedgerEntry.amount) > ZERO)
        )
        query = query.where(Premises.id.in_(debtors))
    return list(ctx.session.scalars(query))


def batch_scope(
    ctx: ServiceContext, *, building_code: str | None, estate_code: str | None
) -> tuple[int | None, int | None]:
    """The building and estate ids a batch run is limited to, from the codes a clerk types."""
    ctx.require_staff_or_system()
    building_id = estate_id = None
    if building_code:
        building_id = ctx.session.scalar(select(Building.id).where(Building.code == building_code.strip()))
        if building_id is None:
            raise NotFoundError(f"Nie ma budynku o kodzie {building_code}.")
    if estate_code:
        estate_id = ctx.session.scalar(select(Estate.id).where(Estate.code == estate_code.strip()))
        if estate_id is None:
            raise NotFoundError(f"Nie ma osiedla o kodzie {estate_code}.")
    return building_id, estate_id
