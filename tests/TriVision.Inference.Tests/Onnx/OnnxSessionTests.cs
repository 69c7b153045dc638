using System.Security.Cryptography;
using TriVision.Inference.Onnx;

namespace TriVision.Inference.Tests.Onnx;

/// <summary>Opening real fixture models: tensors, metadata, hash, and known outputs through the binding.</summary>
[Collection(OrtCollection.Name)]
public sealed class OnnxSessionTests
{
    private static readonly SessionConfig Cpu = new() { IntraOpThreads = 1 };

    [Fact]
    public void Describes_inputs_outputs_and_metadata()
    {
        using var session = OnnxSession.Open(Fixtures.Model("yolov8_known.onnx"), Cpu);
        var input = Assert.Single(session.Inputs);
        Assert.Equal("images", input.Name);
        Assert.Equal(TensorElementType.Float, input.ElementType);
        Assert.Equal(new long[] { 1, 3, 64, 64 }, input.Shape);
        var output = Assert.Single(session.Outputs);
        Assert.Equal("output0", output.Name);
        Assert.Equal(new long[] { 1, 8, 8 }, output.Shape);

        Assert.Equal("trivision-fixtures", session.Metadata.ProducerName);
        Assert.Equal("yolov8_known", session.Metadata.GraphName);
        Assert.Equal("{0: 'gas_cylinder', 1: 'battery', 2: 'power_bank', 3: 'aerosol_can'}", session.Metadata.Custom["names"]);
        Assert.Equal("[64, 64]", session.Metadata.Custom["imgsz"]);
        Assert.Equal("32", session.Metadata.Custom["stride"]);
        Assert.Equal(ExecutionProvider.Cpu, session.ActiveProvider);
        Assert.Equal(HealthStatus.Healthy, session.Health.Status);
    }

    [Fact]
    public void Model_without_metadata_has_an_empty_custom_map()
    {
        using var session = OnnxSession.Open(Fixtures.Model("yolov8_known_nometa.onnx"), Cpu);
        Assert.Empty(session.Metadata.Custom);
    }

