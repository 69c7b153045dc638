using TriVision.Analytics.BeltState;
using TriVision.Core.Detections;

namespace TriVision.Analytics.Hazards;

/// <summary>One hazardous object, raised once. Immutable copy of what the rules knew at the moment of raising.</summary>
public sealed record HazardAlarm(
    string CameraId,
    int TrackId,
    int ClassId,
    string ClassName,
    HazardAction Action,
    float Confidence,
    float[] ScoreHistory,
    int[] ClassHistory,
    float PositionMetres,
    BoxF Box,
    float SpeedMetresPerSecond,
    SpeedSource SpeedSource,
    PointEta[] Etas,
    long FirstSeenNs,
    long RaisedNs,
    string? Zone)
{
    /// <summary>ETA to a named point, NaN when that point is not configured.</summary>
    public float EtaSeconds(string pointName)
    {
        foreach (var e in Etas)
            if (e.Name == pointName) return e.Seconds;
        return float.NaN;
    }
}
