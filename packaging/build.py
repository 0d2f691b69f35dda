"""Build the self-contained IOK Desktop folder with PyInstaller: ``python packaging/build.py``.

One command on Linux and on Windows (``py packaging\\build.py``), run with the Python of a virtualenv
that has the project and its ``build`` extra installed (``pip install -e '.[build]'``). It

1. renders the application icon from ``resources/icons/app.svg`` with Qt (a PNG for Linux, an ICO for
   Windows), so no generated picture is kept in git;
2. runs PyInstaller on ``packaging/iok-desktop.spec`` (the build's working files go to ``--work``);
3. starts the built program once (``--version``);
4. adds what the operating system needs beside the program: on Linux the ``.desktop`` files, the icon
   and ``install.sh``; on Windows, with ``--installer``, it runs Inno Setup on
   ``packaging/windows/iok-desktop.iss``.

The result is ``<dist>/iok-desktop/`` (default ``dist/iok-desktop/`` in the source tree), started as
``dist/iok-desktop/iok-desktop``. See packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "iok-desktop.spec"
APP_SVG = ROOT / "resources" / "icons" / "app.svg"
WINDOWS = sys.platform == "win32"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the ICO carries each; the PNG is the largest


class BuildError(Exception):
    """The build cannot go on; the message says why and what to do."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="packaging/build.py",
        description="Buduje samodzielny folder z programem IOK Desktop (PyInstaller); zob. packaging/README.md.",
    )
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="gdzie powstanie folder iok-desktop/ (domyślnie: dist/)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "pyinstaller",
        help="pliki robocze PyInstallera (domyślnie: build/pyinstaller/)",
    )
    parser.add_argument("--installer", action="store_true", help="Windows: zbuduj też instalator (wymaga Inno Setup 6)")
    return parser.parse_args(argv)


def render_icons(target: Path) -> list[Path]:
    """The application icon as PNG (256 px) and, on Windows, as a multi-size ICO, drawn by Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display is needed to draw an SVG
    from PySide6.QtCore import Qt  # noqa: PLC0415 - Qt only when building
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(APP_SVG))
    if not renderer.isValid():
        raise BuildError(f"Nie można odczytać ikony {APP_SVG}.")
    target.mkdir(parents=True, exist_ok=True)

    def draw(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image

    written = [target / "iok-desktop.png"]
    if not draw(max(ICON_SIZES)).save(str(written[0]), "PNG"):
        raise BuildError(f"Nie można zapisać {written[0]}.")
    if WINDOWS:
        written.append(target / "iok-desktop.ico")
        _write_ico(written[-1], [_png_bytes(draw(size)) for size in ICON_SIZES], ICON_SIZES)
    return written


def _png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: PLC0415

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _write_ico(path: Path, pngs: list[bytes], sizes: tuple[int, ...]) -> None:
    """An ICO file of PNG-compressed images (Windows Vista and later read these)."""
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(pngs).to_bytes(2, "little")
    offset = 6 + 16 * len(pngs)
    entries = b""
    for size, png in zip(sizes, pngs, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(png).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(png)
    path.write_bytes(header + entries + b"".join(pngs))


def run_pyinstaller(dist: Path, work: Path, icon_dir: Path) -> Path:
    try:
        import PyInstaller  # noqa: F401, PLC0415
    except ImportError as error:
        raise BuildError(
            "Brak PyInstallera w tym środowisku Pythona. Zainstaluj go: pip install -e '.[build]'"
        ) from error
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work}",
        str(SPEC),
        "--",
        f"--icon-dir={icon_dir}",
    ]
    # Run from the working folder: with the source tree as the current folder, packaging/ (this folder)
    # could be mistaken for the PyPI "packaging" library that PyInstaller imports.
    result = subprocess.run(command, cwd=work, check=False)  # noqa: S603 - our own fixed command
    if result.returncode != 0:
        raise BuildError(f"PyInstaller zakończył się błędem (kod {result.returncode}); komunikaty są powyżej.")
    folder = dist / "iok-desktop"
    if not (folder / executable_name()).is_file():
        raise BuildError(f"PyInstaller nie utworzył {folder / executable_name()}.")
    return folder


def executable_name() -> str:
    return "iok-desktop.exe" if WINDOWS else "iok-desktop"


def check_version(folder: Path) -> None:
    """The built program starts and says its version (the console program on Windows)."""
    from iok_desktop import __version__  # noqa: PLC0415

    program = folder / ("iok-desktop-cli.exe" if WINDOWS else "iok-desktop")
    result = subprocess.run(  # noqa: S603 - the program just built
        [str(program), "--version"], capture_output=True, text=True, timeout=120, check=False
    )
    if result.stdout.strip() != f"iok-desktop {__version__}":
        raise BuildError(f"Zbudowany program nie działa: {program} --version\n{result.stdout}{result.stderr}")


def add_linux_files(folder: Path, icon_dir: Path) -> None:
    """The menu entry, the kiosk's autostart entry, the icon and the installer script beside the program."""
    shutil.copy2(icon_dir / "iok-desktop.png", folder / "iok-desktop.png")
    for name in ("iok-desktop.desktop", "iok-desktop-kiosk.desktop", "install.sh"):
        shutil.copy2(PACKAGING / "linux" / name, folder / name)
    (folder / "install.sh").chmod(0o755)


def build_installer(folder: Path, dist: Path) -> Path:
    """Windows: Inno Setup 6 turns the folder into dist/iok-desktop-setup-<version>.exe."""
    from iok_desktop import __version__  # noqa: PLC0415

    iscc = find_iscc()
    if iscc is None:
        raise BuildError("Nie znaleziono Inno Setup 6 (ISCC.exe). Zainstaluj go ze strony jrsoftware.org.")
    command = [
        iscc,
        f"/DAppVersion={__version__}",
        f"/DSourceDir={folder}",
        f"/DOutputDir={dist}",
        str(PACKAGING / "windows" / "iok-desktop.iss"),
    ]
    if subprocess.run(command, check=False).returncode != 0:  # noqa: S603 - our own fixed command
        raise BuildError("Inno Setup zakończył się błędem; komunikaty są powyżej.")
    return dist / f"iok-desktop-setup-{__version__}.exe"


def find_iscc() -> str | None:
    """Inno Setup's compiler: on PATH, else in its default installation folder."""
    found = shutil.which("ISCC")
    if found:
        return found
    for variable in ("ProgramFiles(x86)", "ProgramFiles"):
        folder = os.environ.get(variable)
        if folder and (Path(folder) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(folder) / "Inno Setup 6" / "ISCC.exe")
    return None


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    started = time.monotonic()
    try:
        if args.installer and not WINDOWS:
            raise BuildError("Instalator (--installer) buduje się tylko w systemie Windows.")
        work.mkdir(parents=True, exist_ok=True)
        icon_dir = work / "icons"
        render_icons(icon_dir)
        folder = run_pyinstaller(dist, work, icon_dir)
        check_version(folder)
        if WINDOWS:
            shutil.copy2(icon_dir / "iok-desktop.ico", folder / "iok-desktop.ico")  # the installer's icon
            installer = build_installer(folder, dist) if args.installer else None
        else:
            add_linux_files(folder, icon_dir)
            installer = None
    except BuildError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - started
    print(f"Gotowe w {elapsed:.0f} s: {folder} ({folder_size(folder) / 2**20:.0f} MB)")
    print(f"Uruchom: {folder / executable_name()}")
    if installer is not None:
        print(f"Instalator: {installer}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
