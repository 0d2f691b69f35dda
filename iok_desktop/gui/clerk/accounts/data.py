"""Service calls of the accounts screen that need more than one service, each in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iok_desktop.services import accounts
from iok_desktop.services.accounts import AccountCredentials
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.settings import get_settings


@dataclass(frozen=True)
class IssuedCredentials:
    """New credentials and what the handover slip prints around them. Kept only while shown."""

    credentials: AccountCredentials
    cooperative_name: str
    cooperative_address: str
    issued_on: date


def _issued(ctx: ServiceContext, credentials: AccountCredentials) -> IssuedCredentials:
    settings = get_settings(ctx)
    return IssuedCredentials(credentials, settings.name, settings.address, ctx.today())


def approve(ctx: ServiceContext, application_id: int) -> IssuedCredentials:
    return _issued(ctx, accounts.approve_application(ctx, application_id))


def reset(ctx: ServiceContext, account_id: int) -> IssuedCredentials:
    return _issued(ctx, accounts.reset_password(ctx, account_id))
