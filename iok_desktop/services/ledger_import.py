"""Importing ledger entries (charges, payments, corrections) from the accounting program's CSV file.

File format
-----------
* Text as Polish accounting programs write it: fields separated by a semicolon ``;`` (may be quoted
  "…"), the first line a header naming the columns in any order (case, spaces and Polish letters do
  not matter: ``Data księgowania``, ``data_ksiegowania`` and ``DATA KSIEGOWANIA`` are one column)::

      numer_lokalu;data_ksiegowania;termin_platnosci;rodzaj;tytul;kwota;numer_dokumentu
      01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty za lokal 11/2026;1 234,56;NAL/2026/11/0012
      01-005-012;2026-11-08;;wpłata;Wpłata — przelew;1234.56;WB/2026/11/0456

  - ``numer_lokalu`` (or ``nr_lokalu``, ``kod_lokalu``, ``lokal``) — the premises number the
    accounting system uses (the premises code in the registry);
  - ``data_ksiegowania`` (``data_operacji``, ``data``) — the booking date;
  - ``termin_platnosci`` (``termin``, ``data_wymagalnosci``) — when a charge falls due: required
    for a charge, optional for a correction (without it the correction is due on its booking date),
    ignored for a payment (payments have no due date);
  - ``rodzaj`` (``typ``, ``rodzaj_operacji``) — ``naliczenie`` (also ``N``, ``obciążenie``,
    ``należność``, ``charge``), ``wpłata`` (``W``, ``zapłata``, ``uznanie``, ``payment``) or
    ``korekta`` (``K``, ``correction``);
  - ``tytul`` (``opis``, ``tresc``) — the title the resident reads on the statement;
  - ``kwota`` (``wartosc``) — the amount with a decimal comma or dot, thousands may be separated
    by spaces (``1 234,56``), two decimal places at most. A charge and a payment are written as
    positive amounts, as the accounting program shows them (a payment lowers the debt); a
    correction is signed: positive raises what the resident owes, negative lowers it;
  - ``numer_dokumentu`` (``nr_dokumentu``, ``dokument``) — the accounting program's document
    number, required: it is what makes a second import of the same row harmless.

  Dates are ``DD.MM.RRRR`` or ``RRRR-MM-DD``. Other columns are ignored, empty lines skipped.
* Encoding: UTF-8 (with or without a BOM) or Windows-1250, recognised by itself (the file is decoded
  strictly as UTF-8 first, then as Windows-1250).

What happens
------------
* A file that cannot be read — missing, binary (NUL bytes), in another encoding, without the header
  columns — imports nothing and says why (``ValidationError`` with ``field="file"``). The whole
  file is checked before anything is written.
* Every row is then validated and posted through the ledger's own posting code (``ledger._post``:
  the same entry, running balance and ``ledger.<kind>`` audit entry as a posting at the desk),
  with ``source = "import"``. A row that breaks a rule is not posted and is reported with its line
  number (the header is line 1) and the Polish reason; the other rows are posted.
* Importing the same file again posts nothing twice: a row whose document number was already
  imported with the same premises, kind, amount and booking date is counted as "already imported"
  (not an error). The same document number with different data is rejected: that is a mistake in
  the accounting system the clerk must look at.
* Rows go in transactions of ``CHUNK_ROWS`` rows, read from the file as they are needed (a file
  of 100,000 rows is never held in memory). A stopped import keeps the chunks already committed;
  importing the file again adds only what is missing. One ``ledger.import`` audit entry sums up
  each import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from iok_desktop.db.models import LedgerEntry, Premises
from iok_desktop.domain.dates import format_date, parse_date
from iok_desktop.domain.enums import LedgerKind
from iok_desktop.domain.errors import DomainError, ValidationError
from iok_desktop.domain.language import core_text, localize
from iok_desktop.domain.money import ZERO, format_money, parse_money
from iok_desktop.domain.text import clean_line
from iok_desktop.services import audit, csv_files, ledger
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor, ServiceContext
from iok_desktop.services.csv_files import (
    SEPARATOR,
    FileCheck,
    find_columns,
    header_key,
    separator_hint,
    shown,
    unreadable,
)

CHUNK_ROWS = 500
MAX_REPORTED = 10_000
SOURCE = "import"  # the accounting system's document numbers live under this source in the ledger

_COLUMNS = {
    "premises": ("numer_lokalu", "nr_lokalu", "kod_lokalu", "lokal"),
    "booking_date": ("data_ksiegowania", "data_operacji", "data"),
    "due_date": ("termin_platnosci", "termin", "data_wymagalnosci", "termin_zaplaty"),
    "kind": ("rodzaj", "typ", "rodzaj_operacji", "rodzaj_zapisu"),
    "title": ("tytul", "opis", "tresc"),
    "amount": ("kwota", "wartosc", "kwota_zl"),
    "document_id": ("numer_dokumentu", "nr_dokumentu", "dokument", "nr_dok", "id_dokumentu"),
}
HEADER = "numer_lokalu;data_ksiegowania;termin_platnosci;rodzaj;tytul;kwota;numer_dokumentu"
_KINDS: dict[str, LedgerKind] = {
    **dict.fromkeys(("naliczenie", "n", "nal", "obciazenie", "naleznosc", "charge"), LedgerKind.CHARGE),
    **dict.fromkeys(("wplata", "w", "wpl", "zaplata", "uznanie", "payment"), LedgerKind.PAYMENT),
    **dict.fromkeys(("korekta", "k", "kor", "correction"), LedgerKind.CORRECTION),
}
# Thousands separators Excel and accounting programs write: space, no-break space, narrow no-break space.
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2007")


# --- Reading the file (no database) ---------------------------------------------------------------


@dataclass(frozen=True)
class ParsedRow:
    line: int
    premises_code: str
    document_id: str
    kind: LedgerKind | None = None
    booking_date: date | None = None
    due_date: date | None = None
    title: str = ""
    amount: Decimal = ZERO  # signed as the ledger stores it (a payment is negative)
    problem: str | None = None  # why the row cannot be posted, found without the database


def _key(text: str) -> str:
    return header_key(text).replace(".", "")


def _columns(header: list[str]) -> dict[str, int]:
    names = [_key(cell) for cell in header]
    found = find_columns(names, _COLUMNS)
    missing = [_COLUMNS[key][0] for key in _COLUMNS if key not in found]
    if missing:
        header_text = shown(SEPARATOR.join(cell.strip() for cell in header), 160)
        hint = separator_hint(header)
        raise unreadable(
            f"Pierwszy wiersz pliku musi być nagłówkiem z nazwami kolumn. Brakuje: {', '.join(missing)}. "
            f"Znaleziono: „{header_text}”.{hint}"
        )
    return found


def check_file(path: str | Path) -> FileCheck:
    """First pass: can the file be read as a ledger CSV? Raises ``ValidationError(field="file")``."""
    return csv_files.check_file(path, _columns)


def _date(text: str, label: str) -> date:
    try:
        return parse_date(text)
    except ValidationError as error:
        if error.polish.startswith("Data "):  # "Data 31.02.2026 nie istnieje w kalendarzu."
            raise ValidationError(f"{label} {error.polish[5:]}") from error
        raise ValidationError(f"{label} „{shown(text)}” — podaj datę w postaci DD.MM.RRRR lub RRRR-MM-DD.") from error


def _amount(text: str, kind: LedgerKind) -> Decimal:
    try:
        value = parse_money(text.translate(_SPACES))
    except ValidationError as error:
        raise ValidationError(f"{error.polish} W pliku: „{shown(text)}”.") from error
    if kind is LedgerKind.CHARGE:
        if value <= 0:
            raise ValidationError("Kwota naliczenia musi być większa od zera. Obniżkę zaksięguj jako korektę.")
        return value
    if kind is LedgerKind.PAYMENT:
        if value <= 0:
            raise ValidationError(
                "Kwota wpłaty musi być większa od zera (wpłata zmniejsza należność). Zwrot nadpłaty zaksięguj "
                "jako korektę."
            )
        return -value
    if value == 0:
        raise ValidationError("Kwota korekty nie może być zerowa.")
    return value


def parse_row(line: int, record: list[str], columns: dict[str, int]) -> ParsedRow:
    """One data row, checked as far as it can be without the database."""

    def cell(key: str) -> str:
        position = columns[key]
        return record[position].strip() if position < len(record) else ""

    code = clean_line(cell("premises"), max_length=40)
    document_text = cell("document_id")
    document_id = clean_line(document_text, max_length=ledger.MAX_DOCUMENT_ID)

    def refused(problem: str) -> ParsedRow:
        return ParsedRow(line, code, document_id, problem=localize(problem))

    needed = max(columns.values()) + 1
    if len(record) < needed:
        return refused(f"Za mało kolumn ({len(record)} zamiast {needed}) — czy separatorem jest średnik?")
    if not code:
        return refused("Brak numeru lokalu.")
    kind_text = cell("kind")
    kind = _KINDS.get(_key(kind_text))
    if kind is None:
        quoted = f"„{shown(kind_text)}”" if kind_text else core_text("(pusty)")
        return refused(f"Nieznany rodzaj zapisu {quoted} — użyj: naliczenie, wpłata lub korekta.")
    try:
        if not document_text:
            raise ValidationError("Brak numeru dokumentu — bez niego ponowny import zaksięgowałby wiersz drugi raz.")
        checked_document = ledger._document_id(document_text)  # the ledger's own rule
        booking_text = cell("booking_date")
        if not booking_text:
            raise ValidationError("Brak daty księgowania.")
        booking_date = _date(booking_text, core_text("Data księgowania"))
        due_text = cell("due_date")
        due_date = None
        if kind is not LedgerKind.PAYMENT and due_text:
            due_date = _date(due_text, core_text("Termin płatności"))
        if kind is LedgerKind.CHARGE and due_date is None:
            raise ValidationError("Brak terminu płatności naliczenia.")
        title_text = cell("title")
        if not clean_line(title_text, max_length=1):
            raise ValidationError("Brak tytułu wpisu.")
        title = ledger._title(title_text)
        amount_text = cell("amount")
        if not amount_text:
            raise ValidationError("Brak kwoty.")
        amount = _amount(amount_text, kind)
    except ValidationError as error:
        return ParsedRow(line, code, document_id, kind=kind, problem=error.message)
    assert checked_document is not None  # noqa: S101 - an empty number was refused above
    return ParsedRow(line, code, checked_document, kind, booking_date, due_date, title, amount)


def read_rows(path: str | Path, check: FileCheck) -> Iterator[ParsedRow]:
    """Second pass: the data rows, one at a time (the file is never held in memory)."""
    for line, record in csv_files.data_records(path, check):
        yield parse_row(line, record, check.columns)


# --- Posting rows (the database) -------------------------------------------------------------------


@dataclass(frozen=True)
class RowOutcome:
    line: int
    premises_code: str
    document_id: str
    kind: LedgerKind | None = None
    amount: Decimal = ZERO  # signed, as posted
    created: bool = False
    already_imported: bool = False
    reason: str | None = None  # set when the row was rejected


@dataclass(frozen=True)
class _Posted:
    """An entry already in the ledger under a document number of the accounting system."""

    premises_code: str
    kind: LedgerKind
    amount: Decimal
    booking_date: date

    def describe(self) -> str:
        return core_text(
            f"lokal {self.premises_code}, {self.kind.label} {format_money(abs(self.amount))}, "
            f"data księgowania {format_date(self.booking_date)}"
        )


def _premises_ids(ctx: ServiceContext, codes: set[str]) -> dict[str, int]:
    """Premises ids by code for one chunk (a code is also found when written in lower case)."""
    wanted = codes | {code.upper() for code in codes}
    if not wanted:
        return {}
    return {
        code: premises_id
        for premises_id, code in ctx.session.execute(
            select(Premises.id, Premises.code).where(Premises.code.in_(sorted(wanted)))
        )
    }


def _already_posted(ctx: ServiceContext, document_ids: set[str]) -> dict[str, _Posted]:
    if not document_ids:
        return {}
    query = (
        select(LedgerEntry.document_id, Premises.code, LedgerEntry.kind, LedgerEntry.amount, LedgerEntry.booking_date)
        .join(Premises, Premises.id == LedgerEntry.premises_id)
        .where(LedgerEntry.source == SOURCE, LedgerEntry.document_id.in_(sorted(document_ids)))
    )
    return {
        document_id: _Posted(code, kind, amount, booking_date)
        for document_id, code, kind, amount, booking_date in ctx.session.execute(query)
        if document_id is not None
    }


def import_rows(ctx: ServiceContext, rows: list[ParsedRow]) -> list[RowOutcome]:
    """Post one chunk of parsed rows (the caller's transaction commits the chunk)."""
    ctx.require_staff_or_system()
    valid = [row for row in rows if row.problem is None]
    premises = _premises_ids(ctx, {row.premises_code for row in valid})
    posted = _already_posted(ctx, {row.document_id for row in valid})
    outcomes = []
    for row in rows:
        base = RowOutcome(row.line, row.premises_code, row.document_id, row.kind, row.amount)
        if row.problem is not None or row.kind is None or row.booking_date is None:
            outcomes.append(replace(base, reason=row.problem or localize("Wiersz niekompletny.")))
            continue
        code = row.premises_code if row.premises_code in premises else row.premises_code.upper()
        premises_id = premises.get(code)
        if premises_id is None:
            outcomes.append(replace(base, reason=localize(f"Nie ma w ewidencji lokalu o numerze {row.premises_code}.")))
            continue
        this = _Posted(code, row.kind, row.amount, row.booking_date)
        earlier = posted.get(row.document_id)
        if earlier is not None:
            outcomes.append(_seen_before(base, this, earlier))
            continue
        try:
            ledger._check_booking_date(ctx, row.booking_date)  # the ledger's own rule
            ledger._post(  # the ledger's posting code, with the import's source
                ctx,
                premises_id,
                kind=row.kind,
                amount=row.amount,
                booking_date=row.booking_date,
                due_date=row.due_date,
                title=row.title,
                source=SOURCE,
                document_id=row.document_id,
                corrects_entry_id=None,
            )
        except DomainError as error:
            # Another desk may have imported the same document since this chunk looked.
            raced = _already_posted(ctx, {row.document_id}) if error.field == "document_id" else {}
            if row.document_id in raced:
                outcomes.append(_seen_before(base, this, raced[row.document_id]))
            else:
                outcomes.append(replace(base, reason=error.message))
            continue
        posted[row.document_id] = this
        outcomes.append(replace(base, created=True))
    return outcomes


def _seen_before(outcome: RowOutcome, this: _Posted, earlier: _Posted) -> RowOutcome:
    """The same row imported before is harmless; the same number on other data is a mistake."""
    if earlier == this:
        return replace(outcome, already_imported=True)
    return replace(
        outcome,
        reason=localize(
            f"Dokument {outcome.document_id} jest już zaksięgowany z innymi danymi ({earlier.describe()}) — "
            "sprawdź numer dokumentu w programie księgowym."
        ),
    )


@dataclass(frozen=True)
class RejectedRow:
    line: int
    premises_code: str
    document_id: str
    reason: str


@dataclass
class ImportReport:
    file_name: str
    encoding: str
    rows: int = 0  # data rows read
    created: int = 0  # entries posted
    already_imported: int = 0  # the same document was posted by an earlier import: skipped
    rejected_count: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)  # the first MAX_REPORTED of them
    cancelled: bool = False
    # What was posted, by kind: how many entries and their total (payments as positive amounts).
    charges: int = 0
    charges_total: Decimal = ZERO
    payments: int = 0
    payments_total: Decimal = ZERO
    corrections: int = 0
    corrections_total: Decimal = ZERO  # signed: the net change of what residents owe

    def add(self, outcome: RowOutcome) -> None:
        self.rows += 1
        if outcome.reason is not None:
            self.rejected_count += 1
            if len(self.rejected) < MAX_REPORTED:
                self.rejected.append(
                    RejectedRow(outcome.line, outcome.premises_code, outcome.document_id, outcome.reason)
                )
        elif outcome.already_imported:
            self.already_imported += 1
        elif outcome.created:
            self.created += 1
            if outcome.kind is LedgerKind.CHARGE:
                self.charges += 1
                self.charges_total += outcome.amount
            elif outcome.kind is LedgerKind.PAYMENT:
                self.payments += 1
                self.payments_total -= outcome.amount
            else:
                self.corrections += 1
                self.corrections_total += outcome.amount


