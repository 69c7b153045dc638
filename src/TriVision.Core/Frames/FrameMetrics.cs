using System.Diagnostics.Metrics;

namespace TriVision.Core.Frames;

/// <summary>
/// The capture metrics, on <c>Meter("TriVision.Capture")</c>, tagged by camera: frames delivered,
/// frames dropped (by reason), buffers in use per pool and capture-to-dequeue lag.
/// </summary>
public static class FrameMetrics
{
    public const string MeterName = "TriVision.Capture";

    private static readonly Meter Meter = new(MeterName);
    private static readonly List<FramePool> Pools = new();

    private static readonly Counter<long> FramesCounter =
        Meter.CreateCounter<long>("trivision.capture.frames", "{frame}", "Frames delivered by a source.");

    private static readonly Counter<long> DropsCounter =
        Meter.CreateCounter<long>("trivision.capture.drops", "{frame}", "Frames dropped: reason=slot (a newer frame replaced it), pool (no free buffer), source (the device lost it).");

    private static readonly Histogram<double> LagHistogram =
        Meter.CreateHistogram<double>("trivision.capture.lag", "ms", "Time from capture to dequeue by the pipeline.");

    static FrameMetrics()
    {
        Meter.CreateObservableUpDownCounter("trivision.capture.pool.in_use", ObserveInUse, "{buffer}", "Frame buffers rented from the pool.");
        Meter.CreateObservableUpDownCounter("trivision.capture.pool.capacity", ObserveCapacity, "{buffer}", "Frame buffers in the pool.");
    }

    public static void FrameDelivered(string cameraId) =>
        FramesCounter.Add(1, new KeyValuePair<string, object?>("camera", cameraId));

    public static void Dropped(string cameraId, string reason, long count = 1) =>
        DropsCounter.Add(count, new KeyValuePair<string, object?>("camera", cameraId), new KeyValuePair<string, object?>("reason", reason));

    public static void Lag(string cameraId, double milliseconds) =>
        LagHistogram.Record(milliseconds, new KeyValuePair<string, object?>("camera", cameraId));

    internal static void PoolExhausted(string cameraId) => Dropped(cameraId, "pool");

    internal static void Register(FramePool pool)
    {
        lock (Pools) Pools.Add(pool);
    }

    internal static void Unregister(FramePool pool)
    {
        lock (Pools) Pools.Remove(pool);
    }

    private static IEnumerable<Measurement<int>> ObserveInUse()
    {
        lock (Pools)
        {
            var result = new Measurement<int>[Pools.Count];
            for (int i = 0; i < result.Length; i++)
                result[i] = new Measurement<int>(Pools[i].InUse, new KeyValuePair<string, object?>("camera", Pools[i].CameraId));
            return result;
        }
    }

    private static IEnumerable<Measurement<int>> ObserveCapacity()
    {
        lock (Pools)
        {
            var result = new Measurement<int>[Pools.Count];
            for (int i = 0; i < result.Length; i++)
                result[i] = new Measurement<int>(Pools[i].Capacity, new KeyValuePair<string, object?>("camera", Pools[i].CameraId));
            return result;
        }
    }
}
