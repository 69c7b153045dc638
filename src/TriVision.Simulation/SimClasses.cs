namespace TriVision.Simulation;

/// <summary>
/// The detector's classes, in the order of their ids. This order is a contract: the shipped model,
/// the dataset writer's data.yaml and the analytics rules all index by it.
/// </summary>
public static class SimClasses
{
    public const int GasCylinder = 0;
    public const int Battery = 1;
    public const int PowerBank = 2;
    public const int AerosolCan = 3;
    public const int Waste = 4;

    public static IReadOnlyList<string> Names { get; } = ["gas_cylinder", "battery", "power_bank", "aerosol_can", "waste"];

    public static int Count => 5;

    /// <summary>Everything but <c>waste</c> is hazardous (fire or explosion risk in a shredder or baler).</summary>
    public static bool IsHazard(int classId) => classId is >= GasCylinder and <= AerosolCan;

    /// <summary>Class id for a name, or -1.</summary>
    public static int IdOf(string name)
    {
        for (int i = 0; i < Names.Count; i++)
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
