"""What a signed-in resident sees first: the premises they hold today (the IOK "strona główna").

Only premises with a current legal title of the resident's own person are listed; a resident never
sees anyone else's premises, and there is no search or list of residents here.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from iok_desktop.db.models import Premises
from iok_desktop.domain.address import full_address
from iok_desktop.services.access import held_premises_ids, resident_person_id
from iok_desktop.services.buildings import PremisesLabel
from iok_desktop.services.context import ServiceContext


def my_premises(ctx: ServiceContext) -> list[PremisesLabel]:
    """The resident's premises in address order (code order within a building)."""
    ids = held_premises_ids(ctx, resident_person_id(ctx))
    if not ids:
        return []
    rows = ctx.session.scalars(select(Premises).where(Premises.id.in_(ids)).options(joinedload(Premises.building)))
    labels = [
        PremisesLabel(
            p.id,
            p.code,
            full_address(p.building.street, p.building.house_number, p.number, p.building.postal_code, p.building.city),
        )
        for p in rows
    ]
    return sorted(labels, key=lambda label: label.code)
