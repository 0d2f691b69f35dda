"""The report code stays free of Qt, and the PDF fonts ship with the package (with their licence)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import setuptools

from iok_desktop.reports import fonts
from tests.unit.test_architecture import _modules, _offenders

ROOT = Path(__file__).resolve().parents[2]


def test_reports_import_no_qt() -> None:
    assert _offenders(_modules("reports"), ("PySide6", "shiboken6", "iok_desktop.gui")) == []


def test_every_package_is_listed_in_pyproject() -> None:
    """The package list is explicit (for the font mapping): a new package must be added there."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = set(setuptools.find_packages(where=str(ROOT), include=["iok_desktop*"]))
    assert found - listed == set()
    assert config["package-dir"]["iok_desktop.fonts"] == "resources/fonts"


def test_the_fonts_and_their_licence_are_found() -> None:
    directory = fonts.font_dir()
    assert (directory / "DejaVuSans.ttf").is_file()
    assert (directory / "DejaVuSans-Bold.ttf").is_file()
    assert "Bitstream" in (directory / "LICENSE").read_text(encoding="utf-8")
    assert fonts.register_fonts() == ("DejaVuSans", "DejaVuSans-Bold")
