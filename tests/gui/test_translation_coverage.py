"""Every visible string of every screen is in Polish in Polish mode and in English in English mode.

The clerk application and the kiosk are opened over a demo cooperative (SQLite, 60 premises), once in
Polish and once in English (English as ``--lang en`` makes it: no translator, ``set_language("en")``
for the core's texts; every widget is built anew in each language):

- clerk: sign-in (also refused), first-run wizard, password change, the main window with every page
  (queue with a reading's detail and chart, also a flagged one; registry with a premises card; accounts
  and applications; ledger of a premises; meters; announcements; event log with entries opened;
  administration), and the dialogs and questions those pages open: reject, approve the unflagged,
  account application, one-time password, lock and deactivate, contact data, payment and correction
  (also submitted empty), statement, batch statements, ledger and readings imports of refused rows,
  export, meter replacement wizard, announcement preview and end, premises chooser, add staff, new staff
  password, idle lock, the connection banner;
- kiosk: sign-in (also refused), password change, home and the ledger of a premises, contact data
  (also refused values), readings with the report form (also a refused value) and a meter's readings,
  announcements with one opened, the idle countdown, the administrator's exit, out of service.

Every string a user can see is collected, also of widgets hidden at the moment (other tabs, closed
panels): labels, buttons, group box titles, placeholders, combo box items, tab texts and tool tips,
window titles, wizard page titles, spin box affixes, tool tips, menu and tool bar actions, chart
series and axis titles, the header and first rows of every table and list, status bar messages and
the messages and questions shown through ``ctx.dialogs``. (Not the calendar pop-up of a date field:
its month and day names are Qt's, following the locale.)

The rule for "missing" (a word is a run of at least two letters, compared in lower case). The
vocabularies come from ``resources/translations/iok_pl.ts`` and from the core's English catalogue
(``domain/messages_en.py``, Polish templates → English); a word both languages use ("min", "PDF",
"status": any word of a message the .ts leaves the same) belongs to neither:

- Polish mode: a string that is an English source string of the .ts whose Polish differs (so the
  translation did not apply), or that contains an *English UI word* — a word of the English texts
  that no Polish text uses — is missing Polish.
- English mode: a string that is a Polish translation of the .ts, or that contains a *Polish UI word*
  (a word of the Polish texts that no English text uses) or any word with a Polish letter
  (ą ć ę ł ń ó ś ź ż), is missing English.
- Data is not UI text: the words of the demo database's text (names, addresses, announcements, ledger
  titles, residents' notes, logins; not lower-case codes like ``pending``), of the demo's printed
  credentials, of the files the tours import and of the workstation names are ignored; a string that
  is part of a long stored text (an announcement body) is data as a whole; file paths, e-mail
  addresses and audit action codes (``reading.approve``) are not words. Texts the forms mark as not
  translated (``notr``: the ledger entry titles a clerk may pick, which residents read on their
  Polish statements like the imported titles) are data too.
- Money and dates are data and keep their Polish format in both languages (``1 234,56 zł``,
  ``25.11.2026``): the currency ``zł`` is not a Polish UI word.

The failure lists each offending string with the screen and the widget it was seen on.
``test_rule_catches_planted_strings`` plants an untranslated label in each language and shows the rule
catches it (and passes data and money), so the check cannot pass by seeing nothing.
``IOK_TRANSLATION_DUMP=/tmp/x`` writes everything the tours saw to ``/tmp/x.pl.tsv`` and ``/tmp/x.en.tsv``.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCharts import QChartView
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QStatusBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from iok_desktop.db import migrate
from iok_desktop.db.base import Base
from iok_desktop.db.database import Database
from iok_desktop.demo import DemoResult, generate_demo
from iok_desktop.demo.plan import Credential
from iok_desktop.domain.errors import DatabaseUnavailableError
from iok_desktop.domain.language import english_catalogue, set_language
from iok_desktop.domain.messages_en import ENUM_LABELS, MESSAGES
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.main_window import MainWindow
from iok_desktop.gui.clerk.pages import all_pages
from iok_desktop.gui.errors import ErrorPresenter
from iok_desktop.gui.first_run import FirstRunWizard
from iok_desktop.gui.kiosk.app import KioskApp
from iok_desktop.gui.kiosk.login_screen import KioskLoginScreen
from iok_desktop.gui.kiosk.shell import KioskShell
from iok_desktop.gui.login_dialog import LoginDialog
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.password_dialog import PasswordChangeDialog
from iok_desktop.services.backend import UNAVAILABLE, Backend
from iok_desktop.services.context import FixedClock
from tests.gui.support import ScriptedDialogs, wait_idle

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "iok_pl.ts"
WORD = re.compile(r"[^\W\d_]{2,}")
POLISH_LETTERS = set("ąćęłńóśźż")
CODE = re.compile(r"^[a-z_]+$")  # enum codes stored in the database ('pending', 'cold_water')
# Not words: file paths, e-mail addresses, web addresses and audit action codes ("reading.approve").
TECHNICAL = re.compile(r"\S*/\S*|\S+@\S+|\b[a-z_]+(?:\.[a-z_]+)+\b")
LONG_TEXT = 80  # stored texts longer than this are matched as whole texts, not word by word
# Formats that are data in both languages: the currency of format_money.
FORMAT_WORDS = frozenset({"zł"})
ROWS_READ = 5  # the first rows of each table or list
WORKSTATIONS = ("desk-1", "kiosk-1")  # the machines' names the tours give (shown in the audit log)
# The same demo on every run: a fixed seed and "today" (Wednesday 25.11.2026, in the demo's open
# reading window), the clock of every backend standing there.
CLOCK = FixedClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
UNKNOWN_LOGIN = "nobody"  # typed at the sign-in screens (its failed sign-in is in the audit log)

# Files whose every row is refused (nothing is posted): the refusals and the summary are seen.
LEDGER_CSV = (
    "numer_lokalu;data_ksiegowania;termin_platnosci;rodzaj;tytul;kwota;numer_dokumentu\n"
    "99-999-999;2026-11-08;;wpłata;Wpłata;12,00;X/1\n"
    "01-001-001;2026-11-08;;wpłata;Wpłata;-5,00;X/2\n"
    "01-001-001;2026-13-45;;naliczenie;Opłata;1,00;X/3\n"
)
READINGS_CSV = "numer_licznika;rodzaj;data;stan\nZZ-99-0000001;XX;2026-11-20;12,5\n"


# --- the vocabularies ---------------------------------------------------------------------------


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


@dataclass(frozen=True)
class Vocabulary:
    english_strings: frozenset[str]  # .ts sources whose Polish differs
    polish_strings: frozenset[str]  # .ts translations that differ from their source
    english_words: frozenset[str]
    polish_words: frozenset[str]
    data_words: frozenset[str]
    long_texts: tuple[str, ...]
    declared: frozenset[str]  # marked notr in the forms

    def is_long_data(self, text: str) -> bool:
        core = text.rstrip("…").strip()
        return len(core) >= 12 and any(core in long or long in text for long in self.long_texts)

    def missing(self, text: str, language: str) -> str | None:
        """Why ``text`` is not in ``language`` (None: it is, or it is data)."""
        if text in self.declared or self.is_long_data(text):
            return None
        own = words(TECHNICAL.sub(" ", text)) - self.data_words - FORMAT_WORDS
        if language == "pl":
            if text in self.english_strings and text not in self.polish_strings:
                return "the English source of the .ts, untranslated"
            found = sorted(own & self.english_words)
            return f"English words {found}" if found else None
        if text in self.polish_strings and text not in self.english_strings:
            return "a Polish translation of the .ts"
        found = sorted((own & self.polish_words) | {w for w in own if POLISH_LETTERS & set(w)})
        return f"Polish words {found}" if found else None


def normalise(text: str) -> str:
    return " ".join(text.split())


def ts_pairs() -> list[tuple[str, str]]:
    """(English source, Polish translation) of every translated message of the .ts."""
    tree = ET.parse(TS_FILE)  # noqa: S314 - our own file
    pairs = []
    for message in tree.getroot().iter("message"):
        source = normalise(message.findtext("source") or "")
        translation = normalise(message.findtext("translation") or "")
        if source and translation:
            pairs.append((source.replace("&", ""), translation.replace("&", "")))
    return pairs


def core_pairs() -> list[tuple[str, str]]:
    """(English, Polish) of the core's catalogue of English texts (without the placeholders) and of
    its enum labels."""
    placeholder = re.compile(r"\{[^{}]*\}")
    pairs = [(placeholder.sub(" ", en), placeholder.sub(" ", pl)) for pl, en in MESSAGES.items()]
    labels = [(en, member.polish_label) for members in ENUM_LABELS.values() for member, en in members.items()]
    return pairs + labels


def declared_data() -> frozenset[str]:
    """Texts the forms mark as not to be translated (``notr``): the ledger entry titles a clerk may pick
    (the titles residents read on their statements, like the imported ones) and the currency."""
    found = set()
    for ui in (ROOT / "ui").glob("*.ui"):
        for prop in ET.parse(ui).getroot().iter("property"):  # noqa: S314 - our own files
            string = prop.find("string")
            if prop.get("name") == "text" and string is not None and string.get("notr") == "true" and string.text:
                found.add(normalise(string.text))
    return frozenset(found)


def demo_texts(database: Database, demo: DemoResult) -> list[str]:
    texts: list[str] = [demo.cooperative_name, *WORKSTATIONS]
    for csv in (LEDGER_CSV, READINGS_CSV):  # the files the tours import are data too
        texts += [cell for line in csv.splitlines()[1:] for cell in line.split(";")]
    logins: list[str] = []
    for credential in [*demo.staff, *demo.residents]:
        texts += [credential.full_name, credential.login, *credential.addresses]
    with database.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, sa.String) and "password" not in column.name:
                    values = [v for (v,) in connection.execute(sa.select(column).distinct()) if isinstance(v, str)]
                    (logins if "login" in column.name else texts).extend(values)
    # Lower-case codes are not data ('pending'), but logins are ('system' is the system's actor); a
    # stored text the core has English for (an anomaly flag, a status reason) is the core's, not data.
    catalogue = english_catalogue()
    data = [t for t in texts if not CODE.match(t) and not catalogue.translate(t).complete]
    return data + logins + [UNKNOWN_LOGIN]


def vocabulary(data: list[str]) -> Vocabulary:
    pairs = [(s, t) for s, t in ts_pairs() if s != t]
    # Words both languages share ("min", "PDF", "e-mail", "status") belong to neither.
    neutral = set().union(*(words(s) for s, t in ts_pairs() if s == t))
    sources = [s for s, _ in pairs]
    translations = [t for _, t in pairs]
    every_pair = pairs + core_pairs()
    source_words = set().union(*(words(s) for s, _ in every_pair)) - neutral
    translation_words = set().union(*(words(t) for _, t in every_pair)) - neutral
    data_words: set[str] = set()
    long_texts = []
    for text in data:
        if len(text) > LONG_TEXT:
            long_texts.append(normalise(text))
        else:
            data_words |= words(text)
    return Vocabulary(
        english_strings=frozenset(sources),
        polish_strings=frozenset(translations),
        english_words=frozenset(source_words - translation_words),
        polish_words=frozenset(translation_words - source_words),
        data_words=frozenset(data_words),
        long_texts=tuple(long_texts),
        declared=declared_data(),
    )


# --- collecting what is visible -----------------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    screen: str
    where: str
    text: str


def plain(text: str) -> str:
    if "<" in text and ">" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return normalise(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))


def describe(widget: QWidget) -> str:
    names: list[str] = []
    current: QWidget | None = widget
    while current is not None and len(names) < 3:
        if current.objectName() and not current.objectName().startswith("qt_"):
            names.append(current.objectName())
        current = current.parentWidget()
    return f"{type(widget).__name__} in {' < '.join(names) or '(unnamed)'}"


@dataclass
class Collector:
    seen: list[Seen] = field(default_factory=list)
    # Windows left over from earlier tests or tours (kept here, so no other window reuses their identity).
    earlier: list[QWidget] = field(default_factory=lambda: list(QApplication.topLevelWidgets()))

    def add(self, screen: str, where: str, text: object) -> None:
        if isinstance(text, str) and (clean := plain(text)):
            self.seen.append(Seen(screen, where, clean))

    def model(self, screen: str, where: str, model: QAbstractItemModel | None) -> None:
        if model is None:
            return
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        for section in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                self.add(
                    screen, f"{where} header {section}", model.headerData(section, Qt.Orientation.Horizontal, role)
                )
        for row in range(min(ROWS_READ, model.rowCount(QModelIndex()))):
            for column in range(columns):
                index = model.index(row, column)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    self.add(screen, f"{where} row {row} column {column}", model.data(index, role))

    def actions(self, screen: str, where: str, actions: list[QAction]) -> None:
        for action in actions:
            self.add(screen, f"{where} action", action.text())
            if action.toolTip() and plain(action.toolTip()) != plain(action.text()):
                self.add(screen, f"{where} action tool tip", action.toolTip())
            menu = action.menu()
            if isinstance(menu, QMenu):
                self.actions(screen, f"{where} > {plain(action.text())}", menu.actions())

    def widget(self, screen: str, widget: QWidget) -> None:
        where = describe(widget)
        if widget.isWindow():
            self.add(screen, f"{where} window title", widget.windowTitle())
        self.add(screen, f"{where} tool tip", widget.toolTip())
        self.actions(screen, where, widget.actions())
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            self.model(screen, where, widget.model())
        elif isinstance(widget, QMainWindow):
            self.actions(screen, f"{where} menu", widget.menuBar().actions())
        for part, text in texts_of(widget):
            self.add(screen, f"{where}{part}", text)

    def window(self, screen: str, top: QWidget) -> None:
        for widget in [top, *top.findChildren(QWidget)]:
            if isinstance(widget, QCalendarWidget) or _inside_calendar(widget):
                continue  # the calendar pop-up follows the locale (Qt's own month and day names)
            self.widget(screen, widget)

    def screens(self, screen: str) -> None:
        """Everything on the visible top-level windows (the main window and the dialogs it opened)."""
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and not isinstance(top, QMenu) and not any(top is e for e in self.earlier):
                self.window(screen, top)

    def messages(self, screen: str, dialogs: ScriptedDialogs) -> None:
        for kind, title, text in dialogs.messages:
            self.add(screen, f"{kind} message title", title)
            self.add(screen, f"{kind} message", text)
        dialogs.messages.clear()


def _combo_texts(combo: QComboBox) -> list[tuple[str, str]]:
    edit = combo.lineEdit()
    typed = [(" placeholder", edit.placeholderText())] if edit is not None else []
    return [(f" item {i}", combo.itemText(i)) for i in range(min(combo.count(), 60))] + typed


def _wizard_texts(wizard: QWizard) -> list[tuple[str, str]]:
    pages = [(i, wizard.page(i)) for i in wizard.pageIds()]
    return [(f" page {i} title", p.title()) for i, p in pages] + [
        (f" page {i} subtitle", p.subTitle()) for i, p in pages
    ]


def _chart_texts(view: QChartView) -> list[tuple[str, str]]:
    chart = view.chart()
    return (
        [(" chart title", chart.title())]
        + [(f" series {i}", series.name()) for i, series in enumerate(chart.series())]
        + [(f" axis {i}", axis.titleText()) for i, axis in enumerate(chart.axes())]
    )


def _text_edit_texts(edit: QTextEdit | QPlainTextEdit) -> list[tuple[str, str]]:
    shown = [("", edit.toPlainText()[:2000])] if edit.isReadOnly() else []
    return [(" placeholder", edit.placeholderText()), *shown]


# What each kind of widget shows itself, each text with what it is (" placeholder", " item 3"…); the
# first matching kind applies.
WIDGET_TEXTS: list[tuple[type | tuple[type, ...], Callable[[Any], list[tuple[str, str]]]]] = [
    ((QLabel, QAbstractButton), lambda w: [("", w.text())]),
    (QGroupBox, lambda w: [("", w.title())]),
    (QLineEdit, lambda w: [(" placeholder", w.placeholderText())]),
    ((QTextEdit, QPlainTextEdit), _text_edit_texts),
    (QComboBox, _combo_texts),
    (
        QTabBar,
        lambda w: (
            [(f" tab {i}", w.tabText(i)) for i in range(w.count())]
            + [(f" tab {i} tool tip", w.tabToolTip(i)) for i in range(w.count())]
        ),
    ),
    (QTabWidget, lambda w: [(f" tab {i}", w.tabText(i)) for i in range(w.count())]),
    (QStatusBar, lambda w: [(" message", w.currentMessage())]),
    (QWizard, _wizard_texts),
    (
        (QSpinBox, QDoubleSpinBox),
        lambda w: [(" special value", w.specialValueText()), (" prefix", w.prefix()), (" suffix", w.suffix())],
    ),
    (QAbstractSpinBox, lambda w: [(" special value", w.specialValueText())]),
    (QChartView, _chart_texts),
]


def texts_of(widget: QWidget) -> list[tuple[str, str]]:
    for kind, texts in WIDGET_TEXTS:
        if isinstance(widget, kind):
            return texts(widget)
    return []


def _inside_calendar(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


# --- the languages ------------------------------------------------------------------------------


@contextmanager
def in_language(app: QApplication, language: str) -> Iterator[None]:
    """The application as ``--lang`` makes it: English has no translator installed (the session's
    application is Polish, so English removes the translators and puts them back afterwards)."""
    translators = app.findChildren(QTranslator) if language == "en" else []
    for translator in translators:
        app.removeTranslator(translator)
    set_language(language)
    try:
        yield
    finally:
        for translator in translators:
            app.installTranslator(translator)
        set_language("pl")


# --- the demo -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Demo:
    database: Database
    empty: Database
    result: DemoResult
    vocabulary: Vocabulary


Step = Callable[[QWidget, Demo], None]  # an action of a tour on a screen


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("translation-demo")
    database = Database(f"sqlite:///{folder}/demo.sqlite3")
    migrate.upgrade(database.engine)
    result = generate_demo(database, premises=60, years=2, seed=2026, today=CLOCK.now().date())
    empty = Database(f"sqlite:///{folder}/empty.sqlite3")
    migrate.upgrade(empty.engine)
    yield Demo(database, empty, result, vocabulary(demo_texts(database, result)))
    database.dispose()
    empty.dispose()


# --- the tours ----------------------------------------------------------------------------------


@dataclass
class Tour:
    qtbot: QtBot
    runner: OperationRunner
    dialogs: ScriptedDialogs
    collector: Collector

    def settle(self, done: Callable[[], bool] = lambda: True) -> None:
        wait_idle(self.qtbot, self.runner)
        self.qtbot.waitUntil(done, timeout=10_000)
        wait_idle(self.qtbot, self.runner)

    def look(self, screen: str) -> None:
        self.settle()
        self.collector.screens(screen)
        self.collector.messages(screen, self.dialogs)

    def close_dialogs(self, keep: QWidget) -> None:
        """Close what the step opened; a dialog that refuses to (the one-time password until it is
        acknowledged, the idle lock until the password is typed) is hidden."""
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and top is not keep and not any(top is e for e in self.collector.earlier):
                top.close()
                top.hide()
        self.settle()


def clerk_tour(tour: Tour, demo: Demo, tmp: Path) -> None:
    backend = Backend(demo.database, clock=CLOCK, workstation=WORKSTATIONS[0])
    qtbot = tour.qtbot

    login = LoginDialog(backend, tour.runner)
    qtbot.addWidget(login)
    login.show()
    tour.look("clerk sign-in")
    login.ui.login_edit.setText(UNKNOWN_LOGIN)
    login.ui.password_edit.setText("not the password")
    login.submit()
    tour.look("clerk sign-in refused")
    login.close()

    wizard = FirstRunWizard(Backend(demo.empty, clock=CLOCK, workstation=WORKSTATIONS[0]), tour.runner)
    qtbot.addWidget(wizard)
    wizard.show()
    tour.look("first-run wizard")
    wizard.admin_page.ui.password_edit.setText("short")
    wizard.admin_page.ui.repeat_edit.setText("other")
    while (
        wizard.currentId() != -1
        and wizard.nextId() != -1
        and wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    ):
        wizard.next()
        tour.look("first-run wizard")
    wizard.close()

    admin = demo.result.staff[0]
    session = backend.login_staff(admin.login, admin.password)
    change = PasswordChangeDialog(backend, tour.runner, session.actor())
    qtbot.addWidget(change)
    change.show()
    tour.look("password change")
    change.close()

    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    ctx = ClerkContext(backend, tour.runner, ErrorPresenter(tour.dialogs), tour.dialogs, settings, session)
    window = MainWindow(ctx, all_pages())
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    for key in window.page_keys():
        page = window.open_page(key)
        tour.look(f"clerk {key}")
        for step, *actions in PAGE_STEPS.get(key, []):
            for action in actions:
                action(page, demo)
                tour.look(f"clerk {key}: {step}")
            tour.close_dialogs(window)
    tour.runner.connection_lost.emit(DatabaseUnavailableError(UNAVAILABLE).message)
    tour.look("clerk connection lost")
    window.retry_timer.stop()
    window.idle_lock.lock()
    tour.look("clerk idle lock")
    tour.close_dialogs(window)
    window.idle_lock.stop()
    window.close()
    tour.close_dialogs(window)


def _search(page: QWidget, demo: Demo) -> None:
    search = page.search  # type: ignore[attr-defined]
    street = demo.result.residents[0].addresses[0].split(",")[0].removeprefix("ul. ").split(" ")[0]
    search.search_edit.setText(street)
    QTestWait.until(lambda: bool(search.hits()))
    search.premises_chosen.emit(search.hits()[0])


class QTestWait:
    """The running tour's qtbot and dialogs, for the steps."""

    qtbot: QtBot | None = None
    dialogs: ScriptedDialogs | None = None
    tmp: Path | None = None

    @classmethod
    def until(cls, done: Callable[[], bool]) -> None:
        assert cls.qtbot is not None
        cls.qtbot.waitUntil(done, timeout=10_000)


