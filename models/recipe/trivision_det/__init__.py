"""TriVision hazard detector: model, data, loss, evaluation and export (PyTorch 1.13, no PyPI)."""
