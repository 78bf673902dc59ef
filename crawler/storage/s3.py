"""S3-compatible backend (AWS S3, MinIO, Ceph RGW, Cloudflare R2, ...) through boto3.

``ARCHIVE_URI=s3://bucket/prefix``.  Endpoint, region, addressing style and
credentials come from the settings and the standard AWS configuration chain
(``AWS_ENDPOINT_URL``, ``AWS_PROFILE``, ``~/.aws/config``, environment, instance
roles), so MinIO and R2 need no code.  Credentials are never read or logged here.

Guarantees, the same as the local backend's:

* every object is written whole by one PutObject with its SHA-256 checksum, which
  the server verifies (a truncated upload is refused, never stored);
* ``create_only`` writes use ``If-None-Match: *``; "already there with the same
  bytes" is success, other bytes are a refusal (False);
* throttling, 5xx and connection errors are retried by botocore's ``standard`` mode
  (exponential backoff with jitter), up to ``S3_MAX_ATTEMPTS`` attempts; what still
  fails raises :class:`StorageError` and the caller spools it.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import boto3
from boto3.exceptions import S3UploadFailedError
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, ConnectionError, HTTPClientError

from crawler.storage import StorageError, StoreUnavailable
from crawler.storage.keys import check_key

if TYPE_CHECKING:
    from mypy_boto3_s3.client import S3Client

# boto's debug logs carry request headers; keep them out of the crawl's log.
for _name in ("boto3", "botocore", "urllib3", "s3transfer"):
    logging.getLogger(_name).setLevel(logging.WARNING)

_ABSENT = {"404", "NoSuchKey", "NotFound"}
_PRECONDITION = {"412", "PreconditionFailed"}
_CONFLICT = {"409", "ConditionalRequestConflict"}


TRANSFER = TransferConfig(
    multipart_threshold=64 * 1024**2,
    multipart_chunksize=64 * 1024**2,
    max_concurrency=2,
    use_threads=True,
)
"""Large files (WARC files) go up in 64 MiB parts, two at a time (the connection pool has
two connections beyond the store's threads): memory stays at a few parts whatever the
file's size.  A multipart upload a killed crawl left behind is invisible but billed:
infra/README.md names the bucket rule that removes it."""


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


_TRANSIENT_CODES = {"SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout"}


def _transient(error: Exception) -> bool:
    """A store that does not answer now (no connection, a timeout, 5xx, throttling), as
    against one that answers no (no such bucket, access denied, bad credentials)."""
    if isinstance(error, ClientError):
        status = int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
        return status >= 500 or _code(error) in _TRANSIENT_CODES
    return isinstance(error, (ConnectionError, HTTPClientError))


class S3Storage:
    """An archive under ``s3://bucket/prefix``."""

    def __init__(self, client: S3Client, bucket: str, prefix: str = "") -> None:
        self.client, self.bucket = client, bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.location = f"s3://{bucket}/{self.prefix}"
        self.transfer = TRANSFER

    @classmethod
    def from_uri(cls, uri: str, options: dict[str, Any]) -> S3Storage:
        parts = urlsplit(uri)
        if not parts.netloc:
            raise StorageError(f"no bucket in ARCHIVE_URI {uri!r} (use s3://bucket/prefix)")
        concurrency = int(options.get("max_concurrency") or 8)
        config = Config(
            max_pool_connections=concurrency + 2,
            retries={
                "mode": "standard",
                "total_max_attempts": int(options.get("max_attempts") or 5),
            },
            connect_timeout=float(options.get("connect_timeout") or 10),
            read_timeout=float(options.get("read_timeout") or 60),
            s3={"addressing_style": options.get("addressing_style") or "auto"},
        )
        session = boto3.session.Session()
        client = session.client(
            "s3",
            endpoint_url=options.get("endpoint_url") or None,
            region_name=options.get("region_name") or None,
            config=config,
        )
        return cls(client, parts.netloc, parts.path)

    def _key(self, key: str) -> str:
        return self.prefix + check_key(key)

    def _fail(self, action: str, key: str, error: Exception) -> StorageError:
        detail = _code(error) if isinstance(error, ClientError) else type(error).__name__
        message = str(error).split("\n")[0][:200]
        kind = StoreUnavailable if _transient(error) else StorageError
        return kind(f"cannot {action} {self.location}{key}: {detail}: {message}")

    def put(
        self,
        key: str,
        data: bytes,
        content_type: str,
        *,
        create_only: bool = False,
        durable: bool = True,
    ) -> bool:
        """Write one object; S3 acknowledges a PUT once the object is durable."""
        checksum = base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")
        request: dict[str, Any] = {
            "Bucket": self.bucket,
            "Key": self._key(key),
            "Body": data,
            "ContentType": content_type,
            "ChecksumAlgorithm": "SHA256",
            "ChecksumSHA256": checksum,
        }
        if create_only:
            request["IfNoneMatch"] = "*"
        for _attempt in range(3):  # a 409 means a concurrent conditional write: ask again
            try:
                self.client.put_object(**request)
                return True
            except ClientError as error:
                code = _code(error)
                if create_only and code in _PRECONDITION:
                    return self._holds(key, checksum)
                if code not in _CONFLICT:
                    raise self._fail("write", key, error) from None
            except BotoCoreError as error:
                raise self._fail("write", key, error) from None
        raise StorageError(f"cannot write {self.location}{key}: conflicting writers")

    def put_all(self, objects: Sequence[tuple[str, bytes, str]]) -> bool:
        """One conditional PUT each, in order (each is durable once acknowledged)."""
        return all(self.put(key, data, kind, create_only=True) for key, data, kind in objects)

    def put_file(self, key: str, source: Path, content_type: str) -> None:
        """A multipart upload (boto3's managed transfer, parts read from the file): the
        object exists only once the upload completes; a failed one is aborted."""
        extra = {"ContentType": content_type, "ChecksumAlgorithm": "SHA256"}
        try:
            self.client.upload_file(
                str(source), self.bucket, self._key(key), ExtraArgs=extra, Config=self.transfer
            )
        except (ClientError, BotoCoreError, S3UploadFailedError, OSError) as error:
            raise self._fail("write", key, error) from None

    def _holds(self, key: str, checksum: str) -> bool:
        """Whether the object at ``key`` has exactly the bytes of ``checksum``."""
        try:
            head = self.client.head_object(
                Bucket=self.bucket, Key=self._key(key), ChecksumMode="ENABLED"
            )
        except (ClientError, BotoCoreError) as error:
            raise self._fail("check", key, error) from None
        stored = head.get("ChecksumSHA256")
        if stored is None:  # a store that keeps no checksum: compare the bytes
            return hashlib.sha256(self.get(key) or b"").digest() == base64.b64decode(checksum)
        return stored == checksum

    def get(self, key: str) -> bytes | None:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=self._key(key))
            return response["Body"].read()
        except ClientError as error:
            if _code(error) in _ABSENT:
                return None
            raise self._fail("read", key, error) from None
        except BotoCoreError as error:
            raise self._fail("read", key, error) from None

    def delete(self, key: str) -> None:
        try:
            self.client.delete_object(Bucket=self.bucket, Key=self._key(key))
        except (ClientError, BotoCoreError) as error:
            raise self._fail("remove", key, error) from None

    def get_range(self, key: str, offset: int, length: int) -> bytes | None:
        byte_range = f"bytes={offset}-{offset + length - 1}"
        try:
            response = self.client.get_object(
                Bucket=self.bucket, Key=self._key(key), Range=byte_range
            )
            data: bytes = response["Body"].read()
            return data
        except ClientError as error:
            if _code(error) in _ABSENT:
                return None
            if _code(error) == "InvalidRange":  # past the object's end: no bytes there
                return b""
            raise self._fail("read", key, error) from None
        except BotoCoreError as error:
            raise self._fail("read", key, error) from None

    def close(self) -> None:
        self.client.close()

    def list(self, prefix: str) -> Iterator[str]:
        paginator = self.client.get_paginator("list_objects_v2")
        start = self.prefix + (check_key(prefix.rstrip("/")) + "/" if prefix.strip("/") else "")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=start):
                for entry in page.get("Contents", []):
                    yield entry["Key"][len(self.prefix) :]
        except (ClientError, BotoCoreError) as error:
            raise self._fail("list", prefix, error) from None
