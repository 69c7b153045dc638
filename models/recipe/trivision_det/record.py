"""Training record: curves drawn as a hand-written SVG (no matplotlib on the target)."""
import html


def _panel(x0, y0, w, h, title, series, ymax=None):
    """series: list of (label, colour, [(x, y), ...])."""
    pts = [p for _, _, s in series for p in s]
    out = [f'<g transform="translate({x0},{y0})">',
           f'<rect x="0" y="0" width="{w}" height="{h}" fill="white" stroke="#888"/>',
           f'<text x="{w / 2}" y="-8" text-anchor="middle" font-size="14">{html.escape(title)}</text>']
    if not pts:
        return out + ["</g>"]
    xmax = max(max(p[0] for p in pts), 1)
    ymax = ymax or max(max(p[1] for p in pts), 1e-6) * 1.05
    for i in range(5):
        yv = ymax * i / 4
        yy = h - h * i / 4
        out.append(f'<line x1="0" y1="{yy:.1f}" x2="{w}" y2="{yy:.1f}" stroke="#eee"/>')
        out.append(f'<text x="-4" y="{yy + 4:.1f}" text-anchor="end" font-size="10">{yv:.2f}</text>')
    out.append(f'<text x="{w / 2}" y="{h + 28}" text-anchor="middle" font-size="11">epoch (0..{xmax:g})</text>')
    for li, (label, colour, s) in enumerate(series):
        if s:
            path = " ".join(f"{w * x / xmax:.1f},{h - h * min(y, ymax) / ymax:.1f}" for x, y in s)
            out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="{path}"/>')
        out.append(f'<text x="{8}" y="{16 + 14 * li}" font-size="11" fill="{colour}">{html.escape(label)}</text>')
    return out + ["</g>"]


def write_curves_svg(path, history):
    """history: list of dicts with epoch, loss, box_loss, cls_loss, map50, map50_95 (maybe None)."""
    loss = [(h["epoch"], h["loss"]) for h in history]
    box = [(h["epoch"], h["box_loss"]) for h in history]
    cls = [(h["epoch"], h["cls_loss"]) for h in history]
    m50 = [(h["epoch"], h["map50"]) for h in history if h.get("map50") is not None]
    m5095 = [(h["epoch"], h["map50_95"]) for h in history if h.get("map50_95") is not None]
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="900" height="340" font-family="sans-serif">',
             '<rect width="100%" height="100%" fill="white"/>']
    parts += _panel(60, 40, 360, 250, "training loss", [("total", "#c0392b", loss), ("box (1-CIoU)", "#2980b9", box), ("cls (BCE)", "#27ae60", cls)])
    parts += _panel(500, 40, 360, 250, "validation mAP", [("mAP@0.5", "#8e44ad", m50), ("mAP@0.5:0.95", "#d35400", m5095)], ymax=1.0)
    parts.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(parts))
