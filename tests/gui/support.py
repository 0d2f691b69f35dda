"""Helpers for GUI tests: dialogs a test answers, waiting for the worker, screenshots to look at."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from iok_desktop.gui.dialogs import Dialogs
from iok_desktop.gui.operations import OperationRunner

SCREENSHOTS = Path(os.environ.get("IOK_SCREENSHOTS", Path(__file__).parent / ".screenshots"))


@dataclass
class ScriptedDialogs(Dialogs):
    """Records every message; answers questions from queues the test fills (default: yes / None)."""

    messages: list[tuple[str, str, str]] = field(default_factory=list)
    confirm_answers: list[bool] = field(default_factory=list)
    text_answers: list[str | None] = field(default_factory=list)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(("info", title, text))

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(("warning", title, text))

    def error(self, parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
        self.messages.append(("error", title, f"{text}\n{details or ''}"))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.messages.append(("confirm", title, text))
        return self.confirm_answers.pop(0) if self.confirm_answers else True

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        self.messages.append(("ask_text", title, label))
        return self.text_answers.pop(0) if self.text_answers else None

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.messages if kind is None or k == kind]


def wait_idle(qtbot: QtBot, runner: OperationRunner, timeout: int = 10_000) -> None:
    """Wait until every database operation has finished and delivered its result."""
    qtbot.waitUntil(lambda: not runner.busy, timeout=timeout)


def screenshot(widget: QWidget, name: str) -> Path:
    """Save what the user would see, for a person to look at (tests/gui/.screenshots by default)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path
