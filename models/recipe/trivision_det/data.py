"""YOLO-format datasets (data.yaml + images/ + labels/, as CVAT, Label Studio and Ultralytics write them).

Images are letterboxed to the model input once and cached as a uint8 array on disk, so an epoch
costs only augmentation and the network, not JPEG decoding and resizing of full frames.
"""
import hashlib
import math
import os
import pickle

import cv2
import numpy as np
import yaml

IMG_EXT = (".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff")


def load_data_yaml(path):
    with open(path) as f:
        cfg = yaml.safe_load(f)
    if not isinstance(cfg, dict):
        raise ValueError(f"{path}: expected a mapping with path/train/val/names")
    root = cfg.get("path") or os.path.dirname(os.path.abspath(path))
    if not os.path.isabs(root):
        root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), root))
    names = cfg.get("names")
    if isinstance(names, dict):
        names = [names[k] for k in sorted(names, key=int)]
    if not names:
        raise ValueError(f"{path}: 'names' is missing or empty")
    splits = {}
    for split in ("train", "val", "test"):
        if cfg.get(split):
            entries = cfg[split] if isinstance(cfg[split], list) else [cfg[split]]
            splits[split] = [e if os.path.isabs(e) else os.path.join(root, e) for e in entries]
    if "train" not in splits:
        raise ValueError(f"{path}: 'train' is missing")
    return {"root": root, "names": list(names), "splits": splits}


def list_images(entries):
    files = []
    for e in entries:
        if os.path.isdir(e):
            for dirpath, _, fnames in os.walk(e):
                files += [os.path.join(dirpath, n) for n in fnames if n.lower().endswith(IMG_EXT)]
        elif e.endswith(".txt"):
            base = os.path.dirname(e)
            with open(e) as f:
                for line in f:
                    line = line.strip()
                    if line:
                        files.append(line if os.path.isabs(line) else os.path.join(base, line))
        else:
            raise FileNotFoundError(f"dataset split not found: {e}")
    if not files:
        raise FileNotFoundError(f"no images under {entries}")
    return sorted(files)


def label_path(img_path):
    # Ultralytics convention: .../images/... -> .../labels/..., extension -> .txt
    head, sep, tail = img_path.rpartition(os.sep + "images" + os.sep)
    p = head + os.sep + "labels" + os.sep + tail if sep else img_path
    return os.path.splitext(p)[0] + ".txt"


def read_labels(path, nc):
    """Returns [n,5] float32: class, cx, cy, w, h (normalised). Missing file = no objects."""
    if not os.path.exists(path):
        return np.zeros((0, 5), np.float32)
    rows = []
    with open(path) as f:
        for ln, line in enumerate(f, 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) < 5:
                raise ValueError(f"{path}:{ln}: expected 'class cx cy w h'")
            c = int(float(parts[0]))
            if c < 0 or c >= nc:
                raise ValueError(f"{path}:{ln}: class {c} outside 0..{nc - 1}")
            rows.append([c] + [float(v) for v in parts[1:5]])
    return np.array(rows, np.float32).reshape(-1, 5)


def letterbox_params(h0, w0, H, W):
    r = min(H / h0, W / w0)
    nw, nh = int(round(w0 * r)), int(round(h0 * r))
    left, top = (W - nw) // 2, (H - nh) // 2
    return r, nw, nh, left, top


def letterbox(img, H, W):
    """Ultralytics letterbox: keep aspect, centre, pad with grey 114."""
    h0, w0 = img.shape[:2]
    r, nw, nh, left, top = letterbox_params(h0, w0, H, W)
    out = np.full((H, W, 3), 114, np.uint8)
    if (nw, nh) != (w0, h0):
        img = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_AREA if r < 1 else cv2.INTER_LINEAR)
    out[top:top + nh, left:left + nw] = img
    return out, r, left, top


def load_letterboxed(path, H, W, nc):
    """One image letterboxed to (H, W), RGB uint8, with its labels as [k,5] = class, x1, y1, x2, y2 in
    letterboxed pixels, and its original (height, width)."""
    img = cv2.imread(path, cv2.IMREAD_COLOR)
    if img is None:
        raise ValueError(f"cannot read image {path}")
    h0, w0 = img.shape[:2]
    lb, _, _, _ = letterbox(cv2.cvtColor(img, cv2.COLOR_BGR2RGB), H, W)
    return lb, letterboxed_labels(path, h0, w0, H, W, nc), (h0, w0)


