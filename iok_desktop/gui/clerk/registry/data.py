"""What the premises card shows, read in one transaction on the worker: the card and each holder's history."""

from __future__ import annotations

from dataclasses import dataclass

from iok_desktop.services import contacts, registry
from iok_desktop.services.contacts import ContactChangeRow
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.registry import PremisesCard

HISTORY_ROWS = 50


@dataclass(frozen=True)
class CardData:
    card: PremisesCard
    # Contact-data history of each current holder, newest first (person_id → rows).
    histories: dict[int, list[ContactChangeRow]]


def load_card(ctx: ServiceContext, premises_id: int) -> CardData:
    card = registry.premises_card(ctx, premises_id)
    return CardData(
        card=card,
        histories={c.person_id: contacts.history(ctx, c.person_id, limit=HISTORY_ROWS) for c in card.contacts},
    )
