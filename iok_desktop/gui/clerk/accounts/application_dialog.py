"""Record an application (wniosek) for an IOK account, as filed on paper: the date (today by default),
where it was filed, the premises (found as you type) and the applicant among its title holders.
The list names each person with the state of their title; the kind of title (a long name) is shown
under it, word-wrapped, so that nothing is cut at the dialog's width.

Everyone who ever held a title to the premises can be chosen: the office records what was filed,
and approval then refuses, with the reason, a person without a current legal title.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from iok_desktop.domain.dates import format_date, office_today
from iok_desktop.domain.errors import DomainError, ValidationError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.premises_search import PremisesSearch
from iok_desktop.gui.forms.ui_accounts_application_dialog import Ui_AccountsApplicationDialog
from iok_desktop.gui.widgets import set_invalid, show_error
from iok_desktop.services import accounts, registry
from iok_desktop.services.accounts import ApplicationRow
from iok_desktop.services.registry import PremisesCard, PremisesHit, TitleRow

# Where the cooperative takes applications; the clerk may type another place.
LAST_OFFICE_KEY = "accounts/last_office"


class ApplicationDialog(QDialog):
    recorded = Signal(object)  # ApplicationRow

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_AccountsApplicationDialog()
        self.ui.setupUi(self)
        self.setObjectName("application_dialog")
        self.premises_id: int | None = None
        self._generation = 0
        today = office_today(ctx.backend.clock.now())
        self.ui.filed_on_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.ui.filed_on_edit.setDate(QDate(today.year, today.month, today.day))
        # This desk's last office at once; the offices used before (from the database) follow.
        last = ctx.settings.value(LAST_OFFICE_KEY)
        self._last_office = last if isinstance(last, str) else ""
        if self._last_office:
            self.ui.office_combo.addItem(self._last_office)
        ctx.run(ctx.call(accounts.known_offices), self._offices_loaded)
        self.search = PremisesSearch(ctx, self.ui.premises_search_holder)
        self.ui.premises_search_layout.addWidget(self.search)
        self.ui.premises_label.setBuddy(self.search.search_edit)
        self.search.premises_chosen.connect(self.choose_premises)
        self.ui.person_combo.setEnabled(False)
        self._titles: list[TitleRow] = []  # the title of each person in the list, in its order
        self.ui.person_combo.currentIndexChanged.connect(self._show_title)
        self.ui.person_title_label.hide()
        self.ui.chosen_premises_label.setText(self.tr("No premises chosen yet."))
        self.ok_button = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record application"))
        self.ok_button.setObjectName("record_application_button")
        self.ui.button_box.accepted.connect(self.submit)
        self.ui.button_box.rejected.connect(self.reject)
        self.errors: dict[str, tuple[QWidget, QLabel]] = {
            "filed_on": (self.ui.filed_on_edit, self.ui.filed_on_error_label),
            "office": (self.ui.office_combo, self.ui.office_error_label),
            "premises": (self.search.search_edit, self.ui.premises_error_label),
            "person": (self.ui.person_combo, self.ui.person_error_label),
        }
        self._clear_errors()
        self.search.search_edit.setFocus()

    # --- premises and applicant ----------------------------------------------------------------------
    def _offices_loaded(self, offices: list[str]) -> None:
        combo = self.ui.office_combo
        typed = combo.currentText()  # the clerk may already be typing: keep it
        for office in offices:
            if combo.findText(office) < 0:
                combo.addItem(office)
        combo.setCurrentText(typed or (offices[0] if offices else ""))

    def choose_premises(self, hit: PremisesHit) -> None:
        self.premises_id = hit.premises_id
        self.ui.chosen_premises_label.setText(
            self.tr("Chosen: %1").replace("%1", f"<b>{escape(hit.address)}</b> · {escape(hit.code)}")
        )
        self._titles = []
        self.ui.person_combo.clear()
        self.ui.person_combo.setEnabled(False)
        self._generation += 1
        generation = self._generation
        self.ctx.run(
            self.ctx.call(registry.premises_card, hit.premises_id), lambda card: self._fill_people(generation, card)
        )

    def _fill_people(self, generation: int, card: PremisesCard) -> None:
        if generation != self._generation:
            return
        best: dict[int, TitleRow] = {}
        for title in card.titles:  # newest first: keep a current title, else the latest one
            kept = best.get(title.person_id)
            if kept is None or (title.is_current and not kept.is_current):
                best[title.person_id] = title
        ordered = sorted(best.values(), key=lambda t: (not t.is_current, t.person_name))
        self._titles = ordered
        for title in ordered:
            self.ui.person_combo.addItem(f"{title.person_name} — {self._title_text(title)}", title.person_id)
        self._show_title(self.ui.person_combo.currentIndex())
        self.ui.person_combo.setEnabled(bool(ordered))
        if not ordered:
            show_error(self.ui.person_error_label, self.tr("Nobody has ever held a legal title to this premises."))
        else:
            show_error(self.ui.person_error_label, None)
            self.ui.person_combo.setFocus()

    def _show_title(self, index: int) -> None:
        label = self.ui.person_title_label
        if 0 <= index < len(self._titles):
            label.setText(self.tr("Kind of legal title: %1").replace("%1", self._titles[index].kind.label))
            label.show()
        else:
            label.clear()
            label.hide()

    def _title_text(self, title: TitleRow) -> str:
        if title.is_current:
            return self.tr("current legal title")
        if title.valid_to is not None and title.valid_to < office_today(self.ctx.backend.clock.now()):
            return self.tr("legal title ended %1").replace("%1", format_date(title.valid_to))
        return self.tr("legal title from %1").replace("%1", format_date(title.valid_from))

    def person_id(self) -> int | None:
        value = self.ui.person_combo.currentData()
        return value if isinstance(value, int) else None

    # --- recording ---------------------------------------------------------------------------------
    def submit(self) -> None:
        self._clear_errors()
        person_id = self.person_id()
        if self.premises_id is None:
            self._show("premises", self.tr("Find the premises and choose it from the list."))
            return
        if person_id is None:
            self._show("person", self.tr("Choose who filed the application."))
            return
        filed = self.ui.filed_on_edit.date()
        filed_on = date(filed.year(), filed.month(), filed.day())
        office = self.ui.office_combo.currentText()
        self.ui.button_box.setEnabled(False)
        self.ctx.run(
            self.ctx.call(
                accounts.record_application,
                person_id=person_id,
                premises_id=self.premises_id,
                filed_on=filed_on,
                office=office,
            ),
            self._recorded,
            self._failed,
        )

    def _recorded(self, row: ApplicationRow) -> None:
        self.ui.button_box.setEnabled(True)
        self.ctx.settings.setValue(LAST_OFFICE_KEY, row.office)
        self.recorded.emit(row)
        self.accept()

    def _failed(self, error: BaseException) -> bool:
        self.ui.button_box.setEnabled(True)
        if not isinstance(error, DomainError):
            return False
        field = error.field if isinstance(error, ValidationError) else None
        self._show(field, error.message)
        return True

    def _show(self, field: str | None, message: str) -> None:
        if field in self.errors:
            widget, label = self.errors[field]
            show_error(label, message)
            set_invalid(widget, True)
            widget.setFocus()
        else:
            show_error(self.ui.error_label, message)

    def _clear_errors(self) -> None:
        for widget, label in self.errors.values():
            show_error(label, None)
            set_invalid(widget, False)
        show_error(self.ui.error_label, None)
