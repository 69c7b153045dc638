namespace TriVision.Analytics.Tracking;

public enum TrackState
{
    /// <summary>Seen fewer than <see cref="TrackerOptions.MinHitsToConfirm"/> times; dropped at its first miss.</summary>
    Tentative,
    /// <summary>Matched in the latest frame.</summary>
    Tracked,
    /// <summary>Not matched recently; coasting on its motion model until the lost buffer runs out.</summary>
    Lost,
}