def letterboxed_labels(img_path, h0, w0, H, W, nc):
    """The labels of an (h0, w0) image as [k,5] = class, x1, y1, x2, y2 in pixels of its letterbox to (H, W)."""
    r, _, _, left, top = letterbox_params(h0, w0, H, W)
    lab = read_labels(label_path(img_path), nc)
    boxes = np.zeros((len(lab), 5), np.float32)
    if len(lab):
        boxes[:, 0] = lab[:, 0]
        boxes[:, 1] = (lab[:, 1] - lab[:, 3] / 2) * w0 * r + left
        boxes[:, 2] = (lab[:, 2] - lab[:, 4] / 2) * h0 * r + top
        boxes[:, 3] = (lab[:, 1] + lab[:, 3] / 2) * w0 * r + left
        boxes[:, 4] = (lab[:, 2] + lab[:, 4] / 2) * h0 * r + top
    return boxes


def file_digest(paths):
    """A digest of the files' contents (a missing file counts as empty): tells when labels were edited."""
    h = hashlib.sha1()
    for p in paths:
        h.update(p.encode() + b"\0")
        if os.path.exists(p):
            with open(p, "rb") as f:
                h.update(f.read())
        h.update(b"\1")
    return h.hexdigest()


class CachedSplit:
    """A split letterboxed to (H, W): images [n,H,W,3] uint8 RGB (memmap) and per-image boxes
    [k,5] = class, x1, y1, x2, y2 in letterboxed pixels."""

    def __init__(self, entries, names, imgsz, cache_dir, log=print):
        H, W = imgsz
        self.files = list_images(entries)
        nc = len(names)
        key = hashlib.sha1(("|".join(self.files) + f"|{H}x{W}").encode()).hexdigest()[:12]
        os.makedirs(cache_dir, exist_ok=True)
        img_path = os.path.join(cache_dir, f"{key}_{H}x{W}.u8")
        meta_path = os.path.join(cache_dir, f"{key}_{H}x{W}.pkl")
        n = len(self.files)
        label_digest = file_digest([label_path(p) for p in self.files])
        if os.path.exists(meta_path) and os.path.exists(img_path):
            with open(meta_path, "rb") as f:
                meta = pickle.load(f)
            self.labels, self.orig_sizes = meta["labels"], meta["orig_sizes"]
            if meta.get("label_digest") != label_digest:
                # Labels edited since caching (re-annotated frames, a new truth rule), or a cache from
                # before the digest: the letterboxed images still hold; re-read every label file.
                log(f"  labels changed since {meta_path} was written: re-reading {n} label files")
                self.labels = [letterboxed_labels(p, h0, w0, H, W, nc) for p, (h0, w0) in zip(self.files, self.orig_sizes)]
                with open(meta_path, "wb") as f:
                    pickle.dump({"labels": self.labels, "orig_sizes": self.orig_sizes, "label_digest": label_digest}, f)
        else:
            mm = np.lib.format.open_memmap(img_path + ".tmp", mode="w+", dtype=np.uint8, shape=(n, H, W, 3))
            self.labels, self.orig_sizes = [], []
            for i, fpath in enumerate(self.files):
                mm[i], boxes, size0 = load_letterboxed(fpath, H, W, nc)
                self.labels.append(boxes)
                self.orig_sizes.append(size0)
                if (i + 1) % 200 == 0 or i + 1 == n:
                    log(f"  caching {i + 1}/{n} images at {W}x{H}")
            mm.flush()
            del mm
            os.replace(img_path + ".tmp", img_path)
            with open(meta_path, "wb") as f:
                pickle.dump({"labels": self.labels, "orig_sizes": self.orig_sizes, "label_digest": label_digest}, f)
        self.images = np.load(img_path, mmap_mode="r")

    def __len__(self):
        return len(self.files)


