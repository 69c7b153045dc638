namespace TriVision.Service.Scenarios;

/// <summary>Wall seconds spent per stage over a scenario run (render + truth, detect, analyze + record).</summary>
public readonly record struct ScenarioStageTimes(double RenderSeconds, double DetectSeconds, double AnalyzeSeconds);
