namespace TriVision.Analytics.Jams;

public enum JamState
{
    Normal = 0,
    Warning = 1,
    Critical = 2,
    Jammed = 3,
}
