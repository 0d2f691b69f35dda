"""Small helpers shared by forms: marking a field invalid, showing an error next to it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QWidget


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Restyle through the ``invalid`` property (see the stylesheet)."""
    widget.setProperty("invalid", "true" if invalid else "false")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def show_error(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))
    if message:
        _grow_dialog_to_fit(label.window())


def _grow_dialog_to_fit(window: QWidget) -> None:
    """A message that appears in a dialog already shown must not be squeezed: grow it, never shrink it."""
    if not isinstance(window, QDialog) or not window.isVisible():
        return
    layout = window.layout()
    if layout is not None:
        layout.activate()
    hint = window.sizeHint()
    if hint.height() > window.height() or hint.width() > window.width():
        window.resize(max(hint.width(), window.width()), max(hint.height(), window.height()))


def set_role(label: QLabel, role: str) -> None:
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)
