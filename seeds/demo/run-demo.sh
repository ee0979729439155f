#!/usr/bin/env bash
# `make demo`: serve the demo world on loopback, crawl it twice (between the two crawls
# some articles are edited), print the rumor's timeline and write its exports.
# usage: run-demo.sh RUMORWATCH_BINARY OUTDIR
set -euo pipefail
bin=$(realpath "${1:?usage: run-demo.sh RUMORWATCH_BINARY OUTDIR}")
out=${2:?usage: run-demo.sh RUMORWATCH_BINARY OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
topic="$top/seeds/topics/apple-alibaba.json"

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d /tmp/rumorwatch-demo.XXXXXX)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# The world's host names (www.pacific-wire.example, ...) do not resolve: every request
# goes to this one loopback server, which picks the site from the Host header.
python3 "$top/tests/server/rwserve.py" --root "$here/site" --overlay "$here/phase2" \
    --port 0 --port-file "$work/port" --control "$work/control.json" --log "$out/server-log.jsonl" \
    --max-seconds 900 --parent-pid $$ >"$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do [ -s "$work/port" ] && break; sleep 0.2; done
[ -s "$work/port" ] || { cat "$work/server.out" >&2; echo "demo: the test server did not start" >&2; exit 1; }
port=$(cat "$work/port")

crawl() {
    "$bin" crawl --config "$here/outlets.json" --topic "$topic" --db "$out/db" --warc "$out/warc" \
        --connect-to "::127.0.0.1:$port" "$@"
}
echo "== crawl 1 of 2: the demo world as first published (http://127.0.0.1:$port)"
crawl
echo '{"phase": 2}' >"$work/control.json"
echo
echo "== crawl 2 of 2: the same world later, with some articles edited (conditional requests)"
crawl --refresh
echo

timeline() { "$bin" timeline --db "$out/db" --topic "$topic" "$@"; }
timeline --bucket month | tee "$out/timeline.txt"
timeline --format json -o "$out/timeline.json"
timeline --format csv -o "$out/timeline.csv"
timeline --format md -o "$out/timeline.md"
timeline --format html --bucket week -o "$out/timeline.html"
timeline --format atom -o "$out/timeline.atom"
timeline --articles --format csv --config "$here/outlets.json" -o "$out/articles.csv"
"$bin" search Alibaba --expand --db "$out/db" --histogram week --format csv >"$out/attention.csv"
if python3 "$top/tests/support/chromium_check.py" "$out/timeline.html" --screenshot "$out/timeline.png" \
    --size 1200,900 --full-page >"$work/chromium.json" 2>"$work/chromium.err"; then
    :
else
    echo "demo: warning: no screenshot (headless Chromium failed; see 'make deps')" >&2
fi

echo
echo "demo: wrote $out/: db/ (the index), warc/ (captured responses), timeline.{txt,json,csv,md,html,png,atom}, articles.csv, attention.csv"
echo "demo: go on with, for example:"
echo "  $bin search 'alibaba chairman' --db $out/db"
echo "  $bin search '阿里巴巴 AND status:confirmed' --db $out/db --facets"
echo "  $bin timeline --db $out/db --bucket week --since 2025-02-01 --until 2025-06-30"
