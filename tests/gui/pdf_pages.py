"""Reading PDFs back in GUI tests: their text (pdftotext) and their pages as images (pdftoppm)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PySide6.QtGui import QImage

Cells = set[tuple[int, int]]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_images(path: Path, dpi: int = 100) -> list[QImage]:
    """Every page in grey, as poppler draws it."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(dpi), str(path), f"{tmp}/page"], check=True)
        return [
            QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
            for png in sorted(Path(tmp).glob("page-*.png"))
        ]


def _grey_rows(image: QImage) -> list[bytes]:
    data = bytes(image.constBits())
    line = image.bytesPerLine()
    return [data[y * line : y * line + image.width()] for y in range(image.height())]


def ink(image: QImage, threshold: int = 200) -> float:
    """Share of the page darker than ``threshold`` (200: anything but white and the palest grey)."""
    dark = sum(1 for row in _grey_rows(image) for value in row if value < threshold)
    return dark / (image.width() * image.height())


def ink_cells(image: QImage, block: int = 4, threshold: int = 128) -> Cells:
    """The ``block``-pixel squares with a dark pixel in them: where something is printed."""
    return {
        (x // block, y // block)
        for y, row in enumerate(_grey_rows(image))
        for x, value in enumerate(row)
        if value < threshold
    }


def layout_mismatch(a: QImage, b: QImage, block: int = 4) -> float:
    """Share of the inked squares of either page with no ink on the other within one square around.

    ~0 for the same text in the same places, whatever each renderer does to the edges of letters (a
    page printed as an image against the same page drawn as text) or a shift of a pixel; a line of
    text more or less on a page shows clearly (at 100 dpi a square is 1 mm).
    """
    assert (a.width(), a.height()) == (b.width(), b.height()), "pages of different sizes"
    cells_a, cells_b = ink_cells(a, block), ink_cells(b, block)
    near = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]

    def lonely(cells: Cells, other: Cells) -> int:
        return sum(1 for x, y in cells if not any((x + dx, y + dy) in other for dx, dy in near))

    return (lonely(cells_a, cells_b) + lonely(cells_b, cells_a)) / max(1, len(cells_a | cells_b))
