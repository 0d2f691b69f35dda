"""Printing a finished PDF (a statement, a handover slip) through Qt: QtPdf draws each page, QPainter puts
it on a QPrinter, so every printer the system knows (CUPS on Linux, the spooler on Windows) works.

QtPdf renders pages only as images, so each page is drawn as an image at the printer's resolution (at
most ``MAX_DPI``: an A4 page at 1200 dpi would be half a gigabyte), fitted to the paper and centred.
The PDF itself carries its own margins, so the printer's page margins are not added on top.

Two ways in: ``print_dialog`` gives the Qt print dialog (the clerk's Print… button); ``print_to``
prints silently to a printer named in the settings (the kiosk).

Both the clerk and the kiosk print through ``print_in_background``: drawing the pages onto the printer
(seconds for a long statement) runs on a thread of its own, never on the UI thread. QPainter may paint
on a QPrinter outside the GUI thread (it is not a widget); the printer is not touched by the UI
thread until the job is done.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger("iok.gui.pdf_print")

MAX_DPI = 300
POINTS_PER_INCH = 72


class PrintError(RuntimeError):
    """Printing could not start or finish; the message is for the user (translated)."""


@dataclass(frozen=True)
class PrintResult:
    printer_name: str
    pages: int
    copies: int


class LoadedPdf:
    """A PDF held in memory for QtPdf (the buffer must live as long as the document)."""

    def __init__(self, pdf: bytes) -> None:
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            raise PrintError(QCoreApplication.translate("PdfPrint", "The document to print could not be read."))

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        self.document.close()
        self._buffer.close()
        # Destroyed now, on the thread that made them (printing runs on the print thread): left to the
        # garbage collector (an exception's traceback keeps the frame alive) they would be destroyed
        # later on whichever thread collects them.
        shiboken6.delete(self.document)
        shiboken6.delete(self._buffer)


def _pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """0-based page numbers, honouring a page range chosen in the print dialog."""
    ranges = printer.pageRanges()
    if printer.printRange() == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
        return [page for page in range(page_count) if ranges.contains(page + 1)]
    return list(range(page_count))


def _page_image(document: QPdfDocument, page: int, pixels: QSizeF) -> QImage:
    """The page rendered at ``pixels``, on white (a printer knows no transparency)."""
    size = QSize(max(1, round(pixels.width())), max(1, round(pixels.height())))
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def render_to_printer(pdf: bytes, printer: QPrinter) -> int:
    """Draw every page (or the chosen range) of ``pdf`` on ``printer``; returns the pages printed."""
    loaded = LoadedPdf(pdf)
    try:
        pages = _pages_to_print(printer, loaded.page_count)
        if not pages:
            raise PrintError(QCoreApplication.translate("PdfPrint", "The chosen page range is outside the document."))
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(
                QCoreApplication.translate("PdfPrint", "The printer %1 could not start printing.").replace(
                    "%1", printer.printerName() or printer.outputFileName()
                )
            )
        try:
            device_dpi = printer.resolution()
            dpi = min(device_dpi, MAX_DPI)
            paper = QRectF(painter.viewport())
            for number, page in enumerate(pages):
                if number:
                    printer.newPage()
                points = loaded.document.pagePointSize(page)
                fit = min(paper.width() / points.width(), paper.height() / points.height())
                target = QSizeF(points.width() * fit, points.height() * fit)
                pixels = QSizeF(target.width() * dpi / device_dpi, target.height() * dpi / device_dpi)
                image = _page_image(loaded.document, page, pixels)
                left = paper.left() + (paper.width() - target.width()) / 2
                top = paper.top() + (paper.height() - target.height()) / 2
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
                painter.drawImage(QRectF(left, top, target.width(), target.height()), image)
        finally:
            painter.end()
        return len(pages)
    finally:
        loaded.close()


def _prepare(printer: QPrinter, title: str, copies: int) -> None:
    printer.setDocName(title)
    printer.setCopyCount(max(1, copies))
    printer.setPageOrder(QPrinter.PageOrder.FirstPageFirst)


def print_to(printer_name: str, pdf: bytes, *, title: str, copies: int = 1) -> PrintResult:
    """Print silently to the named printer (no dialog), ``copies`` copies."""
    info = QPrinterInfo.printerInfo(printer_name)
    if info.isNull():
        raise PrintError(
            QCoreApplication.translate("PdfPrint", "The printer %1 is not available.").replace("%1", printer_name)
        )
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    _prepare(printer, title, copies)
    pages = render_to_printer(pdf, printer)
    return PrintResult(printer.printerName(), pages, printer.copyCount())


# The printers of the open print dialogs, each released when its dialog's C++ object is destroyed. Not
# (only) an attribute of the dialog: the garbage collector may clear a Python wrapper's attributes while
# its C++ dialog, owned by a parent, still lives and still points at the printer.
_DIALOG_PRINTERS: dict[int, QPrinter] = {}
_dialog_keys = itertools.count(1)


class PrintDialog(QPrintDialog):
    """Qt's print dialog that owns its printer (QPrintDialog only borrows it): the printer lives until the
    dialog itself is destroyed."""

    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.target = printer
        key = next(_dialog_keys)
        _DIALOG_PRINTERS[key] = printer
        self.destroyed.connect(functools.partial(_DIALOG_PRINTERS.pop, key, None))


def print_dialog(parent: QWidget | None, pdf_pages: int, *, title: str, copies: int = 1) -> PrintDialog:
    """The Qt print dialog for a document of ``pdf_pages`` pages (the caller shows it and prints on accept)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _prepare(printer, title, copies)
    dialog = PrintDialog(printer, parent)
    dialog.setObjectName("print_dialog")
    dialog.setWindowTitle(title)
    dialog.setMinMax(1, pdf_pages)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    return dialog


