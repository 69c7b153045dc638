"""Task-aligned assignment (TOOD / YOLOv8 style) and the detection loss (BCE on soft targets + CIoU)."""
import math

import torch
import torch.nn.functional as F

from .data import on_object as boxes_on_object


def box_iou_pairwise(a, b, eps=1e-7):
    """a [..., 4], b [..., 4] broadcastable xyxy -> IoU [...]."""
    lt = torch.max(a[..., :2], b[..., :2])
    rb = torch.min(a[..., 2:], b[..., 2:])
    inter = (rb - lt).clamp(min=0).prod(-1)
    area_a = (a[..., 2:] - a[..., :2]).clamp(min=0).prod(-1)
    area_b = (b[..., 2:] - b[..., :2]).clamp(min=0).prod(-1)
    return inter / (area_a + area_b - inter + eps)


def ciou(a, b, eps=1e-7):
    iou = box_iou_pairwise(a, b, eps)
    cw = torch.max(a[..., 2], b[..., 2]) - torch.min(a[..., 0], b[..., 0])
    ch = torch.max(a[..., 3], b[..., 3]) - torch.min(a[..., 1], b[..., 1])
    c2 = cw ** 2 + ch ** 2 + eps
    rho2 = ((a[..., 0] + a[..., 2] - b[..., 0] - b[..., 2]) ** 2 + (a[..., 1] + a[..., 3] - b[..., 1] - b[..., 3]) ** 2) / 4
    wa, ha = a[..., 2] - a[..., 0], (a[..., 3] - a[..., 1]).clamp(min=eps)
    wb, hb = b[..., 2] - b[..., 0], (b[..., 3] - b[..., 1]).clamp(min=eps)
    v = (4 / math.pi ** 2) * (torch.atan(wb / hb) - torch.atan(wa / ha)) ** 2
    with torch.no_grad():
        alpha = v / (v - iou + (1 + eps))
    return iou - (rho2 / c2 + v * alpha)


@torch.no_grad()
def on_object(gt, mask):
    """[B,M] data.on_object for each image of a padded batch gt [B,M,5] (cls,x1,y1,x2,y2), mask [B,M]."""
    out = torch.zeros_like(mask)
    for b in range(gt.shape[0]):
        if mask[b].any():
            out[b, mask[b]] = torch.from_numpy(boxes_on_object(gt[b][mask[b]].cpu().numpy()))
    return out


