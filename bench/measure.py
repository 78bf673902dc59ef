"""Running a crawl process under ``/usr/bin/time -v`` and reading what it measured."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Measure:
    """One crawl (or several processes at once), measured."""

    name: str
    articles: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    requests: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_article(self) -> float:
        return 1000 * self.cpu_seconds / self.articles if self.articles else 0.0


@dataclass
class Timing:
    output: str
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float


def timed(commands: list[list[str]], cwd: Path, env: dict[str, str]) -> list[Timing]:
    """Run the commands at once, each under /usr/bin/time -v, and wait for all.

    Their output goes to files, not pipes: a process whose pipe nobody reads while the
    harness waits for another blocks on its next log line (workers of one crawl would
    then wait for each other for ever)."""
    with tempfile.TemporaryDirectory(prefix="mfa-bench-out-") as folder:
        outputs = [Path(folder) / f"{n}.out" for n in range(len(commands))]
        reports = [Path(folder) / f"{n}.time" for n in range(len(commands))]
        runs = zip(commands, outputs, reports, strict=True)
        processes = [_start(command, cwd, env, out, report) for command, out, report in runs]
        for process in processes:
            process.wait()
        timings = []
        for command, process, out, path in zip(commands, processes, outputs, reports, strict=True):
            stdout, report = out.read_text("utf-8", "replace"), path.read_text("utf-8", "replace")
            if process.returncode not in (0, 1):
                raise RuntimeError(
                    f"{command[:5]} failed ({process.returncode}):\n{stdout[-3000:]}"
                )
            timings.append(_timing(stdout, report))
    return timings


def _timing(stdout: str, report: str) -> Timing:
    wall = _field(report, r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)")
    seconds = sum(float(p) * 60**i for i, p in enumerate(reversed(wall.split(":"))))
    cpu = float(_field(report, r"User time \(seconds\): ([\d.]+)")) + float(
        _field(report, r"System time \(seconds\): ([\d.]+)")
    )
    rss = float(_field(report, r"Maximum resident set size \(kbytes\): (\d+)")) / 1024
    return Timing(stdout + report, seconds, cpu, rss)


def _start(
    command: list[str], cwd: Path, env: dict[str, str], out: Path, report: Path
) -> subprocess.Popen[bytes]:
    with out.open("wb") as sink:
        return subprocess.Popen(
            ["/usr/bin/time", "-v", "-o", str(report), *command],
            cwd=cwd,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )


def _field(report: str, pattern: str) -> str:
    match = re.search(pattern, report)
    if match is None:
        raise RuntimeError(f"no {pattern!r} in:\n{report[-2000:]}")
    return match.group(1)


def table(rows: list[tuple[int, Measure]]) -> str:
    head = (
        f"{'articles':>8}  {'run':<38} {'art/s':>7} {'cpu ms/art':>10} {'wall s':>7}"
        f" {'RSS MB':>7} {'requests':>8}"
    )
    lines = [head, "-" * len(head)]
    for size, m in rows:
        lines.append(
            f"{size:>8}  {m.name:<38} {m.rate:>7.0f} {m.cpu_ms_per_article:>10.2f} "
            f"{m.seconds:>7.1f} {m.peak_rss_mb:>7.0f} {m.requests or '':>8}"
        )
    return "\n".join(lines)
