"""Load: residents and clerks working at once on one PostgreSQL, then a check that nothing was lost.

    python -m benchmarks.load                  # 60 s, 6 resident and 4 clerk processes
    python -m benchmarks.load --seconds 20     # a quick look

It starts a throwaway PostgreSQL cluster on the loopback interface (``tests.support.postgres``, as the
test suite does), fills it with the demo cooperative at a small scale, opens the reading window for
every building, and runs separate processes until the time is up:

* residents (``--residents``, 6): each owns a set of meters (no meter belongs to two processes) and,
  through the services as that meter's resident, submits a reading for today, or edits or deletes
  its pending one with the version it read a moment before;
* clerks (``--clerks``, 4): each reads a page of the approval queue, waits a moment as a clerk would,
  approves or rejects a random handful of it in bulk with the versions it saw, and posts payments.

Every process counts its operations, the refusals that are the point of the design (a conflict:
someone else approved, rejected or changed the reading first) and any other error. Afterwards the
database is checked: no lost update (each reading's version is its starting version plus the changes
the audit log records for it), no reading approved twice, no approved reading changed after its
approval, ledger balances equal to the sum of their entries and to the balance before plus the
payments the clerks reported, one audit entry per reported change, and no unexpected error. The
exit code is 1 when a check fails. Nothing but the loopback PostgreSQL is contacted; every loop ends
by itself at the deadline.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select, text, update

from iok_desktop.db import migrate
from iok_desktop.db.database import Database
from iok_desktop.db.models import (
    AuditEntry,
    LegalTitle,
    Meter,
    MeterReading,
    Premises,
    ReadingWindow,
    ResidentAccount,
    StaffUser,
)
from iok_desktop.demo import generate_demo
from iok_desktop.domain.dates import office_today, utc_now
from iok_desktop.domain.enums import AccountStatus, ReadingStatus, StaffRole, WindowFrequency
from iok_desktop.domain.errors import ConflictError, ValidationError
from iok_desktop.domain.readings import WindowRule, window_containing
from iok_desktop.services import ledger, readings, settings
from iok_desktop.services.access import title_is_current
from iok_desktop.services.context import SYSTEM, ServiceContext, resident_actor, staff_actor
from iok_desktop.services.readings.review import reject_readings
from tests.support.postgres import PostgresCluster  # the tests' throwaway cluster: a developer's tool

READING_ACTIONS = ("reading.submit", "reading.edit", "reading.delete", "reading.approve", "reading.reject")
COUNTED_ACTIONS = (*READING_ACTIONS, "ledger.payment")
START_DELAY = 8.0  # seconds for the spawned processes to import the application before the clock starts


# --- the worker processes ---------------------------------------------------------------------------


@dataclass
class Spec:
    role: str  # "resident" or "clerk"
    index: int
    url: str
    start_at: float  # time.time() when to begin
    deadline: float  # time.time() when to stop starting new operations
    # residents: (account id, login, meter id, decimal places); clerks: (staff id, login, role value)
    residents: list[tuple[int, str, int, int]] = field(default_factory=list)
    clerk: tuple[int, str, str] | None = None
    premises: list[int] = field(default_factory=list)


@dataclass
class Report:
    role: str
    index: int
    operations: Counter[str] = field(default_factory=Counter)
    successes: Counter[str] = field(default_factory=Counter)
    conflicts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    # premises id -> total paid (a positive amount, as typed), for the ledger check
    paid: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))


def _error(report: Report, what: str, error: BaseException) -> None:
    report.error_count += 1
    if len(report.errors) < 10:
        report.errors.append(f"{what}: {type(error).__name__}: {error}")


def _resident_step(
    database: Database, report: Report, rng: random.Random, item: tuple[int, str, int, int], done: set[int]
) -> None:
    account_id, login, meter_id, places = item
    actor = resident_actor(account_id, login, workstation=f"load-resident-{report.index}")
    today = office_today(utc_now())
    quantum = Decimal(1).scaleb(-places)
    with database.session() as s:
        top = s.scalar(select(func.max(MeterReading.value)).where(MeterReading.meter_id == meter_id))
        accepted_today = s.scalar(
            select(func.count()).where(
                MeterReading.meter_id == meter_id,
                MeterReading.reading_date == today,
                MeterReading.status == ReadingStatus.ACCEPTED,
            )
        )
        mine = s.execute(
            select(MeterReading.id, MeterReading.version, MeterReading.value).where(
                MeterReading.meter_id == meter_id,
                MeterReading.status == ReadingStatus.PENDING,
                MeterReading.submitted_by_account_id == account_id,
            )
        ).first()
        s.rollback()
    if accepted_today and mine is None:
        # Today's reading of this meter is accepted: a resident has nothing more to report on it today.
        done.add(meter_id)
        return
    step = (Decimal(rng.randint(1, 400)) / 100).quantize(quantum) or quantum
    value = (Decimal(top or 0) + step).quantize(quantum)
    time.sleep(rng.uniform(0, 0.02))  # the resident looks at the screen; a clerk may act meanwhile
    kind = "submit" if mine is None else "edit" if rng.random() < 0.6 else "delete"
    report.operations[kind] += 1
    started = time.perf_counter()
    try:

        def work(session: Any) -> bool:
            ctx = ServiceContext(session, actor)
            if kind == "submit":
                return readings.submit_reading(ctx, meter_id, str(value), today).created
            assert mine is not None
            if kind == "edit":
                readings.edit_reading(ctx, mine.id, mine.version, str(value), today)
            else:
                readings.delete_reading(ctx, mine.id, mine.version)
            return True

        if database.run(work):
            report.successes[kind] += 1
        else:
            report.successes[f"{kind} (already there)"] += 1
    except ConflictError:
        report.conflicts[kind] += 1
    except ValidationError as error:
        if _approved_meanwhile(database, meter_id, today, error):
            # A clerk approved a reading of this meter for today between the resident's read and write;
            # the service says so as a validation message ("already an accepted reading"), not a conflict.
            report.conflicts[f"{kind} (accepted meanwhile, validation message)"] += 1
        else:
            _error(report, kind, error)
    except Exception as error:
        _error(report, kind, error)
    report.latencies[kind].append((time.perf_counter() - started) * 1000)


def _approved_meanwhile(database: Database, meter_id: int, today: date, error: ValidationError) -> bool:
    """The refusal is explained by a concurrent approval: the message says so and the database agrees."""
    if "jest już zaakceptowany odczyt" not in error.message:
        return False
    with database.session() as s:
        reading = s.execute(
            select(MeterReading.status, MeterReading.reviewed_by_staff_id).where(
                MeterReading.meter_id == meter_id,
                MeterReading.reading_date == today,
                MeterReading.status == ReadingStatus.ACCEPTED,
            )
        ).first()
        s.rollback()
    return reading is not None and reading.reviewed_by_staff_id is not None


def _clerk_step(database: Database, report: Report, rng: random.Random, spec: Spec) -> None:
    assert spec.clerk is not None
    staff_id, login, role = spec.clerk
    actor = staff_actor(staff_id, login, StaffRole(role), workstation=f"load-clerk-{report.index}")
    if rng.random() < 0.3:
        premises_id = rng.choice(spec.premises)
        amount = Decimal(rng.randint(100, 90_000)) / 100
        number = report.operations["payment"] + 1
        report.operations["payment"] += 1
        started = time.perf_counter()
        try:
            database.run(
                lambda s: ledger.post_payment(
                    ServiceContext(s, actor),
                    premises_id,
                    amount_text=str(amount),
                    booking_date=office_today(utc_now()),
                    title="Wpłata — test obciążenia",
                    document_id=f"LOAD/{report.index}/{number}",
                )
            )
            report.successes["payment"] += 1
            report.paid[premises_id] += amount
        except Exception as error:
            _error(report, "payment", error)
        report.latencies["payment"].append((time.perf_counter() - started) * 1000)
        return
    started = time.perf_counter()
    try:
        with database.session() as s:
            # Half the time the newest first (where the residents are still editing), else the oldest.
            page = readings.queue_page(
                ServiceContext(s, actor), readings.QueueFilter(), descending=rng.random() < 0.5, limit=50
            )
            s.rollback()
    except Exception as error:
        _error(report, "queue", error)
        return
    report.operations["queue page"] += 1
    report.latencies["queue page"].append((time.perf_counter() - started) * 1000)
    if not page:
        time.sleep(0.05)
        return
    chosen = rng.sample(page, min(len(page), rng.randint(1, 12)))
    items = [(row.reading_id, row.version) for row in chosen]
    time.sleep(rng.uniform(0, 0.03))  # the clerk reads the rows
    kind = "approve" if rng.random() < 0.75 else "reject"
    report.operations[kind] += 1
    started = time.perf_counter()
    try:
        if kind == "approve":
            result = database.run(lambda s: readings.approve_readings(ServiceContext(s, actor), items))
        else:
            result = database.run(
                lambda s: reject_readings(ServiceContext(s, actor), items, "Odczyt nieczytelny — test obciążenia")
            )
        report.successes["approved readings" if kind == "approve" else "rejected readings"] += len(result.changed)
        report.conflicts[f"{kind} (bulk, per reading)"] += len(result.conflicts)
    except Exception as error:
        _error(report, kind, error)
    report.latencies[kind].append((time.perf_counter() - started) * 1000)


def run_worker(spec: Spec) -> Report:
    report = Report(spec.role, spec.index)
    rng = random.Random(1000 + spec.index)
    database = Database(spec.url)
    try:
        time.sleep(max(0.0, spec.start_at - time.time()))
        done: set[int] = set()
        while time.time() < spec.deadline:
            if spec.role == "resident":
                left = [item for item in spec.residents if item[2] not in done]
                if not left:
                    time.sleep(0.1)
                    continue
                _resident_step(database, report, rng, rng.choice(left), done)
            else:
                _clerk_step(database, report, rng, spec)
    except Exception as error:
        _error(report, "worker", error)
    finally:
        database.dispose()
    report.latencies = dict(report.latencies)
    report.paid = dict(report.paid)
    return report


# --- set-up ---------------------------------------------------------------------------------------


def _open_windows(database: Database, today: date) -> WindowRule:
    """One cooperative window that contains today, and no building overrides: everyone may submit."""
    for frequency, before, after in (
        (WindowFrequency.MONTHLY, 10, 17),
        (WindowFrequency.MONTHLY, 17, 10),
        (WindowFrequency.QUARTERLY, 40, 43),
        (WindowFrequency.QUARTERLY, 43, 40),
    ):
        rule = WindowRule(frequency, before, after)
        if window_containing(rule, today) is not None:
            break
    else:  # pragma: no cover - one of the quarterly windows always contains today
        raise SystemExit("no window rule contains today")

    def work(s: Any) -> None:
        s.execute(delete(ReadingWindow).where(ReadingWindow.building_id.is_not(None)))
        settings.set_window_rule(ServiceContext(s, SYSTEM), rule)
        # Demo accounts that must change their password first could do nothing.
        s.execute(update(ResidentAccount).values(must_change_password=False))

    database.run(work)
    return rule


def _residents(database: Database, today: date) -> list[tuple[int, str, int, int]]:
    """(account, login, meter, decimal places) for every meter a resident may report, one account per meter."""
    with database.session() as s:
        rows = s.execute(
            select(ResidentAccount.id, ResidentAccount.login, Meter.id, Meter.decimal_places)
            .join(LegalTitle, (LegalTitle.person_id == ResidentAccount.person_id) & title_is_current(today))
            .join(Meter, Meter.premises_id == LegalTitle.premises_id)
            .where(
                ResidentAccount.status == AccountStatus.ACTIVE,
                Meter.archived_on.is_(None),
                Meter.remote_read.is_(False),
                Meter.installed_on <= today,
                (Meter.next_verification_on.is_(None)) | (Meter.next_verification_on >= today),
            )
            .order_by(Meter.id, ResidentAccount.id)
        ).all()
    seen: set[int] = set()
    result = []
    for account_id, login, meter_id, places in rows:
        if meter_id not in seen:
            seen.add(meter_id)
            result.append((int(account_id), str(login), int(meter_id), int(places)))
    return result


# --- the checks -----------------------------------------------------------------------------------


@dataclass
class Before:
    audit_max: int
    versions: dict[int, int]
    sums: dict[int, Decimal]


def _sums(database: Database) -> dict[int, Decimal]:
    with database.engine.connect() as conn:
        rows = conn.execute(text("SELECT premises_id, SUM(amount) FROM ledger_entries GROUP BY premises_id"))
        return {int(p): Decimal(total) for p, total in rows}


def _before(database: Database) -> Before:
    with database.session() as s:
        audit_max = int(s.scalar(select(func.coalesce(func.max(AuditEntry.id), 0))) or 0)
        versions = {int(i): int(v) for i, v in s.execute(select(MeterReading.id, MeterReading.version))}
    return Before(audit_max, versions, _sums(database))


def _d(value: Any) -> Decimal:
    return Decimal(str(value))


Result = tuple[str, bool, str]


def _detail(summary: str, problems: list[str]) -> str:
    return summary + (f"; {len(problems)} problems, e.g. {problems[:3]}" if problems else "")


def _check_versions(log_of: dict[int, list[Any]], current: dict[int, MeterReading], before: Before) -> Result:
    """No lost update: a reading's version is its starting version plus the changes audited for it."""
    lost = []
    for reading_id, log in log_of.items():
        actions = [e.action for e in log]
        if "reading.delete" in actions:
            if reading_id in current or actions[-1] != "reading.delete":
                lost.append(f"{reading_id}: deleted but still there or changed after")
            continue
        reading = current.get(reading_id)
        if reading is None:
            lost.append(f"{reading_id}: gone without a delete entry")
            continue
        start = 1 if actions[0] == "reading.submit" else before.versions.get(reading_id, -99)
        changes = sum(a in ("reading.edit", "reading.approve", "reading.reject") for a in actions)
        if reading.version != start + changes:
            lost.append(f"{reading_id}: version {reading.version}, expected {start} + {changes}")
    return (
        "no lost update (version = start + audited changes, per reading)",
        not lost,
        _detail(f"{len(log_of):,} readings touched", lost),
    )


