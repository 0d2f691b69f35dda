"""The clerk's window while the PostgreSQL server really goes away and comes back.

A cluster of this module's own is stopped and started (same port) under the running window, with the
ledger's payment dialog open: the banner says there is no connection and retries by itself, what the
clerk typed stays, and after the restart the payment is booked exactly once — also when the
connection dropped in the middle of COMMIT and the first save did reach the database.
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError

from iok_desktop.db.database import Database
from iok_desktop.db.models import LedgerEntry
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.dialogs import PaymentDialog
from iok_desktop.gui.clerk.ledger.page import LedgerPage
from iok_desktop.gui.clerk.main_window import MainWindow
from iok_desktop.gui.clerk.pages import PageSpec
from iok_desktop.gui.clerk.pages import ledger as ledger_page
from iok_desktop.services.backend import OUTCOME_UNKNOWN, UNAVAILABLE
from tests.gui.support import ScriptedDialogs, screenshot, wait_idle
from tests.gui.test_ledger_page import _choose, ledger_scene
from tests.support.postgres import PostgresCluster

pytestmark = pytest.mark.postgresql_only
DOCUMENT = "KP/7/2026"


@pytest.fixture
def db(fault_db: Database) -> Database:
    """Overrides the suite's ``db``: a database on this module's own server, which the tests stop and start."""
    return fault_db


def _window(qtbot: QtBot, ctx: ClerkContext, delays: tuple[int, ...]) -> tuple[MainWindow, LedgerPage]:
    window = MainWindow(
        ctx, [PageSpec("ledger", "Kartoteka finansowa", "ledger", ledger_page.create)], retry_delays_ms=delays
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.page("ledger")
    assert isinstance(page, LedgerPage)
    _choose(qtbot, page, "wrobl")
    return window, page


def _typed_payment(qtbot: QtBot, page: LedgerPage) -> PaymentDialog:
    dialog = page.open_payment_dialog()
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.amount_edit, "250,00")
    qtbot.keyClicks(dialog.ui.document_edit, DOCUMENT)
    return dialog


def _save(qtbot: QtBot, ctx: ClerkContext, dialog: PaymentDialog) -> None:
    dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(qtbot, ctx.runner)


def _payments(db: Database) -> int:
    with db.session() as s:
        return len(list(s.scalars(select(LedgerEntry.id).where(LedgerEntry.document_id == DOCUMENT))))


def test_a_server_restart_under_an_open_payment_shows_the_banner_keeps_the_form_and_books_once(
    qtbot: QtBot, db: Database, clerk_ctx: ClerkContext, fault_cluster: PostgresCluster, dialogs: ScriptedDialogs
) -> None:
    ledger_scene(db)
    window, page = _window(qtbot, clerk_ctx, delays=(100, 200, 400))
    dialog = _typed_payment(qtbot, page)

    fault_cluster.stop("fast")  # the server is restarted while the clerk types
    _save(qtbot, clerk_ctx, dialog)
    assert dialog.isVisible()
    assert window.banner.isVisible() and window.banner_label.text() == UNAVAILABLE
    assert dialog.ui.error_label.text() == UNAVAILABLE
    assert (dialog.ui.amount_edit.text(), dialog.ui.document_edit.text()) == ("250,00", DOCUMENT)
    screenshot(window, "clerk_connection_lost")
    screenshot(dialog, "clerk_payment_connection_lost")

    # It keeps trying by itself, each time a little later, and says when.
    qtbot.waitUntil(lambda: window._retry_round >= 3, timeout=10_000)
    assert window.banner.isVisible() and window.retry_status_label.text().startswith("Ponowna próba za")

    fault_cluster.start_server()  # back, on the same port
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=10_000)
    assert _payments(db) == 0
    assert dialog.isVisible() and dialog.ui.amount_edit.text() == "250,00"
    wait_idle(qtbot, clerk_ctx.runner)

    _save(qtbot, clerk_ctx, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert _payments(db) == 1
    assert dialogs.texts() == []  # the form said it; no message boxes on top


def test_the_retry_button_reconnects_at_once(
    qtbot: QtBot, db: Database, clerk_ctx: ClerkContext, fault_cluster: PostgresCluster
) -> None:
    ledger_scene(db)
    window, page = _window(qtbot, clerk_ctx, delays=(600_000,))  # no automatic attempt in this test
    dialog = _typed_payment(qtbot, page)
    fault_cluster.stop("fast")
    _save(qtbot, clerk_ctx, dialog)
    assert window.banner.isVisible() and window.retry_timer.isActive()

    window.retry_button.click()  # still down
    wait_idle(qtbot, clerk_ctx.runner)
    assert window.banner.isVisible()

    fault_cluster.start_server()
    window.retry_button.click()
    wait_idle(qtbot, clerk_ctx.runner)
    assert not window.banner.isVisible() and not window.retry_timer.isActive()
    _save(qtbot, clerk_ctx, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert _payments(db) == 1


def test_a_save_whose_commit_answer_was_lost_is_not_booked_a_second_time(
    qtbot: QtBot, db: Database, clerk_ctx: ClerkContext, fault_cluster: PostgresCluster, dialogs: ScriptedDialogs
) -> None:
    ledger_scene(db)
    window, page = _window(qtbot, clerk_ctx, delays=(100, 200))
    dialog = _typed_payment(qtbot, page)

    posting: list[bool] = []

    def flushed(session: Any, _context: Any) -> None:
        posting.extend(isinstance(obj, LedgerEntry) for obj in session.new)

    def committed_then_lost(session: Any) -> None:
        if not any(posting) or session.get_nested_transaction() is not None:
            return  # another transaction, or only the savepoint around the insert
        # The COMMIT of the payment went through, then the server vanished before its answer arrived.
        event.remove(db.session_factory, "after_commit", committed_then_lost)
        event.remove(db.session_factory, "after_flush", flushed)
        fault_cluster.stop("fast")
        lost = psycopg.OperationalError("server closed the connection unexpectedly")
        raise OperationalError("COMMIT", None, lost, connection_invalidated=True)

    event.listen(db.session_factory, "after_flush", flushed)
    event.listen(db.session_factory, "after_commit", committed_then_lost)
    _save(qtbot, clerk_ctx, dialog)
    assert dialog.isVisible() and dialog.ui.error_label.text() == OUTCOME_UNKNOWN
    assert window.banner.isVisible()
    assert (dialog.ui.amount_edit.text(), dialog.ui.document_edit.text()) == ("250,00", DOCUMENT)
    screenshot(dialog, "clerk_payment_commit_outcome_unknown")

    fault_cluster.start_server()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=10_000)
    assert _payments(db) == 1  # the first save did reach the database

    _save(qtbot, clerk_ctx, dialog)  # the clerk saves again: the booked entry is found, not doubled
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert _payments(db) == 1
    assert page.selected_entry() is not None and page.selected_entry().document_id == DOCUMENT  # type: ignore[union-attr]
    assert dialogs.texts() == []
