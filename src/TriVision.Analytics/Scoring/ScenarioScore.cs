namespace TriVision.Analytics.Scoring;

/// <summary>A scenario's figures plus the raw samples behind its medians (pooled for the overall figures).</summary>
public sealed record ScenarioScore(
    ScenarioFigures Figures,
    IReadOnlyList<double> AlarmLatenciesMs,
    IReadOnlyList<double> EtaErrorsPct,
    IReadOnlyList<double> JamLeadTimesS)
{
    /// <summary>The jam predictor's warning episodes, matched to the labelled onsets (why a warning counted as false).</summary>
    public IReadOnlyList<JamEpisode> JamEpisodes { get; init; } = [];

    /// <summary>Every hazard alarm counted as false, with the reason (what the model mistook for a hazard).</summary>
    public IReadOnlyList<FalseHazardAlarm> FalseHazardAlarms { get; init; } = [];

    /// <summary>Every eligible hazard object without an alarm, and whether it was not seen or seen as another class.</summary>
    public IReadOnlyList<MissedHazard> MissedHazards { get; init; } = [];
}
