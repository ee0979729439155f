#!/usr/bin/env python3
"""rwserve: the loopback HTTP/1.1 server rumorwatch's tests and `make demo` crawl.

Python 3 standard library only. It serves a directory tree on one or more loopback
addresses, one port for all of them, with real sockets and keep-alive, and can be told
at run time (through a control file, no restart) to misbehave in the ways real web
servers do.

Command line
------------
  rwserve.py --root DIR [--overlay DIR] [--phase 1|2] [--no-vhost]
             [--bind ADDR]... [--port N] [--port-file FILE]
             [--control FILE] [--log FILE] [--latency-ms N]
             [--max-seconds S] [--parent-pid PID]

  --root DIR        the tree to serve. With virtual hosts (the default) the request's
                    Host header, port stripped and lower-cased, picks DIR/<host>/; an
                    unknown host is a 404. --no-vhost serves DIR itself for every host.
  --overlay DIR     a second tree laid out like --root ("phase 2"): while the phase is 2
                    a file found there wins over the one in --root.
  --phase N         the phase at start (1 = root only, 2 = overlay on); default 1.
  --bind ADDR       an address to listen on; repeatable (127.0.0.1, 127.0.0.2, ... all
                    work on Linux loopback). Default: 127.0.0.1 only.
  --port N          the one port every address listens on; 0 (the default) picks a free
                    port once and reuses it for every address.
  --port-file FILE  written (atomically) with the port once every address is listening.
                    The port is also printed on stdout as "rwserve: port N".
  --control FILE    JSON control file, re-read whenever it changes (see below).
  --log FILE        appends one JSON line per request (see below).
  --latency-ms N    delay before answering each request (the control file overrides it).
  --max-seconds S   stop after S seconds (default 600); 0 means never.
  --parent-pid PID  stop as soon as that process is gone.
  SIGTERM and SIGINT stop the server cleanly (exit status 0).

Serving
-------
  A request for /a/b is answered by the file a/b, else a/b.html, else a/b/index.html;
  /a/b/ and / are answered by a/b/index.html and index.html. The query string is ignored
  when mapping. Percent-escapes are decoded first; a ".." segment or a NUL byte is a 400,
  and a file whose real path leaves the tree (a symlink) is a 404.
  Content-Type comes from the extension: .html/.htm text/html, .xml application/xml,
  .rss application/rss+xml, .atom application/atom+xml, .rdf application/rdf+xml,
  .txt text/plain, .json application/json (a few more for images, css, js); a file with
  no extension is sniffed (XML declaration or <rss>/<feed>/<rdf:RDF> -> feed/XML types,
  <html or <!doctype html -> text/html), else application/octet-stream.
  ROOT/_headers.json (and OVERLAY/_headers.json, which wins in phase 2) maps
  "host/relative/file/path" (or "relative/path" with --no-vhost; the request path
  without a leading slash works too) to extra or overriding response headers, e.g.
  {"www.dfshuma.example/article/x.html": {"Content-Type": "text/html; charset=gb18030"}}.
  Every file response carries a strong ETag (from a SHA-256 of the content; the gzip
  variant's tag ends in "-gzip" and either form matches If-None-Match), Last-Modified
  (the file's mtime; a phase-2 file is never older than the moment phase 2 began, so a
  crawler's If-Modified-Since from phase 1 does not hide the edit), Vary:
  Accept-Encoding, and gzip Content-Encoding when Accept-Encoding allows gzip.
  If-None-Match (which takes precedence) and If-Modified-Since give 304. HEAD works.

Control file (JSON object; every key optional; unknown keys make the file rejected, the
previous settings stay and an error goes to stderr)
------------
  {
    "latency_ms": 0,          per-request delay; absent -> the --latency-ms value
    "phase": 1,               1 = root only, 2 = overlay wins; absent -> --phase value
    "faults": [ RULE, ... ]   the first rule that matches a request decides it
  }
  The server reads the file at the start of every request and reloads it when its
  content changed, so a request sent after the file was replaced (write a temp file,
  rename it over) sees the new settings. Each log line carries the control file's
  "generation" (how many different contents have been loaded).

  RULE fields:
    "path":  regex searched (re.search) in the request path (without the query);
             default: every path.
    "host":  regex matched in full against the Host (lower-cased, port stripped);
             default: every host.
    "mode":  one of the modes below (required).
    "times": apply the rule to the first N matching requests only, then it no longer
             matches (requests are served normally or by a later rule). Counters are
             kept per rule text: they survive reloads that keep the rule unchanged.
    "id":    any value, otherwise ignored: give a rule a new id to restart its counter.
  Modes and their parameters (defaults in brackets):
    "status"        answer with "status" [500], optional "retry_after", "body".
    "status500"     500 Internal Server Error.
    "status503"     503 with Retry-After: "retry_after" [1] (seconds or an HTTP-date
                    string; null omits the header).
    "status429"     429 with Retry-After: "retry_after" [1] (null omits it).
    "reset"         abort the connection "at": "start" (before any byte of response),
                    "headers" (after the headers), or "body" [default] (after half the
                    body). "rst": true [default] closes with a TCP RST (SO_LINGER 0);
                    false closes with a plain FIN.
    "truncate"      declare the full Content-Length, send "fraction" [0.5] of the body,
                    then close the connection.
    "drip"          send the body "chunk_bytes" [16] at a time every "interval_ms" [100]
                    milliseconds (Content-Length correct, identity encoding).
    "redirect"      "status" [302] with Location: "location" (required; any string:
                    file:///etc/passwd, ftp://..., another host, a relative path).
    "redirect_loop" "status" [302] redirecting the request to itself (absolute URL
                    built from the Host header), forever.
    "oversize"      a huge body: "declared" [2147483648] bytes in Content-Length (null:
                    no Content-Length, the end is the connection's close), and "stream"
                    [same as declared, or 2 GiB] bytes actually sent before closing.
    "wrong_type"    the normal body under Content-Type "content_type" [image/png].
    "gzip_bomb"     Content-Encoding: gzip whatever the request accepted; a ~1/1000
                    sized body that inflates to "inflated" [2147483648] zero bytes,
                    with Content-Type "content_type" [text/html].
    "bad_chunked"   Transfer-Encoding: chunked with a broken framing: "variant"
                    "bad_size" [default] (a chunk size that is not hex), "short" (a
                    chunk shorter than its size, then close) or "no_crlf" (chunk data
                    not followed by CRLF).
    "fail_n_times"  shorthand: {"mode": "fail_n_times", "n": N, "as": MODE, ...} is
                    {"mode": MODE, "times": N, ...}; "as" defaults to "status500".
  Modes that change how a body is delivered (reset, truncate, drip, wrong_type) use the
  file the path maps to, or a generated 4 KiB HTML page when there is none, and ignore
  conditional headers.

Request log (--log): one JSON object per line, written when the response is done
-----------
  time (float, epoch seconds the request was read), end (float), client ("ip:port"),
  local (the bind address that took it), port (local port), conn (connection number,
  1-based, in accept order), host, method, path (the request target, query included),
  status (0 when the connection was dropped before a status line), bytes (body bytes
  written), conditional (true when If-None-Match or If-Modified-Since was sent),
  user_agent, fault (the mode, or null), gzip (true when the body was gzip-encoded),
  phase, generation, in_flight (requests being handled when this one started,
  itself included), open_connections (connections open at that moment).
"""

