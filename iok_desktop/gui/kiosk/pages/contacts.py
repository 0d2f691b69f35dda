"""Kiosk page "Dane kontaktowe": the resident's landline, mobile and e-mail, shown large and changed in place.

"Change details" turns the values into text fields (the window's on-screen keyboard serves them); Save
sends all three to ``contacts.update_contact``, which records each change as made by the resident so the
office sees it. A refusal shows next to its field and keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.enums import ContactField
from iok_desktop.domain.errors import DatabaseUnavailableError, DomainError, ValidationError
from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.keyboard import OnScreenKeyboard
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.kiosk.page import KioskPage
from iok_desktop.gui.widgets import set_invalid
from iok_desktop.services import contacts
from iok_desktop.services.contacts import ContactData, ContactValidationError

CONTENT_WIDTH = 1240
FIELDS = (ContactField.LANDLINE, ContactField.MOBILE, ContactField.EMAIL)


def _value(data: ContactData, field: ContactField) -> str | None:
    return {ContactField.LANDLINE: data.landline, ContactField.MOBILE: data.mobile, ContactField.EMAIL: data.email}[
        field
    ]


class _FieldRow:
    """One contact field: its caption, the value as shown, the edit used while changing, its error."""

    def __init__(self, field: ContactField, caption: str, parent: QWidget) -> None:
        self.field = field
        self.caption = named(QLabel(caption, parent), f"contact_{field.value}_caption")
        self.caption.setProperty("role", "kiosk-caption")
        self.value = named(QLabel(parent), f"contact_{field.value}_value")
        self.value.setProperty("role", "kiosk-value")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.edit = named(QLineEdit(parent), f"contact_{field.value}_edit")
        self.edit.setMaxLength(254)
        self.error = named(QLabel(parent), f"contact_{field.value}_error")
        self.error.setProperty("role", "kiosk-error")
        self.error.setWordWrap(True)
        self.error.hide()

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        set_invalid(self.edit, bool(message))


class KioskContactsPage(KioskPage):
    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "contacts", parent)
        self.data: ContactData | None = None
        self.editing = False
        self._busy = False
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # takes focus from a field when the form closes

        title = named(QLabel(self.tr("Contact details"), self), "contacts_title")
        title.setProperty("role", "kiosk-title")
        self.status_label = named(QLabel(self), "contacts_status")
        self.status_label.setProperty("role", "kiosk-success")
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        self.message_label = named(QLabel(self), "contacts_message")
        self.message_label.setProperty("role", "kiosk-error")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        buttons = self._build_buttons()

        # The buttons sit beside the title and the fields scroll below them, so Save stays in sight
        # when the on-screen keyboard takes the lower half of the screen.
        header = QHBoxLayout()
        header.setSpacing(24)
        header.addWidget(title, 1)
        header.addLayout(buttons)
        self._build_form()
        content = named(QWidget(self), "contacts_content")
        content.setMaximumWidth(CONTENT_WIDTH)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addLayout(header)
        column.addWidget(self.status_label)
        column.addWidget(self.message_label)
        column.addWidget(self.form_area, 1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 0, 48, 8)
        outer.addStretch(1)
        outer.addWidget(content, 100)
        outer.addStretch(1)
        self._show_mode()

    def _build_form(self) -> None:
        grid = self._build_fields()
        self.note_label = named(
            QLabel(self.tr("The above data is used by the cooperative to contact you if necessary."), self),
            "contacts_note",
        )
        self.note_label.setProperty("role", "kiosk-note")
        self.note_label.setWordWrap(True)
        self.form = form = named(QWidget(), "contacts_form")
        self.form_column = form_column = QVBoxLayout(form)
        form_column.setContentsMargins(0, 0, 24, 0)
        form_column.setSpacing(16)
        form_column.addLayout(grid)
        form_column.addSpacing(8)
        form_column.addWidget(self.note_label)
        form_column.addStretch(1)
        self.form_area = named(QScrollArea(self), "contacts_form_area")
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setWidget(form)
        for watched in (*(row.edit for row in self.rows.values()), form, self.form_area.viewport()):
            watched.installEventFilter(self)
        self.form_area.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        QScroller.grabGesture(self.form_area.viewport(), QScroller.ScrollerGestureType.TouchGesture)

    def _build_fields(self) -> QGridLayout:
        captions = {
            ContactField.LANDLINE: self.tr("Landline phone"),
            ContactField.MOBILE: self.tr("Mobile phone"),
            ContactField.EMAIL: self.tr("E-mail address"),
        }
        self.rows = {field: _FieldRow(field, captions[field], self) for field in FIELDS}
        self.rows[ContactField.LANDLINE].edit.setPlaceholderText(self.tr("e.g. 91 123 45 67"))
        self.rows[ContactField.MOBILE].edit.setPlaceholderText(self.tr("e.g. 601 234 567"))
        self.rows[ContactField.EMAIL].edit.setPlaceholderText(self.tr("e.g. name@example.pl"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        for index, row in enumerate(self.rows.values()):
            grid.addWidget(row.caption, 2 * index, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(row.value, 2 * index, 1)
            grid.addWidget(row.edit, 2 * index, 1)
            grid.addWidget(row.error, 2 * index + 1, 1)
            grid.setRowMinimumHeight(2 * index, 84)
        for index, row in enumerate(self.rows.values()):
            row.edit.returnPressed.connect(self._next_field(index))
        return grid

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusIn:
            row = next((row for row in self.rows.values() if row.edit is watched), None)
            if row is not None:
                QTimer.singleShot(0, self, lambda row=row: self._ensure_visible(row))
        elif event.type() == QEvent.Type.Resize and watched in (self.form, self.form_area.viewport()):
            # A message appeared, or the keyboard came and the screen shrank: keep the field in sight.
            focused = next((row for row in self.rows.values() if row.edit.hasFocus()), None)
            if focused is not None:
                QTimer.singleShot(0, self, lambda row=focused: self._ensure_visible(row))
        return super().eventFilter(watched, event)

    def _keyboard_cover(self) -> int:
        """How many pixels of the form's bottom the floating on-screen keyboard hides (0 when none shows)."""
        viewport = self.form_area.viewport()
        bottom = viewport.mapToGlobal(QPoint(0, viewport.height())).y()
        tops = [
            board.mapToGlobal(QPoint(0, 0)).y()
            for board in self.window().findChildren(OnScreenKeyboard)
            if board.isVisible()
        ]
        return max([0, *(bottom - top for top in tops)])

    def _ensure_visible(self, row: _FieldRow) -> None:
        """Scroll the focused field and its message above the keyboard (room below lets the last one rise)."""
        if not self.editing:
            return
        cover = self._keyboard_cover()
        if self.form_column.contentsMargins().bottom() != cover:
            # Room below the last field; scroll once the scroll area has grown the form to hold it.
            self.form_column.setContentsMargins(0, 0, 24, cover)
            QTimer.singleShot(0, self, lambda: self._ensure_visible(row))
            return
        form = self.form
        lowest = row.error if row.error.isVisible() else row.edit
        top = row.edit.mapTo(form, QPoint(0, 0)).y() - 8
        bottom = lowest.mapTo(form, QPoint(0, lowest.height())).y() + 8
        seen = self.form_area.viewport().height() - cover
        bar = self.form_area.verticalScrollBar()
        if bottom - bar.value() > seen:
            bar.setValue(bottom - seen)
        if top < bar.value():
            bar.setValue(top)

    def _build_buttons(self) -> QHBoxLayout:
        self.change_button = named(QPushButton(self.tr("Change details"), self), "contacts_change_button")
        self.change_button.setDefault(True)
        self.change_button.clicked.connect(self.start_editing)
        self.save_button = named(QPushButton(self.tr("Save"), self), "contacts_save_button")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = named(QPushButton(self.tr("Cancel"), self), "contacts_cancel_button")
        self.cancel_button.clicked.connect(self.cancel_editing)
        for button in (self.change_button, self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap must not take focus from the field
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        return buttons

    # --- loading --------------------------------------------------------------------------------

    def activated(self) -> None:
        if self.editing:
            return  # coming back to a half-typed form keeps it
        self.status_label.hide()
        self._show_message(None)
        self._load()

    def _load(self) -> None:
        self._set_busy(True)
        self.ctx.run(self.ctx.call(contacts.get_contact, self.ctx.session.person_id), self._loaded, self._load_failed)

    def _loaded(self, data: ContactData) -> None:
        self._show_data(data)
        self._set_busy(False)

    def _load_failed(self, error: BaseException) -> bool:
        self._set_busy(False)
        return self._show_domain_error(error)

    def _show_data(self, data: ContactData) -> None:
        self.data = data
        for field, row in self.rows.items():
            value = _value(data, field)
            row.value.setText(value or self.tr("not given"))
            row.value.setProperty("empty", "false" if value else "true")
            row.value.style().unpolish(row.value)
            row.value.style().polish(row.value)

    # --- changing -------------------------------------------------------------------------------

    def start_editing(self) -> None:
        if self.data is None or self._busy:
            return
        self.editing = True
        self.status_label.hide()
        self._show_message(None)
        for field, row in self.rows.items():
            row.edit.setText(_value(self.data, field) or "")
            row.show_error(None)
        self._show_mode()
        first = self.rows[ContactField.LANDLINE].edit
        first.setFocus()
        first.end(False)

    def cancel_editing(self) -> None:
        if self._busy:
            return
        self.editing = False
        for row in self.rows.values():
            row.show_error(None)
        self._show_message(None)
        self._show_mode()

    def save(self) -> None:
        if not self.editing or self._busy:
            return
        typed = {field: row.edit.text() for field, row in self.rows.items()}
        for row in self.rows.values():
            row.show_error(None)
        self._show_message(None)
        self._set_busy(True)
        self.ctx.run(
            self.ctx.call(
                contacts.update_contact,
                self.ctx.session.person_id,
                landline=typed[ContactField.LANDLINE],
                mobile=typed[ContactField.MOBILE],
                email=typed[ContactField.EMAIL],
            ),
            self._saved,
            self._save_failed,
        )

    def _saved(self, data: ContactData) -> None:
        unchanged = data == self.data
        self.editing = False
        self._show_data(data)
        self._set_busy(False)
        self._show_mode()
        if unchanged:
            self.status_label.setText(self.tr("Nothing has changed: your contact details are as before."))
        else:
            self.status_label.setText(self.tr("Saved. Your new contact details are shown below."))
        self.status_label.show()

    def _save_failed(self, error: BaseException) -> bool:
        self._set_busy(False)
        if isinstance(error, ContactValidationError):
            shown = False
            for name, message in error.errors.items():
                row = self._row(name)
                if row is not None:
                    row.show_error(message)
                    shown = True
            if not shown:
                self._show_message(error.message)
            self._focus(error.field)
            return True
        if isinstance(error, ValidationError):
            row = self._row(error.field)
            if row is not None:
                row.show_error(error.message)
                self._focus(error.field)
            else:
                self._show_message(error.message)
            return True
        return self._show_domain_error(error)

    # --- helpers --------------------------------------------------------------------------------

    def _row(self, name: str | None) -> _FieldRow | None:
        return next((row for field, row in self.rows.items() if field.value == name), None)

    def _focus(self, name: str | None) -> None:
        row = self._row(name)
        if row is not None:
            row.edit.setFocus()
            row.edit.end(False)
            QTimer.singleShot(0, self, lambda: self._ensure_visible(row))

    def _next_field(self, index: int) -> Callable[[], None]:
        rows = list(self.rows.values())

        def go() -> None:
            if index + 1 < len(rows):
                rows[index + 1].edit.setFocus()
            else:
                self.save()

        return go

    def _show_domain_error(self, error: BaseException) -> bool:
        if isinstance(error, DomainError) and not isinstance(error, DatabaseUnavailableError):
            self._show_message(error.message)
            return True
        return False

    def _show_message(self, message: str | None) -> None:
        self.message_label.setText(message or "")
        self.message_label.setVisible(bool(message))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.change_button.setEnabled(not busy and self.data is not None)
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _show_mode(self) -> None:
        if not self.editing:
            if any(row.edit.hasFocus() for row in self.rows.values()):
                self.setFocus()  # off the hidden field, so the on-screen keyboard goes away
            self.form_column.setContentsMargins(0, 0, 24, 0)
        for row in self.rows.values():
            row.value.setVisible(not self.editing)
            row.edit.setVisible(self.editing)
            if not self.editing:
                row.error.hide()
        self.change_button.setVisible(not self.editing)
        self.save_button.setVisible(self.editing)
        self.cancel_button.setVisible(self.editing)
        self.change_button.setEnabled(not self._busy and self.data is not None)


# The name the page list imports; "Kiosk" keeps its strings in a translation context of their own.
ContactsPage = KioskContactsPage
