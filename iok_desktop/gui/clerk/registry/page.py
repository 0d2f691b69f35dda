"""The "Lokale i mieszkańcy" screen: search as you type, the premises card, and residents' changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from iok_desktop.domain.dates import office_today
from iok_desktop.domain.errors import NotFoundError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.premises_search import PremisesSearch
from iok_desktop.gui.clerk.registry.card import PremisesCardView
from iok_desktop.gui.clerk.registry.changes import ResidentChangesView
from iok_desktop.gui.clerk.registry.contact_dialog import ContactDialog
from iok_desktop.gui.clerk.registry.data import CardData, load_card
from iok_desktop.services.contacts import ContactData
from iok_desktop.services.registry import PremisesHit


class RegistryPage(Page):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Premises and residents"), parent)
        self.premises_id: int | None = None
        self.card_view: PremisesCardView | None = None
        self.contact_dialog: ContactDialog | None = None
        self._generation = 0

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registry_tabs")
        self.layout_.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self.tabs)
        splitter.setObjectName("registry_splitter")
        self.search = PremisesSearch(ctx, splitter)
        # Wide enough for the search hint in full (Polish is the longest).
        self.search.setMinimumWidth(380)
        self.search.premises_chosen.connect(self._chosen)
        splitter.addWidget(self.search)

        self.card_stack = QStackedWidget(splitter)
        self.placeholder_label = QLabel(
            self.tr("Type a surname, an address, a premises code or an IOK user ID, then choose a premises."),
            self.card_stack,
        )
        self.placeholder_label.setObjectName("card_placeholder_label")
        self.placeholder_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder_label.setWordWrap(True)
        self.card_scroll = QScrollArea(self.card_stack)
        self.card_scroll.setObjectName("card_scroll")
        self.card_scroll.setWidgetResizable(True)
        self.card_stack.addWidget(self.placeholder_label)
        self.card_stack.addWidget(self.card_scroll)
        splitter.addWidget(self.card_stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 620])
        self.tabs.addTab(splitter, self.tr("Premises"))

        changes_tab = QWidget(self.tabs)
        changes_layout = QVBoxLayout(changes_tab)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        self.changes = ResidentChangesView(ctx, changes_tab)
        changes_layout.addWidget(self.changes)
        self.tabs.addTab(changes_tab, self.tr("Changes made by residents"))

    # --- Page hooks --------------------------------------------------------------------------------
    def activated(self) -> None:
        self.changes.reload()
        if self.premises_id is not None:
            self.show_premises(self.premises_id)
        self.search.search_edit.setFocus()

    # --- the card ----------------------------------------------------------------------------------
    def _chosen(self, hit: PremisesHit) -> None:
        self.show_premises(hit.premises_id)

    def show_premises(self, premises_id: int) -> None:
        self.premises_id = premises_id
        self._generation += 1
        generation = self._generation
        self.ctx.run(
            self.ctx.call(load_card, premises_id),
            lambda data: self._show_card(generation, data),
            self._card_failed,
        )

    def reload_card(self) -> None:
        if self.premises_id is not None:
            self.show_premises(self.premises_id)

    def _show_card(self, generation: int, data: CardData) -> None:
        if generation != self._generation:
            return
        old = self.card_view
        scroll_position = self.card_scroll.verticalScrollBar().value() if old is not None else 0
        same_premises = old is not None and old.data.card.premises_id == data.card.premises_id
        view = PremisesCardView(data, office_today(self.ctx.backend.clock.now()))
        view.edit_contact_requested.connect(self.edit_contact)
        self.card_scroll.setWidget(view)  # the scroll area deletes the previous card
        self.card_view = view
        self.card_stack.setCurrentWidget(self.card_scroll)
        if same_premises:
            self.card_scroll.verticalScrollBar().setValue(scroll_position)

    def _card_failed(self, error: BaseException) -> bool:
        if isinstance(error, NotFoundError):
            self.premises_id = None
            self.card_view = None
            self.placeholder_label.setText(error.message)
            self.card_stack.setCurrentWidget(self.placeholder_label)
            return True
        return False

    # --- contact data ------------------------------------------------------------------------------
    def edit_contact(self, contact: ContactData) -> None:
        if self.contact_dialog is not None:
            self.contact_dialog.deleteLater()
        dialog = ContactDialog(self.ctx, contact, self)
        dialog.saved.connect(lambda _contact: self.reload_card())
        self.contact_dialog = dialog
        dialog.open()
