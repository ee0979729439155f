#!/usr/bin/env bash
# make demo: serve the demo world (seeds/demo/site) on loopback, crawl it twice (the second
# time with the phase-2 edits switched on, so some stories move), then print the timeline.
# Usage: seeds/demo/run-demo.sh BINARY OUTDIR
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 BINARY OUTDIR" >&2
    exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
mkdir -p "$2"
out="$(cd "$2" && pwd)"

if [ ! -x "$bin" ]; then
    echo "demo: $1 is not built (run 'make build' first)" >&2
    exit 1
fi
command -v python3 >/dev/null || { echo "demo: python3 is needed for the test server" >&2; exit 1; }

# A fresh database each time, so the demo always tells the same story.
rm -rf "$out/db" "$out/warc" "$out/server"
mkdir -p "$out/server"
port_file="$out/server/port"
control="$out/server/control.json"
echo '{"phase": 1}' > "$control"

# The server stops by itself after 10 minutes, and as soon as this script is gone.
python3 "$root/tests/server/rwserve.py" --root "$root/seeds/demo/site" --overlay "$root/seeds/demo/phase2" \
    --bind 127.0.0.1 --port-file "$port_file" --control "$control" --log "$out/server/requests.jsonl" \
    --max-seconds 600 --parent-pid $$ > "$out/server/output.txt" 2>&1 &
server_pid=$!
stop_server() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
trap stop_server EXIT INT TERM

for _ in $(seq 1 200); do
    [ -s "$port_file" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "demo: the test server did not start:" >&2
        cat "$out/server/output.txt" >&2
        exit 1
    fi
    sleep 0.1
done
if [ ! -s "$port_file" ]; then
    echo "demo: the test server did not report a port within 20 s" >&2
    exit 1
fi
port="$(cat "$port_file")"

crawl() {
    "$bin" crawl --config "$root/seeds/demo/outlets.json" --topic "$root/seeds/topics/apple-alibaba.json" \
        --db "$out/db" --connect-to "::127.0.0.1:$port" --warc "$out/warc" --log "$out/crawl-log.jsonl" "$@"
}

echo "== Crawling the demo world (10 outlets on http://127.0.0.1:$port, virtual hosts)"
crawl
echo
echo "== Second crawl: some articles were edited since (conditional requests; unchanged pages answer 304)"
tmp="$control.tmp"
echo '{"phase": 2}' > "$tmp" && mv "$tmp" "$control"
crawl --refresh
echo

echo "== Timeline"
if ! "$bin" timeline --db "$out/db" 2>"$out/timeline-error.txt"; then
    # Until the timeline command lands, show the articles by date through search.
    echo "(timeline: $(head -c 200 "$out/timeline-error.txt"); showing a date-sorted search instead)"
    "$bin" search "Apple Alibaba" --db "$out/db" --sort date --limit 60 || true
fi

echo
echo "The database is in $out/db, the captured pages (WARC) in $out/warc,"
echo "the crawl log in $out/crawl-log.jsonl. Go on with, for example:"
echo "  $bin search 'Alibaba Apple' --db $out/db"
echo "  $bin search 阿里巴巴 --db $out/db --status confirmed"
echo "  $bin stats --db $out/db"