def _answering_no(step: Step) -> Step:
    """``step`` with every question answered "no" (the question is seen; nothing is changed)."""

    def act(page: QWidget, demo: Demo) -> None:
        assert QTestWait.dialogs is not None
        QTestWait.dialogs.confirm_answers[:] = [False] * 5
        try:
            step(page, demo)
            assert QTestWait.qtbot is not None
            wait_idle(QTestWait.qtbot, page.ctx.runner)  # type: ignore[attr-defined]
        finally:
            QTestWait.dialogs.confirm_answers.clear()

    return act


def _call(name: str, *args: object) -> Callable[[QWidget, Demo], None]:
    def act(page: QWidget, _demo: Demo) -> None:
        target: object = page
        for part in name.split("."):
            target = getattr(target, part)
        assert callable(target), name
        target(*args)

    return act


def _first_button(name: str) -> Callable[[QWidget, Demo], None]:
    def act(page: QWidget, _demo: Demo) -> None:
        buttons = [b for b in page.findChildren(QAbstractButton) if b.objectName().startswith(name)]
        assert buttons, f"no button {name}"
        buttons[0].click()

    return act


def _submit_dialog(name: str) -> Callable[[QWidget, Demo], None]:
    """Submit the open dialog ``name`` as it is (empty: the form says what is missing)."""

    def act(_page: QWidget, _demo: Demo) -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == name]
        assert dialogs, f"no dialog {name}"
        dialogs[0].submit()  # type: ignore[attr-defined]

    return act


