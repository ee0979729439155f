#!/usr/bin/env python3
"""An independent WARC reader for the tests: Python's gzip and hashlib, no rumorwatch code.

Reads every file given, one gzip member at a time, and checks that each member holds exactly
one WARC/1.1 record whose Content-Length, WARC-Block-Digest and (for responses)
WARC-Payload-Digest are right, that record ids are unique and that every request record
points at a response. Prints a JSON summary: {"records": N, "responses": [...], "errors": [...]}.
"""
import base64
import hashlib
import json
import sys
import zlib


def digest(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def members(raw):
    """Yields the decompressed content of each gzip member of `raw`."""
    while raw:
        d = zlib.decompressobj(wbits=31)
        out = d.decompress(raw)
        out += d.flush()
        if not d.eof:
            raise ValueError("truncated gzip member")
        yield out
        raw = d.unused_data


def parse_record(data):
    head, sep, rest = data.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("record without a header end")
    lines = head.split(b"\r\n")
    version = lines[0].decode("ascii")
    fields = {}
    for line in lines[1:]:
        name, _, value = line.decode("utf-8").partition(":")
        fields[name.strip().lower()] = value.strip()
    length = int(fields["content-length"])
    block = rest[:length]
    trailer = rest[length:]
    return version, fields, block, trailer


def main(paths):
    errors, responses, requests, ids = [], [], [], set()
    count = 0
    for path in paths:
        with open(path, "rb") as f:
            raw = f.read()
        for n, member in enumerate(members(raw)):
            count += 1
            where = "%s member %d" % (path, n)
            try:
                version, fields, block, trailer = parse_record(member)
            except (ValueError, KeyError) as e:
                errors.append("%s: %s" % (where, e))
                continue
            if version != "WARC/1.1":
                errors.append("%s: version %s" % (where, version))
            if len(block) != int(fields["content-length"]):
                errors.append("%s: block shorter than Content-Length" % where)
            if trailer != b"\r\n\r\n":
                errors.append("%s: one member must hold one record, followed by CRLF CRLF" % where)
            if fields.get("warc-block-digest") != digest(block):
                errors.append("%s: block digest differs" % where)
            rid = fields.get("warc-record-id", "")
            if rid in ids:
                errors.append("%s: duplicate record id %s" % (where, rid))
            ids.add(rid)
            for required in ("warc-type", "warc-record-id", "warc-date"):
                if required not in fields:
                    errors.append("%s: no %s" % (where, required))
            kind = fields.get("warc-type")
            if kind == "response":
                http_head, _, payload = block.partition(b"\r\n\r\n")
                if not http_head.startswith(b"HTTP/"):
                    errors.append("%s: response block is not HTTP" % where)
                if fields.get("warc-payload-digest") != digest(payload):
                    errors.append("%s: payload digest differs" % where)
                for line in http_head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length" and int(value) != len(payload):
                        errors.append("%s: HTTP Content-Length differs from the payload" % where)
                responses.append({"id": rid, "uri": fields.get("warc-target-uri", ""),
                                  "date": fields.get("warc-date", ""), "file": path.rsplit("/", 1)[-1],
                                  "status": int(http_head.split(b" ")[1]) if b" " in http_head else 0})
            elif kind == "request":
                if not block.startswith(b"GET ") and not block.startswith(b"HEAD "):
                    errors.append("%s: request block is not an HTTP request" % where)
                requests.append((where, fields.get("warc-concurrent-to", "")))
    response_ids = {r["id"] for r in responses}
    for where, to in requests:
        if to not in response_ids:
            errors.append("%s: request points at no response (%s)" % (where, to))
    print(json.dumps({"records": count, "requests": len(requests), "responses": responses, "errors": errors}))


if __name__ == "__main__":
    main(sys.argv[1:])
