"""Reject the selected readings with a reason the resident will see (required).

The dialog only collects the reason: ``submitted`` carries it to the screen, which calls the service
and either closes the dialog or shows the refusal next to the reason (what was typed stays).
Enter rejects (a reason is one line), Escape cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from iok_desktop.gui.forms.ui_queue_reject_dialog import Ui_QueueRejectDialog
from iok_desktop.gui.widgets import set_invalid, show_error

MAX_REASON_LENGTH = 500


class RejectDialog(QDialog):
    submitted = Signal(str)

    def __init__(
        self, count: int, recent: list[str], parent: QWidget | None = None, *, description: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_QueueRejectDialog()
        self.ui.setupUi(self)
        self.setObjectName("reject_dialog")
        # One reading: say which; several: how many.
        self.ui.summary_label.setText(description or self.tr("Readings to reject: %1").replace("%1", str(count)))
        self.ok_button = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reject"))
        self.ok_button.setObjectName("reject_confirm_button")
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("reject_cancel_button")
        self.ui.button_box.accepted.connect(self.submit)
        self.ui.button_box.rejected.connect(self.reject)
        combo = self.ui.recent_reasons_combo
        combo.setPlaceholderText(self.tr("(choose to fill in)"))
        combo.addItems(recent)
        combo.setCurrentIndex(-1)
        combo.activated.connect(self._recent_chosen)
        for widget in (self.ui.recent_label, combo):
            widget.setVisible(bool(recent))
        self.ui.reason_edit.textChanged.connect(self._clear_error)
        self.ui.reason_edit.installEventFilter(self)
        show_error(self.ui.error_label, None)
        self.ui.reason_edit.setFocus()

    def reason(self) -> str:
        return " ".join(self.ui.reason_edit.toPlainText().split())

    def submit(self) -> None:
        reason = self.reason()
        if not reason:
            self.show_error(self.tr("Give a reason: the resident will see it."))
            return
        if len(reason) > MAX_REASON_LENGTH:
            self.show_error(self.tr("The reason is too long (at most 500 characters)."))
            return
        self.submitted.emit(reason)

    def show_error(self, message: str) -> None:
        show_error(self.ui.error_label, message)
        set_invalid(self.ui.reason_edit, True)
        self.ui.reason_edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.ui.reason_edit, self.ui.recent_reasons_combo, self.ui.button_box):
            widget.setEnabled(not busy)

    def _clear_error(self) -> None:
        if self.ui.error_label.isVisibleTo(self):
            show_error(self.ui.error_label, None)
            set_invalid(self.ui.reason_edit, False)

    def _recent_chosen(self, index: int) -> None:
        self.ui.reason_edit.setPlainText(self.ui.recent_reasons_combo.itemText(index))
        self.ui.reason_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.ui.reason_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)
