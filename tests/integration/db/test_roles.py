"""``iok-desktop db roles``: the clerk and kiosk roles can do what their applications do, and nothing more.

A database owned by a non-superuser owner role (as on a real server) is migrated and given the roles
by the command itself; login roles in each group then run the real flows through ``Backend`` with
their own database URL, and raw SQL shows every forbidden action refused by the server.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

import psycopg
import pytest
from psycopg import errors as pg_errors

from iok_desktop.cli.main import main
from iok_desktop.db import migrate
from iok_desktop.db.database import Database
from iok_desktop.db.engine import create_db_engine
from iok_desktop.db.models import MeterReading
from iok_desktop.db.roles import KIOSK_GRANTS, application_tables
from iok_desktop.domain.enums import (
    AccountStatus,
    AnnouncementKind,
    Audience,
    StaffRole,
    WindowFrequency,
)
from iok_desktop.domain.errors import AuthenticationError, ThrottledError
from iok_desktop.services import announcements, audit, auth, contacts, ledger, statements
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import SYSTEM, FixedClock
from iok_desktop.services.kiosk_throttle import KIOSK_FAILURE_LIMIT
from iok_desktop.services.readings import approve_readings
from iok_desktop.services.readings.submit import delete_reading, edit_reading, submit_reading
from iok_desktop.services.readings.views import meters_for_premises, readings_for_premises, status_history
from iok_desktop.services.residents import my_premises
from iok_desktop.services.session_events import KioskEvent, record_kiosk_session
from iok_desktop.services.settings import get_settings
from tests.conftest import TEST_NOW
from tests.support.builders import (
    RESIDENT_PASSWORD,
    STAFF_PASSWORD,
    accepted_reading,
    grant_title,
    make_account,
    make_building,
    make_meter,
    make_person,
    make_premises,
    make_staff,
    set_window,
)
from tests.support.postgres import PostgresCluster

pytestmark = pytest.mark.postgresql_only

OWNER = "iok_test_owner"
CLERK_LOGIN, KIOSK_LOGIN = "biuro_test1", "kiosk_test1"
CLERK_DB_PASSWORD, KIOSK_DB_PASSWORD = "Biuro-haslo-2026", "Kiosk-haslo-2026"
TEMPLATE = "iok_roles_template"
NEW_PASSWORD = "Nowe-Haslo-Kiosk-7"


def _superuser(cluster: PostgresCluster, sql: str) -> None:
    with psycopg.connect(f"host=127.0.0.1 port={cluster.port} user=postgres dbname=postgres", autocommit=True) as c:
        c.execute(sql)  # type: ignore[arg-type]


def _url(cluster: PostgresCluster, user: str, database: str, password: str | None = None) -> str:
    secret = f":{password}" if password else ""
    return f"postgresql+psycopg://{user}{secret}@127.0.0.1:{cluster.port}/{database}"


def _run_roles(url: str, monkeypatch: pytest.MonkeyPatch, *extra: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--database-url", url, "db", "roles", *extra])


@pytest.fixture(scope="module")
def roles_template(pg_cluster: PostgresCluster) -> Iterator[str]:
    """A database owned by a plain owner role, migrated by it, with ``db roles`` run by it."""
    _superuser(pg_cluster, f"DROP DATABASE IF EXISTS {TEMPLATE}")
    _superuser(
        pg_cluster,
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OWNER}') THEN "
        f"CREATE ROLE {OWNER} LOGIN CREATEROLE; END IF; END $$",
    )
    _superuser(pg_cluster, f"CREATE DATABASE {TEMPLATE} OWNER {OWNER}")
    engine = create_db_engine(_url(pg_cluster, OWNER, TEMPLATE))
    migrate.upgrade(engine)
    engine.dispose()
    with pytest.MonkeyPatch.context() as mp:
        code = _run_roles(
            _url(pg_cluster, OWNER, TEMPLATE),
            mp,
            "--clerk-login",
            CLERK_LOGIN,
            "--kiosk-login",
            KIOSK_LOGIN,
            stdin=f"{CLERK_DB_PASSWORD}\n{KIOSK_DB_PASSWORD}\n",
        )
    assert code == 0
    yield TEMPLATE
    _superuser(pg_cluster, f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")


_counter = iter(range(1, 10_000))


@dataclass
class Scene:
    cluster: PostgresCluster
    name: str
    resident_login: str
    person_id: int
    premises_id: int
    meter_id: int
    accepted_id: int
    admin_login: str
    clerk_login: str
    locked_account_id: int

    def url(self, user: str, password: str | None = None) -> str:
        return _url(self.cluster, user, self.name, password)

    def dsn(self, user: str) -> str:
        return f"host=127.0.0.1 port={self.cluster.port} user={user} dbname={self.name}"


@pytest.fixture
def scene(pg_cluster: PostgresCluster, roles_template: str) -> Iterator[Scene]:
    name = f"iok_roles_{next(_counter)}"
    _superuser(pg_cluster, f"CREATE DATABASE {name} TEMPLATE {roles_template} OWNER {OWNER}")
    owner_db = Database(_url(pg_cluster, OWNER, name))
    try:
        with owner_db.session() as s:
            building = make_building(s)
            premises = make_premises(s, building)
            person = make_person(s)
            grant_title(s, person, premises)
            account = make_account(s, person, "kowalski0001", must_change=True)
            set_window(s, WindowFrequency.QUARTERLY, 40, 14)
            meter = make_meter(s, premises)
            accepted_reading(s, meter, date(2026, 8, 20), "12.500")
            accepted_id = s.query(MeterReading.id).filter_by(meter_id=meter.id).scalar()
            admin = make_staff(s, "admin1", role=StaffRole.ADMIN)
            clerk = make_staff(s, "urzednik1")
            other = make_person(s, "Jan", "Bez-Tytułu")
            locked = make_account(s, other, "beztytu0001")
            locked.status = AccountStatus.LOCKED
            s.flush()
            s.commit()
            result = Scene(
                pg_cluster,
                name,
                account.login,
                person.id,
                premises.id,
                meter.id,
                accepted_id,
                admin.login,
                clerk.login,
                locked.id,
            )
    finally:
        owner_db.dispose()
    yield result
    _superuser(pg_cluster, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _backend(url: str, clock: FixedClock, workstation: str) -> Backend:
    return Backend(Database(url), clock=clock, workstation=workstation)


# --- the command --------------------------------------------------------------------------------


def test_roles_are_groups_the_logins_are_members_and_passwords_are_scram(
    scene: Scene, pg_cluster: PostgresCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    with psycopg.connect(scene.dsn("postgres")) as c:
        rows = dict(c.execute("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE 'iok\\_%'").fetchall())
        assert rows["iok_clerk"] is False and rows["iok_kiosk"] is False
        verifiers = c.execute(
            "SELECT rolname, rolpassword FROM pg_authid WHERE rolname IN (%s, %s)", (CLERK_LOGIN, KIOSK_LOGIN)
        ).fetchall()
        assert len(verifiers) == 2 and all(v.startswith("SCRAM-SHA-256$") for _, v in verifiers)
        assert c.execute("SELECT pg_has_role(%s, 'iok_kiosk', 'MEMBER')", (KIOSK_LOGIN,)).fetchone() == (True,)
        assert c.execute("SELECT pg_has_role(%s, 'iok_clerk', 'MEMBER')", (KIOSK_LOGIN,)).fetchone() == (False,)
        assert c.execute("SELECT pg_has_role(%s, 'iok_clerk', 'MEMBER')", (CLERK_LOGIN,)).fetchone() == (True,)
    # Idempotent: a second run (as after an upgrade) changes nothing that matters and succeeds.
    assert _run_roles(scene.url(OWNER), monkeypatch) == 0
    with psycopg.connect(scene.dsn("postgres")) as c:
        assert c.execute(
            "SELECT has_column_privilege('iok_kiosk', 'staff_users', 'password_hash', 'SELECT')"
        ).fetchone() == (False,)


def test_on_sqlite_the_command_says_roles_exist_only_on_postgresql(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run_roles(f"sqlite:///{tmp_path}/x.sqlite3", monkeypatch) == 2
    assert "tylko w PostgreSQL" in capsys.readouterr().err


def test_only_the_schema_owner_may_run_it(
    scene: Scene, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run_roles(scene.url(CLERK_LOGIN), monkeypatch) == 2
    assert f"właściciel schematu ({OWNER})" in capsys.readouterr().err


# --- the kiosk can do what the kiosk does ----------------------------------------------------------


def test_the_kiosk_role_runs_every_kiosk_flow(scene: Scene, clock: FixedClock) -> None:
    kiosk = _backend(scene.url(KIOSK_LOGIN, KIOSK_DB_PASSWORD), clock, "kiosk-hol")
    clerk = _backend(scene.url(CLERK_LOGIN, CLERK_DB_PASSWORD), clock, "biuro-1")
    try:
        assert kiosk.schema_is_current()
        assert kiosk.system(get_settings).kiosk_idle_seconds > 0
        # An announcement for everyone, published by the clerk.
        staff = clerk.login_staff(scene.clerk_login, STAFF_PASSWORD)
        clerk.call(
            staff.actor("biuro-1"),
            announcements.create_announcement,
            title="Przegląd instalacji gazowej",
            body="W dniach 1–3 grudnia.",
            kind=AnnouncementKind.NORMAL,
            publish_from=TEST_NOW - timedelta(days=1),
            valid_until=None,
            audience=Audience.EVERYONE,
            draft=False,
        )

        # A wrong password (counted on the account, audited), then the login and the forced change.
        with pytest.raises(AuthenticationError):
            kiosk.login_resident(scene.resident_login, "Zle-haslo-123")
        session = kiosk.login_resident(scene.resident_login, RESIDENT_PASSWORD)
        assert session.must_change_password
        actor = session.actor("kiosk-hol")
        kiosk.call(actor, record_kiosk_session, KioskEvent.STARTED)
        kiosk.call(actor, auth.change_own_password, RESIDENT_PASSWORD, NEW_PASSWORD)
        session = kiosk.login_resident(scene.resident_login, NEW_PASSWORD)
        assert not session.must_change_password
        actor = session.actor("kiosk-hol")

        # Home and ledger, statement printing (recorded).
        [premises] = kiosk.call(actor, my_premises)
        assert premises.id == scene.premises_id
        kiosk.call(actor, ledger.entries_page, scene.premises_id, date_from=date(2025, 12, 1), limit=50)
        kiosk.call(actor, ledger.amount_due, scene.premises_id)
        kiosk.call(actor, statements.statement_document, scene.premises_id, date(2025, 12, 1), date(2026, 11, 25))
        kiosk.call(
            actor,
            statements.record_statement_output,
            scene.premises_id,
            date(2025, 12, 1),
            date(2026, 11, 25),
            action="print",
            personal=True,
        )

        # Announcements: read list, marked read.
        [item] = kiosk.call(actor, announcements.active_for_resident)
        kiosk.call(actor, announcements.mark_read, item.id)
        assert kiosk.call(actor, announcements.active_for_resident)[0].is_read

        # Contact data.
        kiosk.call(actor, contacts.get_contact, scene.person_id)
        kiosk.call(actor, contacts.update_contact, scene.person_id, landline=None, mobile="600 100 200", email="a@b.pl")
        assert kiosk.call(actor, contacts.get_contact, scene.person_id).email == "a@b.pl"

        # Readings: submit, edit, history, delete.
        kiosk.call(actor, meters_for_premises, scene.premises_id)
        submitted = kiosk.call(actor, submit_reading, scene.meter_id, "15,250", date(2026, 11, 25)).reading
        edited = kiosk.call(actor, edit_reading, submitted.id, submitted.version, "15,300", date(2026, 11, 25))
        kiosk.call(actor, status_history, edited.id)
        kiosk.call(actor, readings_for_premises, scene.premises_id)
        kiosk.call(actor, delete_reading, edited.id, edited.version)
        # A second one stays for the clerk to approve.
        pending = kiosk.call(actor, submit_reading, scene.meter_id, "15,400", date(2026, 11, 25)).reading
        kiosk.call(actor, record_kiosk_session, KioskEvent.ENDED)

        # The clerk approves it, posts a payment and reads the audit log.
        clerk_actor = staff.actor("biuro-1")
        assert clerk.call(clerk_actor, approve_readings, [(pending.id, pending.version)]).changed == [pending.id]
        clerk.call(
            clerk_actor,
            ledger.post_payment,
            scene.premises_id,
            amount_text="120,00",
            booking_date=date(2026, 11, 24),
            title="Wpłata",
        )
        actions = {row.action for row in clerk.call(clerk_actor, audit.list_entries, limit=500)}
        assert {
            "auth.login_failed",
            "auth.password_changed",
            "kiosk.session_start",
            "kiosk.session_end",
            "reading.submit",
            "reading.edit",
            "reading.delete",
            "announcement.read",
            "statement.print",
        } <= actions
    finally:
        kiosk.database.dispose()
        clerk.database.dispose()


def test_per_kiosk_throttling_counts_through_the_function(scene: Scene, clock: FixedClock) -> None:
    kiosk = _backend(scene.url(KIOSK_LOGIN), clock, "kiosk-hol")
    try:
        for attempt in range(KIOSK_FAILURE_LIMIT):
            with pytest.raises(AuthenticationError) as refused:
                kiosk.login_resident(f"nieznany{attempt:04d}", "Zgaduje123")
            assert not isinstance(refused.value, ThrottledError)
        with pytest.raises(ThrottledError) as throttled:
            kiosk.login_resident(scene.resident_login, RESIDENT_PASSWORD)
        assert "w tym kiosku" in throttled.value.message
    finally:
        kiosk.database.dispose()


def test_the_kiosk_admin_exit_works_without_reading_staff_hashes(scene: Scene, clock: FixedClock) -> None:
    kiosk = _backend(scene.url(KIOSK_LOGIN), clock, "kiosk-hol")
    at_kiosk = replace(SYSTEM, workstation="kiosk-hol")
    try:
        # A clerk is not an administrator: the function gives nothing, the answer is the usual one.
        with pytest.raises(AuthenticationError):
            kiosk.call(at_kiosk, auth.login_kiosk_admin, scene.clerk_login, STAFF_PASSWORD).unwrap()
        with pytest.raises(AuthenticationError):
            kiosk.call(at_kiosk, auth.login_kiosk_admin, scene.admin_login, "Zle-haslo-123").unwrap()
        session = kiosk.call(at_kiosk, auth.login_kiosk_admin, scene.admin_login, STAFF_PASSWORD).unwrap()
        assert session.role is StaffRole.ADMIN and session.login == scene.admin_login
    finally:
        kiosk.database.dispose()
    with psycopg.connect(scene.dsn(OWNER)) as c:
        failed = c.execute("SELECT count(*) FROM audit_log WHERE action = 'auth.login_failed'").fetchone()
        assert failed == (2,)
        counters = c.execute(
            "SELECT failed_attempts, last_login_at IS NOT NULL FROM staff_users WHERE login = %s", (scene.admin_login,)
        ).fetchone()
        assert counters == (0, True)


def test_the_kiosk_admin_exit_counts_failures_on_the_admin_account(scene: Scene, clock: FixedClock) -> None:
    kiosk = _backend(scene.url(KIOSK_LOGIN), clock, "kiosk-hol")
    at_kiosk = replace(SYSTEM, workstation="kiosk-hol")
    try:
        with pytest.raises(AuthenticationError):
            kiosk.call(at_kiosk, auth.login_kiosk_admin, scene.admin_login, "Zle-haslo-123").unwrap()
    finally:
        kiosk.database.dispose()
    with psycopg.connect(scene.dsn(OWNER)) as c:
        row = c.execute("SELECT failed_attempts FROM staff_users WHERE login = %s", (scene.admin_login,)).fetchone()
        assert row == (1,)


# --- and nothing more -----------------------------------------------------------------------------


def _refused(dsn: str, sql: str, params: tuple[object, ...] = ()) -> str:
    """Run one statement in its own transaction; return the server's refusal (SQLSTATE 42501)."""
    with psycopg.connect(dsn) as c, pytest.raises(pg_errors.InsufficientPrivilege) as refusal:
        c.execute(sql, params)  # type: ignore[arg-type]
    return str(refusal.value)


