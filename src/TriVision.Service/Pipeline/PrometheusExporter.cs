using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace TriVision.Service.Pipeline;

/// <summary>
/// Collects every TriVision meter (<c>TriVision.*</c>) with a <see cref="MeterListener"/> and writes the
/// Prometheus text format (version 0.0.4) on scrape. Counters are summed, gauges keep the last value,
/// histograms use fixed millisecond buckets. Series are keyed by up to three tag values, so recording
/// on the hot path looks up a dictionary and allocates nothing once a series exists.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] Buckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private readonly Dictionary<Instrument, Dictionary<SeriesKey, Series>> _data = new();

    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("TriVision", StringComparison.Ordinal)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = SeriesKey.From(tags);
        lock (_gate)
        {
            if (!_data.TryGetValue(instrument, out var series)) _data[instrument] = series = new();
            if (!series.TryGetValue(key, out var s)) series[key] = s = new Series(Labels(tags), IsHistogram(instrument));
            if (s.Counts is { } counts)
            {
                for (int b = 0; b < Buckets.Length; b++) if (value <= Buckets[b]) counts[b]++;
                s.Count++;
                s.Value += value;
            }
            else if (IsCumulative(instrument) && !IsObservable(instrument)) s.Value += value;
            else s.Value = value;
        }
    }

    /// <summary>The current values of every series in Prometheus text format.</summary>
    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var sb = new StringBuilder();
        lock (_gate)
        {
            foreach (var (instrument, series) in _data)
            {
                string name = MetricName(instrument);
                string type = IsHistogram(instrument) ? "histogram" : IsCumulative(instrument) ? "counter" : "gauge";
                if (!string.IsNullOrEmpty(instrument.Description)) sb.Append("# HELP ").Append(name).Append(' ').Append(instrument.Description).Append('\n');
                sb.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
                foreach (var s in series.Values)
                {
                    if (s.Counts is { } counts)
                    {
                        for (int b = 0; b < Buckets.Length; b++)
                            sb.Append(name).Append("_bucket{").Append(s.Labels).Append(s.Labels.Length > 0 ? "," : "").Append("le=\"").Append(Num(Buckets[b])).Append("\"} ").Append(counts[b]).Append('\n');
                        sb.Append(name).Append("_bucket{").Append(s.Labels).Append(s.Labels.Length > 0 ? "," : "").Append("le=\"+Inf\"} ").Append(s.Count).Append('\n');
                        sb.Append(name).Append("_sum").Append(Braces(s.Labels)).Append(' ').Append(Num(s.Value)).Append('\n');
                        sb.Append(name).Append("_count").Append(Braces(s.Labels)).Append(' ').Append(s.Count).Append('\n');
                    }
                    else
                    {
                        sb.Append(name).Append(Braces(s.Labels)).Append(' ').Append(Num(s.Value)).Append('\n');
                    }
                }
            }
        }
        return sb.ToString();
    }

    private static string Braces(string labels) => labels.Length == 0 ? "" : "{" + labels + "}";

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static bool IsHistogram(Instrument i) => i is Histogram<double> or Histogram<long> or Histogram<int> or Histogram<float>;

    private static bool IsObservable(Instrument i) => i.IsObservable;

    private static bool IsCumulative(Instrument i) =>
        i is Counter<long> or Counter<int> or Counter<double> or Counter<float>
        or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double> or ObservableCounter<float>;

    private static string MetricName(Instrument i)
    {
        var sb = new StringBuilder(i.Name.Length + 8);
        foreach (char c in i.Name) sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        if (i.Unit is "ms") sb.Append("_ms");
        if (IsCumulative(i) && !sb.ToString().EndsWith("_total", StringComparison.Ordinal)) sb.Append("_total");
        return sb.ToString();
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var sb = new StringBuilder();
        foreach (var t in tags)
        {
            if (sb.Length > 0) sb.Append(',');
            sb.Append(t.Key.Replace('.', '_')).Append("=\"");
            foreach (char c in Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "")
            {
                if (c is '\\' or '"') sb.Append('\\');
                if (c == '\n') sb.Append("\\n"); else sb.Append(c);
            }
            sb.Append('"');
        }
        return sb.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private sealed class Series(string labels, bool histogram)
    {
        public string Labels { get; } = labels;
        public long[]? Counts { get; } = histogram ? new long[Buckets.Length] : null;
        public long Count;
        public double Value;
    }

    /// <summary>Tag values (strings or boxed numbers) of one series; equal when the values are.</summary>
    private readonly record struct SeriesKey(object? A, object? B, object? C, int Count)
    {
        public static SeriesKey From(ReadOnlySpan<KeyValuePair<string, object?>> tags) => new(
            tags.Length > 0 ? tags[0].Value : null,
            tags.Length > 1 ? tags[1].Value : null,
            tags.Length > 2 ? tags[2].Value : null,
            tags.Length);
    }
}
