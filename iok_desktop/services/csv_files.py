"""CSV files as Polish office programs write them: `;`-separated, UTF-8 (with or without BOM) or
Windows-1250, records numbered by the line they end on. Shared by the meter-reading and ledger imports.

A file that cannot be read is refused as a whole (``unreadable``: a ValidationError on the "file" field),
so an import never half-reads a file in a wrong encoding.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.language import core_text
from iok_desktop.domain.text import clean_line, fold

SEPARATOR = ";"
ENCODING_NAMES = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp1250": "Windows-1250"}
_BLOCK = 1 << 16
SHOWN_CHARS = 40


def shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """A cell as a message quotes it: one clean line, cut at ``limit`` characters (a hostile cell may
    hold 100,000, and up to 10,000 rejected rows are kept for the report)."""
    line = clean_line(text, max_length=limit + 1)
    return line if len(line) <= limit else line[:limit] + "…"


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
    except PermissionError as exc:
        raise unreadable(f"Brak uprawnień do odczytu pliku {path.name}.") from exc
    except OSError as exc:  # the system's own text would be English: the error number is enough
        raise unreadable(f"Nie można odczytać pliku {path.name} (błąd systemu nr {exc.errno}).") from exc
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


@dataclass(frozen=True)
class FileCheck:
    """What the first pass found: the file can be read, how, and how many data rows it has."""

    encoding: str
    columns: dict[str, int]
    rows: int

    @property
    def encoding_name(self) -> str:
        return ENCODING_NAMES.get(self.encoding, self.encoding)


def find_columns(names: list[str], aliases: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """The position of each column, by the first header name among its aliases (names already keyed)."""
    found: dict[str, int] = {}
    for key, accepted in aliases.items():
        for position, name in enumerate(names):
            if name in accepted and key not in found:
                found[key] = position
    return found


def separator_hint(header: list[str]) -> str:
    """A header read as one column was most likely written with commas or tabs."""
    if len(header) == 1 and ("," in header[0] or "\t" in header[0]):
        return " " + core_text("Kolumny muszą być rozdzielone średnikiem (;).")
    return ""


def check_file(path: str | Path, columns_of: Callable[[list[str]], dict[str, int]]) -> FileCheck:
    """First pass: the encoding, the columns (``columns_of`` the header, raising ``unreadable``), the rows."""
    path = Path(path)
    encoding = detect_encoding(path)
    try:
        with open_text(path, encoding) as handle:
            records = csv_records(handle)
            first = next(records, None)
            if first is None:
                raise unreadable(f"Plik {path.name} jest pusty.")
            columns = columns_of(first[1])
            rows = sum(1 for _ in records)
    except csv.Error as exc:
        # With strict=False and NUL bytes refused above, the one csv.Error left is a field over the
        # module's limit (131,072 characters): a cell no office program writes.
        limit = f"{csv.field_size_limit():,}".replace(",", "\u00a0")
        raise unreadable(
            f"Plik {path.name} zawiera pole dłuższe niż {limit} znaków — to nie jest plik CSV "
            "z programu księgowego ani z odczytami."
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise unreadable(f"Nie można odczytać pliku {path.name}.") from exc
    return FileCheck(encoding, columns, rows)


def data_records(path: str | Path, check: FileCheck) -> Iterator[tuple[int, list[str]]]:
    """Second pass: the records after the header, one at a time (the file is never held in memory)."""
    with open_text(Path(path), check.encoding) as handle:
        records = csv_records(handle)
        next(records, None)  # the header
        yield from records
