"""A compact anchor-free detector: CSP backbone, PAN neck, decoupled depthwise head at strides 8/16/32.

Boxes are regressed as distances (left, top, right, bottom) from each grid cell centre, in units of
the level's stride; classes are independent sigmoids (no objectness), which is the Ultralytics v8
convention that TriVision's decoder reads.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBnAct(nn.Module):
    def __init__(self, c1, c2, k=1, s=1, groups=1):
        super().__init__()
        self.conv = nn.Conv2d(c1, c2, k, s, k // 2, groups=groups, bias=False)
        self.bn = nn.BatchNorm2d(c2, eps=1e-3, momentum=0.1)
        self.act = nn.SiLU(inplace=True)

    def forward(self, x):
        return self.act(self.bn(self.conv(x)))


class DwSeparable(nn.Module):
    """Depthwise 3x3 then pointwise 1x1: a fraction of a full 3x3's cost in the wide head."""

    def __init__(self, c1, c2):
        super().__init__()
        self.dw = ConvBnAct(c1, c1, 3, 1, groups=c1)
        self.pw = ConvBnAct(c1, c2, 1, 1)

    def forward(self, x):
        return self.pw(self.dw(x))


class Bottleneck(nn.Module):
    def __init__(self, c, shortcut=True):
        super().__init__()
        self.cv1 = ConvBnAct(c, c, 3)
        self.cv2 = ConvBnAct(c, c, 3)
        self.add = shortcut

    def forward(self, x):
        y = self.cv2(self.cv1(x))
        return x + y if self.add else y


class CspBlock(nn.Module):
    """Cross-stage partial block (C2f style): split, run n bottlenecks, concatenate every stage."""

    def __init__(self, c1, c2, n=1, shortcut=True):
        super().__init__()
        self.h = c2 // 2
        self.cv1 = ConvBnAct(c1, 2 * self.h, 1)
        self.m = nn.ModuleList(Bottleneck(self.h, shortcut) for _ in range(n))
        self.cv2 = ConvBnAct((2 + n) * self.h, c2, 1)

    def forward(self, x):
        y = list(self.cv1(x).chunk(2, 1))
        for m in self.m:
            y.append(m(y[-1]))
        return self.cv2(torch.cat(y, 1))


