using System.CommandLine;
using System.Globalization;
using TriVision.Analytics.Geometry;
using TriVision.Capture.Configuration;
using TriVision.Core.Frames;
using TriVision.Inference.Onnx;
using TriVision.Messaging.Mqtt;
using TriVision.Service.Host;

namespace TriVision.Service.Cli;

/// <summary>
/// <c>trivision run --config FILE.json [--duration S] [--urls http://127.0.0.1:PORT] [--set KEY=VALUE]…</c>:
/// the service itself. Runs until SIGINT/SIGTERM or the duration, then prints a summary on stdout.
/// </summary>
public sealed class RunVerb : ICliVerb
{
    public Command Create(CliContext context)
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "Service configuration (JSON); see docs/configuration.md", Required = true, HelpName = "FILE.json" };
        var duration = new Option<double?>("--duration") { Description = "Stop cleanly after this many seconds (default: run until SIGINT/SIGTERM)", HelpName = "S" };
        var urls = new Option<string?>("--urls") { Description = "Where /metrics and /health listen, e.g. http://127.0.0.1:8080 (overrides Http:Address and Http:Port)", HelpName = "URL" };
        var set = new Option<string[]>("--set") { Description = "Override a configuration key, e.g. --set Mqtt:Port=1884 (repeatable; wins over file and environment)", HelpName = "KEY=VALUE", AllowMultipleArgumentsPerToken = false };
        var command = new Command("run", "Run the vision service: cameras → detector → analytics → alarms → MQTT, with /metrics and /health")
        {
            config, duration, urls, set,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(config).FullName, parse.GetValue(duration), parse.GetValue(urls), parse.GetValue(set) ?? []));
        return command;
    }

    private static int Run(CliContext context, string configFile, double? durationSeconds, string? urls, string[] set)
    {
        if (durationSeconds is { } d && !(d > 0))
            throw new CliException(CliExitCode.Usage, $"--duration {d.ToString(CultureInfo.InvariantCulture)}: must be a positive number of seconds");
        TriVisionHost host;
        try
        {
            var overrides = ServiceConfiguration.ParseOverrides(set);
            if (urls is not null) AddUrlOverrides(urls, overrides);
            host = TriVisionHost.Create(configFile, overrides, context.DetectorFactory);
        }
        catch (ServiceConfigurationException ex)
        {
            throw new CliException(CliExitCode.Usage, ex.Message, ex);
        }
        try
        {
            try
            {
                host.StartAsync().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is FrameSourceException or CaptureConfigurationException or BeltGeometryException or OnnxModelException or OnnxRuntimeException or MqttException or IOException)
            {
                throw new CliException(CliExitCode.RuntimeFailure, $"service did not start: {ex.Message}", ex);
            }
            context.Error.WriteLine($"trivision run: serving /metrics and /health on {host.Url}; {host.Options.Cameras.Count} camera(s); data in {host.Runtime.DataFolder}"
                + (durationSeconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"; stopping after {s} s") : "; Ctrl+C to stop"));
            using var timer = durationSeconds is { } secs
                ? new Timer(_ => host.Lifetime.StopApplication(), null, TimeSpan.FromSeconds(secs), Timeout.InfiniteTimeSpan)
                : null;
            host.WaitForShutdownAsync().GetAwaiter().GetResult();
            WriteSummary(context.Output, host);
            return CliExitCode.Success;
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void AddUrlOverrides(string urls, Dictionary<string, string?> overrides)
    {
        string first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        if (!Uri.TryCreate(first, UriKind.Absolute, out var uri) || uri.Scheme != "http")
            throw new ServiceConfigurationException($"--urls '{urls}': expected http://ADDRESS:PORT, e.g. http://127.0.0.1:8080.");
        overrides["Http:Address"] = uri.Host.Trim('[', ']') == "localhost" ? "127.0.0.1" : uri.Host.Trim('[', ']');
        overrides["Http:Port"] = uri.Port.ToString(CultureInfo.InvariantCulture);
    }

    private static void WriteSummary(TextWriter output, TriVisionHost host)
    {
        var rt = host.Runtime;
        long processed = 0, posted = 0, dropped = 0;
        foreach (var p in rt.Pipelines)
        {
            processed += p.ProcessedCount;
            posted += p.PostedCount;
            dropped += p.DroppedCount;
        }
        output.WriteLine("trivision run summary");
        foreach (var p in rt.Pipelines)
            output.WriteLine($"  camera {p.Name}: frames captured {p.PostedCount}, processed {p.ProcessedCount}, dropped (inference busy) {p.DroppedCount}, hazard alarms {p.HazardAlarmCount}");
        output.WriteLine($"  frames processed: {processed} of {posted} captured ({dropped} dropped)");
        output.WriteLine($"  alarms raised: {rt.AlarmsRaised}");
        output.WriteLine($"  alarm store (SQLite): {rt.AlarmDatabase}");
        output.WriteLine($"  MQTT outbox (SQLite): {rt.OutboxDatabase}");
    }
}
