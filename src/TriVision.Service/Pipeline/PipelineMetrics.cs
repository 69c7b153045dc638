using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TriVision.Service.Pipeline;

/// <summary>
/// The service's own instruments on <c>Meter("TriVision.Service")</c>. Latency is measured from the
/// frame's capture timestamp, per stage, so a slow stage shows up by name:
/// queue (capture → taken by the inference thread), inference (detector), analytics (tracker, rules,
/// jam), alarm_outbox (capture → alarm durable in the outbox), alarm_published (capture → broker PUBACK).
/// </summary>
public static class PipelineMetrics
{
    public const string MeterName = "TriVision.Service";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> StageLatency = Meter.CreateHistogram<double>(
        "trivision.pipeline.latency", "ms", "Time from the frame's capture to the end of a stage");

    private static readonly Counter<long> Frames = Meter.CreateCounter<long>(
        "trivision.pipeline.frames", "{frame}", "Frames that went through inference and analytics");

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "trivision.pipeline.errors", "{frame}", "Frames whose inference or analytics failed");

    private static readonly Counter<long> Alarms = Meter.CreateCounter<long>(
        "trivision.alarms.raised", "{alarm}", "Alarms raised, by kind");

    public const string StageQueue = "queue";
    public const string StageInference = "inference";
    public const string StageAnalytics = "analytics";
    public const string StageAlarmOutbox = "alarm_outbox";
    public const string StageAlarmPublished = "alarm_published";

    public static void Stage(string camera, string stage, long nanoseconds) =>
        StageLatency.Record(nanoseconds / 1_000_000.0, new TagList { { "camera", camera }, { "stage", stage } });

    public static void Frame(string camera) => Frames.Add(1, new KeyValuePair<string, object?>("camera", camera));

    public static void Error(string camera) => Errors.Add(1, new KeyValuePair<string, object?>("camera", camera));

    public static void AlarmRaised(string kind) => Alarms.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Gauges read on scrape from the running pipelines (no cost per frame).</summary>
    public static void RegisterGauges(Func<IReadOnlyList<CameraPipeline>> pipelines)
    {
        Meter.CreateObservableCounter("trivision.camera.frames_posted", () => Observe(pipelines(), p => p.PostedCount), "{frame}", "Frames the camera delivered into the latest-frame slot");
        Meter.CreateObservableCounter("trivision.camera.frames_dropped", () => Observe(pipelines(), p => p.DroppedCount), "{frame}", "Frames replaced in the slot before inference took them (inference slower than the camera)");
        Meter.CreateObservableGauge("trivision.inference.last_age", () => Observe(pipelines(), p => p.LastInferenceAgeMs), "ms", "Time since the camera's last completed inference (-1: none yet)");
    }

    private static IEnumerable<Measurement<long>> Observe(IReadOnlyList<CameraPipeline> pipelines, Func<CameraPipeline, long> read)
    {
        var list = new List<Measurement<long>>(pipelines.Count);
        foreach (var p in pipelines) list.Add(new Measurement<long>(read(p), new KeyValuePair<string, object?>("camera", p.Name)));
        return list;
    }
}
