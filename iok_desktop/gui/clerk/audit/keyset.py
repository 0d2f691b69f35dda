"""Keyset paging for ``PagedTableModel``: services that page by ``before_id`` (newest first).

The model asks for ``fetch(offset, limit)``; a keyset service wants the id of the last row already
shown instead of an offset. ``KeysetPages`` remembers, for each offset it has reached, the last id of
the rows before it, so a page is always "the next ``limit`` rows older than what is shown" — no
OFFSET scan at any depth, and rows added meanwhile do not shift the pages. It runs on the worker and
never touches the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

R = TypeVar("R")


class KeysetPages(Generic[R]):
    def __init__(self, page: Callable[[int | None, int], list[R]], key: Callable[[R], int]) -> None:
        """``page(before_id, limit)`` fetches one page; ``key(row)`` is the row's id."""
        self._page = page
        self._key = key
        self._last_id_before: dict[int, int] = {}

    def __call__(self, offset: int, limit: int) -> list[R]:
        before_id = None
        if offset:
            before_id = self._last_id_before.get(offset)
            if before_id is None:  # pragma: no cover - the model only asks where the last page ended
                return []
        rows = self._page(before_id, limit)
        if rows:
            self._last_id_before[offset + len(rows)] = self._key(rows[-1])
        return rows
