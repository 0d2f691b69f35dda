"""A private CUPS server with a PDF printer, so printing is tested for real (not mocked).

The test set-up installs Debian's ``cups`` and ``printer-driver-cups-pdf`` when they are missing
(as root, ``apt-get install``, non-interactive; a clean CI machine has neither), then starts its
own ``cupsd`` in the foreground with its configuration, spool and logs in a temporary directory,
listening only on a Unix socket there, so no system service is needed or touched. A CUPS-PDF
queue writes what it receives into ``output_dir``. Clients (Qt's CUPS plug-in, ``lp``) reach it
through ``CUPS_SERVER``.

CUPS-PDF reads its settings from ``/etc/cups/cups-pdf-<queue>.conf`` (the path is compiled into
the backend), so the queue gets a unique name and that one file is removed at the end.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from tests.support.debian_packages import PackagesUnavailableError, ensure_packages

PR_SET_PDEATHSIG = 1
PACKAGES = ("cups", "printer-driver-cups-pdf")
CUPSD = Path("/usr/sbin/cupsd")
LPADMIN = "lpadmin"
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD_DIRS = (Path("/usr/share/ppd/cups-pdf"), Path("/usr/share/cups/model"))
CUPS_PDF_CONFIG_DIR = Path("/etc/cups")
QUEUE_PREFIX = "IOK_Test_PDF_"


class CupsUnavailableError(RuntimeError):
    """CUPS cannot be installed or started here (no root, no apt, no network)."""


def _installed() -> bool:
    return CUPSD.exists() and CUPS_PDF_BACKEND.exists() and shutil.which(LPADMIN) is not None


def ensure_installed() -> None:
    """Install the CUPS server and the CUPS-PDF driver unless they are there already."""
    try:
        ensure_packages(dict.fromkeys(PACKAGES, _installed))
    except PackagesUnavailableError as error:
        raise CupsUnavailableError(str(error)) from error


def _cups_pdf_ppd() -> Path:
    for directory in CUPS_PDF_PPD_DIRS:
        for name in ("CUPS-PDF_noopt.ppd", "CUPS-PDF_opt.ppd", "CUPS-PDF.ppd"):
            for candidate in directory.rglob(name):
                return candidate
    raise CupsUnavailableError("the CUPS-PDF driver is installed but its PPD file was not found")


def _die_with_parent() -> None:
    """In the cupsd child: end it when the test process ends, even when that is killed."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _remove_leftovers() -> None:
    """CUPS-PDF settings of earlier runs whose test process is gone (killed before it cleaned up)."""
    for config in CUPS_PDF_CONFIG_DIR.glob(f"cups-pdf-{QUEUE_PREFIX}*.conf"):
        pid = config.stem.removeprefix(f"cups-pdf-{QUEUE_PREFIX}").split("_")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            config.unlink(missing_ok=True)


def _set_libcups_server(server: str | None) -> None:
    """libcups remembers the server per thread once asked: point this thread at ours (or back)."""
    name = ctypes.util.find_library("cups")
    if name is None:
        return
    libcups = ctypes.CDLL(name)
    libcups.cupsSetServer.argtypes = [ctypes.c_char_p]
    libcups.cupsSetServer(server.encode() if server else None)


class CupsServer:
    """``cupsd`` of our own with one CUPS-PDF queue; ``start()``, then ``stop()`` removes everything."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="iok-cups-"))
        self.conf_dir = self.root / "conf"
        self.output_dir = self.root / "out"
        self.socket = self.root / "cups.sock"
        # The test process's id in the name: a later run removes what a killed run left behind.
        self.queue = f"{QUEUE_PREFIX}{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.cups_pdf_config = CUPS_PDF_CONFIG_DIR / f"cups-pdf-{self.queue}.conf"
        self._process: subprocess.Popen[bytes] | None = None
        self._saved_server: str | None = None

    @property
    def files_conf(self) -> Path:
        return self.conf_dir / "cups-files.conf"

    @property
    def error_log(self) -> Path:
        return self.root / "log" / "error_log"

    def _write_config(self) -> None:
        for name in ("conf", "conf/ppd", "conf/ssl", "spool", "spool/tmp", "cache", "state", "log", "out", "anon"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        # cupsd runs filters as "lp"; they need to reach the spool and the temporary files.
        for path in (self.root, self.root / "spool", self.root / "spool/tmp", self.root / "cache"):
            path.chmod(0o755)
        (self.root / "spool/tmp").chmod(0o1777)
        (self.root / "out").chmod(0o1777)
        (self.root / "anon").chmod(0o1777)
        (self.conf_dir / "cupsd.conf").write_text(
            f"""LogLevel warn
