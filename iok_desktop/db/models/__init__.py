"""All ORM models; importing this package registers every table on ``Base.metadata``."""

from iok_desktop.db.models.accounts import AccountApplication, ResidentAccount, StaffUser
from iok_desktop.db.models.announcements import Announcement, AnnouncementRead
from iok_desktop.db.models.audit import AuditEntry
from iok_desktop.db.models.ledger import LedgerEntry
from iok_desktop.db.models.meters import Meter, MeterReading, ReadingWindow
from iok_desktop.db.models.organisation import Building, Cooperative, Estate, Premises
from iok_desktop.db.models.people import ContactChange, LegalTitle, Person

__all__ = [
    "AccountApplication",
    "Announcement",
    "AnnouncementRead",
    "AuditEntry",
    "Building",
    "ContactChange",
    "Cooperative",
    "Estate",
    "LedgerEntry",
    "LegalTitle",
    "Meter",
    "MeterReading",
    "Person",
    "Premises",
    "ReadingWindow",
    "ResidentAccount",
    "StaffUser",
]
