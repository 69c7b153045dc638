using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriVision.Analytics.Scoring;

/// <summary>
/// The JSON of <c>trivision scenarios</c>: an <c>overall</c> object and a <c>scenarios</c> list with the
/// same figures. Overall rates are pooled (total events / total hours) and overall medians are medians of
/// all samples of all scenarios, not medians of medians.
/// </summary>
public sealed record ScoringReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    [JsonPropertyName("overall")] public ScenarioFigures Overall { get; init; } = new();
    [JsonPropertyName("scenarios")] public IReadOnlyList<ScenarioFigures> Scenarios { get; init; } = Array.Empty<ScenarioFigures>();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScoringReport Combine(IReadOnlyList<ScenarioScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double duration = 0;
        int objects = 0, hits = 0, falseAlarms = 0, dup = 0, wrong = 0, jams = 0, missed = 0, falseJams = 0, gtTracks = 0, switches = 0;
        var lat = new List<double>();
        var eta = new List<double>();
        var lead = new List<double>();
        var list = new List<ScenarioFigures>(scores.Count);
        foreach (var s in scores)
        {
            var f = s.Figures;
            list.Add(f);
            duration += f.DurationSeconds;
            objects += f.HazardObjects;
            hits += f.HazardObjectsAlarmed;
            falseAlarms += f.FalseHazardAlarms;
            dup += f.DuplicateHazardAlarms;
            wrong += f.WrongClassAlarms;
            jams += f.Jams;
            missed += f.MissedJams;
            falseJams += f.FalseJamWarnings;
            gtTracks += f.GroundTruthTracks;
            switches += f.IdSwitches;
            lat.AddRange(s.AlarmLatenciesMs);
            eta.AddRange(s.EtaErrorsPct);
            lead.AddRange(s.JamLeadTimesS);
        }
        double hours = duration / 3600.0;
        var overall = new ScenarioFigures
        {
            Name = "overall",
            DurationSeconds = duration,
            HazardRecall = objects > 0 ? (double)hits / objects : null,
            FalseHazardAlarmsPerHour = hours > 0 ? falseAlarms / hours : 0,
            AlarmLatencyMedianMs = ScenarioScorer.Median(lat),
            EtaErrorMedianPct = ScenarioScorer.Median(eta),
            JamLeadTimeMedianS = ScenarioScorer.Median(lead),
            MissedJams = missed,
            FalseJamWarningsPerHour = hours > 0 ? falseJams / hours : 0,
            IdSwitchesPer100Tracks = gtTracks > 0 ? switches * 100.0 / gtTracks : null,
            HazardObjects = objects,
            HazardObjectsAlarmed = hits,
            FalseHazardAlarms = falseAlarms,
            DuplicateHazardAlarms = dup,
            WrongClassAlarms = wrong,
            Jams = jams,
            FalseJamWarnings = falseJams,
            GroundTruthTracks = gtTracks,
            IdSwitches = switches,
        };
        return new ScoringReport { Overall = overall, Scenarios = list };
    }
}
