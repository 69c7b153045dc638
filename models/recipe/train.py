#!/usr/bin/python3
"""Train, evaluate and export the TriVision hazard detector on any YOLO-format dataset.

  /usr/bin/python3 models/recipe/train.py --data DATA.yaml --out runs/hazard --epochs 30
  /usr/bin/python3 models/recipe/train.py --data DATA.yaml --out runs/hazard --resume      # continue
  /usr/bin/python3 models/recipe/train.py --data DATA.yaml --out runs/smoke --smoke        # CI
  /usr/bin/python3 models/recipe/train.py --data DATA.yaml --out runs/hazard --eval-only --split test

Writes OUT/last.pt, OUT/best.pt, OUT/record.json, OUT/curves.svg, OUT/model.onnx.
"""
import argparse
import copy
import json
import math
import os
import sys
import time

# Passive OpenMP waiting: on a CPU shared with other jobs, spinning worker threads fight each other
# and a step runs ~30x slower than with one thread; passive waiting keeps 2 threads at least as fast as 1.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from trivision_det.cocoeval import evaluate, precision_recall_at  # noqa: E402
from trivision_det.data import CachedSplit, augment, augment_crop, collate, load_data_yaml  # noqa: E402
from trivision_det.export import export_onnx  # noqa: E402
from trivision_det.loss import DetectionLoss  # noqa: E402
from trivision_det.model import TriVisionDetector, decode_boxes, flatten_outputs, make_anchors  # noqa: E402
from trivision_det.record import write_curves_svg  # noqa: E402

HYP = {"scale": 0.25, "translate": 0.08, "fliplr": 0.5, "flipud": 0.5, "hsv_h": 0.015, "hsv_s": 0.5, "hsv_v": 0.35, "hue_rot_p": 0.3, "on_object_w": 4.0,
       # loss weight of the cells of an object lying on a larger one (1: as every other cell)
       "on_object_loss_w": 1.0,
       # lighting the training images may lack (colour cast, gamma, illumination field), blur, noise
       "cast": 0.3, "cast_p": 0.6, "gamma": 0.35, "field": 0.35, "field_p": 0.4, "blur_p": 0.2, "noise": 8.0, "noise_p": 0.3}


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="data.yaml (path/train/val/test/names)")
    p.add_argument("--out", required=True, help="run folder (checkpoints, record, ONNX)")
    p.add_argument("--imgsz", type=int, nargs=2, default=[384, 640], metavar=("H", "W"),
                   help="network input, multiple of 32 (default 384 640: a 16:9 frame letterboxed)")
    p.add_argument("--crop", type=int, nargs=2, default=None, metavar=("H", "W"),
                   help="train on random crops of the letterboxed images at full scale (cheaper steps, same object sizes)")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--width", default="n", choices=["n", "s"])
    p.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--val-limit", type=int, default=200, help="validation images evaluated per epoch (0 = all)")
    p.add_argument("--eval-every", type=int, default=1)
    p.add_argument("--time-limit", type=float, default=0,
                   help="minutes of training; the learning-rate schedule follows the clock and training stops when it runs out")
    p.add_argument("--epoch-size", type=int, default=0, help="images per epoch (default: the train split); sets how often to evaluate and checkpoint")
    p.add_argument("--resume", action="store_true", help="continue from OUT/last.pt")
    p.add_argument("--weights", help="start from a checkpoint's weights (fine-tuning)")
    p.add_argument("--smoke", action="store_true", help="a few steps at a small input size, then export (CI)")
    p.add_argument("--cache", help="cache folder for letterboxed images (default OUT/cache)")
    p.add_argument("--export", help="ONNX path (default OUT/model.onnx)")
    p.add_argument("--version", default="0.0.0")
    p.add_argument("--trained-on", default="", help="text for the ONNX 'trained_on' metadata")
    p.add_argument("--eval-only", action="store_true", help="evaluate OUT/best.pt on --split and exit")
    p.add_argument("--split", default="val")
    p.add_argument("--conf", type=float, default=0.25, help="operating threshold reported with --eval-only")
    p.add_argument("--hyp", action="append", default=[], metavar="KEY=VALUE",
                   help="override an augmentation or loss setting (repeatable), e.g. --hyp on_object_loss_w=2; keys: " + ", ".join(HYP))
    a = p.parse_args(argv)
    hyp = dict(HYP)
    for item in a.hyp:
        key, sep, value = item.partition("=")
        if not sep or key not in HYP:
            p.error(f"--hyp {item!r}: expected KEY=VALUE with KEY one of {', '.join(HYP)}")
        try:
            hyp[key] = float(value)
        except ValueError:
            p.error(f"--hyp {item!r}: {value!r} is not a number")
    a.hyp = hyp
    if a.smoke:
        a.imgsz, a.epochs, a.batch, a.val_limit = [128, 224], 1, 2, 4
    if a.imgsz[0] % 32 or a.imgsz[1] % 32:
        p.error("--imgsz must be multiples of 32")
    return a


