using TriVision.Simulation.Objects;

namespace TriVision.Simulation.Scenarios;

/// <summary>
/// An object placed by the script: its leading edge reaches the view's left edge at
/// <see cref="EnterTimeS"/> (simulated time).
/// </summary>
/// <param name="EnterTimeS">Time the object's leading edge enters the view.</param>
/// <param name="Kind">Fine kind.</param>
/// <param name="LateralFraction">Centre across the belt, 0 = upper edge, 1 = lower edge (kept inside the belt).</param>
/// <param name="CoverFraction">0 = in the open; otherwise roughly this share is covered by a waste item dropped on top.</param>
public readonly record struct ScriptedObject(double EnterTimeS, ObjectKind Kind, double LateralFraction, double CoverFraction);
