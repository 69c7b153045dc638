using System.Diagnostics;

namespace TriVision.Service.Tests.Cli;

public class HelpTests
{
    [Fact]
    public void Help_lists_every_registered_verb()
    {
        using var cli = new CliHarness();
        var (code, stdout, _) = cli.Run("--help");
        Assert.Equal(0, code);
        Assert.NotEmpty(Program.Verbs);
        foreach (var verb in Program.Verbs)
        {
            string name = verb.Create(new Service.Cli.CliContext(TextWriter.Null, TextWriter.Null, cli.Factory)).Name;
            Assert.Contains(name, stdout);
        }
        Assert.Contains("detect", stdout);
    }

    [Fact]
    public void No_verb_is_a_usage_error_on_stderr_only()
    {
        using var cli = new CliHarness();
        var (code, stdout, stderr) = cli.Run();
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("trivision --help", stderr);
    }

    [Fact]
    public void The_built_dll_runs_as_a_process()
    {
        // The real entry point, as scripts/trivision starts it.
        string dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("detect");
        start.ArgumentList.Add("--model");
        start.ArgumentList.Add("/nonexistent/model.onnx");
        start.ArgumentList.Add("--source");
        start.ArgumentList.Add("/nonexistent/images");
        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(2, process.ExitCode);
        Assert.Equal("", stdout);
        Assert.Equal("trivision: error: model not found: /nonexistent/model.onnx", stderr.Trim());
    }
}
