using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriVision.Messaging.Logging;
using TriVision.Messaging.Mqtt.Native;

namespace TriVision.Messaging.Mqtt;

/// <summary>
/// One MQTT connection through libmosquitto, with its own network thread (<c>mosquitto_loop_start</c>)
/// that connects, reconnects with exponential backoff, and raises the events below.
/// Events run on that network thread: handlers must be short and must not block on this client.
/// </summary>
public sealed unsafe partial class MqttClient : IDisposable
{
    private static readonly object InitGate = new();
    private static bool _libraryInitialised;

    private readonly MqttClientOptions _options;
    private readonly ILogger _logger;
    private readonly MosquittoHandle _handle;
    private readonly GCHandle _self;
    private readonly object _subscriptionsGate = new();
    private readonly List<(string Filter, int Qos)> _subscriptions = [];
    private nint _publishProperties;
    private TaskCompletionSource _connected = NewConnectedSource();
    private volatile bool _isConnected;
    private volatile string? _lastError;
    private volatile string? _lastLibraryError;
    private volatile bool _refused;
    private bool _started;
    private bool _disposed;

    public MqttClient(MqttClientOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        EnsureLibraryInitialised();

        _self = GCHandle.Alloc(this, GCHandleType.Normal);
        _handle = MosquittoNative.mosquitto_new(options.ClientId, options.CleanSession, GCHandle.ToIntPtr(_self));
        if (_handle.IsInvalid)
        {
            _self.Free();
            throw new MqttException($"mosquitto_new failed for client id '{options.ClientId}' (out of memory or invalid id).") { Call = "mosquitto_new" };
        }
        try { Configure(); }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Raised on the network thread after each successful CONNACK.</summary>
    public event Action? Connected;

    /// <summary>Raised on the network thread when the connection drops; the argument is libmosquitto's reason.</summary>
    public event Action<string>? Disconnected;

    /// <summary>Raised on the network thread when a QoS 1 publish is acknowledged (PUBACK): message id and MQTT 5 reason code.</summary>
    public event Action<int, int>? PublishAcknowledged;

    /// <summary>Raised on the network thread for each message on a subscribed topic; the message is already copied.</summary>
    public event Action<MqttReceivedMessage>? MessageReceived;

    public MqttClientOptions Options => _options;

    public bool IsConnected => _isConnected;

    /// <summary>The last refusal or library error seen (TLS alerts, CONNACK reasons), for clear error messages.</summary>
    public string? LastError
    {
        get
        {
            string? error = _lastError, library = _lastLibraryError;
            if (library is null) return error;
            if (error is null) return library;
            return error.Contains(library, StringComparison.Ordinal) ? error : $"{error} (libmosquitto: {library})";
        }
    }

    /// <summary>Starts the network thread and the first connection attempt. A broker that is down is not an error: the thread keeps retrying.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started) return;
        _started = true;
        int rc;
        if (_options.Protocol == MqttProtocol.V5 && _options.SessionExpirySeconds > 0)
        {
            nint props = 0;
            Check(MosquittoNative.mosquitto_property_add_int32(&props, MosquittoNative.PropSessionExpiryInterval, _options.SessionExpirySeconds), "mosquitto_property_add_int32");
            try { rc = MosquittoNative.mosquitto_connect_bind_v5(_handle, _options.Host, _options.Port, _options.KeepAliveSeconds, null, props); }
            finally { MosquittoNative.mosquitto_property_free_all(&props); }
        }
        else
        {
            rc = MosquittoNative.mosquitto_connect_async(_handle, _options.Host, _options.Port, _options.KeepAliveSeconds);
        }
        if (rc != MosquittoNative.ErrSuccess)
        {
            // Connection refused / unreachable at start: the loop's reconnect takes over.
            _lastError = $"first connection attempt failed: {MosquittoNative.ErrorText(rc)}{TlsHint(rc)}";
            MessagingLog.ConnectionLost(_logger, _options.Host, _options.Port, _lastError);
        }
        Check(MosquittoNative.mosquitto_loop_start(_handle), "mosquitto_loop_start");
    }

    /// <summary>
    /// With TLS on, a broker that rejects the client certificate closes the socket mid-handshake;
    /// libmosquitto then reports a TLS, protocol, connection-lost or system error (errno EPROTO) depending
    /// on timing, so the message says what the likely cause is.
    /// </summary>
    private string TlsHint(int rc) =>
        _options.Tls is null ? ""
        : rc is MosquittoNative.ErrTls or MosquittoNative.ErrProtocol or MosquittoNative.ErrConnLost ? $" (TLS handshake failed: {TlsCause})"
        : rc == MosquittoNative.ErrErrno ? $" (TLS is on: if the broker is reachable, the TLS handshake failed: {TlsCause})"
        : "";

    private const string TlsCause = "the broker may have refused this client certificate, or the CA file does not match the broker's certificate";

