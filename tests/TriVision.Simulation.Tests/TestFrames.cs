using System.Security.Cryptography;
using TriVision.Simulation;

namespace TriVision.Simulation.Tests;

internal static class TestFrames
{
    /// <summary>Small frames keep the suite fast; the renderer is resolution-independent.</summary>
    public static SimulatorOptions Small(string extra = "") =>
        SimulatorOptions.Parse("width=320&height=180" + (extra.Length > 0 ? "&" + extra : ""));

    public static string Hash(ReadOnlySpan<byte> data) => Convert.ToHexString(SHA256.HashData(data));

    public static string TruthLine(SimFrame f)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(f.FrameIndex).Append(' ').Append(f.TimeS.ToString("R")).Append(' ').Append(f.Occupancy.ToString("R")).Append(' ').Append(f.Phase);
        foreach (var o in f.Objects)
            sb.Append('|').Append(o.Id).Append(',').Append(o.ClassId).Append(',').Append(o.Kind).Append(',').Append(o.Box).Append(',')
              .Append(o.VisibleFraction.ToString("R")).Append(',').Append(o.PositionM.ToString("R")).Append(',').Append(o.EtaStopS.ToString("R"));
        return sb.ToString();
    }
}
