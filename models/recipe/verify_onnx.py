#!/usr/bin/python3
"""Checks an exported model through ONNX Runtime (via bench/ort_latency.c) against PyTorch on one image.

  gcc -O2 -I.native/include models/recipe/bench/ort_latency.c -o /tmp/ort_latency -ldl
  /usr/bin/python3 models/recipe/verify_onnx.py --checkpoint runs/hazard/best.pt --onnx models/trivision-hazard-v1.onnx \
      --image some_frame.png [--bench /tmp/ort_latency]
"""
import argparse
import os
import subprocess
import sys
import tempfile

import cv2
import numpy as np
import onnx
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from trivision_det.data import letterbox  # noqa: E402
from trivision_det.model import ExportWrapper, TriVisionDetector  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--onnx", required=True)
    p.add_argument("--image", required=True)
    p.add_argument("--bench", default="/tmp/ort_latency")
    a = p.parse_args()
    torch.set_num_threads(1)
    ck = torch.load(a.checkpoint, map_location="cpu")
    H, W = ck["args"]["imgsz"]
    model = TriVisionDetector(len(ck["names"]), ck["args"].get("width", "n"))
    model.load_state_dict(ck["ema"])
    wrapper = ExportWrapper(model.eval(), (H, W)).eval()
    img = cv2.cvtColor(cv2.imread(a.image), cv2.COLOR_BGR2RGB)
    lb, _, _, _ = letterbox(img, H, W)
    x = torch.from_numpy(lb).permute(2, 0, 1)[None].float() / 255.0
    with torch.no_grad():
        ref = wrapper(x).numpy()
    meta = {q.key: q.value for q in onnx.load(a.onnx).metadata_props}
    with tempfile.TemporaryDirectory() as d:
        fin, fout = os.path.join(d, "in.f32"), os.path.join(d, "out.f32")
        x.numpy().astype(np.float32).tofile(fin)
        subprocess.run([a.bench, a.onnx, "1", "1", fin, fout], check=True, stdout=subprocess.DEVNULL)
        got = np.fromfile(fout, np.float32).reshape(ref.shape)
    box_err = np.abs(got[:, :4] - ref[:, :4]).max()
    score_err = np.abs(got[:, 4:] - ref[:, 4:]).max()
    print(f"output {list(ref.shape)}  max |box diff| {box_err:.5f} px  max |score diff| {score_err:.6f}  "
          f"scores>0.25 torch {(ref[0, 4:] > 0.25).sum()} ort {(got[0, 4:] > 0.25).sum()}  metadata {meta}")
    if box_err > 0.05 or score_err > 1e-3:
        raise SystemExit("ONNX Runtime and PyTorch disagree")


if __name__ == "__main__":
    main()
