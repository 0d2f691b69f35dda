"""A throwaway PostgreSQL cluster for the test suite (and the benchmarks).

``initdb`` into a temporary directory, start the server on a free loopback port, and remove it all
at the end. As root the server runs as the ``postgres`` user (PostgreSQL refuses to run as root).
Durability is switched off: the data is thrown away anyway.

Fault tests stop and start a cluster of their own under a running application (``stop`` /
``start_server`` / ``restart``, always on the same port); the session's shared cluster is never restarted.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them, e.g. on Debian/Ubuntu "
    "`apt-get install postgresql` (PostgreSQL 15 or newer), or point IOK_PG_BINDIR at their directory."
)


class PostgresUnavailableError(RuntimeError):
    pass


def find_bindir() -> Path:
    explicit = os.environ.get("IOK_PG_BINDIR")
    if explicit:
        if not (Path(explicit) / "initdb").exists():
            raise PostgresUnavailableError(f"IOK_PG_BINDIR={explicit} has no initdb. {INSTALL_HINT}")
        return Path(explicit)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresUnavailableError(INSTALL_HINT)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresCluster:
    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="iok-pg-"))
        self.datadir = self.root / "data"
        self.logfile = self.root / "server.log"
        self._user = "postgres" if os.geteuid() == 0 else None
        if self._user:
            pw = pwd.getpwnam(self._user)
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        self.root.chmod(0o700)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            user=self._user,
            capture_output=True,
            text=True,
            check=True,
            cwd=self.root,
        )

    def start(self) -> PostgresCluster:
        """Create the cluster (initdb) and start its server."""
        self._run(
            "initdb",
            "-D",
            str(self.datadir),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        self.start_server()
        return self

    def _options(self) -> str:
        return (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )

    def start_server(self) -> None:
        """Start the server of an existing cluster again, on the same port (after ``stop``)."""
        self._run("pg_ctl", "-D", str(self.datadir), "-l", str(self.logfile), "-o", self._options(), "-w", "start")

    def is_running(self) -> bool:
        status = subprocess.run(
            [str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "status"],
            user=self._user,
            capture_output=True,
            check=False,
            cwd=self.root,
        )
        return status.returncode == 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: "fast" ends every session (a server restart), "immediate" is a crash."""
        self._run("pg_ctl", "-D", str(self.datadir), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        # -l: without a log file the new server would keep our output pipes open and hang the call.
        self._run(
            "pg_ctl",
            "-D",
            str(self.datadir),
            "-l",
            str(self.logfile),
            "-m",
            "fast",
            "-o",
            self._options(),
            "-w",
            "restart",
        )

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def wait_ready(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if (
                subprocess.run(
                    [str(self.bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                    capture_output=True,
                    check=False,
                ).returncode
                == 0
            ):
                return
            time.sleep(0.1)
        raise PostgresUnavailableError("the test PostgreSQL server did not become ready")


@contextlib.contextmanager
def private_cluster() -> Iterator[PostgresCluster]:
    """A cluster of one's own, for tests that stop and start the server (never the session's)."""
    cluster = PostgresCluster().start()
    try:
        yield cluster
    finally:
        cluster.destroy()
