#!/usr/bin/env bash
# What the tests start besides Python: redis-server (the Redis tier), Chromium with a Thai
# font (the report's test, screenshots), and pywb and wacz (the WARC tests) in an
# environment of their own, .venv-tools (pywb pins redis and warcio versions the crawler
# cannot share). Debian's packages are installed when this runs as root (CI), else
# named for the operator to install. Called by scripts/test.sh; the crawler needs none
# of it. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
debian_package() {  # package
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null; }
  else
    echo "test-tools: $1 is not installed (apt-get install $1); the tests that need it fail" >&2
  fi
}
command -v redis-server >/dev/null || debian_package redis-server
command -v chromium >/dev/null || debian_package chromium
fc-list :lang=th 2>/dev/null | grep -q . || debian_package fonts-thai-tlwg
PYTHON=${PYTHON:-python3}
if [ ! -x .venv-tools/bin/wayback ] || [ ! -x .venv-tools/bin/wacz ]; then
  "$PYTHON" -m venv .venv-tools
  .venv-tools/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv-tools/bin/python -m pip install --quiet --disable-pip-version-check \
    "pywb==2.10.0" "wacz==0.6.0"
fi
