"""Printing held on its way: ``pdf_print.render_to_printer`` wrapped to record the thread it runs on and
to wait until the test lets it go, so a test can look at a dialog while its pages go to the printer."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtPrintSupport import QPrinter

from iok_desktop.gui import pdf_print


class HeldPrinting:
    def __init__(self) -> None:
        self.threads: list[int] = []  # threading.get_ident() of each rendering
        self.pages: list[int] = []  # pages printed by each rendering, once it is over
        self.started = threading.Event()
        self.release = threading.Event()


def hold_printing(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldPrinting]:
    """For a fixture: ``yield from hold_printing(monkeypatch)``."""
    held = HeldPrinting()
    original = pdf_print.render_to_printer

    def render_to_printer(pdf: bytes, printer: QPrinter) -> int:
        held.threads.append(threading.get_ident())
        held.started.set()
        assert held.release.wait(timeout=30), "the test never let the print go"
        pages = original(pdf, printer)
        held.pages.append(pages)
        return pages

    monkeypatch.setattr(pdf_print, "render_to_printer", render_to_printer)
    yield held
    held.release.set()
    pdf_print.print_thread().wait()


def pdf_printer(path: str) -> QPrinter:
    """Qt's own PDF printer: what a real printer would get, written to a file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    return printer