def augment(img, boxes, rng, hyp):
    """Augmentation of one whole letterboxed image: scale/translate jitter, flips, then the
    photometric changes of `photometric`. boxes: [k,5] class,x1,y1,x2,y2 (copied)."""
    H, W = img.shape[:2]
    boxes = boxes.copy()
    s = rng.uniform(1 - hyp["scale"], 1 + hyp["scale"])
    tx = rng.uniform(-hyp["translate"], hyp["translate"]) * W
    ty = rng.uniform(-hyp["translate"], hyp["translate"]) * H
    M = np.array([[s, 0, (1 - s) * W / 2 + tx], [0, s, (1 - s) * H / 2 + ty]], np.float32)
    img = cv2.warpAffine(img, M, (W, H), flags=cv2.INTER_LINEAR, borderValue=(114, 114, 114))
    if len(boxes):
        area0 = (boxes[:, 3] - boxes[:, 1]) * (boxes[:, 4] - boxes[:, 2])
        boxes[:, [1, 3]] = boxes[:, [1, 3]] * s + M[0, 2]
        boxes[:, [2, 4]] = boxes[:, [2, 4]] * s + M[1, 2]
        boxes[:, [1, 3]] = boxes[:, [1, 3]].clip(0, W)
        boxes[:, [2, 4]] = boxes[:, [2, 4]].clip(0, H)
        w = boxes[:, 3] - boxes[:, 1]
        h = boxes[:, 4] - boxes[:, 2]
        keep = (w > 2) & (h > 2) & (w * h > 0.3 * area0 * s * s)
        boxes = boxes[keep]
    img, boxes = flips(img, boxes, rng, hyp)
    return photometric(img, rng, hyp), boxes


def augment_crop(img, boxes, crop, rng, hyp):
    """Crop-first augmentation for training on crops: a window of crop/s pixels (s = scale jitter),
    biased to contain an object, resized to the crop, then flips and photometric changes. Costs the
    crop, not the whole image, so large inputs train as cheaply as small ones."""
    ch, cw = crop
    H, W = img.shape[:2]
    s = rng.uniform(1 - hyp["scale"], 1 + hyp["scale"])
    wh, ww = min(H, int(round(ch / s))), min(W, int(round(cw / s)))
    win, boxes = crop_window(img, boxes, (wh, ww), rng, hyp.get("on_object_w", 1.0))
    if (wh, ww) != (ch, cw):
        sx, sy = cw / ww, ch / wh
        win = cv2.resize(win, (cw, ch), interpolation=cv2.INTER_LINEAR)
        if len(boxes):
            boxes = boxes.copy()
            boxes[:, [1, 3]] *= sx
            boxes[:, [2, 4]] *= sy
    win, boxes = flips(np.ascontiguousarray(win), boxes, rng, hyp)
    return photometric(win, rng, hyp), boxes


def on_object(boxes):
    """True for each box that lies mostly (>= 60 % of its area) inside a box at least twice its area:
    a small object resting on a larger one, the case a detector learns last."""
    area = (boxes[:, 3] - boxes[:, 1]) * (boxes[:, 4] - boxes[:, 2])
    iw = (np.minimum(boxes[:, None, 3], boxes[None, :, 3]) - np.maximum(boxes[:, None, 1], boxes[None, :, 1])).clip(0)
    ih = (np.minimum(boxes[:, None, 4], boxes[None, :, 4]) - np.maximum(boxes[:, None, 2], boxes[None, :, 2])).clip(0)
    inside = iw * ih >= 0.6 * area[:, None]
    larger = area[None, :] >= 2 * area[:, None]
    return (inside & larger).any(axis=1)


def crop_window(img, boxes, size, rng, on_object_w=1.0):
    """A window at full scale, biased to contain objects (a random object's centre lies inside it;
    an object lying on a larger one is picked on_object_w times as often as another).
    Objects cut to less than 40% of themselves are dropped: their remains no longer look like the class."""
    H, W = img.shape[:2]
    ch, cw = size
    if len(boxes) and rng.random() < 0.8:
        wts = np.where(on_object(boxes), on_object_w, 1.0) if on_object_w != 1.0 else np.ones(len(boxes))
        b = boxes[rng.choice(len(boxes), p=wts / wts.sum())]
        cx, cy = (b[1] + b[3]) / 2, (b[2] + b[4]) / 2
        x0 = int(np.clip(cx - rng.uniform(0.15, 0.85) * cw, 0, W - cw))
        y0 = int(np.clip(cy - rng.uniform(0.15, 0.85) * ch, 0, H - ch))
    else:
        x0, y0 = int(rng.integers(0, W - cw + 1)), int(rng.integers(0, H - ch + 1))
    img = img[y0:y0 + ch, x0:x0 + cw]
    if len(boxes):
        boxes = boxes.copy()
        area0 = (boxes[:, 3] - boxes[:, 1]) * (boxes[:, 4] - boxes[:, 2])
        boxes[:, [1, 3]] = (boxes[:, [1, 3]] - x0).clip(0, cw)
        boxes[:, [2, 4]] = (boxes[:, [2, 4]] - y0).clip(0, ch)
        w, h = boxes[:, 3] - boxes[:, 1], boxes[:, 4] - boxes[:, 2]
        boxes = boxes[(w > 2) & (h > 2) & (w * h >= 0.4 * area0)]
    return img, boxes


