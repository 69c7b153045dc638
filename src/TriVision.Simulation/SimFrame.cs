namespace TriVision.Simulation;

/// <summary>
/// Ground truth for one rendered frame. The simulator reuses one instance (and its object list)
/// for every frame, so read or copy it before the next RenderNext.
/// </summary>
public sealed class SimFrame
{
    internal readonly List<SimObjectTruth> ObjectList = new(64);

    /// <summary>0 for the first frame.</summary>
    public long FrameIndex { get; internal set; }

    /// <summary>Simulated time of the exposure, seconds since the run started (frame n at n / fps).</summary>
    public double TimeS { get; internal set; }

    /// <summary>Visible objects, bottom to top in drawing order. Clutter scraps are background and not listed.</summary>
    public IReadOnlyList<SimObjectTruth> Objects => ObjectList;

    /// <summary>The same objects as a span: iterating it allocates nothing (foreach over the interface boxes an enumerator).</summary>
    public ReadOnlySpan<SimObjectTruth> ObjectSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ObjectList);

    /// <summary>True belt surface speed, m/s.</summary>
    public double BeltSpeedMps { get; internal set; }

    /// <summary>Share of the visible belt area covered by objects (clutter included), 0..1.</summary>
    public double Occupancy { get; internal set; }

    /// <summary>Scripted time at which the scenario's jam begins, or null when the run has no jam.</summary>
    public double? JamOnsetS { get; internal set; }

    /// <summary>Whether the labelled jam has begun at this frame.</summary>
    public bool Jammed => JamOnsetS is { } onset && TimeS >= onset;

    /// <summary>Scenario phase label ("normal", "surge", "slowdown", "stutter", "blocked", "jammed"; "steady" without a scenario).</summary>
    public string Phase { get; internal set; } = "steady";

    /// <summary>Scenario name, or null for a steady belt.</summary>
    public string? ScenarioName { get; internal set; }
}
