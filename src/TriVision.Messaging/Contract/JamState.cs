using System.Text.Json.Serialization;

namespace TriVision.Messaging.Contract;

public enum JamState
{
    [JsonStringEnumMemberName("clear")]
    Clear,
    [JsonStringEnumMemberName("risk")]
    Risk,
    [JsonStringEnumMemberName("jammed")]
    Jammed,
}
