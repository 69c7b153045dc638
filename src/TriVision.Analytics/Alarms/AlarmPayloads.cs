using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TriVision.Analytics.Hazards;
using TriVision.Analytics.Jams;

namespace TriVision.Analytics.Alarms;

/// <summary>
/// Glue from the analytics results to the alarm lifecycle: a hazard alarm per object, one jam alarm per
/// camera whose severity follows the predictor's state, with the payload (ETAs, confidence history,
/// jam inputs) as JSON details.
/// </summary>
public static class AlarmPayloads
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // an unknown ETA is NaN, not a failure
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string JamKey(string cameraId) => $"jam:{cameraId}";

    public static string HazardKey(HazardAlarm h) =>
        string.Create(CultureInfo.InvariantCulture, $"hazard:{h.CameraId}:{h.TrackId}:{h.RaisedNs}");

    public static string ToJson(HazardAlarm h) => JsonSerializer.Serialize(h, Json);

    public static string ToJson(JamStateChange c) => JsonSerializer.Serialize(c, Json);

    /// <summary>Raises the alarm for one hazardous object; StopLine is critical, the rest warnings.</summary>
    public static Alarm RaiseHazard(this AlarmManager alarms, HazardAlarm h)
    {
        var severity = h.Action == HazardAction.StopLine ? AlarmSeverity.Critical : AlarmSeverity.Warning;
        string eta = float.IsFinite(h.EtaSeconds(Geometry.BeltPoint.StopPoint))
            ? string.Create(CultureInfo.InvariantCulture, $", {h.EtaSeconds(Geometry.BeltPoint.StopPoint):0.0} s to stop point")
            : "";
        return alarms.Raise(AlarmKind.Hazard, severity, h.CameraId, HazardKey(h),
            string.Create(CultureInfo.InvariantCulture, $"{h.ClassName} at {h.PositionMetres:0.00} m ({h.Action}){eta}"), ToJson(h));
    }

    /// <summary>Keeps the camera's jam alarm in step with the predictor: raised/updated at warning and above, resolved at normal.</summary>
    public static Alarm? ApplyJamState(this AlarmManager alarms, string cameraId, JamStateChange change)
    {
        if (change.To == JamState.Normal)
        {
            alarms.ResolveCondition(JamKey(cameraId), "system", $"jam risk back to normal ({change.Reason})");
            return null;
        }
        var severity = change.To == JamState.Warning ? AlarmSeverity.Warning : AlarmSeverity.Critical;
        string title = change.To == JamState.Jammed
            ? $"Belt jammed ({change.Reason})"
            : string.Create(CultureInfo.InvariantCulture, $"Jam {change.To.ToString().ToLowerInvariant()}: risk {change.Risk:0.00} ({change.Reason})");
        return alarms.Raise(AlarmKind.Jam, severity, cameraId, JamKey(cameraId), title, ToJson(change));
    }
}
