"""Table models for big tables: rows are fetched a page at a time, off the UI thread, as the user scrolls.

Never "load everything into a list": ``fetch_page(offset, limit)`` returns one page; the view asks
for more through ``canFetchMore``/``fetchMore``. A reset (new filter or sort) bumps a generation
number so pages of an older query that arrive late are dropped. ``refresh`` re-reads the rows
already shown and keeps the selection and current row by each row's key (live updates).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from iok_desktop.gui.operations import OperationRunner

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    key: str
    title: str
    text: Callable[[R], str]
    align_right: bool = False
    tooltip: Callable[[R], str | None] | None = None
    sortable: bool = True


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Rows fetched a page at a time on the runner's worker.

    A screen that makes one gives it a parent (``model.setParent(screen)``): a model without one is
    owned by its Python wrapper only, and a lambda that the screen connects to the model's signals
    (capturing the screen) is held by Qt, out of the garbage collector's sight, so the screen, the
    model and all its rows would outlive the closed window (``benchmarks/README.md``, memory).
    """

    loading_changed = Signal(bool)
    page_loaded = Signal()

    def __init__(
        self,
        runner: OperationRunner,
        columns: Sequence[Column[R]],
        key: Callable[[R], object],
        page_size: int = 200,
    ) -> None:
        super().__init__()
        self._runner = runner
        self._columns = list(columns)
        self._key = key
        self._page_size = page_size
        self._rows: list[R] = []
        self._fetch: Callable[[int, int], list[R]] | None = None
        self._exhausted = True
        self._fetching = False
        self._generation = 0

    # --- data access ----------------------------------------------------------------------
    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of_key(self, key: object) -> int | None:
        for number, item in enumerate(self._rows):
            if self._key(item) == key:
                return number
        return None

    def column_key(self, column: int) -> str:
        return self._columns[column].key

    def column_of_key(self, key: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.key == key)

    @property
    def fetching(self) -> bool:
        return self._fetching

    # --- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._fetch is not None and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        self._set_fetching(True)
        generation, offset, fetch = self._generation, len(self._rows), self._fetch
        self._runner.run(
            lambda: fetch(offset, self._page_size),
            lambda page: self._append(generation, page),
            lambda _error: self._failed(generation),
        )

    # --- loading ---------------------------------------------------------------------------
    def load(self, fetch: Callable[[int, int], list[R]]) -> None:
        """Start over with a new query (filter or sort changed); the first page is fetched at once."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._fetch = fetch
        self._exhausted = False
        self._fetching = False
        self.endResetModel()
        self.fetchMore()

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._fetch = None
        self._exhausted = True
        self._fetching = False
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read the rows already shown (and at least a page), keeping selection by key."""
        if self._fetch is None or self._fetching:
            return
        self._set_fetching(True)
        generation, fetch = self._generation, self._fetch
        count = max(len(self._rows), self._page_size)
        self._runner.run(
            lambda: fetch(0, count),
            lambda rows: self._replace(generation, rows, count),
            lambda _e: self._failed(generation),
        )

    def _append(self, generation: int, page: list[R]) -> None:
        if generation != self._generation:
            return
        # Still "fetching" while the rows go in: a view or qtmodeltester reacting to rowsInserted may
        # call fetchMore, which must not start a second fetch of the same offset.
        self._exhausted = len(page) < self._page_size
        if page:
            start = len(self._rows)
            # The last row is inclusive: start + n - 1 (the PySide6 example's off-by-one).
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self._set_fetching(False)
        self.page_loaded.emit()

    def _replace(self, generation: int, rows: list[R], asked: int) -> None:
        if generation != self._generation:
            return
        old_keys = [self._key(r) for r in self._rows]
        self.layoutAboutToBeChanged.emit()
        new_position = {self._key(r): i for i, r in enumerate(rows)}
        persistent = self.persistentIndexList()
        self._rows = list(rows)
        for index in persistent:
            key = old_keys[index.row()] if index.row() < len(old_keys) else None
            moved = new_position.get(key)
            target = self.index(moved, index.column()) if moved is not None else QModelIndex()
            self.changePersistentIndex(index, target)
        self._exhausted = len(rows) < asked
        self.layoutChanged.emit()
        self._set_fetching(False)
        self.page_loaded.emit()

    def _failed(self, generation: int) -> None:
        if generation == self._generation:
            self._set_fetching(False)

    def _set_fetching(self, value: bool) -> None:
        if self._fetching != value:
            self._fetching = value
            self.loading_changed.emit(value)