    [Fact]
    public void Model_hash_is_the_short_sha256_of_the_file()
    {
        string path = Fixtures.Model("yolov5_known.onnx");
        using var session = OnnxSession.Open(path, Cpu);
        string expected = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..16];
        Assert.Equal(expected, session.ModelHash);
        Assert.Equal(Path.GetFullPath(path), session.Model);
    }

    [Theory]
    [InlineData("yolov8_known.onnx")]
    [InlineData("yolov8_known_nometa.onnx")]
    [InlineData("yolov5_known.onnx")]
    [InlineData("e2e_known.onnx")]
    public void Known_input_gives_the_expected_raw_output(string model)
    {
        var (shape, expected, dep) = Fixtures.Expected(model);
        using var session = OnnxSession.Open(Fixtures.Model(model), Cpu);
        using var runner = session.CreateRunner();
        Assert.Equal(shape, runner.OutputShape(0).ToArray());

        runner.Input.Fill(0.5f);
        runner.Run();
        AssertClose(expected, runner.Output(0));

        // The one input-dependent value follows the input: proves data goes through the binding.
        int flat = Fixtures.Flat(shape, dep);
        runner.Input.Fill(0.25f);
        runner.Run();
        Assert.Equal(0.25f, runner.Output(0)[flat], 5);
        Assert.Equal(expected[flat - 1], runner.Output(0)[flat - 1], 5);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Spinning_setting_is_accepted_and_leaves_the_output_unchanged(bool spin)
    {
        // AddSessionConfigEntry is called by table index: a wrong index would call another function and fail or crash here.
        var (shape, expected, _) = Fixtures.Expected("yolov8_known.onnx");
        using var session = OnnxSession.Open(Fixtures.Model("yolov8_known.onnx"), Cpu with { IntraOpThreads = 2, AllowSpinning = spin });
        using var runner = session.CreateRunner();
        Assert.Equal(shape, runner.OutputShape(0).ToArray());
        runner.Input.Fill(0.5f);
        runner.Run();
        AssertClose(expected, runner.Output(0));
    }

    [Fact]
    public void Mean_of_a_non_uniform_input_reaches_the_output()
    {
        var (shape, _, dep) = Fixtures.Expected("e2e_known.onnx");
        using var session = OnnxSession.Open(Fixtures.Model("e2e_known.onnx"), Cpu);
        using var runner = session.CreateRunner();
        var input = runner.Input;
        for (int i = 0; i < input.Length; i++) input[i] = (i % 4) * 0.25f; // mean 0.375
        runner.Run();
        Assert.Equal(0.375f, runner.Output(0)[Fixtures.Flat(shape, dep)], 5);
    }

    [Fact]
    public void Opens_from_bytes_with_the_same_results()
    {
        string path = Fixtures.Model("yolov8_known.onnx");
        var (_, expected, _) = Fixtures.Expected("yolov8_known.onnx");
        using var session = OnnxSession.Open(File.ReadAllBytes(path).AsMemory(), Cpu);
        Assert.Equal("memory:" + session.ModelHash, session.Model);
        Assert.Equal("32", session.Metadata.Custom["stride"]);
        using var runner = session.CreateRunner();
        runner.Input.Fill(0.5f);
        runner.Run();
        AssertClose(expected, runner.Output(0));
    }

    [Fact]
    public void Two_runners_on_one_session_have_separate_buffers()
    {
        var (shape, _, dep) = Fixtures.Expected("yolov8_known.onnx");
        int flat = Fixtures.Flat(shape, dep);
        using var session = OnnxSession.Open(Fixtures.Model("yolov8_known.onnx"), Cpu);
        using var a = session.CreateRunner();
        using var b = session.CreateRunner();
        a.Input.Fill(0.1f);
        b.Input.Fill(0.9f);
        a.Run();
        b.Run();
        Assert.Equal(0.1f, a.Output(0)[flat], 4); // a float mean of 12288 values: not exact
        Assert.Equal(0.9f, b.Output(0)[flat], 4);
    }

    [Fact]
    public void Unknown_layout_opens_and_reports_its_shape()
    {
        // Whether [1,7,7,7] is a detection layout is the decoder's call; the session serves it as is.
        using var session = OnnxSession.Open(Fixtures.Model("unknown_layout.onnx"), Cpu);
        using var runner = session.CreateRunner();
        Assert.Equal(new long[] { 1, 7, 7, 7 }, runner.OutputShape(0).ToArray());
        runner.Input.Fill(2f);
        runner.Run();
        Assert.Equal(343, runner.Output(0).Length);
        Assert.Equal(2f, runner.Output(0)[342], 5);
    }

    [Fact]
    public void Dynamic_model_uses_configured_size_and_resolves_output_shape()
    {
        var config = Cpu with { InputHeight = 32, InputWidth = 48 };
        using var session = OnnxSession.Open(Fixtures.Model("dynamic.onnx"), config);
        Assert.Equal(new long[] { -1, 3, -1, -1 }, session.Inputs[0].Shape);
        Assert.Equal(new[] { "batch", "", "height", "width" }, session.Inputs[0].DimensionNames);
        Assert.Equal(new long[] { -1, 3 }, session.Outputs[0].Shape);
        using var runner = session.CreateRunner();
        Assert.Equal(new long[] { 1, 3, 32, 48 }, runner.InputShape.ToArray());
        Assert.Equal(new long[] { 1, 3 }, runner.OutputShape(0).ToArray());
        var input = runner.Input;
        int plane = 32 * 48;
        input[..plane].Fill(1f);
        input.Slice(plane, plane).Fill(2f);
        input.Slice(2 * plane, plane).Fill(3f);
        runner.Run();
        Assert.Equal(new[] { 1f, 2f, 3f }, runner.Output(0).ToArray());
    }

    [Fact]
    public void Writes_the_optimised_model_when_asked()
    {
        string target = Path.Combine(Path.GetTempPath(), $"trivision-opt-{Guid.NewGuid():N}.onnx");
        try
        {
            using var session = OnnxSession.Open(Fixtures.Model("yolov8_known.onnx"),
                Cpu with { OptimizedModelPath = target, Optimization = GraphOptimization.Basic, InterOpThreads = 1 });
            Assert.True(File.Exists(target));
            Assert.True(new FileInfo(target).Length > 0);
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public void Disposed_runner_refuses_to_run()
    {
        using var session = OnnxSession.Open(Fixtures.Model("yolov8_known.onnx"), Cpu);
        var runner = session.CreateRunner();
        runner.Dispose();
        Assert.Throws<ObjectDisposedException>(runner.Run);
    }

    [Fact]
    public void Runner_outlives_a_disposed_session_safely()
    {
        // The binding holds the native session, so disposing the session first cannot free it under the runner.
        var session = OnnxSession.Open(Fixtures.Model("yolov8_known.onnx"), Cpu);
        using var runner = session.CreateRunner();
        session.Dispose();
        runner.Input.Fill(0.5f);
        runner.Run();
        Assert.Equal(0.9f, runner.Output(0)[4 * 8 + 0], 5); // class-0 score of box 0
    }

    private static void AssertClose(float[] expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5f, $"index {i}: expected {expected[i]}, got {actual[i]}");
    }
}
