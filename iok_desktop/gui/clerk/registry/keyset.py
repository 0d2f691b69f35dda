"""Adapt a keyset service ("rows after this key") to ``PagedTableModel``'s ``fetch(offset, limit)``.

The model asks for rows by offset; keyset services want the key of the last row already shown.
Each page fetched remembers the key that ends it, under the offset where the next page starts.
Every call runs on the one worker thread, one after another, so the map needs no lock. Make a
new ``KeysetPages`` for each ``model.load`` (a new filter starts a new map).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

R = TypeVar("R")
K = TypeVar("K")


class KeysetPages(Generic[R, K]):
    def __init__(
        self, fetch_after: Callable[[K | None, int], list[R]], key: Callable[[R], K], max_limit: int = 1000
    ) -> None:
        self._fetch_after = fetch_after
        self._key = key
        self._max_limit = max_limit
        self._after: dict[int, K] = {}

    def __call__(self, offset: int, limit: int) -> list[R]:
        if offset and offset not in self._after:
            raise LookupError(f"no page ends at row {offset}")
        after = self._after.get(offset) if offset else None
        rows: list[R] = []
        # A refresh may ask for more rows than one service call allows: fetch them in chunks.
        while len(rows) < limit:
            asked = min(limit - len(rows), self._max_limit)
            chunk = self._fetch_after(after, asked)
            rows += chunk
            if len(chunk) < asked:
                break
            after = self._key(chunk[-1])
        if rows:
            self._after[offset + len(rows)] = self._key(rows[-1])
        return rows
