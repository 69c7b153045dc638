using System.Text.Json;
using TriVision.Service.Cli;

namespace TriVision.Service.Tests.Cli;

public sealed class DatasetVerbTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Crowding_and_kind_multipliers_reach_the_manifest()
    {
        string outDir = _cli.Path_("ds");
        var (code, stdout, stderr) = _cli.Run("dataset", "--seed", "4", "--count", "2", "--width", "160", "--height", "96",
            "--crowding", "2.5", "--kinds", "metal_can:4,nine_volt:3", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.EndsWith("data.yaml", stdout.Trim());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        JsonElement o = manifest.RootElement.GetProperty("options");
        Assert.Equal(2.5, o.GetProperty("crowding").GetDouble());
        Assert.Equal(4.0, o.GetProperty("kind_multipliers").GetProperty("metal_can").GetDouble());
        Assert.Equal(3.0, o.GetProperty("kind_multipliers").GetProperty("nine_volt").GetDouble());
        Assert.Equal(2, o.GetProperty("kind_multipliers").EnumerateObject().Count());
    }

    [Theory]
    [InlineData("--kinds", "tin_can:2", "'tin_can:2'")]
    [InlineData("--kinds", "battery_pack:0,aa_cell:0,aaa_cell:0,c_cell:0,d_cell:0,nine_volt:0,lithium_pouch:0", "every kind of class battery")]
    [InlineData("--crowding", "20", "'crowding' = 20")]
    public void Bad_mix_options_are_usage_errors_that_name_the_value(string option, string value, string expected)
    {
        string outDir = _cli.Path_("bad");
        var (code, stdout, stderr) = _cli.Run("dataset", "--seed", "1", "--count", "1", option, value, "--out", outDir);
        Assert.Equal(CliExitCode.Usage, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.False(Directory.Exists(outDir)); // nothing written
    }
}
