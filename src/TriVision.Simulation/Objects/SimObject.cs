using TriVision.Simulation.Rendering;

namespace TriVision.Simulation.Objects;

/// <summary>Mutable state of one object on the belt (pooled by the simulator).</summary>
internal sealed class SimObject
{
    public int Id;
    public ObjectKind Kind;
    public int ClassId;
    /// <summary>Centre along the belt (m) and across it from the belt's upper edge (m).</summary>
    public double X, Y;
    /// <summary>Held at a blockage while the belt slides beneath.</summary>
    public bool Held;
    public bool IsClutter;
    public double EnteredViewS;
    public int ScriptIndex = -1;
    public readonly Sprite Sprite = new();
    // Per-frame truth scratch.
    public int VisiblePixels, MinX, MinY, MaxX, MaxY;
}
