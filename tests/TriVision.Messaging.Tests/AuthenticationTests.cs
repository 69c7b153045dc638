using TriVision.Testing;
using System.Diagnostics;
using TriVision.Messaging.Mqtt;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData(MqttProtocol.V5)]
    [InlineData(MqttProtocol.V311)]
    public async Task Right_password_connects_wrong_one_is_refused_with_the_brokers_reason(MqttProtocol protocol)
    {
        using var tmp = new TempDir();
        string passwords = tmp.File("passwd");
        using (var p = Process.Start(new ProcessStartInfo("mosquitto_passwd", ["-c", "-b", passwords, "trivision", "s3cret"]) { UseShellExecute = false })!)
            p.WaitForExit();
        File.SetUnixFileMode(passwords, (UnixFileMode)0x1A4);
        using var broker = new MosquittoBroker($"allow_anonymous false\npassword_file {passwords}");

        using (var good = new MqttClient(new MqttClientOptions { Port = broker.Port, ClientId = "auth-good", Protocol = protocol, Username = "trivision", Password = "s3cret" }))
        {
            good.Start();
            await good.WaitConnectedAsync(TimeSpan.FromSeconds(15));
        }

        using var bad = new MqttClient(new MqttClientOptions { Port = broker.Port, ClientId = "auth-bad", Protocol = protocol, Username = "trivision", Password = "guess" });
        bad.Start();
        var error = await Assert.ThrowsAsync<MqttException>(() => bad.WaitConnectedAsync(TimeSpan.FromSeconds(4)));
        Assert.Contains("refused", error.Message);
        Assert.Matches("(?i)(not authori[sz]ed|bad user name or password)", error.Message);
    }
}