def test_kiosk_forbidden_actions_fail_in_the_database(scene: Scene) -> None:
    dsn = scene.dsn(KIOSK_LOGIN)
    _refused(dsn, "SELECT password_hash FROM staff_users")
    _refused(dsn, "SELECT * FROM staff_users")
    _refused(dsn, "SELECT * FROM audit_log")
    _refused(dsn, "SELECT action, details FROM audit_log")
    _refused(dsn, "UPDATE audit_log SET action = 'x'")
    _refused(
        dsn,
        "INSERT INTO ledger_entries (premises_id, booking_date, kind, title, amount, source, created_at) "
        "VALUES (%s, '2026-11-25', 'payment', 'Wpłata', -100, 'kiosk', now())",
        (scene.premises_id,),
    )
    _refused(dsn, "UPDATE meter_readings SET status = 'accepted' WHERE id = %s", (scene.accepted_id,))
    _refused(dsn, "UPDATE meter_readings SET reviewed_at = now(), reviewed_by_staff_id = NULL")
    _refused(dsn, "UPDATE meter_readings SET rejection_reason = 'x'")
    assert "pending" in _refused(dsn, "DELETE FROM meter_readings WHERE id = %s", (scene.accepted_id,))
    _refused(dsn, "TRUNCATE meter_readings")
    # An accepted reading cannot be slipped in, nor an accepted one edited through the granted columns.
    assert "pending" in _refused(
        dsn,
        "INSERT INTO meter_readings (meter_id, value, reading_date, source, status, submitted_at, version) "
        "VALUES (%s, 99, '2026-11-25', 'kiosk', 'accepted', now(), 1)",
        (scene.meter_id,),
    )
    assert "pending" in _refused(dsn, "UPDATE meter_readings SET value = 1 WHERE id = %s", (scene.accepted_id,))
    # The office's lock holds: a kiosk may lock an account, never unlock it.
    assert "never unlock" in _refused(
        dsn, "UPDATE resident_accounts SET status = 'active' WHERE id = %s", (scene.locked_account_id,)
    )
    _refused(dsn, "UPDATE staff_users SET password_hash = 'x'")
    _refused(dsn, "UPDATE persons SET last_name = 'X'")
    _refused(dsn, "SELECT * FROM account_applications")
    # Nothing but a pending reading can be deleted.
    for table in application_tables():
        if table != "meter_readings":
            _refused(dsn, f"DELETE FROM {table}")
    # The exit function names administrators only.
    with psycopg.connect(dsn) as c:
        assert c.execute("SELECT * FROM iok_kiosk_admin_credentials(%s)", (scene.clerk_login,)).fetchall() == []


