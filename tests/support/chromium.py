"""Debian's headless Chromium, driven through the DevTools protocol on loopback, for the
tests that look at the HTML report as a reader does: open a page, click, type, read
what is shown, save a screenshot.

Started per test with a profile of its own, its DevTools port chosen by Chromium
(``--remote-debugging-port=0``, read from its first lines), stopped by PID.  Every host
name but 127.0.0.1 resolves to nothing (``--host-resolver-rules``) and the background
services that call home are off: the browser reaches no other address.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import time
import urllib.request
from itertools import count
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

from tests.support.processes import stop

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-pings",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-breakpad",
    "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--dns-prefetch-disable",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
    "--window-size=1200,900",
    "--lang=th",
)
LISTENING = re.compile(r"DevTools listening on (ws://127\.0\.0\.1:(\d+)/\S+)")


class Chromium:
    """One headless browser and its one tab."""

    def __init__(self, profile: Path) -> None:
        executable = shutil.which("chromium") or shutil.which("chromium-browser")
        if executable is None:
            raise RuntimeError("chromium is not installed (apt-get install chromium)")
        thai = subprocess.run(["fc-list", ":lang=th"], capture_output=True, text=True, check=False)
        if not thai.stdout.strip():  # Thai would be drawn as boxes in every screenshot
            raise RuntimeError("no Thai font is installed (apt-get install fonts-thai-tlwg)")
        self.log = profile.with_name(profile.name + ".log")  # a file: a pipe left unread fills
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        port = self._port()
        deadline = time.monotonic() + 30
        while True:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as answer:
                pages = [t for t in json.load(answer) if t["type"] == "page"]
            if pages or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.tab: ClientConnection = connect(pages[0]["webSocketDebuggerUrl"], max_size=None)
        self.ids = count(1)
        self.events: list[dict[str, Any]] = []
        self.send("Page.enable")
        self.send("Runtime.enable")

    def _port(self) -> int:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            found = LISTENING.search(self.log.read_text("utf-8", errors="replace"))
            if found:
                return int(found.group(2))
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        stop(self.process)
        raise RuntimeError("chromium did not open its DevTools port")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Call a DevTools method and wait for its answer (events meanwhile are kept)."""
        ident = next(self.ids)
        self.tab.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.tab.recv(timeout=60))
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def _loaded(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if any(e.get("method") == "Page.loadEventFired" for e in self.events):
                self.events.clear()
                return
            self.events.append(json.loads(self.tab.recv(timeout=60)))
        raise TimeoutError("the page did not load")

    def open(self, url: str) -> None:
        self.events.clear()
        self.send("Page.navigate", url=url)
        self._loaded()

    def click(self, selector: str) -> None:
        """Click the element ``selector`` names (a link: wait for the next page)."""
        self.events.clear()
        is_link = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            f" e.click(); return e.tagName === 'A'; }})()"
        )
        if is_link:
            self._loaded()

    def type(self, selector: str, text: str) -> None:
        """Focus ``selector`` and type ``text`` into it as a keyboard would."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", text=text)

    def choose(self, selector: str, value: str) -> None:
        """Pick ``value`` in the ``<select>`` ``selector`` (as a reader's choice fires it)."""
        self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            f" e.value = {json.dumps(value)};"
            " e.dispatchEvent(new Event('input', {bubbles: true})); })()"
        )

    def evaluate(self, expression: str) -> Any:
        answer = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def visible_text(self, selector: str = "body") -> str:
        """What a reader sees of ``selector`` (hidden rows and closed details left out)."""
        return str(self.evaluate(f"document.querySelector({json.dumps(selector)}).innerText"))

    def screenshot(self, path: Path) -> Path:
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        try:
            self.tab.close()
        finally:
            stop(self.process)
