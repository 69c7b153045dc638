using System.Diagnostics;

namespace TriVision.Inference.Tests.Evaluation;

/// <summary>Runs /usr/bin/python3 with a time limit and returns its standard output; a failure carries its output.</summary>
internal static class PythonProcess
{
    public static string Run(TimeSpan limit, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(RepoPaths.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + RepoPaths.Python);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"python {string.Join(' ', args)} ran past {limit}: {stderr.Result}");
        }
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"python {string.Join(' ', args)} exited {p.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
