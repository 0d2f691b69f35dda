"""``iok-desktop user …``: staff accounts from the command line (the first admin, scripted set-ups)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    user = subparsers.add_parser("user", help="konta pracowników")
    user_sub = user.add_subparsers(dest="user_command", metavar="POLECENIE", required=True)
    add = user_sub.add_parser("add", help="dodaj pracownika (hasło z monitu albo ze standardowego wejścia)")
    add.add_argument("--login", required=True)
    add.add_argument("--role", required=True, choices=["admin", "clerk"])
    add.add_argument("--name", help="imię i nazwisko (domyślnie: login)")
    add.set_defaults(handler=run_add)


def run_add(args: argparse.Namespace) -> int:
    raise NotImplementedError("filled in with the staff service")
