"""Resident accounts: applications, approval only with a current title, reset, lock, unlock, deactivate."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LegalTitle, ResidentAccount
from iok_desktop.domain.enums import AccountStatus, ApplicationStatus
from iok_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from iok_desktop.domain.passwords import INITIAL_DIGITS, INITIAL_LOWER, INITIAL_UPPER, check_policy, verify_password
from iok_desktop.services import accounts, auth, settings
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext
from tests.support.builders import (
    grant_title,
    make_building,
    make_household,
    make_person,
    make_premises,
    make_staff,
    staff_of,
)


def _setup(s, *, valid_to: date | None = None, valid_from: date = date(2015, 3, 1)):  # type: ignore[no-untyped-def]
    building = make_building(s, street="Źródlana", number="12")
    premises = make_premises(s, building, number="7")
    garage = make_premises(s, building, number="G3")
    person = make_person(s, "Małgorzata", "Wróblewska")
    grant_title(s, person, premises, valid_from=valid_from, valid_to=valid_to)
    grant_title(s, person, garage, valid_from=valid_from, valid_to=valid_to)
    clerk = make_staff(s, "urzednik")
    s.commit()
    return person, premises, clerk


def _clerk(s, clerk, clock: FixedClock) -> ServiceContext:  # type: ignore[no-untyped-def]
    return ServiceContext(s, staff_of(clerk), clock)


def test_approving_an_application_creates_one_account_for_all_held_premises(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        person, premises, clerk = _setup(s)
        ctx = _clerk(s, clerk, clock)
        app = accounts.record_application(
            ctx,
            person_id=person.id,
            premises_id=premises.id,
            filed_on=date(2026, 11, 20),
            office="Siedziba, ul. Zgoda 8, pokój 4",
        )
        creds = accounts.approve_application(ctx, app.id)
        s.commit()
        assert creds.login.startswith("wroblews") and creds.login[8:].isdigit()
        assert len(creds.initial_password) == 10
        assert set(creds.initial_password) <= set(INITIAL_LOWER + INITIAL_UPPER + INITIAL_DIGITS)
        check_policy(creds.initial_password, login=creds.login)
        assert creds.premises_addresses == ["ul. Źródlana 12/7, 70-001 Szczecin", "ul. Źródlana 12/G3, 70-001 Szczecin"]
        assert "8 znaków" in creds.password_rules
        account = s.scalar(select(ResidentAccount))
        assert account is not None and account.must_change_password and account.status is AccountStatus.ACTIVE
        assert verify_password(account.password_hash, creds.initial_password)
        [row] = accounts.list_applications(ctx)
        assert row.status is ApplicationStatus.APPROVED and row.account_id == account.id
        session = auth.login_resident(ServiceContext(s, SYSTEM, clock), creds.login, creds.initial_password).unwrap()
        assert session.must_change_password
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "account.create")).one()
        assert audit.actor_login == "urzednik" and audit.details["login"] == creds.login
        assert creds.initial_password not in str(audit.details)


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "expected"),
    [
        (date(2015, 3, 1), date(2026, 6, 30), "wygasł 30.06.2026"),
        (date(2027, 1, 1), None, "zaczyna się dopiero 01.01.2027"),
    ],
)
def test_approval_without_a_current_title_is_refused_with_the_reason(
    db: Database, clock: FixedClock, valid_from: date, valid_to: date | None, expected: str
) -> None:
    with db.session() as s:
        person, premises, clerk = _setup(s, valid_from=valid_from, valid_to=valid_to)
        ctx = _clerk(s, clerk, clock)
        app = accounts.record_application(
            ctx,
            person_id=person.id,
            premises_id=premises.id,
            filed_on=date(2026, 11, 20),
            office="Administracja Osiedla",
        )
        with pytest.raises(ValidationError) as refused:
            accounts.approve_application(ctx, app.id)
        assert expected in str(refused.value)
        assert "Małgorzata Wróblewska" in str(refused.value) and "ul. Źródlana 12/7" in str(refused.value)
        s.rollback()
        assert s.scalar(select(ResidentAccount)) is None


def test_approval_for_a_premises_the_person_never_held_is_refused(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        person, _premises, clerk = _setup(s)
        other = make_premises(s)
        ctx = _clerk(s, clerk, clock)
        app = accounts.record_application(
            ctx, person_id=person.id, premises_id=other.id, filed_on=date(2026, 11, 20), office="Siedziba"
        )
        with pytest.raises(ValidationError, match="nie ma tytułu prawnego"):
            accounts.approve_application(ctx, app.id)


def test_application_form_errors_name_the_field(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        person, premises, clerk = _setup(s)
        ctx = _clerk(s, clerk, clock)
        with pytest.raises(ValidationError) as future:
            accounts.record_application(
                ctx, person_id=person.id, premises_id=premises.id, filed_on=date(2026, 12, 1), office="Siedziba"
            )
        assert future.value.field == "filed_on"
        with pytest.raises(ValidationError) as empty_office:
            accounts.record_application(
                ctx, person_id=person.id, premises_id=premises.id, filed_on=date(2026, 11, 1), office=" \t "
            )
        assert empty_office.value.field == "office"
        with pytest.raises(NotFoundError):
            accounts.record_application(
                ctx, person_id=999, premises_id=premises.id, filed_on=date(2026, 11, 1), office="Siedziba"
            )


def test_the_form_offers_offices_used_before_most_recent_first(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        person, premises, clerk = _setup(s)
        other = make_person(s, "Piotr", "Wróblewski")
        grant_title(s, other, premises, valid_from=date(2015, 3, 1))
        s.commit()
        ctx = _clerk(s, clerk, clock)
        system = ServiceContext(s, SYSTEM, clock)
        current = settings.get_settings(system)
        settings.update_settings(system, replace(current, address=""))
        assert accounts.known_offices(ctx) == []  # nothing to offer: the clerk types it
        settings.update_settings(system, replace(current, address="ul. Zgoda 8, 70-001 Szczecin", version=2))
        # Nothing filed yet: the head office from the settings.
        assert accounts.known_offices(ctx) == ["Siedziba, ul. Zgoda 8, 70-001 Szczecin"]
        for who, office in [(person, "Siedziba, pokój 4"), (other, "Administracja Osiedla Słoneczne")]:
            accounts.record_application(
                ctx, person_id=who.id, premises_id=premises.id, filed_on=date(2026, 11, 20), office=office
            )
        s.commit()
        assert accounts.known_offices(ctx) == ["Administracja Osiedla Słoneczne", "Siedziba, pokój 4"]


def test_a_person_with_an_active_account_cannot_apply_again(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        person, premises, clerk = _setup(s)
        ctx = _clerk(s, clerk, clock)
        app = accounts.record_application(
            ctx, person_id=person.id, premises_id=premises.id, filed_on=date(2026, 11, 20), office="Siedziba"
        )
        creds = accounts.approve_application(ctx, app.id)
        with pytest.raises(ValidationError, match=f"ma już konto IOK \\(identyfikator {creds.login}\\)"):
            accounts.record_application(
                ctx, person_id=person.id, premises_id=premises.id, filed_on=date(2026, 11, 21), office="Siedziba"
            )
        with pytest.raises(ValidationError, match="już rozpatrzony"):
            accounts.approve_application(ctx, app.id)


def test_refusing_an_application_needs_a_reason(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        person, premises, clerk = _setup(s)
        ctx = _clerk(s, clerk, clock)
        app = accounts.record_application(
            ctx, person_id=person.id, premises_id=premises.id, filed_on=date(2026, 11, 20), office="Siedziba"
        )
        with pytest.raises(ValidationError) as no_reason:
            accounts.refuse_application(ctx, app.id, "  ")
        assert no_reason.value.field == "reason"
        row = accounts.refuse_application(ctx, app.id, "Brak dowodu osobistego")
        assert row.status is ApplicationStatus.REFUSED and row.refusal_reason == "Brak dowodu osobistego"


def test_reset_gives_a_new_one_time_password_and_clears_a_lockout(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        household.account.failed_attempts = 10
        household.account.locked_until = clock.now().replace(year=2027)
        s.commit()
        creds = accounts.reset_password(household.clerk_ctx(s, clock), household.account.id)
        s.commit()
        s.refresh(household.account)
        assert household.account.must_change_password and household.account.failed_attempts == 0
        assert household.account.locked_until is None
        session = auth.login_resident(ServiceContext(s, SYSTEM, clock), creds.login, creds.initial_password).unwrap()
        assert session.must_change_password


def test_lock_unlock_and_deactivate_are_audited_with_reasons(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        ctx = household.clerk_ctx(s, clock)
        account_id = household.account.id
        assert accounts.lock_account(ctx, account_id, "Prośba właściciela").status is AccountStatus.LOCKED
        outcome = auth.login_resident(ServiceContext(s, SYSTEM, clock), household.account.login, "Mieszkaniec7Q")
        assert "zablokowane" in str(outcome.error)
        assert accounts.unlock_account(ctx, account_id, "Tożsamość potwierdzona").status is AccountStatus.ACTIVE
        assert accounts.deactivate_account(ctx, account_id, "Sprzedaż lokalu").status is AccountStatus.DEACTIVATED
        with pytest.raises(ValidationError, match="wyłączone"):
            accounts.unlock_account(ctx, account_id, "pomyłka")
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == account_id)))
        assert actions == ["account.lock", "account.unlock", "account.deactivate"]
        assert [a.login for a in accounts.list_accounts(ctx, status=AccountStatus.DEACTIVATED)] == [
            household.account.login
        ]
        assert accounts.list_accounts(ctx, status=AccountStatus.ACTIVE) == []


def test_unlock_is_refused_when_no_current_title_remains(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        for title in s.scalars(select(LegalTitle)):
            title.valid_to = date(2026, 1, 31)
        household.account.status = AccountStatus.LOCKED
        s.commit()
        with pytest.raises(ValidationError, match="nie ma aktualnego tytułu"):
            accounts.unlock_account(household.clerk_ctx(s, clock), household.account.id, "prośba")


def test_returning_holder_gets_the_old_login_back_with_a_new_password(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        ctx = household.clerk_ctx(s, clock)
        accounts.deactivate_account(ctx, household.account.id, "zmiana właściciela")
        app = accounts.record_application(
            ctx,
            person_id=household.person.id,
            premises_id=household.premises.id,
            filed_on=date(2026, 11, 24),
            office="Siedziba",
        )
        creds = accounts.approve_application(ctx, app.id)
        assert creds.login == household.account.login
        assert s.get(ResidentAccount, household.account.id).status is AccountStatus.ACTIVE  # type: ignore[union-attr]


def test_residents_cannot_manage_accounts(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        household.account.must_change_password = False
        ctx = household.resident(s, clock)
        with pytest.raises(PermissionDeniedError):
            accounts.reset_password(ctx, household.account.id)
        with pytest.raises(PermissionDeniedError):
            accounts.list_accounts(ctx)
