"""``iok-desktop db roles``: least-privilege PostgreSQL roles for the clerk application and the kiosk.

Registered under the ``db`` group (after ``db_commands``). Run by the owner of the schema; creates or
updates the NOLOGIN group roles ``iok_clerk`` and ``iok_kiosk`` with their grants (db/roles.py) and,
when asked, login roles in them. Passwords are asked for twice, or read one per line from standard
input (the clerk's first when both are given).
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.exc import DBAPIError

from iok_desktop.cli.common import CommandError, read_password
from iok_desktop.config import resolve_database_url
from iok_desktop.db import migrate
from iok_desktop.db.database import Database
from iok_desktop.db.roles import CLERK_ROLE, KIOSK_ROLE, LoginRole, RolesError, apply_roles, check_role_name


def register(subparsers: Any) -> None:
    db_parser = subparsers.choices.get("db")
    if db_parser is None or not hasattr(db_parser, "subcommands"):
        raise RuntimeError("roles_command must be registered after db_commands")
    roles = db_parser.subcommands.add_parser(
        "roles",
        help="utwórz lub zaktualizuj role PostgreSQL z minimalnymi uprawnieniami (iok_clerk, iok_kiosk)",
        description="Tworzy (albo aktualizuje) role grupowe iok_clerk (aplikacja biurowa) i iok_kiosk (kiosk "
        "mieszkańców) z uprawnieniami do tabel i kolumn, których potrzebują, oraz opcjonalnie loginy w tych "
        "rolach. Uruchamia właściciel schematu (ten, kto wykonał db upgrade); ponownie po każdym db upgrade.",
    )
    roles.add_argument("--clerk-login", metavar="NAZWA", help="utwórz (lub zmień hasło) login stanowiska biurowego")
    roles.add_argument("--kiosk-login", metavar="NAZWA", help="utwórz (lub zmień hasło) login kiosku")
    roles.set_defaults(handler=run_roles)


def _login(name: str | None, group: str, label: str) -> LoginRole | None:
    if not name:
        return None
    try:
        check_role_name(name)
    except RolesError as error:
        raise CommandError(str(error)) from error
    password = read_password(f"Hasło loginu {label} {name}: ")
    if len(password) < 12:
        raise CommandError(f"Hasło loginu {name} musi mieć co najmniej 12 znaków.")
    return LoginRole(name, group, password)


def run_roles(args: argparse.Namespace) -> int:
    location = resolve_database_url(args.database_url)
    if location.url.startswith("sqlite"):
        raise CommandError("Role bazy danych istnieją tylko w PostgreSQL; wbudowana baza SQLite ich nie ma.")
    if args.clerk_login and args.clerk_login == args.kiosk_login:
        raise CommandError("Login stanowiska biurowego i login kiosku muszą się różnić.")
    database = Database(location.url)
    try:
        if not migrate.is_up_to_date(database.engine):
            raise CommandError(
                f"Baza danych ({database.description}) nie ma aktualnej struktury. "
                "Najpierw uruchom: iok-desktop db upgrade"
            )
        logins = [
            login
            for login in (
                _login(args.clerk_login, CLERK_ROLE, "biurowego"),
                _login(args.kiosk_login, KIOSK_ROLE, "kiosku"),
            )
            if login is not None
        ]
        try:
            with database.engine.begin() as conn:
                report = apply_roles(conn, logins)
        except RolesError as error:
            raise CommandError(str(error)) from error
        except DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) == "42501":  # insufficient_privilege
                raise CommandError(
                    "Brak uprawnień do tworzenia ról. Właściciel schematu potrzebuje atrybutu CREATEROLE "
                    f"(ALTER ROLE … CREATEROLE) albo role {CLERK_ROLE} i {KIOSK_ROLE} musi założyć administrator "
                    f"serwera. Szczegóły: {str(error.orig).strip()}"
                ) from error
            raise
    finally:
        database.dispose()
    print(f"Role w bazie {database.description}:")
    for group in (CLERK_ROLE, KIOSK_ROLE):
        state = "utworzona" if group in report.created_groups else "zaktualizowana"
        print(f"  {group:<10} {state} (NOLOGIN), uprawnienia nadane na nowo")
    for name in report.created_logins:
        print(f"  login {name} utworzony")
    for name in report.updated_logins:
        print(f"  login {name}: hasło zmienione, członkostwo ustawione")
    if not (report.created_logins or report.updated_logins):
        print(
            "Loginy stanowisk i kiosków: iok-desktop db roles --clerk-login NAZWA / --kiosk-login NAZWA "
            f"albo w psql: CREATE ROLE nazwa LOGIN PASSWORD '…' IN ROLE {KIOSK_ROLE};"
        )
    return 0
