"""The command line's own messages in Polish: argparse's errors, "usage:" and its help headings.

argparse passes them through gettext (``argparse._``, ``argparse.ngettext``), and Python ships no
Polish catalogue for it; these are the messages a user can meet. Messages about mistakes in a
parser's own definition (a programmer's error) stay English.
"""

from __future__ import annotations

import argparse

MESSAGES = {
    "usage: ": "użycie: ",
    "positional arguments": "polecenia i argumenty",
    "options": "opcje",
    "show this help message and exit": "pokaż tę pomoc i zakończ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: błąd: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "niedozwolona wartość %(value)r (do wyboru: %(choices)s)",
    "the following arguments are required: %s": "brakuje wymaganych argumentów: %s",
    "unrecognized arguments: %s": "nieznane argumenty: %s",
    "expected one argument": "brak wartości (podaj ją po opcji)",
    "expected at least one argument": "podaj co najmniej jedną wartość",
    "expected at most one argument": "podaj co najwyżej jedną wartość",
    # %(type)s is a Python type's name ("int"): not for a user.
    "invalid %(type)s value: %(value)r": "niepoprawna wartość %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "niejednoznaczna opcja %(option)s: pasuje do %(matches)s",
    "not allowed with argument %s": "nie można łączyć z argumentem %s",
    "one of the arguments %s is required": "wymagany jest jeden z argumentów %s",
    "ignored explicit argument %r": "ta opcja nie przyjmuje wartości (podano %r)",
    "can't open '%(filename)s': %(error)s": "nie można otworzyć '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "nieznane polecenie %(parser_name)r (do wyboru: %(choices)s)"
    ),
}


def _gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return "podaj %s wartości" if count != 1 else "podaj %s wartość"
    return singular if count == 1 else plural


def install() -> None:
    """Once, before the first parser is built (idempotent)."""
    setattr(argparse, "_", _gettext)  # noqa: B010 - a module global argparse calls at run time
    setattr(argparse, "ngettext", _ngettext)  # noqa: B010
