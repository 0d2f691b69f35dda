"""The meter replacement wizard: premises → meter → readings and the new meter (one step) → result.

The third page is the commit page: its button runs ``meters.replace_meter`` on the worker, in one
transaction, and the wizard moves on only when it succeeded. A refusal is shown next to the field it
names and nothing typed is lost; a final reading below the last accepted one is asked about
(``ctx.dialogs.confirm``) and sent again with ``acknowledge_warnings=True``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from iok_desktop.domain.dates import format_date, office_today, parse_date
from iok_desktop.domain.enums import MeterKind
from iok_desktop.domain.errors import ConfirmationRequiredError, DomainError, ValidationError
from iok_desktop.domain.readings import format_reading_value
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.meters.models import meter_choice_columns
from iok_desktop.gui.clerk.premises_search import PremisesSearch
from iok_desktop.gui.forms.ui_meters_replacement_details import Ui_MetersReplacementDetailsPage
from iok_desktop.gui.list_model import ListTableModel
from iok_desktop.gui.widgets import set_invalid, show_error
from iok_desktop.services import meters, readings
from iok_desktop.services.meters import Replacement
from iok_desktop.services.readings import MeterRow, ReadingRow
from iok_desktop.services.registry import PremisesHit

WATER_LEGALISATION_YEARS = 5
_WATER = (MeterKind.COLD_WATER, MeterKind.HOT_WATER)


@dataclass(frozen=True)
class PremisesChoice:
    premises_id: int
    code: str
    address: str

    @classmethod
    def of_hit(cls, hit: PremisesHit) -> PremisesChoice:
        return cls(hit.premises_id, hit.code, hit.address)


def years_later(day: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class ReplacementPremisesPage(QWizardPage):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("premises_page")
        self.setTitle(self.tr("Premises"))
        self.setSubTitle(self.tr("Find the premises where the meter is replaced, then press Enter or Next."))
        self.search = PremisesSearch(ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        self.search.results_list.currentRowChanged.connect(lambda _row: self.completeChanged.emit())
        self.search.premises_chosen.connect(self._chosen)

    def choice(self) -> PremisesChoice | None:
        item = self.search.results_list.currentItem()
        if item is None:
            return None
        hit: PremisesHit = item.data(Qt.ItemDataRole.UserRole)
        return PremisesChoice.of_hit(hit)

    def isComplete(self) -> bool:  # noqa: N802
        return self.choice() is not None

    def _chosen(self, _hit: PremisesHit) -> None:
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()


class ReplacementMeterPage(QWizardPage):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("meter_page")
        self.setTitle(self.tr("Meter"))
        self.premises: PremisesChoice | None = None
        self.preselect: int | None = None
        self._generation = 0
        self.model: ListTableModel[MeterRow] = ListTableModel(meter_choice_columns())
        self.view = QTableView(self)
        self.view.setObjectName("meters_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().selectionChanged.connect(lambda *_args: self.completeChanged.emit())
        self.status_label = QLabel(self)
        self.status_label.setObjectName("meter_status_label")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)

    def initializePage(self) -> None:  # noqa: N802
        premises = self.premises
        if premises is None:
            return
        self.setSubTitle(
            self.tr("Which meter of %1 (%2) is replaced?").replace("%1", premises.address).replace("%2", premises.code)
        )
        self._generation += 1
        generation = self._generation
        self.model.set_rows([])
        self.status_label.setText(self.tr("Loading…"))
        self.ctx.run(
            self.ctx.call(readings.meters_for_premises, premises.premises_id),
            lambda rows: self._show(generation, rows),
        )

    def _show(self, generation: int, rows: list[MeterRow]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        self.status_label.setText("" if rows else self.tr("This premises has no current meters."))
        wanted = next((i for i, r in enumerate(rows) if r.id == self.preselect), 0)
        if rows:
            self.view.selectRow(wanted)
            self.view.setFocus()
        self.completeChanged.emit()

    def meter(self) -> MeterRow | None:
        selected = self.view.selectionModel().selectedRows()
        return self.model.row_at(selected[0].row()) if selected else None

    def isComplete(self) -> bool:  # noqa: N802
        return self.meter() is not None

    def _double_clicked(self) -> None:
        wizard = self.wizard()
        if wizard is not None and self.isComplete():
            wizard.next()


class ReplacementDetailsPage(QWizardPage):
    """The commit page: the wizard goes on only once the replacement is saved."""

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_MetersReplacementDetailsPage()
        self.ui.setupUi(self)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Replace meter"))
        self.meter: MeterRow | None = None
        self.result: Replacement | None = None
        self.busy = False
        self._legalisation_typed = False
        self._fields: dict[str, tuple[QLineEdit, QLabel]] = {
            "reading_date": (self.ui.replacement_date_edit, self.ui.replacement_date_error_label),
            "value": (self.ui.final_value_edit, self.ui.final_value_error_label),
            "new_serial_number": (self.ui.new_serial_edit, self.ui.new_serial_error_label),
            "new_initial_value": (self.ui.new_initial_edit, self.ui.new_initial_error_label),
            "new_next_verification_on": (self.ui.legalisation_edit, self.ui.legalisation_error_label),
        }
        labels = [
            self.ui.replacement_date_label,
            self.ui.final_value_label,
            self.ui.new_serial_label,
            self.ui.new_initial_label,
            self.ui.legalisation_label,
        ]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:  # the two groups' fields line up
            label.setMinimumWidth(width)
        self.ui.legalisation_edit.textEdited.connect(self._legalisation_edited)
        self.ui.replacement_date_edit.textChanged.connect(lambda _text: self._suggest_legalisation())
        self.clear_errors()

    # --- filling in ------------------------------------------------------------------------------
    def today(self) -> date:
        return office_today(self.ctx.backend.clock.now())

    def initializePage(self) -> None:  # noqa: N802
        meter = self.meter
        if meter is None:
            return
        last = (
            self.tr("last accepted reading %1 %2 on %3")
            .replace("%1", format_reading_value(meter.last_accepted_value, meter.decimal_places))
            .replace("%2", meter.unit)
            .replace("%3", format_date(meter.last_accepted_date))
            if meter.last_accepted_value is not None and meter.last_accepted_date is not None
            else self.tr("no accepted reading yet")
        )
        self.ui.meter_summary_label.setText(
            self.tr("%1 %2, installed %3; %4.")
            .replace("%1", meter.kind.label.capitalize())
            .replace("%2", meter.serial_number)
            .replace("%3", format_date(meter.installed_on))
            .replace("%4", last)
        )
        self.ui.final_unit_label.setText(meter.unit)
        self.ui.new_unit_label.setText(meter.unit)
        if not self.ui.replacement_date_edit.text().strip():
            self.ui.replacement_date_edit.setText(format_date(self.today()))
        if not self.ui.new_initial_edit.text().strip():
            self.ui.new_initial_edit.setText(format_reading_value(Decimal(0), meter.decimal_places))
        self._suggest_legalisation()
        self.ui.final_value_edit.setFocus()

    def _legalisation_edited(self, _text: str) -> None:
        self._legalisation_typed = True

    def _suggest_legalisation(self) -> None:
        """Water meters: the replacement date + 5 years, until the clerk types a date of their own."""
        if self._legalisation_typed or self.meter is None:
            return
        if self.meter.kind not in _WATER:
            return
        try:
            day = parse_date(self.ui.replacement_date_edit.text())
        except ValidationError:
            return
        self.ui.legalisation_edit.setText(format_date(years_later(day, WATER_LEGALISATION_YEARS)))

    # --- errors ----------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for edit, label in self._fields.values():
            set_invalid(edit, False)
            show_error(label, None)
        show_error(self.ui.error_label, None)

    def show_field_error(self, field: str | None, message: str) -> None:
        if field in self._fields:
            edit, label = self._fields[field]
            set_invalid(edit, True)
            show_error(label, message)
            edit.setFocus()
            edit.selectAll()
        else:
            show_error(self.ui.error_label, message)

    # --- saving ----------------------------------------------------------------------------------
    def isComplete(self) -> bool:  # noqa: N802
        return not self.busy and self.meter is not None

    def validatePage(self) -> bool:  # noqa: N802
        if self.result is not None:
            return True
        if not self.busy:
            self.submit(acknowledge_warnings=False)
        return False

    def submit(self, *, acknowledge_warnings: bool) -> None:
        meter = self.meter
        if meter is None:
            return
        self.clear_errors()
        try:
            replacement_date = parse_date(self.ui.replacement_date_edit.text(), field="reading_date")
            legalisation_text = self.ui.legalisation_edit.text().strip()
            legalisation = (
                parse_date(legalisation_text, field="new_next_verification_on") if legalisation_text else None
            )
        except ValidationError as error:
            self.show_field_error(error.field, error.message)
            return
        self._set_busy(True)
        self.ctx.run(
            self.ctx.call(
                meters.replace_meter,
                meter.id,
                replacement_date=replacement_date,
                final_value_text=self.ui.final_value_edit.text(),
                new_serial_number=self.ui.new_serial_edit.text(),
                new_initial_value_text=self.ui.new_initial_edit.text(),
                new_next_verification_on=legalisation,
                acknowledge_warnings=acknowledge_warnings,
            ),
            self._succeeded,
            self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for edit, _label in self._fields.values():
            edit.setReadOnly(busy)
        self.completeChanged.emit()  # the wizard re-enables its buttons from isComplete()
        wizard = self.wizard()
        if busy and wizard is not None:
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def _succeeded(self, result: Replacement) -> None:
        self._set_busy(False)
        self.result = result
        wizard = self.wizard()
        if isinstance(wizard, ReplacementWizard):
            wizard.finished_replacement(result)

    def _failed(self, error: BaseException) -> bool:
        self._set_busy(False)
        if isinstance(error, ConfirmationRequiredError):
            question = "\n\n".join([*error.warnings, self.tr("Record this final reading anyway?")])
            if self.ctx.dialogs.confirm(self, self.tr("Final reading lower than before"), question):
                self.submit(acknowledge_warnings=True)
            else:
                self.show_field_error("value", error.message)
            return True
        if isinstance(error, DomainError):
            self.show_field_error(error.field, error.message)
            return True
        return False


class ReplacementResultPage(QWizardPage):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("result_page")
        self.setTitle(self.tr("Meter replaced"))
        self.setSubTitle(self.tr("Saved. The worklists show the new meter from now on."))
        self.result: Replacement | None = None
        self.old_meter: MeterRow | None = None
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("result_summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rejected_label = QLabel(self)
        self.rejected_label.setObjectName("result_rejected_label")
        self.rejected_label.setWordWrap(True)
        self.rejected_label.setProperty("role", "flag")
        layout.addWidget(self.summary_label)
        layout.addSpacing(12)
        layout.addWidget(self.rejected_label)
        layout.addStretch()

    def initializePage(self) -> None:  # noqa: N802
        result, old = self.result, self.old_meter
        if result is None or old is None:
            return
        final, new, first = result.old_final, result.new_meter, result.new_initial
        lines = [
            self.tr("Meter %1 was removed on %2 with the final reading %3.")
            .replace("%1", old.serial_number)
            .replace("%2", format_date(final.reading_date))
            .replace("%3", _value(final, final.value)),
        ]
        if final.consumption is not None and final.previous_reading_date is not None:
            lines.append(
                self.tr("Consumption since %1: %2.")
                .replace("%1", format_date(final.previous_reading_date))
                .replace("%2", _value(final, final.consumption))
            )
        if final.anomaly_reason:
            lines.append(final.anomaly_reason)
        legalisation = (
            format_date(new.next_verification_on) if new.next_verification_on is not None else self.tr("none")
        )
        lines.append("")
        lines.append(
            self.tr("New meter %1: initial reading %2, next legalisation %3.")
            .replace("%1", new.serial_number)
            .replace("%2", _value(first, first.value))
            .replace("%3", legalisation)
        )
        self.summary_label.setText("\n".join(lines))
        if not result.rejected_pending:
            self.rejected_label.setText(self.tr("No pending readings of the old meter had to be rejected."))
            return
        self.rejected_label.setText(
            self.tr("Pending readings of the old meter dated on or after the replacement were rejected: %1.").replace(
                "%1", str(len(result.rejected_pending))
            )
        )
        rejected = set(result.rejected_pending)
        self.ctx.run(
            self.ctx.call(readings.meter_history, old.id, limit=50),
            lambda history: self._show_rejected([r for r in history if r.id in rejected]),
        )

    def _show_rejected(self, rows: list[ReadingRow]) -> None:
        if not rows:
            return
        items = [f"• {format_date(r.reading_date)}: {_value(r, r.value)} ({r.source.label})" for r in rows]
        self.rejected_label.setText("\n".join([self.rejected_label.text(), *items]))


def _value(row: ReadingRow, value: Decimal) -> str:
    return f"{format_reading_value(value, row.decimal_places)} {row.unit}"


class ReplacementWizard(QWizard):
    """Emits ``replaced`` with the ``Replacement`` once it is saved."""

    replaced = Signal(object)

    PREMISES, METER, DETAILS, RESULT = range(4)

    def __init__(
        self,
        ctx: ClerkContext,
        parent: QWidget | None = None,
        *,
        premises: PremisesChoice | None = None,
        meter_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("replacement_wizard")
        self.setWindowTitle(self.tr("Replace a meter"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.premises_page = ReplacementPremisesPage(ctx, self)
        self.meter_page = ReplacementMeterPage(ctx, self)
        self.details_page = ReplacementDetailsPage(ctx, self)
        self.result_page = ReplacementResultPage(ctx, self)
        for page_id, page in enumerate((self.premises_page, self.meter_page, self.details_page, self.result_page)):
            self.setPage(page_id, page)
        if premises is not None:
            self.meter_page.premises = premises
            self.meter_page.preselect = meter_id
            self.setStartId(self.METER)
        self.resize(760, 560)

    def validateCurrentPage(self) -> bool:  # noqa: N802
        """Hand each page's choice to the next before it is shown."""
        page = self.currentPage()
        if page is self.premises_page:
            self.meter_page.premises = self.premises_page.choice()
        elif page is self.meter_page:
            chosen = self.meter_page.meter()
            if chosen is not None and (self.details_page.meter is None or self.details_page.meter.id != chosen.id):
                self.details_page.meter = chosen
        return super().validateCurrentPage()

    def finished_replacement(self, result: Replacement) -> None:
        self.result_page.result = result
        self.result_page.old_meter = self.details_page.meter
        self.replaced.emit(result)
        self.next()
