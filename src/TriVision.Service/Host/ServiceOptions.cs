namespace TriVision.Service.Host;

/// <summary>
/// The whole service configuration (<c>trivision run --config FILE.json</c>, then environment
/// variables <c>TRIVISION__Section__Key</c>, then <c>--set Section:Key=value</c>). Every key not
/// declared here is rejected at start-up, so a typo never silently falls back to a default.
/// </summary>
public sealed class ServiceOptions
{
    /// <summary>Plant or site name: the second MQTT topic level. Default "site".</summary>
    public string Site { get; set; } = "site";

    /// <summary>Sorting line name: the third MQTT topic level. Default "line1".</summary>
    public string Line { get; set; } = "line1";

    public ModelOptions Model { get; set; } = new();

    /// <summary>At least one camera; each gets its own capture, slot and inference thread.</summary>
    public List<CameraOptions> Cameras { get; set; } = new();

    public AnalyticsOptions Analytics { get; set; } = new();

    public MqttOptions Mqtt { get; set; } = new();

    public StorageOptions Storage { get; set; } = new();

    public HttpOptions Http { get; set; } = new();
}
