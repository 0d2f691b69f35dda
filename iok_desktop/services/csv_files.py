"""CSV files as Polish office programs write them: `;`-separated, UTF-8 (with or without BOM) or
Windows-1250, records numbered by the line they end on. Shared by the meter-reading and ledger imports.

A file that cannot be read is refused as a whole (``unreadable``: a ValidationError on the "file" field),
so an import never half-reads a file in a wrong encoding.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.text import fold

SEPARATOR = ";"
ENCODING_NAMES = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp1250": "Windows-1250"}
_BLOCK = 1 << 16


def unreadable(message: str) -> ValidationError:
    return ValidationError(message, field="file")


def decodable(handle: IO[bytes], encodings: list[str]) -> list[str]:
    """Which of ``encodings`` decode the whole stream strictly (read block by block)."""
    decoders = {name: codecs.getincrementaldecoder(name)() for name in encodings}
    while block := handle.read(_BLOCK):
        if b"\x00" in block:
            raise unreadable("To nie jest plik tekstowy CSV (zawiera znaki binarne).")
        for name, decoder in list(decoders.items()):
            try:
                decoder.decode(block)
            except UnicodeDecodeError:
                del decoders[name]
    for name, decoder in list(decoders.items()):
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            del decoders[name]
    return [name for name in encodings if name in decoders]


def detect_encoding(path: Path) -> str:
    """UTF-8 (BOM or not) when the whole file decodes as UTF-8, else Windows-1250; else refuse."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise unreadable(
                    "Plik jest zapisany w kodowaniu UTF-16. Zapisz go jako „CSV UTF-8” lub „CSV (rozdzielany "
                    "średnikami)” i zaimportuj ponownie."
                )
            handle.seek(0)
            if head.startswith(codecs.BOM_UTF8):
                found = decodable(handle, ["utf-8-sig"])
            else:
                found = decodable(handle, ["utf-8", "cp1250"])
    except FileNotFoundError as exc:
        raise unreadable(f"Nie ma pliku {path.name}.") from exc
    except IsADirectoryError as exc:
        raise unreadable(f"{path.name} jest folderem, nie plikiem.") from exc
    except OSError as exc:
        raise unreadable(f"Nie można odczytać pliku {path.name}: {exc.strerror or exc}.") from exc
    if not found:
        raise unreadable(
            "Nie można odczytać pliku: nieznane kodowanie znaków. Zapisz go jako „CSV UTF-8” "
            "lub w kodowaniu Windows-1250."
        )
    return found[0]


def header_key(text: str) -> str:
    return "_".join(fold(text.strip().strip('"').lstrip("\ufeff")).replace("-", " ").split())


def csv_records(handle: IO[str]) -> Iterator[tuple[int, list[str]]]:
    """Non-empty records with the line each one ends on (a quoted field may span lines)."""
    reader = csv.reader(handle, delimiter=SEPARATOR, quotechar='"', strict=False)
    for record in reader:
        if any(cell.strip() for cell in record):
            yield reader.line_num, record


def open_text(path: Path, encoding: str) -> IO[str]:
    return path.open(encoding=encoding, newline="")
