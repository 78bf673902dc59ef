"""What each package may import (docs/architecture.md), checked on the code's own imports:
a rule broken by a change fails here, not in a reviewer's memory."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGES = ("crawler", "schemas", "replica", "bench")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            parts = path.relative_to(REPO).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


@functools.cache
def imports(path: Path) -> frozenset[str]:
    """Every module ``path`` imports, at the top or inside a function (what runs, not
    what only the type checker reads)."""
    return frozenset(_imports(path))


def _imports(path: Path) -> Iterator[str]:
    skipped: set[int] = set()
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _type_checking(node):
            skipped.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


RULES: list[tuple[str, tuple[str, ...], tuple[str, ...], str]] = [
    ("schemas", (), ("crawler", "replica", "tests", "bench"), "the contract imports no crawler"),
    ("crawler", (), ("tests", "replica", "bench"), "the crawler imports no test code"),
    ("crawler.state", (), ("crawler.warc",), "the state reads no WARC file"),
    ("crawler.scaleout", (), ("crawler.spiders",), "the shared scheduler knows no spider"),
    (
        "crawler.platforms",
        (),
        ("crawler.storage", "crawler.state", "crawler.pipelines", "crawler.spiders"),
        "reading a page touches no storage, state, pipeline or spider",
    ),
    ("crawler.pipelines", (), ("parsel", "lxml", "crawler.platforms"), "pipelines read no HTML"),
    ("crawler.spiders", (), ("crawler.storage", "boto3"), "spiders never touch storage"),
    (
        "crawler.storage",
        (),
        ("scrapy.crawler", "scrapy.http", "scrapy.spiders", "crawler.spiders"),
        "storage knows no crawl objects",
    ),
    (
        "crawler.state",
        (),
        ("scrapy.crawler", "scrapy.http", "scrapy.spiders", "crawler.spiders"),
        "the state knows no crawl objects",
    ),
    ("crawler", ("crawler.storage.s3",), ("boto3", "botocore"), "boto3 is the S3 backend's"),
    (
        "crawler",
        ("crawler.state.redis", "crawler.scaleout"),
        ("redis", "scrapy_redis"),
        "redis is the Redis backend's and the scale-out's",
    ),
]


@pytest.mark.parametrize(("where", "allowed", "banned", "why"), RULES, ids=[r[3] for r in RULES])
def test_what_each_package_may_import(
    where: str, allowed: tuple[str, ...], banned: tuple[str, ...], why: str
) -> None:
    broken = [
        f"{module} imports {name}"
        for module, path in MODULES.items()
        if _under(module, (where,)) and not _under(module, allowed)
        for name in imports(path)
        if _under(name, banned)
    ]
    assert not broken, f"{why}: {sorted(broken)}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_back() -> None:
    """No import cycle among the project's modules (lazy imports counted too).  A
    package's ``__init__`` that names its own modules (a backend chosen by URI scheme) is
    its face, not a cycle of code: those edges are left out, no others."""
    assert len(MODULES) > 100  # the project was found
    graph = {
        module: {
            name
            for name in imports(path)
            if name in MODULES and name != module and not name.startswith(module + ".")
        }
        for module, path in MODULES.items()
    }
    assert not _cycles(graph)
