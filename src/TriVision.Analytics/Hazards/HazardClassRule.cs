namespace TriVision.Analytics.Hazards;

/// <summary>Rule for one hazardous class.</summary>
public sealed class HazardClassRule
{
    public int ClassId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>A frame counts towards confirmation when the track's detection score is at least this.</summary>
    public float MinScore { get; set; } = 0.5f;

    /// <summary>Confirmed after this many qualifying frames ...</summary>
    public int ConfirmFrames { get; set; } = 3;

    /// <summary>... or after this long since the first qualifying frame (whichever comes first; low frame rates rely on this).</summary>
    public int ConfirmMs { get; set; } = 150;

    public HazardAction Action { get; set; } = HazardAction.Divert;
}
