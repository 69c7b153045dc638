using System.Text.Json;
using TriVision.Messaging.Contract;

namespace TriVision.Messaging.Commands;

/// <summary>
/// Validates a command payload against docs/schemas/command.json by hand (no schema engine on the
/// hot side of a PLC link): UTF-8 JSON object, known properties only, required ones present with
/// the right types and ranges. Never throws on any input; the error says what is wrong.
/// </summary>
public static class CommandParser
{
    public const int MaxPayloadBytes = 4096;
    public const int MaxMuteSeconds = 86_400;
    private const int MaxStringLength = 256;

    /// <param name="payload">The raw message.</param>
    /// <param name="userProperties">MQTT 5 user properties; a <c>client_id</c> there must match the payload's.</param>
    public static CommandParseResult Parse(ReadOnlySpan<byte> payload, IReadOnlyList<KeyValuePair<string, string>>? userProperties = null)
    {
        if (payload.Length == 0) return CommandParseResult.Fail("empty payload", null, null);
        if (payload.Length > MaxPayloadBytes) return CommandParseResult.Fail($"payload of {payload.Length} bytes exceeds {MaxPayloadBytes}", null, null);
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 4 });
            using var doc = JsonDocument.ParseValue(ref reader);
            return Validate(doc.RootElement, userProperties);
        }
        catch (JsonException ex)
        {
            return CommandParseResult.Fail($"not valid JSON: {ex.Message}", null, null);
        }
        catch (ArgumentException ex)
        {
            // Invalid UTF-8 inside strings surfaces as ArgumentException/InvalidOperationException from the reader.
            return CommandParseResult.Fail($"not valid UTF-8 JSON: {ex.Message}", null, null);
        }
        catch (InvalidOperationException ex)
        {
            return CommandParseResult.Fail($"not valid JSON: {ex.Message}", null, null);
        }
    }

    private static CommandParseResult Validate(JsonElement root, IReadOnlyList<KeyValuePair<string, string>>? userProperties)
    {
        if (root.ValueKind != JsonValueKind.Object) return CommandParseResult.Fail($"expected a JSON object, got {root.ValueKind}", null, null);

        string? id = null, type = null, clientId = null, alarmId = null, reason = null;
        int? duration = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "id": if (!ReadString(property, ref id, out var e1)) return Fail(e1); break;
                case "type": if (!ReadString(property, ref type, out var e2)) return Fail(e2); break;
                case "client_id": if (!ReadString(property, ref clientId, out var e3)) return Fail(e3); break;
                case "alarm_id": if (!ReadString(property, ref alarmId, out var e4)) return Fail(e4); break;
                case "reason": if (!ReadString(property, ref reason, out var e5)) return Fail(e5); break;
                case "duration_s":
                    if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out int d))
                        return Fail("duration_s must be an integer");
                    duration = d;
                    break;
                default:
                    return Fail($"unknown property '{Truncate(property.Name)}'");
            }
        }

        if (string.IsNullOrEmpty(id)) return Fail("missing required property 'id'");
        if (string.IsNullOrEmpty(clientId)) return Fail("missing required property 'client_id'");
        if (userProperties is not null)
        {
            foreach (var pair in userProperties)
                if (pair.Key == "client_id" && pair.Value != clientId)
                    return Fail($"client_id '{Truncate(clientId)}' in the payload differs from the MQTT 5 user property '{Truncate(pair.Value)}'");
        }
        if (string.IsNullOrEmpty(type)) return Fail("missing required property 'type'");

        CommandType commandType;
        switch (type)
        {
            case "ack_alarm":
                commandType = CommandType.AckAlarm;
                if (string.IsNullOrEmpty(alarmId)) return Fail("ack_alarm requires 'alarm_id'");
                if (duration is not null) return Fail("ack_alarm does not take 'duration_s'");
                break;
            case "mute_line":
                commandType = CommandType.MuteLine;
                if (duration is null) return Fail("mute_line requires 'duration_s'");
                if (duration is < 1 or > MaxMuteSeconds) return Fail($"duration_s is {duration}; allowed 1..{MaxMuteSeconds}");
                if (alarmId is not null) return Fail("mute_line does not take 'alarm_id'");
                break;
            case "request_state":
                commandType = CommandType.RequestState;
                if (alarmId is not null || duration is not null) return Fail("request_state takes no 'alarm_id' or 'duration_s'");
                break;
            default:
                return Fail($"unknown command type '{Truncate(type)}'; allowed ack_alarm, mute_line, request_state");
        }

        return CommandParseResult.Ok(new CommandRequest
        {
            Id = id, Type = commandType, ClientId = clientId, AlarmId = alarmId, DurationS = duration, Reason = reason,
        });

        CommandParseResult Fail(string error) => CommandParseResult.Fail(error, id, clientId);
    }

    private static bool ReadString(JsonProperty property, ref string? target, out string error)
    {
        error = "";
        if (property.Value.ValueKind != JsonValueKind.String)
        {
            error = $"'{property.Name}' must be a string";
            return false;
        }
        string value = property.Value.GetString()!;
        if (value.Length > MaxStringLength)
        {
            error = $"'{property.Name}' is longer than {MaxStringLength} characters";
            return false;
        }
        if (target is not null)
        {
            error = $"duplicate property '{property.Name}'";
            return false;
        }
        target = value;
        return true;
    }

    private static string Truncate(string s) => s.Length <= 64 ? s : s[..64] + "…";
}
