namespace TriVision.Service.Scenarios;

/// <summary>What <c>trivision scenarios</c> runs.</summary>
/// <param name="Seed">Seed of every scenario (timeline, scripted objects, rendering).</param>
/// <param name="Names">Scenario names from the catalogue, in run order.</param>
/// <param name="DurationScale">Share of each scenario's scripted length to run (1 = all of it). A jam scenario always runs until 10 s past its onset.</param>
/// <param name="ConfidenceThreshold">Detector score floor handed to the decoder.</param>
public sealed record ScenarioRunOptions(ulong Seed, IReadOnlyList<string> Names, double DurationScale, float ConfidenceThreshold);
