#!/usr/bin/env python3
"""Fails when a file includes another library's private header (README "Layout").

Usage: check_includes.py [--root DIR]   (default: the repository this script lives in)
Scans every .h/.cpp under the library folders and tests/, prints each violation as
FILE:LINE: includes PRIVATE (library L's public header is H), exits 1 if there is any.
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layout import LIBRARIES, library_of, may_include  # noqa: E402

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
SCANNED = ("parser", "crawler", "index", "query", "tests")


def violations(root):
    found = []
    for top in SCANNED:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs if d not in ("golden", "fixture", "corpus"))
            for name in sorted(files):
                if not name.endswith((".h", ".cpp")):
                    continue
                path = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if m and not may_include(path, m.group(1)):
                            lib = library_of(m.group(1))
                            found.append(f"{path}:{number}: includes {m.group(1)}, private to {lib}/ "
                                         f"(include {LIBRARIES[lib]})")
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    args = ap.parse_args()
    found = violations(args.root)
    for v in found:
        print(v)
    if found:
        print(f"{len(found)} include(s) of another library's private header", file=sys.stderr)
        return 1
    print("every include respects the public headers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
