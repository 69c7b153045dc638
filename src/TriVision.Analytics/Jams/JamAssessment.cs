namespace TriVision.Analytics.Jams;

/// <summary>
/// The predictor's answer for one frame. <see cref="TimeToJamSeconds"/> is 0 when jammed and
/// +infinity when no jam is in sight.
/// </summary>
public readonly record struct JamAssessment(JamState State, float Risk, float TimeToJamSeconds, string Reason, JamInputs Inputs);