def _select_row(view: str, row: int) -> Step:
    def act(page: QWidget, _demo: Demo) -> None:
        target: Any = page
        for part in view.split("."):
            target = getattr(target, part)
        target.selectRow(row)

    return act


def _filter_audit(action: str) -> Step:
    def act(page: QWidget, _demo: Demo) -> None:
        combo = page.action_filter_combo  # type: ignore[attr-defined]
        combo.setCurrentIndex(combo.findData(action))
        QTestWait.until(lambda: [line.row.action for line in page.lines()] == [action])  # type: ignore[attr-defined]

    return act


def _import_file(dialog: str, content: str) -> Step:
    def act(page: QWidget, _demo: Demo) -> None:
        target = getattr(page, dialog)
        assert QTestWait.tmp is not None
        path = QTestWait.tmp / f"{dialog}-{len(content)}.csv"
        path.write_text(content, encoding="utf-8")
        target.import_file(path)
        assert QTestWait.qtbot is not None
        wait_idle(QTestWait.qtbot, page.ctx.runner)  # type: ignore[attr-defined]

    return act


def _wizard_next(name: str) -> Step:
    def act(_page: QWidget, _demo: Demo) -> None:
        wizards = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == name]
        assert wizards and isinstance(wizards[0], QWizard), f"no wizard {name}"
        wizard = wizards[0]
        start = wizard.currentId()
        wizard.next()
        QTestWait.until(lambda: wizard.currentId() != start)

    return act


