using BenchmarkDotNet.Attributes;
using TriVision.Analytics.Geometry;
using TriVision.Analytics.Pipeline;
using TriVision.Analytics.Tracking;
using TriVision.Core.Detections;

namespace TriVision.Benchmarks.Analytics;

/// <summary>
/// One frame of belt analytics with 50 objects in view (5 lanes of 10, moving 0.5 m/s at 30 fps; an object
/// leaving on the right re-enters on the left as a new object). Detections are computed in place into a
/// reused array, so "Allocated" is the tracker's (and analyzer's) own per-frame allocation: it must be 0 B.
/// Run: dotnet run -c Release --project benchmarks/TriVision.Benchmarks -- --filter '*TrackerBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class TrackerBenchmarks
{
    private const int Lanes = 5, PerLane = 10;
    private const float Width = 1280, BoxW = 60, BoxH = 40, SpeedPx = 200, Fps = 30;
    private readonly Detection[] _dets = new Detection[Lanes * PerLane];
    private BeltTracker _tracker = null!;
    private BeltAnalyzer _analyzer = null!;
    private long _frame;

    [Params(MatchingAlgorithm.Greedy, MatchingAlgorithm.Hungarian)]
    public MatchingAlgorithm Matching { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var geometry = BeltGeometry.Create(new BeltGeometryOptions
        {
            CameraId = "bench",
            Polygon =
            {
                new PixelPoint { X = 0, Y = 100 }, new PixelPoint { X = Width, Y = 100 },
                new PixelPoint { X = Width, Y = 400 }, new PixelPoint { X = 0, Y = 400 },
            },
            PixelsPerMetre = 400,
            ViewOffsetMetres = 2,
            DownstreamPoints = { new DownstreamPointOptions { Name = BeltPoint.StopPoint, DistanceMetres = 10 } },
        });
        _tracker = new BeltTracker(geometry, new TrackerOptions { Matching = Matching });
        _analyzer = new BeltAnalyzer(geometry, new BeltAnalyzerOptions { Tracker = new TrackerOptions { Matching = Matching } });
        for (int i = 0; i < 300; i++) // reach steady state: pools warmed, cost buffer grown
        {
            Fill(i);
            _tracker.Update(Ns(i), _dets);
            Fill(i, wasteOnly: true);
            _analyzer.Process(Ns(i), _dets);
        }
        _frame = 300;
    }

    private static long Ns(long frame) => frame * 1_000_000_000L / (long)Fps;

    /// <param name="wasteOnly">The analyzer runs on waste only: a hazard alarm allocates its record by design (rare in a plant), which would hide the steady-state figure.</param>
    private void Fill(long frame, bool wasteOnly = false)
    {
        float travel = frame * SpeedPx / Fps;
        float period = Width + BoxW;
        for (int lane = 0; lane < Lanes; lane++)
        {
            for (int k = 0; k < PerLane; k++)
            {
                float x = (k * period / PerLane + lane * 37 + travel) % period - BoxW / 2;
                int cls = wasteOnly ? 4 : (lane * PerLane + k) % 5;
                _dets[lane * PerLane + k] = new Detection(BoxF.FromCenter(x, 130 + lane * 60, BoxW, BoxH), 0.55f + 0.08f * (k % 5), cls);
            }
        }
    }

    [Benchmark(Description = "BeltTracker.Update, 50 objects")]
    public int TrackerUpdate()
    {
        long f = _frame++;
        Fill(f);
        _tracker.Update(Ns(f), _dets);
        return _tracker.Tracks.Length;
    }

    [Benchmark(Description = "BeltAnalyzer.Process (tracker+speed+occupancy+rules+jam), 50 waste objects")]
    public float AnalyzerProcess()
    {
        long f = _frame++;
        Fill(f, wasteOnly: true);
        return _analyzer.Process(Ns(f), _dets).Occupancy;
    }
}
