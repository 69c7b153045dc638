using BenchmarkDotNet.Attributes;
using TriVision.Simulation;

namespace TriVision.Benchmarks.Simulation;

/// <summary>
/// Cost of one simulated frame in steady state (objects already on the belt, pools warm).
/// Real time at 30 fps needs under 33 ms per frame on one core.
/// Run: dotnet run -c Release --project benchmarks/TriVision.Benchmarks -- --filter '*SimulatorBenchmarks*' --inProcess --warmupCount 3 --iterationCount 10
/// </summary>
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    private BeltSimulator _sim = null!;
    private byte[] _buffer = [];

    [Params("960x540", "1920x1080")]
    public string Size { get; set; } = "960x540";

    [Params("steady", "pileup_transfer")]
    public string Scenario { get; set; } = "steady";

    [GlobalSetup]
    public void Setup()
    {
        string[] wh = Size.Split('x');
        string query = $"seed=1&width={wh[0]}&height={wh[1]}" + (Scenario == "steady" ? "" : $"&scenario={Scenario}");
        _sim = new BeltSimulator(SimulatorOptions.Parse(query));
        _buffer = new byte[_sim.Format.BufferSize];
        // Past the pile-up's blockage start so that the heavy case is measured; fills the pools.
        int warm = Scenario == "steady" ? 600 : (int)(90 * 30);
        for (int i = 0; i < warm; i++) _sim.RenderNext(_buffer);
    }

    [Benchmark]
    public int RenderNext() => _sim.RenderNext(_buffer).Objects.Count;
}
