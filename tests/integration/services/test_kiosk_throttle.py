"""Failed resident logins are throttled per kiosk, whatever logins are tried there."""

from __future__ import annotations

import pytest

from iok_desktop.db.database import Database
from iok_desktop.domain.errors import AuthenticationError, ThrottledError
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import FixedClock
from iok_desktop.services.kiosk_throttle import KIOSK_FAILURE_LIMIT, KIOSK_WINDOW
from tests.support.builders import RESIDENT_PASSWORD, make_household


def test_a_kiosk_with_many_failed_logins_refuses_even_a_right_password_until_the_window_passes(
    db: Database, clock: FixedClock
) -> None:
    with db.session() as s:
        login = make_household(s).account.login
        s.commit()
    kiosk = Backend(db, clock=clock, workstation="kiosk-hol")
    other_kiosk = Backend(db, clock=clock, workstation="kiosk-pietro")

    # Different made-up logins: per-account throttling never sees them, the kiosk does.
    for attempt in range(KIOSK_FAILURE_LIMIT):
        with pytest.raises(AuthenticationError) as refused:
            kiosk.login_resident(f"nieznany{attempt:04d}", "Zgaduje123")
        assert not isinstance(refused.value, ThrottledError)

    with pytest.raises(ThrottledError) as throttled:
        kiosk.login_resident(login, RESIDENT_PASSWORD)
    assert "w tym kiosku" in throttled.value.message and "zapytaj w biurze" in throttled.value.message
    assert 0 < throttled.value.retry_after_seconds <= KIOSK_WINDOW.total_seconds()

    # Another kiosk, and the web portal, are not affected.
    assert other_kiosk.login_resident(login, RESIDENT_PASSWORD).login == login

    clock.advance(seconds=KIOSK_WINDOW.total_seconds() + 1)
    assert kiosk.login_resident(login, RESIDENT_PASSWORD).login == login
