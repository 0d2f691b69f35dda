"""The benchmark suite: every figure of issue 7 with its target and its reference, in one table.

    python -m benchmarks                      # full scale: PostgreSQL 30,000 premises × 10 years, SQLite 3,000
    python -m benchmarks --scale 0.05         # a quick look (1,500 premises on PostgreSQL, 150 on SQLite)
    python -m benchmarks --databases sqlite   # one database only
    python -m benchmarks --data-dir DIR --rebuild

Data sets are built with the demo generator once and kept (see ``benchmarks/dataset.py``): the
PostgreSQL cluster's data directory and the SQLite files stay in the cache folder, the cluster is
started again on the next run, and a data set is rebuilt only when it is missing or the demo
generator (or the migrations) changed. Each database gets a main data set (``--scale``; SQLite at a
tenth of it, ``--sqlite-scale``) and a small one (a tenth of the main one, two years) used only to
show that the SQL statements per screen do not grow with the data.

References are measured in the same run, side by side: a bare PySide6 window for the cold start,
plain reportlab for statement pages. Every figure is printed with its target; ``MISSED`` marks a
missed one. Nothing here changes a kept data set for good (see ``Dataset.restore_audit``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import startup, statements
from benchmarks.dataset import REPO, Cache, Dataset, Spec, default_data_dir
from benchmarks.screen_calls import Screens

FULL_PREMISES = 30_000
FULL_PENDING = 100_000
YEARS = 10
SECTIONS = ("start", "screens", "sql", "statements", "memory", "demo")
MEMORY_BOUND_MB = 5.0
WARM_UP_ROUNDS = 2  # rounds of the clerk app before memory growth is measured (caches fill up)


@dataclass(frozen=True)
class Row:
    figure: str
    measured: str
    reference: str = ""
    target: str = ""
    verdict: str = ""  # "ok", "MISSED" or "" (for information)


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def ms(value: float) -> str:
    return f"{value:,.1f} ms"


class Report:
    def __init__(self) -> None:
        self.sections: list[tuple[str, list[Row]]] = []

    def add(self, title: str, rows: list[Row]) -> None:
        self.sections.append((title, rows))
        self._print_section(title, rows)

    @staticmethod
    def _widths(rows: list[Row]) -> list[int]:
        header = ("figure", "measured", "reference (same run)", "target", "verdict")
        cells = [header] + [(r.figure, r.measured, r.reference, r.target, r.verdict) for r in rows]
        return [max(len(c[i]) for c in cells) for i in range(5)]

    def _print_section(self, title: str, rows: list[Row]) -> None:
        widths = self._widths([r for _t, rs in self.sections for r in rs])
        print(f"\n{title}", flush=True)
        for r in rows:
            print("  " + self._line((r.figure, r.measured, r.reference, r.target, r.verdict), widths), flush=True)

    @staticmethod
    def _line(cells: tuple[str, ...], widths: list[int]) -> str:
        figure, measured, reference, target, result = cells
        return (
            f"{figure:<{widths[0]}}  {measured:>{widths[1]}}  {reference:<{widths[2]}}  {target:<{widths[3]}}  {result}"
        ).rstrip()

    def print_table(self) -> None:
        rows = [r for _t, rs in self.sections for r in rs]
        widths = self._widths(rows)
        header = self._line(("figure", "measured", "reference (same run)", "target", "verdict"), widths)
        print("\n" + "=" * len(header))
        print(header)
        print("=" * len(header))
        for title, section in self.sections:
            print(title)
            for r in section:
                print("  " + self._line((r.figure, r.measured, r.reference, r.target, r.verdict), widths))
        missed = [r.figure for r in rows if r.verdict == "MISSED"]
        met = sum(r.verdict == "ok" for r in rows)
        print("=" * len(header))
        print(f"targets met: {met}, missed: {len(missed)}")


def load() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


# --- sections ----------------------------------------------------------------------------------------


def start_rows(dataset: Dataset, runs: int) -> list[Row]:
    bare_runs, app_runs = startup.measure(dataset.url, runs)
    bare, app = startup.summary(bare_runs), startup.summary(app_runs)
    time_ratio, memory_ratio = startup.time_ratio(bare_runs, app_runs), app.peak_rss_mb / bare.peak_rss_mb
    return [
        Row(
            f"cold start to the login window (median of {runs} pairs)",
            f"{app.seconds * 1000:,.0f} ms = {time_ratio:.2f}×",
            f"bare PySide6 window {bare.seconds * 1000:,.0f} ms",
            "≤ 1.50×",
            verdict(time_ratio <= 1.5),
        ),
        Row(
            "peak memory at the login window",
            f"{app.peak_rss_mb:,.1f} MB = {memory_ratio:.2f}×",
            f"bare PySide6 window {bare.peak_rss_mb:,.1f} MB",
            "≤ 2.00×",
            verdict(memory_ratio <= 2.0),
        ),
    ]


def screen_rows(screens: Screens, pending: int) -> list[Row]:
    rows: list[Row] = []
    first = screens.queue_first_rows()
    rows.append(
        Row(f"queue ({pending:,} pending): {first.name}", ms(first.ms), "", "≤ 100 ms", verdict(first.ms <= 100))
    )
    for t in screens.queue_sorts_and_filters():
        rows.append(Row(f"queue: {t.name}", ms(t.ms), "", "≤ 200 ms", verdict(t.ms <= 200)))
    worst, _keys = screens.search_keystrokes()
    rows.append(Row(f"search as you type: {worst.name}", ms(worst.ms), "", "≤ 50 ms", verdict(worst.ms <= 50)))
    rows.append(Row(f"search as you type: {worst.detail.split()[0]} per keystroke", worst.detail.split(" ", 1)[1]))
    ledger = screens.ledger_open()
    rows.append(Row(f"ledger: {ledger.name}", ms(ledger.ms), "", "≤ 100 ms", verdict(ledger.ms <= 100)))
    approval = screens.bulk_approve()
    one_transaction = approval.commits == 1 and approval.savepoints == 0 and approval.transactions == 1
    rows.append(
        Row(
            f"bulk approve: {approval.selected:,} selected, {approval.approved:,} approved (median of 3)",
            f"{approval.seconds * 1000:,.0f} ms",
            "",
            "≤ 500 ms",
            verdict(approval.seconds <= 0.5),
        )
    )
    rows.append(
        Row(
            "bulk approve: transactions",
            f"{approval.transactions} BEGIN, {approval.commits} COMMIT, {approval.savepoints} SAVEPOINT",
            f"{approval.statements} statements",
            "one transaction",
            verdict(one_transaction),
        )
    )
    return rows


def run_clerk_gui(dataset: Dataset, premises_id: int, search: str, rounds: int) -> list[dict[str, Any]]:
    login, password = dataset.admin
    with tempfile.TemporaryDirectory(prefix="iok-bench-home-") as home:
        env = startup._env(Path(home))
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.clerk_gui",
                "--database-url",
                dataset.url,
                "--login",
                login,
                "--password",
                password,
                "--premises-id",
                str(premises_id),
                "--search",
                search,
                "--rounds",
                str(rounds),
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300 + 120 * rounds,
            check=False,
        )
    dataset.restore_audit()  # the sign-ins
    if done.returncode != 0:
        raise RuntimeError(f"clerk_gui failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def sql_rows(
    small: list[dict[str, Any]],
    large: list[dict[str, Any]],
    small_spec: Spec,
    large_spec: Spec,
    shape: tuple[int, int, int, bool],
) -> list[Row]:
    small_counts: dict[str, int] = small[1]["statements"]
    large_counts: dict[str, int] = large[1]["statements"]
    rows = []
    for step, count in large_counts.items():
        other = small_counts.get(step)
        rows.append(
            Row(
                f"SQL statements: {step}",
                f"{count} at {large_spec.premises:,} premises",
                f"{other} at {small_spec.premises:,} premises",
                "equal",
                verdict(other == count),
            )
        )
    # The same screens opened again (later rounds) must not send more either.
    owes = "in arrears" if shape[3] else "not in arrears"
    rows.append(
        Row(f"(card, ledger: premises with {shape[0]} meters, {shape[1]} titles ({shape[2]} current), {owes})", "")
    )
    later = [r["statements"] for r in large[2:] if "statements" in r]
    if later:
        steady = all(r == later[0] for r in later)
        rows.append(
            Row(
                f"SQL statements: rounds 2–{len(later) + 1}, each the same",
                f"{sum(later[0].values())} per round",
                f"{sum(large_counts.values())} in round 1",
                "equal",
                verdict(steady),
            )
        )
    return rows


def memory_rows(large: list[dict[str, Any]]) -> list[Row]:
    rss = [r["rss_mb"] for r in large]
    warm = rss[WARM_UP_ROUNDS]
    growth = rss[-1] - warm
    rounds = len(rss) - 1 - WARM_UP_ROUNDS
    return [
        Row("clerk app: memory at the login window (started)", f"{rss[0]:,.1f} MB"),
        Row("clerk app: memory after every screen opened (round 1)", f"{rss[1]:,.1f} MB"),
        Row(
            f"clerk app: growth over {rounds} rounds after {WARM_UP_ROUNDS} warm-up (open all, log out)",
            f"{growth:+,.1f} MB",
            "RSS after each round: " + " ".join(f"{v:.0f}" for v in rss[1:]),
            f"< {MEMORY_BOUND_MB:.0f} MB",
            verdict(growth < MEMORY_BOUND_MB),
        ),
    ]


def statement_rows(dataset: Dataset, screens: Screens, runs: int, batch_premises: int, rounds: int) -> list[Row]:
    from iok_desktop.services.statements import premises_for_batch  # noqa: PLC0415

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="iok-bench-") as tmp:
        out = Path(tmp)
        one = statements.time_one(dataset.database, screens.actor, screens.ledger_premises, runs, out)
        rows.append(
            Row(
                f"one statement PDF: {one.entries} entries, {one.pages} pages, read + draw",
                ms(one.total_ms),
                f"plain reportlab drawing it {one.canvas_ms:.1f} ms",
                "≤ 50 ms",
                verdict(one.total_ms <= 50),
            )
        )
        with dataset.database.session() as s:
            from iok_desktop.services.context import FixedClock, ServiceContext  # noqa: PLC0415

            ctx = ServiceContext(s, screens.actor, FixedClock(statements.NOW))
            ids = premises_for_batch(ctx, as_of=statements.TODAY)[:batch_premises]
        best, reference_name = statements.measure_batch(
            dataset.database, dataset.url, ids, months=12, out_root=out / "batch", rounds=rounds
        )
        dataset.restore_audit()
    reference = best[reference_name][1]
    label = {"canvas": "canvas loop", "platypus": "platypus"}[reference_name]
    for name, workers, target in (("w1", 1, 0.8), ("w2", 2, 1.6)):
        pages, rate, cpu = best[name]
        rows.append(
            Row(
                f"batch of {len(ids):,} statements ({pages:,} pages, {cpu:.1f} CPU s), {workers} worker"
                f"{'s' if workers > 1 else ''}: pages/s",
                f"{rate:,.0f} = {rate / reference:.2f}×",
                f"plain reportlab ({label}, 1 core) {reference:,.0f}",
                f"≥ {target:.2f}×",
                verdict(rate >= target * reference),
            )
        )
    return rows


def demo_row(dataset: Dataset) -> Row:
    record = dataset.record
    when = "built in this run" if dataset.built_now else f"recorded {record['built_at']}"
    load_at = " ".join(str(v) for v in record.get("load_before", []))
    full = dataset.spec.premises >= FULL_PREMISES and dataset.spec.years >= YEARS
    return Row(
        f"demo generation, {dataset.spec.premises:,} premises × {dataset.spec.years} years",
        f"{dataset.demo_seconds:,.1f} s",
        f"{when}, load {load_at}",
        "≤ 300 s" if full else "(full scale: ≤ 300 s)",
        verdict(dataset.demo_seconds <= 300) if full else "",
    )


# --- main ------------------------------------------------------------------------------------------


def specs(dialect: str, scale: float) -> tuple[Spec, Spec]:
    premises = max(10, round(FULL_PREMISES * scale))
    pending = max(100, round(FULL_PENDING * scale))
    main = Spec(dialect, premises, YEARS, pending)
    small = Spec(dialect, max(10, premises // 10), 2, max(50, pending // 10))
    return main, small


def run_database(cache: Cache, dialect: str, scale: float, args: argparse.Namespace, report: Report) -> None:
    main_spec, small_spec = specs(dialect, scale)
    title = f"{'PostgreSQL' if dialect == 'postgresql' else 'SQLite'}: {main_spec.label}"
    print(f"\n### {title} (load average {load()})", flush=True)
    dataset = cache.dataset(main_spec, rebuild=args.rebuild)
    wanted = set(args.sections)

    def section(name: str, heading: str, make: Callable[[], list[Row]]) -> None:
        if name not in wanted:
            return
        started = time.perf_counter()
        try:
            rows = make()
        except Exception as error:
            rows = [Row(f"{heading}: failed", f"{type(error).__name__}: {str(error)[:200]}", verdict="MISSED")]
        report.add(f"{title} — {heading} ({time.perf_counter() - started:.0f} s, load {load()})", rows)

    section("demo", "demo generation", lambda: [demo_row(dataset)])
    section("start", "start", lambda: start_rows(dataset, args.startup_runs))
    screens = Screens(dataset, args.runs)
    section("screens", f"screens (median of {args.runs} calls)", lambda: screen_rows(screens, main_spec.pending))
    if "sql" in wanted or "memory" in wanted:
        premises_id = screens.ledger_premises
        search = screens.street[:4]  # the first building's street (the small set searches its own)
        large: list[dict[str, Any]] = []

        def gui_large() -> list[dict[str, Any]]:
            if not large:
                large.extend(run_clerk_gui(dataset, premises_id, search, WARM_UP_ROUNDS + args.memory_rounds))
            return large

        def sql() -> list[Row]:
            small_set = cache.dataset(small_spec, rebuild=args.rebuild)
            small_screens = Screens(small_set, 1)
            # A premises like the large set's one (as many meters and titles): the card and the
            # ledger read a few rows per meter and per title, so unlike premises would differ.
            shape = screens.shape(premises_id)
            small_premises = small_screens.premises_shaped(shape) or small_screens.ledger_premises
            small = run_clerk_gui(small_set, small_premises, small_screens.street[:4], 1)
            small_set.database.dispose()
            return sql_rows(small, gui_large(), small_spec, main_spec, shape)

        section("sql", "SQL statements per screen (the GUI, offscreen)", sql)
        section("memory", "memory of the clerk app (offscreen)", lambda: memory_rows(gui_large()))
    section(
        "statements",
        "statement PDFs",
        lambda: statement_rows(
            dataset, screens, args.runs, min(args.batch_premises, main_spec.premises), args.batch_rounds
        ),
    )
    dataset.restore_audit()
    dataset.database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0, help="of 30,000 premises / 100,000 pending (PostgreSQL)")
    parser.add_argument("--sqlite-scale", type=float, help="SQLite's scale (default: a tenth of --scale)")
    parser.add_argument("--databases", default="postgresql,sqlite", help="comma-separated: postgresql, sqlite")
    parser.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated, of {', '.join(SECTIONS)}")
    parser.add_argument("--data-dir", type=Path, default=None, help=f"cache folder (default {default_data_dir()})")
    parser.add_argument("--rebuild", action="store_true", help="build the data sets again even if they are current")
    parser.add_argument("--runs", type=int, default=7, help="timed calls per screen figure (median)")
    parser.add_argument("--startup-runs", type=int, default=5, help="starts of each window (median)")
    parser.add_argument("--memory-rounds", type=int, default=10, help="rounds after the first (open all, log out)")
    parser.add_argument("--batch-premises", type=int, default=1000, help="statements in the batch figures")
    parser.add_argument("--batch-rounds", type=int, default=2, help="rounds of the batch figures (best kept)")
    parser.add_argument("--json", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    args.sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = set(args.sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    data_dir = args.data_dir or default_data_dir()
    sqlite_scale = args.sqlite_scale if args.sqlite_scale is not None else args.scale / 10

    started = time.perf_counter()
    print(
        f"IOK Desktop benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, load average {load()}; data in {data_dir}",
        flush=True,
    )
    report = Report()
    cache = Cache(data_dir, lambda message: print(message, flush=True))
    try:
        for dialect in [d.strip() for d in args.databases.split(",") if d.strip()]:
            scale = args.scale if dialect == "postgresql" else sqlite_scale
            run_database(cache, dialect, scale, args, report)
    finally:
        cache.close()
    report.print_table()
    print(f"(whole run {time.perf_counter() - started:.0f} s, load average at the end {load()})")
    if args.json:
        args.json.write_text(
            json.dumps(
                [{"section": t, "rows": [r.__dict__ for r in rows]} for t, rows in report.sections],
                indent=2,
                ensure_ascii=False,
            )
        )
    return 0 if all(r.verdict != "MISSED" for _t, rs in report.sections for r in rs) else 1
