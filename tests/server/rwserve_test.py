#!/usr/bin/env python3
"""Tests for rwserve.py over real loopback sockets (unittest, standard library only)."""

import email.utils
import gzip
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "rwserve.py")
START_TIMEOUT = 30.0  # python start-up is slow on a loaded two-core machine


def write(path, content, mtime=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    if mtime is not None:
        os.utime(path, (mtime, mtime))


class Served:
    """One rwserve.py process with its temp files."""

    def __init__(self, root, *extra, binds=("127.0.0.1",)):
        self.tmp = tempfile.mkdtemp(prefix="rwserve-test-")
        self.port_file = os.path.join(self.tmp, "port")
        self.control = os.path.join(self.tmp, "control.json")
        self.log = os.path.join(self.tmp, "log.jsonl")
        self.output = open(os.path.join(self.tmp, "out.txt"), "wb")
        args = [sys.executable, SERVER, "--root", root, "--port-file", self.port_file,
                "--control", self.control, "--log", self.log, "--max-seconds", "300",
                "--parent-pid", str(os.getpid())]
        for b in binds:
            args += ["--bind", b]
        args += list(extra)
        self.proc = subprocess.Popen(args, stdout=self.output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT
        while not os.path.exists(self.port_file):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("rwserve did not start: " + self.text_output())
            time.sleep(0.02)
        with open(self.port_file) as f:
            self.port = int(f.read())

    def text_output(self):
        with open(os.path.join(self.tmp, "out.txt"), "rb") as f:
            return f.read().decode("utf-8", "replace")

    def set_control(self, **control):
        tmp = self.control + ".tmp"
        with open(tmp, "w") as f:
            json.dump(control, f)
        os.replace(tmp, self.control)

    def entries(self, count=None, timeout=5.0):
        deadline = time.monotonic() + timeout
        while True:
            try:
                with open(self.log, encoding="utf-8") as f:
                    lines = [json.loads(l) for l in f.read().split("\n") if l.strip()]
            except FileNotFoundError:
                lines = []
            if count is None or len(lines) >= count or time.monotonic() > deadline:
                return lines
            time.sleep(0.01)

    def clear_log(self):
        if os.path.exists(self.log):
            os.truncate(self.log, 0)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.output.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- clients -----------------------------------------------------------

    def request(self, path, host="www.alpha.example", headers=None, method="GET",
                addr="127.0.0.1", timeout=10):
        conn = http.client.HTTPConnection(addr, self.port, timeout=timeout)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            if host is not None:
                conn.putheader("Host", host)
            for k, v in (headers or {}).items():
                conn.putheader(k, v)
            conn.endheaders()
            resp = conn.getresponse()
            body = resp.read()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
        finally:
            conn.close()

    def raw(self, data, addr="127.0.0.1", timeout=10):
        """Sends raw bytes, returns everything read until the server closes."""
        with socket.create_connection((addr, self.port), timeout=timeout) as s:
            s.sendall(data)
            chunks = []
            while True:
                try:
                    chunk = s.recv(65536)
                except ConnectionResetError:
                    chunks.append(b"<RST>")
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)


def build_world(base):
    root = os.path.join(base, "site")
    overlay = os.path.join(base, "phase2")
    old = time.time() - 86400 * 30
    write(os.path.join(root, "www.alpha.example/index.html"), "<html>alpha home</html>", old)
    write(os.path.join(root, "www.alpha.example/news/story.html"), "<html>story v1</html>", old)
    write(os.path.join(root, "www.alpha.example/news/raw"), "exact file wins")
    write(os.path.join(root, "www.alpha.example/news/raw.html"), "not this one")
    write(os.path.join(root, "www.alpha.example/section/index.html"), "<html>section</html>")
    write(os.path.join(root, "www.alpha.example/feed.rss"), "<rss></rss>")
    write(os.path.join(root, "www.alpha.example/feed.atom"), "<feed/>")
    write(os.path.join(root, "www.alpha.example/feed.rdf"), "<rdf:RDF/>")
    write(os.path.join(root, "www.alpha.example/sitemap.xml"), "<?xml version='1.0'?><urlset/>")
    write(os.path.join(root, "www.alpha.example/robots.txt"), "User-agent: *\nDisallow:\n")
    write(os.path.join(root, "www.alpha.example/tech/rss"), "<?xml version='1.0'?><rss></rss>")
    write(os.path.join(root, "www.alpha.example/blob"), b"\x00\x01binary")
    write(os.path.join(root, "www.alpha.example/with space.html"), "<html>spaced</html>")
    write(os.path.join(root, "www.alpha.example/big.html"),
          "<html>" + "lorem ipsum dolor sit amet " * 2000 + "</html>")
    write(os.path.join(root, "www.alpha.example/gbk.html"), "<html>gbk</html>")
    write(os.path.join(root, "www.beta.example/index.html"), "<html>beta home</html>")
    write(os.path.join(base, "secret.txt"), "top secret")
    os.symlink(os.path.join(base, "secret.txt"), os.path.join(root, "www.alpha.example/leak.txt"))
    write(os.path.join(root, "_headers.json"), json.dumps({
        "www.alpha.example/gbk.html": {"Content-Type": "text/html; charset=gb18030"},
        "www.alpha.example/section": {"X-Section": "yes"},
    }))
    write(os.path.join(overlay, "www.alpha.example/news/story.html"), "<html>story v2</html>", old)
    write(os.path.join(overlay, "www.alpha.example/only-in-phase2.html"), "<html>new</html>")
    return root, overlay


class RwserveTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="rwserve-world-")
        cls.root, cls.overlay = build_world(cls.base)
        cls.server = Served(cls.root, "--overlay", cls.overlay,
                            binds=("127.0.0.1", "127.0.0.2"))

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.base, ignore_errors=True)

    def setUp(self):
        self.server.set_control(faults=[], latency_ms=0, phase=1)

    def get(self, path, **kw):
        return self.server.request(path, **kw)

    # -- virtual hosts and path mapping -------------------------------------

    def test_vhost_picks_directory_from_host_header(self):
        self.assertEqual(self.get("/")[2], b"<html>alpha home</html>")
        self.assertEqual(self.get("/", host="www.beta.example")[2], b"<html>beta home</html>")
        self.assertEqual(self.get("/", host="WWW.Beta.Example:8080")[2], b"<html>beta home</html>")
        self.assertEqual(self.get("/", host="www.gamma.example")[0], 404)
        self.assertEqual(self.get("/", host=None)[0], 400)
        self.assertEqual(self.get("/", host="../etc")[0], 400)

    def test_every_bind_address_listens_on_the_same_port(self):
        self.assertEqual(self.get("/", addr="127.0.0.2")[0], 200)
        with self.assertRaises(OSError):
            socket.create_connection(("127.0.0.3", self.server.port), timeout=2).close()

    def test_path_mapping(self):
        self.assertEqual(self.get("/news/story")[2], b"<html>story v1</html>")
        self.assertEqual(self.get("/news/story.html")[2], b"<html>story v1</html>")
        self.assertEqual(self.get("/news/raw")[2], b"exact file wins")
        self.assertEqual(self.get("/section")[2], b"<html>section</html>")
        self.assertEqual(self.get("/section/")[2], b"<html>section</html>")
        self.assertEqual(self.get("/news/story?utm_source=x&a=1")[2], b"<html>story v1</html>")
        self.assertEqual(self.get("/with%20space")[2], b"<html>spaced</html>")
        self.assertEqual(self.get("//news//./story")[2], b"<html>story v1</html>")
        self.assertEqual(self.get("/news/")[0], 404)
        self.assertEqual(self.get("/nothing/here")[0], 404)

    def test_traversal_is_rejected(self):
        for target in (b"/../secret.txt", b"/news/../../secret.txt", b"/%2e%2e/secret.txt",
                       b"/news/%2E%2E/%2e%2e/secret.txt", b"/..%2fsecret.txt",
                       b"/news%2f..%2f..%2fsecret.txt", b"/a%00b"):
            reply = self.server.raw(b"GET " + target +
                                    b" HTTP/1.1\r\nHost: www.alpha.example\r\nConnection: close\r\n\r\n")
            self.assertTrue(reply.startswith(b"HTTP/1.1 400"), (target, reply[:40]))
            self.assertNotIn(b"top secret", reply)
        # A symlink out of the tree is not followed.
        status, _, body = self.get("/leak.txt")
        self.assertEqual(status, 404)
        self.assertNotIn(b"top secret", body)
        # The headers file itself is not part of any host.
        self.assertEqual(self.get("/_headers.json")[0], 404)

    def test_content_types(self):
        expected = {
            "/": "text/html", "/feed.rss": "application/rss+xml",
            "/feed.atom": "application/atom+xml", "/feed.rdf": "application/rdf+xml",
            "/sitemap.xml": "application/xml", "/robots.txt": "text/plain",
            "/tech/rss": "application/rss+xml", "/blob": "application/octet-stream",
        }
        for path, ctype in expected.items():
            self.assertEqual(self.get(path)[1]["content-type"], ctype, path)

    def test_headers_json_overrides_and_reloads(self):
        self.assertEqual(self.get("/gbk.html")[1]["content-type"], "text/html; charset=gb18030")
        self.assertEqual(self.get("/section")[1].get("x-section"), "yes")
        path = os.path.join(self.root, "_headers.json")
        with open(path) as f:
            saved = f.read()
        try:
            write(path, json.dumps({"www.alpha.example/gbk.html": {"Content-Type": "text/plain"}}))
            self.assertEqual(self.get("/gbk.html")[1]["content-type"], "text/plain")
        finally:
            write(path, saved)
        self.assertEqual(self.get("/gbk.html")[1]["content-type"], "text/html; charset=gb18030")

    # -- validators, gzip, HEAD ---------------------------------------------

    def test_etag_and_last_modified_give_304(self):
        status, headers, _ = self.get("/news/story")
        self.assertEqual(status, 200)
        etag, modified = headers["etag"], headers["last-modified"]
        self.assertRegex(etag, r'^"[0-9a-f]{32}"$')
        self.assertEqual(self.get("/news/story", headers={"If-None-Match": etag})[0], 304)
        self.assertEqual(self.get("/news/story", headers={"If-None-Match": '"x", ' + etag})[0], 304)
        self.assertEqual(self.get("/news/story", headers={"If-None-Match": "W/" + etag})[0], 304)
        self.assertEqual(self.get("/news/story", headers={"If-None-Match": "*"})[0], 304)
        self.assertEqual(self.get("/news/story", headers={"If-None-Match": '"other"'})[0], 200)
        self.assertEqual(self.get("/news/story", headers={"If-Modified-Since": modified})[0], 304)
        later = email.utils.formatdate(time.time(), usegmt=True)
        self.assertEqual(self.get("/news/story", headers={"If-Modified-Since": later})[0], 304)
        earlier = email.utils.formatdate(time.time() - 86400 * 365, usegmt=True)
        self.assertEqual(self.get("/news/story", headers={"If-Modified-Since": earlier})[0], 200)
        # If-None-Match wins over If-Modified-Since.
        self.assertEqual(self.get("/news/story", headers={
            "If-None-Match": '"other"', "If-Modified-Since": later})[0], 200)
        status, headers, body = self.get("/news/story", headers={"If-None-Match": etag})
        self.assertEqual(body, b"")
        self.assertEqual(headers["etag"], etag)
        # Another file has another tag.
        self.assertNotEqual(self.get("/")[1]["etag"], etag)

    def test_gzip_when_accepted(self):
        plain = self.get("/big.html")[2]
        status, headers, body = self.get("/big.html", headers={"Accept-Encoding": "gzip, deflate"})
        self.assertEqual(headers["content-encoding"], "gzip")
        self.assertEqual(int(headers["content-length"]), len(body))
        self.assertLess(len(body), len(plain) // 10)
        self.assertEqual(gzip.decompress(body), plain)
        self.assertTrue(headers["etag"].endswith('-gzip"'))
        self.assertEqual(headers["vary"], "Accept-Encoding")
        self.assertEqual(self.get("/big.html", headers={
            "Accept-Encoding": "gzip", "If-None-Match": headers["etag"]})[0], 304)
        refused = self.get("/big.html", headers={"Accept-Encoding": "gzip;q=0, identity"})
        self.assertNotIn("content-encoding", refused[1])
        self.assertEqual(refused[2], plain)
        self.assertNotIn("content-encoding", self.get("/big.html")[1])

    def test_head_has_headers_and_no_body(self):
        _, get_headers, body = self.get("/big.html")
        status, headers, head_body = self.get("/big.html", method="HEAD")
        self.assertEqual(status, 200)
        self.assertEqual(head_body, b"")
        self.assertEqual(headers["content-length"], str(len(body)))
        self.assertEqual(headers["etag"], get_headers["etag"])

    def test_keep_alive_reuses_the_connection(self):
        self.server.clear_log()
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            for path in ("/", "/news/story", "/nothing", "/feed.rss"):
                conn.request("GET", path, headers={"Host": "www.alpha.example"})
                conn.getresponse().read()
        finally:
            conn.close()
        entries = self.server.entries(4)
        self.assertEqual(len(entries), 4)
        self.assertEqual(len({e["conn"] for e in entries}), 1)
        self.assertEqual([e["status"] for e in entries], [200, 200, 404, 200])

    def test_keep_alive_requests_are_not_delayed(self):
        # Headers and body in separate writes with Nagle on cost a delayed ACK (~40 ms)
        # per request on Linux: 50 requests would take 2 s or more.
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            start = time.monotonic()
            for _ in range(50):
                conn.request("GET", "/news/story", headers={"Host": "www.alpha.example"})
                self.assertEqual(conn.getresponse().read(), b"<html>story v1</html>")
            elapsed = time.monotonic() - start
        finally:
            conn.close()
        self.assertLess(elapsed, 1.5)

    # -- phase 2 ------------------------------------------------------------

    def test_overlay_switch(self):
        _, headers1, body1 = self.get("/news/story")
        self.assertEqual(body1, b"<html>story v1</html>")
        self.assertEqual(self.get("/only-in-phase2")[0], 404)
        switched = time.time()
        self.server.set_control(phase=2)
        _, headers2, body2 = self.get("/news/story")
        self.assertEqual(body2, b"<html>story v2</html>")
        self.assertNotEqual(headers1["etag"], headers2["etag"])
        self.assertEqual(self.get("/only-in-phase2")[0], 200)
        self.assertEqual(self.get("/")[2], b"<html>alpha home</html>")  # root still serves the rest
        # The overlay file is older on disk, but it must not look unmodified to a
        # crawler holding phase 1's Last-Modified.
        lm2 = email.utils.parsedate_to_datetime(headers2["last-modified"]).timestamp()
        self.assertGreaterEqual(lm2, int(switched) - 1)
        self.assertEqual(self.get("/news/story", headers={
            "If-Modified-Since": headers1["last-modified"]})[0], 200)
        self.assertEqual(self.get("/news/story", headers={"If-None-Match": headers1["etag"]})[0], 200)
        self.server.set_control(phase=1)
        self.assertEqual(self.get("/news/story")[2], b"<html>story v1</html>")

    # -- control file ---------------------------------------------------------

    def test_latency(self):
        self.server.set_control(latency_ms=300)
        start = time.monotonic()
        self.assertEqual(self.get("/")[0], 200)
        self.assertGreaterEqual(time.monotonic() - start, 0.3)
        self.server.set_control(latency_ms=0)
        start = time.monotonic()
        self.get("/")
        self.assertLess(time.monotonic() - start, 0.3)

    def test_bad_control_file_keeps_previous_settings(self):
        self.server.set_control(faults=[{"path": "^/$", "mode": "status500"}])
        self.assertEqual(self.get("/")[0], 500)
        with open(self.server.control, "w") as f:
            f.write("{not json")
        self.assertEqual(self.get("/")[0], 500)
        self.server.set_control(faults=[{"path": "^/$", "mode": "no_such_mode"}])
        self.assertEqual(self.get("/")[0], 500)
        self.server.set_control(faults=[], bogus=1)
        self.assertEqual(self.get("/")[0], 500)
        self.server.set_control(faults=[])
        self.assertEqual(self.get("/")[0], 200)
        self.assertIn("rejected", self.server.text_output())

    # -- faults -------------------------------------------------------------

    def fault(self, *rules):
        self.server.set_control(faults=list(rules))

    def test_status_faults(self):
        self.fault({"path": "^/a$", "mode": "status500"},
                   {"path": "^/b$", "mode": "status503", "retry_after": 9},
                   {"path": "^/c$", "mode": "status429", "retry_after": 30},
                   {"path": "^/d$", "mode": "status503", "retry_after": None},
                   {"path": "^/e$", "mode": "status", "status": 404},
                   {"path": "^/f$", "mode": "status429",
                    "retry_after": "Wed, 21 Oct 2065 07:28:00 GMT"})
        self.assertEqual(self.get("/a")[0], 500)
        status, headers, _ = self.get("/b")
        self.assertEqual((status, headers["retry-after"]), (503, "9"))
        status, headers, _ = self.get("/c")
        self.assertEqual((status, headers["retry-after"]), (429, "30"))
        status, headers, _ = self.get("/d")
        self.assertEqual(status, 503)
        self.assertNotIn("retry-after", headers)
        self.assertEqual(self.get("/e")[0], 404)
        self.assertEqual(self.get("/f")[1]["retry-after"], "Wed, 21 Oct 2065 07:28:00 GMT")
        self.assertEqual(self.get("/")[0], 200)  # other paths unaffected

    def test_rules_scoped_by_host(self):
        self.fault({"host": r"www\.beta\.example", "path": "^/", "mode": "status503"})
        self.assertEqual(self.get("/", host="www.beta.example")[0], 503)
        self.assertEqual(self.get("/", host="www.alpha.example")[0], 200)

    def test_fail_n_times_and_times(self):
        self.fault({"path": "^/news/", "mode": "fail_n_times", "n": 2, "as": "status503"},
                   {"path": "^/$", "mode": "status500", "times": 1})
        codes = [self.get("/news/story")[0] for _ in range(4)]
        self.assertEqual(codes, [503, 503, 200, 200])
        self.assertEqual([self.get("/")[0] for _ in range(3)], [500, 200, 200])
        # Default fault for fail_n_times is a 500.
        self.fault({"path": "^/section", "mode": "fail_n_times", "n": 1})
        self.assertEqual([self.get("/section")[0] for _ in range(2)], [500, 200])
        # The counter belongs to the rule's text: a reload keeps it, a new id restarts it.
        self.server.set_control(latency_ms=1, faults=[{"path": "^/section", "mode": "fail_n_times", "n": 1}])
        self.assertEqual(self.get("/section")[0], 200)
        self.fault({"path": "^/section", "mode": "fail_n_times", "n": 1, "id": 2})
        self.assertEqual([self.get("/section")[0] for _ in range(2)], [500, 200])

    def expect_broken(self, path):
        with self.assertRaises((http.client.IncompleteRead, http.client.RemoteDisconnected,
                                ConnectionResetError, http.client.HTTPException, ValueError)):
            self.get(path)

    def test_reset(self):
        self.fault({"path": "^/start$", "mode": "reset", "at": "start"},
                   {"path": "^/headers$", "mode": "reset", "at": "headers"},
                   {"path": "^/big", "mode": "reset"},
                   {"path": "^/fin$", "mode": "reset", "rst": False})
        request = b"GET %s HTTP/1.1\r\nHost: www.alpha.example\r\n\r\n"
        self.assertEqual(self.server.raw(request % b"/start"), b"<RST>")
        reply = self.server.raw(request % b"/headers")
        self.assertTrue(reply.startswith(b"HTTP/1.1 200"))
        self.assertTrue(reply.endswith(b"\r\n\r\n<RST>"), reply[-40:])
        reply = self.server.raw(request % b"/big.html")
        self.assertTrue(reply.endswith(b"<RST>"))
        self.assertIn(b"lorem ipsum", reply)
        reply = self.server.raw(request % b"/fin")
        self.assertFalse(reply.endswith(b"<RST>"))
        self.expect_broken("/big.html")

    def test_truncate(self):
        self.fault({"path": "^/big", "mode": "truncate"})
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        conn.request("GET", "/big.html", headers={"Host": "www.alpha.example"})
        resp = conn.getresponse()
        declared = int(resp.getheader("Content-Length"))
        with self.assertRaises(http.client.IncompleteRead) as ctx:
            resp.read()
        conn.close()
        self.assertEqual(len(ctx.exception.partial), declared // 2)

    def test_drip(self):
        self.fault({"path": "^/news/", "mode": "drip", "chunk_bytes": 5, "interval_ms": 50})
        start = time.monotonic()
        status, _, body = self.get("/news/story")
        elapsed = time.monotonic() - start
        self.assertEqual(body, b"<html>story v1</html>")  # 21 bytes: 5 pieces, 4 pauses
        self.assertGreaterEqual(elapsed, 0.2)

    def test_redirects(self):
        self.fault({"path": "^/file$", "mode": "redirect", "location": "file:///etc/passwd"},
                   {"path": "^/ftp$", "mode": "redirect", "location": "ftp://www.alpha.example/x",
                    "status": 301},
                   {"path": "^/other$", "mode": "redirect",
                    "location": "http://www.beta.example/", "status": 308},
                   {"path": "^/loop", "mode": "redirect_loop"})
        status, headers, _ = self.get("/file")
        self.assertEqual((status, headers["location"]), (302, "file:///etc/passwd"))
        status, headers, _ = self.get("/ftp")
        self.assertEqual((status, headers["location"]), (301, "ftp://www.alpha.example/x"))
        self.assertEqual(self.get("/other")[0], 308)
        status, headers, _ = self.get("/loop?x=1")
        self.assertEqual((status, headers["location"]), (302, "http://www.alpha.example/loop?x=1"))

    def test_oversize(self):
        self.fault({"path": "^/huge$", "mode": "oversize"},
                   {"path": "^/endless$", "mode": "oversize", "declared": None,
                    "stream": 3 * 65536},
                   {"path": "^/short$", "mode": "oversize", "declared": 10 ** 12, "stream": 1000})
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        conn.request("GET", "/huge", headers={"Host": "www.alpha.example"})
        resp = conn.getresponse()
        self.assertEqual(int(resp.getheader("Content-Length")), 1 << 31)
        self.assertEqual(len(resp.read(1 << 20)), 1 << 20)  # it really streams
        conn.close()  # the client gives up; the server must cope
        status, headers, body = self.get("/endless")
        self.assertNotIn("content-length", headers)
        self.assertEqual(len(body), 3 * 65536)
        reply = self.server.raw(b"GET /short HTTP/1.1\r\nHost: www.alpha.example\r\n\r\n")
        head, _, body = reply.partition(b"\r\n\r\n")
        self.assertIn(b"Content-Length: 1000000000000", head)
        self.assertEqual(len(body), 1000)  # then the server closed
        self.assertEqual(self.get("/")[0], 200)

    def test_wrong_type(self):
        self.fault({"path": "^/news/", "mode": "wrong_type"},
                   {"path": "^/$", "mode": "wrong_type", "content_type": "application/pdf"})
        status, headers, body = self.get("/news/story")
        self.assertEqual((status, headers["content-type"]), (200, "image/png"))
        self.assertEqual(body, b"<html>story v1</html>")
        self.assertEqual(self.get("/")[1]["content-type"], "application/pdf")
        # A path with no file gets a generated page.
        self.assertIn(b"rwserve filler", self.get("/news/none")[2])

    def test_gzip_bomb(self):
        self.fault({"path": "^/bomb$", "mode": "gzip_bomb"},
                   {"path": "^/small-bomb$", "mode": "gzip_bomb", "inflated": 3 * (1 << 20) + 7})
        status, headers, body = self.get("/bomb")  # sent even though gzip was not offered
        self.assertEqual(headers["content-encoding"], "gzip")
        self.assertEqual(int(headers["content-length"]), len(body))
        self.assertLess(len(body), 4 << 20)
        inflater = zlib.decompressobj(31)
        first = inflater.decompress(body, 64 << 20)
        self.assertEqual(len(first), 64 << 20)
        self.assertEqual(first.count(0), len(first))
        # A small one inflates completely, with a valid CRC and size.
        small = self.get("/small-bomb")[2]
        self.assertEqual(gzip.decompress(small), bytes(3 * (1 << 20) + 7))

    def test_bad_chunked(self):
        self.fault({"path": "^/a$", "mode": "bad_chunked"},
                   {"path": "^/b$", "mode": "bad_chunked", "variant": "short"},
                   {"path": "^/c$", "mode": "bad_chunked", "variant": "no_crlf"})
        for path in ("/a", "/b", "/c"):
            self.expect_broken(path)
        reply = self.server.raw(b"GET /a HTTP/1.1\r\nHost: www.alpha.example\r\n\r\n")
        self.assertIn(b"Transfer-Encoding: chunked", reply)
        self.assertIn(b"\r\nzz\r\n", reply)

    # -- log and concurrency ------------------------------------------------

    def test_log_lines(self):
        self.server.clear_log()
        _, headers, body = self.get("/news/story", headers={"User-Agent": "rw-test/2"})
        self.get("/news/story", addr="127.0.0.2", headers={"If-None-Match": headers["etag"]})
        self.fault({"path": "^/x$", "mode": "status503"})
        self.get("/x?q=1", host="WWW.ALPHA.EXAMPLE:80")
        entries = self.server.entries(3)
        after = time.time()
        self.assertEqual(len(entries), 3)
        first, second, third = entries
        for e in entries:
            for key in ("time", "end", "client", "local", "port", "conn", "host", "method",
                        "path", "status", "bytes", "conditional", "user_agent", "fault",
                        "gzip", "phase", "generation", "in_flight", "open_connections"):
                self.assertIn(key, e)
            self.assertLessEqual(e["time"], e["end"])
            self.assertLessEqual(e["end"], after)
            self.assertEqual(e["port"], self.server.port)
        self.assertEqual((first["method"], first["path"], first["status"]), ("GET", "/news/story", 200))
        self.assertEqual(first["bytes"], len(body))
        self.assertEqual(first["user_agent"], "rw-test/2")
        self.assertFalse(first["conditional"])
        self.assertEqual(first["local"], "127.0.0.1")
        self.assertTrue(first["client"].startswith("127.0.0.1:"))
        self.assertEqual((second["status"], second["bytes"], second["conditional"]), (304, 0, True))
        self.assertEqual(second["local"], "127.0.0.2")
        self.assertEqual((third["host"], third["path"], third["fault"]),
                         ("www.alpha.example", "/x?q=1", "status503"))
        self.assertGreater(third["generation"], first["generation"])

    def test_64_concurrent_connections(self):
        self.server.set_control(latency_ms=500)
        self.server.clear_log()
        results = []
        lock = threading.Lock()
        barrier = threading.Barrier(64)

        def client():
            barrier.wait()
            status = self.get("/", timeout=30)[0]
            with lock:
                results.append(status)

        threads = [threading.Thread(target=client) for _ in range(64)]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        elapsed = time.monotonic() - start
        self.assertEqual(results, [200] * 64)
        # Serially this would take 32 s; in parallel about the latency plus overhead.
        self.assertLess(elapsed, 10.0)
        entries = self.server.entries(64)
        self.assertGreaterEqual(max(e["in_flight"] for e in entries), 32)


class ServerLifecycleTest(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp(prefix="rwserve-life-")
        write(os.path.join(self.base, "index.html"), "<html>flat</html>")
        write(os.path.join(self.base, "a/b.html"), "<html>b</html>")

    def tearDown(self):
        shutil.rmtree(self.base, ignore_errors=True)

    def test_no_vhost_serves_root_for_any_host_and_stops_on_sigterm(self):
        server = Served(self.base, "--no-vhost")
        try:
            self.assertEqual(server.request("/", host="anything.example")[2], b"<html>flat</html>")
            self.assertEqual(server.request("/a/b", host=None)[2], b"<html>b</html>")
            self.assertIn("rwserve: port %d" % server.port, server.text_output())
            server.proc.send_signal(signal.SIGTERM)
            self.assertEqual(server.proc.wait(10), 0)
        finally:
            server.stop()

    def test_stops_after_max_seconds_and_when_parent_dies(self):
        parent = subprocess.Popen(["sleep", "60"])
        timed = Served(self.base, "--no-vhost", "--max-seconds", "1")
        orphan = Served(self.base, "--no-vhost", "--parent-pid", str(parent.pid))
        try:
            self.assertEqual(timed.proc.wait(15), 0)
            self.assertIn("max-seconds", timed.text_output())
            self.assertIsNone(orphan.proc.poll())
            parent.kill()
            parent.wait()
            self.assertEqual(orphan.proc.wait(15), 0)
            self.assertIn("gone", orphan.text_output())
        finally:
            parent.kill()
            parent.wait()
            timed.stop()
            orphan.stop()

    def test_fixed_port_on_two_addresses(self):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        server = Served(self.base, "--no-vhost", "--port", str(port),
                        binds=("127.0.0.1", "127.0.0.3"))
        try:
            self.assertEqual(server.port, port)
            self.assertEqual(server.request("/", host=None, addr="127.0.0.3")[0], 200)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main(verbosity=2)