def _check_approvals(log_of: dict[int, list[Any]], current: dict[int, MeterReading]) -> Result:
    """Approved at most once, reviewed at most once; accepted ones approved exactly once."""
    twice = []
    for reading_id, log in log_of.items():
        approvals = sum(e.action == "reading.approve" for e in log)
        reviews = sum(e.action in ("reading.approve", "reading.reject") for e in log)
        reading = current.get(reading_id)
        status = reading.status if reading is not None else None
        if approvals > 1 or reviews > 1:
            twice.append(f"{reading_id}: {approvals} approvals, {reviews} reviews")
        elif status is ReadingStatus.ACCEPTED and approvals != 1:
            twice.append(f"{reading_id}: accepted with {approvals} approvals in the log")
        elif status is ReadingStatus.REJECTED and reviews != 1:
            twice.append(f"{reading_id}: rejected without a reject entry")
    approved = sum(1 for log in log_of.values() for e in log if e.action == "reading.approve")
    return (
        "no reading approved twice (approved exactly once, reviewed at most once)",
        not twice,
        _detail(f"{approved:,} approvals", twice),
    )


def _approved_snapshot(log: list[Any], approved_at: int) -> tuple[Decimal, str]:
    """Value and date at approval: as submitted, with the edits logged before the approval."""
    value, day = _d(log[0].details["value"]), str(log[0].details["reading_date"])
    for entry in log[:approved_at]:
        if entry.action == "reading.edit":
            diff = entry.details.get("changes", {})
            value = _d(diff["value"]["new"]) if "value" in diff else value
            day = str(diff["reading_date"]["new"]) if "reading_date" in diff else day
    return value, day


