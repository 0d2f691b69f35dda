"""Filters a clerk named to pick later, and reasons they rejected with recently (QSettings, per user)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QSettings

from iok_desktop.domain.enums import MeterKind, ReadingSource
from iok_desktop.services.readings import QueueFilter

FILTERS_KEY = "queue/saved_filters"
REASONS_KEY = "queue/recent_reject_reasons"
MAX_RECENT_REASONS = 8


def filter_to_dict(f: QueueFilter) -> dict[str, Any]:
    return {
        "building_id": f.building_id,
        "meter_kind": f.meter_kind.value if f.meter_kind else None,
        "flagged_only": f.flagged_only,
        "source": f.source.value if f.source else None,
    }


def filter_from_dict(data: Any) -> QueueFilter | None:
    """None for anything that is not a filter we wrote (a hand-edited or older settings file)."""
    if not isinstance(data, dict):
        return None
    try:
        building = data.get("building_id")
        kind = data.get("meter_kind")
        source = data.get("source")
        return QueueFilter(
            building_id=int(building) if building is not None else None,
            meter_kind=MeterKind(kind) if kind else None,
            flagged_only=bool(data.get("flagged_only", False)),
            source=ReadingSource(source) if source else None,
        )
    except (TypeError, ValueError):
        return None


def _load_json(settings: QSettings, key: str, default: Any) -> Any:
    raw = settings.value(key)
    if not isinstance(raw, str):
        return default
    try:
        return json.loads(raw)
    except ValueError:
        return default


class SavedFilters:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def _all(self) -> dict[str, QueueFilter]:
        data = _load_json(self._settings, FILTERS_KEY, {})
        if not isinstance(data, dict):
            return {}
        found = {str(name): filter_from_dict(value) for name, value in data.items()}
        return {name: f for name, f in found.items() if f is not None}

    def _write(self, filters: dict[str, QueueFilter]) -> None:
        payload = {name: filter_to_dict(f) for name, f in filters.items()}
        self._settings.setValue(FILTERS_KEY, json.dumps(payload, ensure_ascii=False))

    def names(self) -> list[str]:
        return sorted(self._all(), key=str.casefold)

    def get(self, name: str) -> QueueFilter | None:
        return self._all().get(name)

    def save(self, name: str, f: QueueFilter) -> None:
        filters = self._all()
        filters[name] = f
        self._write(filters)

    def delete(self, name: str) -> None:
        filters = self._all()
        filters.pop(name, None)
        self._write(filters)


def recent_reasons(settings: QSettings) -> list[str]:
    data = _load_json(settings, REASONS_KEY, [])
    return (
        [str(r) for r in data if isinstance(r, str) and r.strip()][:MAX_RECENT_REASONS]
        if isinstance(data, list)
        else []
    )


def remember_reason(settings: QSettings, reason: str) -> None:
    reasons = [reason] + [r for r in recent_reasons(settings) if r != reason]
    settings.setValue(REASONS_KEY, json.dumps(reasons[:MAX_RECENT_REASONS], ensure_ascii=False))
