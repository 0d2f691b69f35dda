"""Cold start to the login window against a bare PySide6 window, each a new process, offscreen.

    python -m benchmarks.startup --database-url URL [--runs 5]

Each run starts a new Python process and times it from just before ``subprocess.Popen`` until the
process reports that its window was exposed (the time is taken when the line arrives): the reference
``benchmarks/bare_window.py`` prints ``EXPOSED <peak kB>``; the application is ``iok-desktop
--self-test`` itself (``python -m iok_desktop``, the database in its config file as in an office),
which prints ``self-test: LoginDialog shown, peak memory <kB> kB`` when Qt first exposes its sign-in
window (and then waits for the database to open; a run counts only when that succeeds). The two kinds
of runs alternate (bare, app, bare, app, …) so that both see the same machine; the ratio is the median
of the pairs' ratios. Peak memory is the process's own ``VmHWM`` (peak resident set) at that moment.
Children run with ``QT_QPA_PLATFORM=offscreen`` and a temporary HOME (the app's QSettings).
The file cache is warm after the first run: "cold" means a new process, not a cold disk.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Start:
    seconds: float
    peak_rss_mb: float


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "IOK_DATABASE_URL"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(home),
        PYTHONDONTWRITEBYTECODE="",
    )
    env.pop("PYTHONDONTWRITEBYTECODE")
    return env


def _reported_peak_kb(line: str) -> int | None:
    """The peak memory of a "window shown" line of either process, else None."""
    if line.startswith("EXPOSED "):
        return int(line.split()[1])
    if line.startswith("self-test: ") and " shown, peak memory " in line:
        return int(line.rsplit("peak memory ", 1)[1].split(maxsplit=1)[0])
    return None


def start_once(module: str, args: list[str], home: Path) -> Start:
    command = [sys.executable, "-m", module, *args]
    started = time.perf_counter()
    with subprocess.Popen(
        command, cwd=REPO, env=_env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        try:
            for line in process.stdout:
                peak_kb = _reported_peak_kb(line)
                if peak_kb is not None:
                    seconds = time.perf_counter() - started
                    _out, err = process.communicate(timeout=TIMEOUT_S)
                    if process.returncode == 0:  # the application also opened its database
                        return Start(seconds, peak_kb / 1024)
                    break
            else:
                _out, err = process.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    raise RuntimeError(f"{module} did not start (exit {process.returncode}):\n{err[-2000:]}")


def measure(database_url: str, runs: int) -> tuple[list[Start], list[Start]]:
    """``runs`` starts of each, alternating; one unrecorded start of each first (bytecode, file cache)."""
    bare: list[Start] = []
    app: list[Start] = []
    with tempfile.TemporaryDirectory(prefix="iok-bench-home-") as tmp:
        home = Path(tmp)
        # Started as in an office: the administrator has put the database in the config file and the
        # clerk starts plain ``iok-desktop`` (so the config file is found and read on the way).
        config = home / ".config" / "iok-desktop" / "config.toml"
        config.parent.mkdir(parents=True)
        config.write_text(f'[database]\nurl = "{database_url}"\n', encoding="utf-8")
        for attempt in range(runs + 1):
            b = start_once("benchmarks.bare_window", [], home)
            a = start_once("iok_desktop", ["--self-test"], home)
            if attempt:
                bare.append(b)
                app.append(a)
    return bare, app


def summary(starts: list[Start]) -> Start:
    return Start(statistics.median(s.seconds for s in starts), statistics.median(s.peak_rss_mb for s in starts))


def time_ratio(bare: list[Start], app: list[Start]) -> float:
    """The median of the ratios of the runs made one after the other (bare, app): on a machine whose
    load changes, each pair sees about the same load, the medians of the two kinds need not."""
    return statistics.median(a.seconds / b.seconds for b, a in zip(bare, app, strict=True))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True, help="a database with staff (the login window shows)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    bare, app = measure(args.database_url, args.runs)
    b, a = summary(bare), summary(app)
    print(f"bare PySide6 window: {b.seconds * 1000:7.0f} ms  peak {b.peak_rss_mb:6.1f} MB")
    print(f"login window:        {a.seconds * 1000:7.0f} ms  peak {a.peak_rss_mb:6.1f} MB")
    print(f"ratio (of pairs):    {time_ratio(bare, app):7.2f}×      {a.peak_rss_mb / b.peak_rss_mb:6.2f}×")


if __name__ == "__main__":
    main()
