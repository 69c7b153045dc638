using System.Buffers;
using System.Text;
using System.Text.Json;
using TriVision.Core.Detections;

namespace TriVision.Service.Cli.Detect;

/// <summary>
/// Writes one JSON object per frame as a line on the output: source, frame, size, detections
/// (class name and id, score, box in source pixels) and per-stage latency. Reuses its buffers.
/// </summary>
internal sealed class DetectionJsonWriter
{
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _bytes = new(4096);
    private readonly Utf8JsonWriter _json;
    private char[] _chars = new char[4096];

    public DetectionJsonWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_bytes, new JsonWriterOptions { Indented = false, SkipValidation = false });
    }

    public void Write(string source, int frame, int width, int height, ReadOnlySpan<Detection> detections,
        IReadOnlyList<string> classNames, in StageLatency latency)
    {
        _bytes.ResetWrittenCount();
        _json.Reset(_bytes);
        _json.WriteStartObject();
        _json.WriteString("source"u8, source);
        _json.WriteNumber("frame"u8, frame);
        _json.WriteNumber("width"u8, width);
        _json.WriteNumber("height"u8, height);
        _json.WriteStartArray("detections"u8);
        foreach (ref readonly var d in detections)
        {
            _json.WriteStartObject();
            if ((uint)d.ClassId < (uint)classNames.Count) _json.WriteString("class"u8, classNames[d.ClassId]);
            else _json.WriteNull("class"u8);
            _json.WriteNumber("class_id"u8, d.ClassId);
            _json.WriteNumber("score"u8, Math.Round(d.Score, 4));
            _json.WriteStartArray("box"u8);
            _json.WriteNumberValue(Math.Round(d.Box.X1, 1));
            _json.WriteNumberValue(Math.Round(d.Box.Y1, 1));
            _json.WriteNumberValue(Math.Round(d.Box.X2, 1));
            _json.WriteNumberValue(Math.Round(d.Box.Y2, 1));
            _json.WriteEndArray();
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
        _json.WriteStartObject("latency_ms"u8);
        _json.WriteNumber("read"u8, Math.Round(latency.ReadMs, 3));
        _json.WriteNumber("detect"u8, Math.Round(latency.DetectMs, 3));
        _json.WriteNumber("annotate"u8, Math.Round(latency.AnnotateMs, 3));
        _json.WriteNumber("total"u8, Math.Round(latency.TotalMs, 3));
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();

        var utf8 = _bytes.WrittenSpan;
        int needed = Encoding.UTF8.GetMaxCharCount(utf8.Length) + 1;
        if (_chars.Length < needed) _chars = new char[needed];
        int n = Encoding.UTF8.GetChars(utf8, _chars);
        _chars[n++] = '\n';
        _output.Write(_chars, 0, n);
    }

    public void Flush() => _output.Flush();
}
