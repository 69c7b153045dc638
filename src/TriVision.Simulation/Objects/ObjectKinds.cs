namespace TriVision.Simulation.Objects;

/// <summary>Names and classes of the fine kinds.</summary>
public static class ObjectKinds
{
    private static readonly string[] SnakeNames =
    [
        "propane_bottle", "butane_bottle", "camping_cartridge", "aa_cell", "aaa_cell", "c_cell", "d_cell",
        "nine_volt", "lithium_pouch", "battery_pack", "power_bank", "aerosol_can", "plastic_bottle",
        "metal_can", "cardboard", "paper", "film", "glass_bottle", "food_carton", "scrap",
    ];

    public static int Count => SnakeNames.Length;

    /// <summary>snake_case name used in labels, manifests and option strings (e.g. "aa_cell").</summary>
    public static string Name(this ObjectKind kind) => SnakeNames[(int)kind];

    public static bool TryParse(string name, out ObjectKind kind)
    {
        for (int i = 0; i < SnakeNames.Length; i++)
        {
            if (string.Equals(SnakeNames[i], name, StringComparison.OrdinalIgnoreCase))
            {
                kind = (ObjectKind)i;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static int ClassOf(this ObjectKind kind) => kind switch
    {
        ObjectKind.PropaneBottle or ObjectKind.ButaneBottle or ObjectKind.CampingCartridge => SimClasses.GasCylinder,
        ObjectKind.AaCell or ObjectKind.AaaCell or ObjectKind.CCell or ObjectKind.DCell or ObjectKind.NineVolt
            or ObjectKind.LithiumPouch or ObjectKind.BatteryPack => SimClasses.Battery,
        ObjectKind.PowerBank => SimClasses.PowerBank,
        ObjectKind.AerosolCan => SimClasses.AerosolCan,
        _ => SimClasses.Waste,
    };

    public static bool IsHazard(this ObjectKind kind) => SimClasses.IsHazard(kind.ClassOf());

    /// <summary>Kinds of one class with their relative frequencies in a waste stream.</summary>
    internal static ReadOnlySpan<(ObjectKind Kind, double Weight)> KindsOf(int classId) => classId switch
    {
        SimClasses.GasCylinder => GasKinds,
        SimClasses.Battery => BatteryKinds,
        SimClasses.PowerBank => PowerBankKinds,
        SimClasses.AerosolCan => AerosolKinds,
        _ => WasteKinds,
    };

    private static readonly (ObjectKind, double)[] GasKinds =
        [(ObjectKind.PropaneBottle, 1.0), (ObjectKind.ButaneBottle, 1.0), (ObjectKind.CampingCartridge, 1.2)];
    private static readonly (ObjectKind, double)[] BatteryKinds =
    [
        (ObjectKind.AaCell, 1.6), (ObjectKind.AaaCell, 1.0), (ObjectKind.CCell, 0.6), (ObjectKind.DCell, 0.6),
        (ObjectKind.NineVolt, 0.8), (ObjectKind.LithiumPouch, 0.9), (ObjectKind.BatteryPack, 0.9),
    ];
    private static readonly (ObjectKind, double)[] PowerBankKinds = [(ObjectKind.PowerBank, 1.0)];
    private static readonly (ObjectKind, double)[] AerosolKinds = [(ObjectKind.AerosolCan, 1.0)];
    private static readonly (ObjectKind, double)[] WasteKinds =
    [
        (ObjectKind.PlasticBottle, 2.0), (ObjectKind.MetalCan, 1.6), (ObjectKind.Cardboard, 1.8), (ObjectKind.Paper, 1.6),
        (ObjectKind.Film, 1.4), (ObjectKind.GlassBottle, 0.7), (ObjectKind.FoodCarton, 1.0),
    ];
}
