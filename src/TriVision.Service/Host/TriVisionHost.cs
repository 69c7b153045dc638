using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using TriVision.Service.Detectors;
using TriVision.Service.Pipeline;

namespace TriVision.Service.Host;

/// <summary>
/// The Generic Host of <c>trivision run</c>: configuration (file, environment, overrides) checked and
/// bound at start-up, the <see cref="ServiceRuntime"/> as hosted service, and Kestrel serving
/// <c>/metrics</c> (Prometheus text) and <c>/health</c> on the loopback address.
/// </summary>
public sealed class TriVisionHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PrometheusExporter _exporter;

    private TriVisionHost(WebApplication app, ServiceRuntime runtime, ServiceOptions options, PrometheusExporter exporter)
    {
        _app = app;
        Runtime = runtime;
        Options = options;
        _exporter = exporter;
    }

    public ServiceRuntime Runtime { get; }
    public ServiceOptions Options { get; }
    public IHostApplicationLifetime Lifetime => _app.Lifetime;

    /// <summary>The address Kestrel listens on (with the real port when 0 was asked).</summary>
    public string? Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();

    /// <summary>Builds the host; throws <see cref="ServiceConfigurationException"/> for a wrong key or value.</summary>
    public static TriVisionHost Create(string configFile, IReadOnlyDictionary<string, string?> overrides, IDetectorFactory detectors, TextWriter? log = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        ServiceConfiguration.AddSources(builder.Configuration, configFile, overrides);
        var options = ServiceConfiguration.Bind(builder.Configuration);

        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // Logs go to stderr: stdout stays for results (the run summary).
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // A start-up failure is reported once, as the CLI's one-line error; the host's own
        // "Hosting failed to start" entry would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(options.Http.Address), options.Http.Port));
        var exporter = new PrometheusExporter();
        ServiceRuntime? runtime = null;
        builder.Services.AddSingleton(sp => runtime ??= new ServiceRuntime(options, detectors, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ServiceRuntime>());
        // Stopping drains the pipelines and publishes 'offline'; give it time.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        var app = builder.Build();
        var rt = app.Services.GetRequiredService<ServiceRuntime>();
        app.MapGet("/metrics", () => Results.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
        app.MapGet("/health", () =>
        {
            var report = rt.Health();
            string json = JsonSerializer.Serialize(new Dictionary<string, object> { ["status"] = report.Status, ["reasons"] = report.Reasons });
            return Results.Text(json, "application/json", statusCode: report.Status == HealthReport.Unhealthy ? 503 : 200);
        });
        return new TriVisionHost(app, rt, options, exporter);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // The container disposes the runtime too; its DisposeAsync is idempotent.
        await Runtime.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _exporter.Dispose();
    }
}