def _check_unchanged(log_of: dict[int, list[Any]], current: dict[int, MeterReading]) -> Result:
    """An approved reading is what it was when approved, and nothing changed it afterwards."""
    changed, count = [], 0
    for reading_id, log in log_of.items():
        reading = current.get(reading_id)
        if reading is None or reading.status is not ReadingStatus.ACCEPTED or log[0].action != "reading.submit":
            continue
        count += 1
        approved_at = next(i for i, e in enumerate(log) if e.action == "reading.approve")
        value, day = _approved_snapshot(log, approved_at)
        if any(e.action in ("reading.edit", "reading.delete") for e in log[approved_at + 1 :]):
            changed.append(f"{reading_id}: change entry after approval")
        elif (reading.value, reading.reading_date.isoformat()) != (value, day):
            changed.append(f"{reading_id}: {reading.value} {reading.reading_date} != approved {value} {day}")
    return (
        "no approved reading changed after approval (value/date = audit at approval)",
        not changed,
        _detail(f"{count:,} readings submitted and approved during the run", changed),
    )


def _check_ledger(database: Database, before: Before, reports: list[Report]) -> Result:
    """The services' balance = raw SUM of the entries = the balance before − the payments reported."""
    paid: dict[int, Decimal] = defaultdict(Decimal)
    for report in reports:
        for premises_id, amount in report.paid.items():
            paid[int(premises_id)] += amount
    sums = _sums(database)
    far = office_today(utc_now()) + timedelta(days=400)
    wrong = []
    premises_ids = sorted(set(paid) | set(sums))
    with database.session() as s:
        ctx = ServiceContext(s, SYSTEM)
        for premises_id in premises_ids:
            service = ledger.balance_at(ctx, premises_id, far)
            raw = sums.get(premises_id, Decimal(0))
            expected = before.sums.get(premises_id, Decimal(0)) - paid.get(premises_id, Decimal(0))
            if service != raw or raw != expected:
                wrong.append(f"premises {premises_id}: service {service}, SUM {raw}, expected {expected}")
        s.rollback()
    return (
        "ledger balances = SUM of entries = before − payments reported",
        not wrong,
        _detail(f"{len(premises_ids):,} premises, {len(paid):,} with payments during the run", wrong),
    )


