using System.Globalization;
using System.Text;
using System.Text.Json;
using TriVision.Core.Detections;
using TriVision.Inference.Evaluation;

namespace TriVision.Inference.Tests.Evaluation;

/// <summary>The training recipe's Python AP (models/recipe/trivision_det/cocoeval.py) must agree with the C# evaluator.</summary>
public sealed class PythonTwinAgreementTests
{
    [Fact]
    public void PythonAndCSharpGiveTheSameAp()
    {
        // a pseudo-random scene: 12 images, 3 classes, jittered boxes, misses, duplicates and wrong classes
        string[] names = ["gas_cylinder", "battery", "power_bank"];
        var rng = new Random(7);
        var images = new List<(GroundTruthBox[] Gt, Detection[] Pred)>();
        for (int i = 0; i < 12; i++)
        {
            var gt = new List<GroundTruthBox>();
            var pred = new List<Detection>();
            int n = rng.Next(1, 6);
            for (int k = 0; k < n; k++)
            {
                int c = rng.Next(3);
                float x = rng.Next(0, 500), y = rng.Next(0, 300), w = rng.Next(8, 80), h = rng.Next(8, 80);
                gt.Add(new GroundTruthBox(new BoxF(x, y, x + w, y + h), c));
                if (rng.NextDouble() < 0.85)
                {
                    float j = (float)(rng.NextDouble() * 0.3 * w);
                    int pc = rng.NextDouble() < 0.9 ? c : (c + 1) % 3;
                    pred.Add(new Detection(new BoxF(x + j, y - j / 2, x + w + j / 3, y + h), (float)Math.Round(rng.NextDouble(), 3), pc));
                }
                if (rng.NextDouble() < 0.2) pred.Add(new Detection(new BoxF(x, y, x + w, y + h), (float)Math.Round(rng.NextDouble() * 0.5, 3), c));
            }
            if (rng.NextDouble() < 0.5) pred.Add(new Detection(new BoxF(600, 10, 640, 60), (float)Math.Round(rng.NextDouble(), 3), rng.Next(3)));
            images.Add((gt.ToArray(), pred.ToArray()));
        }

        var ev = new DetectionEvaluator(names);
        foreach (var (g, p) in images) ev.AddImage(g, p);
        var cs = ev.Compute();

        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("import json, sys, numpy as np");
        sb.AppendLine("sys.path.insert(0, sys.argv[1])");
        sb.AppendLine("from trivision_det.cocoeval import evaluate");
        sb.AppendLine("gts, preds = [], []");
        foreach (var (g, p) in images)
        {
            sb.Append("gts.append(np.array([");
            foreach (var b in g) sb.Append(inv, $"[{b.ClassId},{b.Box.X1:R},{b.Box.Y1:R},{b.Box.X2:R},{b.Box.Y2:R}],");
            sb.AppendLine("], np.float32).reshape(-1, 5).astype(np.float64))");
            sb.Append("preds.append(np.array([");
            foreach (var d in p) sb.Append(inv, $"[{d.Box.X1:R},{d.Box.Y1:R},{d.Box.X2:R},{d.Box.Y2:R},{d.Score:R},{d.ClassId}],");
            sb.AppendLine("], np.float32).reshape(-1, 6).astype(np.float64))");
        }
        sb.AppendLine("print(json.dumps(evaluate(gts, preds, 3)))");
        string script = Path.Combine(Path.GetTempPath(), $"tv_twin_{Environment.ProcessId}.py");
        File.WriteAllText(script, sb.ToString());
        try
        {
            string output = PythonProcess.Run(TimeSpan.FromMinutes(2), RepoPaths.Root, script, RepoPaths.Recipe);
            using var doc = JsonDocument.Parse(output);
            var py = doc.RootElement;
            Assert.True(cs.Map50 > 0.2 && cs.Map50 < 0.99, $"the case should be neither trivial nor hopeless: {cs.Map50}");
            Assert.Equal(py.GetProperty("map50").GetDouble(), cs.Map50, 9);
            Assert.Equal(py.GetProperty("map50_95").GetDouble(), cs.Map50To95, 9);
            for (int c = 0; c < names.Length; c++)
            {
                Assert.Equal(py.GetProperty("ap50")[c].GetDouble(), cs.PerClass[names[c]].Ap50!.Value, 9);
                Assert.Equal(py.GetProperty("ap50_95")[c].GetDouble(), cs.PerClass[names[c]].Ap50To95!.Value, 9);
                Assert.Equal(py.GetProperty("support")[c].GetInt32(), cs.PerClass[names[c]].Support);
            }
        }
        finally
        {
            File.Delete(script);
        }
    }
}
