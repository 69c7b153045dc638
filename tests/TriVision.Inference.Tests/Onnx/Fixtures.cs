using System.Text.Json;

namespace TriVision.Inference.Tests.Onnx;

/// <summary>Paths of the committed fixture models (tests/fixtures/models) and their expected outputs.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures", "models");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/fixtures/models not found above " + AppContext.BaseDirectory);
    });

    public static string Model(string name) => Path.Combine(Folder.Value, name);

    /// <summary>expected.json's raw output for <paramref name="model"/> when every input value is 0.5.</summary>
    public static (long[] Shape, float[] Data, int[] DependentIndex) Expected(string model)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Model("expected.json")));
        var entry = doc.RootElement.GetProperty(model);
        var output = entry.GetProperty("output");
        var shape = output.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var data = output.GetProperty("data").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        var dep = entry.GetProperty("input_dependent_index").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return (shape, data, dep);
    }

    /// <summary>Row-major flat index of <paramref name="index"/> in a tensor of <paramref name="shape"/>.</summary>
    public static int Flat(long[] shape, int[] index)
    {
        int flat = 0;
        for (int d = 0; d < shape.Length; d++) flat = flat * (int)shape[d] + index[d];
        return flat;
    }
}
