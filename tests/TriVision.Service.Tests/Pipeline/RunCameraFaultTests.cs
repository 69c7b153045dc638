using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TriVision.Service.Host;

namespace TriVision.Service.Tests.Pipeline;

/// <summary>A camera that stops delivering becomes a camera-fault alarm and an unhealthy /health.</summary>
public sealed class RunCameraFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trivision-fault-").FullName;

    [Fact]
    public async Task CameraThatGoesSilent_RaisesACameraFault_AndHealthTurnsUnhealthy()
    {
        var config = ServiceConfigFiles.Valid(Path.Combine(_dir, "data"), 1883);
        string images = Directory.CreateDirectory(Path.Combine(_dir, "images")).FullName;
        for (int i = 0; i < 3; i++) WritePpm(Path.Combine(images, $"frame-{i}.ppm"), 320, 180, (byte)(60 + 40 * i));
        var camera = config["Cameras"]![0]!.AsObject();
        camera["Source"] = "folder:" + images;                       // a few images, then the stream ends
        camera["Capture"] = new JsonObject { ["FrameRate"] = 10, ["Loop"] = false };
        config["Analytics"] = new JsonObject { ["Health"] = new JsonObject { ["CameraTimeoutMs"] = 1000 } };
        config["Mqtt"] = new JsonObject { ["Enabled"] = false };
        string file = ServiceConfigFiles.Write(_dir, config);

        var host = TriVisionHost.Create(file, new Dictionary<string, string?>(), new MovingHazardDetector.Factory());
        try
        {
            await host.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(host.Url!) };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            string last = "";
            while (DateTime.UtcNow < deadline)
            {
                var response = await http.GetAsync("/health");
                last = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    using var doc = JsonDocument.Parse(last);
                    Assert.Equal("unhealthy", doc.RootElement.GetProperty("status").GetString());
                    var reasons = doc.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
                    Assert.Contains(reasons, r => r.Contains("cam1") && r.Contains("no frame"));
                    Assert.True(host.Runtime.AlarmsRaised >= 1);
                    return;
                }
                await Task.Delay(200);
            }
            Assert.Fail($"/health never turned unhealthy after the camera went silent; last answer: {last}");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static void WritePpm(string path, int width, int height, byte grey)
    {
        using var f = File.Create(path);
        f.Write(System.Text.Encoding.ASCII.GetBytes($"P6\n{width} {height}\n255\n"));
        var pixels = new byte[width * height * 3];
        Array.Fill(pixels, grey);
        f.Write(pixels);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
