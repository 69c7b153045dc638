"""COCO-style AP, the Python twin of TriVision.Inference.Evaluation (same arithmetic as pycocotools
for the 'all areas, maxDets=100' setting): per class, detections of all images sorted by score
(stable), each greedily matched at each IoU threshold to the unmatched ground-truth box it overlaps
most (IoU >= t), precision made monotone, sampled at 101 recall points."""
import numpy as np

IOU_THRESHOLDS = np.linspace(0.5, 0.95, 10)
RECALL_POINTS = np.linspace(0.0, 1.0, 101)


def iou_matrix(a, b):
    """a [n,4], b [m,4] xyxy -> [n,m] (no +1 pixel convention, as COCO)."""
    if len(a) == 0 or len(b) == 0:
        return np.zeros((len(a), len(b)))
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.clip(rb - lt, 0, None).prod(-1)
    aa = (a[:, 2:] - a[:, :2]).prod(-1)
    ab = (b[:, 2:] - b[:, :2]).prod(-1)
    union = aa[:, None] + ab[None, :] - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)


def average_precision(tp, n_gt):
    """tp: bool array over score-sorted detections for one IoU threshold -> 101-point AP."""
    if n_gt == 0:
        return -1.0
    tps = np.cumsum(tp).astype(np.float64)
    fps = np.cumsum(~tp).astype(np.float64)
    rc = tps / n_gt
    pr = tps / np.maximum(tps + fps, np.finfo(np.float64).eps)
    for i in range(len(pr) - 1, 0, -1):
        if pr[i] > pr[i - 1]:
            pr[i - 1] = pr[i]
    idx = np.searchsorted(rc, RECALL_POINTS, side="left")
    q = np.zeros(len(RECALL_POINTS))
    for r, j in enumerate(idx):
        if j < len(pr):
            q[r] = pr[j]
    return float(q.mean())


def evaluate(gts, preds, nc, max_dets=100):
    """gts: list per image of [k,5] (cls,x1,y1,x2,y2); preds: list per image of [k,6]
    (x1,y1,x2,y2,score,cls). Returns dict: map50, map50_95, ap50[nc], ap50_95[nc], support[nc]
    (AP = -1 for classes without ground truth; they are left out of the means)."""
    ap = np.full((nc, len(IOU_THRESHOLDS)), -1.0)
    support = np.zeros(nc, int)
    for c in range(nc):
        scores, tps = [], []
        n_gt = 0
        for g, p in zip(gts, preds):
            gb = g[g[:, 0] == c][:, 1:5] if len(g) else np.zeros((0, 4))
            pc = p[p[:, 5] == c] if len(p) else np.zeros((0, 6))
            order = np.argsort(-pc[:, 4], kind="mergesort")[:max_dets]
            pc = pc[order]
            n_gt += len(gb)
            ious = iou_matrix(pc[:, :4], gb)
            tp = np.zeros((len(IOU_THRESHOLDS), len(pc)), bool)
            for ti, t in enumerate(IOU_THRESHOLDS):
                taken = np.zeros(len(gb), bool)
                for d in range(len(pc)):
                    best, best_iou = -1, min(t, 1 - 1e-10)
                    for gi in range(len(gb)):
                        if taken[gi] or ious[d, gi] < best_iou:
                            continue
                        best_iou, best = ious[d, gi], gi
                    if best >= 0:
                        taken[best] = True
                        tp[ti, d] = True
            scores.append(pc[:, 4])
            tps.append(tp)
        support[c] = n_gt
        if n_gt == 0:
            continue
        s = np.concatenate(scores) if scores else np.zeros(0)
        t = np.concatenate(tps, 1) if tps else np.zeros((len(IOU_THRESHOLDS), 0), bool)
        order = np.argsort(-s, kind="mergesort")
        for ti in range(len(IOU_THRESHOLDS)):
            ap[c, ti] = average_precision(t[ti, order], n_gt)
    valid = ap[:, 0] >= 0
    ap50 = ap[:, 0]
    ap50_95 = np.where(valid, ap.mean(1), -1.0)
    return {
        "map50": float(ap50[valid].mean()) if valid.any() else 0.0,
        "map50_95": float(ap50_95[valid].mean()) if valid.any() else 0.0,
        "ap50": ap50.tolist(),
        "ap50_95": ap50_95.tolist(),
        "support": support.tolist(),
    }


def precision_recall_at(gts, preds, nc, threshold, iou=0.5):
    """Per class precision and recall of detections with score >= threshold, greedy matching at iou."""
    tp = np.zeros(nc)
    n_det = np.zeros(nc)
    n_gt = np.zeros(nc)
    for g, p in zip(gts, preds):
        p = p[p[:, 4] >= threshold] if len(p) else p
        for c in range(nc):
            gb = g[g[:, 0] == c][:, 1:5] if len(g) else np.zeros((0, 4))
            pc = p[p[:, 5] == c] if len(p) else np.zeros((0, 6))
            pc = pc[np.argsort(-pc[:, 4], kind="mergesort")]
            n_gt[c] += len(gb)
            n_det[c] += len(pc)
            ious = iou_matrix(pc[:, :4], gb)
            taken = np.zeros(len(gb), bool)
            for d in range(len(pc)):
                cand = np.where(~taken & (ious[d] >= iou))[0] if len(gb) else []
                if len(cand):
                    best = cand[np.argmax(ious[d, cand])]
                    taken[best] = True
                    tp[c] += 1
    precision = np.where(n_det > 0, tp / np.maximum(n_det, 1), 0.0)
    recall = np.where(n_gt > 0, tp / np.maximum(n_gt, 1), 0.0)
    return precision.tolist(), recall.tolist()
