using Google.Protobuf;
using TriVision.Messaging.Sparkplug.Proto;
using Metric = TriVision.Messaging.Sparkplug.Proto.Payload.Types.Metric;

namespace TriVision.Messaging.Sparkplug;

/// <summary>Metric names TriVision publishes and small builders for typed metrics.</summary>
public static class SparkplugMetrics
{
    public const string BdSeq = "bdSeq";
    public const string Rebirth = "Node Control/Rebirth";

    public const string BeltSpeed = "Belt/Speed mps";
    public const string BeltOccupancy = "Belt/Occupancy";
    public const string BeltJamState = "Belt/Jam State";
    public const string BeltJamRisk = "Belt/Jam Risk";

    public const string AlarmId = "Alarm/Last Id";
    public const string AlarmClass = "Alarm/Last Class";
    public const string AlarmConfidence = "Alarm/Last Confidence";
    public const string AlarmAction = "Alarm/Last Action";
    public const string AlarmCount = "Alarm/Count";

    public const string HealthFrames = "Health/Frames";
    public const string HealthInferenceAge = "Health/Last Inference Age ms";
    public const string HealthStalled = "Health/Stalled";

    public static Metric UInt64(string name, ulong value, ulong timestampMs) =>
        new() { Name = name, Timestamp = timestampMs, Datatype = (uint)DataType.Uint64, LongValue = value };

    public static Metric Int64(string name, long value, ulong timestampMs) =>
        new() { Name = name, Timestamp = timestampMs, Datatype = (uint)DataType.Int64, LongValue = unchecked((ulong)value) };

    public static Metric Double(string name, double value, ulong timestampMs) =>
        new() { Name = name, Timestamp = timestampMs, Datatype = (uint)DataType.Double, DoubleValue = value };

    public static Metric Float(string name, float value, ulong timestampMs) =>
        new() { Name = name, Timestamp = timestampMs, Datatype = (uint)DataType.Float, FloatValue = value };

    public static Metric Boolean(string name, bool value, ulong timestampMs) =>
        new() { Name = name, Timestamp = timestampMs, Datatype = (uint)DataType.Boolean, BooleanValue = value };

    public static Metric String(string name, string value, ulong timestampMs) =>
        new() { Name = name, Timestamp = timestampMs, Datatype = (uint)DataType.String, StringValue = value };

    public static byte[] Encode(Payload payload) => payload.ToByteArray();
}
