using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace TriVision.Capture.Tests.Support;

/// <summary>Sends the source's log to the test output, so a failing run shows what ffmpeg/Aravis said.</summary>
internal sealed class TestLogger(ITestOutputHelper output) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {formatter(state, exception)}");
        }
        catch (InvalidOperationException)
        {
            // The test already finished; a late line from a background thread has nowhere to go.
        }
    }
}
