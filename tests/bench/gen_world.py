#!/usr/bin/env python3
"""gen_world: a deterministic news world at scale, for rumorwatch's benchmarks.

Python 3 standard library only. From a seed it makes N outlets x M articles (1,000 to
200,000 in all) that look like real news sites: 60-150 KB pages whose inline <script>
and <style> blocks are about two thirds of the bytes, a JSON-LD block, navigation, ads,
related lists and comments around 400-1,500 words of body text assembled from a large
vocabulary; one outlet in five writes Chinese (half of those in GBK with <meta charset>,
some with the charset only in the page); 30% of the articles carry news about the rumor
(Apple and Alibaba) with status cues that move over the two years, 8% name one party
only; every outlet has an RSS or Atom feed, a sitemap index with monthly sitemaps, a
news sitemap, robots.txt and a home page. Host names are www.bench-NNN.example.

Why pages are rendered on request
---------------------------------
100,000 pages of 100 KB are 10 GB: too much disk, and minutes of writing, for a bench
run. The world is instead a handful of parameters (world.json): every outlet and article
is a pure function of the seed and its index (see world_model.py), so `serve` renders any
page when it is asked for (about half a millisecond; a 304 needs no rendering at all,
the ETag comes from the page's key). `serve` is rwserve.py itself (tests/server/) with
its file lookup swapped for the world: virtual hosts, ETag/Last-Modified/304, latency,
the control file (faults, phase 2 edits) and the JSON request log all behave as in the
tests. `write` puts a small world on disk instead, for plain rwserve.py.

Commands
--------
  gen_world.py plan  --out DIR [--seed S] [--outlets N] [--articles M]
                     [--start YYYY-MM-DD] [--end YYYY-MM-DD]
                     [--min-delay-ms MS] [--max-connections C] [--edit-fraction F]
      Writes DIR/world.json (the parameters), DIR/outlets.json (the crawl config, for
      `rumorwatch crawl --config`) and DIR/urls.txt (every article URL, for the fetch floor).
  gen_world.py pages --world DIR --out PAGEDIR [--count K]
      Writes K article pages spread over all outlets exactly as served (raw bytes, GBK
      pages in GBK) to PAGEDIR/NNNNN.html, and PAGEDIR/pages.jsonl (one line per page:
      file, url, outlet, language, charset, content_type, status, published, bytes, and
      the title and body text the page was written from, for accuracy checks).
  gen_world.py texts --world DIR --out FILE [--count K]
      Writes K articles' titles and main texts as JSON lines (url, outlet, language,
      title, text, status, published): the analysis bench's input, no HTML involved.
  gen_world.py write --world DIR --out SITEDIR
      Writes the whole world as files (SITEDIR/<host>/...), served by rwserve.py --root.
  gen_world.py serve --world DIR [--bind ADDR]... [--port N] [--port-file FILE]
                     [--control FILE] [--log FILE] [--latency-ms N] [--max-seconds S]
                     [--parent-pid PID] [--gzip]
      Serves the world on loopback through rwserve.py's handler (options as rwserve's).
      Bodies go out uncompressed unless --gzip: the Python server shares the machine's
      two cores with the crawler, and compressing every 100 KB page costs it ~2 ms.
  gen_world.py stats --world DIR [--count K]
      Prints page sizes, script/style share and body words over K pages (a realism check).

Determinism: the same parameters and GENERATOR_VERSION give the same bytes everywhere.
Reach the hosts with libcurl's CONNECT_TO: `rumorwatch crawl --connect-to ::127.0.0.1:PORT`.
"""

import argparse
import json
import os
import re
import signal
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import world_model as M  # noqa: E402
import world_render as R  # noqa: E402

DEFAULTS = {"seed": 1, "outlets": 50, "articles": 10000, "start": "2024-07-01", "end": "2026-06-30",
            "min_delay_ms": 0, "max_connections": 4, "edit_fraction": 0.05}


def load_world(directory):
    with open(os.path.join(directory, "world.json"), encoding="utf-8") as f:
        params = json.load(f)
    if params.get("generator_version") != M.GENERATOR_VERSION:
        sys.exit("gen_world: %s was made by generator version %s, this is %d: run plan again" %
                 (directory, params.get("generator_version"), M.GENERATOR_VERSION))
    return M.World(params)


