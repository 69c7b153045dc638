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

}
