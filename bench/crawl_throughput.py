#!/usr/bin/env python3
"""Crawl throughput against the loopback test server (pages per second).

Generates a synthetic news world of HOSTS outlets with ARTICLES article pages each (realistic
size: ~30 KB of HTML around ~700 words), serves it with tests/server/rwserve.py on one loopback
address per host (127.0.0.2, 127.0.0.3, ...), runs `rumorwatch crawl` on it once, and prints
one JSON line with the figures. Politeness is configured out of the way (no per-host delay,
4 connections per host) so the number measures the crawler, not the waiting.

  bench/crawl_throughput.py --binary build/query/rumorwatch [--hosts 20] [--articles 60]
                            [--latency-ms 0] [--max-connections 32] [--workers 0]
"""
import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

WORDS = ("apple alibaba iphone china artificial intelligence model partner regulator approval "
         "shares market analysts company report launch feature assistant siri qwen cloud data "
         "privacy beijing cupertino hangzhou sales smartphone developers review quarter revenue "
         "growth chairman statement officials according people familiar matter deal talks "
         "negotiations agreement local rules foreign technology services users update software").split()


def paragraph(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article_html(rng, host, n):
    title = "Story %d from %s: %s" % (n, host, paragraph(rng, 8))
    body = "".join("<p>%s</p>\n" % paragraph(rng, 55) for _ in range(13))
    nav = "".join('<li><a href="/section/%d/">Section %d</a></li>' % (i, i) for i in range(40))
    script = "<script>var config = %s;</script>" % json.dumps({"k%d" % i: "v" * 40 for i in range(80)})
    related = "".join('<li><a href="/news/%d.html">Related %d</a></li>' % (rng.randrange(10000), i) for i in range(20))
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>"
            "<meta property=\"article:published_time\" content=\"2025-02-%02dT09:00:00Z\">%s</head>"
            "<body><header><nav><ul>%s</ul></nav></header><main><article><h1>%s</h1>%s</article>"
            "<aside><ul>%s</ul></aside></main><footer>%s</footer></body></html>"
            % (title, 1 + n % 28, script, nav, title, body, related, paragraph(rng, 60)))


def build_world(root, hosts, articles):
    rng = random.Random(20250211)
    outlets = []
    for h in range(hosts):
        host = "bench%02d.example" % h
        base = os.path.join(root, host)
        os.makedirs(os.path.join(base, "news"))
        items = []
        for n in range(articles):
            with open(os.path.join(base, "news", "%d.html" % n), "w") as f:
                f.write(article_html(rng, host, n))
            items.append("<url><loc>http://%s/news/%d.html</loc></url>" % (host, n))
        with open(os.path.join(base, "sitemap.xml"), "w") as f:
            f.write('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">%s</urlset>'
                    % "".join(items))
        with open(os.path.join(base, "robots.txt"), "w") as f:
            f.write("User-agent: *\nAllow: /\n")
        outlets.append({"id": "bench%02d" % h, "home": "http://%s/sitemap.xml" % host,
                        "sitemaps": ["http://%s/sitemap.xml" % host],
                        "allow": ["^http://%s/news/" % host.replace(".", "\\.")], "language": "en",
                        "min_delay_ms": 0, "max_connections": 4, "max_pages": articles + 10})
    config = os.path.join(root, "..", "outlets.json")
    with open(config, "w") as f:
        json.dump({"user_agent": "rumorwatch-bench/1.0 (+https://example.org/contact)", "outlets": outlets}, f)
    return config


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build/query/rumorwatch"))
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--latency-ms", type=int, default=0)
    ap.add_argument("--max-connections", type=int, default=32)
    ap.add_argument("--workers", type=int, default=0)
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="rumorwatch-bench-")
    try:
        site = os.path.join(work, "site")
        config = build_world(site, args.hosts, args.articles)
        addresses = ["127.0.0.%d" % (2 + h) for h in range(args.hosts)]
        port_file = os.path.join(work, "port")
        cmd = [sys.executable, os.path.join(ROOT, "tests/server/rwserve.py"), "--root", site,
               "--port-file", port_file, "--latency-ms", str(args.latency_ms), "--max-seconds", "900",
               "--parent-pid", str(os.getpid())]
        for a in addresses:
            cmd += ["--bind", a]
        server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(400):
                if os.path.exists(port_file) and open(port_file).read().strip():
                    break
                time.sleep(0.05)
            port = open(port_file).read().strip()
            crawl = [args.binary, "crawl", "--config", config, "--topic",
                     os.path.join(ROOT, "seeds/topics/apple-alibaba.json"), "--db", os.path.join(work, "db"),
                     "--max-connections", str(args.max_connections), "--workers", str(args.workers), "--quiet"]
            for h, a in enumerate(addresses):
                crawl += ["--connect-to", "bench%02d.example::%s:%s" % (h, a, port)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.monotonic()
            subprocess.run(crawl, check=True)
            seconds = time.monotonic() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        finally:
            server.terminate()
            server.wait()
        pages = args.hosts * args.articles
        print(json.dumps({"hosts": args.hosts, "articles": pages, "latency_ms": args.latency_ms,
                          "max_connections": args.max_connections, "workers": args.workers or os.cpu_count(),
                          "seconds": round(seconds, 2), "pages_per_second": round(pages / seconds, 1),
                          "crawler_cpu_seconds": round(cpu, 2), "load_average": round(os.getloadavg()[0], 1),
                          "command": " ".join(["bench/crawl_throughput.py"] + sys.argv[1:])}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
