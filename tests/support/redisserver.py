"""A real Redis server process for the tests: Debian's ``redis-server``.

Started per test session on a free loopback port, without persistence and with no
config file (nothing is read from or written to /etc or /var), waited for with PING,
stopped by PID.  ``restart`` stops it and starts it again on the same port (the
"Redis restarts mid-crawl" proofs); ``flush`` gives a test an empty database.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

from tests.support.processes import stop
from tests.support.s3server import free_port


def redis_command(port: int, workdir: Path) -> list[str]:
    executable = shutil.which("redis-server")
    if executable is None:
        raise RuntimeError("redis-server is not installed (apt-get install redis-server)")
    return [
        executable,
        "--bind",
        "127.0.0.1",
        "--port",
        str(port),
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        str(workdir),
        "--protected-mode",
        "yes",
    ]


@dataclass
class RedisServer:
    """Where the Redis server is, and its process."""

    port: int
    workdir: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, decode_responses=True)

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            redis_command(self.port, self.workdir),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    break
            except redis.ConnectionError:
                time.sleep(0.05)
        else:
            self.stop()
            raise RuntimeError(f"redis-server on port {self.port} did not come up")
        assert self.process is not None
        if int(self.client().info("server")["process_id"]) != self.process.pid:
            self.stop()  # another test process's server took the port first (pytest -n)
            raise PortTaken(f"port {self.port} answers for another redis-server")

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def flush(self) -> None:
        self.client().flushdb()


class PortTaken(RuntimeError):
    """The port picked was free when probed and taken before the server bound it."""


def start_redis(workdir: Path) -> RedisServer:
    """A redis-server of this test process's own, on a free port (another port if one
    picked is taken between the probe and the bind, as several test processes may)."""
    for _attempt in range(5):
        server = RedisServer(free_port(), workdir)
        try:
            server.start()
        except PortTaken:
            continue
        return server
    raise RuntimeError("no free port for redis-server after 5 attempts")
