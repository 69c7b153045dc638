using System.Text.Json.Serialization;

namespace TriVision.Messaging.Contract;

public enum AlarmState
{
    [JsonStringEnumMemberName("raised")]
    Raised,
    [JsonStringEnumMemberName("acknowledged")]
    Acknowledged,
    [JsonStringEnumMemberName("resolved")]
    Resolved,
}
