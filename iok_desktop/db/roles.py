"""Least-privilege PostgreSQL roles for a shared server: ``iok_clerk`` and ``iok_kiosk``.

Both are NOLOGIN group roles; each desk and each kiosk logs in with a login role that is a member of
one of them (``iok-desktop db roles --clerk-login … --kiosk-login …`` or ``CREATE ROLE … LOGIN IN
ROLE iok_kiosk``). ``apply_roles`` is run by the owner of the schema (the role that ran ``db upgrade``)
and is idempotent: every run first revokes what the two roles held and grants the lists below again,
so re-running it after an upgrade brings new tables in and drops what the lists no longer name.

What the kiosk may do is what the kiosk's services do (resident login and password change, contact
data, readings of its own meters, announcements, ledger and statements, session audit entries), down
to columns where it matters. What the grants cannot express is enforced by SECURITY DEFINER functions
and triggers installed here (see ``_KIOSK_SQL``):

- ``iok_kiosk_login_failures(workstation, since)``: the count and the oldest time of failed resident
  logins at one kiosk (per-kiosk throttling) without SELECT on ``audit_log``;
- ``iok_kiosk_admin_credentials(login)`` / ``iok_kiosk_admin_attempt(id, succeeded)``: the kiosk's
  administrator exit, without SELECT on ``staff_users.password_hash`` (docs/decisions.md, "Roles");
- ``iok_kiosk_reading_guard``: the kiosk inserts only pending readings, and edits and deletes only
  pending ones (DELETE is granted on ``meter_readings`` alone);
- ``iok_kiosk_account_guard``: the kiosk may lock a resident account (login without a current legal
  title) but never unlock or reactivate one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, text

from iok_desktop.db.base import Base

CLERK_ROLE = "iok_clerk"
KIOSK_ROLE = "iok_kiosk"
GROUP_ROLES = (CLERK_ROLE, KIOSK_ROLE)
VERSION_TABLE = "alembic_version"

# Tables the clerk may read and add to but never change or delete: the append-only ones.
_APPEND_ONLY = ("audit_log", "ledger_entries")
# The clerk's services delete rows only here (a pending reading, a building's own reading window).
_CLERK_DELETES = ("meter_readings", "reading_windows")

# What the kiosk's services need, table by table; a table not named here is out of reach.
KIOSK_GRANTS: dict[str, tuple[str, ...]] = {
    VERSION_TABLE: ("SELECT",),  # the schema version is checked at start
    "cooperative": ("SELECT",),  # settings: idle time, throttling, bank account on statements
    "reading_windows": ("SELECT",),
    "estates": ("SELECT",),
    "buildings": ("SELECT",),
    "premises": ("SELECT",),
    "legal_titles": ("SELECT",),
    "meters": ("SELECT",),
    "ledger_entries": ("SELECT",),  # residents read their ledger; nothing is posted from a kiosk
    "announcements": ("SELECT",),
    "announcement_reads": ("SELECT", "INSERT"),
    "persons": ("SELECT", "UPDATE (landline, mobile, email)"),
    # INSERT … RETURNING id needs SELECT on the returned column, nothing else is readable.
    "contact_changes": ("INSERT", "SELECT (id)"),
    "audit_log": ("INSERT", "SELECT (id)"),
    # Reviewers are named in messages ("zaakceptował już Anna Łęcka (alecka)"): no hash, no role.
    "staff_users": ("SELECT (id, login, full_name)",),
    # Login reads the hash; login, lockout, password change and the automatic block write these.
    "resident_accounts": (
        "SELECT",
        "UPDATE (password_hash, must_change_password, failed_attempts, last_failed_at, locked_until, "
        "status, status_reason, password_changed_at, last_login_at, version)",
    ),
    # Never status, reviewed_*, rejection_reason, submitter or meter; the guard trigger does the rest.
    "meter_readings": (
        "SELECT",
        "INSERT",
        "UPDATE (value, reading_date, previous_value, previous_reading_date, consumption, "
        "average_daily_consumption, anomaly_reason, updated_at, version)",
        "DELETE",
    ),
}
KIOSK_SEQUENCES = ("meter_readings", "contact_changes", "audit_log")

_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RolesError(Exception):
    """The roles cannot be set up; the message (Polish) says why."""


@dataclass(frozen=True)
class LoginRole:
    name: str
    group: str  # CLERK_ROLE or KIOSK_ROLE
    password: str


@dataclass
class RolesReport:
    created_groups: list[str] = field(default_factory=list)
    created_logins: list[str] = field(default_factory=list)
    updated_logins: list[str] = field(default_factory=list)
    tables: int = 0


def clerk_grants(tables: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The clerk application: everything it works with, but the audit log and the ledger only grow."""
    grants: dict[str, tuple[str, ...]] = {}
    for table in tables:
        if table == VERSION_TABLE:
            grants[table] = ("SELECT",)
        elif table in _APPEND_ONLY:
            grants[table] = ("SELECT", "INSERT")
        elif table in _CLERK_DELETES:
            grants[table] = ("SELECT", "INSERT", "UPDATE", "DELETE")
        else:
            grants[table] = ("SELECT", "INSERT", "UPDATE")
    return grants


