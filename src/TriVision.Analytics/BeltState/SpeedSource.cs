namespace TriVision.Analytics.BeltState;

/// <summary>Where the belt speed estimate came from.</summary>
public enum SpeedSource
{
    /// <summary>No measurement recent enough: the speed is unknown (NaN).</summary>
    None,
    /// <summary>Median of tracked objects' displacement along the belt.</summary>
    Tracks,
    /// <summary>1-D phase correlation of a strip of belt texture between frames.</summary>
    Registration,
}
