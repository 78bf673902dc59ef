"""An HTTP proxy in front of the S3 server that answers some requests 503 SlowDown.

AWS S3 throttles with ``503 SlowDown``; a client must back off and retry.  This proxy
forwards every request to the real server (moto) unchanged, except every ``every``-th
one, which gets S3's throttling error instead -- so the retries are real HTTP exchanges.
"""

from __future__ import annotations

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_DOWN = (
    b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code>'
    b"<Message>Please reduce your request rate.</Message></Error>"
)


class ThrottlingProxy:
    """127.0.0.1:<port> -> 127.0.0.1:<target>, throttling every ``every``-th request --
    but never one request (method and path) twice in a row: with concurrent uploads the
    same upload's retries could otherwise all fall on a throttled turn, which would test
    the interleaving, not the client's backoff."""

    def __init__(self, target_port: int, every: int) -> None:
        self.target_port, self.every = target_port, every
        self.requests = self.throttled = 0
        self._last_throttled: set[tuple[str, str]] = set()
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            # HTTP/1.1, so that botocore's "Expect: 100-continue" is answered at once
            # (an HTTP/1.0 server leaves every upload waiting a second for it)
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return

            def _relay(self) -> None:
                with proxy._lock:
                    proxy.requests += 1
                    request = (self.command, self.path)
                    again = request in proxy._last_throttled
                    throttle = proxy.requests % proxy.every == 0 and not again
                    if throttle:
                        proxy._last_throttled.add(request)
                    else:
                        proxy._last_throttled.discard(request)
                    proxy.throttled += throttle
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if throttle:
                    self.send_response(503)
                    self.send_header("Content-Type", "application/xml")
                    self.send_header("Content-Length", str(len(SLOW_DOWN)))
                    self.end_headers()
                    self.wfile.write(SLOW_DOWN)
                    return
                upstream = http.client.HTTPConnection("127.0.0.1", proxy.target_port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
                upstream.request(self.command, self.path, body=body, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                upstream.close()

            do_GET = do_PUT = do_HEAD = do_POST = do_DELETE = _relay  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
