namespace TriVision.Analytics.Jams;

/// <summary>
/// Everything the predictor looked at for one assessment, kept with each state change so that an
/// operator can see why it warned. Risks are 0-1; NaN speed means unknown.
/// </summary>
public readonly record struct JamInputs(
    float Occupancy,
    float OccupancyAverage,
    float OccupancySlopePerSecond,
    float FlowPerMinute,
    float SpeedMetresPerSecond,
    float SpeedDrop,
    float StalledSeconds,
    float OccupancyRisk,
    float TrendRisk,
    float SpeedRisk,
    float FlowRisk);
