"""An audit entry as a person reads it: who, when, what, and a table of values before and after.

The services store details as JSON of a few shapes: ``{"changes": {field: {"old", "new"}}}``,
``{"old": {...}, "new": {...}}`` snapshots, ``{field: {"old", "new"}}`` for one field, and plain values.
Each field gets its Polish name, each value its usual form (dates ``25.11.2026``, amounts ``1 234,56 zł``,
enum codes their labels, yes/no); no raw JSON reaches the screen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from iok_desktop.domain.bank_account import format_nrb
from iok_desktop.domain.dates import format_date, format_datetime
from iok_desktop.domain.enums import (
    AccountStatus,
    ActorKind,
    AnnouncementKind,
    Audience,
    LedgerKind,
    ReadingSource,
    ReadingStatus,
    StaffRole,
    WindowFrequency,
)
from iok_desktop.domain.money import format_money
from iok_desktop.gui.clerk.audit.actions import describe
from iok_desktop.services.audit import AuditRow
from iok_desktop.services.buildings import PremisesLabel

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_AMOUNT_FIELDS = {"amount", "charges_total", "payments_total", "corrections_total"}
_DECIMAL_FIELDS = {"value", "final_value", "initial_value", "anomaly_multiple"}


def field_names() -> dict[str, str]:
    return {
        "title": QCoreApplication.translate("AuditDetails", "Title"),
        "body": QCoreApplication.translate("AuditDetails", "Text"),
        "kind": QCoreApplication.translate("AuditDetails", "Kind"),
        "publish_from": QCoreApplication.translate("AuditDetails", "Publish from"),
        "valid_until": QCoreApplication.translate("AuditDetails", "Valid until"),
        "is_draft": QCoreApplication.translate("AuditDetails", "Draft"),
        "audience": QCoreApplication.translate("AuditDetails", "For"),
        "building_id": QCoreApplication.translate("AuditDetails", "Building (no.)"),
        "premises_id": QCoreApplication.translate("AuditDetails", "Premises (no.)"),
        "person_id": QCoreApplication.translate("AuditDetails", "Person (no.)"),
        "meter_id": QCoreApplication.translate("AuditDetails", "Meter (no.)"),
        "application_id": QCoreApplication.translate("AuditDetails", "Application (no.)"),
        "login": QCoreApplication.translate("AuditDetails", "User ID"),
        "full_name": QCoreApplication.translate("AuditDetails", "Full name"),
        "role": QCoreApplication.translate("AuditDetails", "Role"),
        "status": QCoreApplication.translate("AuditDetails", "Status"),
        "old_status": QCoreApplication.translate("AuditDetails", "Previous status"),
        "value": QCoreApplication.translate("AuditDetails", "Reading"),
        "reading_date": QCoreApplication.translate("AuditDetails", "Reading date"),
        "source": QCoreApplication.translate("AuditDetails", "Submitted through"),
        "anomaly_reason": QCoreApplication.translate("AuditDetails", "Flagged because"),
        "warnings_acknowledged": QCoreApplication.translate("AuditDetails", "Warnings confirmed"),
        "submitted_at": QCoreApplication.translate("AuditDetails", "Submitted at"),
        "deleted": QCoreApplication.translate("AuditDetails", "Deleted"),
        "reason": QCoreApplication.translate("AuditDetails", "Reason"),
        "failed_attempts": QCoreApplication.translate("AuditDetails", "Failed attempts in a row"),
        "minutes": QCoreApplication.translate("AuditDetails", "Locked for (minutes)"),
        "locked_until": QCoreApplication.translate("AuditDetails", "Locked until"),
        "unknown_login": QCoreApplication.translate("AuditDetails", "Unknown user ID"),
        "name": QCoreApplication.translate("AuditDetails", "Cooperative name"),
        "address": QCoreApplication.translate("AuditDetails", "Address"),
        "bank_account": QCoreApplication.translate("AuditDetails", "Bank account"),
        "iok_url": QCoreApplication.translate("AuditDetails", "IOK web address"),
        "anomaly_multiple": QCoreApplication.translate("AuditDetails", "Anomaly: multiple of the average"),
        "throttle_after_failures": QCoreApplication.translate("AuditDetails", "Slow down after failures"),
        "lockout_after_failures": QCoreApplication.translate("AuditDetails", "Lock after failures"),
        "lockout_minutes": QCoreApplication.translate("AuditDetails", "Lock for (minutes)"),
        "kiosk_idle_seconds": QCoreApplication.translate("AuditDetails", "Kiosk idle sign-out (seconds)"),
        "version": QCoreApplication.translate("AuditDetails", "Version"),
        "frequency": QCoreApplication.translate("AuditDetails", "Frequency"),
        "days_before": QCoreApplication.translate("AuditDetails", "Days before the period end"),
        "days_after": QCoreApplication.translate("AuditDetails", "Days after the period end"),
        "amount": QCoreApplication.translate("AuditDetails", "Amount"),
        "booking_date": QCoreApplication.translate("AuditDetails", "Booking date"),
        "due_date": QCoreApplication.translate("AuditDetails", "Due date"),
        "document_id": QCoreApplication.translate("AuditDetails", "Document"),
        "corrects_entry_id": QCoreApplication.translate("AuditDetails", "Corrects entry (no.)"),
        "read_at": QCoreApplication.translate("AuditDetails", "Read at"),
        "seen_at": QCoreApplication.translate("AuditDetails", "Seen at"),
        "change_ids": QCoreApplication.translate("AuditDetails", "Changes (no.)"),
        "filed_on": QCoreApplication.translate("AuditDetails", "Filed on"),
        "office": QCoreApplication.translate("AuditDetails", "Office"),
        "from": QCoreApplication.translate("AuditDetails", "From"),
        "to": QCoreApplication.translate("AuditDetails", "To"),
        "date_from": QCoreApplication.translate("AuditDetails", "From"),
        "date_to": QCoreApplication.translate("AuditDetails", "To"),
        "date": QCoreApplication.translate("AuditDetails", "Date"),
        "variant": QCoreApplication.translate("AuditDetails", "Variant"),
        "copies": QCoreApplication.translate("AuditDetails", "Copies"),
        "charges": QCoreApplication.translate("AuditDetails", "Charges"),
        "charges_total": QCoreApplication.translate("AuditDetails", "Charges in total"),
        "payments": QCoreApplication.translate("AuditDetails", "Payments"),
        "payments_total": QCoreApplication.translate("AuditDetails", "Payments in total"),
        "corrections": QCoreApplication.translate("AuditDetails", "Corrections"),
        "corrections_total": QCoreApplication.translate("AuditDetails", "Corrections in total"),
        "old_meter_id": QCoreApplication.translate("AuditDetails", "Old meter (no.)"),
        "old_serial": QCoreApplication.translate("AuditDetails", "Old meter's serial number"),
        "new_serial": QCoreApplication.translate("AuditDetails", "New meter's serial number"),
        "final_value": QCoreApplication.translate("AuditDetails", "Final reading of the old meter"),
        "initial_value": QCoreApplication.translate("AuditDetails", "Initial reading of the new meter"),
        "rejected_pending": QCoreApplication.translate("AuditDetails", "Pending readings rejected"),
        "landline": QCoreApplication.translate("AuditDetails", "Landline"),
        "mobile": QCoreApplication.translate("AuditDetails", "Mobile phone"),
        "email": QCoreApplication.translate("AuditDetails", "E-mail address"),
        "file": QCoreApplication.translate("AuditDetails", "File"),
        "encoding": QCoreApplication.translate("AuditDetails", "Encoding"),
        "rows": QCoreApplication.translate("AuditDetails", "Rows"),
        "created": QCoreApplication.translate("AuditDetails", "Added"),
        "unchanged": QCoreApplication.translate("AuditDetails", "Unchanged"),
        "rejected": QCoreApplication.translate("AuditDetails", "Refused"),
        "cancelled": QCoreApplication.translate("AuditDetails", "Cancelled"),
        "kiosk_exit": QCoreApplication.translate("AuditDetails", "Kiosk exit"),
        "channel": QCoreApplication.translate("AuditDetails", "Signed in through"),
        # demo.generate (demo/office.py)
        "premises": QCoreApplication.translate("AuditDetails", "Number of premises"),
        "years": QCoreApplication.translate("AuditDetails", "Years of history"),
        "seed": QCoreApplication.translate("AuditDetails", "Seed"),
        "today": QCoreApplication.translate("AuditDetails", "As of"),
        # db.backup and db.restore (cli/backup_command.py)
        "engine": QCoreApplication.translate("AuditDetails", "Database"),
        "revision": QCoreApplication.translate("AuditDetails", "Schema version"),
        "size": QCoreApplication.translate("AuditDetails", "Size (bytes)"),
        "clean": QCoreApplication.translate("AuditDetails", "Contents replaced"),
        "counts": QCoreApplication.translate("AuditDetails", "Rows"),
    }


def table_names() -> dict[str, str]:
    """The tables whose rows the demo and the backups count (``rows``/``counts`` in the details)."""
    return {
        "cooperative": QCoreApplication.translate("AuditTables", "cooperative"),
        "staff_users": QCoreApplication.translate("AuditTables", "staff users"),
        "estates": QCoreApplication.translate("AuditTables", "estates"),
        "buildings": QCoreApplication.translate("AuditTables", "buildings"),
        "reading_windows": QCoreApplication.translate("AuditTables", "reading windows"),
        "persons": QCoreApplication.translate("AuditTables", "persons"),
        "premises": QCoreApplication.translate("AuditTables", "premises"),
        "resident_accounts": QCoreApplication.translate("AuditTables", "IOK accounts"),
        "legal_titles": QCoreApplication.translate("AuditTables", "legal titles"),
        "meters": QCoreApplication.translate("AuditTables", "meters"),
        "meter_readings": QCoreApplication.translate("AuditTables", "meter readings"),
        "ledger_entries": QCoreApplication.translate("AuditTables", "ledger entries"),
        "contact_changes": QCoreApplication.translate("AuditTables", "contact changes"),
        "announcements": QCoreApplication.translate("AuditTables", "announcements"),
        "announcement_reads": QCoreApplication.translate("AuditTables", "announcements read"),
        "account_applications": QCoreApplication.translate("AuditTables", "IOK account applications"),
        "audit_log": QCoreApplication.translate("AuditTables", "event log entries"),
    }


def entity_names() -> dict[str, str]:
    return {
        "announcement": QCoreApplication.translate("AuditDetails", "announcement"),
        "meter_readings": QCoreApplication.translate("AuditDetails", "reading"),
        "meters": QCoreApplication.translate("AuditDetails", "meter"),
        "staff_users": QCoreApplication.translate("AuditDetails", "staff user"),
        "resident_accounts": QCoreApplication.translate("AuditDetails", "IOK account"),
        "account_applications": QCoreApplication.translate("AuditDetails", "IOK account application"),
        "ledger_entry": QCoreApplication.translate("AuditDetails", "ledger entry"),
        "person": QCoreApplication.translate("AuditDetails", "person"),
        "premises": QCoreApplication.translate("AuditDetails", "premises"),
        "cooperative": QCoreApplication.translate("AuditDetails", "cooperative settings"),
        "reading_window": QCoreApplication.translate("AuditDetails", "reading window"),
        "contact_change": QCoreApplication.translate("AuditDetails", "contact change"),
    }


def record_text(row: AuditRow, names: dict[str, str] | None = None) -> str:
    """ "reading no. 12" — which record the entry is about."""
    if row.entity_type is None:
        return ""
    name = (names or entity_names()).get(row.entity_type, row.entity_type)
    if row.entity_id is None:
        return name
    return QCoreApplication.translate("AuditDetails", "%1 no. %2").replace("%1", name).replace("%2", str(row.entity_id))


def actor_text(row: AuditRow) -> str:
    login = row.actor_login or "—"
    if row.actor_kind is ActorKind.STAFF:
        return login
    return f"{login} ({row.actor_kind.label})"


def _enum_for(field: str, action: str) -> type[StrEnum] | None:
    area = action.split(".", 1)[0]
    if field == "kind":
        return AnnouncementKind if area == "announcement" else LedgerKind if area == "ledger" else None
    if field in {"status", "old_status"}:
        return ReadingStatus if area == "reading" else AccountStatus if area in {"account", "application"} else None
    return {
        "role": StaffRole,
        "audience": Audience,
        "frequency": WindowFrequency,
        "source": ReadingSource,
        "channel": ReadingSource,
    }.get(field)


def format_value(field: str, value: Any, action: str = "") -> str:
    """One stored value as a clerk reads it (plain text; the caller escapes it)."""
    if value is None or value == "":
        text = "—"
    elif isinstance(value, bool):
        text = (
            QCoreApplication.translate("AuditDetails", "yes")
            if value
            else QCoreApplication.translate("AuditDetails", "no")
        )
    elif isinstance(value, list | tuple):
        text = ", ".join(format_value(field, item, action) for item in value) or "—"
    elif isinstance(value, Mapping):
        names = field_names()
        text = "; ".join(f"{names.get(str(k), str(k))}: {format_value(str(k), v, action)}" for k, v in value.items())
    elif isinstance(value, str):
        text = _format_text(field, value, action)
    elif isinstance(value, float):
        text = f"{value:g}".replace(".", ",")
    else:
        text = str(value)
    return text


def _format_text(field: str, value: str, action: str) -> str:
    enum = _enum_for(field, action)
    text = value
    if enum is not None and value in {member.value for member in enum}:
        text = enum(value).label  # type: ignore[attr-defined]
    elif field in _AMOUNT_FIELDS or field in _DECIMAL_FIELDS:
        text = _number(field, value)
    elif field == "variant" and value in _variants():
        text = _variants()[value]
    elif field == "bank_account" and len(value) == 26 and value.isdigit():
        text = format_nrb(value)
    elif _ISO_DATE.match(value):
        text = format_date(date.fromisoformat(value))
    elif _ISO_MOMENT.match(value):
        try:
            text = format_datetime(datetime.fromisoformat(value))
        except ValueError:
            text = value
    return text


def _variants() -> dict[str, str]:
    """The two variants of a statement (services/statements.py)."""
    return {
        "personal": QCoreApplication.translate("AuditDetails", "with personal data"),
        "anonymous": QCoreApplication.translate("AuditDetails", "without personal data"),
    }


def _number(field: str, value: str) -> str:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    return format_money(number) if field in _AMOUNT_FIELDS else f"{number:f}".replace(".", ",")


def _cell(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _is_change(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {"old", "new"}


def _split(details: Mapping[str, Any]) -> tuple[list[tuple[str, Any, Any]], bool, list[tuple[str, Any]]]:
    """(changed fields with old and new, whether there is an "after" side, other plain values)."""
    changes: list[tuple[str, Any, Any]] = []
    plain: list[tuple[str, Any]] = []
    has_after = False
    old, new = details.get("old"), details.get("new")
    snapshot = ("old" in details or "new" in details) and all(v is None or isinstance(v, Mapping) for v in (old, new))
    if snapshot:
        has_after = "new" in details
        old_map: Mapping[str, Any] = old or {}
        new_map: Mapping[str, Any] = new or {}
        for key in [*old_map, *(k for k in new_map if k not in old_map)]:
            changes.append((key, old_map.get(key), new_map.get(key)))
    for key, value in details.items():
        if snapshot and key in {"old", "new"}:
            continue
        if key == "changes" and isinstance(value, Mapping):
            has_after = True
            for field, change in value.items():
                if _is_change(change):
                    changes.append((str(field), change["old"], change["new"]))
                else:
                    plain.append((str(field), change))
        elif _is_change(value):
            has_after = True
            changes.append((key, value["old"], value["new"]))
        elif isinstance(value, Mapping) and value and all(not isinstance(v, Mapping) for v in value.values()):
            plain.extend((f"{key}.{k}", v) for k, v in value.items())
        else:
            plain.append((key, value))
    return changes, has_after, plain


def details_html(row: AuditRow, premises: PremisesLabel | None = None) -> str:
    names = field_names()

    tables = table_names()

    def name_of(key: str) -> str:
        if "." in key:
            outer, inner = key.split(".", 1)
            inner_names = tables if outer in {"rows", "counts"} else names
            return f"{names.get(outer, outer)}: {inner_names.get(inner, names.get(inner, inner))}"
        return names.get(key, key.replace("_", " "))

    header = [
        (QCoreApplication.translate("AuditDetails", "When"), format_datetime(row.occurred_at)),
        (QCoreApplication.translate("AuditDetails", "Who"), actor_text(row)),
        (QCoreApplication.translate("AuditDetails", "What"), f"{describe(row.action)} ({row.action})"),
    ]
    record = record_text(row)
    if record:
        header.append((QCoreApplication.translate("AuditDetails", "Record"), record))
    if row.premises_id is not None:
        where = f"{premises.address} · {premises.code}" if premises else f"#{row.premises_id}"
        header.append((QCoreApplication.translate("AuditDetails", "Premises"), where))
    if row.workstation:
        header.append((QCoreApplication.translate("AuditDetails", "Workstation"), row.workstation))
    parts = ['<table cellspacing="0" cellpadding="3">']
    parts += [f'<tr><td style="color:#5f6b76;">{_cell(k)}</td><td><b>{_cell(v)}</b></td></tr>' for k, v in header]
    parts.append("</table>")

    changes, has_after, plain = _split(row.details)
    th = 'style="background-color:#eef1f4; text-align:left;"'
    if changes:
        before = QCoreApplication.translate("AuditDetails", "Before")
        after = QCoreApplication.translate("AuditDetails", "After")
        field = QCoreApplication.translate("AuditDetails", "Field")
        parts.append('<p style="margin-top:10px; margin-bottom:4px;"><b>')
        parts.append(_cell(QCoreApplication.translate("AuditDetails", "Values")) + "</b></p>")
        parts.append('<table width="100%" cellspacing="0" cellpadding="4" border="1" style="border-color:#d7dce2;">')
        parts.append(f"<tr><th {th}>{_cell(field)}</th><th {th}>{_cell(before)}</th>")
        parts.append(f"<th {th}>{_cell(after)}</th></tr>" if has_after else "</tr>")
        for key, old, new in changes:
            parts.append(f"<tr><td>{_cell(name_of(key))}</td><td>{_cell(format_value(key, old, row.action))}</td>")
            parts.append(f"<td>{_cell(format_value(key, new, row.action))}</td></tr>" if has_after else "</tr>")
        parts.append("</table>")
    if plain:
        parts.append('<p style="margin-top:10px; margin-bottom:4px;"><b>')
        parts.append(_cell(QCoreApplication.translate("AuditDetails", "Details")) + "</b></p>")
        parts.append('<table width="100%" cellspacing="0" cellpadding="4" border="1" style="border-color:#d7dce2;">')
        for key, value in plain:
            leaf = key.rsplit(".", 1)[-1]
            parts.append(
                f"<tr><td>{_cell(name_of(key))}</td><td>{_cell(format_value(leaf, value, row.action))}</td></tr>"
            )
        parts.append("</table>")
    if not changes and not plain:
        parts.append(
            '<p style="margin-top:10px; color:#5f6b76;">'
            + _cell(QCoreApplication.translate("AuditDetails", "No further details were recorded."))
            + "</p>"
        )
    return "".join(parts)
