using System.Text.Json;
using TriVision.Inference.Tests.Evaluation;

namespace TriVision.Inference.Tests.Training;

/// <summary>
/// The training recipe's image cache (models/recipe/trivision_det/data.py): letterboxed images are kept
/// between runs, but labels edited since (re-annotated frames, a new simulator truth) are read again.
/// </summary>
public sealed class CacheTests
{
    [Fact]
    public void EditedLabelsReachTheCachedSplit()
    {
        const string script = """
            import json, os, sys, tempfile
            import cv2, numpy as np
            sys.path.insert(0, sys.argv[1])
            from trivision_det.data import CachedSplit
            root = tempfile.mkdtemp()
            os.makedirs(f"{root}/images/train"); os.makedirs(f"{root}/labels/train")
            cv2.imwrite(f"{root}/images/train/a.png", np.full((100, 200, 3), 90, np.uint8))
            with open(f"{root}/labels/train/a.txt", "w") as f: f.write("4 0.5 0.5 0.2 0.4\n")
            names, cache = ["battery", "b", "c", "d", "waste"], f"{root}/cache"
            first = CachedSplit([f"{root}/images/train"], names, (64, 128), cache, log=lambda m: None)
            u8 = [p for p in os.listdir(cache) if p.endswith(".u8")][0]
            stamp = os.stat(f"{cache}/{u8}").st_mtime_ns
            with open(f"{root}/labels/train/a.txt", "w") as f: f.write("4 0.5 0.5 0.2 0.4\n1 0.25 0.5 0.1 0.2\n")
            logs = []
            second = CachedSplit([f"{root}/images/train"], names, (64, 128), cache, log=logs.append)
            third = CachedSplit([f"{root}/images/train"], names, (64, 128), cache, log=logs.append)
            print(json.dumps({
                "first": first.labels[0].tolist(), "second": second.labels[0].tolist(), "third": third.labels[0].tolist(),
                "images_kept": os.stat(f"{cache}/{u8}").st_mtime_ns == stamp, "logs": len(logs),
            }))
            """;
        string output = PythonProcess.Run(TimeSpan.FromMinutes(2), RepoPaths.Root, "-c", script, RepoPaths.Recipe);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        Assert.Equal(1, r.GetProperty("first").GetArrayLength());
        // 200 x 100 letterboxed to 128 x 64: scale 0.64, no padding. The new battery: centre (50, 50) px, 20 x 20 px.
        var second = r.GetProperty("second");
        Assert.Equal(2, second.GetArrayLength());
        double[] battery = second[1].EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(new[] { 1, 25.6, 25.6, 38.4, 38.4 }, battery, new ToleranceComparer(1e-3));
        Assert.Equal(2, r.GetProperty("third").GetArrayLength());
        Assert.True(r.GetProperty("images_kept").GetBoolean(), "the letterboxed images were cached again");
        Assert.Equal(1, r.GetProperty("logs").GetInt32()); // the edit is reported once; the third open finds it current
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
