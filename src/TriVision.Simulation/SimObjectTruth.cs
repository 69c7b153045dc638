using TriVision.Core.Detections;
using TriVision.Simulation.Objects;

namespace TriVision.Simulation;

/// <summary>Ground truth for one object visible in a frame.</summary>
/// <param name="Id">Object id, unique within a run (a physical object keeps it from entry to exit).</param>
/// <param name="ClassId">Detector class (<see cref="SimClasses"/>).</param>
/// <param name="Kind">Fine kind.</param>
/// <param name="Box">Tight box around the object's visible pixels (in frame, not hidden by objects on top), pixels.</param>
/// <param name="VisibleFraction">Visible pixels / pixels of the whole silhouette (0..1): less when cut by the frame edge or occluded.</param>
/// <param name="PositionM">Centre position along the belt, metres from the belt's reference point (see <see cref="BeltGeometry"/>).</param>
/// <param name="LateralM">Centre position across the belt, metres from the belt's upper edge in the image.</param>
/// <param name="IsHazard">Whether the class is hazardous.</param>
/// <param name="EtaStopS">Seconds until the centre reaches the stop point under the scripted speed profile; +infinity if it never does (belt stopped, object held at a blockage).</param>
/// <param name="EtaEjectS">Same for the eject point.</param>
/// <param name="EnteredViewS">Simulated time at which the object arrived in view (its leading edge at the view's left edge, or the moment it was dropped into view).</param>
/// <param name="ScriptIndex">Index into <see cref="Scenarios.Scenario.ScriptedObjects"/> for a scripted object, otherwise -1.</param>
public readonly record struct SimObjectTruth(
    int Id,
    int ClassId,
    ObjectKind Kind,
    BoxF Box,
    float VisibleFraction,
    double PositionM,
    double LateralM,
    bool IsHazard,
    double EtaStopS,
    double EtaEjectS,
    double EnteredViewS,
    int ScriptIndex)
{
    public string ClassName => SimClasses.Names[ClassId];
    public string KindName => Kind.Name();
}
