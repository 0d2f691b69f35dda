"""The announcements screen, driven as a clerk would: write, preview, publish, end; audiences; conflicts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from iok_desktop.db.database import Database
from iok_desktop.domain.enums import AnnouncementKind, Audience
from iok_desktop.gui.clerk.announcements.page import AnnouncementsPage
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.pages.announcements import create
from iok_desktop.services import announcements
from iok_desktop.services.announcements import STALE, AnnouncementState
from iok_desktop.services.backend import Backend
from tests.conftest import TEST_NOW
from tests.gui.support import ScriptedDialogs, screenshot, wait_idle
from tests.support.builders import make_building, make_household, make_premises, staff_of


def _open(qtbot: QtBot, ctx: ClerkContext) -> AnnouncementsPage:
    page = create(ctx)
    assert isinstance(page, AnnouncementsPage)
    qtbot.addWidget(page)
    page.resize(1180, 820)
    page.show()
    page.activated()
    wait_idle(qtbot, ctx.runner)
    return page


def _click(qtbot: QtBot, ctx: ClerkContext, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    wait_idle(qtbot, ctx.runner)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a person, Polish letters included (QTest's keyClicks knows only ASCII)."""
    for ch in text:
        if ch == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _urgent() -> str:
    return QCoreApplication.translate("ResidentAnnouncements", "URGENT")


def test_a_clerk_writes_previews_publishes_and_ends_an_announcement(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    backend: Backend,
    clerk_ctx: ClerkContext,
    dialogs: ScriptedDialogs,
) -> None:
    with db.session() as s:
        home = make_household(s)
        s.commit()
        resident = home.resident(s, backend.clock).actor
    page = _open(qtbot, clerk_ctx)
    editor = page.editor
    assert page.model.rowCount() == 0 and not editor.ui.expire_button.isEnabled()

    type_text(qtbot, editor.ui.title_edit, "Przerwa w dostawie wody")
    qtbot.mouseClick(editor.ui.kind_urgent_radio, Qt.MouseButton.LeftButton)
    type_text(
        qtbot,
        editor.ui.body_edit,
        "W środę 2 grudnia od 8:00 do 14:00 nie będzie wody.\n\nPrzepraszamy za utrudnienia.",
    )
    qtbot.mouseClick(editor.ui.valid_until_check, Qt.MouseButton.LeftButton)
    assert editor.ui.valid_until_edit.isEnabled()
    screenshot(page, "announcements_editor")

    qtbot.mouseClick(editor.ui.preview_button, Qt.MouseButton.LeftButton)
    preview = editor.preview_dialog
    assert preview is not None and preview.isVisible()
    shown = preview.browser.toPlainText()
    assert _urgent() in shown and "Przerwa w dostawie wody" in shown and "25.11.2026" in shown
    assert "Przepraszamy za utrudnienia." in shown and "09.12.2026" in shown
    assert "#b3261e" in preview.browser.toHtml()  # the urgent red
    screenshot(preview, "announcement_preview")
    preview.close()

    _click(qtbot, clerk_ctx, editor.ui.save_button)
    assert [(line.row.title, line.row.state) for line in page.lines()] == [
        ("Przerwa w dostawie wody", AnnouncementState.DRAFT)
    ]
    saved = editor.current
    assert saved is not None and saved.kind is AnnouncementKind.URGENT
    assert saved.body == "W środę 2 grudnia od 8:00 do 14:00 nie będzie wody.\n\nPrzepraszamy za utrudnienia."
    assert saved.valid_until == TEST_NOW + timedelta(days=14)
    assert page.view.currentIndex().row() == 0 and not editor.is_dirty()
    assert backend.call(resident, announcements.active_for_resident) == []

    _click(qtbot, clerk_ctx, editor.ui.publish_button)
    assert dialogs.messages[-1] == (
        "confirm",
        "Publikacja ogłoszenia",
        "Opublikować „Przerwa w dostawie wody”? Mieszkańcy zobaczą je od razu.",
    )
    assert editor.current is not None and editor.current.state is AnnouncementState.ACTIVE
    assert page.lines()[0].row.state is AnnouncementState.ACTIVE
    seen = backend.call(resident, announcements.active_for_resident)
    assert [(a.title, a.is_urgent) for a in seen] == [("Przerwa w dostawie wody", True)]
    assert not editor.ui.publish_button.isEnabled()
    screenshot(page, "announcements_published")

    _click(qtbot, clerk_ctx, editor.ui.expire_button)
    assert editor.current is not None and editor.current.state is AnnouncementState.EXPIRED
    assert editor.current.valid_until == TEST_NOW
    assert backend.call(resident, announcements.active_for_resident) == []
    assert not editor.ui.expire_button.isEnabled()
    assert [m for m in dialogs.messages if m[0] != "confirm"] == []


