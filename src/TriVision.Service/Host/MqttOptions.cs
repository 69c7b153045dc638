using TriVision.Messaging.Mqtt;

namespace TriVision.Service.Host;

/// <summary>Configuration section <c>Mqtt</c>: the broker and the topic contract of docs/mqtt.md.</summary>
public sealed class MqttOptions
{
    /// <summary>False: no MQTT at all (alarms still persisted). Default true.</summary>
    public bool Enabled { get; set; } = true;

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>V5 (default) or V311.</summary>
    public MqttProtocol Protocol { get; set; } = MqttProtocol.V5;

    /// <summary>Client id; the broker keeps one session per id. Default "trivision-{Line}".</summary>
    public string? ClientId { get; set; }

    public int KeepAliveSeconds { get; set; } = 15;

    public string? Username { get; set; }

    /// <summary>Prefer the environment variable TRIVISION__Mqtt__Password to a password in the file.</summary>
    public string? Password { get; set; }

    /// <summary>TLS; absent = plain TCP.</summary>
    public MqttTlsSection? Tls { get; set; }

    /// <summary>Heartbeat period. Default 1 s; the PLC watchdog should trip after 3 missed ones.</summary>
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Minimum time between retained belt-state publishes. Default 1 s.</summary>
    public TimeSpan BeltStateMinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Also run a Sparkplug B edge node (second connection, spBv1.0/{Site}/…). Default false.</summary>
    public bool Sparkplug { get; set; }

    /// <summary>MQTT client ids whose commands (ack, mute, request state) are accepted; empty = commands are refused.</summary>
    public List<string> AllowedCommandClients { get; set; } = new();
}
