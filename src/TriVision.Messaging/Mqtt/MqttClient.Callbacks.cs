using System.Runtime.InteropServices;
using TriVision.Messaging.Logging;
using TriVision.Messaging.Mqtt.Native;

namespace TriVision.Messaging.Mqtt;

// Native callbacks. libmosquitto calls these on its network thread with our GCHandle as userdata.
// Nothing may throw across the native boundary, so each one catches, logs, and returns.
public sealed unsafe partial class MqttClient
{
    private const int LogError = 0x08;
    private const int LogWarning = 0x04;

    private static MqttClient? FromUserdata(nint userdata)
    {
        if (userdata == 0) return null;
        return GCHandle.FromIntPtr(userdata).Target as MqttClient;
    }

    [UnmanagedCallersOnly]
    private static void OnConnectNative(nint mosq, nint userdata, int rc, int flags, nint props)
    {
        var client = FromUserdata(userdata);
        if (client is null) return;
        try { client.HandleConnect(rc); }
        catch (Exception ex) { MessagingLog.CallbackFailed(client._logger, ex, "on_connect"); }
    }

    [UnmanagedCallersOnly]
    private static void OnDisconnectNative(nint mosq, nint userdata, int rc, nint props)
    {
        var client = FromUserdata(userdata);
        if (client is null) return;
        try { client.HandleDisconnect(rc); }
        catch (Exception ex) { MessagingLog.CallbackFailed(client._logger, ex, "on_disconnect"); }
    }

    [UnmanagedCallersOnly]
    private static void OnPublishNative(nint mosq, nint userdata, int mid, int reasonCode, nint props)
    {
        var client = FromUserdata(userdata);
        if (client is null) return;
        try { client.PublishAcknowledged?.Invoke(mid, reasonCode); }
        catch (Exception ex) { MessagingLog.CallbackFailed(client._logger, ex, "on_publish"); }
    }

    [UnmanagedCallersOnly]
    private static void OnMessageNative(nint mosq, nint userdata, MosquittoNative.MosquittoMessage* message, nint props)
    {
        var client = FromUserdata(userdata);
        if (client is null || message is null) return;
        try { client.HandleMessage(message, props); }
        catch (Exception ex) { MessagingLog.CallbackFailed(client._logger, ex, "on_message"); }
    }

    [UnmanagedCallersOnly]
    private static void OnLogNative(nint mosq, nint userdata, int level, byte* text)
    {
        var client = FromUserdata(userdata);
        if (client is null) return;
        try
        {
            string line = MosquittoNative.Text(text);
            if ((level & (LogError | LogWarning)) != 0) client._lastLibraryError = line;
            MessagingLog.Library(client._logger, line);
        }
        catch (Exception ex) { MessagingLog.CallbackFailed(client._logger, ex, "on_log"); }
    }

    private void HandleConnect(int rc)
    {
        if (rc != 0)
        {
            string reason = _options.Protocol == MqttProtocol.V5
                ? MosquittoNative.Text(MosquittoNative.mosquitto_reason_string(rc))
                : MosquittoNative.Text(MosquittoNative.mosquitto_connack_string(rc));
            _lastError = $"broker refused the connection: {reason} (code {rc})";
            _refused = true;
            MessagingLog.ConnectRefused(_logger, _options.Host, _options.Port, reason);
            return;
        }
        _lastError = null;
        _lastLibraryError = null;
        _refused = false;
        _isConnected = true;
        MessagingLog.Connected(_logger, _options.Host, _options.Port, _options.ClientId);
        (string, int)[] subscriptions;
        lock (_subscriptionsGate) subscriptions = _subscriptions.ToArray();
        foreach (var (filter, qos) in subscriptions) SubscribeNative(filter, qos);
        Connected?.Invoke();
        Volatile.Read(ref _connected).TrySetResult();
    }

    private void HandleDisconnect(int rc)
    {
        bool wasConnected = _isConnected;
        _isConnected = false;
        if (Volatile.Read(ref _connected).Task.IsCompleted)
            Volatile.Write(ref _connected, NewConnectedSource());
        string reason = rc == 0 ? "client requested disconnect" : MosquittoNative.ErrorText(rc);
        if (rc != 0)
        {
            // The broker closes the socket after a refusing CONNACK: the refusal is the useful reason.
            if (!_refused) _lastError = $"connection lost: {reason}{(wasConnected ? "" : TlsHint(rc))}";
            if (wasConnected)
            {
                MessagingLog.ConnectionLost(_logger, _options.Host, _options.Port, reason);
                MessagingMetrics.ConnectionsLost.Add(1);
            }
        }
        Disconnected?.Invoke(reason);
    }

    private void HandleMessage(MosquittoNative.MosquittoMessage* message, nint props)
    {
        // Copy everything now: libmosquitto frees the message when this callback returns.
        string topic = MosquittoNative.Text(message->Topic);
        var payload = new ReadOnlySpan<byte>(message->Payload, Math.Max(0, message->PayloadLength)).ToArray();
        var userProperties = ReadUserProperties(props);
        MessageReceived?.Invoke(new MqttReceivedMessage(topic, payload, message->Qos, message->Retain != 0, userProperties));
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ReadUserProperties(nint props)
    {
        if (props == 0) return [];
        var list = new List<KeyValuePair<string, string>>();
        byte* name = null, value = null;
        nint current = MosquittoNative.mosquitto_property_read_string_pair(props, MosquittoNative.PropUserProperty, &name, &value, false);
        while (current != 0)
        {
            list.Add(new(MosquittoNative.Text(name), MosquittoNative.Text(value)));
            // The library allocates both strings with malloc and hands them to us.
            NativeMemory.Free(name);
            NativeMemory.Free(value);
            name = null;
            value = null;
            current = MosquittoNative.mosquitto_property_read_string_pair(current, MosquittoNative.PropUserProperty, &name, &value, true);
        }
        return list;
    }
}
