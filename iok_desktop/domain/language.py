"""The language of the texts the core produces for the user: Polish (the default) or English.

The core writes its messages in Polish (``DomainError`` messages, enum labels, reading flags, the
reasons of rejected import rows…). ``localize`` turns such a text into English when the language is
``"en"`` and returns it unchanged in Polish. The English lives in ``messages_en`` as a catalogue of
Polish *templates*: ``"Nie ma pliku {name}."`` matches any text of that shape and gives
``"The file {name} does not exist."`` with the same value, so raise sites stay plain f-strings.

Which texts go through ``localize``:

- ``DomainError.message`` and ``str(error)`` (and ``ConfirmationRequiredError.warnings``) are
  localised when read, so callers need no change;
- enum ``label``s;
- every other Polish text a service returns for display is wrapped in ``localize(...)`` where it is
  built (the language is set once at start-up, before any service runs);
- a Polish text kept as data (a note the system writes, a reading's flag, the warnings recorded in
  the audit log) is marked with ``core_text(...)`` where it is built and localised where it is shown.

A test scans the core for these sites and fails when one has no English entry (and when an entry is no
longer used). The catalogue is imported on the first English look-up only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iok_desktop.domain.catalogue import Catalogue

SUPPORTED_LANGUAGES = ("pl", "en")
DEFAULT_LANGUAGE = "pl"


class _Setting:
    language = DEFAULT_LANGUAGE


def set_language(code: str) -> None:
    """Choose the language of core texts: ``"pl"`` or ``"en"`` (``"en_GB"``, ``"pl-PL"`` accepted too).

    One setting for the whole process, chosen at start-up (the GUI's ``--lang`` or the system locale).
    """
    base = code.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    if base not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {code!r}; expected one of {', '.join(SUPPORTED_LANGUAGES)}")
    _Setting.language = base


def current_language() -> str:
    return _Setting.language


def localize(text: str) -> str:
    """``text`` (a Polish core text) in the current language; unchanged when there is no English."""
    if _Setting.language == "pl" or not text:
        return text
    return english_catalogue().translate(text).text


def core_text(text: str) -> str:
    """Mark a Polish core text that is passed on or stored in Polish and localised where it is shown.

    It returns ``text`` unchanged; the catalogue test collects the texts marked with it.
    """
    return text


def english_catalogue() -> Catalogue:
    """The English catalogue, loaded on first use (``domain/catalogue.py``)."""
    from iok_desktop.domain.catalogue import english_catalogue as loaded  # noqa: PLC0415 - see its docstring

    return loaded()
