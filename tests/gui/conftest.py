"""GUI test fixtures: the real application (translations, stylesheet) offscreen, over the ``db`` under
test (SQLite and PostgreSQL), with dialogs the test answers and a signed-in clerk."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from iok_desktop.db.database import Database
from iok_desktop.domain.enums import StaffRole
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.errors import ErrorPresenter
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.qt_app import make_application
from iok_desktop.gui.ui_thread_gc import UiThreadGarbageCollector
from iok_desktop.services.auth import StaffSession
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import FixedClock
from tests.gui.support import ScriptedDialogs
from tests.support.builders import make_staff
from tests.support.cups import CupsServer, CupsUnavailableError, running_cups
from tests.support.cups import ensure_installed as ensure_cups_installed


@pytest.fixture(scope="session")
def iok_app(qapp: QApplication) -> QApplication:
    return make_application(language="pl", route_qt_messages=False)


@pytest.fixture
def backend(db: Database, clock: FixedClock) -> Backend:
    return Backend(db, clock=clock, workstation="test-desk")


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def errors(iok_app: QApplication, dialogs: ScriptedDialogs) -> ErrorPresenter:
    return ErrorPresenter(dialogs)


@pytest.fixture
def runner(errors: ErrorPresenter) -> Iterator[OperationRunner]:
    operations = OperationRunner(errors.show)
    yield operations
    operations.shutdown()


def _signed_in(db: Database, role: StaffRole) -> StaffSession:
    with db.session() as s:
        staff = make_staff(s, "akowalska" if role is StaffRole.CLERK else "admin", role=role)
        s.commit()
        return StaffSession(staff.id, staff.login, staff.full_name, staff.role, False)


@pytest.fixture
def clerk_ctx(
    db: Database,
    backend: Backend,
    runner: OperationRunner,
    errors: ErrorPresenter,
    dialogs: ScriptedDialogs,
    settings: QSettings,
) -> ClerkContext:
    """A signed-in clerk (login ``akowalska``)."""
    return ClerkContext(backend, runner, errors, dialogs, settings, _signed_in(db, StaffRole.CLERK))


@pytest.fixture
def admin_ctx(
    db: Database,
    backend: Backend,
    runner: OperationRunner,
    errors: ErrorPresenter,
    dialogs: ScriptedDialogs,
    settings: QSettings,
) -> ClerkContext:
    """A signed-in administrator (login ``admin``)."""
    return ClerkContext(backend, runner, errors, dialogs, settings, _signed_in(db, StaffRole.ADMIN))


# --- a real CUPS server with a PDF printer (tests/support/cups.py), for tests marked "cups" -----------


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cups: prints through a private CUPS server with a CUPS-PDF printer")


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    """Installs cups and printer-driver-cups-pdf when missing, starts a private cupsd; skips only when
    they cannot be installed here (no root, no apt, no network)."""
    try:
        ensure_cups_installed()
    except CupsUnavailableError as error:
        pytest.skip(f"no CUPS-PDF printer for the printing tests: {error}")
    with running_cups() as server:
        yield server


@pytest.fixture(scope="package", autouse=True)
def _automatic_garbage_collection_after_the_gui_tests() -> Iterator[None]:
    """The application collects garbage on the UI thread only (gui/ui_thread_gc.py); the tests after
    the GUI tests (no event loop runs there) get Python's automatic collection back."""
    yield
    app = QApplication.instance()
    collector = app.findChild(UiThreadGarbageCollector) if app is not None else None
    if isinstance(collector, UiThreadGarbageCollector):
        collector.stop()
    gc.collect()


@pytest.fixture(autouse=True)
def _collect_garbage_after_each_test() -> Iterator[None]:
    """On the UI thread, as the application's timer would (a test may end before it fires)."""
    yield
    gc.collect()
