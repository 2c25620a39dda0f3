#!/usr/bin/env bash
# Load figures for `corroborate serve` (issue 8): wrk for 30 s on a story page, its brief
# through the API, and /api/search for each query, on loopback, against the release binary.
#
#   scripts/load-test.sh [DB]
#
# Without DB, a store is built from examples/ with `corroborate ingest`. Settings through the
# environment: DURATION (30s), THREADS (2), CONNECTIONS (32), ADDR (127.0.0.1:8089),
# QUERIES (URL-encoded, separated by spaces; default entity:"Niamh Calloway" votes; QUERY
# is read too), STORY (default: the newest). The load average is printed before each run:
# other work on the machine changes the figures.
# wrk runs on the same machine as the server, so on 2 cores the two share the CPU.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
ADDR=${ADDR:-127.0.0.1:8089}
QUERIES=${QUERIES:-${QUERY:-entity%3A%22Niamh%20Calloway%22%20votes}}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
cargo build --release --quiet -p corroborate-cli
BIN=target/release/corroborate
WORK=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

DB=${1:-}
if [ -z "$DB" ]; then
  DB=$WORK/demo.db
  "$BIN" ingest examples --db "$DB" >/dev/null
fi

"$BIN" serve --db "$DB" --addr "$ADDR" >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do
  if curl -sf "http://$ADDR/" >/dev/null; then break; fi
  sleep 0.1
done
STORY=${STORY:-$(curl -sf "http://$ADDR/api/stories?limit=1" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["stories"][0]["id"])')}

echo "== store: $DB ($(du -h "$DB" | cut -f1)); story $STORY; queries $QUERIES"
curl -sf "http://$ADDR/api/stories?limit=1" | python3 -c 'import json, sys; print("stories:", json.load(sys.stdin)["total"])'
run() {
  echo "== GET $1 (load $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://$ADDR$1"
}
run "/stories/$STORY"
run "/api/stories/$STORY"
for query in $QUERIES; do
  run "/api/search?q=$query"
done
