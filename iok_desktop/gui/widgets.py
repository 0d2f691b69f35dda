"""Small helpers shared by forms: marking a field invalid, showing an error next to it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Restyle through the ``invalid`` property (see the stylesheet)."""
    widget.setProperty("invalid", "true" if invalid else "false")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def show_error(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


def set_role(label: QLabel, role: str) -> None:
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)
