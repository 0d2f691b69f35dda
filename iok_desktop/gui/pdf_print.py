"""Printing a finished PDF (a statement, a handover slip) through Qt: QtPdf draws each page, QPainter puts
it on a QPrinter, so every printer the system knows (CUPS on Linux, the spooler on Windows) works.

QtPdf renders pages only as images, so each page is drawn as an image at the printer's resolution (at
most ``MAX_DPI``: an A4 page at 1200 dpi would be half a gigabyte), fitted to the paper and centred.
The PDF itself carries its own margins, so the printer's page margins are not added on top.

Two ways in: ``ask_and_print`` shows the Qt print dialog (the clerk's Print… button);
``print_to`` prints silently to a printer named in the settings (the kiosk).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

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


class PrintDialog(QPrintDialog):
    """Qt's print dialog that owns its printer (QPrintDialog only borrows it)."""

    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.target = printer


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