def test_kiosk_may_delete_a_pending_reading_with_raw_sql(scene: Scene) -> None:
    with psycopg.connect(scene.dsn(OWNER)) as c:
        (pending_id,) = c.execute(
            "INSERT INTO meter_readings (meter_id, value, reading_date, source, status, submitted_at, version) "
            "VALUES (%s, 20, '2026-11-25', 'kiosk', 'pending', now(), 1) RETURNING id",
            (scene.meter_id,),
        ).fetchone()  # type: ignore[misc]
    with psycopg.connect(scene.dsn(KIOSK_LOGIN)) as c:
        assert c.execute("DELETE FROM meter_readings WHERE id = %s", (pending_id,)).rowcount == 1


def test_clerk_cannot_change_or_delete_the_audit_log(scene: Scene) -> None:
    dsn = scene.dsn(CLERK_LOGIN)
    _refused(dsn, "UPDATE audit_log SET action = 'x'")
    _refused(dsn, "DELETE FROM audit_log")
    _refused(dsn, "TRUNCATE audit_log")
    _refused(dsn, "UPDATE ledger_entries SET amount = 0")
    _refused(dsn, "DELETE FROM ledger_entries")
    _refused(dsn, "UPDATE alembic_version SET version_num = 'x'")
    _refused(dsn, "DELETE FROM staff_users")
    with psycopg.connect(dsn) as c:
        c.execute("SELECT count(*) FROM audit_log").fetchone()
        c.execute("SELECT password_hash FROM staff_users").fetchall()


def test_kiosk_grants_name_only_existing_tables() -> None:
    assert set(KIOSK_GRANTS) <= set(application_tables())