def _select_first_reading(page: QWidget, _demo: Demo) -> None:
    page.select_row(0)  # type: ignore[attr-defined]
    QTestWait.until(lambda: bool(page.detail.history_loaded))  # type: ignore[attr-defined]


def _flagged_reading(page: Any, demo: Demo) -> None:
    page.filter_bar.ui.flagged_only_check.setChecked(True)
    QTestWait.until(lambda: page.model.rowCount() > 0 and all(r.anomaly_reason for r in page.model.rows()))
    _select_first_reading(page, demo)


def _select_first_announcement(page: QWidget, _demo: Demo) -> None:
    view = page.view  # type: ignore[attr-defined]
    view.selectRow(0)


def _new_staff_password(page: QWidget, demo: Demo) -> None:
    clerk = demo.result.staff[-1]  # a clerk the tours never sign in as
    page.staff_tab.select_login(clerk.login)  # type: ignore[attr-defined]
    page.staff_tab.reset_password()  # type: ignore[attr-defined]


def _new_resident_password(page: QWidget, demo: Demo) -> None:
    view = page.accounts  # type: ignore[attr-defined]
    used = {r.login for r in kiosk_residents(demo)}
    logins = [row.login for row in view.model.rows() if row.login not in used]
    assert logins and view.select_login(logins[-1]), "no account to reset"
    view.reset_password()


