using System.Text.Json.Serialization;

namespace TriVision.Messaging.Contract;

/// <summary>What TriVision asks the PLC to do. Never an emergency stop: that is hard-wired (IEC 60204-1 category 0).</summary>
public enum RequestedAction
{
    /// <summary>Controlled stop of the line (IEC 60204-1 category 1 or 2, done by the PLC).</summary>
    [JsonStringEnumMemberName("stop_line")]
    StopLine,
    /// <summary>Eject/divert the object at the given downstream point.</summary>
    [JsonStringEnumMemberName("divert")]
    Divert,
    /// <summary>Inform operators only.</summary>
    [JsonStringEnumMemberName("notify")]
    Notify,
}
