"""Shared test fixtures: where the shared sample and corpus live."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest_plugins = ["tests.support.tables"]

if TYPE_CHECKING:
    from tests.support.harness import Platform, Replica
    from tests.support.redisserver import RedisServer
    from tests.support.s3server import S3Server
    from tests.support.tcpproxy import TcpProxy

REPO = Path(__file__).resolve().parent.parent
# The replica's pages link their pictures on the platform's real image host: no crawl of a
# test fetches them (traffic to 127.0.0.0/8 only) unless the test turns capture on and
# points MEDIA_HOSTS at the replica.  Set here, so that crawls in subprocesses inherit it.
os.environ["MEDIA_ENABLED"] = "false"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (in ``addopts``): a tier or the whole suite over every core; a command
    that names test files or tests runs them in this process (no workers to start)."""
    if config.args_source == pytest.Config.ArgsSource.TESTPATHS:
        return None  # xdist's own count: the machine's cores
    named = [arg for arg in config.args if not Path(arg.split("::")[0]).is_dir()]
    return 0 if named else None


LONG = ("crawl", "process", "s3", "redis", "faults", "hostile", "fuzz")
"""Markers of tests that run whole crawls or start processes: seconds each, not
milliseconds."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The modules that hold long tests first, the rest after them, each module's tests in
    their own order: the workers then end on short tests together, instead of one worker
    finishing a long crawl while the others wait (a tail of ~20 s on two cores)."""
    long_modules = {item.path for item in items if any(item.get_closest_marker(m) for m in LONG)}
    items.sort(key=lambda item: item.path not in long_modules)  # stable: order kept within


SHARED = Path(os.environ.get("MFA_SHARED_DIR", REPO.parent / "shared"))
SAMPLE = SHARED / "sample" / "mfa-asean-canada-2020.txt"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The sample document, exactly as published (no final newline)."""
    return SAMPLE.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """A real S3-compatible server process (moto, or ``S3_TEST_ENDPOINT``), and a
    process environment that points every AWS client at it and nowhere else."""
    from tests.support.s3server import start_s3, stop_s3  # boto3: only when S3 is used

    server = start_s3()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in server.env.items():
            patch.setenv(name, value)
        yield server
    stop_s3(server)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A real redis-server process for the session (tests marked ``redis``)."""
    from tests.support.redisserver import start_redis  # redis: only when Redis is used

    server = start_redis(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session's Redis, emptied for this test."""
    redis_server.flush()
    return redis_server.url


@pytest.fixture(scope="session")
def replica() -> Iterator[Replica]:
    """The replica of the platform, one server process for the whole session."""
    from tests.support.harness import start_replica
    from tests.support.processes import stop

    server = start_replica()
    yield server
    stop(server.process)


@pytest.fixture
def fresh_replica(replica: Replica) -> Iterator[Replica]:
    """The replica with every page as loaded (and no fault planned), before and after."""
    replica.control("reset")
    yield replica
    replica.control("reset")


@pytest.fixture(scope="session")
def platform() -> Iterator[Platform]:
    """20 sites of the platform, a port each, one server process for the whole session."""
    from tests.support.harness import start_platform
    from tests.support.processes import stop

    server = start_platform()
    yield server
    stop(server.process)


@pytest.fixture
def fresh_platform(platform: Platform) -> Iterator[Platform]:
    """Every site as loaded (listings, menus, counts), before and after."""
    platform.control(0, "reset")
    yield platform
    platform.control(0, "reset")


@pytest.fixture
def s3_proxy(s3_server: S3Server) -> Iterator[TcpProxy]:
    """A TCP proxy in front of the S3 server, for outages and slowness."""
    from tests.support.s3server import free_port
    from tests.support.tcpproxy import TcpProxy

    target = int(s3_server.endpoint.rsplit(":", 1)[1])
    tcp = TcpProxy(target, free_port())
    tcp.up()
    yield tcp
    tcp.close()
