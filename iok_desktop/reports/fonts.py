"""The TrueType font of every PDF: DejaVu Sans, which has all Polish letters, embedded in the file.

The files live in ``resources/fonts/dejavu`` with their licence. An installed wheel carries them as
``iok_desktop/fonts/dejavu`` (mapped in pyproject.toml); a source checkout (editable install) reads
them where they are.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_PACKAGE = Path(__file__).resolve().parents[1]
_CANDIDATES = (
    _PACKAGE / "fonts" / "dejavu",  # installed wheel
    _PACKAGE.parent / "resources" / "fonts" / "dejavu",  # source tree
)


def font_dir() -> Path:
    for candidate in _CANDIDATES:
        if (candidate / _FILES[REGULAR]).is_file():
            return candidate
    searched = ", ".join(str(c) for c in _CANDIDATES)
    raise FileNotFoundError(f"the DejaVu fonts are missing (searched {searched}); reinstall iok-desktop")


@cache
def register_fonts() -> tuple[str, str]:
    """Register the regular and bold faces with reportlab once per process; returns their names."""
    directory = font_dir()
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(directory / file_name)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return REGULAR, BOLD
