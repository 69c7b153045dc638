using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using TriVision.Analytics.Geometry;
using TriVision.Capture.Configuration;
using TriVision.Messaging;
using TriVision.Messaging.Commands;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Health;
using TriVision.Messaging.Mqtt;

namespace TriVision.Service.Host;

/// <summary>
/// Builds the service configuration (JSON file, then <c>TRIVISION__</c> environment variables, then
/// command-line overrides), rejects unknown keys and unconvertible values, binds
/// <see cref="ServiceOptions"/> and validates every section with the owning layer's own rules.
/// Every failure is one <see cref="ServiceConfigurationException"/> line.
/// </summary>
public static class ServiceConfiguration
{
    public const string EnvironmentPrefix = "TRIVISION__";

    /// <summary>Adds the three sources, in increasing priority, to <paramref name="builder"/>.</summary>
    public static void AddSources(IConfigurationBuilder builder, string configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        string full = Path.GetFullPath(configFile);
        if (!File.Exists(full))
            throw new ServiceConfigurationException($"--config '{configFile}': file not found.");
        builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddInMemoryCollection(overrides);
    }

    /// <summary>Parses <c>KEY=VALUE</c> overrides (<c>Mqtt:Port=1884</c>).</summary>
    public static Dictionary<string, string?> ParseOverrides(IEnumerable<string> items)
    {
        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            int eq = item.IndexOf('=');
            if (eq <= 0) throw new ServiceConfigurationException($"--set '{item}': expected KEY=VALUE, e.g. Mqtt:Port=1884.");
            map[item[..eq].Trim().Replace("__", ":")] = item[(eq + 1)..];
        }
        return map;
    }

    /// <summary>Checks keys, binds and validates; the result is safe to start with.</summary>
    public static ServiceOptions Bind(IConfiguration configuration)
    {
        var options = CheckAndGet<ServiceOptions>(configuration);
        Validate(options);
        return options;
    }

    /// <summary>Rejects unknown keys and unconvertible values, then binds (the binder's nested errors become one line).</summary>
    private static T CheckAndGet<T>(IConfiguration configuration) where T : new()
    {
        ConfigurationKeyChecker.Check(configuration, typeof(T));
        try
        {
            return configuration.Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            var inner = ex;
            while (inner.InnerException is InvalidOperationException next) inner = next;
            throw new ServiceConfigurationException($"configuration: {inner.Message}", ex);
        }
    }

    public static void Validate(ServiceOptions o)
    {
        Wrap(() => TopicContract.CheckSegment(o.Site, "Site"));
        Wrap(() => TopicContract.CheckSegment(o.Line, "Line"));

        var m = o.Model;
        if (string.IsNullOrWhiteSpace(m.Path))
            throw new ServiceConfigurationException("Model:Path is empty; set the .onnx model file (e.g. models/trivision-hazard-v1.onnx).");
        if (!File.Exists(m.Path))
            throw new ServiceConfigurationException($"Model:Path = '{m.Path}': file not found (relative paths are from the working directory {Environment.CurrentDirectory}).");
        if (m.Provider.ToLowerInvariant() is not ("cpu" or "cuda" or "tensorrt" or "auto"))
            throw new ServiceConfigurationException($"Model:Provider = '{m.Provider}' is not valid; allowed: cpu, cuda, tensorrt, auto.");
        if (m.Labels is not null && !File.Exists(m.Labels))
            throw new ServiceConfigurationException($"Model:Labels = '{m.Labels}': file not found.");
        Range01(m.ConfidenceThreshold, "Model:ConfidenceThreshold");
        Range01(m.IouThreshold, "Model:IouThreshold");
        if (m.MaxDetections is < 1 or > 10_000)
            throw new ServiceConfigurationException($"Model:MaxDetections = {m.MaxDetections} is not valid; allowed 1..10000.");

        if (o.Cameras.Count == 0)
            throw new ServiceConfigurationException("Cameras is empty; declare at least one camera with Name, Source and Belt.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < o.Cameras.Count; i++)
        {
            var c = o.Cameras[i];
            string key = $"Cameras:{i}";
            if (string.IsNullOrWhiteSpace(c.Name))
                throw new ServiceConfigurationException($"{key}:Name is empty; give each camera a short unique name (letters, digits, '-', '_').");
            Wrap(() => TopicContract.CheckSegment(c.Name, $"{key}:Name"));
            if (!names.Add(c.Name))
                throw new ServiceConfigurationException($"{key}:Name = '{c.Name}' is used by another camera; names must be unique.");
            try
            {
                c.ToSourceOptions().Validate(key);
            }
            catch (CaptureConfigurationException ex)
            {
                throw new ServiceConfigurationException(ex.Message.Replace($"{key}:", $"{key}:Capture:").Replace($"{key}:Capture:Source", $"{key}:Source"), ex);
            }
            c.Belt.CameraId = c.Name;
            try
            {
                BeltGeometry.Create(c.Belt);
            }
            catch (BeltGeometryException ex)
            {
                throw new ServiceConfigurationException($"{key}:Belt: {OneLine(ex.Message)}", ex);
            }
        }

        ValidateAnalytics(o.Analytics);

        var q = o.Mqtt;
        if (q.Enabled)
        {
            var gateway = new MqttGatewayOptions
            {
                Site = o.Site,
                Line = o.Line,
                Client = new MqttClientOptions
                {
                    Host = q.Host, Port = q.Port, Protocol = q.Protocol, ClientId = q.ClientId ?? $"trivision-{o.Line}",
                    KeepAliveSeconds = q.KeepAliveSeconds, Username = q.Username, Password = q.Password,
                    Tls = q.Tls is { } t ? new MqttTlsOptions(t.CaFile, t.CertFile, t.KeyFile) : null,
                },
                Heartbeat = new HeartbeatOptions { Period = q.HeartbeatPeriod },
                Commands = new CommandOptions { AllowedClientIds = q.AllowedCommandClients },
                BeltStateMinInterval = q.BeltStateMinInterval,
            };
            Wrap(gateway.Validate);
        }

        if (string.IsNullOrWhiteSpace(o.Storage.DataFolder))
            throw new ServiceConfigurationException("Storage:DataFolder is empty; set a folder on persistent storage (e.g. /var/lib/trivision).");
        if (!IPAddress.TryParse(o.Http.Address, out _))
            throw new ServiceConfigurationException($"Http:Address = '{o.Http.Address}' is not an IP address; use 127.0.0.1 (default), ::1, or 0.0.0.0 to open it to the network.");
        if (o.Http.Port is < 0 or > 65535)
            throw new ServiceConfigurationException($"Http:Port = {o.Http.Port} is not valid; allowed 0..65535 (0 = any free port).");
    }

    private static void Range01(float value, string key)
    {
        if (!(value >= 0f && value <= 1f))
            throw new ServiceConfigurationException(string.Create(CultureInfo.InvariantCulture, $"{key} = {value} is not valid; allowed 0..1."));
    }

    public static void ValidateAnalytics(AnalyticsOptions a)
    {
        Wrap(a.Tracker.Validate, "Analytics:Tracker");
        if (a.Hazards is { } hazards) Wrap(hazards.Validate, "Analytics:Hazards");
        Wrap(a.Jam.Validate, "Analytics:Jam");
        Wrap(a.Alarms.Validate, "Analytics:Alarms");
        Wrap(a.Health.Validate, "Analytics:Health");
        Range01(a.OccupancyMinScore, "Analytics:OccupancyMinScore");
        if (a.SpeedWindowMs < 100)
            throw new ServiceConfigurationException($"Analytics:SpeedWindowMs = {a.SpeedWindowMs} is not valid; at least 100.");
    }

    /// <summary>
    /// Binds the <c>Analytics</c> section alone from <c>KEY=VALUE</c> items (keys as in the configuration file,
    /// with or without the <c>Analytics:</c> prefix: <c>Tracker:NewTrackThreshold=0.5</c>), checked and validated as
    /// the service does; <c>trivision scenarios --set</c> scores a tuning before it goes into a plant's file.
    /// </summary>
    public static AnalyticsOptions BindAnalytics(IEnumerable<string> items)
    {
        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in ParseOverrides(items))
            map[key.StartsWith("Analytics:", StringComparison.OrdinalIgnoreCase) ? key["Analytics:".Length..] : key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(map).Build();
        var options = CheckAndGet<AnalyticsOptions>(configuration);
        ValidateAnalytics(options);
        return options;
    }

    private static void Wrap(Action validate, string? section = null)
    {
        try
        {
            validate();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            string message = OneLine(ex.Message);
            throw new ServiceConfigurationException(section is null || message.Contains(section, StringComparison.Ordinal) ? message : $"{section}: {message}", ex);
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
