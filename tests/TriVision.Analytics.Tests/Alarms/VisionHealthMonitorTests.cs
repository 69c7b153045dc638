using TriVision.Analytics.Alarms;
using TriVision.Analytics.Tests.Support;

namespace TriVision.Analytics.Tests.Alarms;

public class VisionHealthMonitorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteAlarmStore _store;
    private readonly AlarmManager _alarms;
    private const long Ms = 1_000_000;

    public VisionHealthMonitorTests()
    {
        _store = new SqliteAlarmStore(Path.Combine(_dir.Path, "a.db"));
        _alarms = new AlarmManager(_store, time: new ManualTimeProvider());
    }

    public void Dispose()
    {
        _alarms.Dispose();
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void A_silent_camera_raises_a_fault_once_and_resolves_when_frames_return()
    {
        var h = new VisionHealthMonitor(_alarms, new VisionHealthOptions { CameraTimeoutMs = 5000 });
        h.AddCamera("cam1", 0);
        h.InferenceCompleted(0);
        h.Evaluate(4000 * Ms);
        Assert.Null(_alarms.FindOpen(VisionHealthMonitor.CameraFaultKey("cam1")));
        h.Evaluate(5001 * Ms);
        h.Evaluate(7000 * Ms);
        var fault = _alarms.FindOpen(VisionHealthMonitor.CameraFaultKey("cam1"));
        Assert.NotNull(fault);
        Assert.Equal(AlarmKind.CameraFault, fault!.Kind);
        Assert.Single(_alarms.Open);
        h.FrameReceived("cam1", 7100 * Ms);
        h.InferenceCompleted(7100 * Ms);
        h.Evaluate(7200 * Ms);
        Assert.Empty(_alarms.Open);
    }

    [Fact]
    public void Stalled_inference_fallback_provider_and_frame_drops_degrade_vision()
    {
        var h = new VisionHealthMonitor(_alarms, new VisionHealthOptions { InferenceStallMs = 3000, MaxDropRate = 0.2f, DropWindowMs = 10_000 });
        h.ProviderInUse("CUDA", "CPU");
        h.InferenceCompleted(0);
        for (long t = 0; t <= 10_000; t += 100)
        {
            h.FrameReceived("cam1", t * Ms);
            h.FramesDropped("cam1", t % 300 == 0 ? 1 : 0, t * Ms); // a third of frames: 25% of all
        }
        h.Evaluate(10_000 * Ms);
        Assert.NotNull(_alarms.FindOpen(VisionHealthMonitor.InferenceStalledKey));
        Assert.NotNull(_alarms.FindOpen(VisionHealthMonitor.FallbackProviderKey));
        Assert.NotNull(_alarms.FindOpen(VisionHealthMonitor.FrameDropKey("cam1")));
        Assert.All(_alarms.Open, a => Assert.Equal(AlarmKind.VisionDegraded, a.Kind));

        h.ProviderInUse("CUDA", "CUDA");
        h.InferenceCompleted(10_050 * Ms);
        h.FrameReceived("cam1", 10_050 * Ms);
        h.Evaluate(10_100 * Ms);
        Assert.Null(_alarms.FindOpen(VisionHealthMonitor.InferenceStalledKey));
        Assert.Null(_alarms.FindOpen(VisionHealthMonitor.FallbackProviderKey));
    }
}
