using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TriVision.Benchmarks.Capture;

/// <summary>
/// Numbers a capture benchmark measures besides time (drops, bytes copied, CPU per frame), shown
/// as extra columns. The capture suites run in-process so that the column sees them.
/// </summary>
public static class CaptureMeasurements
{
    private static readonly ConcurrentDictionary<(string Method, string Name), string> Values = new();

    public static void Set(string method, string name, string value)
    {
        Values[(method, name)] = value;
        Console.WriteLine($"// capture measurement {method}: {name} = {value}");
    }

    internal static string Get(string method, string name) => Values.TryGetValue((method, name), out var v) ? v : "-";
}

/// <summary>A summary column that shows one <see cref="CaptureMeasurements"/> value.</summary>
public sealed class CaptureMeasurementColumn(string name) : IColumn
{
    public string Id => "capture." + name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"Capture measurement: {name}";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        CaptureMeasurements.Get(benchmarkCase.Descriptor.WorkloadMethod.Name, name);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