Steps = list[tuple[str, *tuple[Step, ...]]]  # a step's name and its actions, each looked at
PAGE_STEPS: dict[str, Steps] = {
    "queue": [
        ("first row", _select_first_reading),
        ("reject", _call("reject_selected"), _submit_dialog("reject_dialog")),
        ("approve the unflagged", _answering_no(_call("approve_unflagged"))),
        ("a flagged reading", _flagged_reading),
    ],
    "registry": [("premises card", _search), ("contact data", _first_button("edit_contact_"))],
    "accounts": [
        ("accounts", *(_select_row("accounts.table", row) for row in range(3))),
        ("applications", *(_select_row("applications.table", row) for row in range(3))),
        ("application", _call("new_application"), _submit_dialog("application_dialog")),
        ("new password", _new_resident_password),
        ("lock", _call("accounts.lock")),
        ("deactivate", _answering_no(_call("accounts.deactivate"))),
    ],
    "ledger": [
        ("premises", _search),
        ("payment", _call("open_payment_dialog"), _submit_dialog("ledger_payment_dialog")),
        ("correction", _call("open_correction_dialog"), _submit_dialog("ledger_correction_dialog")),
        ("statement", _call("open_statement_dialog")),
        ("batch statements", _call("open_batch_dialog")),
        ("import", _call("open_import_dialog"), _import_file("import_dialog", LEDGER_CSV)),
    ],
    "meters": [
        ("import", _call("open_import"), _import_file("import_dialog", READINGS_CSV)),
        ("export", _call("open_export")),
        ("meter replacement", _call("open_replacement")),
        (
            "replacing a due meter",
            _select_row("verification_tab.view", 0),
            _first_button("replace_selected_button"),
            _wizard_next("replacement_wizard"),
        ),
    ],
    "announcements": [
        ("selected", _select_first_announcement),
        ("preview", _call("editor.preview")),
        ("end", _answering_no(_call("editor.expire"))),
        ("new", _call("new_announcement")),
    ],
    "audit": [
        ("entries", *(_select_row("view", row) for row in range(ROWS_READ))),
        ("demo entry", _filter_audit("demo.generate"), _select_row("view", 0)),
        ("premises chooser", _call("choose_premises")),
    ],
    "admin": [
        ("add staff", _call("staff_tab.add_staff"), _submit_dialog("add_staff_dialog")),
        ("new staff password", _new_staff_password),
        ("deactivate staff", _answering_no(_call("staff_tab.toggle_active"))),
    ],
}


