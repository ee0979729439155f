#!/usr/bin/env python3
"""Train the learned status model (`make train`): parser/analysis/data/status_model.tsv.

Reads the training items, asks `rumorwatch classify --topic T --features` what the model
sees of each, trains one-vs-rest L2 logistic regression with LIBLINEAR (`liblinear-train
-s 0`, deterministic), and writes the weights in the format parser/analysis/status_model.h reads.

Training items (never the blind test split):
  - tests/accuracy/blind/dev.jsonl       the blind corpus' dev split
  - tests/accuracy/train/*.jsonl         further items written for training
  - tests/parser/analysis/data/status_sentences.jsonl   the labeled sentence table (topic mode)
  - tests/golden/analysis/*.input.json   the analysis golden cases' labeled articles
  - seeds/demo/labels.json               the demo world's articles, as `rumorwatch extract`
                                         reads them (edited ones in both versions)
Options: --c (inverse regularisation), --min-count (features seen fewer times are dropped),
--loto (leave-one-topic-out figures instead of writing a model), --cv (5-fold accuracy).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
CLASSES = ["none", "mentioned", "speculation", "reported", "partially_confirmed", "confirmed",
           "denied", "stalled", "cancelled"]
DEFAULT_C = 0.5
DEFAULT_MIN_COUNT = 2


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def training_items():
    items = []
    for it in read_jsonl(os.path.join(REPO, "tests/accuracy/blind/dev.jsonl")):
        items.append({"id": it["id"], "topic": it["topic"], "headline": it["headline"],
                      "body": it["body"], "label": it["label"], "source": "blind-dev"})
    for path in sorted(glob.glob(os.path.join(HERE, "*.jsonl"))):
        for it in read_jsonl(path):
            items.append({"id": it["id"], "topic": it["topic"], "headline": it["headline"],
                          "body": it["body"], "label": it["label"], "source": os.path.basename(path)})
    for path in sorted(glob.glob(os.path.join(REPO, "tests/golden/analysis/*.input.json"))):
        it = json.load(open(path, encoding="utf-8"))
        items.append({"id": "golden-" + os.path.basename(path), "topic": it["topic"], "headline": it["headline"],
                      "body": it["body"], "label": it["label"]["status"], "source": "golden-analysis"})
    for it in read_jsonl(os.path.join(REPO, "tests/parser/analysis/data/status_sentences.jsonl")):
        if it.get("mode") != "topic":
            continue
        headline, body = (it["text"], "") if it.get("headline") else ("", it["text"])
        items.append({"id": "table-" + it["id"], "topic": it["topic"], "headline": headline,
                      "body": body, "label": it["expected"], "source": "sentence-table"})
    return items


def demo_page(root, url):
    """The file the demo server answers `url` with: a/b, else a/b.html, else a/b/index.html."""
    rest = url.split("://", 1)[1]
    base = os.path.join(root, rest.rstrip("/"))
    for path in (base, base + ".html", os.path.join(base, "index.html")):
        if os.path.isfile(path):
            return path
    return None


def demo_items(binary):
    demo = os.path.join(REPO, "seeds", "demo")
    labels = json.load(open(os.path.join(demo, "labels.json"), encoding="utf-8"))["articles"]
    headers = json.load(open(os.path.join(demo, "site", "_headers.json"), encoding="utf-8"))
    items = []
    for art in labels:
        versions = [("site", art["status"])]
        if art.get("status_phase2"):
            versions.append(("phase2", art["status_phase2"]))
        for folder, status in versions:
            path = demo_page(os.path.join(demo, folder), art["url"])
            if path is None:
                continue
            cmd = [binary, "extract", path, "--format", "json", "--url", art["url"], "--outlet", art["outlet"],
                   "--config", os.path.join(demo, "outlets.json")]
            header = headers.get(art["url"].split("://", 1)[1], {}).get("Content-Type")
            if header:
                cmd += ["--charset-header", header]
            page = json.loads(subprocess.run(cmd, capture_output=True, check=True).stdout)
            items.append({"id": f"demo-{folder}-{art['id']}", "topic": "apple-alibaba", "headline": page["title"],
                          "body": page["text"], "label": status, "source": "demo-world"})
    return items


def features(binary, items):
    by_topic = defaultdict(list)
    for it in items:
        by_topic[it["topic"]].append(it)
    out = {}
    for topic, group in sorted(by_topic.items()):
        path = os.path.join(REPO, "seeds", "topics", f"{topic}.json")
        lines = "".join(json.dumps({"id": it["id"], "headline": it["headline"], "body": it["body"]},
                                   ensure_ascii=False) + "\n" for it in group)
        proc = subprocess.run([binary, "classify", "--topic", path, "--features"], input=lines.encode(),
                              capture_output=True, check=True)
        for line in proc.stdout.decode().splitlines():
            v = json.loads(line)
            out[v["id"]] = v
    return out


def write_svm(path, rows, vocab):
    with open(path, "w") as f:
        for label, feats in rows:
            idx = sorted(vocab[x] for x in feats if x in vocab)
            f.write(str(CLASSES.index(label) + 1) + "".join(f" {i}:1" for i in idx) + "\n")


def read_liblinear_model(path, vocab):
    lines = open(path).read().split("\n")
    header, i = {}, 0
    while lines[i] != "w":
        key, *vals = lines[i].split()
        header[key] = vals
        i += 1
    labels = [int(x) for x in header["label"]]
    n = int(header["nr_feature"][0])
    rows = [[float(x) for x in lines[i + 1 + k].split()] for k in range(n + 1)]
    names = {v: k for k, v in vocab.items()}
    weights = {}
    for k in range(n):
        weights[names[k + 1]] = {CLASSES[labels[c] - 1]: rows[k][c] for c in range(len(labels))}
    bias = {CLASSES[labels[c] - 1]: rows[n][c] for c in range(len(labels))}
    return weights, bias


def train(rows, c, min_count):
    counts = Counter(x for _, feats in rows for x in feats)
    vocab = {}
    for name in sorted(n for n, k in counts.items() if k >= min_count):
        vocab[name] = len(vocab) + 1
    with tempfile.TemporaryDirectory() as tmp:
        svm, model = os.path.join(tmp, "train.svm"), os.path.join(tmp, "model")
        write_svm(svm, rows, vocab)
        subprocess.run(["liblinear-train", "-s", "0", "-c", str(c), "-B", "1", "-q", svm, model], check=True)
        return read_liblinear_model(model, vocab)


def predict(weights, bias, feats):
    z = dict(bias)
    for x in feats:
        for label, w in weights.get(x, {}).items():
            z[label] += w
    return max(z, key=z.get)


def accuracy(weights, bias, rows):
    return sum(predict(weights, bias, f) == label for label, f in rows) / max(1, len(rows))


def write_model(path, weights, bias, meta):
    classes = sorted(bias, key=CLASSES.index)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# rumorwatch status model: one-vs-rest L2 logistic regression (LIBLINEAR -s 0),\n")
        f.write("# written by `make train` (tests/accuracy/train/train_status.py); do not edit by hand.\n")
        for k, v in meta.items():
            f.write(f"# {k}: {v}\n")
        f.write("classes\t" + "\t".join(classes) + "\n")
        f.write("__bias__\t" + "\t".join(f"{bias[c]:.4f}" for c in classes) + "\n")
        for name in sorted(weights):
            w = weights[name]
            if all(abs(w[c]) < 5e-4 for c in classes):
                continue
            f.write(name + "\t" + "\t".join(f"{w[c]:.4f}" for c in classes) + "\n")


def read_model(path):
    """{feature: [weights]} of a model file, with its classes line under "classes"."""
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, *cells = line.rstrip("\n").split("\t")
        out[name] = cells if name == "classes" else [float(c) for c in cells]
    return out


def compare_models(a, b, tolerance=2e-3):
    """Differences beyond rounding between two models (missing features count as zeros)."""
    if a.get("classes") != b.get("classes"):
        return [f"classes {a.get('classes')} vs {b.get('classes')}"]
    zeros = [0.0] * len(a["classes"])
    out = []
    for name in sorted(set(a) | set(b)):
        if name == "classes":
            continue
        wa, wb = a.get(name, zeros), b.get(name, zeros)
        if any(abs(x - y) > tolerance for x, y in zip(wa, wb)):
            out.append(name)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rumorwatch", required=True)
    ap.add_argument("--out", default=os.path.join(REPO, "parser", "data", "status_model.tsv"))
    ap.add_argument("--c", type=float, default=DEFAULT_C)
    ap.add_argument("--min-count", type=int, default=DEFAULT_MIN_COUNT)
    ap.add_argument("--loto", action="store_true", help="leave-one-topic-out figures only")
    ap.add_argument("--cv", action="store_true", help="5-fold cross-validation on the blind dev split only")
    ap.add_argument("--errors", action="store_true", help="with --cv: list the dev items it gets wrong")
    ap.add_argument("--check", metavar="MODEL", help="train, then fail unless MODEL holds the same weights")
    args = ap.parse_args()

    items = training_items() + demo_items(args.rumorwatch)
    feats = features(args.rumorwatch, items)
    rows_by_topic = defaultdict(list)
    rows = []
    for it in items:
        row = (it["label"], feats[it["id"]]["features"])
        rows.append(row)
        rows_by_topic[it["topic"]].append(row)
    sources = Counter(it["source"] for it in items)
    print(f"training items: {len(items)} ({', '.join(f'{k} {v}' for k, v in sorted(sources.items()))})")

    if args.cv:
        # 5-fold cross-validation over the blind dev split; every other source always trains.
        dev = [it for it in items if it["source"] == "blind-dev"]
        rest = [(it["label"], feats[it["id"]]["features"]) for it in items if it["source"] != "blind-dev"]
        right, by_lang, wrong = 0, Counter(), []
        for k in range(5):
            fold = [it for n, it in enumerate(dev) if n % 5 == k]
            train_rows = rest + [(it["label"], feats[it["id"]]["features"]) for n, it in enumerate(dev) if n % 5 != k]
            w, b = train(train_rows, args.c, args.min_count)
            for it in fold:
                got = predict(w, b, feats[it["id"]]["features"])
                ok = got == it["label"]
                right += ok
                by_lang[(it["id"].split("-")[-2], ok)] += 1
                if not ok:
                    wrong.append((it, got))
        print(f"5-fold dev accuracy {right / len(dev):.3f} on {len(dev)}; " + ", ".join(
            f"{lang} {by_lang[(lang, True)] / (by_lang[(lang, True)] + by_lang[(lang, False)]):.3f}" for lang in ("en", "zh")))
        if args.errors:
            for it, got in wrong:
                print(f"{it['id']}: {it['label']} -> {got} (rules: {feats[it['id']]['status']})\n"
                      f"    H: {it['headline']}\n    B: {it['body'][:400]}")
        return
    if args.loto:
        for topic in sorted(rows_by_topic):
            rest = [r for t, rs in rows_by_topic.items() if t != topic for r in rs]
            w, b = train(rest, args.c, args.min_count)
            held = [(it["label"], feats[it["id"]]["features"]) for it in items
                    if it["topic"] == topic and it["source"] == "blind-dev"]
            print(f"leave out {topic:<16} dev accuracy {accuracy(w, b, held):.3f} on {len(held)}")
        return
    weights, bias = train(rows, args.c, args.min_count)
    print(f"training accuracy {accuracy(weights, bias, rows):.3f}; {len(weights)} features")
    if args.check:
        # The committed weights must be what the committed data trains (to the 4 decimals written).
        with tempfile.TemporaryDirectory() as tmp:
            fresh = os.path.join(tmp, "model.tsv")
            write_model(fresh, weights, bias, {})
            differences = compare_models(read_model(fresh), read_model(args.check))
        if differences:
            print(f"{os.path.relpath(args.check, REPO)} is not what `make train` makes of the committed data "
                  f"({len(differences)} differences, e.g. {differences[0]}): run `make train` and commit the model",
                  file=sys.stderr)
            sys.exit(1)
        print(f"{os.path.relpath(args.check, REPO)} is reproduced by the committed data")
        return
    write_model(args.out, weights, bias, {"items": len(items), "C": args.c, "min_count": args.min_count,
                                          "sources": dict(sorted(sources.items()))})
    print(f"wrote {os.path.relpath(args.out, REPO)}")


if __name__ == "__main__":
    main()