MaxLogSize 0
Listen {self.socket}
Browsing No
BrowseLocalProtocols none
DefaultAuthType None
WebInterface No
JobRetryLimit 0
PreserveJobHistory No
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
""",
            encoding="utf-8",
        )
        (self.conf_dir / "cups-files.conf").write_text(
            f"""ServerRoot {self.conf_dir}
RequestRoot {self.root / "spool"}
TempDir {self.root / "spool/tmp"}
CacheDir {self.root / "cache"}
StateDir {self.root / "state"}
AccessLog {self.root / "log/access_log"}
ErrorLog {self.error_log}
PageLog {self.root / "log/page_log"}
ServerKeychain {self.conf_dir / "ssl"}
ServerBin /usr/lib/cups
DataDir /usr/share/cups
User lp
Group lp
SystemGroup root
FileDevice No
Sandboxing Relaxed
""",
            encoding="utf-8",
        )
        # Where CUPS-PDF puts what it receives, whoever sends it (names carry the job title).
        self.cups_pdf_config.write_text(
            f"""Out {self.output_dir}
AnonDirName {self.root / "anon"}
Spool {self.root / "cups-pdf-spool"}
Label 0
TitlePref 1
Log {self.root / "log"}
LogType 3
Grp root
""",
            encoding="utf-8",
        )

    def start(self, timeout: float = 20.0) -> CupsServer:
        ensure_installed()
        _remove_leftovers()
        self._write_config()
        with (self.root / "log" / "cupsd.stderr").open("wb") as stderr:
            self._process = subprocess.Popen(
                [
                    str(CUPSD),
                    "-f",
                    "-c",
                    str(self.conf_dir / "cupsd.conf"),
                    "-s",
                    str(self.conf_dir / "cups-files.conf"),
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                preexec_fn=_die_with_parent,  # noqa: PLW1509 - only prctl, no locks or threads involved
            )
        deadline = time.monotonic() + timeout
        while not self.socket.exists():
            if self._process.poll() is not None or time.monotonic() > deadline:
                log = self.log_tail()
                self.stop()
                raise CupsUnavailableError(f"the test cupsd did not start:\n{log}")
            time.sleep(0.05)
        self._lp(
            LPADMIN,
            "-p",
            self.queue,
            "-E",
            "-v",
            f"cups-pdf:/{self.queue}",
            "-P",
            str(_cups_pdf_ppd()),
            "-o",
            "printer-error-policy=abort-job",
        )
        self._saved_server = os.environ.get("CUPS_SERVER")
        os.environ["CUPS_SERVER"] = str(self.socket)
        _set_libcups_server(str(self.socket))
        return self

    def _lp(self, *args: str) -> str:
        result = subprocess.run(
            list(args),
            env={**os.environ, "CUPS_SERVER": str(self.socket)},
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        if result.returncode != 0:
            raise CupsUnavailableError(f"{' '.join(args)} failed: {result.stderr.strip()}\n{self.log_tail()}")
        return result.stdout

    def log_tail(self, lines: int = 20) -> str:
        texts = []
        for path in (self.error_log, self.root / "log" / "cupsd.stderr", self.root / "log" / "cups-pdf_log"):
            with contextlib.suppress(OSError):
                texts.append("\n".join(path.read_text(errors="replace").splitlines()[-lines:]))
        return "\n".join(t for t in texts if t)

    def pending_jobs(self) -> str:
        return self._lp("lpstat", "-o", self.queue)

    def wait_for_output(self, previous: set[Path] | None = None, timeout: float = 60.0) -> Path:
        """The next file CUPS-PDF writes (complete: its size has stopped changing and no job is left)."""
        previous = previous if previous is not None else set()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = sorted(set(self.output_dir.rglob("*.pdf")) - previous)
            if new and not self.pending_jobs().strip():
                size = new[0].stat().st_size
                time.sleep(0.2)
                if size > 0 and new[0].stat().st_size == size:
                    return new[0]
            time.sleep(0.1)
        raise AssertionError(f"nothing arrived at the CUPS-PDF printer within {timeout} s:\n{self.log_tail()}")

    def outputs(self) -> set[Path]:
        return set(self.output_dir.rglob("*.pdf"))

    def stop(self) -> None:
        if self._saved_server is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = self._saved_server
        _set_libcups_server(self._saved_server)
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None
        self.cups_pdf_config.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)


@contextlib.contextmanager
def running_cups() -> Iterator[CupsServer]:
    server = CupsServer()
    try:
        yield server.start()
    finally:
        server.stop()
