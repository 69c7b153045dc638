namespace TriVision.Analytics.Jams;

/// <summary>Jam predictor settings; defaults and their reasons are in docs/analytics.md.</summary>
public sealed class JamPredictorOptions
{
    /// <summary>Occupancy of a healthy loaded belt: below it the occupancy risk is 0.</summary>
    public float NormalOccupancy { get; set; } = 0.35f;

    /// <summary>Occupancy at which the belt is considered overloaded (occupancy risk 1, the target of the trend forecast).</summary>
    public float JamOccupancy { get; set; } = 0.7f;

    /// <summary>Time constant of the occupancy average (EWMA): smooths frame-to-frame noise.</summary>
    public int AverageTimeConstantMs { get; set; } = 2000;

    /// <summary>Window of the least-squares slope of occupancy over time.</summary>
    public int TrendWindowMs { get; set; } = 10_000;

    /// <summary>Forecast horizon: a predicted overload further away than this gives no trend risk.</summary>
    public float HorizonSeconds { get; set; } = 60f;

    /// <summary>The trend counts only once the average occupancy is above this (a rising but light belt is no jam).</summary>
    public float TrendFloorOccupancy { get; set; } = 0.3f;

    /// <summary>Speed drop (share of nominal) where the speed risk starts, and where it reaches 1.</summary>
    public float SpeedDropStart { get; set; } = 0.1f;
    public float SpeedDropFull { get; set; } = 0.5f;

    /// <summary>Below this share of nominal speed the belt is stalled; stalled for <see cref="StallMs"/> means jammed.</summary>
    public float StallSpeedFraction { get; set; } = 0.1f;
    public int StallMs { get; set; } = 2000;

    /// <summary>Flow (objects/min) of a healthy belt; 0 disables the flow risk. A loaded belt that lets few objects through is piling up.</summary>
    public float NominalFlowPerMinute { get; set; }

    /// <summary>Risk thresholds to enter and to leave warning and critical (enter &gt; exit: hysteresis).</summary>
    public float WarningEnter { get; set; } = 0.5f;
    public float WarningExit { get; set; } = 0.3f;
    public float CriticalEnter { get; set; } = 0.8f;
    public float CriticalExit { get; set; } = 0.6f;

    /// <summary>A state is held at least this long before the predictor steps down (stepping up is immediate).</summary>
    public int MinDwellMs { get; set; } = 5000;

    /// <summary>
    /// Off-delay: the risk must stay below the current state's exit threshold this long, without a break, before the
    /// predictor steps down. A belt that stutters or surges in bursts stays in one warning instead of warning, clearing
    /// and warning again every few seconds.
    /// </summary>
    public int ClearDelayMs { get; set; } = 10_000;

    /// <summary>State changes kept in <see cref="JamPredictor.History"/>.</summary>
    public int HistoryCapacity { get; set; } = 256;

    public void Validate()
    {
        static void Check(bool ok, string key, object value, string allowed)
        {
            if (!ok) throw new ArgumentException($"Jam option {key} = {value}: {allowed}.");
        }
        Check(NormalOccupancy >= 0 && NormalOccupancy < JamOccupancy, nameof(NormalOccupancy), NormalOccupancy, "must be in [0, JamOccupancy)");
        Check(JamOccupancy <= 1, nameof(JamOccupancy), JamOccupancy, "must be <= 1");
        Check(AverageTimeConstantMs >= 0, nameof(AverageTimeConstantMs), AverageTimeConstantMs, "must be >= 0");
        Check(TrendWindowMs >= 1000, nameof(TrendWindowMs), TrendWindowMs, "must be >= 1000");
        Check(HorizonSeconds > 0, nameof(HorizonSeconds), HorizonSeconds, "must be > 0");
        Check(SpeedDropStart >= 0 && SpeedDropStart < SpeedDropFull && SpeedDropFull <= 1, nameof(SpeedDropStart), SpeedDropStart, "must satisfy 0 <= SpeedDropStart < SpeedDropFull <= 1");
        Check(StallSpeedFraction >= 0 && StallSpeedFraction < 1, nameof(StallSpeedFraction), StallSpeedFraction, "must be in [0, 1)");
        Check(StallMs >= 0, nameof(StallMs), StallMs, "must be >= 0");
        Check(NominalFlowPerMinute >= 0, nameof(NominalFlowPerMinute), NominalFlowPerMinute, "must be >= 0");
        Check(WarningExit < WarningEnter && WarningEnter <= 1, nameof(WarningExit), WarningExit, "must be below WarningEnter");
        Check(CriticalExit < CriticalEnter && CriticalEnter <= 1, nameof(CriticalExit), CriticalExit, "must be below CriticalEnter");
        Check(WarningEnter < CriticalEnter, nameof(WarningEnter), WarningEnter, "must be below CriticalEnter");
        Check(MinDwellMs >= 0, nameof(MinDwellMs), MinDwellMs, "must be >= 0");
        Check(ClearDelayMs >= 0, nameof(ClearDelayMs), ClearDelayMs, "must be >= 0");
        Check(HistoryCapacity >= 1, nameof(HistoryCapacity), HistoryCapacity, "must be >= 1");
    }
}
