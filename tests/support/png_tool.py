#!/usr/bin/env python3
"""Small PNG helpers with the standard library only (8-bit RGB/RGBA, non-interlaced, as
Chromium writes screenshots).

  png_tool.py size FILE            -> {"width": W, "height": H}
  png_tool.py trim FILE            -> cuts the bottom rows that are all the bottom row's colour
                                      (keeping a margin); prints the new size
  png_tool.py diff A B [X Y W H]   -> {"differing_pixels": N, "compared": M} over the region
  png_tool.py content FILE         -> {"last_content_row": R, "height": H}
"""
import json
import struct
import sys
import zlib


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(path + ": not a PNG")
    pos, idat, chunks = 8, b"", []
    width = height = bpp = None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(path + ": only 8-bit RGB/RGBA non-interlaced PNGs are handled")
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        chunks.append((kind, body))
        pos += 12 + length
    raw = zlib.decompress(idat)
    return {"width": width, "height": height, "bpp": bpp, "raw": raw, "chunks": chunks}


def rows(png):
    """The unfiltered scanlines (PNG filters 0-4)."""
    w, bpp, raw = png["width"], png["bpp"], png["raw"]
    stride = w * bpp
    prev = bytearray(stride)
    out = []
    for y in range(png["height"]):
        start = y * (stride + 1)
        f = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        # Fast paths for the rows a page's plain background encodes to (no byte loop).
        if f == 2 and not any(line):
            line = bytearray(prev)
        elif f == 1 and not any(line[bpp:]):
            line = bytearray(bytes(line[:bpp]) * w)
        elif f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        out.append(bytes(line))
        prev = line
    return out


def last_content_row(png, lines=None):
    lines = lines or rows(png)
    background = lines[-1]
    for y in range(len(lines) - 1, -1, -1):
        if lines[y] != background:
            return y
    return -1


def write(path, png, height, lines):
    """Writes the first `height` rows (unfiltered, filter 0)."""
    raw = b"".join(b"\x00" + lines[y] for y in range(height))
    colour = 2 if png["bpp"] == 3 else 6
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", png["width"], height, 8, colour, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        f.write(chunk(b"IEND", b""))


def trim(path, margin=24):
    png = read(path)
    lines = rows(png)
    last = last_content_row(png, lines)
    height = min(png["height"], max(1, last + 1 + margin))
    write(path, png, height, lines)
    return {"width": png["width"], "height": height}


def diff(a_path, b_path, region=None):
    a, b = read(a_path), read(b_path)
    la, lb = rows(a), rows(b)
    x, y, w, h = region or (0, 0, min(a["width"], b["width"]), min(a["height"], b["height"]))
    n = compared = 0
    for row in range(y, min(y + h, len(la), len(lb))):
        for col in range(x, min(x + w, a["width"], b["width"])):
            pa = la[row][col * a["bpp"]:col * a["bpp"] + 3]
            pb = lb[row][col * b["bpp"]:col * b["bpp"] + 3]
            compared += 1
            n += pa != pb
    return {"differing_pixels": n, "compared": compared}


def main(argv):
    if len(argv) >= 2 and argv[0] == "size":
        png = read(argv[1])
        print(json.dumps({"width": png["width"], "height": png["height"]}))
    elif len(argv) >= 2 and argv[0] == "content":
        png = read(argv[1])
        print(json.dumps({"last_content_row": last_content_row(png), "height": png["height"]}))
    elif len(argv) >= 2 and argv[0] == "trim":
        print(json.dumps(trim(argv[1])))
    elif len(argv) in (3, 7) and argv[0] == "diff":
        region = tuple(int(v) for v in argv[3:7]) if len(argv) == 7 else None
        print(json.dumps(diff(argv[1], argv[2], region)))
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
