#!/usr/bin/env bash
# Offline demo: start the replica of the MFA platform on 127.0.0.1, crawl it into
# ./demo-archive twice (the second run shows the incremental behaviour), say where the
# result is, stop the replica.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ARCHIVE=${ARCHIVE:-demo-archive}
log=$(mktemp)
.venv/bin/python -m replica --port "${DEMO_PORT:-8765}" >"$log" 2>&1 &
replica_pid=$!
trap 'kill $replica_pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q '^READY ' "$log" && break; sleep 0.2; done
url=$(sed -n 's/^READY //p' "$log")
[ -n "$url" ] || { echo "the replica did not start:"; cat "$log"; exit 1; }
echo "replica of the MFA platform at $url"
starts="$url/th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4,$url/en/content-category/press-release"
# MEDIA_ENABLED=False: the replica's pictures name the real image host, and the demo
# stays on this machine.
for run in first second; do
  echo "--- $run crawl"
  .venv/bin/scrapy crawl mfa -a "start_urls=$starts" -s ARCHIVE_URI="$ARCHIVE" \
    -s AUTOTHROTTLE_ENABLED=False -s DOWNLOAD_DELAY=0 -s MEDIA_ENABLED=False 2>&1 \
    | sed -n '/Run summary/,/Dumping Scrapy stats/p' | grep -v 'Dumping Scrapy stats'
done
sample=$(find "$ARCHIVE/articles" -path '*aseancanada2020*' -name article.txt | head -1)
echo "--- the archive is in $ARCHIVE/ (articles/<site>/<lang>/<kind>/<slug>/<version>/)"
echo "the sample page's text: $sample"
if cmp -s "$sample" "${MFA_SHARED_DIR:-../shared}/sample/mfa-asean-canada-2020.txt"; then
  echo "it equals the sample document byte for byte"
fi