def flips(img, boxes, rng, hyp):
    H, W = img.shape[:2]
    if rng.random() < hyp["fliplr"]:
        img = img[:, ::-1]
        boxes = boxes.copy()
        boxes[:, [1, 3]] = W - boxes[:, [3, 1]]
    if rng.random() < hyp["flipud"]:
        img = img[::-1]
        boxes = boxes.copy()
        boxes[:, [2, 4]] = H - boxes[:, [4, 2]]
    return np.ascontiguousarray(img), boxes


def photometric(img, rng, hyp):
    """Lighting and belts a plant may have that the training images lack: HSV jitter, a hue rotation
    of the whole crop (a belt of a colour never rendered; object colours rotate with it), a colour cast
    (per-channel gain, i.e. another lamp's colour temperature), gamma, a smooth illumination field
    (gradient, spot or vignette), motion blur along the belt and sensor noise."""
    g = 1 + rng.uniform(-1, 1, 3) * np.array([hyp["hsv_h"], hyp["hsv_s"], hyp["hsv_v"]])
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)
    x = np.arange(256, dtype=np.float32)
    shift = rng.uniform(0, 180) if rng.random() < hyp.get("hue_rot_p", 0) else 0.0
    lut_h = ((x * g[0] + shift) % 180).astype(np.uint8)
    lut_s = np.clip(x * g[1], 0, 255).astype(np.uint8)
    lut_v = np.clip(x * g[2], 0, 255).astype(np.uint8)
    hsv = cv2.merge((cv2.LUT(hsv[..., 0], lut_h), cv2.LUT(hsv[..., 1], lut_s), cv2.LUT(hsv[..., 2], lut_v)))
    img = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)
    if hyp.get("cast", 0) and rng.random() < hyp["cast_p"]:
        gains = rng.uniform(1 - hyp["cast"], 1 + hyp["cast"], 3)
        gamma = math.exp(rng.uniform(-hyp["gamma"], hyp["gamma"]))
        base = (x / 255.0) ** gamma * 255.0
        lut = np.clip(base[:, None] * gains[None, :], 0, 255).astype(np.uint8).reshape(256, 1, 3)
        img = cv2.LUT(img, lut)
    if hyp.get("field", 0) and rng.random() < hyp["field_p"]:
        H, W = img.shape[:2]
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        xx, yy = xx / W - 0.5, yy / H - 0.5
        a, b = rng.uniform(-hyp["field"], hyp["field"], 2)
        cx, cy = rng.uniform(-0.5, 0.5, 2)
        r2 = (xx - cx) ** 2 + (yy - cy) ** 2
        gain = (1 + a * xx * 2 + b * yy * 2) * (1 - rng.uniform(-0.5, 1.0) * hyp["field"] * r2 * 2)
        img = np.clip(img.astype(np.float32) * np.clip(gain, 0.2, 2.0)[..., None], 0, 255).astype(np.uint8)
    if hyp.get("blur_p", 0) and rng.random() < hyp["blur_p"]:
        k = int(rng.choice([3, 5, 7]))
        img = cv2.blur(img, (k, 1)) if rng.random() < 0.7 else cv2.GaussianBlur(img, (3, 3), 0)
    if hyp.get("noise", 0) and rng.random() < hyp["noise_p"]:
        sigma = rng.uniform(1, hyp["noise"])
        img = np.clip(img.astype(np.float32) + rng.normal(0, sigma, img.shape).astype(np.float32), 0, 255).astype(np.uint8)
    return img


def collate(imgs, boxes_list):
    """-> images float [B,3,H,W] /255, targets [B,M,5] (class,x1,y1,x2,y2), mask [B,M]."""
    import torch

    x = torch.from_numpy(np.stack(imgs)).permute(0, 3, 1, 2).float().div_(255.0)
    m = max([len(b) for b in boxes_list] + [1])
    t = np.zeros((len(imgs), m, 5), np.float32)
    mask = np.zeros((len(imgs), m), bool)
    for i, b in enumerate(boxes_list):
        t[i, :len(b)] = b
        mask[i, :len(b)] = True
    return x, torch.from_numpy(t), torch.from_numpy(mask)
