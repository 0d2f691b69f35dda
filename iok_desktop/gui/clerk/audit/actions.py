"""What each audit action code means, in words the office uses ("reading.approve" → "zatwierdzenie odczytu").

The codes are the ones the services write (``audit.record(ctx, "<code>", …)``); a code missing here is
shown as it is, so a new service never hides its entries.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def action_descriptions() -> dict[str, str]:
    """Every known action code and its description, grouped by area (the order of the filter list)."""
    return {
        "reading.submit": QCoreApplication.translate("AuditActions", "reading submitted"),
        "reading.edit": QCoreApplication.translate("AuditActions", "reading corrected"),
        "reading.delete": QCoreApplication.translate("AuditActions", "reading deleted"),
        "reading.approve": QCoreApplication.translate("AuditActions", "reading approved"),
        "reading.reject": QCoreApplication.translate("AuditActions", "reading rejected"),
        "reading.import": QCoreApplication.translate("AuditActions", "readings imported from a file"),
        "reading.export": QCoreApplication.translate("AuditActions", "readings exported to a file"),
        "meter.replace": QCoreApplication.translate("AuditActions", "meter replaced"),
        "ledger.charge": QCoreApplication.translate("AuditActions", "charge posted"),
        "ledger.payment": QCoreApplication.translate("AuditActions", "payment posted"),
        "ledger.correction": QCoreApplication.translate("AuditActions", "correction posted"),
        "ledger.import": QCoreApplication.translate("AuditActions", "ledger imported from the accounting system"),
        "statement.print": QCoreApplication.translate("AuditActions", "ledger statement printed"),
        "statement.save": QCoreApplication.translate("AuditActions", "ledger statement saved as PDF"),
        "announcement.create": QCoreApplication.translate("AuditActions", "announcement written"),
        "announcement.update": QCoreApplication.translate("AuditActions", "announcement changed"),
        "announcement.publish": QCoreApplication.translate("AuditActions", "announcement published"),
        "announcement.expire": QCoreApplication.translate("AuditActions", "announcement ended"),
        "announcement.read": QCoreApplication.translate("AuditActions", "announcement read by a resident"),
        "application.record": QCoreApplication.translate("AuditActions", "IOK account application recorded"),
        "application.refuse": QCoreApplication.translate("AuditActions", "IOK account application refused"),
        "account.create": QCoreApplication.translate("AuditActions", "IOK account created"),
        "account.reactivate": QCoreApplication.translate("AuditActions", "IOK account given back"),
        "account.password_reset": QCoreApplication.translate("AuditActions", "IOK account: new one-time password"),
        "account.lock": QCoreApplication.translate("AuditActions", "IOK account locked by the office"),
        "account.unlock": QCoreApplication.translate("AuditActions", "IOK account unlocked"),
        "account.deactivate": QCoreApplication.translate("AuditActions", "IOK account deactivated"),
        "account.auto_block": QCoreApplication.translate("AuditActions", "IOK account blocked: no current legal title"),
        "contact.update": QCoreApplication.translate("AuditActions", "contact details changed"),
        "contact.mark_seen": QCoreApplication.translate("AuditActions", "contact changes marked as seen"),
        "auth.login": QCoreApplication.translate("AuditActions", "sign-in"),
        "auth.login_failed": QCoreApplication.translate("AuditActions", "failed sign-in"),
        "auth.lockout": QCoreApplication.translate("AuditActions", "account locked after failed sign-ins"),
        "auth.password_changed": QCoreApplication.translate("AuditActions", "password changed"),
        "kiosk.session_start": QCoreApplication.translate("AuditActions", "kiosk session started"),
        "kiosk.session_end": QCoreApplication.translate("AuditActions", "kiosk session ended"),
        "kiosk.idle_logout": QCoreApplication.translate("AuditActions", "kiosk signed out after inactivity"),
        "staff.create": QCoreApplication.translate("AuditActions", "staff user added"),
        "staff.password_reset": QCoreApplication.translate("AuditActions", "staff user: new one-time password"),
        "staff.role": QCoreApplication.translate("AuditActions", "staff user's role changed"),
        "staff.activate": QCoreApplication.translate("AuditActions", "staff user activated"),
        "staff.deactivate": QCoreApplication.translate("AuditActions", "staff user deactivated"),
        "staff.unlock": QCoreApplication.translate("AuditActions", "staff user unlocked"),
        "settings.update": QCoreApplication.translate("AuditActions", "cooperative settings changed"),
        "settings.reading_window": QCoreApplication.translate("AuditActions", "reading window set"),
        "settings.reading_window_cleared": QCoreApplication.translate(
            "AuditActions", "building's own reading window removed"
        ),
        "demo.generate": QCoreApplication.translate("AuditActions", "demo data loaded"),
        "db.backup": QCoreApplication.translate("AuditActions", "database backed up"),
        "db.restore": QCoreApplication.translate("AuditActions", "database restored from a backup"),
    }


def describe(action: str, descriptions: dict[str, str] | None = None) -> str:
    known = descriptions if descriptions is not None else action_descriptions()
    return known.get(action, action)