def _check_audit_counts(entries: list[Any], reports: list[Report]) -> Result:
    """One audit entry per change the processes saw succeed, action by action."""
    reported: Counter[str] = Counter()
    for report in reports:
        reported["reading.submit"] += report.successes["submit"]
        reported["reading.edit"] += report.successes["edit"]
        reported["reading.delete"] += report.successes["delete"]
        reported["reading.approve"] += report.successes["approved readings"]
        reported["reading.reject"] += report.successes["rejected readings"]
        reported["ledger.payment"] += report.successes["payment"]
    logged = Counter(e.action for e in entries if e.action in COUNTED_ACTIONS)
    mismatch = [f"{a}: reported {reported[a]}, logged {logged[a]}" for a in COUNTED_ACTIONS if reported[a] != logged[a]]
    return (
        "one audit entry per change (reported successes = audit rows, per action)",
        not mismatch,
        _detail(", ".join(f"{a.split('.')[1]} {logged[a]:,}" for a in COUNTED_ACTIONS), mismatch),
    )


def check(database: Database, before: Before, reports: list[Report]) -> list[Result]:
    with database.session() as s:
        entries = list(
            s.execute(
                select(AuditEntry.id, AuditEntry.action, AuditEntry.entity_id, AuditEntry.details)
                .where(AuditEntry.id > before.audit_max)
                .order_by(AuditEntry.id)
            ).all()
        )
        log_of: dict[int, list[Any]] = defaultdict(list)
        for entry in entries:
            if entry.action in READING_ACTIONS and entry.entity_id is not None:
                log_of[int(entry.entity_id)].append(entry)
        current = {r.id: r for r in s.scalars(select(MeterReading).where(MeterReading.id.in_(list(log_of))))}
        s.expunge_all()
    errors = sum(r.error_count for r in reports)
    conflicts = sum(sum(r.conflicts.values()) for r in reports)
    return [
        _check_versions(log_of, current, before),
        _check_approvals(log_of, current),
        _check_unchanged(log_of, current),
        _check_ledger(database, before, reports),
        _check_audit_counts(entries, reports),
        ("no unexpected error", errors == 0, f"{errors} errors; {conflicts:,} expected conflict refusals"),
    ]


