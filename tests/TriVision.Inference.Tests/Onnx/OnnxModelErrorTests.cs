using TriVision.Inference.Onnx;

namespace TriVision.Inference.Tests.Onnx;

/// <summary>Bad models are reported with the file's path and what is wrong, never a crash.</summary>
[Collection(OrtCollection.Name)]
public sealed class OnnxModelErrorTests
{
    private static readonly SessionConfig Cpu = new() { IntraOpThreads = 1 };

    [Fact]
    public void Missing_file_names_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N") + ".onnx");
        var ex = Assert.Throws<OnnxModelException>(() => OnnxSession.Open(path, Cpu));
        Assert.Equal(path, ex.Model);
        Assert.StartsWith(path + ": ", ex.Message);
        Assert.Contains("not found", ex.Message);
    }

    [Fact]
    public void Folder_instead_of_file_is_reported()
    {
        var ex = Assert.Throws<OnnxModelException>(() => OnnxSession.Open(Path.GetTempPath(), Cpu));
        Assert.Contains("is a folder", ex.Message);
    }

    [Fact]
    public void Truncated_model_includes_ort_message()
    {
        string path = Fixtures.Model("corrupt.onnx");
        var ex = Assert.Throws<OnnxModelException>(() => OnnxSession.Open(path, Cpu));
        Assert.StartsWith(path + ": ", ex.Message);
        Assert.Contains("ORT CreateSession failed (", ex.Message);
        var inner = Assert.IsType<OnnxRuntimeException>(ex.InnerException);
        Assert.NotEmpty(inner.OrtMessage);
    }

    [Fact]
    public void Truncated_model_from_bytes_includes_ort_message()
    {
        byte[] bytes = File.ReadAllBytes(Fixtures.Model("corrupt.onnx"));
        var ex = Assert.Throws<OnnxModelException>(() => OnnxSession.Open(bytes.AsMemory(), Cpu));
        Assert.StartsWith("memory:", ex.Message);
        Assert.Contains("ORT CreateSessionFromArray failed (", ex.Message);
    }

    [Fact]
    public void Input_that_is_not_an_image_is_rejected()
    {
        string path = Fixtures.Model("not_image.onnx");
        var ex = Assert.Throws<OnnxModelException>(() => OnnxSession.Open(path, Cpu));
        Assert.StartsWith(path + ": ", ex.Message);
        Assert.Contains("input 'x' is Float [1,10], not an image tensor", ex.Message);
        Assert.Contains("[1,3,H,W]", ex.Message);
    }

    [Fact]
    public void Non_float_output_is_rejected()
    {
        var ex = Assert.Throws<OnnxModelException>(() => OnnxSession.Open(Fixtures.Model("int_output.onnx"), Cpu));
        Assert.Contains("output 'output0' is Int64", ex.Message);
    }

    [Fact]
    public void Dynamic_size_without_configuration_is_reported_at_runner_creation()
    {
        using var session = OnnxSession.Open(Fixtures.Model("dynamic.onnx"), Cpu);
        var ex = Assert.Throws<OnnxModelException>(() => session.CreateRunner());
        Assert.Contains("dynamic height ('height')", ex.Message);
        Assert.Contains("SessionConfig.InputHeight", ex.Message);
    }

    [Fact]
    public void Invalid_configuration_names_the_option()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            OnnxSession.Open(Fixtures.Model("yolov8_known.onnx"), Cpu with { IntraOpThreads = -2 }));
        Assert.Contains("IntraOpThreads = -2", ex.Message);
        ex = Assert.Throws<ArgumentException>(() =>
            OnnxSession.Open(Fixtures.Model("yolov8_known.onnx"), Cpu with { Provider = (ExecutionProvider)17 }));
        Assert.Contains("cpu, cuda, tensorrt, auto", ex.Message);
    }
}
