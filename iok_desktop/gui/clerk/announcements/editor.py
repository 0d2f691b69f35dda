"""The announcement editor (designed in ui/announcements_editor.ui).

Save keeps a new announcement as a draft; Publish and End now save what is typed first, in the same
transaction, so what the clerk sees is what gets published. A refusal shows next to its field and keeps
everything typed; a conflict (someone else saved first) shows the message and reloads the announcement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from iok_desktop.domain.dates import format_datetime
from iok_desktop.domain.enums import AnnouncementKind, Audience
from iok_desktop.domain.errors import ConflictError, ValidationError
from iok_desktop.gui.clerk.announcements import datetimes
from iok_desktop.gui.clerk.announcements.building_combo import BuildingCombo
from iok_desktop.gui.clerk.announcements.preview import AnnouncementPreview
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.premises_search import PremisesSearch
from iok_desktop.gui.forms.ui_announcements_editor import Ui_AnnouncementEditor
from iok_desktop.gui.widgets import set_invalid, show_error
from iok_desktop.services import announcements, buildings
from iok_desktop.services.announcements import AnnouncementRow, AnnouncementState, ResidentAnnouncement
from iok_desktop.services.buildings import BuildingRow, PremisesLabel
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.registry import PremisesHit

DEFAULT_DURATION = timedelta(days=14)


@dataclass(frozen=True)
class FormValues:
    title: str
    body: str
    kind: AnnouncementKind
    publish_from: datetime
    valid_until: datetime | None
    audience: Audience
    building_id: int | None
    premises_id: int | None


def premises_text(label: PremisesLabel) -> str:
    return f"{label.address} · {label.code}"


# --- units of work (each runs on the worker, in one transaction) -----------------------------


def _create(ctx: ServiceContext, v: FormValues, draft: bool) -> AnnouncementRow:
    return announcements.create_announcement(
        ctx,
        title=v.title,
        body=v.body,
        kind=v.kind,
        publish_from=v.publish_from,
        valid_until=v.valid_until,
        audience=v.audience,
        building_id=v.building_id,
        premises_id=v.premises_id,
        draft=draft,
    )


def _update(ctx: ServiceContext, row: AnnouncementRow, v: FormValues) -> AnnouncementRow:
    return announcements.update_announcement(
        ctx,
        row.id,
        row.version,
        title=v.title,
        body=v.body,
        kind=v.kind,
        publish_from=v.publish_from,
        valid_until=v.valid_until,
        audience=v.audience,
        building_id=v.building_id,
        premises_id=v.premises_id,
    )


def save_form(ctx: ServiceContext, current: AnnouncementRow | None, v: FormValues) -> AnnouncementRow:
    return _create(ctx, v, draft=True) if current is None else _update(ctx, current, v)


def publish_form(ctx: ServiceContext, current: AnnouncementRow | None, v: FormValues) -> AnnouncementRow:
    if current is None:
        return _create(ctx, v, draft=False)
    row = _update(ctx, current, v)
    return announcements.publish(ctx, row.id, expected_version=row.version)


def expire_form(ctx: ServiceContext, current: AnnouncementRow, v: FormValues) -> AnnouncementRow:
    row = _update(ctx, current, v)
    return announcements.expire(ctx, row.id, expected_version=row.version)


def fetch_announcement(
    ctx: ServiceContext, announcement_id: int
) -> tuple[AnnouncementRow | None, PremisesLabel | None]:
    """One announcement by id (the newest with an id below id + 1), with its premises' label."""
    rows = announcements.list_announcements(ctx, before_id=announcement_id + 1, limit=1)
    row = rows[0] if rows and rows[0].id == announcement_id else None
    if row is None or row.premises_id is None:
        return row, None
    return row, buildings.premises_labels(ctx, [row.premises_id]).get(row.premises_id)