def write_atomic(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    os.replace(tmp, path)


# ---------------------------------------------------------------------------


def cmd_plan(args):
    if not 1000 <= args.articles <= 200000:
        sys.exit("gen_world: --articles must be between 1,000 and 200,000")
    if not 1 <= args.outlets <= 999 or args.outlets > args.articles:
        sys.exit("gen_world: --outlets must be between 1 and 999 (and at most --articles)")
    params = {"generator_version": M.GENERATOR_VERSION, "seed": args.seed, "outlets": args.outlets,
              "articles": args.articles, "start": args.start, "end": args.end,
              "min_delay_ms": args.min_delay_ms, "max_connections": args.max_connections,
              "edit_fraction": args.edit_fraction}
    M.parse_day(args.start), M.parse_day(args.end)
    os.makedirs(args.out, exist_ok=True)
    write_atomic(os.path.join(args.out, "world.json"), json.dumps(params, indent=2, sort_keys=True) + "\n")
    world = M.World(params)
    config = {"user_agent": "rumorwatch-bench/1.0 (+https://example.org/rumorwatch)", "outlets": []}
    for o in world.outlets:
        config["outlets"].append({
            "id": o.id, "name": o.name, "home": o.base + "/", "feeds": [o.base + o.feed_path],
            "sitemaps": [o.base + "/sitemap.xml"], "allow": [o.allow_pattern()], "language": o.language,
            "date_order": o.date_order, "timezone": o.timezone, "tier": o.tier,
            "min_delay_ms": args.min_delay_ms, "max_connections": args.max_connections,
            "max_pages": o.count + 100})
    write_atomic(os.path.join(args.out, "outlets.json"), json.dumps(config, indent=2, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "urls.txt.tmp"), "w", encoding="utf-8") as f:
        for o in world.outlets:
            for j in range(o.count):
                f.write(world.article(o.index, j).url + "\n")
    os.replace(os.path.join(args.out, "urls.txt.tmp"), os.path.join(args.out, "urls.txt"))
    print("gen_world: %d outlets, %d articles in %s" % (args.outlets, args.articles, args.out))


def sample(world, count):
    """`count` articles spread over every outlet and over each outlet's whole span."""
    out = []
    n = world.outlet_count
    per = (count + n - 1) // n
    for k in range(count):
        o = world.outlets[k % n]
        step = max(o.count // max(per, 1), 1)
        j = ((k // n) * step + (k * 7919) % step) % o.count
        out.append(world.article(o.index, j))
    return out


def cmd_pages(args):
    world = load_world(args.world)
    os.makedirs(args.out, exist_ok=True)
    lines = []
    for n, a in enumerate(sample(world, args.count)):
        doc = R.document(world, a.outlet.host, a.path)
        name = "%05d.html" % n
        write_atomic(os.path.join(args.out, name), doc.body())
        lines.append(json.dumps({"file": name, "url": a.url, "outlet": a.outlet.id, "language": a.outlet.language,
                                 "charset": a.outlet.charset, "content_type": doc.content_type,
                                 "status": a.status, "published": R.iso(a.outlet, a.time),
                                 "bytes": len(doc.body()), "title": a.title,
                                 "text": "\n\n".join(M.body_paragraphs(world, a))}, ensure_ascii=False))
    write_atomic(os.path.join(args.out, "pages.jsonl"), "\n".join(lines) + "\n")
    total = sum(json.loads(line)["bytes"] for line in lines)
    print("gen_world: %d pages, %.1f MB in %s" % (len(lines), total / 1e6, args.out))


def cmd_texts(args):
    world = load_world(args.world)
    with open(args.out + ".tmp", "w", encoding="utf-8") as f:
        for a in sample(world, args.count):
            text = "\n\n".join(M.body_paragraphs(world, a))
            f.write(json.dumps({"url": a.url, "outlet": a.outlet.id, "language": a.outlet.language,
                                "title": a.title, "text": text, "status": a.status,
                                "published": R.iso(a.outlet, a.time)}, ensure_ascii=False) + "\n")
    os.replace(args.out + ".tmp", args.out)


def world_paths(world, outlet):
    yield "/"
    yield "/robots.txt"
    yield outlet.feed_path
    yield "/sitemap.xml"
    yield "/sitemap-news.xml"
    for year, month in world.months():
        yield "/sitemaps/%04d-%02d.xml" % (year, month)
    for j in range(outlet.count):
        yield world.article(outlet.index, j).path


def cmd_write(args):
    world = load_world(args.world)
    headers = {}
    for o in world.outlets:
        for path in world_paths(world, o):
            doc = R.document(world, o.host, path)
            if doc is None:
                continue
            rel = "index.html" if path == "/" else path.lstrip("/")
            full = os.path.join(args.out, o.host, rel)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            write_atomic(full, doc.body())
            if doc.content_type.startswith("text/html"):
                headers["%s/%s" % (o.host, rel)] = {"Content-Type": doc.content_type}
            os.utime(full, (doc.last_modified, doc.last_modified))
    write_atomic(os.path.join(args.out, "_headers.json"), json.dumps(headers, indent=0, sort_keys=True))
    print("gen_world: wrote %s" % args.out)


def cmd_stats(args):
    world = load_world(args.world)
    sizes, shares, words = [], [], []
    script_re = re.compile(rb"<(script|style)\b[^>]*>(.*?)</\1>", re.S)
    for a in sample(world, args.count):
        body = R.document(world, a.outlet.host, a.path).body()
        inner = sum(len(m.group(2)) for m in script_re.finditer(body))
        sizes.append(len(body))
        shares.append(inner / len(body))
        text = "\n\n".join(M.body_paragraphs(world, a))
        words.append(len(text) / 1.7 if a.outlet.language == "zh" else len(text.split()))
    sizes.sort()
    print(json.dumps({"pages": len(sizes), "bytes_min": sizes[0], "bytes_median": sizes[len(sizes) // 2],
                      "bytes_max": sizes[-1], "bytes_mean": round(sum(sizes) / len(sizes)),
                      "script_style_share": round(sum(shares) / len(shares), 3),
                      "body_words_mean": round(sum(words) / len(words)),
                      "body_words_min": round(min(words)), "body_words_max": round(max(words))}, indent=2))


# ---------------------------------------------------------------------------
# serve: rwserve.py with the world in place of a directory tree


class LazyEntry(dict):
    """rwserve's file-cache entry, with the body rendered only when rwserve reads it."""

    def __init__(self, doc):
        super().__init__(hash=doc.etag, mtime=doc.last_modified, gzip=None)
        self.doc = doc

    def __missing__(self, key):
        if key != "content":
            raise KeyError(key)
        value = self.doc.body()
        self["content"] = value
        return value


def cmd_serve(args):
    sys.path.insert(0, os.path.join(HERE, "..", "server"))
    import rwserve  # noqa: E402 (lives beside the tests, not installed)

    world = load_world(args.world)
    world.pools()  # build the shared pools before the first request, not during it
    gzip = args.gzip

    class WorldHandler(rwserve.Handler):
        def handle_request(self, head):
            if not gzip:
                del self.headers["Accept-Encoding"]
            super().handle_request(head)

        def representation(self, control, host, path):
            doc = R.document(world, host, path, control.phase)
            if doc is None:
                return None
            return {"entry": LazyEntry(doc), "headers": {
                "Content-Type": doc.content_type, "ETag": '"%s"' % doc.etag,
                "Last-Modified": rwserve.http_date(doc.last_modified), "Vary": "Accept-Encoding"}}

    ns = argparse.Namespace(root=args.world, overlay=None, no_vhost=False, phase=1,
                            latency_ms=args.latency_ms, log=args.log, control=args.control)
    state = rwserve.State(ns)
    state.current()
    binds = args.bind or ["127.0.0.1"]
    servers, port = rwserve.listen_all(binds, args.port, state)
    for server in servers:
        server.RequestHandlerClass = WorldHandler
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    if args.port_file:
        write_atomic(args.port_file, "%d\n" % port)
    print("gen_world: serving %d outlets on port %d" % (world.outlet_count, port), flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    deadline = time.monotonic() + args.max_seconds if args.max_seconds > 0 else None
    original_ppid = os.getppid()
    while not stop.is_set():
        stop.wait(0.2)
        if deadline is not None and time.monotonic() >= deadline:
            break
        if args.parent_pid and not rwserve.parent_alive(args.parent_pid, original_ppid):
            break
    for server in servers:
        server.shutdown()
        server.server_close()
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description="deterministic scale news world for rumorwatch benchmarks")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("plan", help="write world.json, outlets.json and urls.txt")
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=DEFAULTS["seed"])
    p.add_argument("--outlets", type=int, default=DEFAULTS["outlets"])
    p.add_argument("--articles", type=int, default=DEFAULTS["articles"])
    p.add_argument("--start", default=DEFAULTS["start"])
    p.add_argument("--end", default=DEFAULTS["end"])
    p.add_argument("--min-delay-ms", type=int, default=DEFAULTS["min_delay_ms"])
    p.add_argument("--max-connections", type=int, default=DEFAULTS["max_connections"])
    p.add_argument("--edit-fraction", type=float, default=DEFAULTS["edit_fraction"])
    p.set_defaults(run=cmd_plan)

    for name, run, default in (("pages", cmd_pages, 500), ("texts", cmd_texts, 2000), ("stats", cmd_stats, 200)):
        p = sub.add_parser(name)
        p.add_argument("--world", required=True)
        if name != "stats":
            p.add_argument("--out", required=True)
        p.add_argument("--count", type=int, default=default)
        p.set_defaults(run=run)

    p = sub.add_parser("write")
    p.add_argument("--world", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(run=cmd_write)

    p = sub.add_parser("serve")
    p.add_argument("--world", required=True)
    p.add_argument("--bind", action="append")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--port-file")
    p.add_argument("--control")
    p.add_argument("--log")
    p.add_argument("--latency-ms", type=float, default=0)
    p.add_argument("--max-seconds", type=float, default=3600)
    p.add_argument("--parent-pid", type=int)
    p.add_argument("--gzip", action="store_true", help="gzip bodies when the client accepts it")
    p.set_defaults(run=cmd_serve)

    args = parser.parse_args(argv)
    return args.run(args) or 0


if __name__ == "__main__":
    sys.exit(main())
