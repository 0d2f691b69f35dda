"""The clerk application, driven offscreen in a process of its own: statements per screen, and memory.

    python -m benchmarks.clerk_gui --database-url URL --login admin --password … --rounds 11

Started by the suite (``benchmarks/suite.py``); prints one JSON object per line. It runs the real
application objects (``make_application``, ``open_backend``, ``ClerkApp``) the way ``iok-desktop``
does, offscreen, and then, ``--rounds`` times: signs in through the login dialog (fills it and
presses "Sign in"), opens every screen in navigation order, and on two of them does what a clerk does
first (registry: a search typed and a premises card opened; ledger: a premises' ledger opened), then
logs out (the main window is closed and deleted, the login dialog shown again, as the app does).

After each step it waits until the database worker has been idle for a moment. Reported:

* ``{"round": n, "statements": {step: count, …}}``: the SQL statements each step sent (a SQLAlchemy
  ``before_cursor_execute`` listener on the application's engine, counting the statements of the
  database worker thread that runs every screen's calls; the queue's notification listener on
  PostgreSQL has a connection and a schedule of its own and is not counted);
* ``{"round": n, "rss_mb": …}``: the resident set size after the round (after ``gc.collect()`` and
  the deferred deletes; nothing else is freed by force), from ``/proc/self/statm``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from iok_desktop.gui.clerk.app import ClerkApp
from iok_desktop.gui.qt_app import make_application
from iok_desktop.services.bootstrap import open_backend

IDLE_MS = 150
STEP_TIMEOUT_S = 120.0


def rss_mb() -> float:
    statm = Path("/proc/self/statm")
    if statm.exists():
        return int(statm.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    import resource  # noqa: PLC0415 - elsewhere: the peak, the best there is

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Driver:
    def __init__(self, app: QApplication, clerk: ClerkApp) -> None:
        self.app = app
        self.clerk = clerk
        self.statements = 0
        self.show_step = ""  # a step whose statements are printed (--show-step)
        self.show = False
        self.shown: list[str] = []
        event.listen(clerk.backend.database.engine, "before_cursor_execute", self._count)

    def _count(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        # The screens' calls run on the runner's worker thread ("iok-db"); the queue's notification
        # listener (PostgreSQL) keeps its own connection on a thread of its own, on its own schedule.
        if threading.current_thread().name.startswith("iok-db"):
            self.statements += 1
            if self.show:
                self.shown.append(" ".join(statement.split())[:140])

    def wait_idle(self, until: Any = None) -> None:
        """Run the event loop until ``until()`` holds (if given) and the worker was idle for IDLE_MS."""
        deadline = time.monotonic() + STEP_TIMEOUT_S
        idle_since: float | None = None
        while time.monotonic() < deadline:
            self.app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            ready = (until is None or until()) and not self.clerk.runner.busy
            now = time.monotonic()
            if not ready:
                idle_since = None
            elif idle_since is None:
                idle_since = now
            elif now - idle_since >= IDLE_MS / 1000:
                return
            time.sleep(0.005)
        raise SystemExit(f"clerk_gui: a step did not finish within {STEP_TIMEOUT_S:.0f} s")

    def step(self, name: str, action: Any, counts: dict[str, int], until: Any = None) -> None:
        before = self.statements
        self.show = name == self.show_step
        action()
        self.wait_idle(until)
        self.show = False
        counts[name] = self.statements - before

    def _queue_settled(self) -> bool:
        """The main window is open and the queue (its first screen) is done: on PostgreSQL its live
        refresh has connected its listener, and the re-read that a new listener asks for (its
        "resync", 300 ms debounced) has run. Without waiting for it, whether that re-read is counted
        would depend on timing."""
        window = self.clerk.main_window
        if window is None:
            return False
        live = getattr(window.page("queue"), "live", None)
        listener = getattr(live, "listener", None)
        if live is None or listener is None:
            return True
        return bool(listener.connected.is_set() and not live._debounce.isActive())  # a private timer: benchmark code

    def round(self, login: str, password: str, premises_id: int, search: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        dialog = self.clerk.login_dialog
        assert dialog is not None, "the login dialog is shown"

        def sign_in() -> None:
            dialog.ui.login_edit.setText(login)
            dialog.ui.password_edit.setText(password)
            dialog.submit()

        self.step("sign in (main window with the queue)", sign_in, counts, self._queue_settled)
        window = self.clerk.main_window
        assert window is not None
        for key in window.page_keys()[1:]:  # the first screen (the queue) opened with the window
            self.step(f"open screen: {key}", lambda key=key, window=window: window.open_page(key), counts)
            page: Any = window.page(key)
            if key == "registry":
                searcher = _find_search(page)
                if searcher is not None:

                    def type_search(searcher: Any = searcher) -> None:
                        searcher.search_edit.setText(search)
                        searcher.search_now()

                    self.step("registry: search typed", type_search, counts)
                self.step("registry: premises card", lambda page=page: page.show_premises(premises_id), counts)
            if key == "ledger":
                self.step("ledger: a premises' ledger", lambda page=page: page.show_premises(premises_id), counts)
        self.step("log out", window.log_out, counts, lambda: self.clerk.main_window is None)
        del window, page
        gc.collect()
        self.wait_idle()
        return counts


def _find_search(page: Any) -> Any:
    from iok_desktop.gui.clerk.premises_search import PremisesSearch  # noqa: PLC0415

    found = page.findChildren(PremisesSearch)
    return found[0] if found else None


def _type_counts() -> dict[str, int]:
    gc.collect()
    counts: dict[str, int] = {}
    for obj in gc.get_objects():
        name = f"{type(obj).__module__}.{type(obj).__qualname__}"
        counts[name] = counts.get(name, 0) + 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--login", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--premises-id", type=int, required=True)
    parser.add_argument("--search", default="kowal")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--growth", action="store_true", help="print the object types that grew after round 2")
    parser.add_argument("--show-step", default="", help="print the statements of this step (each round)")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application([sys.argv[0]], style="clerk")
    backend = open_backend(args.database_url)
    clerk = ClerkApp(backend, QSettings())
    driver = Driver(app, clerk)
    driver.show_step = args.show_step
    clerk.start()
    driver.wait_idle(lambda: clerk.login_dialog is not None)
    print(json.dumps({"round": 0, "rss_mb": round(rss_mb(), 1), "widgets": len(QApplication.allWidgets())}), flush=True)
    types_after_warm_up: dict[str, int] = {}
    for number in range(1, args.rounds + 1):
        started = time.perf_counter()
        counts = driver.round(args.login, args.password, args.premises_id, args.search)
        if driver.shown:
            print(json.dumps({"round": number, "step": args.show_step, "sql": driver.shown}), flush=True)
            driver.shown = []
        print(
            json.dumps(
                {
                    "round": number,
                    "statements": counts,
                    "rss_mb": round(rss_mb(), 1),
                    "widgets": len(QApplication.allWidgets()),
                    "python_objects": len(gc.get_objects()),
                    "seconds": round(time.perf_counter() - started, 2),
                }
            ),
            flush=True,
        )
        if args.growth and number == 2:
            types_after_warm_up = _type_counts()
    if args.growth and args.rounds > 2:
        grown = _type_counts()
        growth = sorted(((grown[t] - types_after_warm_up.get(t, 0), t) for t in grown), reverse=True)[:15]
        print(json.dumps({"growth_after_round_2": [[t, n] for n, t in growth if n > 0]}), flush=True)
    if clerk.login_dialog is not None:
        clerk.login_dialog.close()
    clerk.runner.shutdown()
    backend.database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