class Sppf(nn.Module):
    def __init__(self, c1, c2, k=5):
        super().__init__()
        h = c1 // 2
        self.cv1 = ConvBnAct(c1, h, 1)
        self.cv2 = ConvBnAct(h * 4, c2, 1)
        self.pool = nn.MaxPool2d(k, 1, k // 2)

    def forward(self, x):
        x = self.cv1(x)
        y1 = self.pool(x)
        y2 = self.pool(y1)
        return self.cv2(torch.cat([x, y1, y2, self.pool(y2)], 1))


# width presets: (stem, s4, s8, s16, s32), depth per stage
WIDTHS = {
    "n": ((16, 32, 64, 96, 128), (1, 2, 2, 1)),
    "s": ((24, 48, 96, 144, 192), (1, 2, 2, 1)),
}


class TriVisionDetector(nn.Module):
    strides = (8, 16, 32)

    def __init__(self, nc, width="n", head_ch=64):
        super().__init__()
        (c0, c1, c2, c3, c4), (d1, d2, d3, d4) = WIDTHS[width]
        self.nc = nc
        self.width = width
        self.stem = ConvBnAct(3, c0, 3, 2)
        self.stage1 = nn.Sequential(ConvBnAct(c0, c1, 3, 2), CspBlock(c1, c1, d1))
        self.stage2 = nn.Sequential(ConvBnAct(c1, c2, 3, 2), CspBlock(c2, c2, d2))
        self.stage3 = nn.Sequential(ConvBnAct(c2, c3, 3, 2), CspBlock(c3, c3, d3))
        self.stage4 = nn.Sequential(ConvBnAct(c3, c4, 3, 2), CspBlock(c4, c4, d4), Sppf(c4, c4))
        # PAN neck: top-down then bottom-up, so small objects (P3) see context and large ones detail
        self.td4 = CspBlock(c4 + c3, c3, 1, False)
        self.td3 = CspBlock(c3 + c2, c2, 1, False)
        self.down3 = ConvBnAct(c2, c2, 3, 2)
        self.bu4 = CspBlock(c2 + c3, c3, 1, False)
        self.down4 = ConvBnAct(c3, c3, 3, 2)
        self.bu5 = CspBlock(c3 + c4, c4, 1, False)
        chans = (c2, c3, c4)
        self.box_branch = nn.ModuleList(
            nn.Sequential(DwSeparable(c, head_ch), DwSeparable(head_ch, head_ch), nn.Conv2d(head_ch, 4, 1)) for c in chans
        )
        self.cls_branch = nn.ModuleList(
            nn.Sequential(DwSeparable(c, head_ch), DwSeparable(head_ch, head_ch), nn.Conv2d(head_ch, nc, 1)) for c in chans
        )
        self._init_bias()

    def _init_bias(self):
        for seq in self.cls_branch:
            nn.init.constant_(seq[-1].bias, -math.log((1 - 0.01) / 0.01))
        for seq in self.box_branch:
            # softplus(1.0) ~ 1.3 strides per side: initial boxes overlap nearby objects so the
            # task-aligned assigner has IoU signal from the first step
            nn.init.constant_(seq[-1].bias, 1.0)
            nn.init.normal_(seq[-1].weight, std=0.01)

    def forward(self, x):
        """Returns raw per-level maps: list of (box [B,4,h,w], cls [B,nc,h,w])."""
        x = self.stem(x)
        x = self.stage1(x)
        p3 = self.stage2(x)
        p4 = self.stage3(p3)
        p5 = self.stage4(p4)
        t4 = self.td4(torch.cat([F.interpolate(p5, scale_factor=2.0, mode="nearest"), p4], 1))
        n3 = self.td3(torch.cat([F.interpolate(t4, scale_factor=2.0, mode="nearest"), p3], 1))
        n4 = self.bu4(torch.cat([self.down3(n3), t4], 1))
        n5 = self.bu5(torch.cat([self.down4(n4), p5], 1))
        return [(b(f), c(f)) for f, b, c in zip((n3, n4, n5), self.box_branch, self.cls_branch)]


def make_anchors(feats, strides, device):
    """Cell centres (x, y) in input pixels and the stride of each cell, flattened level by level."""
    points, stride_list = [], []
    for (box, _), s in zip(feats, strides):
        h, w = box.shape[-2:]
        sy = (torch.arange(h, device=device, dtype=torch.float32) + 0.5) * s
        sx = (torch.arange(w, device=device, dtype=torch.float32) + 0.5) * s
        yy, xx = torch.meshgrid(sy, sx, indexing="ij")
        points.append(torch.stack([xx, yy], -1).reshape(-1, 2))
        stride_list.append(torch.full((h * w, 1), float(s), device=device))
    return torch.cat(points), torch.cat(stride_list)


def flatten_outputs(feats):
    """Concatenates levels: distances [B,N,4] (raw) and class logits [B,N,nc]."""
    box = torch.cat([b.flatten(2) for b, _ in feats], 2).permute(0, 2, 1)
    cls = torch.cat([c.flatten(2) for _, c in feats], 2).permute(0, 2, 1)
    return box, cls


def decode_boxes(raw_box, anchors, strides):
    """Raw distances -> xyxy in input pixels."""
    d = F.softplus(raw_box) * strides
    return torch.cat([anchors - d[..., :2], anchors + d[..., 2:]], -1)


class ExportWrapper(nn.Module):
    """Ultralytics v8 output layout [1, 4+nc, N]: cx, cy, w, h in input pixels, then class sigmoids."""

    def __init__(self, model, imgsz):
        super().__init__()
        self.model = model
        with torch.no_grad():
            feats = model(torch.zeros(1, 3, imgsz[0], imgsz[1]))
        anchors, strides = make_anchors(feats, model.strides, "cpu")
        self.register_buffer("anchors", anchors)
        self.register_buffer("strides_t", strides)

    def forward(self, images):
        feats = self.model(images)
        raw_box, cls = flatten_outputs(feats)
        d = F.softplus(raw_box) * self.strides_t
        x1y1 = self.anchors - d[..., :2]
        x2y2 = self.anchors + d[..., 2:]
        cxcy = (x1y1 + x2y2) * 0.5
        wh = x2y2 - x1y1
        out = torch.cat([cxcy, wh, cls.sigmoid()], -1)
        return out.permute(0, 2, 1)