# The completer's popup: the offscreen platform cannot raise it or grab the keyboard for it.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_an_announcement_for_one_building_and_for_one_premises(
    qtbot: QtBot, db: Database, backend: Backend, clerk_ctx: ClerkContext, qtmodeltester: object
) -> None:
    with db.session() as s:
        make_building(s, street="Akacjowa", number="2")
        target = make_building(s, street="Łąkowa", number="3A")
        flat = make_premises(s, target, number="7")
        s.commit()
        target_id, flat_id = target.id, flat.id
    page = _open(qtbot, clerk_ctx)
    editor = page.editor
    assert not editor.building_combo.isVisibleTo(page)

    type_text(qtbot, editor.ui.title_edit, "Przegląd kominiarski")
    type_text(qtbot, editor.ui.body_edit, "Kominiarz odwiedzi klatki w piątek.")
    qtbot.mouseClick(editor.ui.audience_building_radio, Qt.MouseButton.LeftButton)
    assert editor.building_combo.isVisibleTo(page)
    assert editor.building_combo.count() == 2
    _click(qtbot, clerk_ctx, editor.ui.save_button)
    assert editor.ui.audience_error_label.text() == "Wybierz budynek, do którego jest ogłoszenie."
    assert editor.ui.title_edit.text() == "Przegląd kominiarski"  # nothing typed is lost

    type_text(qtbot, editor.building_combo, "łąkowa")
    qtbot.keyClick(editor.building_combo, Qt.Key.Key_Return)
    assert editor.building_combo.building_id() == target_id
    _click(qtbot, clerk_ctx, editor.ui.save_button)
    assert editor.current is not None and editor.current.audience is Audience.BUILDING
    assert editor.current.building_id == target_id
    assert not editor.ui.audience_error_label.isVisibleTo(page)
    audience_column = page.model.column_of_key("audience")
    assert page.model.index(0, audience_column).data() == (
        QCoreApplication.translate("AnnouncementList", "building %1").replace("%1", "ul. Łąkowa 3A")
    )
    screenshot(page, "announcements_building")

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert editor.current is None and editor.ui.title_edit.text() == ""
    type_text(qtbot, editor.ui.title_edit, "Odczyt wodomierza")
    type_text(qtbot, editor.ui.body_edit, "Prosimy o udostępnienie lokalu.")
    qtbot.mouseClick(editor.ui.audience_premises_radio, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.premises_search.results_shown, timeout=5000):
        type_text(qtbot, editor.premises_search.search_edit, "łąkowa 3a/7")
    wait_idle(qtbot, clerk_ctx.runner)
    qtbot.keyClick(editor.premises_search.search_edit, Qt.Key.Key_Return)
    assert "ul. Łąkowa 3A/7" in editor.ui.premises_chosen_label.text()
    screenshot(page, "announcements_premises")
    _click(qtbot, clerk_ctx, editor.ui.save_button)
    assert editor.current is not None and editor.current.premises_id == flat_id
    assert [line.row.audience for line in page.lines()] == [Audience.PREMISES, Audience.BUILDING]
    assert page.lines()[0].premises is not None and page.lines()[0].premises.address.startswith("ul. Łąkowa 3A/7")

    # Choosing the building announcement again shows its building.
    page.view.selectRow(1)
    assert editor.current is not None and editor.current.building_id == target_id
    assert editor.building_combo.building_id() == target_id and editor.ui.audience_building_radio.isChecked()
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    wait_idle(qtbot, clerk_ctx.runner)


