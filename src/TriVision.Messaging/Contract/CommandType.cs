using System.Text.Json.Serialization;

namespace TriVision.Messaging.Contract;

public enum CommandType
{
    [JsonStringEnumMemberName("ack_alarm")]
    AckAlarm,
    [JsonStringEnumMemberName("mute_line")]
    MuteLine,
    [JsonStringEnumMemberName("request_state")]
    RequestState,
}
