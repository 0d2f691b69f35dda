"""The Qt binding itself must not leak: PySide6 6.12.0 dropped a reference to True on every
Signal.emit(), and Python 3.11 aborted after a few hundred emits (bool_dealloc)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication


class _Emitter(QObject):
    with_value = Signal(object)
    plain = Signal()


def test_emitting_signals_leaves_reference_counts_alone(iok_app: QApplication) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.with_value.connect(received.append)
    emitter.plain.connect(lambda: received.append(None))
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(200):
        emitter.with_value.emit(1)
        emitter.plain.emit()
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(received) == 400
    assert [a - b for a, b in zip(after, before, strict=True)][:2] == [0, 0]