def application_tables() -> list[str]:
    return [VERSION_TABLE, *(table.name for table in Base.metadata.sorted_tables)]


def check_role_name(name: str) -> str:
    if not _ROLE_NAME.match(name):
        raise RolesError(
            f"Nazwa roli „{name}” jest niedozwolona: małe litery łacińskie, cyfry i podkreślenia, "
            "na początku litera, do 63 znaków."
        )
    if name in GROUP_ROLES or name.startswith("pg_"):
        raise RolesError(f"Nazwa „{name}” jest zarezerwowana; wybierz inną nazwę loginu.")
    return name


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _role_exists(conn: Connection, name: str) -> bool:
    return bool(conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}))


def _check_owner(conn: Connection) -> str:
    row = conn.execute(
        text(
            "SELECT current_user, current_schema(), "
            "(SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = :t)"
        ),
        {"t": VERSION_TABLE},
    ).one()
    user, schema, owner = row
    if owner is None:
        raise RolesError("Baza nie ma jeszcze struktury. Najpierw uruchom: iok-desktop db upgrade")
    if owner != user:
        raise RolesError(
            f"Role nadaje właściciel schematu ({owner}), a połączono jako {user}. "
            f"Uruchom polecenie z adresem bazy z loginem {owner}."
        )
    return str(schema)


def _password_verifier(conn: Connection, login: str, password: str) -> str:
    """A SCRAM-SHA-256 verifier computed here (libpq), so the password never reaches the server or its log."""
    dbapi = conn.connection.dbapi_connection
    pgconn = getattr(dbapi, "pgconn", None)
    if pgconn is None:  # pragma: no cover - another driver: the server hashes it (password_encryption)
        return password
    verifier = cast(Any, pgconn).encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    return bytes(verifier).decode()


def _grant(conn: Connection, role: str, grants: dict[str, tuple[str, ...]], existing: set[str]) -> int:
    count = 0
    for table, privileges in grants.items():
        if table not in existing:
            continue
        for privilege in privileges:
            conn.exec_driver_sql(f"GRANT {privilege} ON TABLE {_ident(table)} TO {role}")
        count += 1
    return count


