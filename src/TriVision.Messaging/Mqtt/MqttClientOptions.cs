namespace TriVision.Messaging.Mqtt;

/// <summary>Connection settings for one <see cref="MqttClient"/>. Defaults suit a broker on the same plant network.</summary>
public sealed class MqttClientOptions
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker port; 1883 plain, 8883 is the usual TLS port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Client id. Stable ids matter: the broker keeps sessions and ACLs per id.</summary>
    public string ClientId { get; set; } = "trivision";

    /// <summary>False keeps the broker-side session (queued QoS 1 messages) across reconnects; subscribers that must not miss alarms use false.</summary>
    public bool CleanSession { get; set; } = true;

    public MqttProtocol Protocol { get; set; } = MqttProtocol.V5;

    /// <summary>
    /// MQTT 5 only: how long the broker keeps the session after a disconnect, in seconds. With MQTT 5 a
    /// non-clean session is useless without it (0 ends the session on disconnect). Ignored on 3.1.1,
    /// where <see cref="CleanSession"/> = false alone keeps the session.
    /// </summary>
    public uint SessionExpirySeconds { get; set; }

    /// <summary>Seconds between PINGREQs; the broker fires the will after 1.5 × this without traffic.</summary>
    public int KeepAliveSeconds { get; set; } = 15;

    public string? Username { get; set; }
    public string? Password { get; set; }
    public MqttTlsOptions? Tls { get; set; }
    public MqttWill? Will { get; set; }

    /// <summary>First reconnect delay; doubles up to <see cref="ReconnectDelayMax"/> so a dead broker is not hammered.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>QoS 1/2 messages in flight at once (MQTT 5 receive-maximum on the broker side caps it further).</summary>
    public int MaxInflight { get; set; } = 32;

    /// <summary>MQTT 5 user properties sent with every publish (ignored on 3.1.1).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UserProperties { get; set; } = [];

    /// <summary>Checks values and throws <see cref="ArgumentException"/> naming the key, value and allowed range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("Mqtt:Host is empty; set the broker host name or address.");
        if (Port is < 1 or > 65535) throw new ArgumentException($"Mqtt:Port is {Port}; allowed 1..65535.");
        if (string.IsNullOrWhiteSpace(ClientId) || ClientId.Length > 65535) throw new ArgumentException("Mqtt:ClientId must be a non-empty string.");
        if (KeepAliveSeconds is < 5 or > 65535) throw new ArgumentException($"Mqtt:KeepAliveSeconds is {KeepAliveSeconds}; allowed 5..65535 (libmosquitto's minimum is 5).");
        if (MaxInflight is < 1 or > 65535) throw new ArgumentException($"Mqtt:MaxInflight is {MaxInflight}; allowed 1..65535.");
        if (ReconnectDelay <= TimeSpan.Zero || ReconnectDelayMax < ReconnectDelay)
            throw new ArgumentException($"Mqtt:ReconnectDelay ({ReconnectDelay}) must be positive and not above Mqtt:ReconnectDelayMax ({ReconnectDelayMax}).");
        if (Tls is { } tls)
        {
            if (!File.Exists(tls.CaFile)) throw new ArgumentException($"Mqtt:Tls:CaFile '{tls.CaFile}' does not exist.");
            if ((tls.CertFile is null) != (tls.KeyFile is null)) throw new ArgumentException("Mqtt:Tls:CertFile and Mqtt:Tls:KeyFile must be given together.");
            if (tls.CertFile is not null && !File.Exists(tls.CertFile)) throw new ArgumentException($"Mqtt:Tls:CertFile '{tls.CertFile}' does not exist.");
            if (tls.KeyFile is not null && !File.Exists(tls.KeyFile)) throw new ArgumentException($"Mqtt:Tls:KeyFile '{tls.KeyFile}' does not exist.");
        }
    }
}
