"""The live list of password rules, ticked off as the user types (shared by the set-up and change forms)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLayout, QWidget

from iok_desktop.domain.passwords import rule_checks
from iok_desktop.gui.widgets import set_role


def rule_texts() -> dict[str, str]:
    return {
        "length": QCoreApplication.translate("PasswordRules", "at least 8 characters"),
        "lower": QCoreApplication.translate("PasswordRules", "a lower-case letter"),
        "upper": QCoreApplication.translate("PasswordRules", "an upper-case letter"),
        "digit": QCoreApplication.translate("PasswordRules", "a digit"),
        "login": QCoreApplication.translate("PasswordRules", "not your user ID inside it"),
        "repeat": QCoreApplication.translate("PasswordRules", "the same text in both fields"),
    }


class PasswordRules:
    def __init__(self, layout: QLayout, parent: QWidget) -> None:
        self._texts = rule_texts()
        self.labels: dict[str, QLabel] = {}
        for key, text in self._texts.items():
            label = QLabel(text, parent)
            label.setObjectName(f"rule_{key}_label")
            layout.addWidget(label)
            self.labels[key] = label

    def update(self, password: str, repeat: str, login: str | None) -> bool:
        """Tick the rules off; True when every one is met."""
        met = {check.key: check.met for check in rule_checks(password, login or None)}
        met.setdefault("login", True)
        met["repeat"] = bool(password) and password == repeat
        for key, label in self.labels.items():
            ok = met.get(key, False)
            label.setText(("✓ " if ok else "• ") + self._texts[key])
            set_role(label, "rule-met" if ok else "rule-unmet")
        return all(met.values())
