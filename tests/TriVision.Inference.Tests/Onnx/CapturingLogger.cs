using Microsoft.Extensions.Logging;

namespace TriVision.Inference.Tests.Onnx;

/// <summary>Records every log entry so tests can assert on event ids and levels.</summary>
internal sealed class CapturingLogger : ILogger
{
    public List<(LogLevel Level, EventId Id, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries) Entries.Add((logLevel, eventId, formatter(state, exception)));
    }
}
