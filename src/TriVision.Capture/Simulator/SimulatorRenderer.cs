using TriVision.Capture.Sources;
using TriVision.Core.Frames;
using TriVision.Simulation;

namespace TriVision.Capture.Simulator;

/// <summary>
/// The belt simulator as a camera: each frame is rendered straight into a pool buffer. The
/// simulator advances 1/fps of simulated time per frame; the source paces it (real time when the
/// camera's FrameRate is set, as fast as the pipeline takes frames when it is 0).
/// </summary>
public sealed class SimulatorRenderer(SimulatorOptions options) : IFrameRenderer
{
    private BeltSimulator? _simulator;

    /// <summary>Ground truth of the last rendered frame (the simulator reuses the object).</summary>
    public SimFrame? LastTruth { get; private set; }

    public string Description => $"simulator {options}";

    public FrameFormat Open()
    {
        _simulator = new BeltSimulator(options);
        return _simulator.Format;
    }

    public bool RenderNext(Frame frame)
    {
        var sim = _simulator ?? throw new InvalidOperationException("Open() the simulator renderer first.");
        var truth = sim.RenderNext(frame.Span);
        frame.DeviceFrameId = (ulong)truth.FrameIndex;
        frame.DeviceTimestampNs = (ulong)(truth.TimeS * 1e9);
        LastTruth = truth;
        return true;
    }

    public void Dispose() => _simulator = null;
}
