#!/usr/bin/env python3
"""Why a checkpoint misses one class where objects lie on one another: scores in place, and after a move.

For every labelled object of --class-id in N images (spread over the folder), split into "on another object"
(mostly inside a larger labelled box, trivision_det.data.on_object) and "free on the belt":

  found     share with a class score >= --conf at some cell whose centre lies on the box (+4 px)
  centre    median class score at the stride-8 cell nearest the box centre, and the other classes' there
  taken     share of the cells on the box that the assigner gives to another object (trivision_det.loss.assign)

Then the move test: each missed object lying on another one (score < 0.1 in place) has its box (+2 px) pasted on
an empty stretch of the same image, and is scored there. Found there but not in place means the network ignores the
object because of what surrounds it, not because of how it looks.

    /usr/bin/python3 models/recipe/context_probe.py --weights runs/hazard_v5/best.pt \\
        --images train3k_crowd/images/train --count 150 --class-id 1
"""
import argparse
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from trivision_det.data import list_images, load_letterboxed, on_object  # noqa: E402
from trivision_det.loss import assign  # noqa: E402
from trivision_det.model import TriVisionDetector, decode_boxes, flatten_outputs, make_anchors  # noqa: E402


@torch.no_grad()
def forward(model, img):
    x = torch.from_numpy(img)[None].permute(0, 3, 1, 2).float().div_(255.0)
    feats = model(x)
    anchors, strides = make_anchors(feats, model.strides, "cpu")
    raw, logits = flatten_outputs(feats)
    return anchors, strides, decode_boxes(raw, anchors, strides), logits.sigmoid()


def cells_on(anchors, box, pad):
    return ((anchors[:, 0] > box[0] - pad) & (anchors[:, 0] < box[2] + pad)
            & (anchors[:, 1] > box[1] - pad) & (anchors[:, 1] < box[3] + pad))


def empty_spot(boxes, w, h, size, rng, margin=10):
    H, W = size
    for _ in range(300):
        x0, y0 = int(rng.integers(0, W - w)), int(rng.integers(0, H - h))
        if not any(x0 - margin < b[3] and x0 + w + margin > b[1] and y0 - margin < b[4] and y0 + h + margin > b[2] for b in boxes):
            return x0, y0
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--weights", required=True, help="a train.py checkpoint (its EMA weights are probed)")
    p.add_argument("--images", required=True, help="folder of images with YOLO labels beside them (.../images/... -> .../labels/...)")
    p.add_argument("--count", type=int, default=150, help="images probed, spread evenly over the folder")
    p.add_argument("--class-id", type=int, default=1, help="class to probe (default 1, battery)")
    p.add_argument("--conf", type=float, default=0.25)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    ck = torch.load(a.weights, map_location="cpu")
    nc = ck["ema"]["cls_branch.0.2.weight"].shape[0]
    model = TriVisionDetector(nc, ck.get("args", {}).get("width", "n"))
    model.load_state_dict(ck["ema"])
    model.eval()
    imgsz = tuple(ck.get("args", {}).get("imgsz", (544, 960)))
    rng = np.random.default_rng(a.seed)
    files = list_images([a.images])
    others = [c for c in range(nc) if c != a.class_id]
    stats = {False: [], True: []}  # found, centre score, other classes' centre max, taken share
    moved = []  # (score in place, score moved)
    for i in np.linspace(0, len(files) - 1, min(a.count, len(files))).astype(int):
        img, boxes, _ = load_letterboxed(files[i], *imgsz, nc)
        if not len(boxes):
            continue
        anchors, strides, pboxes, scores = forward(model, img)
        gt = torch.from_numpy(boxes)[None]
        tboxes, _, fg = assign(scores, pboxes, anchors, strides, gt, torch.ones(1, len(boxes), dtype=torch.bool))
        lying = on_object(boxes)
        p3 = int((strides[:, 0] == model.strides[0]).sum())
        for k in np.nonzero(boxes[:, 0] == a.class_id)[0]:
            b = boxes[k, 1:5]
            near = cells_on(anchors, b, 4)
            best = scores[0, near, a.class_id].max().item() if near.any() else 0.0
            centre = torch.tensor([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2])
            j = int(((anchors[:p3] - centre) ** 2).sum(1).argmin())
            inside = cells_on(anchors, b, 0)
            mine = (tboxes[0] == torch.from_numpy(b)).all(-1)
            taken = (inside & fg[0] & ~mine).sum().item() / max(1, inside.sum().item())
            stats[bool(lying[k])].append((best >= a.conf, scores[0, j, a.class_id].item(), scores[0, j, others].max().item(), taken))
            if lying[k] and best < 0.1:
                x1, y1, x2, y2 = int(b[0]) - 2, int(b[1]) - 2, int(np.ceil(b[2])) + 2, int(np.ceil(b[3])) + 2
                if x1 < 0 or y1 < 0 or x2 > imgsz[1] or y2 > imgsz[0]:
                    continue
                spot = empty_spot(boxes, x2 - x1, y2 - y1, imgsz, rng)
                if spot is None:
                    continue
                x0, y0 = spot
                pasted = img.copy()
                pasted[y0:y0 + y2 - y1, x0:x0 + x2 - x1] = img[y1:y2, x1:x2]
                anchors2, _, _, scores2 = forward(model, pasted)
                nb = (x0 + 2, y0 + 2, x0 + x2 - x1 - 2, y0 + y2 - y1 - 2)
                moved.append((best, scores2[0, cells_on(anchors2, nb, 4), a.class_id].max().item()))
    for lying in (False, True):
        s = np.array(stats[lying], dtype=float).reshape(-1, 4)
        if not len(s):
            continue
        print(f"{'on another object' if lying else 'free on the belt':18s} {len(s):4d}  found {s[:, 0].mean():.2f}  "
              f"centre score median {np.median(s[:, 1]):.2f} (other classes {np.median(s[:, 2]):.2f})  "
              f"cells taken by another object {s[:, 3].mean():.2f}")
    if moved:
        m = np.array(moved)
        print(f"moved to empty belt: {len(m)} missed objects lying on another one; found there {(m[:, 1] >= a.conf).mean():.2f}, "
              f"median score {np.median(m[:, 0]):.2f} in place -> {np.median(m[:, 1]):.2f} moved")


if __name__ == "__main__":
    main()
