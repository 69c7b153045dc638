namespace TriVision.Simulation.Objects;

/// <summary>The fine kind of a simulated object; each maps to one detector class (see <see cref="ObjectKinds"/>).</summary>
public enum ObjectKind
{
    PropaneBottle,
    ButaneBottle,
    CampingCartridge,
    AaCell,
    AaaCell,
    CCell,
    DCell,
    NineVolt,
    LithiumPouch,
    BatteryPack,
    PowerBank,
    AerosolCan,
    PlasticBottle,
    MetalCan,
    Cardboard,
    Paper,
    Film,
    GlassBottle,
    FoodCarton,
    /// <summary>Small clutter (paper scraps, film shreds, grit) labelled as waste when large enough.</summary>
    Scrap,
}
