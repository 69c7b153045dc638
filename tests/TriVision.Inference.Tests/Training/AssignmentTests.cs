using System.Text.Json;
using TriVision.Inference.Tests.Evaluation;

namespace TriVision.Inference.Tests.Training;

/// <summary>
/// The training recipe's anchor assignment (models/recipe/trivision_det/loss.py): cells on a small object lying on a
/// larger one belong to the small object, even when their boxes currently predict the larger one.
/// </summary>
public sealed class AssignmentTests
{
    // One level, stride 8, 64 x 64 pixels: 8 x 8 cells with centres at 4, 12, ..., 60.
    // A bottle (class 4) fills the top half; a battery (class 1) lies on it around the bottle's centre.
    private const string Scene = """
        ys, xs = torch.meshgrid(torch.arange(8) * 8 + 4.0, torch.arange(8) * 8 + 4.0, indexing="ij")
        anchors = torch.stack([xs, ys], -1).reshape(-1, 2)
        strides = torch.full((64, 1), 8.0)
        bottle, battery = [0.0, 0.0, 64.0, 32.0], [22.0, 6.0, 42.0, 22.0]
        gt = torch.tensor([[[4.0] + bottle, [1.0] + battery]])
        mask = torch.ones(1, 2, dtype=torch.bool)
        """;

    [Fact]
    public void CellsOnABatteryLyingOnABottleGoToTheBattery()
    {
        // Every cell predicts the bottle's box exactly: the state in which giving a contested cell to the
        // object its box overlaps most would keep the battery's cells on the bottle for ever.
        const string script = """
            import json, sys, torch
            sys.path.insert(0, sys.argv[1])
            from trivision_det.loss import assign
            """ + "\n" + Scene + "\n" + """
            scores = torch.full((1, 64, 5), 0.5)
            pboxes = torch.tensor(bottle).expand(1, 64, 4).clone()
            tboxes, tscores, fg = assign(scores, pboxes, anchors, strides, gt, mask)
            on_battery = ((anchors > torch.tensor(battery[:2])) & (anchors < torch.tensor(battery[2:]))).all(-1)
            to_battery = fg[0] & (tboxes[0] == torch.tensor(battery)).all(-1)
            to_bottle = fg[0] & (tboxes[0] == torch.tensor(bottle)).all(-1)
            print(json.dumps({
                "cells_on_battery": int(on_battery.sum()),
                "of_them_to_battery": int((on_battery & to_battery).sum()),
                "of_them_to_bottle": int((on_battery & to_bottle).sum()),
                "battery_positives": int(to_battery.sum()),
                "bottle_positives": int(to_bottle.sum()),
                "battery_class_target": float(tscores[0][to_battery][:, 1].max()),
            }))
            """;
        string output = PythonProcess.Run(TimeSpan.FromMinutes(2), RepoPaths.Root, "-c", script, RepoPaths.Recipe);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        int onBattery = r.GetProperty("cells_on_battery").GetInt32();
        Assert.Equal(4, onBattery); // centres (28|36, 12|20)
        Assert.Equal(0, r.GetProperty("of_them_to_bottle").GetInt32());
        Assert.Equal(onBattery, r.GetProperty("of_them_to_battery").GetInt32());
        Assert.True(r.GetProperty("bottle_positives").GetInt32() >= 5, output);
        Assert.True(r.GetProperty("battery_class_target").GetDouble() > 0, output);
    }

    [Fact]
    public void OnObjectWeightScalesOnlyTheCellsOfTheObjectLyingOnTheOther()
    {
        // The same battery on a bottle; with on_object_w = 3 the loss gradient on every battery cell's logits
        // is three times what it is with 1, and on every other cell it is unchanged.
        const string script = """
            import json, sys, torch
            sys.path.insert(0, sys.argv[1])
            from trivision_det.loss import DetectionLoss
            """ + "\n" + Scene + "\n" + """
            torch.manual_seed(0)
            logits0 = torch.randn(1, 64, 5)
            pboxes = (torch.tensor(battery) + torch.randn(1, 64, 4)).clone()
            grads = []
            for w in (1.0, 3.0):
                logits = logits0.clone().requires_grad_(True)
                loss, _, _ = DetectionLoss(on_object_w=w)(pboxes, logits, anchors, strides, gt, mask)
                loss.backward()
                grads.append(logits.grad[0].abs().sum(-1))
            on_battery = ((anchors > torch.tensor(battery[:2])) & (anchors < torch.tensor(battery[2:]))).all(-1)
            ratio = grads[1] / grads[0].clamp(min=1e-12)
            print(json.dumps({"battery": ratio[on_battery].tolist(), "others": ratio[~on_battery].tolist()}))
            """;
        string output = PythonProcess.Run(TimeSpan.FromMinutes(2), RepoPaths.Root, "-c", script, RepoPaths.Recipe);
        using var doc = JsonDocument.Parse(output);
        var battery = doc.RootElement.GetProperty("battery").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var others = doc.RootElement.GetProperty("others").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(4, battery.Length);
        Assert.All(battery, r => Assert.InRange(r, 2.999, 3.001));
        Assert.All(others, r => Assert.InRange(r, 0.999, 1.001));
    }
}
