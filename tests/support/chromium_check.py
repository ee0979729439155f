#!/usr/bin/env python3
"""Opens an HTML file in headless Chromium and reports what happened, as JSON on stdout:
{"console": [...], "requests": [...], "dom": "...", "screenshot": path|null}.

"console" holds every console message (errors, CSP violations, uncaught exceptions);
"requests" every URL the page made the browser fetch, read from Chromium's NetLog, minus
the browser's own service traffic (update checks and the like), which no page causes.
With --screenshot PATH a PNG of the page is written too.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Hosts Chromium talks to on its own even with background networking off.
BROWSER_SERVICE_HOSTS = re.compile(r"^https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)(/|:|$)")
BASE_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-extensions", "--disable-default-apps"]


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("chromium_check: no chromium on PATH (make deps installs Debian's chromium)")


def run(url, extra, workdir, timeout):
    netlog = os.path.join(workdir, "netlog.json")
    cmd = [chromium_binary(), *BASE_FLAGS, "--user-data-dir=" + os.path.join(workdir, "profile"),
           "--enable-logging=stderr", "--v=0", "--log-net-log=" + netlog, *extra, url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    requests = []
    try:
        with open(netlog) as f:
            log = json.load(f)
        for event in log.get("events", []):
            url_seen = event.get("params", {}).get("url")
            if url_seen and not url_seen.startswith(("file:", "data:", "about:", "chrome")) \
                    and not BROWSER_SERVICE_HOSTS.match(url_seen):
                requests.append(url_seen)
    except (OSError, ValueError):
        # Chromium writes the NetLog at exit; a torn one means we cannot vouch for "no request".
        requests.append("<netlog unreadable>")
    return proc, console, sorted(set(requests))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("html")
    parser.add_argument("--screenshot")
    parser.add_argument("--size", default="1100,900")
    parser.add_argument("--timeout", type=int, default=60)
    args = parser.parse_args()
    url = "file://" + os.path.abspath(args.html)
    with tempfile.TemporaryDirectory(prefix="rw-chromium-") as workdir:
        proc, console, requests = run(url, ["--dump-dom"], workdir, args.timeout)
        result = {"exit": proc.returncode, "console": console, "requests": requests, "dom": proc.stdout,
                  "screenshot": None}
    if args.screenshot:
        with tempfile.TemporaryDirectory(prefix="rw-chromium-") as workdir:
            shot = os.path.abspath(args.screenshot)
            proc2, console2, requests2 = run(url, ["--screenshot=" + shot, "--window-size=" + args.size,
                                                   "--hide-scrollbars"], workdir, args.timeout)
            result["console"] += console2
            result["requests"] = sorted(set(result["requests"]) | set(requests2))
            result["screenshot"] = shot if os.path.exists(shot) else None
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
