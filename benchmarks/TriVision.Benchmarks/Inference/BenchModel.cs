using TriVision.Inference.Onnx;

namespace TriVision.Benchmarks.Inference;

/// <summary>The benchmark model, its session settings and its input, shared by the inference suites and the node comparison.</summary>
internal static class BenchModel
{
    /// <summary>Intra-op threads for every inference benchmark; TRIVISION_BENCH_THREADS overrides (the node side reads the same variable).</summary>
    public static int Threads =>
        int.TryParse(Environment.GetEnvironmentVariable("TRIVISION_BENCH_THREADS"), out int n) && n > 0 ? n : 1;

    /// <summary>tests/fixtures/models/bench_640.onnx, found above the benchmark's folder; TRIVISION_BENCH_MODEL overrides.</summary>
    public static string Path
    {
        get
        {
            if (Environment.GetEnvironmentVariable("TRIVISION_BENCH_MODEL") is { Length: > 0 } configured) return configured;
            foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    string candidate = System.IO.Path.Combine(dir.FullName, "tests", "fixtures", "models", "bench_640.onnx");
                    if (File.Exists(candidate)) return candidate;
                }
            throw new FileNotFoundException("bench_640.onnx not found above " + AppContext.BaseDirectory + "; set TRIVISION_BENCH_MODEL");
        }
    }

    /// <summary>Same settings as benchmarks/node/bench.js: CPU, N intra-op threads, 1 inter-op, all optimisations, sequential.</summary>
    public static SessionConfig Config => new()
    {
        Provider = ExecutionProvider.Cpu,
        IntraOpThreads = Threads,
        InterOpThreads = 1,
        Optimization = GraphOptimization.All,
    };

    /// <summary>Same input as bench.js: value i = (i % 251) / 251.</summary>
    public static void Fill(Span<float> input)
    {
        for (int i = 0; i < input.Length; i++) input[i] = (i % 251) / 251f;
    }

    public static double Checksum(ReadOnlySpan<float> output)
    {
        // float accumulation in the same order as bench.js (which sums doubles): compare to ~3 decimals.
        double sum = 0;
        foreach (float v in output) sum += v;
        return sum;
    }
}
