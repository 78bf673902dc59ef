#!/usr/bin/env bash
# The whole suite on the dependency floors (.ci/floors.txt: the lowest versions that
# pyproject.toml admits), in a virtual environment of its own (.venv-floors), so that a
# floor that no longer holds fails CI instead of a user's install.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-tools.sh
PYTHON=${PYTHON:-python3}
if [ ! -x .venv-floors/bin/python ]; then
  "$PYTHON" -m venv .venv-floors
fi
.venv-floors/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv-floors/bin/python - <<'PY' > .venv-floors/requirements.txt
import tomllib
dev = tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["dev"]
tools = ("ruff", "mypy", "boto3-stubs", "lxml-stubs")  # lint and types run in .venv
print("\n".join(d for d in dev if not d.startswith(tools)))
PY
.venv-floors/bin/python -m pip install --quiet --disable-pip-version-check \
  -r .ci/floors.txt -r .venv-floors/requirements.txt
.venv-floors/bin/python -m pip check
.venv-floors/bin/python -c 'import scrapy, parsel, pydantic, boto3; print("floors:",
  "scrapy", scrapy.__version__, "parsel", parsel.__version__, "pydantic",
  pydantic.VERSION, "boto3", boto3.__version__)'
export PYTHONDONTWRITEBYTECODE=  # compiled once, not per process (scripts/test.sh)
.venv-floors/bin/python -m pytest -m "not fuzz" -n "${PYTEST_WORKERS:-$((2 * $(nproc)))}" -p no:cacheprovider "$@"
