namespace TriVision.Simulation.Scenarios;

public enum ScenarioKind
{
    /// <summary>Waste with hazards scripted at known times.</summary>
    Hazard,
    /// <summary>Waste only, no hazards: false hazard alarm rate.</summary>
    NormalWaste,
    /// <summary>A jam with a labelled onset.</summary>
    Jam,
    /// <summary>Normal flow with no jam: false jam warning rate.</summary>
    NormalFlow,
}