# --- printing off the UI thread -----------------------------------------------------------------------
# Printing has a thread of its own, not the database worker (gui/operations.py): that worker is the only
# one for database calls and runs them in order, so a long print job there would hold up every list,
# search and save behind it. Print jobs run one after another on this thread (one printer job at a
# time); the database worker stays free.


@dataclass
class _Job:
    on_done: Callable[[PrintResult], None]
    on_failed: Callable[[PrintError], None]
    receiver: QObject | None
    keep: QObject | None  # deleted (later) once the job is over: the print dialog that refers to the printer
    printer: object  # the QPrinter (or its name): alive until the job is over


class _PrintThread(QObject):
    _finished = Signal(object)  # (job id, the future)

    def __init__(self) -> None:
        super().__init__()
        self._executor: ThreadPoolExecutor | None = None
        self._jobs: dict[int, _Job] = {}
        self._ids = itertools.count(1)
        self._finished.connect(self._deliver)
        app = QCoreApplication.instance()
        if app is not None:  # a job already sent to the printer is finished before the application quits
            app.aboutToQuit.connect(self.wait)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def submit(self, work: Callable[[], PrintResult], job: _Job) -> None:
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415 - only once something is printed

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="iok-print")
        job_id = next(self._ids)
        self._jobs[job_id] = job
        future = self._executor.submit(work)
        future.add_done_callback(lambda done: self._finished.emit((job_id, done)))

    def _deliver(self, payload: tuple[int, Future[PrintResult]]) -> None:
        """On the UI thread: the job is over; its result goes to its callbacks unless their owner is gone."""
        job_id, future = payload
        job = self._jobs.pop(job_id)
        if not self._jobs and self._executor is not None:
            # The thread ends when there is nothing left to print, and the next print starts a new one:
            # libcups keeps its print server and connection per thread, so a thread kept for the whole
            # session would go on using the server it first talked to after the configuration changed.
            self._executor.shutdown(wait=False)
            self._executor = None
        if job.keep is not None and shiboken6.isValid(job.keep):
            job.keep.deleteLater()
        if job.receiver is not None and not shiboken6.isValid(job.receiver):
            log.debug("print result dropped: its window is gone")
            return
        error = future.exception()
        if error is None:
            job.on_done(future.result())
        elif isinstance(error, PrintError):
            job.on_failed(error)
        else:
            log.error("printing failed", exc_info=error)
            job.on_failed(
                PrintError(
                    QCoreApplication.translate("PdfPrint", "Printing failed: %1").replace(
                        "%1", str(error) or type(error).__name__
                    )
                )
            )

    def wait(self) -> None:
        """Block until the jobs already started are done (at exit; tests)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None


_print_thread: _PrintThread | None = None


def print_thread() -> _PrintThread:
    """The one printing thread of the application (made on the UI thread, with the first print)."""
    global _print_thread  # noqa: PLW0603 - one printing thread per process
    if _print_thread is None:
        _print_thread = _PrintThread()
    return _print_thread


def print_in_background(
    pdf: bytes,
    printer: QPrinter | str,
    *,
    on_done: Callable[[PrintResult], None],
    on_failed: Callable[[PrintError], None],
    receiver: QObject | None = None,
    keep: QObject | None = None,
    title: str = "",
    copies: int = 1,
) -> None:
    """Print ``pdf`` on the printing thread; the callbacks run on the UI thread when it is done.

    ``printer``: the QPrinter chosen in the print dialog (kept alive here until the job is done; the UI
    must not touch it meanwhile), or the name of a printer to print to silently with ``title`` and
    ``copies`` (``print_to``). ``receiver``: when given and deleted by then, the callbacks are dropped.
    ``keep``: held until the job is done, then deleted later on the UI thread (the print dialog, which
    refers to the printer: detach it from its parent first, so closing the parent does not delete it).
    """
    if isinstance(printer, str):
        name = printer

        def work() -> PrintResult:
            return print_to(name, pdf, title=title, copies=copies)

    else:
        chosen = printer

        def work() -> PrintResult:
            pages = render_to_printer(pdf, chosen)
            return PrintResult(chosen.printerName() or chosen.outputFileName(), pages, chosen.copyCount())

    # The job holds the printer too, so it lives on after a print dialog that is deleted meanwhile.
    print_thread().submit(work, _Job(on_done, on_failed, receiver, keep, printer))
