"""``iok-desktop user …``: staff accounts from the command line (the first admin, scripted set-ups)."""

from __future__ import annotations

import argparse
from typing import Any

from iok_desktop.cli.common import open_database, read_password
from iok_desktop.domain.enums import StaffRole
from iok_desktop.domain.passwords import RULES_TEXT
from iok_desktop.services import staff
from iok_desktop.services.context import SYSTEM, ServiceContext


def register(subparsers: Any) -> None:
    user = subparsers.add_parser("user", help="konta pracowników")
    user_sub = user.add_subparsers(dest="user_command", metavar="POLECENIE", required=True)
    add = user_sub.add_parser(
        "add",
        help="dodaj pracownika (hasło z monitu albo z pierwszego wiersza standardowego wejścia)",
        description=f"Dodaje pracownika spółdzielni. {RULES_TEXT}",
    )
    add.add_argument("--login", required=True, help="identyfikator, np. akowalska")
    add.add_argument("--role", required=True, choices=[r.value for r in StaffRole], help="admin albo clerk")
    add.add_argument("--name", help="imię i nazwisko (domyślnie: identyfikator)")
    add.set_defaults(handler=run_add)


def run_add(args: argparse.Namespace) -> int:
    password = read_password(f"Hasło dla {args.login}: ")
    database = open_database(args)
    try:
        created = database.run(
            lambda session: staff.create_staff_user(
                ServiceContext(session, SYSTEM),
                login=args.login,
                full_name=args.name or args.login,
                role=StaffRole(args.role),
                password=password,
            )
        )
    finally:
        database.dispose()
    print(f"Dodano pracownika {created.staff.login} ({created.staff.role.label}) w bazie {database.description}.")
    return 0
