using TriVision.Core.Frames;
using TriVision.Simulation.Objects;
using TriVision.Simulation.Rendering;
using TriVision.Simulation.Scenarios;

namespace TriVision.Simulation;

/// <summary>
/// A conveyor belt seen from above. Each <see cref="RenderNext"/> advances simulated time by 1/fps,
/// draws a BGR8 frame into the caller's buffer and returns its ground truth. Pacing to real time is
/// the caller's concern. Deterministic: the same options (seed included) give identical frames and
/// labels. After warm-up a frame allocates nothing: objects, sprites and the truth list are reused.
/// Not thread-safe: one simulator per thread (they share nothing mutable).
/// </summary>
public sealed partial class BeltSimulator
{
    private readonly SimulatorOptions _o;
    private readonly Scenario _scenario;
    private readonly bool _hasScenario;
    private readonly double _ppm;
    private readonly double _dt;
    private readonly BeltTile _tile;
    private readonly LightingModel _light;
    private readonly ushort[] _ids;
    private readonly sbyte[] _noise;
    private readonly byte[] _blurRow;
    private readonly SimFrame _frame = new();
    private readonly double _flickerPhase, _driftPhase1, _driftPhase2;

    private SimRandom _flowRng;
    private SimRandom _renderRng;
    private long _frameIndex;
    private double _time;
    private double _beltTravelM;

    public BeltSimulator(SimulatorOptions options)
        : this(options, options.Scenario is { } name ? ScenarioCatalog.Get(name, options.Seed) : null, null)
    {
    }

    /// <summary>Runs <paramref name="scenario"/> with the rendering options in <paramref name="options"/> (its speed, feed and hazard share are replaced by the scenario's).</summary>
    public BeltSimulator(Scenario scenario, SimulatorOptions? options = null)
        : this(options ?? new SimulatorOptions { Seed = scenario.Seed }, scenario, null)
    {
    }

    /// <param name="tileWidth">Belt tile width in pixels; the dataset writer uses the frame width since a still never scrolls.</param>
    internal BeltSimulator(SimulatorOptions options, Scenario? scenario, int? tileWidth)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _o = options.Clone();
        _hasScenario = scenario is not null;
        _scenario = scenario ?? new Scenario("steady", "Steady belt from options", ScenarioKind.NormalFlow, _o.Seed, double.PositiveInfinity,
            [new ScenarioKeyframe(0, _o.Speed, _o.FeedRate, false, "steady")], [], null, _o.HazardShare);
        if (_hasScenario) _o.HazardShare = _scenario.HazardShare;
        Format = new FrameFormat(_o.Width, _o.Height, PixelFormat.Bgr8);
        _ppm = _o.EffectivePixelsPerMetre;
        _dt = 1.0 / _o.Fps;
        Geometry = _scenario.GeometryFor(_o);
        double beltTop = Geometry.BeltTopPx;

        var setup = SimRandom.Derive(_o.Seed, 1);
        BeltTexture = _o.Belt ?? VariationSets.PickBelt(_o.Variation, ref setup);
        LightingPreset = _o.Lighting ?? VariationSets.PickLighting(_o.Variation, ref setup);
        tileWidth = Math.Max(tileWidth ?? Math.Max(2048, _o.Width * 2), _o.Width);
        _tile = new BeltTile(BeltTexture, tileWidth.Value, _o.Height, _ppm, beltTop, _o.BeltWidthM, (uint)setup.NextULong());
        _light = new LightingModel(LightingPreset, _o.Width, _o.Height, ref setup);
        _flickerPhase = setup.Range(0, 2 * Math.PI);
        _driftPhase1 = setup.Range(0, 2 * Math.PI);
        _driftPhase2 = setup.Range(0, 2 * Math.PI);
        _beltTravelM = setup.Range(0, tileWidth.Value / _ppm);

        _ids = new ushort[_o.Width * _o.Height];
        _noise = new sbyte[1 << 17];
        float[] unit = UnitGaussian.Value;
        int noiseOffset = SimRandom.Derive(_o.Seed, 2).Next(0, unit.Length);
        for (int i = 0; i < _noise.Length; i++)
            _noise[i] = (sbyte)Math.Clamp(MathF.Round(unit[(i + noiseOffset) & (unit.Length - 1)] * (float)_o.Noise), -127, 127);
        _blurRow = new byte[_o.Width * 3];

        _flowRng = SimRandom.Derive(_o.Seed, 3);
        _renderRng = SimRandom.Derive(_o.Seed, 4);
        _frame.JamOnsetS = _scenario.JamOnsetS;
        _frame.ScenarioName = _hasScenario ? _scenario.Name : null;
        // With no feed at the start, poll the timeline until feed begins.
        _nextArrival = _scenario.FeedAt(0) > 0 ? _flowRng.Exponential(_scenario.FeedAt(0)) : 0.25;
        _nextClutter = 0;
        if (_o.WarmStart) WarmStart();
    }

    /// <summary>Standard normal samples shared by all simulators; each scales them by its noise level.</summary>
    private static readonly Lazy<float[]> UnitGaussian = new(() =>
    {
        var rng = new SimRandom(0x5EED);
        var t = new float[1 << 17];
        for (int i = 0; i < t.Length; i++) t[i] = (float)rng.Gaussian();
        return t;
    });

    public FrameFormat Format { get; }
    public BeltGeometry Geometry { get; }
    public SimulatorOptions Options => _o.Clone();
    /// <summary>The running scenario (a one-keyframe "steady" scenario when none was asked for).</summary>
    public Scenario Scenario => _scenario;
    public BeltTexture BeltTexture { get; }
    public LightingPreset LightingPreset { get; }
    /// <summary>Simulated time of the next frame to render.</summary>
    public double TimeS => _time;

    /// <summary>
    /// Renders the next frame into <paramref name="destination"/> (at least <see cref="FrameFormat.BufferSize"/>
    /// bytes, BGR8, stride = width * 3) and returns its ground truth; the returned object is reused.
    /// </summary>
    public SimFrame RenderNext(Span<byte> destination)
    {
        if (destination.Length < Format.BufferSize)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; a {Format} frame needs {Format.BufferSize}.", nameof(destination));
        double speed = _scenario.SpeedAt(_time);
        Compose(destination, speed);
        FillTruth(speed);
        _frameIndex++;
        Advance(_time + _dt);
        return _frame;
    }

    private void WarmStart()
    {
        // Run the flow (no rendering) from far enough back that the view is loaded as in steady state.
        double speed = Math.Max(_scenario.SpeedAt(0), 0.3);
        double lead = (Geometry.ViewLengthM + 1.0) / speed;
        _time = -lead;
        _nextArrival += _time;
        _nextClutter = _time;
        while (_time < -1e-9) Advance(Math.Min(0, _time + _dt));
        _time = 0;
    }
}