class Ema:
    """Exponential moving average of weights; evaluated and exported instead of the raw weights."""

    def __init__(self, model, decay=0.999, tau=200):
        self.model = copy.deepcopy(model).eval()
        self.decay, self.tau, self.updates = decay, tau, 0
        for q in self.model.parameters():
            q.requires_grad_(False)

    @torch.no_grad()
    def update(self, model):
        self.updates += 1
        d = self.decay * (1 - math.exp(-self.updates / self.tau))
        msd = model.state_dict()
        for k, v in self.model.state_dict().items():
            if v.dtype.is_floating_point:
                v.mul_(d).add_(msd[k].detach(), alpha=1 - d)
            else:
                v.copy_(msd[k])


def nms(boxes, scores, classes, iou_thr):
    order = np.argsort(-scores, kind="mergesort")
    boxes, classes = boxes[order], classes[order]
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    keep = []
    suppressed = np.zeros(len(order), bool)
    for i in range(len(order)):
        if suppressed[i]:
            continue
        keep.append(order[i])
        lt = np.maximum(boxes[i, :2], boxes[i + 1:, :2])
        rb = np.minimum(boxes[i, 2:], boxes[i + 1:, 2:])
        inter = np.clip(rb - lt, 0, None).prod(1)
        iou = inter / (area[i] + area[i + 1:] - inter + 1e-9)
        suppressed[i + 1:] |= (iou > iou_thr) & (classes[i + 1:] == classes[i])
    return np.array(keep, int)


@torch.no_grad()
def predict(model, split, idx, batch=16, conf=0.001, iou=0.6, max_det=100, pre_nms=1000):
    """-> list of [k,6] arrays (x1,y1,x2,y2,score,cls) in letterboxed pixels."""
    model.eval()
    out = []
    anchors = strides = None
    for s in range(0, len(idx), batch):
        b = idx[s:s + batch]
        x = torch.from_numpy(np.stack([split.images[i] for i in b])).permute(0, 3, 1, 2).float().div_(255.0)
        feats = model(x)
        if anchors is None:
            anchors, strides = make_anchors(feats, model.strides, "cpu")
        raw_box, logits = flatten_outputs(feats)
        boxes = decode_boxes(raw_box, anchors, strides).numpy()
        scores = logits.sigmoid().numpy()
        for j in range(len(b)):
            sc = scores[j]
            ii, cc = np.nonzero(sc >= conf)
            v = sc[ii, cc]
            if len(v) > pre_nms:
                top = np.argpartition(-v, pre_nms)[:pre_nms]
                ii, cc, v = ii[top], cc[top], v[top]
            bx = boxes[j][ii]
            keep = nms(bx, v, cc, iou)[:max_det]
            out.append(np.concatenate([bx[keep], v[keep, None], cc[keep, None].astype(np.float32)], 1) if len(keep) else np.zeros((0, 6), np.float32))
    return out


def run_eval(model, split, limit=0):
    idx = list(range(len(split))) if not limit or limit >= len(split) else list(np.linspace(0, len(split) - 1, limit).astype(int))
    preds = predict(model, split, idx)
    gts = [split.labels[i] for i in idx]
    return gts, preds


def logits_count(feats):
    return sum(c.shape[-1] * c.shape[-2] for _, c in feats)


def fmt_time(s):
    return f"{int(s // 60)}m{int(s % 60):02d}s"


