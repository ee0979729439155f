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


def page_height(url, width, workdir, timeout):
    """The page's laid-out height in CSS pixels at `width`, measured over the DevTools protocol
    (--remote-debugging-pipe: requests on fd 3, answers on fd 4, NUL-terminated JSON), or
    None when Chromium does not answer. No script runs in the page."""
    import select
    import time
    to_browser_r, to_browser_w = os.pipe()
    from_browser_r, from_browser_w = os.pipe()
    cmd = [chromium_binary(), *BASE_FLAGS, "--user-data-dir=" + os.path.join(workdir, "profile-measure"),
           "--remote-debugging-pipe", "--window-size=%d,800" % width, "about:blank"]

    def child_fds():
        os.dup2(to_browser_r, 3)
        os.dup2(from_browser_w, 4)

    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            pass_fds=(3, 4), preexec_fn=child_fds)
    os.close(to_browser_r)
    os.close(from_browser_w)
    deadline = time.monotonic() + timeout
    buffer = b""
    next_id = [0]

    def send(method, params=None, session=None):
        next_id[0] += 1
        message = {"id": next_id[0], "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(to_browser_w, json.dumps(message).encode() + b"\0")
        return next_id[0]

    def receive(until):
        nonlocal buffer
        while time.monotonic() < deadline:
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if until(message):
                    return message
            ready, _, _ = select.select([from_browser_r], [], [], 0.5)
            if ready:
                chunk = os.read(from_browser_r, 65536)
                if not chunk:
                    return None
                buffer += chunk
        return None

    try:
        i = send("Target.createTarget", {"url": "about:blank"})
        answer = receive(lambda m: m.get("id") == i)
        target = answer["result"]["targetId"]
        i = send("Target.attachToTarget", {"targetId": target, "flatten": True})
        session = receive(lambda m: m.get("id") == i)["result"]["sessionId"]
        i = send("Page.enable", session=session)
        receive(lambda m: m.get("id") == i)
        send("Page.navigate", {"url": url}, session=session)
        receive(lambda m: m.get("method") == "Page.loadEventFired")
        i = send("Page.getLayoutMetrics", session=session)
        metrics = receive(lambda m: m.get("id") == i)["result"]
        size = metrics.get("cssContentSize") or metrics.get("contentSize")
        return int(size["height"] + 0.999)
    except (TypeError, KeyError, ValueError, OSError):
        return None
    finally:
        try:
            send("Browser.close")
        except OSError:
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        os.close(to_browser_w)
        os.close(from_browser_r)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("html")
    parser.add_argument("--screenshot")
    parser.add_argument("--size", default="1100,900")
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--full-page", action="store_true",
                        help="make the screenshot as tall as the page (the --size height is the least)")
    args = parser.parse_args()
    url = "file://" + os.path.abspath(args.html)
    with tempfile.TemporaryDirectory(prefix="rw-chromium-") as workdir:
        proc, console, requests = run(url, ["--dump-dom"], workdir, args.timeout)
        result = {"exit": proc.returncode, "console": console, "requests": requests, "dom": proc.stdout,
                  "screenshot": None}
    if args.screenshot:
        with tempfile.TemporaryDirectory(prefix="rw-chromium-") as workdir:
            shot = os.path.abspath(args.screenshot)
            size = args.size
            if args.full_page:
                width, height = (int(v) for v in args.size.split(","))
                measured = page_height(url, width, workdir, args.timeout)
                result["page_height"] = measured
                if measured:
                    size = "%d,%d" % (width, max(height, measured))
            proc2, console2, requests2 = run(url, ["--screenshot=" + shot, "--window-size=" + size,
                                                   "--hide-scrollbars"], workdir, args.timeout)
            result["console"] += console2
            result["requests"] = sorted(set(result["requests"]) | set(requests2))
            result["screenshot"] = shot if os.path.exists(shot) else None
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
