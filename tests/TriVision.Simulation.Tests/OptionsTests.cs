using TriVision.Simulation;
using TriVision.Simulation.Rendering;

namespace TriVision.Simulation.Tests;

public class OptionsTests
{
    [Fact]
    public void ParsesTheUriQueryForm()
    {
        var o = SimulatorOptions.Parse("simulator?seed=7&speed=1.5&fps=25&width=640&height=360&feed=2.5&belt=green_pvc&lighting=dim_sodium&weights=battery:3,gas_cylinder:1");
        Assert.Equal(7UL, o.Seed);
        Assert.Equal(1.5, o.Speed);
        Assert.Equal(25, o.Fps);
        Assert.Equal(640, o.Width);
        Assert.Equal(360, o.Height);
        Assert.Equal(2.5, o.FeedRate);
        Assert.Equal(BeltTexture.GreenPvc, o.Belt);
        Assert.Equal(LightingPreset.DimSodium, o.Lighting);
        Assert.Equal([1.0, 3.0, 0.0, 0.0], o.HazardWeights);
    }

    [Fact]
    public void DefaultsMakeAnAaCellAtLeast15PixelsLong()
    {
        var o = new SimulatorOptions();
        Assert.True(0.0505 * o.EffectivePixelsPerMetre >= 15);
        Assert.InRange(o.BeltWidthM * o.EffectivePixelsPerMetre, o.Height - 1, o.Height + 1);
    }

    [Fact]
    public void ToStringRoundTrips()
    {
        var o = SimulatorOptions.Parse("seed=9&speed=2&noise=4&belt=blue_modular&variation=holdout&scenario=stall&warm=false");
        var back = SimulatorOptions.Parse(o.ToString());
        Assert.Equal(o.ToString(), back.ToString());
    }

    [Theory]
    [InlineData("speed=5", "speed", "5", "0.3 to 3")]
    [InlineData("speed=fast", "speed", "fast", "m/s")]
    [InlineData("width=100.5", "width", "100.5", "integer")]
    [InlineData("belt=plaid", "belt", "plaid", "black_rubber")]
    [InlineData("variation=maybe", "variation", "maybe", "holdout")]
    [InlineData("scenario=tornado", "scenario", "tornado", "feed_surge")]
    [InlineData("weights=banana:2", "weights", "banana:2", "gas_cylinder")]
    [InlineData("seed=-1", "seed", "-1", "non-negative integer")]
    [InlineData("kinds=tin_can:2", "kinds", "tin_can:2", "metal_can")]
    [InlineData("kinds=metal_can:-1", "kinds", "metal_can:-1", "0 to 100")]
    public void BadValuesNameKeyValueAndWhatIsAllowed(string query, string key, string value, string allowedHint)
    {
        var e = Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse(query));
        Assert.Contains($"'{key}'", e.Message);
        Assert.Contains($"'{value}'", e.Message);
        Assert.Contains(allowedHint, e.Message);
        Assert.DoesNotContain("(Parameter", e.Message); // the message is shown to users as is
        Assert.EndsWith(".", e.Message);
    }

    [Fact]
    public void Kind_multipliers_round_trip_and_change_the_mix_within_a_class()
    {
        var o = SimulatorOptions.Parse("seed=3&feed=20&hazard=0&kinds=metal_can:20,plastic_bottle:0.5");
        Assert.Contains("kinds=plastic_bottle:0.5,metal_can:20", o.ToString());
        Assert.Equal(o.ToString(), SimulatorOptions.Parse(o.ToString()).ToString());
        Assert.DoesNotContain("kinds", new SimulatorOptions().ToString()); // the plain mix leaves the query as it was

        static double CanShare(SimulatorOptions options)
        {
            var sim = new BeltSimulator(options);
            var px = new byte[sim.Format.BufferSize];
            var seen = new Dictionary<int, Objects.ObjectKind>();
            for (int i = 0; i < 60; i++)
                foreach (var t in sim.RenderNext(px).Objects)
                    if (t.Kind != Objects.ObjectKind.Scrap) seen[t.Id] = t.Kind;
            return seen.Values.Count(k => k == Objects.ObjectKind.MetalCan) / (double)seen.Count;
        }
        double plain = CanShare(SimulatorOptions.Parse("seed=3&feed=20&hazard=0&width=320&height=180"));
        double boosted = CanShare(SimulatorOptions.Parse("seed=3&feed=20&hazard=0&width=320&height=180&kinds=metal_can:20"));
        Assert.InRange(plain, 0.05, 0.3);   // 1.6 of 10.1 weight units
        Assert.InRange(boosted, 0.6, 0.95); // 32 of 40.5

        var none = Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse("kinds=aerosol_can:0"));
        Assert.Contains("aerosol_can", none.Message);
    }

    [Fact]
    public void UnknownKeyIsRejectedWithTheAllowedKeys()
    {
        var e = Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse("seed=1&colour=red"));
        Assert.Contains("'colour'", e.Message);
        Assert.Contains("'red'", e.Message);
        Assert.Contains("feed", e.Message);
        Assert.DoesNotContain("(Parameter", e.Message);
    }

    [Fact]
    public void ValidateCatchesValuesSetInCode()
    {
        var o = new SimulatorOptions { Noise = 99 };
        var e = Assert.Throws<ArgumentException>(() => new BeltSimulator(o));
        Assert.Contains("'noise'", e.Message);
    }

    [Fact]
    public void ClassContract()
    {
        Assert.Equal(["gas_cylinder", "battery", "power_bank", "aerosol_can", "waste"], SimClasses.Names);
        Assert.True(SimClasses.IsHazard(0));
        Assert.True(SimClasses.IsHazard(3));
        Assert.False(SimClasses.IsHazard(4));
    }
}
