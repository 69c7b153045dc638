using System.Text.Json.Nodes;
using TriVision.Service.Cli;
using TriVision.Service.Detectors;

namespace TriVision.Service.Tests.Pipeline;

/// <summary>A wrong configuration stops <c>trivision run</c> before anything starts, with one line naming key, value and what is allowed.</summary>
public sealed class RunConfigValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trivision-cfg-").FullName;

    private (int Code, string[] ErrorLines) Run(JsonObject config, params string[] extra)
    {
        string file = ServiceConfigFiles.Write(_dir, config);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(["run", "--config", file, .. extra], new CliContext(output, error, new OnnxDetectorFactory()));
        Assert.Equal("", output.ToString());
        return (code, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private JsonObject Valid() => ServiceConfigFiles.Valid(Path.Combine(_dir, "data"), 1883);

    [Fact]
    public void UnknownKey_IsRejectedWithTheKeyAndTheAllowedOnes()
    {
        var config = Valid();
        config["Mqtt"]!["Prot"] = 1884;
        var (code, lines) = Run(config);
        Assert.Equal(CliExitCode.Usage, code);
        var line = Assert.Single(lines);
        Assert.Contains("'Mqtt:Prot' is unknown", line);
        Assert.Contains("1884", line);
        Assert.Contains("Port", line);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")), "nothing may start on a bad configuration");
    }

    [Fact]
    public void UnknownTopLevelSection_IsRejected()
    {
        var config = Valid();
        config["Camera"] = new JsonObject { ["Name"] = "x" };
        var (code, lines) = Run(config);
        Assert.Equal(CliExitCode.Usage, code);
        Assert.Contains("'Camera' is unknown", Assert.Single(lines));
    }

    [Fact]
    public void ValueOfTheWrongType_NamesKeyValueAndWhatIsAllowed()
    {
        var config = Valid();
        config["Mqtt"]!["Port"] = "eighteen";
        var (code, lines) = Run(config);
        Assert.Equal(CliExitCode.Usage, code);
        var line = Assert.Single(lines);
        Assert.Contains("Mqtt:Port", line);
        Assert.Contains("'eighteen'", line);
        Assert.Contains("an integer", line);
    }

    [Fact]
    public void EnumValue_ListsTheAllowedNames()
    {
        var config = Valid();
        config["Mqtt"]!["Protocol"] = "v4";
        var (_, lines) = Run(config);
        var line = Assert.Single(lines);
        Assert.Contains("Mqtt:Protocol", line);
        Assert.Contains("V5", line);
    }

    [Fact]
    public void OutOfRangeValue_IsRejectedByTheOwningLayersRules()
    {
        var config = Valid();
        config["Mqtt"]!["Port"] = 70000;
        var (code, lines) = Run(config);
        Assert.Equal(CliExitCode.Usage, code);
        var line = Assert.Single(lines);
        Assert.Contains("Mqtt:Port", line);
        Assert.Contains("70000", line);
        Assert.Contains("1..65535", line);
    }

    [Fact]
    public void OverrideFromTheCommandLine_IsCheckedToo()
    {
        var (code, lines) = Run(Valid(), "--set", "Model:Provider=quantum");
        Assert.Equal(CliExitCode.Usage, code);
        var line = Assert.Single(lines);
        Assert.Contains("Model:Provider = 'quantum'", line);
        Assert.Contains("cpu, cuda, tensorrt, auto", line);
    }

    [Fact]
    public void BadBeltGeometry_NamesTheCamera()
    {
        var config = Valid();
        config["Cameras"]![0]!["Belt"]!["PixelsPerMetre"] = 0;
        var (code, lines) = Run(config);
        Assert.Equal(CliExitCode.Usage, code);
        var line = Assert.Single(lines);
        Assert.Contains("Cameras:0:Belt", line);
        Assert.Contains("PixelsPerMetre", line);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

/// <summary>Failures when the service starts, seen as an operator sees them: the real process's stderr.</summary>
public sealed class RunStartupFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trivision-start-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Strict_gpu_provider_missing_is_one_line_naming_the_setup_command_and_exit_4()
    {
        var config = ServiceConfigFiles.Valid(Path.Combine(_dir, "data"), 1883);
        config["Model"]!["Provider"] = "tensorrt";
        config["Model"]!["Strict"] = true;
        string file = ServiceConfigFiles.Write(_dir, config);

        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "run", "--config", file, "--duration", "5" })
            start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.Equal(CliExitCode.MissingDependency, process.ExitCode);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("trivision: error: ", line);
        Assert.Contains("scripts/setup.sh --gpu", line);
        Assert.DoesNotContain("   at ", stderr);
    }
}
