// The official onnxruntime-node binding on the model and input that TriVision's
// InferenceBenchmarks uses, with the same session settings, for benchmarks/compare-ort-node.sh.
//
//   node bench.js [--model PATH] [--threads N] [--warmup N] [--iterations N] [--batch N]
//
// Prints one JSON line: the median time of one session.run() in milliseconds (median over
// `iterations` samples, each the mean of `batch` consecutive runs) and an output checksum that
// must match TriVision's for the same input.
'use strict';
const path = require('node:path');
const ort = require('onnxruntime-node');

function arg(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const model = path.resolve(arg('model', path.join(__dirname, '..', '..', 'tests', 'fixtures', 'models', 'bench_640.onnx')));
const threads = parseInt(arg('threads', process.env.TRIVISION_BENCH_THREADS || '1'), 10);
const warmup = parseInt(arg('warmup', '20'), 10);
const iterations = parseInt(arg('iterations', '30'), 10);
const batch = parseInt(arg('batch', '5'), 10);

async function main() {
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
  });
  const inputName = session.inputNames[0];
  const outputName = session.outputNames[0];
  // Same deterministic input as InferenceBenchmarks.Fill: value i = (i % 251) / 251.
  const data = new Float32Array(1 * 3 * 640 * 640);
  for (let i = 0; i < data.length; i++) data[i] = (i % 251) / 251;
  const feeds = { [inputName]: new ort.Tensor('float32', data, [1, 3, 640, 640]) };

  let out;
  for (let i = 0; i < warmup; i++) out = await session.run(feeds);
  const samples = [];
  for (let s = 0; s < iterations; s++) {
    const t0 = process.hrtime.bigint();
    for (let b = 0; b < batch; b++) out = await session.run(feeds);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6 / batch);
  }
  samples.sort((a, b) => a - b);
  const median = samples.length % 2 ? samples[(samples.length - 1) / 2]
    : (samples[samples.length / 2 - 1] + samples[samples.length / 2]) / 2;
  const o = out[outputName].data;
  let checksum = 0;
  for (let i = 0; i < o.length; i++) checksum += o[i];
  console.log(JSON.stringify({
    impl: 'onnxruntime-node', version: ort.env.versions.node ?? ort.env.versions.common ?? '?',
    model: path.basename(model), threads, warmup, iterations, batch,
    median_ms: +median.toFixed(4), min_ms: +samples[0].toFixed(4), checksum: +checksum.toFixed(3),
  }));
}

main().catch((e) => { console.error(e); process.exit(1); });