def kiosk_residents(demo: Demo) -> list[Credential]:
    """One resident who must change the password first (when the demo has one), one who need not."""
    forced = [r for r in demo.result.residents if r.must_change_password]
    return [*forced[:1], next(r for r in demo.result.residents if not r.must_change_password)]


def kiosk_tour(tour: Tour, demo: Demo) -> None:
    backend = Backend(demo.database, clock=CLOCK, workstation=WORKSTATIONS[1])
    kiosk = KioskApp(backend, dialogs=tour.dialogs, full_screen=False, idle_seconds=600)
    tour.runner = kiosk.runner
    kiosk.start()
    tour.settle(lambda: isinstance(kiosk.window.currentWidget(), KioskLoginScreen))
    tour.look("kiosk sign-in")
    try:
        _kiosk_sign_in(tour, kiosk, UNKNOWN_LOGIN, "not the password", signed_in=False)
        tour.look("kiosk sign-in refused")
        *forced, resident = kiosk_residents(demo)
        for first in forced:
            _kiosk_sign_in(tour, kiosk, first.login, first.password)
            tour.look("kiosk password change")
            kiosk.log_out()
            tour.settle(lambda: isinstance(kiosk.window.currentWidget(), KioskLoginScreen))
        _kiosk_sign_in(tour, kiosk, resident.login, resident.password)
        shell = kiosk.window.currentWidget()
        assert isinstance(shell, KioskShell), type(shell)
        for key in ["home", "contacts", "readings", "announcements"]:
            shell.show_page(key)
            tour.look(f"kiosk {key}")
            page = shell.stack.currentWidget()
            assert page is not None
            for step, *actions in KIOSK_STEPS.get(key, []):
                for action in actions:
                    action(page, demo)
                    tour.look(f"kiosk {key}: {step}")
        shell.show_countdown(20)
        tour.look("kiosk idle countdown")
        kiosk.show_admin_exit()
        tour.look("kiosk administrator exit")
        kiosk.runner.connection_lost.emit(DatabaseUnavailableError(UNAVAILABLE).message)
        tour.look("kiosk out of service")
    finally:
        wait_idle(tour.qtbot, kiosk.runner)
        kiosk.close()
        kiosk.runner.shutdown()


