namespace TriVision.Simulation.Scenarios;

/// <summary>
/// A point of a scenario's timeline. Speed and feed are interpolated linearly to the next keyframe;
/// <see cref="Blocked"/> and <see cref="Phase"/> hold until the next keyframe.
/// </summary>
/// <param name="TimeS">Simulated time, seconds.</param>
/// <param name="SpeedMps">Belt speed (0 = stopped).</param>
/// <param name="FeedRate">Objects arriving per second.</param>
/// <param name="Blocked">Objects are held at the transfer point (they stop while the belt runs beneath).</param>
/// <param name="Phase">Label for this part of the run.</param>
public readonly record struct ScenarioKeyframe(double TimeS, double SpeedMps, double FeedRate, bool Blocked, string Phase);
