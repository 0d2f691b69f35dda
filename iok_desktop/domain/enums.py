"""Closed vocabularies of the domain, stored in the database by their ``value``.

Values are short English codes (stable in the database and in logs); ``label`` gives the Polish
word the users know from IOK, or its English when the language is English (``domain.language``; the
English labels are in ``messages_en.ENUM_LABELS``).
"""

from __future__ import annotations

from enum import StrEnum

from iok_desktop.domain.language import current_language


class _Labelled(StrEnum):
    @property
    def label(self) -> str:
        if current_language() == "en":
            from iok_desktop.domain.messages_en import ENUM_LABELS  # noqa: PLC0415 - loaded for English only

            return ENUM_LABELS[type(self)][self]
        return _LABELS[self]

    @property
    def polish_label(self) -> str:
        """The Polish label whatever the language (for Polish documents and files)."""
        return _LABELS[self]


class PremisesKind(_Labelled):
    FLAT = "flat"
    COMMERCIAL = "commercial"
    GARAGE = "garage"


class TitleKind(_Labelled):
    """Legal title to a premises (tytuł prawny do lokalu)."""

    COOPERATIVE_OWNERSHIP = "cooperative_ownership"  # spółdzielcze własnościowe prawo do lokalu
    SEPARATE_OWNERSHIP = "separate_ownership"  # odrębna własność lokalu
    TENANCY_RIGHT = "tenancy_right"  # spółdzielcze lokatorskie prawo do lokalu
    LEASE = "lease"  # najem


class ApplicationStatus(_Labelled):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REFUSED = "refused"


class AccountStatus(_Labelled):
    ACTIVE = "active"
    LOCKED = "locked"  # by the office, or automatically when no current title remains
    DEACTIVATED = "deactivated"


class StaffRole(_Labelled):
    ADMIN = "admin"
    CLERK = "clerk"


class MeterKind(_Labelled):
    COLD_WATER = "cold_water"
    HOT_WATER = "hot_water"
    HEAT = "heat"
    GAS = "gas"
    ELECTRICITY = "electricity"

    @property
    def short(self) -> str:
        return _SHORT[self]


class ReadingStatus(_Labelled):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ReadingSource(_Labelled):
    WEB = "web"
    KIOSK = "kiosk"
    CLERK = "clerk"
    IMPORT = "import"


class WindowFrequency(_Labelled):
    """How often residents are asked for readings; a window opens around each period end."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


class LedgerKind(_Labelled):
    CHARGE = "charge"
    PAYMENT = "payment"
    CORRECTION = "correction"


class AnnouncementKind(_Labelled):
    NORMAL = "normal"
    URGENT = "urgent"


class Audience(_Labelled):
    EVERYONE = "everyone"
    BUILDING = "building"
    PREMISES = "premises"


class ContactField(_Labelled):
    LANDLINE = "landline"
    MOBILE = "mobile"
    EMAIL = "email"


class ActorKind(_Labelled):
    STAFF = "staff"
    RESIDENT = "resident"
    SYSTEM = "system"


_LABELS: dict[StrEnum, str] = {
    PremisesKind.FLAT: "mieszkanie",
    PremisesKind.COMMERCIAL: "lokal użytkowy",
    PremisesKind.GARAGE: "garaż",
    TitleKind.COOPERATIVE_OWNERSHIP: "spółdzielcze własnościowe prawo do lokalu",
    TitleKind.SEPARATE_OWNERSHIP: "odrębna własność lokalu",
    TitleKind.TENANCY_RIGHT: "spółdzielcze lokatorskie prawo do lokalu",
    TitleKind.LEASE: "najem",
    ApplicationStatus.SUBMITTED: "złożony",
    ApplicationStatus.APPROVED: "zatwierdzony",
    ApplicationStatus.REFUSED: "odrzucony",
    AccountStatus.ACTIVE: "aktywne",
    AccountStatus.LOCKED: "zablokowane",
    AccountStatus.DEACTIVATED: "wyłączone",
    StaffRole.ADMIN: "administrator",
    StaffRole.CLERK: "pracownik",
    MeterKind.COLD_WATER: "woda zimna",
    MeterKind.HOT_WATER: "woda ciepła",
    MeterKind.HEAT: "ciepło",
    MeterKind.GAS: "gaz",
    MeterKind.ELECTRICITY: "energia elektryczna",
    ReadingStatus.PENDING: "oczekujący na akceptację",
    ReadingStatus.ACCEPTED: "zaakceptowany",
    ReadingStatus.REJECTED: "odrzucony",
    ReadingSource.WEB: "IOK (internet)",
    ReadingSource.KIOSK: "kiosk",
    ReadingSource.CLERK: "pracownik",
    ReadingSource.IMPORT: "import",
    WindowFrequency.MONTHLY: "co miesiąc",
    WindowFrequency.QUARTERLY: "co kwartał",
    WindowFrequency.HALF_YEARLY: "co pół roku",
    WindowFrequency.YEARLY: "raz w roku",
    LedgerKind.CHARGE: "naliczenie",
    LedgerKind.PAYMENT: "wpłata",
    LedgerKind.CORRECTION: "korekta",
    AnnouncementKind.NORMAL: "zwykłe",
    AnnouncementKind.URGENT: "pilne",
    Audience.EVERYONE: "wszyscy",
    Audience.BUILDING: "budynek",
    Audience.PREMISES: "lokal",
    ContactField.LANDLINE: "telefon stacjonarny",
    ContactField.MOBILE: "telefon komórkowy",
    ContactField.EMAIL: "adres e-mail",
    ActorKind.STAFF: "pracownik",
    ActorKind.RESIDENT: "mieszkaniec",
    ActorKind.SYSTEM: "system",
}

_SHORT: dict[MeterKind, str] = {
    MeterKind.COLD_WATER: "ZW",
    MeterKind.HOT_WATER: "CW",
    MeterKind.HEAT: "CO",
    MeterKind.GAS: "GAZ",
    MeterKind.ELECTRICITY: "EE",
}
