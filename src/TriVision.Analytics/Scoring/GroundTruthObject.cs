using TriVision.Core.Detections;

namespace TriVision.Analytics.Scoring;

/// <summary>
/// One simulated object in one frame. <paramref name="VisibleFraction"/> is the unoccluded share of
/// the object inside the frame (0: out of view or hidden). <paramref name="StopPointArrivalSeconds"/> is
/// the true scenario time at which the object reaches the stop point (NaN when it never does).
/// <paramref name="Kind"/> is the simulator's fine kind (e.g. <c>metal_can</c>), reported with false alarms.
/// </summary>
public sealed record GroundTruthObject(
    int ObjectId,
    int ClassId,
    BoxF Box,
    float VisibleFraction,
    float PositionMetres,
    double StopPointArrivalSeconds,
    string? Kind = null);
