"""A real S3-compatible server process for the tests: moto's standalone server.

Started once per test session on a free loopback port (``moto_server -H 127.0.0.1 -p
PORT``), waited for over HTTP and stopped by PID.  With ``S3_TEST_ENDPOINT`` set the
same suites run against that server instead (e.g. MinIO), with the credentials of the
environment.  Every test gets a bucket of its own.  The client is never patched: all
traffic is HTTP to the server process.
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

from crawler.storage.s3 import S3Storage
from tests.support.processes import stop

FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "AKIAMFAARCHIVETESTKEY",
    "AWS_SECRET_ACCESS_KEY": "mfa-archive-test-secret-DO-NOT-LOG-0123456789",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class S3Server:
    """Where the S3 server is and the environment a client needs to reach only it."""

    endpoint: str
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    buckets: list[str] = field(default_factory=list)

    @functools.cached_property
    def admin(self) -> Any:
        """One client for the tests' own requests (a new boto3 session parses botocore's
        service models again: a tenth of a second of CPU each)."""
        return boto3.session.Session(
            aws_access_key_id=self.env["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=self.env["AWS_SECRET_ACCESS_KEY"],
            region_name=self.env["AWS_DEFAULT_REGION"],
        ).client("s3", endpoint_url=self.endpoint, config=Config(s3={"addressing_style": "path"}))

    def new_bucket(self) -> str:
        name = f"mfa-test-{uuid.uuid4().hex[:12]}"
        self.admin.create_bucket(Bucket=name)
        self.buckets.append(name)
        return name

    def copy_archive(self, root: Path) -> str:
        """A new bucket holding every key of the local archive at ``root``; its URI."""
        from crawler.storage.local import LocalStorage

        bucket = self.new_bucket()
        remote, local = s3_archive(bucket), LocalStorage(root)
        for key in local.list(""):
            data = local.get(key)
            assert data is not None, key
            remote.put(key, data, "application/octet-stream")
        return f"s3://{bucket}/archive"


def _environment(endpoint: str) -> dict[str, str]:
    env = {
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_DEFAULT_REGION": os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
        "AWS_EC2_METADATA_DISABLED": "true",  # never ask 169.254.169.254 for credentials
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }
    if os.environ.get("S3_TEST_ENDPOINT"):
        env.update({k: os.environ[k] for k in FAKE_CREDENTIALS if k in os.environ})
    else:
        env.update(FAKE_CREDENTIALS)
    return env


def moto_command(port: int) -> list[str]:
    executable = shutil.which("moto_server", path=str(Path(sys.executable).parent)) or "moto_server"
    return [executable, "-H", "127.0.0.1", "-p", str(port)]


def wait_until_up(endpoint: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(endpoint + "/", timeout=2).read()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"S3 server at {endpoint} did not come up")


def start_moto(port: int | None = None) -> S3Server:
    port = port or free_port()
    process = subprocess.Popen(
        moto_command(port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(endpoint)
    except RuntimeError:
        process.kill()
        raise
    return S3Server(endpoint=endpoint, env=_environment(endpoint), process=process)


def start_s3() -> S3Server:
    """The configured S3 server: ``S3_TEST_ENDPOINT``, else a new moto server."""
    if os.environ.get("S3_TEST_ENDPOINT"):
        endpoint = os.environ["S3_TEST_ENDPOINT"].rstrip("/")
        return S3Server(endpoint=endpoint, env=_environment(endpoint))
    return start_moto()


def stop_s3(server: S3Server) -> None:
    if server.process is not None:
        stop(server.process)


def archive_settings(bucket: str, workdir: Path, **extra: str) -> dict[str, str]:
    """Crawl settings for an archive in ``bucket`` (its local state under ``workdir``)."""
    return {
        "ARCHIVE_URI": f"s3://{bucket}/archive",
        "S3_ADDRESSING_STYLE": "path",
        "STATE_DIR": str(workdir / "state"),
        **extra,
    }


@functools.cache
def _archive_client() -> Any:
    """A client as the crawler configures one for ``ARCHIVE_URI`` (path addressing, the
    session's S3 server from the environment), made once for every bucket read."""
    from crawler.storage import open_storage

    storage = open_storage("s3://any/archive", {"addressing_style": "path"})
    assert isinstance(storage, S3Storage)
    return storage.client


def s3_archive(bucket: str) -> S3Storage:
    """The archive under ``s3://<bucket>/archive``, through the one client above."""
    return S3Storage(_archive_client(), bucket, "archive")


def bucket_objects(bucket: str) -> dict[str, bytes]:
    """Every object of the archive in ``bucket``, by key (read through the S3 server)."""
    storage = s3_archive(bucket)
    return {key: storage.get(key) or b"" for key in storage.list("")}