@torch.no_grad()
def assign(scores, pboxes, anchors, strides, gt, mask, topk=10, alpha=0.5, beta=6.0, return_index=False):
    """scores [B,N,nc] sigmoid, pboxes [B,N,4] xyxy, anchors [N,2], strides [N,1],
    gt [B,M,5] (cls,x1,y1,x2,y2), mask [B,M].
    Returns target boxes [B,N,4], target scores [B,N,nc], foreground mask [B,N]
    (and, with return_index, the index [B,N] of each cell's object in gt)."""
    B, N, nc = scores.shape
    M = gt.shape[1]
    gcls = gt[..., 0].long().clamp(0, nc - 1)
    gbox = gt[..., 1:5]
    # candidates: cell centre inside the box, or within ~0.75 stride of its centre, so thin
    # objects narrower than a cell (AA cells seen side-on) still get candidate cells
    gc = (gbox[..., :2] + gbox[..., 2:]) / 2  # [B,M,2]
    half = ((gbox[..., 2:] - gbox[..., :2]) / 2)[:, :, None, :]  # [B,M,1,2]
    allow = torch.max(half, 0.75 * strides.view(1, 1, N, 1))
    d = (anchors.view(1, 1, N, 2) - gc[:, :, None, :]).abs()
    cand = (d < allow).all(-1) & mask[:, :, None]  # [B,M,N]
    # a cell whose centre lies on a smaller object is that object's, not a candidate of the larger one
    area = (gbox[..., 2:] - gbox[..., :2]).clamp(min=0).prod(-1)  # [B,M]
    in_box = ((anchors.view(1, 1, N, 2) > gbox[..., None, :2]) & (anchors.view(1, 1, N, 2) < gbox[..., None, 2:])).all(-1)
    smaller = (area[:, None, :] < area[:, :, None]) & mask[:, None, :]  # [B,M,M]: j smaller than i
    cand &= ~(torch.bmm(smaller.float(), in_box.float()) > 0)
    iou = box_iou_pairwise(gbox[:, :, None, :], pboxes[:, None, :, :]).clamp(min=0)  # [B,M,N]
    s = scores.gather(2, gcls[:, None, :].expand(B, N, M)).permute(0, 2, 1)  # [B,M,N]
    metric = s.pow(alpha) * iou.pow(beta) * cand
    # tie-break with closeness so the earliest steps (all metrics ~0) still pick central cells
    closeness = 1e-9 / (1 + (d / strides.view(1, 1, N, 1)).sum(-1))
    k = min(topk, N)
    top_idx = (metric + closeness * cand).topk(k, dim=-1).indices  # [B,M,k]
    sel = torch.zeros_like(cand)
    sel.scatter_(2, top_idx, True)
    sel &= cand
    # an anchor claimed by several objects goes to the smallest of them: on a belt the smaller object
    # usually lies on the larger one and is fully visible there. (Giving it to the object the anchor's
    # box overlaps most, as TOOD does, feeds on itself: cells on a battery lying on a bottle learn to
    # predict the bottle and then keep being given to it, and such batteries went undetected.)
    multi = sel.sum(1) > 1  # [B,N]
    if multi.any():
        best = area[:, :, None].expand(B, M, N).masked_fill(~sel, float("inf")).argmin(1)  # [B,N]
        one = F.one_hot(best, M).permute(0, 2, 1).bool()
        sel = torch.where(multi[:, None, :], one, sel)
    fg = sel.any(1)  # [B,N]
    gt_idx = sel.float().argmax(1)  # [B,N]
    tboxes = gbox.gather(1, gt_idx[..., None].expand(B, N, 4))
    tcls = gcls.gather(1, gt_idx)
    metric = metric * sel
    pos_metric = metric.amax(-1, keepdim=True)
    pos_iou = (iou * sel).amax(-1, keepdim=True)
    norm = (metric * pos_iou / (pos_metric + 1e-9)).amax(1)  # [B,N]
    tscores = F.one_hot(tcls, nc).float() * (norm * fg)[..., None]
    if return_index:
        return tboxes, tscores, fg, gt_idx
    return tboxes, tscores, fg


class DetectionLoss:
    def __init__(self, box_gain=7.5, cls_gain=1.0, on_object_w=1.0):
        """on_object_w: weight of the cells of an object lying on a larger one (both terms), the case a
        detector learns last; 1 weighs every cell alike."""
        self.box_gain = box_gain
        self.cls_gain = cls_gain
        self.on_object_w = on_object_w

    def __call__(self, pboxes, logits, anchors, strides, gt, mask):
        tboxes, tscores, fg, gt_idx = assign(logits.detach().sigmoid(), pboxes.detach(), anchors, strides, gt, mask,
                                             return_index=True)
        tsum = tscores.sum().clamp(min=1.0)
        bce = F.binary_cross_entropy_with_logits(logits, tscores, reduction="none")
        if self.on_object_w != 1.0:
            on_cell = fg & on_object(gt, mask).gather(1, gt_idx)  # [B,N]
            cell_w = 1.0 + (self.on_object_w - 1.0) * on_cell.float()
            bce = bce * cell_w[..., None]
        else:
            cell_w = None
        cls_loss = bce.sum() / tsum
        if fg.any():
            w = tscores.sum(-1)[fg]
            if cell_w is not None:
                w = w * cell_w[fg]
            box_loss = ((1.0 - ciou(pboxes[fg], tboxes[fg])) * w).sum() / tsum
        else:
            box_loss = pboxes.sum() * 0
        loss = self.box_gain * box_loss + self.cls_gain * cls_loss
        return loss, box_loss.detach(), cls_loss.detach()
