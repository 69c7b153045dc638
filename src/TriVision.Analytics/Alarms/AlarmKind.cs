namespace TriVision.Analytics.Alarms;

public enum AlarmKind
{
    /// <summary>A hazardous object on the belt.</summary>
    Hazard,
    /// <summary>A jam is predicted or has happened.</summary>
    Jam,
    /// <summary>A camera stopped delivering frames or reported an error.</summary>
    CameraFault,
    /// <summary>The vision system works but cannot be trusted fully: inference stalled, fallback provider, frame drops.</summary>
    VisionDegraded,
}
