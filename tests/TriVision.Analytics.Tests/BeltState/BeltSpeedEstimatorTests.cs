using TriVision.Analytics.BeltState;

namespace TriVision.Analytics.Tests.BeltState;

public class BeltSpeedEstimatorTests
{
    [Fact]
    public void Track_median_ignores_outliers()
    {
        var e = new BeltSpeedEstimator(400f);
        e.AddTrackSamples(1_000_000_000, new[] { 0.5f, 0.52f, 0.48f, 3.0f, -1.0f, 0.5f, 0.49f });
        var s = e.Estimate(1_000_000_000);
        Assert.Equal(SpeedSource.Tracks, s.Source);
        Assert.Equal(0.5f, s.MetresPerSecond, 3);
    }

    [Fact]
    public void Old_samples_leave_the_window_and_the_speed_becomes_unknown()
    {
        var e = new BeltSpeedEstimator(400f, windowMs: 2000);
        e.AddTrackSamples(0, new[] { 0.5f, 0.5f, 0.5f });
        Assert.True(e.Estimate(1_000_000_000).IsKnown);
        var s = e.Estimate(3_000_000_000);
        Assert.False(s.IsKnown);
        Assert.Equal(SpeedSource.None, s.Source);
    }

    [Theory]
    [InlineData(7.0)]
    [InlineData(-3.0)]
    [InlineData(12.5)]
    public void Phase_correlation_finds_the_shift_of_belt_texture(double shift)
    {
        var texture = Texture(2000, seed: 11);
        var e = new BeltSpeedEstimator(400f);
        Assert.True(float.IsNaN(e.AddStrip(0, Sample(texture, 500, 512, 0))));
        float measured = e.AddStrip(100_000_000, Sample(texture, 500, 512, shift));
        Assert.Equal(shift, measured, 0.3);
        // shift px in 0.1 s at 400 px/m
        var s = e.Estimate(100_000_000);
        Assert.Equal(SpeedSource.Registration, s.Source);
        Assert.Equal(shift / 400 / 0.1, s.MetresPerSecond, 0.01);
    }

    [Fact]
    public void Tracks_win_over_registration_when_there_are_enough()
    {
        var texture = Texture(2000, seed: 3);
        var e = new BeltSpeedEstimator(400f);
        e.AddStrip(0, Sample(texture, 500, 256, 0));
        e.AddStrip(100_000_000, Sample(texture, 500, 256, 10));
        e.AddTrackSamples(100_000_000, new[] { 0.3f, 0.3f, 0.3f });
        Assert.Equal(SpeedSource.Tracks, e.Estimate(100_000_000).Source);
    }

    /// <summary>Smooth random belt texture (sum of a few random bumps per 10 px, values 0-255).</summary>
    private static double[] Texture(int length, int seed)
    {
        var r = new Random(seed);
        var t = new double[length];
        for (int i = 0; i < length; i++) t[i] = r.NextDouble();
        var smooth = new double[length];
        for (int i = 2; i < length - 2; i++) smooth[i] = (t[i - 2] + 2 * t[i - 1] + 3 * t[i] + 2 * t[i + 1] + t[i + 2]) / 9;
        return smooth;
    }

    /// <summary>Strip seen by a camera after the belt moved <paramref name="shift"/> px downstream (linear interpolation).</summary>
    private static byte[] Sample(double[] texture, int start, int length, double shift)
    {
        var strip = new byte[length];
        for (int i = 0; i < length; i++)
        {
            double x = start + i - shift;
            int x0 = (int)Math.Floor(x);
            double f = x - x0;
            double v = texture[x0] * (1 - f) + texture[x0 + 1] * f;
            strip[i] = (byte)Math.Clamp(40 + v * 180, 0, 255);
        }
        return strip;
    }
}

public class MedianTests
{
    [Fact]
    public void Quickselect_median_equals_the_sorted_median()
    {
        var r = new Random(9);
        for (int n = 1; n < 60; n++)
        {
            var values = new float[n];
            for (int i = 0; i < n; i++) values[i] = r.Next(0, 20) * 0.1f; // with duplicates
            var sorted = (float[])values.Clone();
            Array.Sort(sorted);
            float expected = n % 2 == 1 ? sorted[n / 2] : 0.5f * (sorted[n / 2 - 1] + sorted[n / 2]);
            Assert.Equal(expected, BeltSpeedEstimator.Median(values), 5);
        }
    }
}
