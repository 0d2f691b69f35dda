"""Account applications a page at a time: newest first, by status, each page after the last row of the previous."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from iok_desktop.domain.enums import ApplicationStatus
from iok_desktop.domain.errors import PermissionDeniedError, ValidationError
from iok_desktop.services import accounts
from iok_desktop.services.application_list import applications_page
from iok_desktop.services.context import ServiceContext
from tests.support.builders import Household, grant_title, make_person, make_premises


def _file(clerk: ServiceContext, session: Session, home: Household, count: int) -> list[int]:
    ids = []
    for n in range(count):
        person = make_person(session, "Jan", f"Nowak{n}")
        premises = make_premises(session, home.building)
        grant_title(session, person, premises)
        row = accounts.record_application(
            clerk, person_id=person.id, premises_id=premises.id, filed_on=date(2026, 11, 1 + n % 3), office="Siedziba"
        )
        ids.append(row.id)
    return ids


def test_pages_follow_each_other_without_gaps_or_repeats(
    clerk: ServiceContext, session: Session, home: Household
) -> None:
    _file(clerk, session, home, 7)
    everything = accounts.list_applications(clerk)
    seen: list[int] = []
    before = None
    while True:
        page = applications_page(clerk, before=before, limit=3)
        seen += [row.id for row in page]
        if len(page) < 3:
            break
        before = (page[-1].filed_on, page[-1].id)
    assert seen == [row.id for row in everything]
    assert len(seen) == 7


def test_pages_filter_by_status(clerk: ServiceContext, session: Session, home: Household) -> None:
    ids = _file(clerk, session, home, 3)
    accounts.refuse_application(clerk, ids[0], "Brak dokumentu tożsamości")
    refused = applications_page(clerk, status=ApplicationStatus.REFUSED)
    submitted = applications_page(clerk, status=ApplicationStatus.SUBMITTED)
    assert [r.id for r in refused] == [ids[0]]
    assert refused[0].refusal_reason == "Brak dokumentu tożsamości"
    assert sorted(r.id for r in submitted) == sorted(ids[1:])


def test_page_size_is_bounded_and_residents_are_refused(clerk: ServiceContext, resident: ServiceContext) -> None:
    with pytest.raises(ValidationError):
        applications_page(clerk, limit=0)
    with pytest.raises(PermissionDeniedError):
        applications_page(resident)
