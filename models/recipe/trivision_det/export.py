"""ONNX export with the Ultralytics-compatible output [1, 4+nc, N] and metadata props."""
import onnx
import torch

from .model import ExportWrapper


def export_onnx(model, imgsz, names, path, version, trained_on, description=None, opset=17):
    model = model.eval().float()
    wrapper = ExportWrapper(model, imgsz).eval()
    H, W = imgsz
    torch.onnx.export(
        wrapper, torch.zeros(1, 3, H, W), path, opset_version=opset,
        input_names=["images"], output_names=["output0"], do_constant_folding=True,
    )
    m = onnx.load(path)
    props = {
        "description": description or "TriVision hazard detector (anchor-free, CSP backbone, decoupled head)",
        "author": "TriVision",
        "version": version,
        "task": "detect",
        "batch": "1",
        "imgsz": f"[{H}, {W}]",
        "stride": str(max(model.strides)),
        "names": "{" + ", ".join(f"{i}: '{n}'" for i, n in enumerate(names)) + "}",
        "trained_on": trained_on,
    }
    del m.metadata_props[:]
    for k, v in props.items():
        e = m.metadata_props.add()
        e.key, e.value = k, v
    onnx.checker.check_model(m)
    onnx.save(m, path)
    return props
