using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TriVision.Messaging.Commands;

namespace TriVision.Messaging.Tests;

public sealed class CommandParserPropertyTests
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ":", ",", "\"id\"", "\"type\"", "\"client_id\"", "\"alarm_id\"", "\"duration_s\"", "\"reason\"",
        "\"ack_alarm\"", "\"mute_line\"", "\"request_state\"", "\"plc-1\"", "1", "-1", "1e400", "99999999999", "0.5", "true", "null",
        "\"\\u0000\"", "\"\\ud800\"", "\"", "\\", "\u00ff", " ",
    ];

    [Fact]
    public void Random_bytes_never_crash_the_parser()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var result = CommandParser.Parse(bytes);
            return result.IsValid || !string.IsNullOrEmpty(result.Error);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_json_like_token_soup_never_crashes_the_parser()
    {
        var soup = Gen.ArrayOf(Gen.Elements(Tokens)).Select(parts => string.Concat(parts)).ToArbitrary();
        Prop.ForAll(soup, text =>
        {
            var result = CommandParser.Parse(Encoding.UTF8.GetBytes(text));
            return result.IsValid || !string.IsNullOrEmpty(result.Error);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void Valid_commands_with_random_ids_parse()
    {
        var ids = ArbMap.Default.ArbFor<NonEmptyString>().Filter(s => s.Get.Length <= 200);
        Prop.ForAll(ids, id =>
        {
            string json = $$"""{"id":{{System.Text.Json.JsonSerializer.Serialize(id.Get)}},"type":"request_state","client_id":"plc-1"}""";
            var result = CommandParser.Parse(Encoding.UTF8.GetBytes(json));
            return result.IsValid && result.Command!.Id == id.Get;
        }).QuickCheckThrowOnFailure();
    }
}
