#!/usr/bin/env bash
# The project's test command: set up (the project, then what the tests start), then
# lint (ruff), type-check (mypy --strict), and every test tier (plain `pytest` runs the
# unit tier only), spread over the machine's cores (pytest-xdist; PYTEST_WORKERS, default
# two per core: many tests wait on servers, sleeps and child processes). The layout fuzzer at length (-m fuzz) is CI's, after this (.ci/run). Extra
# arguments go to pytest, e.g. `bash scripts/test.sh -k dates` or `bash scripts/test.sh -m faults`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/test-tools.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
# The project's modules compiled once, not in every process the tests start (an environment
# may ask Python not to write bytecode: the caches go in __pycache__/, which git ignores).
export PYTHONDONTWRITEBYTECODE=
.venv/bin/python -m pytest -m "not fuzz" -n "${PYTEST_WORKERS:-$((2 * $(nproc)))}" "$@"
