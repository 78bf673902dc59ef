#!/usr/bin/env bash
# Create .venv (if missing) and install the project's dependencies and dev tools into it.
# The project runs from this checkout (scrapy.cfg, python -m ...); `pip install .` makes
# it a package for other projects. Safe to run again: pip only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
# The tests start real programs: redis-server (the Redis tier) and Chromium, with a Thai
# font, to look at the HTML report. Debian's packages, installed when this runs as root
# (CI), else named for the operator to install.
debian_package() {  # package
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null; }
  else
    echo "setup: $1 is not installed (apt-get install $1); the tests that need it fail" >&2
  fi
}
command -v redis-server >/dev/null || debian_package redis-server
command -v chromium >/dev/null || debian_package chromium
fc-list :lang=th 2>/dev/null | grep -q . || debian_package fonts-thai-tlwg
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python - <<'PY' > .venv/requirements.txt
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["dev"]))
PY
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r .venv/requirements.txt
# pywb and wacz, which the WARC tests check the crawler's files with, in an environment
# of their own: pywb pins redis and warcio versions the crawler cannot share.
if [ ! -x .venv-tools/bin/wayback ] || [ ! -x .venv-tools/bin/wacz ]; then
  "$PYTHON" -m venv .venv-tools
  .venv-tools/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv-tools/bin/python -m pip install --quiet --disable-pip-version-check \
    "pywb==2.10.0" "wacz==0.6.0"
fi
