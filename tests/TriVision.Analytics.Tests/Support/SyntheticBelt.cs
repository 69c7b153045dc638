using TriVision.Analytics.Scoring;
using TriVision.Core.Detections;

namespace TriVision.Analytics.Tests.Support;

/// <summary>
/// Deterministic synthetic belt: objects enter at the left edge and move right at their own speed
/// (px/s); a frame yields their detections (with optional dropouts, occlusion windows and score changes)
/// and the matching ground truth, so tracker tests can count id switches with the real scorer.
/// </summary>
internal sealed class SyntheticBelt
{
    public sealed record Obj(int Id, int ClassId, double EnterS, float Y, float W, float H, float SpeedPxPerS, float Score = 0.9f)
    {
        public List<(double From, double To)> Hidden { get; } = new();
        public List<(double From, double To, float Score)> ScoreOverrides { get; } = new();
    }

    private readonly Random _random;
    public List<Obj> Objects { get; } = new();
    public double DropoutRate { get; set; }
    /// <summary>Uniform noise (± pixels) on each edge of each detected box, like a real detector's.</summary>
    public float Jitter { get; set; }
    public double Fps { get; set; } = 30;
    public float FrameWidth { get; set; } = 1280;

    public SyntheticBelt(int seed = 1) => _random = new Random(seed);

    public static long Ns(double seconds) => (long)Math.Round(seconds * 1e9);

    /// <summary>Detections and ground truth of frame <paramref name="index"/>.</summary>
    public (Detection[] Detections, GroundTruthFrame Truth) Frame(int index)
    {
        double t = index / Fps;
        var dets = new List<Detection>();
        var truth = new List<GroundTruthObject>();
        foreach (var o in Objects)
        {
            if (t < o.EnterS) continue;
            float cx = -o.W / 2 + (float)(t - o.EnterS) * o.SpeedPxPerS;
            if (cx - o.W / 2 > FrameWidth) continue;
            var box = BoxF.FromCenter(cx, o.Y, o.W, o.H);
            bool hidden = false;
            foreach (var (from, to) in o.Hidden) hidden |= t >= from && t < to;
            float visibleX = MathF.Max(0, MathF.Min(box.X2, FrameWidth) - MathF.Max(box.X1, 0)) / o.W;
            float visible = hidden ? 0 : visibleX;
            // True time the centre reaches the stop point at 10 m (the belt beyond the view runs on at the object's speed).
            double arrival = o.EnterS + ((10f - TestBelt.ViewOffset) * TestBelt.PixelsPerMetre + o.W / 2) / o.SpeedPxPerS;
            truth.Add(new GroundTruthObject(o.Id, o.ClassId, box, visible, 2f + cx / TestBelt.PixelsPerMetre, arrival));
            bool drop = _random.NextDouble() < DropoutRate;
            if (hidden || drop || visibleX < 0.3f) continue;
            float score = o.Score;
            foreach (var (from, to, s) in o.ScoreOverrides) if (t >= from && t < to) score = s;
            float J() => Jitter * (float)(_random.NextDouble() * 2 - 1);
            dets.Add(new Detection(new BoxF(MathF.Max(box.X1 + J(), 0), box.Y1 + J(), MathF.Min(box.X2 + J(), FrameWidth), box.Y2 + J()), score, o.ClassId));
        }
        return (dets.ToArray(), new GroundTruthFrame(t, truth));
    }
}