def _kiosk_sign_in(tour: Tour, kiosk: KioskApp, login: str, password: str, *, signed_in: bool = True) -> None:
    screen = kiosk.window.currentWidget()
    assert isinstance(screen, KioskLoginScreen)
    screen.login_edit.setText(login)
    screen.password_edit.setText(password)
    screen.sign_in_button.click()
    tour.settle(lambda: not signed_in or not isinstance(kiosk.window.currentWidget(), KioskLoginScreen))


def _kiosk_bad_contacts(page: QWidget, _demo: Demo) -> None:
    """Values the service refuses (nothing is saved): its messages next to the fields."""
    page.findChild(QLineEdit, "contact_mobile_edit").setText("12")  # type: ignore[union-attr]
    page.findChild(QLineEdit, "contact_email_edit").setText("@@@")  # type: ignore[union-attr]
    page.save()  # type: ignore[attr-defined]


def _kiosk_bad_reading(page: QWidget, _demo: Demo) -> None:
    page.value_edit.setText("1,2,3")  # type: ignore[attr-defined]
    page.submit()  # type: ignore[attr-defined]


def _open_first_announcement(page: QWidget, _demo: Demo) -> None:
    items = page.items  # type: ignore[attr-defined]
    assert items, "no announcement for the resident"
    page.open(items[0])  # type: ignore[attr-defined]


