#!/usr/bin/python3
"""Draws a tiny YOLO-format dataset of coloured shapes (one class per shape) for smoke tests and
for debugging the trainer without the simulator.

  /usr/bin/python3 models/recipe/make_toy_dataset.py --out /tmp/toy --count 8 [--size 320 180]
"""
import argparse
import os

import cv2
import numpy as np

NAMES = ["gas_cylinder", "battery", "power_bank", "aerosol_can", "waste"]


def draw(rng, W, H):
    img = np.full((H, W, 3), rng.integers(40, 90), np.uint8)
    img = np.clip(img.astype(np.int16) + rng.normal(0, 6, img.shape), 0, 255).astype(np.uint8)
    labels = []
    for _ in range(rng.integers(1, 6)):
        c = int(rng.integers(0, len(NAMES)))
        s = min(W, H)
        bw, bh = [(0.25, 0.12), (0.05, 0.12), (0.12, 0.2), (0.08, 0.2), (0.2, 0.15)][c]
        w, h = int(bw * s * rng.uniform(0.7, 1.3)), int(bh * s * rng.uniform(0.7, 1.3))
        x, y = int(rng.integers(0, W - w)), int(rng.integers(0, H - h))
        colour = [(200, 40, 40), (40, 40, 200), (40, 200, 40), (200, 200, 40), (160, 120, 90)][c]
        if c in (0, 3):
            cv2.ellipse(img, (x + w // 2, y + h // 2), (w // 2, h // 2), 0, 0, 360, colour, -1)
        else:
            cv2.rectangle(img, (x, y), (x + w, y + h), colour, -1)
        labels.append((c, (x + w / 2) / W, (y + h / 2) / H, w / W, h / H))
    return img, labels


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--count", type=int, default=8)
    p.add_argument("--size", type=int, nargs=2, default=[320, 180], metavar=("W", "H"))
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    for split, n in (("train", a.count), ("val", max(2, a.count // 4)), ("test", max(2, a.count // 4))):
        os.makedirs(os.path.join(a.out, "images", split), exist_ok=True)
        os.makedirs(os.path.join(a.out, "labels", split), exist_ok=True)
        for i in range(n):
            img, labels = draw(rng, *a.size)
            cv2.imwrite(os.path.join(a.out, "images", split, f"{i:05d}.jpg"), img)
            with open(os.path.join(a.out, "labels", split, f"{i:05d}.txt"), "w") as f:
                f.writelines(f"{c} {cx:.6f} {cy:.6f} {w:.6f} {h:.6f}\n" for c, cx, cy, w, h in labels)
    with open(os.path.join(a.out, "data.yaml"), "w") as f:
        f.write(f"path: {os.path.abspath(a.out)}\ntrain: images/train\nval: images/val\ntest: images/test\n")
        f.write("names:\n" + "".join(f"  {i}: {n}\n" for i, n in enumerate(NAMES)))


if __name__ == "__main__":
    main()
