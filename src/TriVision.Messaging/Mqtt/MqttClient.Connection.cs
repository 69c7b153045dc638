namespace TriVision.Messaging.Mqtt;

// Kept out of the unsafe part of the class: C# does not allow await in an unsafe context.
public sealed partial class MqttClient
{
    /// <summary>Waits for the first (or next) successful connection, or throws naming the last reason it failed.</summary>
    public async Task WaitConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await Volatile.Read(ref _connected).Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new MqttException(
                $"Could not connect to MQTT broker {_options.Host}:{_options.Port} as '{_options.ClientId}' within {timeout.TotalSeconds:0.#} s: {LastError ?? "no answer from the broker"}");
        }
    }


    /// <summary>
    /// Publishes at QoS 1 and waits for its PUBACK, for the last words before a clean shutdown
    /// (availability <c>offline</c>, Sparkplug NDEATH). False when not connected or no PUBACK in time.
    /// </summary>
    public async Task<bool> PublishAndWaitAsync(string topic, byte[] payload, bool retain, TimeSpan timeout)
    {
        var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int expected = -1;
        var gate = new object();
        void OnAck(int mid, int reason)
        {
            lock (gate)
                if (mid == expected) acked.TrySetResult();
        }
        PublishAcknowledged += OnAck;
        try
        {
            lock (gate)
            {
                // Held across the publish so the PUBACK cannot be matched before the mid is known.
                if (TryPublish(topic, payload, 1, retain, out int mid) != 0) return false;
                expected = mid;
            }
            await acked.Task.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            PublishAcknowledged -= OnAck;
        }
    }
}