import argparse
import email.utils
import errno
import hashlib
import http.server
import json
import os
import re
import signal
import socket
import socketserver
import struct
import sys
import threading
import time
import urllib.parse
import zlib

# ---------------------------------------------------------------------------
# Content types

CONTENT_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".rdf": "application/rdf+xml",
    ".txt": "text/plain",
    ".json": "application/json",
    ".css": "text/css",
    ".js": "application/javascript",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".gz": "application/gzip",
    ".warc": "application/warc",
}


def sniff_type(content):
    """Content-Type for a file without a known extension, from its first bytes."""
    head = content[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return "text/html"
    if b"<rss" in head:
        return "application/rss+xml"
    if b"<feed" in head:
        return "application/atom+xml"
    if b"<rdf:rdf" in head:
        return "application/rdf+xml"
    if head.startswith(b"<?xml"):
        return "application/xml"
    return "application/octet-stream"


def content_type_for(path, content):
    ext = os.path.splitext(path)[1].lower()
    if ext in CONTENT_TYPES:
        return CONTENT_TYPES[ext]
    return sniff_type(content)


# ---------------------------------------------------------------------------
# Control: the settings a test changes while the server runs


class ControlError(Exception):
    pass


FAULT_MODES = {
    "status", "status500", "status503", "status429", "reset", "truncate", "drip",
    "redirect", "redirect_loop", "oversize", "wrong_type", "gzip_bomb", "bad_chunked",
}
RULE_KEYS = {
    "path", "host", "mode", "times", "n", "as", "status", "retry_after", "body", "at",
    "rst", "fraction", "chunk_bytes", "interval_ms", "location", "declared", "stream",
    "content_type", "inflated", "variant", "id",
}
CONTROL_KEYS = {"latency_ms", "phase", "faults"}


class Rule:
    """One fault rule, validated, with compiled regexes."""

    def __init__(self, raw):
        if not isinstance(raw, dict):
            raise ControlError("a fault rule must be an object")
        unknown = set(raw) - RULE_KEYS
        if unknown:
            raise ControlError("unknown fault rule keys: %s" % ", ".join(sorted(unknown)))
        self.key = json.dumps(raw, sort_keys=True)
        params = dict(raw)
        mode = params.get("mode")
        if mode == "fail_n_times":
            if "n" not in params:
                raise ControlError("fail_n_times needs \"n\"")
            params["times"] = params.pop("n")
            mode = params.pop("as", "status500")
        if mode not in FAULT_MODES:
            raise ControlError("unknown fault mode %r" % (mode,))
        self.mode = mode
        self.params = params
        try:
            self.path_re = re.compile(params.get("path", ""))
            self.host_re = re.compile(params["host"]) if "host" in params else None
        except re.error as e:
            raise ControlError("bad regex in fault rule: %s" % e)
        self.times = params.get("times")
        if self.times is not None and (not isinstance(self.times, int) or self.times < 0):
            raise ControlError("\"times\" must be a non-negative integer")
        if mode == "redirect" and not isinstance(params.get("location"), str):
            raise ControlError("redirect needs a \"location\" string")

    def matches(self, host, path):
        if self.host_re is not None and not self.host_re.fullmatch(host or ""):
            return False
        return self.path_re.search(path) is not None


class Control:
    """An immutable snapshot of the run-time settings."""

    def __init__(self, latency_ms, phase, rules, generation):
        self.latency_ms = latency_ms
        self.phase = phase
        self.rules = rules
        self.generation = generation

    @staticmethod
    def parse(text, defaults, generation):
        try:
            raw = json.loads(text)
        except ValueError as e:
            raise ControlError("not JSON: %s" % e)
        if not isinstance(raw, dict):
            raise ControlError("the control file must hold a JSON object")
        unknown = set(raw) - CONTROL_KEYS
        if unknown:
            raise ControlError("unknown control keys: %s" % ", ".join(sorted(unknown)))
        latency = raw.get("latency_ms", defaults.latency_ms)
        if not isinstance(latency, (int, float)) or latency < 0:
            raise ControlError("\"latency_ms\" must be a non-negative number")
        phase = raw.get("phase", defaults.phase)
        if phase not in (1, 2):
            raise ControlError("\"phase\" must be 1 or 2")
        faults = raw.get("faults", [])
        if not isinstance(faults, list):
            raise ControlError("\"faults\" must be a list")
        return Control(latency, phase, [Rule(r) for r in faults], generation)


# ---------------------------------------------------------------------------
# Shared state


class State:
    def __init__(self, args):
        self.args = args
        self.root = os.path.realpath(args.root)
        self.overlay = os.path.realpath(args.overlay) if args.overlay else None
        self.vhost = not args.no_vhost
        self.defaults = Control(args.latency_ms, args.phase, [], 0)
        self.control = self.defaults
        self.control_text = None
        self.phase2_since = time.time() if args.phase == 2 else None
        self.lock = threading.Lock()
        self.rule_counts = {}
        self.headers_cache = {}
        self.file_cache = {}
        self.bomb_cache = {}
        self.log_lock = threading.Lock()
        self.log_file = open(args.log, "a", buffering=1, encoding="utf-8") if args.log else None
        self.in_flight = 0
        self.open_connections = 0
        self.connections_accepted = 0

    # -- control file ------------------------------------------------------

    def current(self):
        """The settings for a request starting now (reloads the control file if changed).

        The file is read at every request and compared by content, not by mtime: two
        writes within one kernel clock tick share an mtime, and a reused inode with the
        same size would then hide the second one."""
        path = self.args.control
        if not path:
            return self.control
        try:
            with open(path, "rb") as f:
                text = f.read()
        except OSError:
            return self.control  # absent (or being replaced): keep what we have
        with self.lock:
            if text == self.control_text:
                return self.control
            self.control_text = text
            try:
                control = Control.parse(text.decode("utf-8"), self.defaults,
                                        self.control.generation + 1)
            except (UnicodeDecodeError, ControlError) as e:
                sys.stderr.write("rwserve: control file %s rejected: %s\n" % (path, e))
                sys.stderr.flush()
                return self.control
            if control.phase == 2 and self.control.phase != 2:
                self.phase2_since = time.time()
            self.control = control
            return control

    def pick_rule(self, control, host, path):
        """The first rule matching the request that still has uses left, counted."""
        with self.lock:
            for rule in control.rules:
                if not rule.matches(host, path):
                    continue
                used = self.rule_counts.get(rule.key, 0)
                if rule.times is not None and used >= rule.times:
                    continue
                self.rule_counts[rule.key] = used + 1
                return rule
        return None

    # -- files -------------------------------------------------------------

    def extra_headers(self, base):
        """The _headers.json map of one tree, reloaded when it changes."""
        path = os.path.join(base, "_headers.json")
        try:
            st = os.stat(path)
        except OSError:
            return {}
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        with self.lock:
            cached = self.headers_cache.get(path)
            if cached and cached[0] == stamp:
                return cached[1]
        try:
            with open(path, "r", encoding="utf-8") as f:
                data = json.load(f)
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except (OSError, ValueError) as e:
            sys.stderr.write("rwserve: %s ignored: %s\n" % (path, e))
            data = {}
        with self.lock:
            self.headers_cache[path] = (stamp, data)
        return data

    def read_file(self, path):
        """(content, sha256 hex, mtime, gzip bytes or None) with a small cache."""
        st = os.stat(path)
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        with self.lock:
            cached = self.file_cache.get(path)
            if cached and cached[0] == stamp:
                return cached[1]
        with open(path, "rb") as f:
            content = f.read()
        entry = {
            "content": content,
            "hash": hashlib.sha256(content).hexdigest()[:32],
            "mtime": st.st_mtime,
            "gzip": None,
        }
        with self.lock:
            if len(self.file_cache) > 4096:
                self.file_cache.clear()
            self.file_cache[path] = (stamp, entry)
        return entry

    def gzip_of(self, entry):
        if entry["gzip"] is None:
            # mtime=0 keeps the gzip bytes (and so the gzip ETag) stable.
            entry["gzip"] = gzip_bytes(entry["content"])
        return entry["gzip"]

    def bomb(self, inflated):
        with self.lock:
            if inflated in self.bomb_cache:
                return self.bomb_cache[inflated]
        body = build_gzip_bomb(inflated)
        with self.lock:
            self.bomb_cache[inflated] = body
        return body

    # -- log ---------------------------------------------------------------

    def log(self, entry):
        if not self.log_file:
            return
        line = json.dumps(entry, ensure_ascii=False, sort_keys=True)
        with self.log_lock:
            self.log_file.write(line + "\n")
            self.log_file.flush()


def gzip_bytes(content):
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    data = bytearray(c.compress(content) + c.flush())
    data[4:8] = b"\0\0\0\0"  # no mtime in the header: same input, same bytes
    return bytes(data)


def build_gzip_bomb(inflated):
    """A gzip member that inflates to `inflated` zero bytes, built without compressing
    them all: one 1 MiB deflate piece ending in a full flush is self-contained and
    byte-aligned, so copies of it can be laid end to end."""
    block = 1 << 20
    zeros = bytes(block)

    def piece(n):
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(bytes(n) if n != block else zeros) + c.flush(zlib.Z_FULL_FLUSH)

    whole, rest = divmod(inflated, block)
    parts = [piece(block)] * whole
    if rest:
        parts.append(piece(rest))
    parts.append(zlib.compressobj(9, zlib.DEFLATED, -15).flush())  # empty final block
    crc = 0
    for _ in range(whole):
        crc = zlib.crc32(zeros, crc)
    if rest:
        crc = zlib.crc32(bytes(rest), crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03"
    trailer = struct.pack("<II", crc & 0xFFFFFFFF, inflated & 0xFFFFFFFF)
    return header + b"".join(parts) + trailer


def filler_page(size=4096):
    """A generated HTML page for delivery faults on paths with no file."""
    head = b"<!doctype html><html><head><title>rwserve filler</title></head><body>\n"
    tail = b"</body></html>\n"
    line = b"<p>rwserve filler text for fault testing.</p>\n"
    body = head
    while len(body) + len(line) + len(tail) <= size:
        body += line
    return body + tail


FILLER = filler_page()
HOST_RE = re.compile(r"^[a-z0-9.-]+$")


def strip_port(host):
    host = host.strip().lower()
    if host.startswith("["):
        end = host.find("]")
        return host[: end + 1] if end >= 0 else host
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def http_date(ts):
    return email.utils.formatdate(ts, usegmt=True)


def parse_http_date(text):
    try:
        dt = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if dt is None:
        return None
    return dt.timestamp()


def accepts_gzip(header):
    if not header:
        return False
    for item in header.split(","):
        parts = [p.strip() for p in item.split(";")]
        coding = parts[0].lower()
        if coding not in ("gzip", "x-gzip", "*"):
            continue
        q = 1.0
        for p in parts[1:]:
            if p.lower().startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            return True
    return False


def etag_matches(header, tag):
    """True when If-None-Match lists `tag` (weak comparison, -gzip variant ignored)."""
    if header.strip() == "*":
        return True

    def norm(t):
        t = t.strip()
        if t.startswith("W/"):
            t = t[2:]
        t = t.strip('"')
        if t.endswith("-gzip"):
            t = t[: -len("-gzip")]
        return t

    want = norm(tag)
    return any(norm(t) == want for t in header.split(",") if t.strip())


class BadRequest(Exception):
    pass


def url_segments(raw_path):
    """Decoded path segments of a request path; BadRequest on '..' or NUL."""
    decoded = urllib.parse.unquote_to_bytes(raw_path)
    if b"\0" in decoded:
        raise BadRequest("NUL in path")
    text = os.fsdecode(decoded)
    segments = []
    for seg in text.split("/"):
        if seg in ("", "."):
            continue
        if seg == "..":
            raise BadRequest("'..' in path")
        segments.append(seg)
    return segments, text.endswith("/")


def candidates(segments, trailing_slash):
    rel = "/".join(segments)
    if not rel:
        return ["index.html"]
    if trailing_slash:
        return [rel + "/index.html"]
    return [rel, rel + ".html", rel + "/index.html"]


def inside(base, path):
    real = os.path.realpath(path)
    return real == base or real.startswith(base + os.sep)


# ---------------------------------------------------------------------------
# The handler


class AbortConnection(Exception):
    """Raised after a fault dropped the connection on purpose."""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "rwserve/1.0"
    sys_version = ""
    timeout = 30  # idle keep-alive connections end after this long
    # Headers and body go out in separate writes; with Nagle on, the second waits for the
    # client's delayed ACK (40 ms per keep-alive request on Linux).
    disable_nagle_algorithm = True

    def version_string(self):
        return self.server_version

    # -- plumbing ----------------------------------------------------------

    def setup(self):
        super().setup()
        state = self.server.state
        with state.lock:
            state.open_connections += 1
            state.connections_accepted += 1
            self.conn_id = state.connections_accepted

    def finish(self):
        try:
            super().finish()
        finally:
            state = self.server.state
            with state.lock:
                state.open_connections -= 1

    def log_message(self, format, *args):  # noqa: A002 (signature from the base class)
        pass  # every request goes to the JSON log instead

    def send_response(self, code, message=None):
        self.rw_status = code
        super().send_response(code, message)

    def write_body(self, data):
        self.wfile.write(data)
        self.rw_bytes += len(data)

    def send_error(self, code, message=None, explain=None):
        # Also reached for requests the base class could not parse.
        super().send_error(code, message, explain)
        if not getattr(self, "rw_in_request", False):
            self.server.state.log({
                "time": time.time(), "end": time.time(), "client": self.client_text(),
                "local": self.local_addr()[0], "port": self.local_addr()[1],
                "conn": self.conn_id, "host": "", "method": getattr(self, "command", "") or "",
                "path": getattr(self, "path", "") or "", "status": code, "bytes": 0,
                "conditional": False, "user_agent": "", "fault": None, "gzip": False,
                "phase": self.server.state.control.phase,
                "generation": self.server.state.control.generation,
                "in_flight": 0, "open_connections": 0,
            })

    def client_text(self):
        return "%s:%d" % self.client_address[:2]

    def local_addr(self):
        try:
            return self.connection.getsockname()[:2]
        except OSError:
            return ("", 0)

    def do_GET(self):
        self.handle_request(head=False)

    def do_HEAD(self):
        self.handle_request(head=True)

    # -- one request -------------------------------------------------------

    def handle_request(self, head):
        state = self.server.state
        self.rw_in_request = True
        self.rw_status = 0
        self.rw_bytes = 0
        self.rw_gzip = False
        started = time.time()
        with state.lock:
            state.in_flight += 1
            in_flight = state.in_flight
            open_connections = state.open_connections
        control = state.current()
        host = strip_port(self.headers.get("Host", ""))
        path = urllib.parse.urlsplit(self.path).path if self.path.startswith("/") else self.path
        local = self.local_addr()
        conditional = ("If-None-Match" in self.headers) or ("If-Modified-Since" in self.headers)
        rule = None
        try:
            if control.latency_ms:
                time.sleep(control.latency_ms / 1000.0)
            rule = state.pick_rule(control, host, path)
            if rule is not None:
                self.apply_fault(rule, control, host, path, head)
            else:
                self.serve_file(control, host, path, head)
        except AbortConnection:
            self.close_connection = True
        except (BrokenPipeError, ConnectionResetError, socket.timeout, OSError):
            self.close_connection = True
        finally:
            with state.lock:
                state.in_flight -= 1
            self.rw_in_request = False
            state.log({
                "time": started, "end": time.time(), "client": self.client_text(),
                "local": local[0], "port": local[1], "conn": self.conn_id, "host": host,
                "method": self.command, "path": self.path, "status": self.rw_status,
                "bytes": self.rw_bytes, "conditional": conditional,
                "user_agent": self.headers.get("User-Agent", ""),
                "fault": rule.mode if rule else None, "gzip": self.rw_gzip,
                "phase": control.phase, "generation": control.generation,
                "in_flight": in_flight, "open_connections": open_connections,
            })

    # -- files -------------------------------------------------------------

    def locate(self, control, host, path):
        """(absolute file, tree it came from, key for _headers.json) or None.
        Raises BadRequest for a path that tries to leave the tree."""
        state = self.server.state
        segments, trailing = url_segments(path)
        bases = [state.root]
        if control.phase == 2 and state.overlay:
            bases.insert(0, state.overlay)
        if state.vhost:
            if not host or not HOST_RE.match(host):
                raise BadRequest("missing or malformed Host header")
        for base in bases:
            top = os.path.join(base, host) if state.vhost else base
            if not os.path.isdir(top):
                continue
            for rel in candidates(segments, trailing):
                if not state.vhost and rel == "_headers.json":
                    continue
                full = os.path.join(top, rel)
                if os.path.isfile(full) and inside(base, full):
                    key = (host + "/" + rel) if state.vhost else rel
                    return full, base, key
        return None

    def headers_for(self, control, key, url_key):
        state = self.server.state
        merged = {}
        trees = [state.root]
        if control.phase == 2 and state.overlay:
            trees.append(state.overlay)
        for tree in trees:
            table = state.extra_headers(tree)
            for k in (url_key, key):
                value = table.get(k)
                if isinstance(value, dict):
                    merged.update({str(a): str(b) for a, b in value.items()})
        return merged

    def representation(self, control, host, path):
        """Everything needed to answer with the file: dict or None when there is none."""
        state = self.server.state
        found = self.locate(control, host, path)
        if found is None:
            return None
        full, base, key = found
        entry = state.read_file(full)
        mtime = entry["mtime"]
        if base == state.overlay and state.phase2_since:
            mtime = max(mtime, state.phase2_since)
        url_key = (host + path) if state.vhost else path.lstrip("/")
        headers = {
            "Content-Type": content_type_for(full, entry["content"]),
            "ETag": '"%s"' % entry["hash"],
            "Last-Modified": http_date(mtime),
            "Vary": "Accept-Encoding",
        }
        headers.update(self.headers_for(control, key, url_key))
        return {"entry": entry, "headers": headers}

    def not_modified(self, rep):
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return etag_matches(inm, rep["headers"].get("ETag", ""))
        ims = self.headers.get("If-Modified-Since")
        if ims is not None:
            since = parse_http_date(ims)
            modified = parse_http_date(rep["headers"].get("Last-Modified", ""))
            return since is not None and modified is not None and int(modified) <= int(since)
        return False

    def serve_file(self, control, host, path, head):
        state = self.server.state
        try:
            rep = self.representation(control, host, path)
        except BadRequest as e:
            self.send_status_page(400, head, str(e))
            return
        if rep is None:
            self.send_status_page(404, head)
            return
        headers = dict(rep["headers"])
        if self.not_modified(rep):
            self.send_response(304)
            for name in ("ETag", "Last-Modified", "Vary", "Cache-Control", "Expires"):
                if name in headers:
                    self.send_header(name, headers[name])
            self.end_headers()
            return
        body = rep["entry"]["content"]
        if accepts_gzip(self.headers.get("Accept-Encoding")) and "Content-Encoding" not in headers:
            body = state.gzip_of(rep["entry"])
            headers["Content-Encoding"] = "gzip"
            headers["ETag"] = headers["ETag"][:-1] + '-gzip"'
            self.rw_gzip = True
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.write_body(body)

    # -- faults ------------------------------------------------------------

    def file_or_filler(self, control, host, path):
        """(body, content type, extra headers) for delivery faults."""
        try:
            rep = self.representation(control, host, path)
        except BadRequest:
            rep = None
        if rep is None:
            return FILLER, "text/html", {}
        headers = dict(rep["headers"])
        ctype = headers.pop("Content-Type", "text/html")
        headers.pop("Content-Encoding", None)
        return rep["entry"]["content"], ctype, headers

    def send_simple(self, code, body, extra=None, head=False, ctype="text/html"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.write_body(body)

    def send_status_page(self, code, head, detail=""):
        """A small HTML error page that keeps the connection alive (send_error closes it)."""
        reason = self.responses.get(code, ("Error",))[0]
        body = "<html><body><h1>%d %s</h1><p>%s</p></body></html>\n" % (
            code, reason, detail.replace("&", "&amp;").replace("<", "&lt;"))
        self.send_simple(code, body.encode("utf-8"), None, head)

    def hard_close(self, rst):
        """Drop the connection now: RST when `rst`, else a FIN."""
        self.close_connection = True
        sock = self.connection
        try:
            if rst:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            else:
                sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        try:
            self.rfile.close()
        except OSError:
            pass
        sock.close()
        raise AbortConnection()

    def apply_fault(self, rule, control, host, path, head):
        p = rule.params
        mode = rule.mode
        if mode in ("status", "status500", "status503", "status429"):
            code = {"status500": 500, "status503": 503, "status429": 429}.get(mode)
            if code is None:
                code = int(p.get("status", 500))
            extra = {}
            retry = p.get("retry_after", 1) if mode in ("status503", "status429") else p.get("retry_after")
            if retry is not None:
                extra["Retry-After"] = str(retry)
            body = p.get("body")
            if body is None:
                body = "<html><body><h1>%d</h1><p>rwserve fault</p></body></html>\n" % code
            self.send_simple(code, body.encode("utf-8"), extra, head)
        elif mode in ("redirect", "redirect_loop"):
            code = int(p.get("status", 302))
            if mode == "redirect":
                location = p["location"]
            else:
                location = "http://%s%s" % (self.headers.get("Host", host), self.path)
            body = b"<html><body>moved</body></html>\n"
            self.send_simple(code, body, {"Location": location}, head)
        elif mode == "wrong_type":
            body, _, extra = self.file_or_filler(control, host, path)
            self.send_simple(200, body, extra, head, ctype=p.get("content_type", "image/png"))
        elif mode == "truncate":
            body, ctype, extra = self.file_or_filler(control, host, path)
            fraction = float(p.get("fraction", 0.5))
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.write_body(body[: int(len(body) * fraction)])
            self.hard_close(rst=False)
        elif mode == "reset":
            at = p.get("at", "body")
            rst = bool(p.get("rst", True))
            if at == "start":
                self.hard_close(rst)
            body, ctype, extra = self.file_or_filler(control, host, path)
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if at != "headers" and not head:
                self.write_body(body[: len(body) // 2])
            self.hard_close(rst)
        elif mode == "drip":
            body, ctype, extra = self.file_or_filler(control, host, path)
            step = max(1, int(p.get("chunk_bytes", 16)))
            interval = float(p.get("interval_ms", 100)) / 1000.0
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                for i in range(0, len(body), step):
                    if i:
                        time.sleep(interval)
                    self.write_body(body[i: i + step])
        elif mode == "oversize":
            declared = p.get("declared", 1 << 31)
            stream = p.get("stream", declared if declared is not None else 1 << 31)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if declared is not None:
                self.send_header("Content-Length", str(int(declared)))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            if head:
                return
            chunk = (b"<p>" + b"x" * 1017 + b"</p>\n") * 64  # 64 KiB
            left = int(stream)
            while left > 0:
                piece = chunk[: min(left, len(chunk))]
                self.write_body(piece)
                left -= len(piece)
            if declared is None or int(stream) < int(declared):
                self.hard_close(rst=False)  # the close is the end of the body
        elif mode == "gzip_bomb":
            body = self.server.state.bomb(int(p.get("inflated", 1 << 31)))
            self.rw_gzip = True
            extra = {"Content-Encoding": "gzip"}
            self.send_simple(200, body, extra, head, ctype=p.get("content_type", "text/html"))
        elif mode == "bad_chunked":
            variant = p.get("variant", "bad_size")
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            if head:
                return
            if variant == "short":
                data = b"400\r\n<html><body>only a few bytes"
            elif variant == "no_crlf":
                data = b"6\r\n<html>XX<body>broken</body></html>\r\n0\r\n\r\n"
            else:
                data = b"6\r\n<html>\r\nzz\r\n<body>broken</body>\r\n0\r\n\r\n"
            self.write_body(data)
            self.hard_close(rst=False)
        else:  # validated in Rule, so this is a programming error
            raise AssertionError(mode)


# ---------------------------------------------------------------------------
# Server


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 256  # 64+ clients connecting at once must not overflow the backlog

    def __init__(self, address, state):
        self.state = state
        super().__init__(address, Handler)

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (OSError, AbortConnection)):
            return  # clients hang up; faults hang up: not worth a traceback
        super().handle_error(request, client_address)


def listen_all(binds, port, state):
    """One Server per address, all on the same port (chosen once when port is 0)."""
    for _ in range(50):
        servers = []
        chosen = port
        try:
            for addr in binds:
                server = Server((addr, chosen), state)
                servers.append(server)
                if chosen == 0:
                    chosen = server.server_address[1]
            return servers, chosen
        except OSError as e:
            for server in servers:
                server.server_close()
            if port != 0 or e.errno != errno.EADDRINUSE:
                raise
    raise OSError(errno.EADDRINUSE, "no port free on every bind address")


def parent_alive(pid, original_ppid):
    if os.getppid() != original_ppid and original_ppid == pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description="rumorwatch loopback test HTTP server")
    parser.add_argument("--root", required=True)
    parser.add_argument("--overlay")
    parser.add_argument("--phase", type=int, choices=(1, 2), default=1)
    parser.add_argument("--no-vhost", action="store_true")
    parser.add_argument("--bind", action="append")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    parser.add_argument("--control")
    parser.add_argument("--log")
    parser.add_argument("--latency-ms", type=float, default=0)
    parser.add_argument("--max-seconds", type=float, default=600)
    parser.add_argument("--parent-pid", type=int)
    args = parser.parse_args(argv)
    if not os.path.isdir(args.root):
        parser.error("--root %s is not a directory" % args.root)
    if args.overlay and not os.path.isdir(args.overlay):
        parser.error("--overlay %s is not a directory" % args.overlay)

    state = State(args)
    state.current()  # load the control file before the first request
    binds = args.bind or ["127.0.0.1"]
    servers, port = listen_all(binds, args.port, state)
    for server in servers:
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                         daemon=True).start()

    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.replace(tmp, args.port_file)
    print("rwserve: port %d on %s" % (port, " ".join(binds)), flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    deadline = time.monotonic() + args.max_seconds if args.max_seconds > 0 else None
    original_ppid = os.getppid()
    reason = "signal"
    while not stop.is_set():
        stop.wait(0.2)
        if deadline is not None and time.monotonic() >= deadline:
            reason = "max-seconds reached"
            break
        if args.parent_pid and not parent_alive(args.parent_pid, original_ppid):
            reason = "parent %d gone" % args.parent_pid
            break
    for server in servers:
        server.shutdown()
        server.server_close()
    sys.stderr.write("rwserve: stopping (%s)\n" % reason)
    return 0


if __name__ == "__main__":
    sys.exit(main())
