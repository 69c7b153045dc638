using TriVision.Analytics.BeltState;
using TriVision.Analytics.Jams;

namespace TriVision.Analytics.Pipeline;

/// <summary>Summary of one processed frame; tracks, alarms and state changes are on the analyzer's parts.</summary>
public readonly record struct FrameAnalysis(
    long TimestampNs,
    BeltSpeed Speed,
    float Occupancy,
    HotSpot HotSpot,
    float FlowPerMinute,
    JamAssessment Jam,
    int HazardAlarmsRaised,
    JamStateChange? JamChange);
