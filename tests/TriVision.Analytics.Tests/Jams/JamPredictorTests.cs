using TriVision.Analytics.BeltState;
using TriVision.Analytics.Jams;

namespace TriVision.Analytics.Tests.Jams;

public class JamPredictorTests
{
    private static readonly BeltSpeed Nominal = new(0.5f, SpeedSource.Tracks, 10);
    private const long Tick = 100_000_000; // 10 Hz

    [Fact]
    public void Ramp_to_overload_is_warned_well_before_the_onset_and_the_flat_part_is_quiet()
    {
        var p = new JamPredictor(0.5f);
        var noise = new Random(5);
        double onset = double.NaN, firstWarning = double.NaN;
        // 60 s of normal load around 0.25, then a 60 s ramp up to 0.85.
        for (int i = 0; i < 1200; i++)
        {
            double t = i * 0.1;
            double occ = (t < 60 ? 0.25 : 0.25 + (t - 60) / 60 * 0.6) + (noise.NextDouble() - 0.5) * 0.06;
            var a = p.Update((long)(t * 1e9), (float)occ, 30f, Nominal);
            double clean = t < 60 ? 0.25 : 0.25 + (t - 60) / 60 * 0.6;
            if (double.IsNaN(onset) && clean >= 0.7) onset = t; // the label: load reaches "overloaded"
            if (double.IsNaN(firstWarning) && a.State >= JamState.Warning) firstWarning = t;
            if (t < 60) Assert.Equal(JamState.Normal, a.State);
        }
        Assert.False(double.IsNaN(firstWarning), "no warning at all");
        Assert.True(onset - firstWarning >= 10, $"warning at {firstWarning:0.0} s, onset at {onset:0.0} s: lead {onset - firstWarning:0.0} s < 10 s");
        var first = p.History[0];
        Assert.Equal(JamState.Warning, first.To);
        Assert.Equal("occupancy_trend", first.Reason);
        Assert.True(first.Inputs.OccupancySlopePerSecond > 0.005f);
        Assert.True(float.IsFinite(first.TimeToJamSeconds) && first.TimeToJamSeconds > 0);
    }

    [Fact]
    public void Hysteresis_and_dwell_stop_chattering()
    {
        var o = new JamPredictorOptions { AverageTimeConstantMs = 0, TrendFloorOccupancy = 1f, MinDwellMs = 5000, ClearDelayMs = 0 };
        var p = new JamPredictor(0.5f, o);
        long t = 0;
        // Risk = (occ - 0.35) / 0.35: 0.53 -> 0.51 (enter warning), 0.50 -> 0.43 (above the 0.3 exit).
        for (int i = 0; i < 100; i++, t += Tick) p.Update(t, i % 2 == 0 ? 0.53f : 0.50f, 30, Nominal);
        Assert.Equal(JamState.Warning, p.State);
        Assert.Single(p.History);
        // Load falls: risk 0.14 < exit, but the state is left only after the 5 s dwell counted from entering.
        long enteredAt = p.History[0].TimestampNs;
        JamState before = p.State;
        for (int i = 0; i < 100; i++, t += Tick)
        {
            p.Update(t, 0.40f, 30, Nominal);
            if (p.State == JamState.Normal && before == JamState.Warning)
                Assert.True(t - enteredAt >= 5_000_000_000L, "left warning before the minimum dwell");
            before = p.State;
        }
        Assert.Equal(JamState.Normal, p.State);
        Assert.Equal(2, p.History.Count);
    }

    [Fact]
    public void Bursts_closer_than_the_clear_delay_are_one_warning_and_a_calm_belt_clears_after_it()
    {
        var o = new JamPredictorOptions { AverageTimeConstantMs = 0, TrendFloorOccupancy = 1f, MinDwellMs = 0, ClearDelayMs = 10_000 };
        var p = new JamPredictor(0.5f, o);
        long t = 0;
        long lastBurstEnd = 0;
        // Five 2 s bursts of load (risk 0.51, warning) separated by 6 s of light load (risk 0.14, below the 0.3 exit).
        for (int burst = 0; burst < 5; burst++)
        {
            for (long end = t + 2_000_000_000L; t < end; t += Tick) p.Update(t, 0.53f, 30, Nominal);
            lastBurstEnd = t;
            for (long end = t + 6_000_000_000L; t < end; t += Tick) p.Update(t, 0.40f, 30, Nominal);
            Assert.Equal(JamState.Warning, p.State);
        }
        Assert.Single(p.History);
        // Calm from here on: back to normal once the risk has stayed below the exit for the whole clear delay.
        for (long end = t + 10_000_000_000L; t < end; t += Tick) p.Update(t, 0.40f, 30, Nominal);
        Assert.Equal(JamState.Normal, p.State);
        Assert.Equal(2, p.History.Count);
        long cleared = p.History[1].TimestampNs;
        Assert.InRange(cleared - lastBurstEnd, 10_000_000_000L, 10_000_000_000L + 2 * Tick);
    }

    [Fact]
    public void A_negative_clear_delay_is_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new JamPredictor(0.5f, new JamPredictorOptions { ClearDelayMs = -1 }));
        Assert.Contains("ClearDelayMs", e.Message);
    }

    [Fact]
    public void A_stalled_belt_is_jammed_after_the_stall_time_with_the_reason_kept()
    {
        var p = new JamPredictor(0.5f, new JamPredictorOptions { StallMs = 2000 });
        long t = 0;
        for (int i = 0; i < 20; i++, t += Tick) p.Update(t, 0.3f, 30, Nominal);
        var stopped = new BeltSpeed(0.01f, SpeedSource.Registration, 1);
        var states = new List<JamState>();
        for (int i = 0; i < 30; i++, t += Tick) states.Add(p.Update(t, 0.3f, 0, stopped).State);
        // Speed drop alone is critical at once (drop 98% > 50%), jammed once stalled 2 s.
        Assert.Equal(JamState.Critical, states[0]);
        Assert.Equal(JamState.Jammed, states[20]);
        var jam = p.History[^1];
        Assert.Equal(JamState.Jammed, jam.To);
        Assert.Equal("stall", jam.Reason);
        Assert.Equal(0f, jam.TimeToJamSeconds);
        Assert.True(jam.Inputs.StalledSeconds >= 2f);
        Assert.Equal(0.98f, jam.Inputs.SpeedDrop, 3);
    }

    [Fact]
    public void A_slower_belt_warns_with_speed_drop_as_the_reason()
    {
        var p = new JamPredictor(0.5f);
        long t = 0;
        for (int i = 0; i < 50; i++, t += Tick) p.Update(t, 0.2f, 30, new BeltSpeed(0.33f, SpeedSource.Tracks, 5));
        Assert.Equal(JamState.Warning, p.State);
        Assert.Equal("speed_drop", p.History[0].Reason);
    }

    [Fact]
    public void Unknown_speed_is_not_a_stall()
    {
        var p = new JamPredictor(0.5f);
        long t = 0;
        for (int i = 0; i < 100; i++, t += Tick) p.Update(t, 0.1f, 0, default);
        Assert.Equal(JamState.Normal, p.State);
    }

    [Fact]
    public void Invalid_options_name_the_key()
    {
        var ex = Assert.Throws<ArgumentException>(() => new JamPredictor(0.5f, new JamPredictorOptions { WarningExit = 0.6f }));
        Assert.Contains("WarningExit", ex.Message);
    }
}
