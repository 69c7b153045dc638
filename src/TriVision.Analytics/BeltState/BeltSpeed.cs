namespace TriVision.Analytics.BeltState;

/// <summary>Belt speed estimate: metres per second along the direction of travel (NaN when unknown).</summary>
public readonly record struct BeltSpeed(float MetresPerSecond, SpeedSource Source, int SampleCount)
{
    public bool IsKnown => Source != SpeedSource.None && float.IsFinite(MetresPerSecond);
}