def apply_roles(conn: Connection, logins: Sequence[LoginRole] = ()) -> RolesReport:
    """Create or update the group roles, their grants, guards and the given login roles (one transaction)."""
    if conn.dialect.name != "postgresql":
        raise RolesError("Role bazy danych istnieją tylko w PostgreSQL; baza SQLite ich nie ma.")
    for login in logins:
        check_role_name(login.name)
    schema = _check_owner(conn)
    report = RolesReport()
    for role in GROUP_ROLES:
        if not _role_exists(conn, role):
            conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
            report.created_groups.append(role)
    both = ", ".join(GROUP_ROLES)
    database = conn.scalar(text("SELECT current_database()"))
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {_ident(str(database))} TO {both}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {_ident(schema)} TO {both}")
    # Start from nothing, so a privilege dropped from the lists is really gone (column grants too).
    conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {_ident(schema)} FROM {both}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {_ident(schema)} FROM {both}")
    existing = set(conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).all())
    tables = [t for t in application_tables() if t in existing]
    report.tables = _grant(conn, CLERK_ROLE, clerk_grants(tables), existing)
    _grant(conn, KIOSK_ROLE, KIOSK_GRANTS, existing)
    # Said explicitly as well: nobody but the owner changes or empties the audit log.
    conn.exec_driver_sql(f"REVOKE UPDATE, DELETE, TRUNCATE ON TABLE audit_log FROM {both}")
    # The sequences behind the tables' ids (serial or identity): USAGE is what nextval() needs.
    sequences = conn.execute(
        text(
            "SELECT t.relname, s.oid::regclass::text FROM pg_depend d "
            "JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' "
            "JOIN pg_class t ON t.oid = d.refobjid "
            "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass "
            "AND d.deptype IN ('a', 'i') AND t.relnamespace = current_schema()::regnamespace"
        )
    ).all()
    for table, sequence in sequences:
        if table not in tables:
            continue
        conn.exec_driver_sql(f"GRANT USAGE ON SEQUENCE {sequence} TO {CLERK_ROLE}")
        if table in KIOSK_SEQUENCES:
            conn.exec_driver_sql(f"GRANT USAGE ON SEQUENCE {sequence} TO {KIOSK_ROLE}")
    for statement in _kiosk_sql(schema):
        conn.exec_driver_sql(statement)
    for login in logins:
        verifier = _literal(_password_verifier(conn, login.name, login.password))
        if _role_exists(conn, login.name):
            conn.exec_driver_sql(f"ALTER ROLE {_ident(login.name)} WITH LOGIN PASSWORD {verifier}")
            report.updated_logins.append(login.name)
        else:
            conn.exec_driver_sql(f"CREATE ROLE {_ident(login.name)} LOGIN PASSWORD {verifier}")
            report.created_logins.append(login.name)
        other = KIOSK_ROLE if login.group == CLERK_ROLE else CLERK_ROLE
        conn.exec_driver_sql(f"REVOKE {other} FROM {_ident(login.name)}")
        conn.exec_driver_sql(f"GRANT {login.group} TO {_ident(login.name)}")
    return report


