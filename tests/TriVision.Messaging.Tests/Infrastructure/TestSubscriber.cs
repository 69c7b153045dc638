using System.Text;
using TriVision.Messaging.Mqtt;

namespace TriVision.Messaging.Tests.Infrastructure;

/// <summary>
/// A subscriber built on the same binding, collecting every message; persistent session by default.
/// MQTT 3.1.1 by default; with MQTT 5 a persistent session also gets a session-expiry interval.
/// </summary>
public sealed class TestSubscriber : IDisposable
{
    private readonly List<MqttReceivedMessage> _messages = [];

    public TestSubscriber(int port, string clientId, IEnumerable<string> filters, bool cleanSession = false, MqttProtocol protocol = MqttProtocol.V311)
    {
        Client = new MqttClient(new MqttClientOptions
        {
            Port = port,
            ClientId = clientId,
            CleanSession = cleanSession,
            Protocol = protocol,
            SessionExpirySeconds = cleanSession ? 0u : 3600u,
            KeepAliveSeconds = 5,
            ReconnectDelayMax = TimeSpan.FromSeconds(2),
        });
        Client.MessageReceived += m => { lock (_messages) _messages.Add(m); };
        foreach (var f in filters) Client.Subscribe(f, 1);
        Client.Start();
        Client.WaitConnectedAsync(TimeSpan.FromSeconds(15)).GetAwaiter().GetResult();
        // Let the SUBACK arrive before the test starts publishing.
        Thread.Sleep(200);
    }

    public MqttClient Client { get; }

    public List<MqttReceivedMessage> Snapshot()
    {
        lock (_messages) return [.. _messages];
    }

    public List<string> Texts(string topic)
    {
        var list = new List<string>();
        foreach (var m in Snapshot())
            if (m.Topic == topic) list.Add(Encoding.UTF8.GetString(m.Payload));
        return list;
    }

    /// <summary>Polls until the condition holds; false after the timeout (the test then fails with its own message).</summary>
    public static async Task<bool> WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(50);
        }
        return condition();
    }

    public void Dispose() => Client.Dispose();
}
