using System.Text.Json.Nodes;

namespace TriVision.Service.Tests.Pipeline;

/// <summary>Writes service configurations for the tests: a small simulated camera, the bench model, a temp data folder.</summary>
public static class ServiceConfigFiles
{
    public static string RepoRoot { get; } = FindRoot();

    public static string BenchModel => Path.Combine(RepoRoot, "tests", "fixtures", "models", "bench_640.onnx");

    /// <summary>A valid configuration; <paramref name="edit"/> may break it on purpose.</summary>
    public static JsonObject Valid(string dataFolder, int mqttPort) => new()
    {
        ["Site"] = "test-site",
        ["Line"] = "line9",
        ["Model"] = new JsonObject { ["Path"] = BenchModel, ["Provider"] = "cpu" },
        ["Cameras"] = new JsonArray
        {
            new JsonObject
            {
                ["Name"] = "cam1",
                ["Source"] = "simulator?seed=11&width=320&height=180&fps=10&feed=4&hazard=0.3",
                ["Belt"] = new JsonObject
                {
                    ["Polygon"] = new JsonArray
                    {
                        Point(0, 0), Point(320, 0), Point(320, 180), Point(0, 180),
                    },
                    ["Direction"] = Point(1, 0),
                    ["PixelsPerMetre"] = 163.6,
                    ["DownstreamPoints"] = new JsonArray { new JsonObject { ["Name"] = "stop_point", ["DistanceMetres"] = 5 } },
                },
            },
        },
        ["Mqtt"] = new JsonObject
        {
            ["Port"] = mqttPort,
            ["HeartbeatPeriod"] = "00:00:00.500",
            ["BeltStateMinInterval"] = "00:00:00.500",
            ["AllowedCommandClients"] = new JsonArray { "plc-gw-1" },
        },
        ["Storage"] = new JsonObject { ["DataFolder"] = dataFolder },
        ["Http"] = new JsonObject { ["Port"] = 0 },
    };

    public static string Write(string folder, JsonObject config)
    {
        string path = Path.Combine(folder, "service.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    private static JsonObject Point(double x, double y) => new() { ["X"] = x, ["Y"] = y };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TriVision.sln"))) return dir.FullName;
        throw new InvalidOperationException("TriVision.sln not found above " + AppContext.BaseDirectory);
    }
}
