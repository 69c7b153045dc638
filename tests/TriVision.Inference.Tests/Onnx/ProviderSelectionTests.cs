using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using TriVision.Inference.Onnx;

namespace TriVision.Inference.Tests.Onnx;

/// <summary>
/// Provider choice against the real library. This machine's ORT is the CPU build: it lists CUDA
/// and TensorRT but lacks their provider libraries, so they are genuinely unavailable: strict mode
/// must fail, lenient mode must fall back loudly.
/// </summary>
[Collection(OrtCollection.Name)]
public sealed class ProviderSelectionTests
{
    private static readonly string Model = Fixtures.Model("yolov8_known.onnx");

    public ProviderSelectionTests()
    {
        // These tests are about a library without GPU providers installed; on a GPU build they would test nothing.
        Assert.NotNull(OnnxSession.WhyNotInstalled(ExecutionProvider.Cuda, OnnxRuntimeInfo.AvailableProviders()));
        Assert.NotNull(OnnxSession.WhyNotInstalled(ExecutionProvider.TensorRt, OnnxRuntimeInfo.AvailableProviders()));
    }

    [Theory]
    [InlineData(ExecutionProvider.Cuda)]
    [InlineData(ExecutionProvider.TensorRt)]
    public void Strict_gpu_request_fails_at_open_naming_provider_offer_and_fix(ExecutionProvider provider)
    {
        var ex = Assert.Throws<ProviderUnavailableException>(() =>
            OnnxSession.Open(Model, new SessionConfig { Provider = provider, Strict = true, IntraOpThreads = 1 }));
        Assert.Equal(provider, ex.Requested);
        Assert.Contains($"Execution provider {provider} was requested (strict)", ex.Message);
        Assert.Contains("CPUExecutionProvider", ex.Message);
        Assert.Contains("scripts/setup.sh --gpu", ex.Message);
        Assert.Contains("CPUExecutionProvider", ex.Available);
    }

    [Theory]
    [InlineData(ExecutionProvider.Cuda, "cuda")]
    [InlineData(ExecutionProvider.TensorRt, "tensorrt")]
    public void Lenient_gpu_request_falls_back_with_warning_metric_and_degraded_health(ExecutionProvider provider, string tag)
    {
        var log = new CapturingLogger();
        long fallbacks = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OnnxMetrics.MeterName && instrument.Name == "trivision.inference.provider_fallbacks")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var t in tags)
                if (t.Key == "provider" && (string?)t.Value == tag) Interlocked.Add(ref fallbacks, value);
        });
        listener.Start();

        using var session = OnnxSession.Open(Model, new SessionConfig { Provider = provider, IntraOpThreads = 1 }, log);

        Assert.Equal(ExecutionProvider.Cpu, session.ActiveProvider);
        Assert.Equal(HealthStatus.Degraded, session.Health.Status);
        Assert.Contains($"{provider} requested, running on CPU", session.Health.Reason);
        Assert.Equal(1, Interlocked.Read(ref fallbacks));
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(2101, warning.Id.Id);
        Assert.Contains("scripts/setup.sh --gpu", warning.Message);

        // And it really works on CPU.
        using var runner = session.CreateRunner();
        runner.Input.Fill(0.5f);
        runner.Run();
        Assert.Equal(0.9f, runner.Output(0)[32], 5);
    }

    [Fact]
    public void Auto_on_a_cpu_only_build_is_healthy_and_logs_at_information()
    {
        var log = new CapturingLogger();
        using var session = OnnxSession.Open(Model, new SessionConfig { Provider = ExecutionProvider.Auto, Strict = true, IntraOpThreads = 1 }, log);
        Assert.Equal(ExecutionProvider.Cpu, session.ActiveProvider);
        Assert.Equal(HealthStatus.Healthy, session.Health.Status);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(log.Entries, e => e.Id.Id == 2102 && e.Level == LogLevel.Information);
    }

    [Fact]
    public void Cpu_request_is_healthy_without_warnings()
    {
        var log = new CapturingLogger();
        using var session = OnnxSession.Open(Model, new SessionConfig { IntraOpThreads = 1 }, log);
        Assert.Equal(ExecutionProvider.Cpu, session.ActiveProvider);
        Assert.Same(SessionHealth.Healthy, session.Health);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(log.Entries, e => e.Id.Id == 2103);
    }

    [Fact]
    public void Strict_gpu_request_with_a_corrupt_model_reports_the_model()
    {
        // Provider problems must not hide model problems: ProviderUnavailable would send the user to install CUDA.
        var ex = Assert.Throws<OnnxModelException>(() => OnnxSession.Open(Fixtures.Model("corrupt.onnx"),
            new SessionConfig { Provider = ExecutionProvider.Cuda, Strict = true }));
        Assert.Contains("ORT CreateSession failed", ex.Message);
    }
}
