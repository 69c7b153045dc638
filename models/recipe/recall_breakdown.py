#!/usr/bin/env python3
"""Where a detector misses one class: recall split by "lying on a larger labelled object" against
"free on the belt", and by belt colour (blue-dominant images or not).

Input: the JSON lines of `trivision detect --source DATASET/images/SPLIT` (labels are found next to the
images, YOLO format). A ground-truth box is found when a detection of the same class overlaps it by
IoU >= 0.5 (as AP@0.5 counts it).

    scripts/trivision detect -m models/trivision-hazard-v1.onnx -s ds_hazard/images/test --conf 0.25 > det.jsonl
    /usr/bin/python3 models/recipe/recall_breakdown.py det.jsonl --class-id 1
"""
import argparse
import collections
import json
import os

import cv2


def iou(a, b):
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def covered_by(a, b):
    """Share of box a inside box b."""
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    area = (a[2] - a[0]) * (a[3] - a[1])
    return ix * iy / area if area > 0 else 0.0


def label_path(image):
    head, tail = os.path.split(image)
    parts = head.split(os.sep)
    parts[len(parts) - 1 - parts[::-1].index("images")] = "labels"
    return os.path.join(os.sep.join(parts), os.path.splitext(tail)[0] + ".txt")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("detections", help="JSON lines from trivision detect")
    p.add_argument("--class-id", type=int, default=1, help="class to break down (default 1, battery)")
    p.add_argument("--on-object", type=float, default=0.5,
                   help="a box at least this much inside a larger labelled box lies on that object (default 0.5)")
    a = p.parse_args()

    counts = collections.Counter()
    for line in open(a.detections):
        d = json.loads(line)
        w, h = d["width"], d["height"]
        gts = []
        with open(label_path(d["source"])) as f:
            for row in f:
                c, x, y, bw, bh = map(float, row.split())
                gts.append((int(c), [(x - bw / 2) * w, (y - bh / 2) * h, (x + bw / 2) * w, (y + bh / 2) * h]))
        image = cv2.imread(d["source"])
        b, _, r = image.reshape(-1, 3).mean(0)
        belt = "blue" if b > r + 5 else "other"
        for k, (c, g) in enumerate(gts):
            if c != a.class_id:
                continue
            area = (g[2] - g[0]) * (g[3] - g[1])
            on = max([covered_by(g, o) for j, (_, o) in enumerate(gts)
                      if j != k and (o[2] - o[0]) * (o[3] - o[1]) > area] + [0.0])
            where = "on_object" if on >= a.on_object else "free"
            found = any(z["class_id"] == a.class_id and iou(g, z["box"]) >= 0.5 for z in d["detections"])
            counts[(belt, where, found)] += 1

    print(f"class {a.class_id}: recall at IoU 0.5 by belt colour and position")
    for belt in ("blue", "other"):
        for where in ("free", "on_object"):
            hit, miss = counts[(belt, where, True)], counts[(belt, where, False)]
            if hit + miss:
                print(f"  {belt:6s} {where:10s} {hit:4d}/{hit + miss:<4d} = {hit / (hit + miss):.2f}")
    hit = sum(v for k, v in counts.items() if k[2])
    total = sum(counts.values())
    print(f"  all               {hit:4d}/{total:<4d} = {hit / max(1, total):.2f}")


if __name__ == "__main__":
    main()
