using TriVision.Analytics.Jams;

namespace TriVision.Analytics.Scoring;

/// <summary>A jam predictor state change as output by the pipeline, with the signal that decided it.</summary>
public readonly record struct JamObservation(double TimeSeconds, JamState State, string Reason = "");

/// <summary>
/// One warning episode (from leaving Normal to coming back; <see cref="EndSeconds"/> is null while still open at the
/// end), its worst state, the signal that started it, and the labelled onset it predicted (null: a false warning).
/// </summary>
public sealed record JamEpisode(double StartSeconds, double? EndSeconds, JamState WorstState, string Reason, double? OnsetSeconds);
