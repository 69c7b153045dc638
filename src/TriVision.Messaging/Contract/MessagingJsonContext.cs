using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriVision.Messaging.Contract;

/// <summary>Source-generated JSON for every payload: snake_case names and enums, as in docs/schemas.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(AlarmMessage))]
[JsonSerializable(typeof(AlarmStateChange))]
[JsonSerializable(typeof(BeltStateMessage))]
[JsonSerializable(typeof(Heartbeat))]
[JsonSerializable(typeof(CommandRequest))]
[JsonSerializable(typeof(CommandReply))]
public sealed partial class MessagingJsonContext : JsonSerializerContext;