KIOSK_STEPS: dict[str, Steps] = {
    "home": [("ledger", _first_button("kiosk_home_premises_"))],
    "contacts": [("change", _first_button("contacts_change_button"), _kiosk_bad_contacts)],
    "readings": [
        ("report", _first_button("kiosk_report_reading_button"), _kiosk_bad_reading),
        ("meter readings", _call("show_meters"), _first_button("kiosk_meter_readings_button")),
    ],
    "announcements": [("detail", _open_first_announcement)],
}


# --- the tests ----------------------------------------------------------------------------------


def collect(language: str, iok_app: QApplication, qtbot: QtBot, demo: Demo, tmp: Path) -> list[Seen]:
    collector = Collector()
    dialogs = ScriptedDialogs()
    runner = OperationRunner(ErrorPresenter(dialogs).show)
    QTestWait.qtbot = qtbot
    QTestWait.dialogs = dialogs
    QTestWait.tmp = tmp
    tour = Tour(qtbot, runner, dialogs, collector)
    with in_language(iok_app, language):
        try:
            clerk_tour(tour, demo, tmp)
        finally:
            wait_idle(qtbot, runner)
            runner.shutdown()
        kiosk_tour(tour, demo)
    return collector.seen


def report(found: list[tuple[Seen, str]], language: str) -> str:
    lines = [f"{len(found)} strings are not in {'Polish' if language == 'pl' else 'English'}:"]
    lines += [f"  [{s.screen}] {s.where}: {s.text!r} ({why})" for s, why in found]
    return "\n".join(lines)


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_visible_string_is_translated(
    language: str, iok_app: QApplication, qtbot: QtBot, demo: Demo, tmp_path: Path
) -> None:
    seen = collect(language, iok_app, qtbot, demo, tmp_path)
    if dump := os.environ.get("IOK_TRANSLATION_DUMP"):  # for a person to read: everything the tours saw
        Path(f"{dump}.{language}.tsv").write_text(
            "".join(f"{s.screen}\t{s.where}\t{s.text}\n" for s in seen), encoding="utf-8"
        )
    assert len({s.text for s in seen}) > 300, "the tours saw too little: a screen did not open"
    found: list[tuple[Seen, str]] = []
    reported: set[tuple[str, str]] = set()
    for s in seen:
        why = demo.vocabulary.missing(s.text, language)
        if why is not None and (s.where, s.text) not in reported:
            reported.add((s.where, s.text))
            found.append((s, why))
    assert not found, report(found, language)


def test_rule_catches_planted_strings(iok_app: QApplication, qtbot: QtBot, demo: Demo) -> None:
    """An untranslated label is found in each language; data, money and dates are not."""
    window = QWidget()
    window.setObjectName("planted_window")
    qtbot.addWidget(window)
    planted = {
        "english": "Approve the selected readings",  # an English literal, never through tr()
        "polish": "Zatwierdź zaznaczone odczyty",  # a Polish literal
        "polish_plain": "woda zimna",  # Polish without a Polish letter (a core label left untranslated)
        "polish_ts": "Zatwierdź",  # the Polish of QueuePage "Approve" shown in English mode
        "english_ts": "Reading queue",  # a tr() source whose translation did not apply
        "data": demo.result.residents[0].addresses[0],
        "money": "1\u00a0234,56\u00a0zł · 25.11.2026",
    }
    for name, text in planted.items():
        named = QLabel(text, window)
        named.setObjectName(f"planted_{name}")
    collector = Collector()
    collector.window("planted", window)
    missing = {
        language: {
            s.where.split(" in ")[1].split(" < ")[0]
            for s in collector.seen
            if demo.vocabulary.missing(s.text, language)
        }
        for language in ("pl", "en")
    }
    assert missing["pl"] == {"planted_english", "planted_english_ts"}
    assert missing["en"] == {"planted_polish", "planted_polish_plain", "planted_polish_ts"}