def record_import(ctx: ServiceContext, report: ImportReport) -> None:
    """One audit entry per imported file (each posted entry has its own ``ledger.<kind>`` entry too)."""
    ctx.require_staff_or_system()
    audit.record(
        ctx,
        "ledger.import",
        details={
            "file": report.file_name,
            "encoding": report.encoding,
            "rows": report.rows,
            "created": report.created,
            "unchanged": report.already_imported,
            "rejected": report.rejected_count,
            "cancelled": report.cancelled,
            "charges": report.charges,
            "charges_total": report.charges_total,
            "payments": report.payments,
            "payments_total": report.payments_total,
            "corrections": report.corrections,
            "corrections_total": report.corrections_total,
        },
    )


Progress = Callable[[int, int], None]


def import_file(
    backend: Backend,
    actor: Actor,
    path: str | Path,
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    chunk_rows: int = CHUNK_ROWS,
) -> ImportReport:
    """Import a ledger CSV as ``actor`` (staff or the system): check the whole file, then one
    transaction per chunk of rows.

    Runs on a worker thread (the GUI's) or a command; ``progress(done, total)`` is called after
    each chunk, ``should_stop()`` is asked before each one (True: stop, keep what is committed).
    """
    path = Path(path)
    check = check_file(path)
    report = ImportReport(path.name, check.encoding_name)
    if progress is not None:
        progress(0, check.rows)
    chunk: list[ParsedRow] = []

    def flush() -> bool:
        """Post the chunk in one transaction; False when the caller asked to stop first."""
        if should_stop is not None and should_stop():
            report.cancelled = True
            return False
        for outcome in backend.call(actor, import_rows, list(chunk)):
            report.add(outcome)
        chunk.clear()
        if progress is not None:
            progress(report.rows, check.rows)
        return True

    for row in read_rows(path, check):
        chunk.append(row)
        if len(chunk) >= chunk_rows and not flush():
            break
    else:
        if chunk:
            flush()
    backend.call(actor, record_import, report)
    return report
