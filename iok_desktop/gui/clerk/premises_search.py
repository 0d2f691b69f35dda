"""Search as you type for a premises: surname, address, premises code or IOK login.

Each keystroke restarts a short timer; when the clerk pauses, one search runs on the worker. A
result that arrives after a newer keystroke is dropped (generation counter), so the list always
matches what is in the box. Enter or double-click chooses a premises.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.services import registry
from iok_desktop.services.registry import PremisesHit

DEBOUNCE_MS = 150


class PremisesSearch(QWidget):
    premises_chosen = Signal(object)  # PremisesHit
    results_shown = Signal(int)

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("premises_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Surname, address (Zgoda 8/12), premises code or IOK login"))
        self.search_edit.setClearButtonEnabled(True)
        self.results_list = QListWidget(self)
        self.results_list.setObjectName("premises_results_list")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("premises_search_status_label")
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results_list, 1)
        layout.addWidget(self.status_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.search_edit.installEventFilter(self)
        self.results_list.itemActivated.connect(self._activated)

    def hits(self) -> list[PremisesHit]:
        return [self.results_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.results_list.count())]

    def search_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation, text = self._generation, self.search_edit.text()
        if len(text.strip()) < registry.MIN_QUERY:
            self._show(generation, [])
            return
        self.ctx.run(self.ctx.call(registry.search_premises, text), lambda hits: self._show(generation, hits))

    def _show(self, generation: int, hits: list[PremisesHit]) -> None:
        if generation != self._generation:
            return
        self.results_list.clear()
        for hit in hits:
            holders = ", ".join(hit.holders) or self.tr("no current holder")
            item = QListWidgetItem(f"{hit.address}  ·  {hit.code}\n{holders}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results_list.addItem(item)
        if hits:
            self.results_list.setCurrentRow(0)
        typed = len(self.search_edit.text().strip()) >= registry.MIN_QUERY
        self.status_label.setText(self.tr("Nothing found.") if typed and not hits else "")
        self.results_shown.emit(len(hits))

    def _activated(self, item: QListWidgetItem) -> None:
        self.premises_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Arrow keys move through the results and Enter chooses, without leaving the search box."""
        if watched is self.search_edit and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results_list.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.results_list.currentRow() + step, 0), self.results_list.count() - 1)
                self.results_list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results_list.currentItem() is not None:
                self._activated(self.results_list.currentItem())
                return True
        return super().eventFilter(watched, event)
