using TriVision.Core.Detections;
using TriVision.Core.Frames;
using TriVision.Inference.Decoding;
using TriVision.Inference.Detectors;
using TriVision.Inference.Tests.Evaluation;
using TriVision.Inference.Tests.Onnx;

namespace TriVision.Inference.Tests.Training;

/// <summary>
/// CI smoke test of the training recipe: draws a tiny YOLO dataset, trains a few steps with --smoke,
/// and checks the exported ONNX model is valid with the Ultralytics layout [1, 4+nc, N] and metadata.
/// </summary>
[Collection(OrtCollection.Name)]
public sealed class TrainingSmokeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tv_train_").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SmokeTrainingExportsAValidUltralyticsLayoutModel()
    {
        string data = Path.Combine(_dir, "toy");
        string run = Path.Combine(_dir, "run");
        PythonProcess.Run(TimeSpan.FromMinutes(2), RepoPaths.Root,
            Path.Combine(RepoPaths.Recipe, "make_toy_dataset.py"), "--out", data, "--count", "6");
        Assert.True(File.Exists(Path.Combine(data, "data.yaml")));

        string log = PythonProcess.Run(TimeSpan.FromMinutes(8), RepoPaths.Root,
            Path.Combine(RepoPaths.Recipe, "train.py"), "--data", Path.Combine(data, "data.yaml"), "--out", run, "--smoke", "--crop", "96", "160", "--threads", "1");
        Assert.Contains("exported", log);
        string onnxPath = Path.Combine(run, "model.onnx");
        Assert.True(File.Exists(onnxPath), log);
        Assert.True(File.Exists(Path.Combine(run, "last.pt")));
        Assert.True(File.Exists(Path.Combine(run, "record.json")));
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(run, "curves.svg")));

        // smoke input is 128 x 224: cells 16*28 + 8*14 + 4*7 = 448 + 112 + 28 = 588
        string check = PythonProcess.Run(TimeSpan.FromMinutes(2), RepoPaths.Root, "-c", """
            import sys, onnx
            m = onnx.load(sys.argv[1])
            onnx.checker.check_model(m)
            dims = lambda v: [d.dim_value for d in v.type.tensor_type.shape.dim]
            meta = {p.key: p.value for p in m.metadata_props}
            print(m.graph.input[0].name, dims(m.graph.input[0]), dims(m.graph.output[0]), m.opset_import[0].version)
            print(meta['names']); print(meta['imgsz'], meta['stride'])
            """, onnxPath);
        var lines = check.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("images [1, 3, 128, 224] [1, 9, 588] 17", lines[0]);
        Assert.Equal("{0: 'gas_cylinder', 1: 'battery', 2: 'power_bank', 3: 'aerosol_can', 4: 'waste'}", lines[1]);
        Assert.Equal("[128, 224] 32", lines[2]);

        // And the product loads it: TriVision's ORT binding, preprocessor and decoder run it on a frame.
        using var detector = OnnxDetector.Open(new OnnxDetectorOptions { ModelPath = onnxPath });
        Assert.Equal(OutputLayout.YoloV8, detector.Layout);
        Assert.Equal((224, 128), (detector.InputWidth, detector.InputHeight));
        Assert.Equal(["gas_cylinder", "battery", "power_bank", "aerosol_can", "waste"], detector.ClassNames);
        var format = new FrameFormat(448, 256, PixelFormat.Bgr8);
        int n = detector.Detect(new byte[format.BufferSize], format, new Detection[300]);
        Assert.InRange(n, 0, 300);
    }
}
