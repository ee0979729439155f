#!/usr/bin/env python3
"""Split the blind corpus into dev and test, once, deterministically.

Items are grouped by (label, language) across all rumors; within a group they are ordered by
the SHA-256 of their id and the first TEST_SHARE of each group (rounded up) goes to test.
Grouping this way gives every label in every language its share of the test split even
when a rumor supplies few items of a label.

Usage: make_split.py RAW.jsonl... --out DIR   (writes DIR/dev.jsonl, DIR/test.jsonl,
DIR/test.sha256). Run once before any tuning; the test split is frozen from then on.
"""
import argparse
import hashlib
import json
import math
import sys
from collections import defaultdict

TEST_SHARE = 0.45        # the issue asks for at least 40%
MIN_TEST_PER_GROUP = 10  # at least 10 test items per label per language
LABELS = ["speculation", "reported", "partially_confirmed", "confirmed", "denied",
          "stalled", "cancelled", "mentioned", "none"]
FIELDS = ["id", "topic", "lang", "style", "headline", "body", "label", "hard", "why"]


def load(paths):
    items, seen = [], set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                item = json.loads(line)
                missing = [k for k in FIELDS if k not in item]
                if missing:
                    sys.exit(f"{path}:{n}: missing {missing}")
                if item["label"] not in LABELS:
                    sys.exit(f"{path}:{n}: unknown label {item['label']!r}")
                if item["id"] in seen:
                    sys.exit(f"{path}:{n}: duplicate id {item['id']}")
                seen.add(item["id"])
                items.append({k: item[k] for k in FIELDS})
    return items


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("raw", nargs="+")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    items = load(args.raw)
    groups = defaultdict(list)
    for it in items:
        groups[(it["label"], it["lang"])].append(it)
    test_ids = set()
    for key, group in sorted(groups.items()):
        group.sort(key=lambda it: hashlib.sha256(it["id"].encode()).hexdigest())
        k = max(math.ceil(len(group) * TEST_SHARE), min(MIN_TEST_PER_GROUP, len(group)))
        test_ids.update(it["id"] for it in group[:k])
        if k < MIN_TEST_PER_GROUP:
            print(f"warning: {key}: only {k} test items", file=sys.stderr)
    order = sorted(items, key=lambda it: it["id"])
    for split in ("dev", "test"):
        with open(f"{args.out}/{split}.jsonl", "w", encoding="utf-8") as f:
            for it in order:
                if (it["id"] in test_ids) == (split == "test"):
                    f.write(json.dumps(it, ensure_ascii=False, sort_keys=True) + "\n")
    digest = hashlib.sha256(open(f"{args.out}/test.jsonl", "rb").read()).hexdigest()
    with open(f"{args.out}/test.sha256", "w") as f:
        f.write(f"{digest}  test.jsonl\n")
    print(f"{len(items)} items: {len(items) - len(test_ids)} dev, {len(test_ids)} test; sha256 {digest}")


if __name__ == "__main__":
    main()