# --- the run --------------------------------------------------------------------------------------


def _print_reports(reports: list[Report], seconds: float) -> None:
    for role in ("resident", "clerk"):
        group = [r for r in reports if r.role == role]
        ops: Counter[str] = Counter()
        ok: Counter[str] = Counter()
        conflicts: Counter[str] = Counter()
        lat: dict[str, list[float]] = defaultdict(list)
        for r in group:
            ops.update(r.operations)
            ok.update(r.successes)
            conflicts.update(r.conflicts)
            for kind, values in r.latencies.items():
                lat[kind] += values
        print(f"\n{len(group)} {role} processes")
        print(f"   {'operation':<12} {'calls':>7} {'per s':>7} {'median':>9} {'p95':>9}")
        for kind in sorted(ops):
            values = sorted(lat.get(kind, [0.0]))
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            print(
                f"   {kind:<12} {ops[kind]:>7,} {ops[kind] / seconds:>7.1f} "
                f"{statistics.median(values):>6.1f} ms {p95:>6.1f} ms"
            )
        print("   succeeded: " + ", ".join(f"{k} {v:,}" for k, v in sorted(ok.items())))
        print(
            "   conflict refusals (expected): "
            + (", ".join(f"{k} {v:,}" for k, v in sorted(conflicts.items())) or "none")
        )
        errors = sum(r.error_count for r in group)
        print(f"   other errors: {errors}")
        for r in group:
            for line in r.errors:
                print(f"      [{role} {r.index}] {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the load runs (default 60)")
    parser.add_argument("--residents", type=int, default=6, help="resident processes (default 6)")
    parser.add_argument("--clerks", type=int, default=4, help="clerk processes (default 4)")
    parser.add_argument("--premises", type=int, default=1000, help="size of the demo cooperative (default 1000)")
    args = parser.parse_args(argv)
    cluster = PostgresCluster().start()
    try:
        url = cluster.url()
        database = Database(url)
        migrate.upgrade(database.engine)
        today = office_today(utc_now())
        started = time.perf_counter()
        generate_demo(database, premises=args.premises, years=1, today=today)
        rule = _open_windows(database, today)
        residents = _residents(database, today)
        with database.session() as s:
            staff = s.execute(
                select(StaffUser.id, StaffUser.login, StaffUser.role)
                .where(StaffUser.is_active.is_(True))
                .order_by(StaffUser.id)
            ).all()
            premises = list(s.scalars(select(Premises.id).order_by(Premises.id)))
        print(
            f"PostgreSQL on 127.0.0.1:{cluster.port}; demo cooperative of {args.premises} premises in "
            f"{time.perf_counter() - started:.1f} s; reading window {rule.frequency.value} "
            f"{rule.days_before}+{rule.days_after} days; {len(residents):,} meters shared among "
            f"{args.residents} resident processes; "
            f"{len(staff)} staff users for {args.clerks} clerk processes"
        )
        before = _before(database)
        database.dispose()

        start_at = time.time() + START_DELAY
        deadline = start_at + args.seconds
        specs = [
            Spec("resident", i, url, start_at, deadline, residents=residents[i :: args.residents])
            for i in range(args.residents)
        ]
        specs += [
            Spec(
                "clerk",
                i,
                url,
                start_at,
                deadline,
                clerk=(
                    int(staff[i % len(staff)].id),
                    str(staff[i % len(staff)].login),
                    staff[i % len(staff)].role.value,
                ),
                premises=premises,
            )
            for i in range(args.clerks)
        ]
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=len(specs), mp_context=context) as pool:
            reports = list(pool.map(run_worker, specs))
        elapsed = time.time() - start_at
        print(f"load ran {elapsed:.1f} s ({args.seconds:.0f} s asked) with {len(specs)} processes")
        _print_reports(reports, args.seconds)

        database = Database(url)
        try:
            results = check(database, before, reports)
        finally:
            database.dispose()
        print("\nchecks")
        for name, ok, detail in results:
            print(f"   {'ok    ' if ok else 'FAILED'}  {name}: {detail}")
        failed = [name for name, ok, _ in results if not ok]
        print("\nall checks passed" if not failed else f"\n{len(failed)} check(s) FAILED")
        return 1 if failed else 0
    finally:
        cluster.destroy()


if __name__ == "__main__":
    sys.exit(main())
