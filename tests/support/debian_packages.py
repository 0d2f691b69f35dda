"""Debian packages the test suite needs besides Python ones, installed by the suite itself.

A clean CI machine has the PostgreSQL binaries but not poppler's ``pdftoppm``/``pdftotext`` (reading
PDFs back) nor CUPS with CUPS-PDF (real printing). The README's test command is only
``pip install -e '.[test]' && pytest``, so the suite installs what is missing (as root, with
``apt-get``, non-interactive) before the first test, once per machine; several test processes
starting at once wait for one installer.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

INSTALL_LOCK = Path(tempfile.gettempdir()) / "iok-apt-install.lock"


class PackagesUnavailableError(RuntimeError):
    """The packages cannot be installed here (no root, no apt-get, no network)."""


def _apt(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive", "APT_LISTCHANGES_FRONTEND": "none"}
    return subprocess.run(
        ["apt-get", "-q", "-o", "DPkg::Lock::Timeout=300", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
        stdin=subprocess.DEVNULL,
    )


def ensure_packages(packages: Mapping[str, Callable[[], bool]]) -> None:
    """Install each package whose check (``name -> is it there?``) fails; one apt-get run for all."""
    missing = [name for name, present in packages.items() if not present()]
    if not missing:
        return
    hint = f"install them with `apt-get install {' '.join(missing)}` (as root)"
    if os.geteuid() != 0:
        raise PackagesUnavailableError(f"{', '.join(missing)} missing and the tests do not run as root: {hint}")
    if shutil.which("apt-get") is None:
        raise PackagesUnavailableError(f"{', '.join(missing)} missing and there is no apt-get: {hint}")
    with INSTALL_LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        missing = [name for name, present in packages.items() if not present()]
        if not missing:
            return
        install = ("install", "-y", "--no-install-recommends", *missing)
        result = _apt(*install)
        if result.returncode != 0:
            # A clean machine may have no package lists yet (or stale ones): read them, then try again.
            update = _apt("update")
            result = _apt(*install) if update.returncode == 0 else update
        still_missing = [name for name in missing if not packages[name]()]
        if result.returncode != 0 or still_missing:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-6:])
            raise PackagesUnavailableError(f"could not install {' '.join(missing)} (no network?):\n{tail}")


def _tools(*names: str) -> Callable[[], bool]:
    return lambda: all(shutil.which(name) is not None for name in names)


# poppler: the tests read PDFs back as text (pdftotext, pdfinfo, pdffonts) and as page images (pdftoppm).
POPPLER = {"poppler-utils": _tools("pdftoppm", "pdftotext", "pdfinfo", "pdffonts")}


def ensure_poppler() -> None:
    ensure_packages(POPPLER)
