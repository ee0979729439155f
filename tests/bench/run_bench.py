#!/usr/bin/env python3
"""run_bench: what `make bench` runs. Every stage on generated worlds, floors in the same
run, bench/results.json and a table of figure / target / ratio to the floor.

  run_bench.py [--build-dir build] [--scale small|full] [--out bench] [--only STAGE,...]

Stages: parse, extract, analyze, index, search, crawl (no latency, re-crawl, fetch floor),
latency (50 ms over 50 hosts at the default politeness), memory (crawl peak RSS at two
sizes), reindex. A stage whose code does not exist yet on this branch says "not built
yet" instead of a number. The machine is shared: each figure carries the load average
seen when it was measured, and single-core figures are given per CPU second.
See tests/bench/README.md for what each figure means.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
GEN = os.path.join(HERE, "gen_world.py")

# Sizes per scale. "crawl" is the no-latency world, "memory" the two crawl sizes whose peak
# RSS must match, "latency" the 50-host world (hosts, articles per host; at least 1,000 in
# all), "index" the corpus sizes.
SCALES = {
    "small": {"pages": 300, "texts": 2000, "index": [5000], "floor_docs": 2000,
              "crawl": (20, 2000), "memory": [(20, 2000), (20, 6000)], "latency": (50, 20), "queries": 240},
    "full": {"pages": 1000, "texts": 5000, "index": [10000, 100000], "floor_docs": 10000,
             "crawl": (20, 10000), "memory": [(50, 10000), (50, 100000)], "latency": (50, 40), "queries": 240},
}

# Targets of issue 10 (and 5, 7), for the table.
TARGETS = {
    "crawl_pages_per_s": ">= 400 pages/s",
    "crawl_cpu_ms_per_page": "< 4 ms",
    "crawl_peak_rss_mib": "< 100 MiB, flat",
    "extract_ratio": "<= 0.5 x floor",
    "extract_ms_per_100kb": "< 4 ms",
    "index_docs_per_s": ">= 1,500 docs/s",
    "search_p99_ms": "< 5 ms (100k)",
    "timeline_ms": "< 200 ms",
    "recrawl": "all 304, no body",
}


def log(msg):
    sys.stderr.write("run_bench: %s\n" % msg)
    sys.stderr.flush()


def load_avg():
    return round(os.getloadavg()[0], 2)


def run_json(cmd, timeout=7200):
    """Runs a bench executable and returns its JSON report (or an error dict)."""
    log(" ".join(cmd))
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"status": "failed", "error": "timed out after %ds" % timeout}
    if p.returncode != 0:
        return {"status": "failed", "error": (p.stderr or p.stdout).strip()[-2000:]}
    try:
        return json.loads(p.stdout)
    except ValueError:
        return {"status": "failed", "error": "no JSON on stdout: " + p.stdout[-500:]}


def gen(*args):
    subprocess.run([sys.executable, GEN] + list(args), check=True, stdout=subprocess.DEVNULL)


def plan_world(out, name, outlets, articles, **kw):
    path = os.path.join(out, "worlds", name)
    if not os.path.exists(os.path.join(path, "world.json")):
        args = ["plan", "--out", path, "--outlets", str(outlets), "--articles", str(articles)]
        for k, v in kw.items():
            args += ["--" + k.replace("_", "-"), str(v)]
        log("plan world %s: %d outlets, %d articles" % (name, outlets, articles))
        gen(*args)
    return path


# ---------------------------------------------------------------------------
# The loopback server


class WorldServer:
    """gen_world.py serve, started and stopped by this object (the process it started only)."""

    def __init__(self, world, workdir, latency_ms=0):
        os.makedirs(workdir, exist_ok=True)
        self.port_file = os.path.join(workdir, "port")
        self.log = os.path.join(workdir, "server.jsonl")
        for f in (self.port_file, self.log):
            if os.path.exists(f):
                os.remove(f)
        self.proc = subprocess.Popen(
            [sys.executable, GEN, "serve", "--world", world, "--port-file", self.port_file, "--log", self.log,
             "--latency-ms", str(latency_ms), "--max-seconds", "7200", "--parent-pid", str(os.getpid())],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(workdir, "server.err"), "w"))
        deadline = time.time() + 60
        while not os.path.exists(self.port_file):
            if self.proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("the world server did not start (see %s/server.err)" % workdir)
            time.sleep(0.1)
        self.port = int(open(self.port_file).read().strip())

    def cpu_seconds(self):
        with open("/proc/%d/stat" % self.proc.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def requests(self, skip=0):
        out = []
        with open(self.log, encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n >= skip and line.strip():
                    out.append(json.loads(line))
        return out

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


ARTICLE_PATH = re.compile(r"^/(\d{4}/\d{2}/\d{2}/|news/\d{8}/|article/\d{8}-)")


def thread_cpu(pid):
    """{tid: CPU seconds} of every thread of a running process (from /proc)."""
    out = {}
    tick = os.sysconf("SC_CLK_TCK")
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            try:
                with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                out[int(tid)] = (int(fields[11]) + int(fields[12])) / tick
            except (OSError, IndexError, ValueError):
                pass
    except OSError:
        pass
    return out


def timed(cmd):
    """Runs cmd, sampling its threads' CPU from /proc while it runs; returns (returncode,
    wall s, user s, sys s, peak RSS MiB, output, [CPU s per thread, the main thread first])."""
    out_path = "/tmp/run_bench_out_%d.txt" % os.getpid()
    with open(out_path, "w") as out:
        start = time.time()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        threads = {}
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            threads.update(thread_cpu(proc.pid))
            time.sleep(0.25)
        wall = time.time() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    main = threads.pop(proc.pid, 0.0)
    per_thread = [round(main, 2)] + sorted((round(v, 2) for v in threads.values()), reverse=True)
    output = open(out_path, errors="replace").read()[-3000:]
    os.remove(out_path)
    return (proc.returncode, wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss / 1024.0, output, per_thread)


def rumorwatch(build):
    return os.path.join(build, "query", "rumorwatch")


def crawl_built(build):
    """Whether `rumorwatch crawl` does anything yet (the placeholder says "not built yet")."""
    exe = rumorwatch(build)
    if not os.path.exists(exe):
        return False
    p = subprocess.run([exe, "crawl", "--help"], capture_output=True, text=True)
    return p.returncode == 0


def crawl_once(build, world, db, server, extra=(), warc=None, fresh=True):
    """One `rumorwatch crawl` of the served world; fresh=False crawls into the existing db."""
    if fresh and os.path.exists(db):
        shutil.rmtree(db)
    cmd = [rumorwatch(build), "crawl", "--config", os.path.join(world, "outlets.json"),
           "--topic", os.path.join(ROOT, "seeds", "topics", "apple-alibaba.json"), "--db", db,
           "--connect-to", "::127.0.0.1:%d" % server.port, "--quiet", "--once"] + list(extra)
    if warc:
        cmd += ["--warc", warc]
    skip = len(server.requests())
    cpu0 = server.cpu_seconds()
    rc, wall, user, sys_, rss, output, threads = timed(cmd)
    reqs = server.requests(skip)
    pages = [r for r in reqs if ARTICLE_PATH.match(r["path"])]
    ok = [r for r in pages if r["status"] == 200]
    result = {
        "exit_code": rc, "wall_seconds": round(wall, 2), "cpu_seconds": round(user + sys_, 2),
        "thread_cpu_seconds": threads,
        "peak_rss_mib": round(rss, 1), "requests": len(reqs), "article_requests": len(pages),
        "article_200": len(ok), "article_304": sum(1 for r in pages if r["status"] == 304),
        "article_other": sum(1 for r in pages if r["status"] not in (200, 304)),
        "article_body_bytes": sum(r["bytes"] for r in pages),
        "all_body_bytes": sum(r["bytes"] for r in reqs),
        "server_cpu_seconds": round(server.cpu_seconds() - cpu0, 2),
        "load_average": load_avg(),
    }
    if len(pages):
        result["pages_per_s"] = round(len(pages) / wall, 1)
        result["cpu_ms_per_page"] = round((user + sys_) * 1000 / len(pages), 2)
    if rc != 0:
        result["status"] = "failed"
        result["output"] = output
    return result


# ---------------------------------------------------------------------------
# Stages


def stage_parse(ctx):
    return run_json([ctx.bin("bench_parse"), "--pages", ctx.pages, "--min-seconds", "3"])


def stage_extract(ctx):
    r = run_json([ctx.bin("bench_extract"), "--pages", ctx.pages, "--config",
                  os.path.join(ctx.world_crawl, "outlets.json"), "--min-seconds", "5"])
    if r.get("extractor_built") is False:
        r["status"] = "not built yet"
    return r


def stage_analyze(ctx):
    topic = os.path.join(ROOT, "seeds", "topics", "apple-alibaba.json")
    cmd = [ctx.bin("bench_analyze"), "--texts", ctx.texts, "--min-seconds", "3"]
    if os.path.exists(topic):
        cmd += ["--topic", topic]
    r = run_json(cmd)
    if r.get("analyzer_built") is False:
        r["status"] = "not built yet"
    return r


def stage_index(ctx):
    out = {}
    for n in ctx.scale["index"]:
        out[str(n)] = run_json([ctx.bin("bench_index"), "--db", ctx.index_db(n), "--docs", str(n)])
    n = ctx.scale["floor_docs"]
    out["xapian_floor"] = run_json([ctx.bin("bench_index"), "--db", os.path.join(ctx.out, "index-floor"),
                                    "--docs", str(n), "--floor"])
    shutil.rmtree(os.path.join(ctx.out, "index-floor"), ignore_errors=True)
    out["fts5_reference"] = fts5_reference(ctx, n)
    return out


def fts5_reference(ctx, n):
    """SQLite FTS5 (the engine the issue compares with) indexing the floor's texts: title and
    body columns, Porter stemming over unicode61, positions kept, committed every 1,000 rows
    like bench_index. Python's sqlite3 is C underneath; the rows are read into memory first so
    only FTS5's work is timed."""
    texts = os.path.join(ctx.out, "texts-index-%d.jsonl" % n)
    db = os.path.join(ctx.out, "fts5-reference.db")
    p = subprocess.run([ctx.bin("bench_index"), "--docs", str(n), "--dump-texts", texts],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return {"status": "failed", "error": (p.stderr or p.stdout).strip()[-500:]}
    try:
        import sqlite3
        rows = []
        with open(texts, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                rows.append((r["title"], r["text"]))
        if os.path.exists(db):
            os.remove(db)
        con = sqlite3.connect(db)
        con.execute("CREATE VIRTUAL TABLE articles USING fts5(title, body, tokenize='porter unicode61')")
        cpu0, wall0 = time.process_time(), time.time()
        for i in range(0, len(rows), 1000):
            con.executemany("INSERT INTO articles VALUES (?, ?)", rows[i:i + 1000])
            con.commit()
        cpu, wall = time.process_time() - cpu0, time.time() - wall0
        con.close()
        size = os.path.getsize(db)
    except Exception as e:  # no FTS5 in this sqlite3 build, disk full...
        return {"status": "failed", "error": str(e)[:500]}
    finally:
        for path in (texts, db):
            if os.path.exists(path):
                os.remove(path)
    return {"documents": len(rows), "docs_per_s": len(rows) / wall, "docs_per_cpu_s": len(rows) / cpu,
            "bytes_per_doc": size / len(rows)}


def stage_search(ctx):
    out = {}
    for n in ctx.scale["index"]:
        if not os.path.exists(ctx.index_db(n)):
            out[str(n)] = {"status": "failed", "error": "no index (run the index stage)"}
            continue
        out[str(n)] = run_json([ctx.bin("bench_search"), "--db", ctx.index_db(n), "--docs", str(n),
                                "--queries", str(ctx.scale["queries"])])
        out[str(n) + "_no_snippets"] = run_json([ctx.bin("bench_search"), "--db", ctx.index_db(n), "--docs", str(n),
                                                 "--queries", str(ctx.scale["queries"]), "--snippet-bytes", "0",
                                                 "--repeat", "1"])
    return out


def stage_crawl(ctx):
    if not crawl_built(ctx.build):
        return {"status": "not built yet"}
    world = ctx.world_crawl
    server = WorldServer(world, os.path.join(ctx.out, "server-crawl"))
    try:
        db = os.path.join(ctx.out, "crawl-db")
        first = crawl_once(ctx.build, world, db, server, extra=["--max-connections", "8"])
        again = crawl_once(ctx.build, world, db, server, extra=["--max-connections", "8", "--refresh"], fresh=False)
        urls = os.path.join(world, "urls.txt")
        floor = run_json([ctx.bin("bench_fetch"), "--urls", urls, "--connections", "8",
                          "--connect-to", "::127.0.0.1:%d" % server.port])
    finally:
        server.stop()
    return {"no_latency": first, "recrawl": again, "fetch_floor": floor}


def stage_latency(ctx):
    if not crawl_built(ctx.build):
        return {"status": "not built yet"}
    hosts, per_host = ctx.scale["latency"]
    world = plan_world(ctx.out, "latency-%d-%d" % (hosts, per_host), hosts, hosts * per_host,
                       min_delay_ms=1000, max_connections=2)
    server = WorldServer(world, os.path.join(ctx.out, "server-latency"), latency_ms=50)
    try:
        db = os.path.join(ctx.out, "latency-db")
        if os.path.exists(db):
            shutil.rmtree(db)
        cmd = [rumorwatch(ctx.build), "crawl", "--config", os.path.join(world, "outlets.json"), "--db", db,
               "--topic", os.path.join(ROOT, "seeds", "topics", "apple-alibaba.json"),
               "--connect-to", "::127.0.0.1:%d" % server.port, "--quiet", "--once"]
        skip = len(server.requests())
        rc, wall, user, sys_, rss, output, threads = timed(cmd)
        reqs = server.requests(skip)
    finally:
        server.stop()
    pages = [r for r in reqs if ARTICLE_PATH.match(r["path"])]
    result = {"hosts": hosts, "articles_per_host": per_host, "latency_ms": 50, "min_delay_ms": 1000,
              "max_connections_per_host": 2, "exit_code": rc, "wall_seconds": round(wall, 2),
              "requests": len(reqs), "article_requests": len(pages),
              "pages_per_s": round(len(pages) / wall, 1) if wall else 0,
              "requests_per_s": round(len(reqs) / wall, 1) if wall else 0,
              "politeness_bound_requests_per_s": hosts * 1.0,
              "cpu_seconds": round(user + sys_, 2), "thread_cpu_seconds": threads,
              "cpu_ms_per_page": round((user + sys_) * 1000 / len(pages), 2) if pages else 0,
              "peak_rss_mib": round(rss, 1), "load_average": load_avg()}
    if rc != 0:
        result["status"] = "failed"
        result["output"] = output
    return result


def stage_memory(ctx):
    if not crawl_built(ctx.build):
        return {"status": "not built yet"}
    out = {}
    for outlets, articles in ctx.scale["memory"]:
        world = plan_world(ctx.out, "memory-%d-%d" % (outlets, articles), outlets, articles,
                           min_delay_ms=0, max_connections=2)
        server = WorldServer(world, os.path.join(ctx.out, "server-memory"))
        try:
            r = crawl_once(ctx.build, world, os.path.join(ctx.out, "memory-db"), server,
                           extra=["--max-connections", "8"])
        finally:
            server.stop()
        shutil.rmtree(os.path.join(ctx.out, "memory-db"), ignore_errors=True)
        out[str(articles)] = r
    return out


def stage_reindex(ctx):
    exe = rumorwatch(ctx.build)
    if not os.path.exists(exe):
        return {"status": "not built yet"}
    p = subprocess.run([exe, "--help"], capture_output=True, text=True)
    if not re.search(r"^\s+reindex\s", p.stdout, re.M) or not crawl_built(ctx.build):
        return {"status": "not built yet"}
    world = ctx.world_crawl
    warc = os.path.join(ctx.out, "warc")
    shutil.rmtree(warc, ignore_errors=True)
    server = WorldServer(world, os.path.join(ctx.out, "server-warc"))
    try:
        captured = crawl_once(ctx.build, world, os.path.join(ctx.out, "warc-crawl-db"), server,
                              extra=["--max-connections", "8"], warc=warc)
    finally:
        server.stop()
    db = os.path.join(ctx.out, "reindex-db")
    shutil.rmtree(db, ignore_errors=True)
    # The world's own outlets file: with the default one no outlet covers the bench hosts and
    # every page is skipped (which once passed for 2,655 pages/s).
    rc, wall, user, sys_, rss, output, _ = timed([exe, "reindex", "--warc", warc, "--db", db, "--quiet",
                                                  "--config", os.path.join(world, "outlets.json"),
                                                  "--topic", os.path.join(ROOT, "seeds", "topics", "apple-alibaba.json")])
    pages = captured.get("article_200", 0)
    stats = subprocess.run([exe, "stats", "--db", db, "--format", "json"], capture_output=True, text=True)
    try:
        documents = json.loads(stats.stdout).get("documents", 0)
    except ValueError:
        documents = 0
    result = {"crawl_with_warc": captured, "exit_code": rc, "wall_seconds": round(wall, 2),
              "pages": pages, "documents": documents,
              "pages_per_s": round(pages / wall, 1) if wall and rc == 0 else 0,
              "cpu_ms_per_page": round((user + sys_) * 1000 / pages, 2) if pages else 0,
              "peak_rss_mib": round(rss, 1), "output": output if rc else "", "load_average": load_avg()}
    if rc != 0 or documents < pages * 0.9:
        result["status"] = "failed"
        result["error"] = "reindex exit %d, %d documents from %d captured pages" % (rc, documents, pages)
    return result


STAGES = [("parse", stage_parse), ("extract", stage_extract), ("analyze", stage_analyze),
          ("index", stage_index), ("search", stage_search), ("crawl", stage_crawl),
          ("latency", stage_latency), ("memory", stage_memory), ("reindex", stage_reindex)]


class Context:
    def __init__(self, args):
        self.build = os.path.abspath(args.build_dir)
        self.scale_name = args.scale
        self.scale = SCALES[args.scale]
        self.out = os.path.abspath(os.path.join(args.out, "out"))
        os.makedirs(self.out, exist_ok=True)
        outlets, articles = self.scale["crawl"]
        self.world_crawl = plan_world(self.out, "crawl-%d-%d" % (outlets, articles), outlets, articles,
                                      min_delay_ms=0, max_connections=2)
        self.pages = os.path.join(self.out, "pages-%d" % self.scale["pages"])
        if not os.path.exists(os.path.join(self.pages, "pages.jsonl")):
            log("writing %d sample pages" % self.scale["pages"])
            gen("pages", "--world", self.world_crawl, "--out", self.pages, "--count", str(self.scale["pages"]))
        self.texts = os.path.join(self.out, "texts-%d.jsonl" % self.scale["texts"])
        if not os.path.exists(self.texts):
            gen("texts", "--world", self.world_crawl, "--out", self.texts, "--count", str(self.scale["texts"]))

    def bin(self, name):
        return os.path.join(self.build, "tests", "bench", name)

    def index_db(self, n):
        return os.path.join(self.out, "index-%d" % n)


# ---------------------------------------------------------------------------
# The table


def fmt(v, digits=1):
    if v is None:
        return "-"
    if isinstance(v, float):
        return ("{:,.%df}" % digits).format(v)
    return "{:,}".format(v) if isinstance(v, int) else str(v)


def rows(results):
    """(figure, measured, target, ratio to floor, note) for every figure measured."""
    s = results["stages"]
    out = []

    def status(stage):
        v = s.get(stage, {})
        return v.get("status") if isinstance(v, dict) else None

    parse = s.get("parse", {})
    floor_mb = floor_pps = None
    if "gumbo_raw" in parse:
        g = parse["gumbo_raw"]
        floor_mb, floor_pps = g["mb_per_cpu_s"], g["pages_per_cpu_s"]
        out.append(("parse floor: bare Gumbo, raw pages (1 core)", "%s MB/s, %s pages/s, %s ms/100KB" %
                    (fmt(floor_mb), fmt(floor_pps), fmt(g["cpu_ms_per_100kb"], 2)), "(floor)", "1.00",
                    "per CPU s; wall %s MB/s at load %s" % (fmt(g["mb_per_s"]), fmt(parse.get("load_average")))))
        st = parse["gumbo_stripped"]
        out.append(("parse: Gumbo without <script>/<style> bodies", "%s MB/s, %s pages/s" %
                    (fmt(st["mb_per_cpu_s"]), fmt(st["pages_per_cpu_s"])), "", "%.2f" % (st["mb_per_cpu_s"] / floor_mb),
                    "%.0f%% of the bytes kept" % (100 * st["bytes_kept_fraction"])))
    ex = s.get("extract", {})
    if status("extract"):
        out.append(("extraction (decode + extract)", status("extract"), TARGETS["extract_ratio"], "-", ex.get("error", "")[:80]))
    elif "extract" in ex:
        e = ex["extract"]
        out.append(("extraction (decode + extract)", "%s MB/s, %s ms/100KB" % (fmt(e["mb_per_cpu_s"]), fmt(e["cpu_ms_per_100kb"], 2)),
                    "%s; %s" % (TARGETS["extract_ratio"], TARGETS["extract_ms_per_100kb"]),
                    "%.2f x floor time" % ex["ratio_to_floor"],
                    "title %.0f%%, text F1 %.3f, day %.0f%%" % (100 * ex["accuracy"]["title_exact"],
                                                             ex["accuracy"]["text_token_f1"], 100 * ex["accuracy"]["published_day"])))
    an = s.get("analyze", {})
    if status("analyze"):
        out.append(("analysis", status("analyze"), "", "-", an.get("error", "")[:80]))
    elif "sentences_per_cpu_s" in an:
        out.append(("analysis (analyze_article)", "%s sentences/s, %s articles/s" %
                    (fmt(an["sentences_per_cpu_s"], 0), fmt(an["articles_per_cpu_s"], 0)), "", "-",
                    "per CPU s; agrees with generator on %.0f%%" % (100 * an["agreement_with_generator"])))
    ix = s.get("index", {})
    xfloor = ix.get("xapian_floor", {})
    for n, r in sorted(((k, v) for k, v in ix.items() if k.isdigit()), key=lambda kv: int(kv[0])):
        if "docs_per_s" not in r:
            out.append(("indexing %s docs" % n, r.get("status", "failed"), TARGETS["index_docs_per_s"], "-", r.get("error", "")[:80]))
            continue
        ratio = "%.2f x bare Xapian" % (r["docs_per_cpu_s"] / xfloor["docs_per_cpu_s"]) if "docs_per_cpu_s" in xfloor else "-"
        out.append(("indexing %s docs" % fmt(int(n)), "%s docs/s (%s per CPU s), %s KB/doc, RSS %s MiB" %
                    (fmt(r["docs_per_s"], 0), fmt(r["docs_per_cpu_s"], 0), fmt(r["bytes_per_doc"] / 1000), fmt(r["peak_rss_mib"], 0)),
                    TARGETS["index_docs_per_s"], ratio, "load %s" % fmt(r.get("load_average"))))
    if "docs_per_cpu_s" in xfloor:
        out.append(("index floor: bare Xapian, same texts", "%s docs/s (%s per CPU s), %s KB/doc" %
                    (fmt(xfloor["docs_per_s"], 0), fmt(xfloor["docs_per_cpu_s"], 0), fmt(xfloor["bytes_per_doc"] / 1000)),
                    "(floor)", "1.00", "positions, STEM_SOME, CJK n-grams"))
    fts = ix.get("fts5_reference", {})
    if "docs_per_cpu_s" in fts:
        out.append(("index reference: SQLite FTS5, same texts", "%s docs/s (%s per CPU s), %s KB/doc" %
                    (fmt(fts["docs_per_s"], 0), fmt(fts["docs_per_cpu_s"], 0), fmt(fts["bytes_per_doc"] / 1000)),
                    "(reference)", "%.2f x bare Xapian" % (fts["docs_per_cpu_s"] / xfloor["docs_per_cpu_s"])
                    if "docs_per_cpu_s" in xfloor else "-", "porter unicode61, positions"))
    elif fts:
        out.append(("index reference: SQLite FTS5, same texts", fts.get("status", "failed"), "", "-",
                    fts.get("error", "")[:80]))
    se = s.get("search", {})
    for n, r in sorted(((k, v) for k, v in se.items() if k.isdigit()), key=lambda kv: int(kv[0])):
        if "all" not in r:
            out.append(("search %s docs" % n, r.get("status", "failed"), TARGETS["search_p99_ms"], "-", r.get("error", "")[:80]))
            continue
        ns = se.get(n + "_no_snippets", {})
        out.append(("search %s docs, %d queries" % (fmt(int(n)), r["queries"]),
                    "p50 %s ms, p99 %s ms (filtered %s, without facets %s), RSS %s MiB" %
                    (fmt(r["all"]["p50_ms"], 2), fmt(r["all"]["p99_ms"], 2), fmt(r["filtered"]["p99_ms"], 2),
                     fmt(r.get("without_facets", {}).get("p99_ms"), 2), fmt(r["peak_rss_mib"], 0)),
                    TARGETS["search_p99_ms"], "-",
                    "without snippets p50 %s, p99 %s ms" % (fmt(ns.get("all", {}).get("p50_ms"), 2), fmt(ns.get("all", {}).get("p99_ms"), 2))))
        t = r["timeline"]
        out.append(("timeline %s docs (whole topic)" % fmt(int(n)), "%s ms for %s articles" % (fmt(t["median_ms"], 0), fmt(t["articles"])),
                    TARGETS["timeline_ms"], "-", "with text %s ms" % fmt(t["with_text_median_ms"], 0)))
    cr = s.get("crawl", {})
    if status("crawl"):
        out.append(("crawl end to end", status("crawl"), TARGETS["crawl_pages_per_s"], "-", cr.get("error", "")[:80]))
    elif "no_latency" in cr:
        c, f, again = cr["no_latency"], cr.get("fetch_floor", {}), cr["recrawl"]
        ratio = "%.2f x fetch floor" % (c.get("pages_per_s", 0) / f["pages_per_s"]) if f.get("pages_per_s") else "-"
        if floor_pps and c.get("cpu_ms_per_page"):
            # CPU per page against the parse floor's CPU per page: steadier than wall rates
            # on a shared machine.
            ratio += "; CPU/page %.1f x parse floor" % (c["cpu_ms_per_page"] / (1000.0 / floor_pps))
        out.append(("crawl, no latency (%s pages, 8 conns)" % fmt(c["article_requests"]),
                    "%s pages/s, %s ms CPU/page, RSS %s MiB" % (fmt(c.get("pages_per_s")), fmt(c.get("cpu_ms_per_page"), 2), fmt(c["peak_rss_mib"], 0)),
                    "%s; %s" % (TARGETS["crawl_pages_per_s"], TARGETS["crawl_cpu_ms_per_page"]), ratio,
                    "threads CPU s %s (main first); server %s ms CPU/page; load %s%s" % (
                        "/".join(fmt(t) for t in c.get("thread_cpu_seconds", [])),
                        fmt(c["server_cpu_seconds"] * 1000 / max(c["article_requests"], 1), 2), fmt(c["load_average"]),
                                                  "; FAILED exit %d" % c["exit_code"] if c["exit_code"] else "")))
        if f.get("pages_per_s"):
            out.append(("fetch floor: bare libcurl, same URLs, 8 conns", "%s pages/s, %s MB/s" % (fmt(f["pages_per_s"]), fmt(f["mb_per_s"])),
                        "(floor)", "1.00", "%d failed" % f["failed"]))
        out.append(("re-crawl of the unchanged world", "%s x 304, %s x 200, %s article body bytes" %
                    (fmt(again["article_304"]), fmt(again["article_200"]), fmt(again["article_body_bytes"])),
                    TARGETS["recrawl"], "-", "%s s, all bodies %s bytes" % (fmt(again["wall_seconds"]), fmt(again["all_body_bytes"]))))
    la = s.get("latency", {})
    if status("latency") == "not built yet":
        out.append(("crawl, 50 ms latency, 50 hosts", "not built yet", "", "-", ""))
    elif "pages_per_s" in la:
        out.append(("crawl, 50 ms latency, %d hosts, default politeness" % la["hosts"],
                    "%s pages/s (%s requests/s)" % (fmt(la["pages_per_s"]), fmt(la["requests_per_s"])),
                    "", "%.2f x politeness bound" % (la["requests_per_s"] / la["politeness_bound_requests_per_s"]),
                    "1 request/s/host allowed; %s article pages" % fmt(la["article_requests"])))
    me = s.get("memory", {})
    if status("memory") == "not built yet":
        out.append(("crawl peak RSS vs pages", "not built yet", TARGETS["crawl_peak_rss_mib"], "-", ""))
    elif me:
        sizes = sorted((int(k), v) for k, v in me.items() if k.isdigit())
        text = ", ".join("%s pages: %s MiB" % (fmt(v["article_requests"]), fmt(v["peak_rss_mib"], 0)) for _, v in sizes)
        ratio = "%.2f x" % (sizes[-1][1]["peak_rss_mib"] / sizes[0][1]["peak_rss_mib"]) if len(sizes) > 1 and sizes[0][1]["peak_rss_mib"] else "-"
        out.append(("crawl peak RSS, small vs large crawl", text, TARGETS["crawl_peak_rss_mib"], ratio,
                    ", ".join("%s pages/s" % fmt(v.get("pages_per_s")) for _, v in sizes)))
    ri = s.get("reindex", {})
    if status("reindex") == "not built yet":
        out.append(("reindex from WARC", "not built yet", "", "-", ""))
    elif ri.get("status") == "failed":
        out.append(("reindex from WARC", "failed", "", "-", ri.get("error", "")[:80]))
    elif "pages_per_s" in ri:
        out.append(("reindex from WARC", "%s pages/s, %s ms CPU/page" % (fmt(ri["pages_per_s"]), fmt(ri["cpu_ms_per_page"], 2)),
                    "", "-", "%s documents, exit %d" % (fmt(ri.get("documents", 0)), ri["exit_code"])))
    return out


def print_table(results):
    table = rows(results)
    headers = ("figure", "measured", "target", "ratio", "note")
    widths = [max(len(str(r[i])) for r in table + [headers]) for i in range(5)]
    widths = [min(w, 70) for w in widths]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line)
    print("-" * len(line))
    for r in table:
        print("  ".join(str(c)[:w].ljust(w) for c, w in zip(r, widths)))
    m = results["machine"]
    print("\nscale %s; %s cores, %s GiB; load average %s at start, %s at end; %s" %
          (results["scale"], m["cores"], m["memory_gib"], m["load_start"], m["load_end"], results["command"]))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default="build")
    parser.add_argument("--scale", choices=sorted(SCALES), default=os.environ.get("BENCH_SCALE", "small"))
    parser.add_argument("--out", default=os.path.join(ROOT, "bench"))
    parser.add_argument("--only", default="", help="comma-separated stages (default: all)")
    parser.add_argument("--table", action="store_true", help="only print the table of an existing results.json")
    args = parser.parse_args(argv)
    results_path = os.path.join(args.out, "results.json")
    if args.table:
        print_table(json.load(open(results_path)))
        return 0

    only = [s for s in args.only.split(",") if s]
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    results = {"scale": args.scale, "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
               "command": "make bench BENCH_SCALE=%s" % args.scale,
               "machine": {"cores": os.cpu_count(), "memory_gib": round(mem, 1), "cpu": cpu_model(),
                           "kernel": platform.release(), "load_start": load_avg()},
               "stages": {}}
    if only and os.path.exists(results_path):
        previous = json.load(open(results_path))
        if previous.get("scale") == args.scale:
            results["stages"] = previous.get("stages", {})
    ctx = Context(args)
    for name, run in STAGES:
        if only and name not in only:
            continue
        log("stage %s" % name)
        started = time.time()
        try:
            results["stages"][name] = run(ctx)
        except Exception as e:  # a stage that breaks is reported, the others still run
            results["stages"][name] = {"status": "failed", "error": "%s: %s" % (type(e).__name__, e)}
        if isinstance(results["stages"][name], dict):
            results["stages"][name]["stage_seconds"] = round(time.time() - started, 1)
        with open(results_path + ".tmp", "w") as f:
            json.dump(results, f, indent=2, sort_keys=True)
        os.replace(results_path + ".tmp", results_path)
    results["machine"]["load_end"] = load_avg()
    results["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with open(results_path + ".tmp", "w") as f:
        json.dump(results, f, indent=2, sort_keys=True)
    os.replace(results_path + ".tmp", results_path)
    print_table(results)
    print("\nresults: %s" % results_path)
    return 0


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    sys.exit(main())
