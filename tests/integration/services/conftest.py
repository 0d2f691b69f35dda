"""The usual cast of a service test as fixtures: a household (premises, holder, account, clerk) and
the clerk's and resident's contexts, all in one session of the ``db`` under test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.services.context import FixedClock, ServiceContext
from tests.support.builders import Household, make_household


@pytest.fixture
def session(db: Database) -> Iterator[Session]:
    with db.session() as session:
        yield session


@pytest.fixture
def home(session: Session) -> Household:
    return make_household(session)


@pytest.fixture
def clerk(session: Session, home: Household, clock: FixedClock) -> ServiceContext:
    return home.clerk_ctx(session, clock)


@pytest.fixture
def resident(session: Session, home: Household, clock: FixedClock) -> ServiceContext:
    return home.resident(session, clock)