class AnnouncementEditor(QWidget):
    saved = Signal(object)  # AnnouncementRow, after any successful save, publish, end or reload

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_AnnouncementEditor()
        self.ui.setupUi(self)
        self.building_combo = BuildingCombo(self.ui.building_panel)
        self.building_combo.setObjectName("building_combo")
        self.building_combo.set_placeholder(self.tr("Type part of the address or code"))
        self.ui.building_layout.addWidget(self.building_combo)
        self.premises_search = PremisesSearch(ctx, self.ui.premises_panel)
        self.premises_search.results_list.setFixedHeight(110)
        self.premises_search.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.ui.premises_layout.insertWidget(0, self.premises_search)
        for edit in (self.ui.publish_from_edit, self.ui.valid_until_edit):
            datetimes.prepare(edit)
        self.current: AnnouncementRow | None = None
        self.preview_dialog: AnnouncementPreview | None = None
        self._premises: PremisesLabel | None = None
        self._loaded: FormValues | None = None
        self._busy = False
        self._fields: dict[str, tuple[QLabel, QWidget | None]] = {
            "title": (self.ui.title_error_label, self.ui.title_edit),
            "body": (self.ui.body_error_label, self.ui.body_edit),
            "publish_from": (self.ui.publish_from_error_label, self.ui.publish_from_edit),
            "valid_until": (self.ui.valid_until_error_label, self.ui.valid_until_edit),
            "audience": (self.ui.audience_error_label, None),
            "building_id": (self.ui.audience_error_label, self.building_combo),
            "premises_id": (self.ui.audience_error_label, self.premises_search.search_edit),
        }
        self.ui.valid_until_check.toggled.connect(self.ui.valid_until_edit.setEnabled)
        self.ui.audience_group.buttonToggled.connect(lambda *_args: self._show_audience_panel())
        self.premises_search.premises_chosen.connect(self._premises_chosen)
        self.ui.save_button.clicked.connect(self.save)
        self.ui.publish_button.clicked.connect(self.publish)
        self.ui.expire_button.clicked.connect(self.expire)
        self.ui.preview_button.clicked.connect(self.preview)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.new_announcement()

    # --- filling the form ---------------------------------------------------------------------
    def set_buildings(self, rows: list[BuildingRow]) -> None:
        dirty = self.is_dirty()
        self.building_combo.set_buildings(rows)
        if not dirty:
            self._loaded = self.values()

    def new_announcement(self) -> None:
        self.current = None
        now = self.ctx.backend.clock.now()
        self._fill(FormValues("", "", AnnouncementKind.NORMAL, now, None, Audience.EVERYONE, None, None), premises=None)
        self.ui.heading_label.setText(self.tr("New announcement"))
        self.ui.state_label.setText("")
        show_error(self.ui.message_label, None)
        self.ui.title_edit.setFocus()

    def load(self, row: AnnouncementRow, premises: PremisesLabel | None = None) -> None:
        """Show an announcement for editing (the premises label is fetched when not given)."""
        self.current = row
        values = FormValues(
            row.title,
            row.body,
            row.kind,
            row.publish_from,
            row.valid_until,
            row.audience,
            row.building_id,
            row.premises_id,
        )
        if premises is None and row.premises_id is not None:
            premises = PremisesLabel(row.premises_id, "", "…")
            self.ctx.run(self.ctx.call(buildings.premises_labels, [row.premises_id]), self._premises_label_loaded)
        self._fill(values, premises)
        self.ui.heading_label.setText(self.tr("Announcement"))
        self.ui.state_label.setText(row.state.label)
        show_error(self.ui.message_label, None)

    def _fill(self, v: FormValues, premises: PremisesLabel | None) -> None:
        self._clear_errors()
        self.ui.title_edit.setText(v.title)
        self.ui.body_edit.setPlainText(v.body)
        (self.ui.kind_urgent_radio if v.kind is AnnouncementKind.URGENT else self.ui.kind_normal_radio).setChecked(True)
        datetimes.set_moment(self.ui.publish_from_edit, v.publish_from)
        self.ui.valid_until_check.setChecked(v.valid_until is not None)
        datetimes.set_moment(self.ui.valid_until_edit, v.valid_until or (v.publish_from + DEFAULT_DURATION))
        radio = {
            Audience.EVERYONE: self.ui.audience_everyone_radio,
            Audience.BUILDING: self.ui.audience_building_radio,
            Audience.PREMISES: self.ui.audience_premises_radio,
        }[v.audience]
        radio.setChecked(True)
        self.building_combo.set_building_id(v.building_id)
        self._premises = premises
        self.premises_search.search_edit.clear()
        self._show_premises()
        self._show_audience_panel()
        self._loaded = self.values()
        self._update_buttons()

    def _premises_label_loaded(self, labels: dict[int, PremisesLabel]) -> None:
        if self._premises is None or self._premises.id not in labels:
            return
        dirty = self.is_dirty()
        self._premises = labels[self._premises.id]
        self._show_premises()
        if not dirty:
            self._loaded = self.values()

    def _premises_chosen(self, hit: PremisesHit) -> None:
        self._premises = PremisesLabel(hit.premises_id, hit.code, hit.address)
        self._show_premises()
        self._show_field_error("premises_id", None)

    def _show_premises(self) -> None:
        if self._premises is None:
            text = self.tr("No premises chosen: search above, then press Enter on the right one.")
        else:
            text = self.tr("Chosen: %1").replace("%1", premises_text(self._premises))
        self.ui.premises_chosen_label.setText(text)

    def _show_audience_panel(self) -> None:
        self.ui.building_panel.setVisible(self.ui.audience_building_radio.isChecked())
        self.ui.premises_panel.setVisible(self.ui.audience_premises_radio.isChecked())

    # --- reading the form -----------------------------------------------------------------------
    def values(self) -> FormValues:
        current = self.current
        if self.ui.audience_building_radio.isChecked():
            audience = Audience.BUILDING
        elif self.ui.audience_premises_radio.isChecked():
            audience = Audience.PREMISES
        else:
            audience = Audience.EVERYONE
        publish_from = _keep_exact(
            datetimes.moment(self.ui.publish_from_edit), current.publish_from if current else None
        )
        valid_until = None
        if self.ui.valid_until_check.isChecked():
            valid_until = _keep_exact(
                datetimes.moment(self.ui.valid_until_edit), current.valid_until if current else None
            )
        return FormValues(
            title=self.ui.title_edit.text(),
            body=self.ui.body_edit.toPlainText(),
            kind=AnnouncementKind.URGENT if self.ui.kind_urgent_radio.isChecked() else AnnouncementKind.NORMAL,
            publish_from=publish_from,
            valid_until=valid_until,
            audience=audience,
            building_id=self.building_combo.building_id() if audience is Audience.BUILDING else None,
            premises_id=self._premises.id if audience is Audience.PREMISES and self._premises else None,
        )

    def is_dirty(self) -> bool:
        return self._loaded is not None and self.values() != self._loaded

    # --- actions --------------------------------------------------------------------------------
    def save(self) -> None:
        if self._busy:
            return
        v = self.values()
        message = self.tr("Saved as a draft.") if self.current is None or self.current.is_draft else self.tr("Saved.")
        self._start(self.ctx.call(save_form, self.current, v), message)

    def publish(self) -> None:
        if self._busy:
            return
        v = self.values()
        title = v.title.strip() or self.tr("(no title)")
        if v.publish_from <= self.ctx.backend.clock.now():
            question = self.tr("Publish “%1”? Residents will see it at once.").replace("%1", title)
        else:
            question = (
                self.tr("Publish “%1”? Residents will see it from %2.")
                .replace("%1", title)
                .replace("%2", format_datetime(v.publish_from))
            )
        if not self.ctx.dialogs.confirm(self, self.tr("Publish the announcement"), question):
            return
        self._start(self.ctx.call(publish_form, self.current, v), self.tr("Published."))

    def expire(self) -> None:
        current = self.current
        if self._busy or current is None:
            return
        v = self.values()
        title = v.title.strip() or current.title
        question = self.tr("End “%1” now? Residents will no longer see it.").replace("%1", title)
        if not self.ctx.dialogs.confirm(self, self.tr("End the announcement"), question):
            return
        self._start(self.ctx.call(expire_form, current, v), self.tr("Ended: residents no longer see it."))

    def preview(self) -> None:
        v = self.values()
        item = ResidentAnnouncement(
            id=self.current.id if self.current else 0,
            title=" ".join(v.title.split()),
            body=v.body.strip("\n"),
            kind=v.kind,
            publish_from=v.publish_from,
            valid_until=v.valid_until,
            is_read=False,
        )
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog.deleteLater()
        self.preview_dialog = AnnouncementPreview(item, self)
        self.preview_dialog.open()

    def _start(self, work: Callable[[], AnnouncementRow], done_message: str) -> None:
        self._clear_errors()
        show_error(self.ui.message_label, None)
        self._set_busy(True)
        premises = self._premises

        def succeeded(row: AnnouncementRow) -> None:
            self._set_busy(False)
            self.load(row, premises if premises is not None and premises.id == row.premises_id else None)
            show_error(self.ui.message_label, done_message)
            self.saved.emit(row)

        self.ctx.run(work, succeeded, self._failed)

    def _failed(self, error: BaseException) -> bool:
        self._set_busy(False)
        if isinstance(error, ConflictError) and self.current is not None:
            self.ctx.errors.show(error)
            self.reload()
            return True
        if isinstance(error, ValidationError) and error.field in self._fields:
            self._show_field_error(error.field, error.message)
            return True
        return False

    def reload(self) -> None:
        """Read the announcement again (after a conflict); what was typed is replaced by what is saved."""
        current = self.current
        if current is None:
            return

        def loaded(found: tuple[AnnouncementRow | None, PremisesLabel | None]) -> None:
            row, premises = found
            if row is None:
                self.new_announcement()
                return
            self.load(row, premises)
            show_error(self.ui.message_label, self.tr("Reloaded: this is the announcement as it is saved now."))
            self.saved.emit(row)

        self.ctx.run(self.ctx.call(fetch_announcement, current.id), loaded)

    # --- errors and buttons ---------------------------------------------------------------------
    def _show_field_error(self, field: str, message: str | None) -> None:
        label, widget = self._fields[field]
        show_error(label, message)
        if widget is not None:
            set_invalid(widget, bool(message))
            if message:
                widget.setFocus()

    def _clear_errors(self) -> None:
        for label, widget in self._fields.values():
            show_error(label, None)
            if widget is not None:
                set_invalid(widget, False)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        state = self.current.state if self.current is not None else None
        new_or_draft = state in (None, AnnouncementState.DRAFT)
        self.ui.save_button.setText(self.tr("&Save draft") if new_or_draft else self.tr("&Save changes"))
        self.ui.save_button.setEnabled(not self._busy)
        self.ui.publish_button.setEnabled(not self._busy and new_or_draft)
        self.ui.expire_button.setEnabled(
            not self._busy and state is not None and state is not AnnouncementState.EXPIRED
        )


def _keep_exact(edited: datetime, original: datetime | None) -> datetime:
    """The edits show whole minutes: an untouched time keeps its exact stored value (no spurious change)."""
    if original is not None and edited == datetimes.to_minute(original):
        return original
    return edited
