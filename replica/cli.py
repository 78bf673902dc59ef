"""``python -m replica``: the replica of the platform on 127.0.0.1 (see
:mod:`replica.server` for its routes, :mod:`replica.platform_server` for ``--sites``)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import cast

from twisted.internet import reactor
from twisted.internet.interfaces import IReactorCore, IReactorTCP
from twisted.web.server import Site

from replica.generated import generated_pages
from replica.media import serve_media_at
from replica.platform_server import serve_platform
from replica.scenarios import SCENARIOS, bilingual
from replica.server import ROBOTS, Replica
from replica.server import __doc__ as server_doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m replica", description=server_doc)
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--seed", type=int, default=None, help="fix class names and layouts")
    parser.add_argument(
        "--layouts",
        choices=("fuzz", "classic"),
        default="fuzz",
        help="a layout per page drawn from the seed (fuzz), or the replica's first look",
    )
    default_shared = Path(__file__).resolve().parents[1].parent / "shared"
    parser.add_argument(
        "--content",
        choices=("corpus", *SCENARIOS),
        default="corpus",
        help="the shared sample and corpus, or a bilingual site with translations",
    )
    parser.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("MFA_SHARED_DIR", default_shared))
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=0,
        help="a site of N articles: the corpus cycled, dates over the ten years before today",
    )
    parser.add_argument(
        "--sites",
        type=int,
        default=0,
        help="N sites of the platform, a port each (replica/platform.py), instead of one",
    )
    parser.add_argument(
        "--media",
        action="store_true",
        help="serve the pages' pictures and files here (/mfa/...), not on the image host",
    )
    args = parser.parse_args(argv)
    if not args.host.startswith("127."):
        parser.error("the replica listens on loopback only (127.0.0.0/8)")
    if args.sites:
        return serve_platform(args.shared, args.sites, args.seed or 0, args.host, args.port, ROBOTS)
    pages = bilingual(args.content)[0] if args.content in SCENARIOS else None
    if args.articles:
        pages = generated_pages(args.shared, args.articles, date.today())
    replica = Replica(args.shared, args.seed, args.layouts == "fuzz", pages)
    site = Site(replica)  # type: ignore[no-untyped-call]
    site.noisy = False
    tcp, core = cast("IReactorTCP", reactor), cast("IReactorCore", reactor)
    port = tcp.listenTCP(args.port, site, interface=args.host)  # type: ignore[arg-type]
    address = port.getHost()  # type: ignore[misc]
    if args.media:
        replica.media = True
        serve_media_at(f"http://{args.host}:{address.port}")
    print(f"READY http://{args.host}:{address.port}", flush=True)
    core.run()  # type: ignore[misc]
    return 0


if __name__ == "__main__":
    sys.exit(main())
