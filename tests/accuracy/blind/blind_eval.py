#!/usr/bin/env python3
"""Score `rumorwatch classify` on the blind status corpus.

Reports accuracy, macro-F1, per-label F1 and the confusion matrix per split, per language
and per topic. The test split is frozen (its SHA-256 is in test.sha256): this script never
prints its individual errors, so that the analysis is tuned on the dev split only.

Usage:
  blind_eval.py --rumorwatch BIN [--split dev|test|all] [--json OUT]
                [--floors FLOORS.json] [--errors] [--verify-hash-only]
Exit: 0 done, 1 a floor was missed or the test split changed, 2 bad usage or input.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
LABELS = ["speculation", "reported", "partially_confirmed", "confirmed", "denied",
          "stalled", "cancelled", "mentioned", "none"]
SHORT = {"speculation": "spec", "reported": "rep", "partially_confirmed": "part",
         "confirmed": "conf", "denied": "den", "stalled": "stal", "cancelled": "canc",
         "mentioned": "ment", "none": "none"}


def fail(msg, code=2):
    print(f"blind_eval: error: {msg}", file=sys.stderr)
    sys.exit(code)


def verify_hash(corpus):
    expected = open(os.path.join(corpus, "test.sha256")).read().split()[0]
    actual = hashlib.sha256(open(os.path.join(corpus, "test.jsonl"), "rb").read()).hexdigest()
    if expected != actual:
        fail(f"test.jsonl has changed since it was frozen (sha256 {actual}, frozen {expected})", 1)
    return actual


def load_split(corpus, split):
    items = []
    for name in (["dev", "test"] if split == "all" else [split]):
        with open(os.path.join(corpus, f"{name}.jsonl"), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    item = json.loads(line)
                    item["split"] = name
                    items.append(item)
    return items


def topic_file(topic, topic_dirs):
    for d in topic_dirs:
        path = os.path.join(d, f"{topic}.json")
        if os.path.exists(path):
            return path
    fail(f"no topic file for {topic!r} in {', '.join(topic_dirs)}")


def classify(binary, topic_path, items):
    """One classify process per topic; returns {id: status}."""
    lines = "".join(json.dumps({"id": it["id"], "headline": it["headline"], "body": it["body"]},
                               ensure_ascii=False) + "\n" for it in items)
    proc = subprocess.run([binary, "classify", "--topic", topic_path], input=lines.encode(),
                          capture_output=True, timeout=600)
    if proc.returncode != 0:
        fail(f"classify --topic {topic_path} exited {proc.returncode}: {proc.stderr.decode()[:2000]}")
    out = {}
    for line in proc.stdout.decode().splitlines():
        verdict = json.loads(line)
        out[verdict["id"]] = verdict
    return out


def scores(pairs):
    """pairs: list of (gold, predicted). Accuracy, macro-F1 over gold labels, per-label P/R/F1."""
    n = len(pairs)
    correct = sum(1 for g, p in pairs if g == p)
    per_label = {}
    for label in LABELS:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        gold = sum(1 for g, _ in pairs if g == label)
        pred = sum(1 for _, p in pairs if p == label)
        if gold == 0 and pred == 0:
            continue
        prec = tp / pred if pred else 0.0
        rec = tp / gold if gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_label[label] = {"support": gold, "predicted": pred, "precision": round(prec, 3),
                            "recall": round(rec, 3), "f1": round(f1, 3)}
    with_support = [v["f1"] for v in per_label.values() if v["support"] > 0]
    confusion = Counter((g, p) for g, p in pairs)
    return {"n": n, "accuracy": round(correct / n, 3) if n else None,
            "macro_f1": round(sum(with_support) / len(with_support), 3) if with_support else None,
            "labels": per_label,
            "confusion": {g: {p: confusion[(g, p)] for p in LABELS if confusion[(g, p)]}
                          for g in LABELS if any(confusion[(g, p)] for p in LABELS)}}


def report(items, predictions):
    """Scores per split: overall, per language, per topic, per topic and language."""
    by = defaultdict(list)
    for it in items:
        pair = (it["label"], predictions[it["id"]]["status"])
        for key in [(it["split"],), (it["split"], "lang", it["lang"]), (it["split"], "topic", it["topic"]),
                    (it["split"], "topic_lang", f"{it['topic']}/{it['lang']}")]:
            by[key].append(pair)
    out = {}
    for key, pairs in sorted(by.items()):
        split = out.setdefault(key[0], {"by_lang": {}, "by_topic": {}, "by_topic_lang": {}})
        if len(key) == 1:
            split["overall"] = scores(pairs)
        else:
            split["by_" + key[1]][key[2]] = scores(pairs)
    return out


def print_table(split_name, s, out):
    o = s["overall"]
    print(f"\n== blind corpus, {split_name} split: {o['n']} items, accuracy {o['accuracy']:.3f}, "
          f"macro-F1 {o['macro_f1']:.3f}", file=out)
    print(f"  {'slice':<28} {'n':>4} {'acc':>6} {'macroF1':>8}", file=out)
    for group in ("by_lang", "by_topic", "by_topic_lang"):
        for name, sc in s[group].items():
            print(f"  {name:<28} {sc['n']:>4} {sc['accuracy']:>6.3f} {sc['macro_f1']:>8.3f}", file=out)
    print(f"  per-label F1      " + " ".join(f"{SHORT[l]:>5}" for l in LABELS), file=out)
    for name, sc in [("all", o)] + list(s["by_lang"].items()):
        cells = [f"{sc['labels'][l]['f1']:>5.2f}" if l in sc["labels"] and sc["labels"][l]["support"]
                 else "    -" for l in LABELS]
        print(f"  {name:<17} " + " ".join(cells), file=out)
    print("  confusion (rows gold, columns predicted)", file=out)
    print("  " + " " * 6 + " ".join(f"{SHORT[l]:>5}" for l in LABELS), file=out)
    for g in LABELS:
        row = o["confusion"].get(g, {})
        if row:
            print(f"  {SHORT[g]:<5} " + " ".join(f"{row.get(p, 0) or '.':>5}" for p in LABELS), file=out)


def check_floors(rep, floors):
    """Floors: {split: {"accuracy": x, "macro_f1": y, "by_lang": {...}, "by_topic": {...}}}."""
    missed = []
    for split, want in floors.items():
        got = rep.get(split)
        if got is None:
            missed.append(f"{split}: not scored")
            continue
        for metric in ("accuracy", "macro_f1"):
            if metric in want and got["overall"][metric] + 1e-9 < want[metric]:
                missed.append(f"{split} {metric} {got['overall'][metric]} < floor {want[metric]}")
        for group in ("by_lang", "by_topic"):
            for name, metrics in want.get(group, {}).items():
                sc = got[group].get(name)
                for metric, floor in metrics.items():
                    if sc is None or sc[metric] + 1e-9 < floor:
                        missed.append(f"{split} {name} {metric} {sc and sc[metric]} < floor {floor}")
    return missed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rumorwatch", help="the rumorwatch binary")
    ap.add_argument("--corpus", default=HERE)
    ap.add_argument("--topics", action="append",
                    help="folders holding <topic>.json (default: seeds/topics)")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--json", help="write the report here")
    ap.add_argument("--floors", help="fail when a figure is below these floors")
    ap.add_argument("--errors", action="store_true", help="list the dev split's errors")
    ap.add_argument("--verify-hash-only", action="store_true")
    args = ap.parse_args()

    digest = verify_hash(args.corpus)
    if args.verify_hash_only:
        print(f"test split frozen: sha256 {digest}")
        return
    if not args.rumorwatch:
        fail("--rumorwatch BIN is required")
    topic_dirs = args.topics or [os.path.join(REPO, "seeds", "topics")]
    items = load_split(args.corpus, args.split)
    by_topic = defaultdict(list)
    for it in items:
        by_topic[it["topic"]].append(it)
    predictions = {}
    for topic, group in sorted(by_topic.items()):
        predictions.update(classify(args.rumorwatch, topic_file(topic, topic_dirs), group))
    missing = [it["id"] for it in items if it["id"] not in predictions]
    if missing:
        fail(f"classify gave no verdict for {len(missing)} items, e.g. {missing[0]}")
    rep = report(items, predictions)
    for split in ("dev", "test"):
        if split in rep:
            print_table(split, rep[split], sys.stdout)
    if args.errors:
        print("\n== dev split errors (gold -> predicted)")
        for it in items:
            if it["split"] != "dev":
                continue  # the test split's errors are not read while tuning
            p = predictions[it["id"]]
            if p["status"] != it["label"]:
                print(f"{it['id']}: {it['label']} -> {p['status']}  cue={p.get('cue')!r}\n"
                      f"    H: {it['headline']}\n    B: {it['body'][:300]}\n"
                      f"    evidence: {p.get('evidence')}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"test_sha256": digest, "splits": rep}, f, ensure_ascii=False, indent=2, sort_keys=True)
    if args.floors:
        missed = check_floors(rep, json.load(open(args.floors)))
        for m in missed:
            print(f"blind_eval: below floor: {m}", file=sys.stderr)
        if missed:
            sys.exit(1)


if __name__ == "__main__":
    main()