def _kiosk_sql(schema: str) -> list[str]:
    path = f"SET search_path = {_ident(schema)}, pg_temp"
    # A member of iok_kiosk, not a superuser (pg_has_role is always true for a superuser).
    is_kiosk = (
        "pg_has_role(current_user, 'iok_kiosk', 'USAGE') "
        "AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
    )
    return [
        # Per-kiosk throttling: only a count and a time, for one workstation.
        f"""
        CREATE OR REPLACE FUNCTION iok_kiosk_login_failures(p_workstation text, p_since timestamptz)
        RETURNS TABLE (failures bigint, oldest timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT count(*), min(occurred_at) FROM audit_log
            WHERE action = 'auth.login_failed' AND actor_kind = 'resident'
              AND workstation = p_workstation AND occurred_at >= p_since
        $$""",  # noqa: S608
        # The kiosk's exit: the credentials of an active administrator, nobody else's.
        f"""
        CREATE OR REPLACE FUNCTION iok_kiosk_admin_credentials(p_login text)
        RETURNS TABLE (id bigint, login varchar, full_name varchar, password_hash varchar,
                       failed_attempts integer, last_failed_at timestamptz, locked_until timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT s.id, s.login, s.full_name, s.password_hash, s.failed_attempts, s.last_failed_at,
                   s.locked_until
            FROM staff_users s WHERE s.login = p_login AND s.role = 'admin' AND s.is_active
        $$""",  # noqa: S608
        # Counting a failed exit (and the lockout, by the cooperative's settings) or resetting after success.
        f"""
        CREATE OR REPLACE FUNCTION iok_kiosk_admin_attempt(p_staff_id bigint, p_succeeded boolean)
        RETURNS TABLE (failed_attempts integer, locked_until timestamptz)
        LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
        DECLARE
            policy record;
        BEGIN
            SELECT * INTO policy FROM cooperative WHERE cooperative.id = 1;
            IF p_succeeded THEN
                RETURN QUERY UPDATE staff_users s
                    SET failed_attempts = 0, last_failed_at = NULL, locked_until = NULL, last_login_at = now()
                    WHERE s.id = p_staff_id AND s.role = 'admin' AND s.is_active
                    RETURNING s.failed_attempts, s.locked_until;
            ELSE
                RETURN QUERY UPDATE staff_users s
                    SET failed_attempts = s.failed_attempts + 1, last_failed_at = now(),
                        locked_until = CASE WHEN s.failed_attempts + 1 >= policy.lockout_after_failures
                            THEN now() + CASE WHEN policy.lockout_minutes > 0
                                THEN make_interval(mins => policy.lockout_minutes)
                                ELSE interval '100 years' END
                            ELSE s.locked_until END
                    WHERE s.id = p_staff_id AND s.role = 'admin' AND s.is_active
                    RETURNING s.failed_attempts, s.locked_until;
            END IF;
        END $$""",  # noqa: S608
        f"""
        CREATE OR REPLACE FUNCTION iok_kiosk_reading_guard() RETURNS trigger
        LANGUAGE plpgsql {path} AS $$
        BEGIN
            IF NOT ({is_kiosk}) THEN
                RETURN COALESCE(NEW, OLD);
            END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'pending' THEN
                RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE =
                    'a kiosk changes and deletes only pending readings (reading ' || OLD.id || ' is '
                    || OLD.status || ')';
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND (NEW.status <> 'pending' OR NEW.reviewed_at IS NOT NULL
                    OR NEW.reviewed_by_staff_id IS NOT NULL OR NEW.submitted_by_staff_id IS NOT NULL) THEN
                RAISE EXCEPTION 'a kiosk submits only pending readings'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN COALESCE(NEW, OLD);
        END $$""",
        "DROP TRIGGER IF EXISTS iok_kiosk_reading_guard ON meter_readings",
        "CREATE TRIGGER iok_kiosk_reading_guard BEFORE INSERT OR UPDATE OR DELETE ON meter_readings "
        "FOR EACH ROW EXECUTE FUNCTION iok_kiosk_reading_guard()",
        f"""
        CREATE OR REPLACE FUNCTION iok_kiosk_account_guard() RETURNS trigger
        LANGUAGE plpgsql {path} AS $$
        BEGIN
            IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> 'locked' AND {is_kiosk} THEN
                RAISE EXCEPTION 'a kiosk may lock a resident account but never unlock one'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END $$""",
        "DROP TRIGGER IF EXISTS iok_kiosk_account_guard ON resident_accounts",
        "CREATE TRIGGER iok_kiosk_account_guard BEFORE UPDATE ON resident_accounts "
        "FOR EACH ROW EXECUTE FUNCTION iok_kiosk_account_guard()",
        "REVOKE ALL ON FUNCTION iok_kiosk_login_failures(text, timestamptz), iok_kiosk_admin_credentials(text), "
        "iok_kiosk_admin_attempt(bigint, boolean) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION iok_kiosk_login_failures(text, timestamptz), iok_kiosk_admin_credentials(text), "
        f"iok_kiosk_admin_attempt(bigint, boolean) TO {KIOSK_ROLE}",
        f"GRANT EXECUTE ON FUNCTION iok_kiosk_login_failures(text, timestamptz) TO {CLERK_ROLE}",
    ]