def main(argv=None):
    a = parse_args(argv)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    os.makedirs(a.out, exist_ok=True)
    cfg = load_data_yaml(a.data)
    names = cfg["names"]
    nc = len(names)
    cache = a.cache or os.path.join(a.out, "cache")
    imgsz = tuple(a.imgsz)
    log = lambda m: print(m, flush=True)  # noqa: E731

    model = TriVisionDetector(nc, a.width)
    if a.eval_only:
        ck = torch.load(os.path.join(a.out, "best.pt"), map_location="cpu")
        model.load_state_dict(ck["ema"])
        imgsz = tuple(ck["args"]["imgsz"])
        split = CachedSplit(cfg["splits"][a.split], names, imgsz, cache, log)
        gts, preds = run_eval(model, split)
        res = evaluate(gts, preds, nc)
        prec, rec = precision_recall_at(gts, preds, nc, a.conf)
        res["precision"], res["recall"], res["conf"] = prec, rec, a.conf
        # the sweep behind the choice of an operating threshold (recall of the hazards vs false alarms)
        res["sweep"] = []
        for t in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6):
            p_, r_ = precision_recall_at(gts, preds, nc, t)
            res["sweep"].append({"conf": t, "precision": p_, "recall": r_})
            log(f"conf {t:.2f}  " + "  ".join(f"{n}: P {pp:.3f} R {rr:.3f}" for n, pp, rr in zip(names, p_, r_)))
        res["names"], res["images"] = names, len(split)
        log(json.dumps(res, indent=1))
        with open(os.path.join(a.out, f"eval_{a.split}.json"), "w") as f:
            json.dump(res, f, indent=1)
        return res

    train = CachedSplit(cfg["splits"]["train"], names, imgsz, cache, log)
    val_entries = cfg["splits"].get("val") or cfg["splits"]["train"]
    val = CachedSplit(val_entries, names, imgsz, cache, log)
    log(f"train {len(train)} images, val {len(val)} images, classes {names}, input {imgsz[1]}x{imgsz[0]}")

    decay, no_decay = [], []
    for n_, p_ in model.named_parameters():
        (no_decay if p_.ndim <= 1 else decay).append(p_)
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 5e-4}, {"params": no_decay, "weight_decay": 0.0}], lr=a.lr, betas=(0.9, 0.999))
    ema = Ema(model)
    history, start_epoch, best = [], 0, -1.0
    last_path, best_path = os.path.join(a.out, "last.pt"), os.path.join(a.out, "best.pt")
    if a.resume:
        if not os.path.exists(last_path):
            raise SystemExit(f"--resume: no checkpoint at {last_path}")
        ck = torch.load(last_path, map_location="cpu")
        model.load_state_dict(ck["model"])
        ema.model.load_state_dict(ck["ema"])
        ema.updates = ck["ema_updates"]
        opt.load_state_dict(ck["opt"])
        history, start_epoch, best = ck["history"], ck["epoch"] + 1, ck["best"]
        rng = np.random.default_rng(a.seed + start_epoch)
        log(f"resumed from {last_path} at epoch {start_epoch}")
    elif a.weights:
        ck = torch.load(a.weights, map_location="cpu")
        state = {k: v for k, v in ck["ema"].items() if not k.startswith("cls_branch") or v.shape == model.state_dict()[k].shape}
        missing = model.load_state_dict(state, strict=False)
        ema = Ema(model)
        log(f"weights from {a.weights} (re-initialised: {missing.missing_keys})")

    crit = DetectionLoss(on_object_w=a.hyp["on_object_loss_w"])
    steps_per_epoch = max(1, (a.epoch_size or len(train)) // a.batch)
    if a.smoke:
        steps_per_epoch = min(steps_per_epoch, 3)
    total = steps_per_epoch * a.epochs
    warmup = min(150, max(1, total // 10))
    anchors = strides = None
    t_start = time.time()
    for epoch in range(start_epoch, a.epochs):
        model.train()
        perm = rng.permutation(np.resize(rng.permutation(len(train)), steps_per_epoch * a.batch))
        sums = np.zeros(3)
        t_ep = time.time()
        for it in range(steps_per_epoch):
            step = epoch * steps_per_epoch + it
            frac = (step - warmup) / max(1, total - warmup)
            if a.time_limit:
                frac = max(frac, (time.time() - t_start) / (a.time_limit * 60))
            lr = a.lr * (step + 1) / warmup if step < warmup else a.lr * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * min(1.0, frac))))
            for g in opt.param_groups:
                g["lr"] = lr
            imgs, boxes = [], []
            for i in perm[it * a.batch:(it + 1) * a.batch]:
                if a.crop:
                    im, bx = augment_crop(train.images[i], train.labels[i], a.crop, rng, a.hyp)
                else:
                    im, bx = augment(np.asarray(train.images[i]), train.labels[i], rng, a.hyp)
                imgs.append(im)
                boxes.append(bx)
            x, gt, mask = collate(imgs, boxes)
            feats = model(x)
            if anchors is None or anchors.shape[0] != logits_count(feats):
                anchors, strides = make_anchors(feats, model.strides, "cpu")
            raw_box, logits = flatten_outputs(feats)
            pboxes = decode_boxes(raw_box, anchors, strides)
            loss, lbox, lcls = crit(pboxes, logits, anchors, strides, gt, mask)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 10.0)
            opt.step()
            ema.update(model)
            sums += [loss.item(), lbox.item(), lcls.item()]
            out_of_time = a.time_limit and time.time() - t_start > a.time_limit * 60
            if (it + 1) % 10 == 0 or it + 1 == steps_per_epoch or out_of_time:
                el = time.time() - t_ep
                ips = (it + 1) * a.batch / el
                eta = (total - step - 1) * a.batch / ips
                log(f"epoch {epoch + 1}/{a.epochs} step {it + 1}/{steps_per_epoch} loss {sums[0] / (it + 1):.3f} "
                    f"(box {sums[1] / (it + 1):.3f} cls {sums[2] / (it + 1):.3f}) lr {lr:.2e} {ips:.1f} img/s eta {fmt_time(eta)}")
            if out_of_time:
                log(f"time limit of {a.time_limit} min reached")
                break
        steps_done = it + 1
        rec = {"epoch": epoch + 1, "loss": sums[0] / steps_done, "box_loss": sums[1] / steps_done,
               "cls_loss": sums[2] / steps_done, "lr": lr, "steps": steps_done, "elapsed_s": time.time() - t_start, "train_s": time.time() - t_ep, "map50": None, "map50_95": None}
        last_epoch = epoch + 1 == a.epochs or out_of_time
        if (epoch + 1) % a.eval_every == 0 or last_epoch:
            gts, preds = run_eval(ema.model, val, a.val_limit)
            res = evaluate(gts, preds, nc)
            rec["map50"], rec["map50_95"] = res["map50"], res["map50_95"]
            rec["ap50"] = res["ap50"]
            log(f"epoch {epoch + 1} val mAP@0.5 {res['map50']:.4f} mAP@0.5:0.95 {res['map50_95']:.4f} per-class AP@0.5 "
                + " ".join(f"{n}={v:.3f}" for n, v in zip(names, res["ap50"])))
        history.append(rec)
        score = rec["map50_95"] if rec["map50_95"] is not None else -rec["loss"]
        ck = {"model": model.state_dict(), "ema": ema.model.state_dict(), "ema_updates": ema.updates, "opt": opt.state_dict(),
              "epoch": epoch, "history": history, "best": max(best, score), "args": vars(a), "names": names}
        torch.save(ck, last_path)
        if score > best:
            best = score
            torch.save(ck, best_path)
        with open(os.path.join(a.out, "record.json"), "w") as f:
            json.dump({"config": {k: v for k, v in vars(a).items() if k != "hyp"}, "hyp": a.hyp, "names": names, "train_images": len(train), "val_images": len(val),
                       "torch": torch.__version__, "history": history}, f, indent=1)
        write_curves_svg(os.path.join(a.out, "curves.svg"), history)
        if last_epoch:
            break

    ck = torch.load(best_path, map_location="cpu")
    model.load_state_dict(ck["ema"])
    onnx_path = a.export or os.path.join(a.out, "model.onnx")
    props = export_onnx(model, imgsz, names, onnx_path, a.version, a.trained_on or os.path.abspath(a.data))
    log(f"exported {onnx_path} ({os.path.getsize(onnx_path) / 1e6:.2f} MB) metadata {props}")


if __name__ == "__main__":
    main()
