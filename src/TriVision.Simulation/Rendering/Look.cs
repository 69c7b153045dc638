using TriVision.Simulation.Objects;

namespace TriVision.Simulation.Rendering;

/// <summary>Randomised appearance of one object: size in metres, colours, variant flags, texture seed.</summary>
internal struct Look
{
    public ObjectKind Kind;
    /// <summary>Length along the object's own axis and width across it, metres (silhouette bounds).</summary>
    public double L, W;
    public Rgb C1, C2, C3;
    public double Alpha;
    public int Variant;
    public double P1, P2, P3;
    public uint Seed;
    public double Cos, Sin;
}
