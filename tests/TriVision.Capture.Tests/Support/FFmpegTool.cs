using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TriVision.Capture.Tests.Support;

/// <summary>Runs ffmpeg for test fixtures (generating media, publishing RTSP) and finds free loopback ports.</summary>
internal static class FFmpegTool
{
    public static void Run(params string[] args)
    {
        using var p = Start(args);
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed ({p.ExitCode}): {err}");
    }

    public static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-hide_banner");
        psi.ArgumentList.Add("-nostdin");
        psi.ArgumentList.Add("-y");
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }
}
