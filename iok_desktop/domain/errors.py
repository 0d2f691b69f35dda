"""The one error taxonomy of the core.

Every refusal the user can cause is a ``DomainError`` carrying a Polish message meant to be shown
as it is; ``message`` and ``str(error)`` give it in the current language (``domain.language``: the
English comes from the catalogue; the Polish as raised is ``polish``). The GUI decides how to show
it by its class: a ``ValidationError`` goes next to the field it names, a ``ConflictError`` offers a
reload, the rest go into a message box. Anything that is not a ``DomainError`` is a bug.
"""

from __future__ import annotations

from iok_desktop.domain.language import localize


class DomainError(Exception):
    """A refusal with a message for the user (Polish, complete sentence)."""

    code: str = "domain_error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.polish = message
        self.field = field

    @property
    def message(self) -> str:
        """The message in the current language (Polish as raised, or its English)."""
        return localize(self.polish)

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """What the user typed is not acceptable; ``field`` names the input to fix."""

    code = "validation"


class NotFoundError(DomainError):
    """The thing asked for does not exist (any more)."""

    code = "not_found"


class PermissionDeniedError(DomainError):
    """The actor may not do this (a resident acting on another premises, a clerk on admin work)."""

    code = "permission_denied"


class ConflictError(DomainError):
    """Someone else changed the record first; the user should reload and decide again."""

    code = "conflict"


class AuthenticationError(DomainError):
    """Login refused. The message never tells whether the login ID exists."""

    code = "authentication"


class AccountLockedError(AuthenticationError):
    """Too many failed logins, or the office locked the account."""

    code = "account_locked"


class ThrottledError(AuthenticationError):
    """Too many failed logins in a row: wait before the next attempt."""

    code = "throttled"

    def __init__(self, message: str, *, retry_after_seconds: int) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class PasswordChangeRequiredError(DomainError):
    """The account may do nothing before the password is changed."""

    code = "password_change_required"


class ConfirmationRequiredError(DomainError):
    """Allowed, but only after the user confirms the warnings (a clerk entering a lower reading).

    Call again with ``acknowledge_warnings=True`` once the user has confirmed.
    """

    code = "confirmation_required"

    def __init__(self, message: str, *, warnings: list[str], field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.polish_warnings = warnings

    @property
    def warnings(self) -> list[str]:
        """The warnings to confirm, in the current language."""
        return [localize(warning) for warning in self.polish_warnings]


class DatabaseUnavailableError(DomainError):
    """The database server cannot be reached (restarted, network cut): the environment's fault, retry."""

    code = "database_unavailable"