def test_a_stale_edit_shows_the_conflict_and_reloads(
    qtbot: QtBot, db: Database, backend: Backend, clerk_ctx: ClerkContext, dialogs: ScriptedDialogs
) -> None:
    with db.session() as s:
        home = make_household(s)
        s.commit()
        other_clerk = staff_of(home.clerk)
    row = backend.call(
        other_clerk,
        announcements.create_announcement,
        title="Zebranie",
        body="Zebranie mieszkańców.",
        kind=AnnouncementKind.NORMAL,
        publish_from=TEST_NOW,
        valid_until=None,
        audience=Audience.EVERYONE,
    )
    page = _open(qtbot, clerk_ctx)
    editor = page.editor
    page.view.selectRow(0)
    assert editor.current is not None and editor.ui.title_edit.text() == "Zebranie"
    # Another clerk saves first.
    backend.call(
        other_clerk,
        announcements.update_announcement,
        row.id,
        row.version,
        title="Zebranie w czwartek",
        body=row.body,
        kind=row.kind,
        publish_from=row.publish_from,
        valid_until=None,
        audience=row.audience,
    )

    type_text(qtbot, editor.ui.title_edit, " w piątek")
    assert editor.is_dirty()
    _click(qtbot, clerk_ctx, editor.ui.save_button)

    assert dialogs.messages[-1][0] == "warning" and dialogs.messages[-1][2] == STALE
    assert editor.ui.title_edit.text() == "Zebranie w czwartek"
    assert editor.current is not None and editor.current.version == row.version + 1
    assert page.lines()[0].row.title == "Zebranie w czwartek"
    # Now the edit goes through.
    type_text(qtbot, editor.ui.title_edit, " o 18:00")
    _click(qtbot, clerk_ctx, editor.ui.save_button)
    assert page.lines()[0].row.title == "Zebranie w czwartek o 18:00"


def test_refusals_show_next_to_the_field_and_keep_what_was_typed(
    qtbot: QtBot, clerk_ctx: ClerkContext, dialogs: ScriptedDialogs
) -> None:
    page = _open(qtbot, clerk_ctx)
    editor = page.editor
    type_text(qtbot, editor.ui.body_edit, "Treść bez tytułu.")
    _click(qtbot, clerk_ctx, editor.ui.save_button)
    assert editor.ui.title_error_label.text() == "Podaj tytuł ogłoszenia."
    assert editor.ui.body_edit.toPlainText() == "Treść bez tytułu."
    assert editor.current is None and page.model.rowCount() == 0
    screenshot(page, "announcements_refused")
    type_text(qtbot, editor.ui.title_edit, "Tytuł")
    _click(qtbot, clerk_ctx, editor.ui.save_button)
    assert not editor.ui.title_error_label.isVisibleTo(page) and page.model.rowCount() == 1
    assert dialogs.messages == []


def test_the_status_filter_and_unsaved_changes_guard(
    qtbot: QtBot, db: Database, backend: Backend, clerk_ctx: ClerkContext, dialogs: ScriptedDialogs
) -> None:
    actor = clerk_ctx.actor
    for title, draft in [("Szkic", True), ("Opublikowane", False)]:
        backend.call(
            actor,
            announcements.create_announcement,
            title=title,
            body="Treść.",
            kind=AnnouncementKind.NORMAL,
            publish_from=TEST_NOW - timedelta(hours=1),
            valid_until=None,
            audience=Audience.EVERYONE,
            draft=draft,
        )
    page = _open(qtbot, clerk_ctx)
    assert [line.row.title for line in page.lines()] == ["Opublikowane", "Szkic"]
    page.state_filter_combo.setCurrentIndex(page.state_filter_combo.findData(AnnouncementState.DRAFT))
    wait_idle(qtbot, clerk_ctx.runner)
    assert [line.row.title for line in page.lines()] == ["Szkic"]

    page.view.selectRow(0)
    type_text(qtbot, page.editor.ui.title_edit, " poprawiony")
    dialogs.confirm_answers.append(False)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.editor.ui.title_edit.text() == "Szkic poprawiony"  # kept: the clerk said no
    assert dialogs.messages[-1][0] == "confirm"
