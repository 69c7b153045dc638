using TriVision.Testing;
using Xunit.Abstractions;
using TriVision.Messaging.Mqtt;
using TriVision.Messaging.Tests.Infrastructure;

namespace TriVision.Messaging.Tests;

public sealed class TlsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Right_client_certificate_connects_and_a_wrong_one_is_refused_with_a_clear_error()
    {
        using var tmp = new TempDir();
        var certs = new TestCertificates(tmp.Path);
        using var broker = new MosquittoBroker($"""
            cafile {certs.File("ca.crt")}
            certfile {certs.File("server.crt")}
            keyfile {certs.File("server.key")}
            require_certificate true
            """);

        using (var good = new MqttClient(new MqttClientOptions
        {
            Port = broker.Port,
            ClientId = "good-client",
            Tls = new MqttTlsOptions(certs.File("ca.crt"), certs.File("client.crt"), certs.File("client.key")),
        }))
        {
            good.Start();
            await good.WaitConnectedAsync(TimeSpan.FromSeconds(15));
            Assert.True(good.IsConnected);
        }

        using var rogue = new MqttClient(new MqttClientOptions
        {
            Port = broker.Port,
            ClientId = "rogue-client",
            Tls = new MqttTlsOptions(certs.File("ca.crt"), certs.File("rogue-client.crt"), certs.File("rogue-client.key")),
        });
        rogue.Start();
        var error = await Assert.ThrowsAsync<MqttException>(() => rogue.WaitConnectedAsync(TimeSpan.FromSeconds(4)));
        output.WriteLine(error.Message);
        Assert.False(rogue.IsConnected);
        Assert.Contains($"127.0.0.1:{broker.Port}", error.Message);
        // The reason must say it is a TLS/certificate problem, not just "timed out".
        Assert.Matches("(?i)(tls|ssl|certificate|alert)", error.Message.Replace("rogue-client", ""));
    }

    [Fact]
    public void Missing_certificate_file_is_named_in_the_error()
    {
        var options = new MqttClientOptions { Tls = new MqttTlsOptions("/nonexistent/ca.crt") };
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("/nonexistent/ca.crt", ex.Message);
    }
}
