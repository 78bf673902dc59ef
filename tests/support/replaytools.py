"""The web-archiving tools the WARC tests check the crawler's files with, as an
archivist would use them: webrecorder's ``wacz`` (packaging) and ``pywb`` (replay).

They live in a virtual environment of their own (``.venv-tools``, made by
``scripts/test-tools.sh``): pywb pins versions of redis and warcio the crawler cannot share.
pywb is started on a free loopback port per test module, waited for, stopped by PID.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import REPO
from tests.support.processes import stop
from tests.support.s3server import free_port

TOOLS = Path(os.environ.get("MFA_REPLAY_TOOLS", REPO / ".venv-tools" / "bin"))


def tool(name: str) -> str:
    """The path of one of the tools; a clear error when setup has not installed them."""
    path = TOOLS / name
    if not path.exists():
        raise RuntimeError(f"{path} is missing: scripts/test-tools.sh installs pywb and wacz there")
    return str(path)


def run_tool(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool(name), *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


@dataclass
class Pywb:
    """A pywb ``wayback`` server of one collection, ``archive``, made of WARC files and
    their CDXJ indexes taken as the crawler published them."""

    root: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, warc_folder: Path) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        made = run_tool("wb-manager", "init", "archive", cwd=self.root)
        assert made.returncode == 0, made.stderr
        collection = self.root / "collections" / "archive"
        for path in warc_folder.glob("*.warc.gz"):
            shutil.copy(path, collection / "archive" / path.name)
        for path in warc_folder.glob("*.cdxj"):  # the crawler's own index, not pywb's
            shutil.copy(path, collection / "indexes" / path.name)
        self.process = subprocess.Popen(
            [tool("wayback"), "--bind", "127.0.0.1", "--port", str(self.port)],
            cwd=self.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/archive/", timeout=5).read()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("pywb did not answer within 60 s")

    def replay(self, timestamp: str, url: str) -> tuple[int, bytes]:
        """The archived payload of ``url`` nearest ``timestamp``, unrewritten (``id_``)."""
        try:
            with urllib.request.urlopen(f"{self.url}/archive/{timestamp}id_/{url}") as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None
