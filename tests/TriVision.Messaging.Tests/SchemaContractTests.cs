using System.Text.Json;
using TriVision.Messaging.Commands;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

/// <summary>
/// Keeps docs/schemas and the C# payloads in step: every property a payload writes is declared in
/// its schema (the schemas forbid additional properties), and every required one is written.
/// </summary>
public sealed class SchemaContractTests
{
    private static string SchemaPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "docs", "schemas", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"docs/schemas/{name} not found above {AppContext.BaseDirectory}");
    }

    private static void AssertMatches(string schemaName, string json)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath(schemaName)));
        using var doc = JsonDocument.Parse(json);
        AssertObject(schemaName, schema.RootElement, doc.RootElement);
    }

    private static void AssertObject(string where, JsonElement schema, JsonElement value)
    {
        var properties = schema.GetProperty("properties");
        foreach (var p in value.EnumerateObject())
        {
            Assert.True(properties.TryGetProperty(p.Name, out var sub), $"{where}: '{p.Name}' is written but not in the schema");
            if (p.Value.ValueKind == JsonValueKind.Object && sub.TryGetProperty("properties", out _))
                AssertObject($"{where}.{p.Name}", sub, p.Value);
            if (p.Value.ValueKind == JsonValueKind.Array && sub.TryGetProperty("items", out var items) && items.TryGetProperty("properties", out _))
                foreach (var element in p.Value.EnumerateArray()) AssertObject($"{where}.{p.Name}[]", items, element);
            if (sub.TryGetProperty("enum", out var allowed) && p.Value.ValueKind == JsonValueKind.String)
                Assert.Contains(p.Value.GetString(), allowed.EnumerateArray().Select(e => e.GetString()));
        }
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray())
                Assert.True(value.TryGetProperty(name.GetString()!, out _), $"{where}: required '{name.GetString()}' is not written");
    }

    [Fact]
    public void Alarm_matches_schema() =>
        AssertMatches("alarm.json", JsonSerializer.Serialize(Alarms.Make(7), MessagingJsonContext.Default.AlarmMessage));

    [Fact]
    public void Alarm_state_change_matches_schema() =>
        AssertMatches("alarm-state.json", JsonSerializer.Serialize(new AlarmStateChange
        {
            Id = "chg-1", AlarmId = "alarm-000007", Site = "plant", Line = "l1", State = AlarmState.Acknowledged, At = DateTimeOffset.UtcNow, By = "plc-1",
        }, MessagingJsonContext.Default.AlarmStateChange));

    [Fact]
    public void Belt_state_matches_schema() =>
        AssertMatches("belt-state.json", JsonSerializer.Serialize(new BeltStateMessage
        {
            Site = "plant", Line = "l1", At = DateTimeOffset.UtcNow, SpeedMps = 1.2, Occupancy = 0.3, JamState = JamState.Jammed, JamRisk = 0.9, MutedUntil = DateTimeOffset.UtcNow,
        }, MessagingJsonContext.Default.BeltStateMessage));

    [Fact]
    public void Heartbeat_matches_schema() =>
        AssertMatches("heartbeat.json", JsonSerializer.Serialize(new Heartbeat
        {
            Site = "plant", Line = "l1", At = DateTimeOffset.UtcNow, Seq = 1, PeriodMs = 1000, Frames = 10, LastInferenceAgeMs = 3,
        }, MessagingJsonContext.Default.Heartbeat));

    [Fact]
    public void Command_reply_matches_schema() =>
        AssertMatches("command-reply.json", JsonSerializer.Serialize(new CommandReply
        {
            CommandId = "c1", ClientId = "plc-1", Status = "rejected", Reason = "unknown alarm id", At = DateTimeOffset.UtcNow,
            State = new LineState { ActiveAlarmIds = ["a"], MutedUntil = DateTimeOffset.UtcNow },
        }, MessagingJsonContext.Default.CommandReply));

    [Fact]
    public void Command_schema_properties_are_exactly_what_the_parser_accepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath("command.json")));
        foreach (var p in schema.RootElement.GetProperty("properties").EnumerateObject())
        {
            // Each declared property is known to the parser (an unknown one would be rejected as such).
            var result = CommandParser.Parse(System.Text.Encoding.UTF8.GetBytes($$"""{"{{p.Name}}":0}"""));
            Assert.DoesNotContain("unknown property", result.Error ?? "");
        }
        Assert.Contains("unknown property", CommandParser.Parse("""{"bogus":0}"""u8).Error);
    }

    [Fact]
    public void Publish_stamp_overwrites_the_placeholder_in_place()
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(Alarms.Make(1), MessagingJsonContext.Default.AlarmMessage);
        var when = new DateTimeOffset(2026, 11, 22, 1, 2, 3, TimeSpan.Zero).AddTicks(4567);
        Assert.True(PublishStamp.Stamp(json, when));
        var alarm = JsonSerializer.Deserialize(json, MessagingJsonContext.Default.AlarmMessage)!;
        Assert.Equal(when, alarm.PublishedAt);
    }
}
