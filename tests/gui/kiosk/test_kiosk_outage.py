"""The kiosk while its PostgreSQL server really stops and starts again (a cluster of this module's own):
a resident's next tap shows the out-of-service screen, an idle kiosk notices by itself, and both come
back to the sign-in screen by themselves once the server is up."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from iok_desktop.db.database import Database
from iok_desktop.gui.kiosk.login_screen import KioskLoginScreen
from iok_desktop.gui.kiosk.shell import KioskShell
from tests.gui.kiosk.conftest import MakeKiosk, Resident
from tests.gui.kiosk.test_kiosk_shell import _login
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import RESIDENT_PASSWORD
from tests.support.postgres import PostgresCluster

pytestmark = pytest.mark.postgresql_only


@pytest.fixture
def db(fault_db: Database) -> Database:
    """Overrides the suite's ``db``: a database on this module's own server, which the tests stop and start."""
    return fault_db


def test_a_server_restart_under_a_signed_in_resident_shows_out_of_service_and_recovers(
    qtbot: QtBot, make_kiosk: MakeKiosk, resident: Resident, fault_cluster: PostgresCluster
) -> None:
    kiosk = make_kiosk(retry_ms=200)
    _login(qtbot, kiosk, resident.login, RESIDENT_PASSWORD)
    shell = kiosk.window.currentWidget()
    assert isinstance(shell, KioskShell)

    fault_cluster.stop("fast")
    shell.buttons["contacts"].click()  # the resident taps on: the page's load finds no server
    qtbot.waitUntil(lambda: kiosk.out_of_service, timeout=10_000)
    assert kiosk.session is None and kiosk.retry_timer.isActive()
    screenshot(kiosk.window, "kiosk_out_of_service_real")
    qtbot.wait(600)  # several attempts fail while the server is down
    assert kiosk.out_of_service

    fault_cluster.start_server()
    qtbot.waitUntil(lambda: isinstance(kiosk.window.currentWidget(), KioskLoginScreen), timeout=10_000)
    wait_idle(qtbot, kiosk.runner)
    _login(qtbot, kiosk, resident.login, RESIDENT_PASSWORD)  # and it works again
    assert isinstance(kiosk.window.currentWidget(), KioskShell)


def test_an_idle_kiosk_notices_the_lost_server_by_itself(
    qtbot: QtBot, make_kiosk: MakeKiosk, fault_cluster: PostgresCluster
) -> None:
    kiosk = make_kiosk(retry_ms=200, heartbeat_ms=100)
    fault_cluster.stop("fast")
    qtbot.waitUntil(lambda: kiosk.out_of_service, timeout=10_000)
    fault_cluster.start_server()
    qtbot.waitUntil(lambda: isinstance(kiosk.window.currentWidget(), KioskLoginScreen), timeout=10_000)