    /// <summary>
    /// Queues a publish. Returns the libmosquitto status as a value (a broker being down is expected,
    /// not exceptional); <paramref name="mid"/> identifies the PUBACK that will follow for QoS 1.
    /// </summary>
    public int TryPublish(string topic, ReadOnlySpan<byte> payload, int qos, bool retain, out int mid)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int m = 0;
        int rc;
        fixed (byte* p = payload)
            rc = MosquittoNative.mosquitto_publish_v5(_handle, &m, topic, payload.Length, p, qos, retain, _publishProperties);
        mid = m;
        return rc;
    }

    /// <summary>Publishes or throws <see cref="MqttException"/>; for fire-and-forget state such as heartbeats.</summary>
    public int Publish(string topic, ReadOnlySpan<byte> payload, int qos, bool retain)
    {
        int rc = TryPublish(topic, payload, qos, retain, out int mid);
        Check(rc, "mosquitto_publish_v5");
        return mid;
    }

    /// <summary>Subscribes now (if connected) and again after every reconnect.</summary>
    public void Subscribe(string filter, int qos)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_subscriptionsGate) _subscriptions.Add((filter, qos));
        if (_isConnected) SubscribeNative(filter, qos);
    }

    /// <summary>Replaces the will; it takes effect at the next connection (Sparkplug increments bdSeq this way).</summary>
    public void SetWill(MqttWill will)
    {
        fixed (byte* p = will.Payload)
            Check(MosquittoNative.mosquitto_will_set(_handle, will.Topic, will.Payload.Length, p, will.Qos, will.Retain), "mosquitto_will_set");
    }

    /// <summary>Sends DISCONNECT (so the broker does not publish the will) and stops the network thread.</summary>
    public void Disconnect()
    {
        if (_disposed || !_started) return;
        int rc = MosquittoNative.mosquitto_disconnect(_handle);
        if (rc != MosquittoNative.ErrSuccess && rc != MosquittoNative.ErrNoConn)
            MessagingLog.Library(_logger, $"mosquitto_disconnect: {MosquittoNative.ErrorText(rc)}");
        // force=false: the loop exits after the DISCONNECT has gone out. A loop stuck in a reconnect
        // back-off sleep needs force=true to return promptly.
        MosquittoNative.mosquitto_loop_stop(_handle, rc != MosquittoNative.ErrSuccess);
        _started = false;
        _isConnected = false;
    }

    public void Dispose()
    {
        if (_disposed) return;
        Disconnect();
        _disposed = true;
        _handle.Dispose();
        if (_publishProperties != 0)
        {
            nint props = _publishProperties;
            MosquittoNative.mosquitto_property_free_all(&props);
            _publishProperties = 0;
        }
        if (_self.IsAllocated) _self.Free();
    }

    private void Configure()
    {
        Check(MosquittoNative.mosquitto_int_option(_handle, MosquittoNative.OptProtocolVersion,
            _options.Protocol == MqttProtocol.V5 ? MosquittoNative.ProtocolV5 : MosquittoNative.ProtocolV311), "mosquitto_int_option(MOSQ_OPT_PROTOCOL_VERSION)");
        Check(MosquittoNative.mosquitto_int_option(_handle, MosquittoNative.OptSendMaximum, _options.MaxInflight), "mosquitto_int_option(MOSQ_OPT_SEND_MAXIMUM)");
        // Alarms are small and latency matters more than packet count.
        Check(MosquittoNative.mosquitto_int_option(_handle, MosquittoNative.OptTcpNoDelay, 1), "mosquitto_int_option(MOSQ_OPT_TCP_NODELAY)");
        if (_options.Username is not null)
            Check(MosquittoNative.mosquitto_username_pw_set(_handle, _options.Username, _options.Password), "mosquitto_username_pw_set");
        if (_options.Tls is { } tls)
            Check(MosquittoNative.mosquitto_tls_set(_handle, tls.CaFile, null, tls.CertFile, tls.KeyFile, 0), "mosquitto_tls_set");
        if (_options.Will is { } will) SetWill(will);
        Check(MosquittoNative.mosquitto_reconnect_delay_set(_handle,
            (uint)Math.Max(1, _options.ReconnectDelay.TotalSeconds), (uint)Math.Max(1, _options.ReconnectDelayMax.TotalSeconds), true), "mosquitto_reconnect_delay_set");
        if (_options.Protocol == MqttProtocol.V5)
        {
            nint props = 0;
            foreach (var pair in _options.UserProperties)
                Check(MosquittoNative.mosquitto_property_add_string_pair(&props, MosquittoNative.PropUserProperty, pair.Key, pair.Value), "mosquitto_property_add_string_pair");
            _publishProperties = props;
        }
        MosquittoNative.mosquitto_connect_v5_callback_set(_handle, &OnConnectNative);
        MosquittoNative.mosquitto_disconnect_v5_callback_set(_handle, &OnDisconnectNative);
        MosquittoNative.mosquitto_publish_v5_callback_set(_handle, &OnPublishNative);
        MosquittoNative.mosquitto_message_v5_callback_set(_handle, &OnMessageNative);
        MosquittoNative.mosquitto_log_callback_set(_handle, &OnLogNative);
    }

    private void SubscribeNative(string filter, int qos)
    {
        int mid;
        int rc = MosquittoNative.mosquitto_subscribe(_handle, &mid, filter, qos);
        if (rc != MosquittoNative.ErrSuccess && rc != MosquittoNative.ErrNoConn)
            Check(rc, $"mosquitto_subscribe({filter})");
    }

    private static void EnsureLibraryInitialised()
    {
        lock (InitGate)
        {
            if (_libraryInitialised) return;
            Check(MosquittoNative.mosquitto_lib_init(), "mosquitto_lib_init");
            _libraryInitialised = true;
        }
    }

    private static TaskCompletionSource NewConnectedSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal static void Check(int rc, string call)
    {
        if (rc == MosquittoNative.ErrSuccess) return;
        throw new MqttException($"{call} failed: {MosquittoNative.ErrorText(rc)} (mosq_err_t {rc})") { Call = call, Code = rc };
    }
}
