namespace TriVision.Analytics.Jams;

/// <summary>A state transition with the inputs and the dominant reason behind it.</summary>
public sealed record JamStateChange(long TimestampNs, JamState From, JamState To, float Risk, float TimeToJamSeconds, string Reason, JamInputs Inputs);
