using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using TriVision.Capture.Logging;

namespace TriVision.Capture.FFmpeg;

/// <summary>
/// ffmpeg's stderr for one process: every line into the log, the last error lines kept for the
/// fault message, and the output video size taken from the "Output #0" stream line.
/// </summary>
internal sealed partial class FFmpegStderr
{
    private const int KeptLines = 6;
    private readonly ILogger _logger;
    private readonly string _camera;
    private readonly Queue<string> _errors = new();
    private readonly Queue<string> _lastLines = new();
    private bool _inOutput;

    public FFmpegStderr(ILogger logger, string camera)
    {
        _logger = logger;
        _camera = camera;
    }

    public TaskCompletionSource<(int Width, int Height)> OutputSize { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnLine(string? line)
    {
        if (line is null) return;
        bool error = ErrorLine().IsMatch(line);
        if (error) CaptureLog.FFmpegError(_logger, _camera, line);
        else CaptureLog.FFmpegLine(_logger, _camera, line);
        lock (_errors)
        {
            if (error) Keep(_errors, line.Trim());
            Keep(_lastLines, line.Trim());
        }
        if (line.StartsWith("Output #0", StringComparison.Ordinal)) _inOutput = true;
        else if (_inOutput && line.Contains("Video:", StringComparison.Ordinal) && SizeInLine().Match(line) is { Success: true } m)
            OutputSize.TrySetResult((int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)));
    }

    /// <summary>What ffmpeg said that explains a failure: its error lines, else its last lines.</summary>
    public string Explanation()
    {
        lock (_errors)
        {
            var lines = _errors.Count > 0 ? _errors : _lastLines;
            return lines.Count == 0 ? "ffmpeg printed nothing" : string.Join(" / ", lines);
        }
    }

    private static void Keep(Queue<string> queue, string line)
    {
        if (line.Length == 0) return;
        if (queue.Count == KeptLines) queue.Dequeue();
        queue.Enqueue(line);
    }

    [GeneratedRegex(@"error|invalid|failed|refused|not found|no such|unable|could not|cannot|timed out|unauthorized|forbidden|truncat|partial file|end of file", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"[ ,](\d{1,5})x(\d{1,5})[ ,\[]")]
    private static partial Regex SizeInLine();
}
