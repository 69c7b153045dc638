#!/usr/bin/env bash
# The main job, for now: run the detector over the fixture images and write annotated JPEGs.
#   scripts/setup.sh && scripts/demo.sh
# TRIVISION_DEMO_MODEL and TRIVISION_DEMO_SOURCE override the model and the images.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MODEL="${TRIVISION_DEMO_MODEL:-tests/fixtures/models/yolov8_known.onnx}"
SOURCE="${TRIVISION_DEMO_SOURCE:-tests/TriVision.Service.Tests/Fixtures/images}"
OUT="artifacts/demo"

if [[ ! -f "$MODEL" ]]; then
  echo "demo: model not found: $MODEL (set TRIVISION_DEMO_MODEL to an .onnx file)" >&2
  exit 2
fi
mkdir -p "$OUT"
echo "demo: detect --model $MODEL --source $SOURCE --out $OUT" >&2
scripts/trivision detect --model "$MODEL" --source "$SOURCE" --out "$OUT" | tee "$OUT/detections.jsonl"
echo "demo: JSON lines in $OUT/detections.jsonl, annotated images in $OUT/" >&2
