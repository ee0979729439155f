"""The libraries of the source tree and their public headers (README "Layout").

A header is private to the folder it lives in unless it is its library's public header.
Shared by check_includes.py (the CTest check) and any tool that needs the same map.
"""
import os

# Library folder -> its one public header. Longest folder wins (query/timeline/export is
# not part of query/timeline).
LIBRARIES = {
    "parser/core": "parser/core/core.h",
    "parser/extract": "parser/extract/extract.h",
    "parser/analysis": "parser/analysis/analysis.h",
    "index": "index/index.h",
    "crawler": "crawler/crawler.h",
    "query/timeline": "query/timeline/timeline.h",
    "query/timeline/export": "query/timeline/export/export.h",
    "query/cli": "query/cli/cli.h",
}

# Test code that exercises private functions on purpose (fuzz targets, benchmarks) may
# include any header; tests/<library folder>/ may include that library's private headers.
UNRESTRICTED = ("tests/fuzz/", "tests/bench/")


def library_of(path):
    """The library folder a source or header path belongs to, or None."""
    best = None
    for lib in LIBRARIES:
        if path.startswith(lib + "/") and (best is None or len(lib) > len(best)):
            best = lib
    return best


def owner_of(path):
    """The library whose private headers `path` may include (a test mirrors its folder)."""
    if path.startswith("tests/"):
        return library_of(path[len("tests/"):])
    return library_of(path)


def may_include(includer, header):
    """True when the file `includer` may #include "header" (both repository paths)."""
    if includer.startswith(UNRESTRICTED):
        return True
    lib = library_of(header)
    if lib is None:
        return True  # not a library header (tests/support, third-party)
    return LIBRARIES[lib] == header or owner_of(includer) == lib
