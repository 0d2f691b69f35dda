"""The financial ledger of a premises (kartoteka finansowa lokalu): balances, statements, postings.

Every amount is the signed change of what the resident owes (charge > 0, payment < 0, correction
either way), so a balance is ``SUM(amount)`` computed in SQL. Posted entries are never changed:
a mistake is put right by posting a correction. All queries are per premises and follow the
``(premises_id, booking_date, id)`` index, so they stay fast with millions of entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.exc import IntegrityError

from iok_desktop.db.models import LedgerEntry, Premises
from iok_desktop.domain.dates import format_date
from iok_desktop.domain.enums import ActorKind, LedgerKind
from iok_desktop.domain.errors import NotFoundError, ValidationError
from iok_desktop.domain.money import GROSZ, MAX_AMOUNT, ZERO, balance_label, parse_money
from iok_desktop.domain.text import clean_line
from iok_desktop.services import audit
from iok_desktop.services.access import require_premises_access
from iok_desktop.services.context import ServiceContext

# A clerk may pre-book a known payment or next month's charges, but not a date a year off by a typo.
MAX_DAYS_AHEAD = 31
MAX_TITLE = 200
MAX_DOCUMENT_ID = 60
MAX_SOURCE = 20
MAX_PAGE = 1000

# (booking_date, id): the position of an entry in ledger order, the key of the table pages.
EntryKey = tuple[date, int]


@dataclass(frozen=True)
class EntryRow:
    """One ledger line as a statement or table shows it.

    ``amount`` keeps the stored sign; ``charge`` and ``payment`` are the two columns of a statement,
    both non-negative: whatever raises the debt goes to ``charge``, whatever lowers it to ``payment``.
    ``running_balance`` is the balance after this entry, in (booking date, id) order.
    """

    id: int
    premises_id: int
    booking_date: date
    due_date: date | None
    kind: LedgerKind
    title: str
    amount: Decimal
    charge: Decimal
    payment: Decimal
    running_balance: Decimal
    source: str
    document_id: str | None
    corrects_entry_id: int | None


@dataclass(frozen=True)
class AmountDue:
    premises_id: int
    as_of: date
    # Signed: above zero the resident owes, below zero the resident has paid in advance.
    amount: Decimal
    # "do zapłaty" / "nadpłata" / "rozliczone" and the amount to show next to it (never negative).
    label: str
    display_amount: Decimal


@dataclass(frozen=True)
class OverdueBreakdown:
    """Outstanding debt on ``as_of`` by how long it has been overdue; the parts add up to ``total``."""

    as_of: date
    current: Decimal
    days_1_30: Decimal
    days_31_60: Decimal
    days_61_90: Decimal
    over_90: Decimal

    @property
    def total(self) -> Decimal:
        return self.current + self.days_1_30 + self.days_31_60 + self.days_61_90 + self.over_90


@dataclass(frozen=True)
class Statement:
    premises_id: int
    date_from: date
    date_to: date
    opening_balance: Decimal
    entries: tuple[EntryRow, ...]
    total_charges: Decimal
    total_payments: Decimal
    closing_balance: Decimal
    overdue: OverdueBreakdown
    # When the statement was drawn up (printed on it: later postings may change a past period).
    as_of: datetime


@dataclass(frozen=True)
class EntriesPage:
    rows: tuple[EntryRow, ...]
    # Balance just before the first row of this page.
    opening_balance: Decimal
    # Pass as ``after`` to get the next page; None when this is the last one.
    next_after: EntryKey | None


# --- reading ---------------------------------------------------------------------------------


def _require_premises(ctx: ServiceContext, premises_id: int) -> Premises:
    # The system (imports, batch jobs) acts for the cooperative, like staff.
    if ctx.actor.kind is not ActorKind.SYSTEM:
        # Access first: a resident must not learn even whether another premises id exists.
        require_premises_access(ctx, premises_id)
    premises = ctx.session.get(Premises, premises_id)
    if premises is None:
        raise NotFoundError("Nie ma takiego lokalu.")
    return premises


def _scalar_sum(ctx: ServiceContext, premises_id: int, *conditions: ColumnElement[bool]) -> Decimal:
    value = ctx.session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.amount), ZERO)).where(
            LedgerEntry.premises_id == premises_id, *conditions
        )
    )
    return ZERO if value is None else Decimal(value)


def _key_le(key: EntryKey) -> ColumnElement[bool]:
    """``(booking_date, id) <= key``, spelt out so both engines use the index for it."""
    booking_date, entry_id = key
    return or_(
        LedgerEntry.booking_date < booking_date,
        and_(LedgerEntry.booking_date == booking_date, LedgerEntry.id <= entry_id),
    )


def _key_gt(key: EntryKey) -> ColumnElement[bool]:
    booking_date, entry_id = key
    return or_(
        LedgerEntry.booking_date > booking_date,
        and_(LedgerEntry.booking_date == booking_date, LedgerEntry.id > entry_id),
    )


def _row(entry: LedgerEntry, running_balance: Decimal) -> EntryRow:
    amount = entry.amount
    return EntryRow(
        id=entry.id,
        premises_id=entry.premises_id,
        booking_date=entry.booking_date,
        due_date=entry.due_date,
        kind=entry.kind,
        title=entry.title,
        amount=amount,
        charge=amount if amount > 0 else ZERO,
        payment=-amount if amount < 0 else ZERO,
        running_balance=running_balance,
        source=entry.source,
        document_id=entry.document_id,
        corrects_entry_id=entry.corrects_entry_id,
    )


def _rows(entries: list[LedgerEntry], opening: Decimal) -> list[EntryRow]:
    rows = []
    running = opening
    for entry in entries:
        running += entry.amount
        rows.append(_row(entry, running))
    return rows


def balance_at(ctx: ServiceContext, premises_id: int, as_of: date) -> Decimal:
    """Balance after everything booked on or before ``as_of`` (due dates do not matter here)."""
    _require_premises(ctx, premises_id)
    return _scalar_sum(ctx, premises_id, LedgerEntry.booking_date <= as_of)


def amount_due(ctx: ServiceContext, premises_id: int) -> AmountDue:
    """What the resident has to pay today: the figure residents look for first.

    The rule, with ``today`` the office's calendar day:

    * charges and corrections (of either sign) count once they are due: their ``due_date``, or
      their ``booking_date`` when they have none, is on or before today;
    * payments count once booked, i.e. ``booking_date`` on or before today;
    * nothing booked after today counts, whatever its due date.

    So next month's charges already on the ledger do not make the resident a debtor, while an
    advance payment already lowers what is due. A negative result is an overpayment (nadpłata).
    """
    _require_premises(ctx, premises_id)
    today = ctx.today()
    due_on = func.coalesce(LedgerEntry.due_date, LedgerEntry.booking_date)
    amount = _scalar_sum(
        ctx,
        premises_id,
        LedgerEntry.booking_date <= today,
        or_(LedgerEntry.kind == LedgerKind.PAYMENT, due_on <= today),
    )
    return AmountDue(
        premises_id=premises_id,
        as_of=today,
        amount=amount,
        label=balance_label(amount),
        display_amount=abs(amount),
    )


def overdue_breakdown(ctx: ServiceContext, premises_id: int, as_of: date, balance: Decimal) -> OverdueBreakdown:
    """Split the debt on ``as_of`` by age, payments and credits settling the oldest charges first.

    FIFO: every entry that raised the debt (charges, positive corrections) is a debit falling due on
    its ``due_date`` (or ``booking_date``); every payment and negative correction is a credit that
    settles debits in due-date order (then booking date, then id), whenever it was paid. What stays
    unpaid is therefore the newest debits adding up to the balance, so they are read newest first
    and only until the balance is covered: usually a handful of rows, not the whole history.
    A debit due on ``as_of`` itself is not overdue yet ("current"); an overpaid or settled ledger
    has no overdue debt at all.
    """
    parts = {"current": ZERO, "1_30": ZERO, "31_60": ZERO, "61_90": ZERO, "over_90": ZERO}
    remaining = balance
    if remaining > 0:
        due_on = func.coalesce(LedgerEntry.due_date, LedgerEntry.booking_date)
        debits = (
            select(LedgerEntry.amount, due_on)
            .where(
                LedgerEntry.premises_id == premises_id,
                LedgerEntry.booking_date <= as_of,
                LedgerEntry.amount > ZERO,
            )
            .order_by(due_on.desc(), LedgerEntry.booking_date.desc(), LedgerEntry.id.desc())
            .execution_options(yield_per=64)
        )
        result = ctx.session.execute(debits)
        try:
            for amount, due in result:
                unpaid = min(amount, remaining)
                parts[_bucket((as_of - due).days)] += unpaid
                remaining -= unpaid
                if remaining <= 0:
                    break
        finally:
            result.close()
    return OverdueBreakdown(
        as_of=as_of,
        current=parts["current"],
        days_1_30=parts["1_30"],
        days_31_60=parts["31_60"],
        days_61_90=parts["61_90"],
        over_90=parts["over_90"],
    )


def _bucket(days_overdue: int) -> str:
    if days_overdue <= 0:
        return "current"
    if days_overdue <= 30:
        return "1_30"
    if days_overdue <= 60:
        return "31_60"
    if days_overdue <= 90:
        return "61_90"
    return "over_90"


def statement(ctx: ServiceContext, premises_id: int, date_from: date, date_to: date) -> Statement:
    """Everything booked from ``date_from`` to ``date_to`` (inclusive), with the balance carried in.

    The opening balance is everything booked before ``date_from``, so the running balance and the
    closing balance are the real ones, not ones that pretend the ledger started with the period.
    """
    _require_premises(ctx, premises_id)
    if date_from > date_to:
        raise ValidationError("Data początkowa okresu nie może być późniejsza niż końcowa.", field="date_from")
    opening = _scalar_sum(ctx, premises_id, LedgerEntry.booking_date < date_from)
    entries = ctx.session.scalars(
        select(LedgerEntry)
        .where(
            LedgerEntry.premises_id == premises_id,
            LedgerEntry.booking_date >= date_from,
            LedgerEntry.booking_date <= date_to,
        )
        .order_by(LedgerEntry.booking_date, LedgerEntry.id)
    ).all()
    rows = _rows(list(entries), opening)
    total_charges = sum((row.charge for row in rows), ZERO)
    total_payments = sum((row.payment for row in rows), ZERO)
    closing = opening + total_charges - total_payments
    return Statement(
        premises_id=premises_id,
        date_from=date_from,
        date_to=date_to,
        opening_balance=opening,
        entries=tuple(rows),
        total_charges=total_charges,
        total_payments=total_payments,
        closing_balance=closing,
        overdue=overdue_breakdown(ctx, premises_id, date_to, closing),
        as_of=ctx.now(),
    )


def entries_page(
    ctx: ServiceContext,
    premises_id: int,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    after: EntryKey | None = None,
    limit: int = 200,
) -> EntriesPage:
    """One page of the ledger table in (booking date, id) order, each row with its running balance.

    ``after`` is the (booking_date, id) of the last row already shown (``next_after`` of the
    previous page). Two queries: one SUM for the balance before the page, one for the page itself.
    """
    _require_premises(ctx, premises_id)
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"Na stronie może być od 1 do {MAX_PAGE} wierszy.", field="limit")
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ValidationError("Data początkowa okresu nie może być późniejsza niż końcowa.", field="date_from")

    # Everything that sorts before the page's first row: before the period, or already shown.
    before_page: list[ColumnElement[bool]] = []
    in_page: list[ColumnElement[bool]] = []
    if date_from is not None:
        before_page.append(LedgerEntry.booking_date < date_from)
        in_page.append(LedgerEntry.booking_date >= date_from)
    if after is not None:
        before_page.append(_key_le(after))
        in_page.append(_key_gt(after))
    if date_to is not None:
        in_page.append(LedgerEntry.booking_date <= date_to)
    opening = _scalar_sum(ctx, premises_id, or_(*before_page)) if before_page else ZERO

    entries = list(
        ctx.session.scalars(
            select(LedgerEntry)
            .where(LedgerEntry.premises_id == premises_id, *in_page)
            .order_by(LedgerEntry.booking_date, LedgerEntry.id)
            .limit(limit + 1)
        )
    )
    has_more = len(entries) > limit
    rows = _rows(entries[:limit], opening)
    next_after = (rows[-1].booking_date, rows[-1].id) if has_more else None
    return EntriesPage(rows=tuple(rows), opening_balance=opening, next_after=next_after)


# --- posting ---------------------------------------------------------------------------------


def _title(text: str) -> str:
    title = clean_line(text, max_length=MAX_TITLE + 1)
    if not title:
        raise ValidationError("Podaj tytuł wpisu.", field="title")
    if len(title) > MAX_TITLE:
        raise ValidationError(f"Tytuł wpisu może mieć najwyżej {MAX_TITLE} znaków.", field="title")
    return title


def _document_id(text: str | None) -> str | None:
    document_id = clean_line(text, max_length=MAX_DOCUMENT_ID + 1)
    if len(document_id) > MAX_DOCUMENT_ID:
        # Not truncated: two long numbers sharing a prefix would then look like one document.
        raise ValidationError(f"Numer dokumentu może mieć najwyżej {MAX_DOCUMENT_ID} znaków.", field="document_id")
    return document_id or None


def _check_booking_date(ctx: ServiceContext, booking_date: date) -> None:
    latest = ctx.today() + timedelta(days=MAX_DAYS_AHEAD)
    if booking_date > latest:
        raise ValidationError(
            f"Data księgowania może być najpóźniej {MAX_DAYS_AHEAD} dni od dziś ({format_date(latest)}). Sprawdź datę.",
            field="booking_date",
        )


def _exact_amount(value: Decimal | str) -> Decimal:
    if isinstance(value, str):
        return parse_money(value, field="amount")
    if not value.is_finite():
        raise ValidationError("Kwota nie jest liczbą.", field="amount")
    # Size first: quantizing a huge value would overflow the decimal context instead of refusing it.
    if abs(value) > MAX_AMOUNT:
        raise ValidationError("Kwota jest za duża.", field="amount")
    if value != value.quantize(GROSZ):
        raise ValidationError("Kwota musi mieć najwyżej dwa miejsca po przecinku.", field="amount")
    return value.quantize(GROSZ)


def _duplicate(document_id: str) -> ValidationError:
    return ValidationError(
        f"Dokument o numerze {document_id} jest już zaksięgowany. Sprawdź numer dokumentu — "
        "tego samego dokumentu nie można zaksięgować dwa razy.",
        field="document_id",
    )


def _post(
    ctx: ServiceContext,
    premises_id: int,
    *,
    kind: LedgerKind,
    amount: Decimal,
    booking_date: date,
    due_date: date | None,
    title: str,
    source: str,
    document_id: str | None,
    corrects_entry_id: int | None,
) -> EntryRow:
    if document_id is not None:
        # The friendly check; the unique constraint below still guards against a concurrent twin.
        taken = ctx.session.scalar(
            select(LedgerEntry.id).where(LedgerEntry.source == source, LedgerEntry.document_id == document_id)
        )
        if taken is not None:
            raise _duplicate(document_id)
    entry = LedgerEntry(
        premises_id=premises_id,
        booking_date=booking_date,
        due_date=due_date,
        kind=kind,
        title=title,
        amount=amount,
        source=source,
        document_id=document_id,
        corrects_entry_id=corrects_entry_id,
        created_at=ctx.now(),
        created_by_staff_id=ctx.actor.id if ctx.actor.is_staff else None,
    )
    try:
        # A savepoint, so a lost race rolls back only this insert, not the caller's transaction.
        with ctx.session.begin_nested():
            ctx.session.add(entry)
            ctx.session.flush()
    except IntegrityError as exc:
        if document_id is None:
            raise
        raise _duplicate(document_id) from exc

    running = _scalar_sum(ctx, premises_id, _key_le((entry.booking_date, entry.id)))
    row = _row(entry, running)
    audit.record(
        ctx,
        f"ledger.{kind.value}",
        entity_type="ledger_entry",
        entity_id=entry.id,
        premises_id=premises_id,
        details={
            "old": None,
            "new": {
                "kind": kind,
                "amount": amount,
                "booking_date": booking_date,
                "due_date": due_date,
                "title": title,
                "source": source,
                "document_id": document_id,
                "corrects_entry_id": corrects_entry_id,
            },
        },
    )
    return row


def post_payment(
    ctx: ServiceContext,
    premises_id: int,
    *,
    amount_text: str,
    booking_date: date,
    title: str,
    document_id: str | None = None,
) -> EntryRow:
    """Book a payment (staff only). The clerk types a positive amount; it is stored negative."""
    ctx.require_staff()
    _require_premises(ctx, premises_id)
    amount = parse_money(amount_text, field="amount")
    if amount <= 0:
        raise ValidationError(
            "Kwota wpłaty musi być większa od zera. Zwrot nadpłaty zaksięguj jako korektę.", field="amount"
        )
    _check_booking_date(ctx, booking_date)
    return _post(
        ctx,
        premises_id,
        kind=LedgerKind.PAYMENT,
        amount=-amount,
        booking_date=booking_date,
        due_date=None,
        title=_title(title),
        source="clerk",
        document_id=_document_id(document_id),
        corrects_entry_id=None,
    )


def post_correction(
    ctx: ServiceContext,
    premises_id: int,
    *,
    amount_text: str,
    booking_date: date,
    due_date: date | None,
    title: str,
    corrects_entry_id: int | None,
    document_id: str | None = None,
) -> EntryRow:
    """Book a correction (staff only): positive raises the debt, negative lowers it; never zero."""
    ctx.require_staff()
    _require_premises(ctx, premises_id)
    amount = parse_money(amount_text, field="amount")
    if amount == 0:
        raise ValidationError(
            "Kwota korekty nie może być zerowa: wpisz kwotę dodatnią (zwiększa należność) "
            "lub ujemną (zmniejsza należność).",
            field="amount",
        )
    _check_booking_date(ctx, booking_date)
    if corrects_entry_id is not None:
        corrected = ctx.session.get(LedgerEntry, corrects_entry_id)
        if corrected is None or corrected.premises_id != premises_id:
            raise ValidationError(
                "Korygowany wpis nie istnieje w kartotece tego lokalu. Wybierz wpis z tej kartoteki.",
                field="corrects_entry_id",
            )
    return _post(
        ctx,
        premises_id,
        kind=LedgerKind.CORRECTION,
        amount=amount,
        booking_date=booking_date,
        due_date=due_date,
        title=_title(title),
        source="clerk",
        document_id=_document_id(document_id),
        corrects_entry_id=corrects_entry_id,
    )


def post_charge(
    ctx: ServiceContext,
    premises_id: int,
    *,
    amount: Decimal | str,
    booking_date: date,
    due_date: date | None,
    title: str,
    document_id: str | None = None,
    source: str | None = None,
) -> EntryRow:
    """Book a charge (naliczenie) by a clerk or an import; the amount must be above zero.

    ``amount`` is a ``Decimal`` (imports) or text as a clerk types it. ``source`` names the system
    the document number belongs to; it defaults to "clerk" for staff and "import" for the system.
    """
    ctx.require_staff_or_system()
    _require_premises(ctx, premises_id)
    value = _exact_amount(amount)
    if value <= 0:
        raise ValidationError(
            "Kwota naliczenia musi być większa od zera. Obniżkę zaksięguj jako korektę.", field="amount"
        )
    _check_booking_date(ctx, booking_date)
    source_code = clean_line(source, max_length=MAX_SOURCE + 1) or ("clerk" if ctx.actor.is_staff else "import")
    if len(source_code) > MAX_SOURCE:
        raise ValidationError(f"Nazwa źródła może mieć najwyżej {MAX_SOURCE} znaków.", field="source")
    return _post(
        ctx,
        premises_id,
        kind=LedgerKind.CHARGE,
        amount=value,
        booking_date=booking_date,
        due_date=due_date,
        title=_title(title),
        source=source_code,
        document_id=_document_id(document_id),
        corrects_entry_id=None,
    )
