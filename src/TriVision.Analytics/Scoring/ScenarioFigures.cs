using System.Text.Json.Serialization;

namespace TriVision.Analytics.Scoring;

/// <summary>The figures of one scenario, or of all of them (<c>overall</c>). Medians are null when there was nothing to measure.</summary>
public sealed record ScenarioFigures
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("duration_s")] public double DurationSeconds { get; init; }
    [JsonPropertyName("hazard_recall")] public double? HazardRecall { get; init; }
    [JsonPropertyName("false_hazard_alarms_per_hour")] public double FalseHazardAlarmsPerHour { get; init; }
    [JsonPropertyName("alarm_latency_median_ms")] public double? AlarmLatencyMedianMs { get; init; }
    [JsonPropertyName("eta_error_median_pct")] public double? EtaErrorMedianPct { get; init; }
    [JsonPropertyName("jam_lead_time_median_s")] public double? JamLeadTimeMedianS { get; init; }
    [JsonPropertyName("missed_jams")] public int MissedJams { get; init; }
    [JsonPropertyName("false_jam_warnings_per_hour")] public double FalseJamWarningsPerHour { get; init; }
    [JsonPropertyName("id_switches_per_100_tracks")] public double? IdSwitchesPer100Tracks { get; init; }

    // Counts behind the rates, so that a reader can check them.
    [JsonPropertyName("hazard_objects")] public int HazardObjects { get; init; }
    [JsonPropertyName("hazard_objects_alarmed")] public int HazardObjectsAlarmed { get; init; }
    [JsonPropertyName("false_hazard_alarms")] public int FalseHazardAlarms { get; init; }
    [JsonPropertyName("duplicate_hazard_alarms")] public int DuplicateHazardAlarms { get; init; }
    [JsonPropertyName("wrong_class_alarms")] public int WrongClassAlarms { get; init; }
    [JsonPropertyName("jams")] public int Jams { get; init; }
    [JsonPropertyName("false_jam_warnings")] public int FalseJamWarnings { get; init; }
    [JsonPropertyName("ground_truth_tracks")] public int GroundTruthTracks { get; init; }
    [JsonPropertyName("id_switches")] public int IdSwitches { get; init; }
}
