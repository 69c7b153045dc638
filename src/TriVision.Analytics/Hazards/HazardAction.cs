namespace TriVision.Analytics.Hazards;

/// <summary>What the plant is asked to do about a hazard (carried to the PLC by the messaging layer).</summary>
public enum HazardAction
{
    /// <summary>Tell operators only.</summary>
    Notify,
    /// <summary>Divert or eject the object at the eject point.</summary>
    Divert,
    /// <summary>Controlled stop of the line before the object reaches the stop point.</summary>
    StopLine,
}
