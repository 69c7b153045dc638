using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using TriVision.Core.Frames;

namespace TriVision.Service.Cli.Detect;

/// <summary>
/// A video file decoded by an <c>ffmpeg</c> child process into raw BGR8 frames on its stdout.
/// The size comes from <c>ffprobe</c> first, so every read is exactly one frame.
/// </summary>
internal sealed class VideoFileSource : DetectSource
{
    private const int StderrLinesKept = 20;

    private readonly string _path;
    private readonly string _stem;
    private readonly Process _ffmpeg;
    private readonly Stream _stdout;
    private readonly Queue<string> _stderr = new();
    private readonly byte[] _buffer;
    private readonly FrameFormat _format;
    private int _frame;

    private VideoFileSource(string path, FrameFormat format, int? frameCount, Process ffmpeg)
    {
        _path = path;
        _stem = Path.GetFileNameWithoutExtension(path);
        _format = format;
        FrameCount = frameCount;
        _ffmpeg = ffmpeg;
        _stdout = ffmpeg.StandardOutput.BaseStream;
        _buffer = new byte[format.BufferSize];
        Description = Path.GetFileName(path);
    }

    public override string Description { get; }

    public override int? FrameCount { get; }

    public override bool SkipsBadFrames => false;

    /// <summary>Probes the file and starts the decoder; throws CliException with ffprobe's reason when it is not a video.</summary>
    public static VideoFileSource Open(string path, int? maxFrames)
    {
        var (width, height, frames) = Probe(path);
        if (maxFrames is { } max && (frames is null || frames > max)) frames = max;
        var format = new FrameFormat(width, height, PixelFormat.Bgr8);

        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        // -noautorotate keeps the decoded size equal to the probed one.
        foreach (var arg in new[] { "-nostdin", "-hide_banner", "-v", "error", "-noautorotate", "-i", path, "-map", "0:v:0", "-f", "rawvideo", "-pix_fmt", "bgr24" })
            start.ArgumentList.Add(arg);
        if (maxFrames is { } limit)
        {
            start.ArgumentList.Add("-frames:v");
            start.ArgumentList.Add(limit.ToString(CultureInfo.InvariantCulture));
        }
        start.ArgumentList.Add("pipe:1");
        var process = StartTool(start, "ffmpeg");
        var source = new VideoFileSource(path, format, frames, process);
        process.ErrorDataReceived += source.OnStderr;
        process.BeginErrorReadLine();
        return source;
    }

    public override bool TryReadNext(out SourceFrame frame)
    {
        int read = _stdout.ReadAtLeast(_buffer, _buffer.Length, throwOnEndOfStream: false);
        if (read < _buffer.Length)
        {
            _ffmpeg.WaitForExit();
            if (_ffmpeg.ExitCode != 0)
                throw new CliException(CliExitCode.InvalidInput,
                    $"cannot decode video '{_path}' after {_frame} frame(s): ffmpeg exited with {_ffmpeg.ExitCode}: {LastStderr()}");
            frame = default;
            return false;
        }
        frame = new SourceFrame(_path, $"{_stem}_{_frame:D6}", _format, _buffer);
        _frame++;
        return true;
    }

    private void OnStderr(object sender, DataReceivedEventArgs e)
    {
        if (string.IsNullOrWhiteSpace(e.Data)) return;
        lock (_stderr)
        {
            if (_stderr.Count == StderrLinesKept) _stderr.Dequeue();
            _stderr.Enqueue(e.Data.Trim());
        }
    }

    private string LastStderr()
    {
        lock (_stderr) return _stderr.Count == 0 ? "no message" : string.Join(" | ", _stderr);
    }

    private static (int Width, int Height, int? Frames) Probe(string path)
    {
        var start = new ProcessStartInfo("ffprobe")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,nb_frames", "-of", "default=noprint_wrappers=1", path })
            start.ArgumentList.Add(arg);
        using var process = StartTool(start, "ffprobe");
        var stderrTask = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string stderr = stderrTask.GetAwaiter().GetResult().Trim();
        int width = 0, height = 0;
        int? frames = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = line.IndexOf('=');
            if (eq < 0) continue;
            var key = line.AsSpan(0, eq);
            var value = line.AsSpan(eq + 1);
            if (key.SequenceEqual("width")) int.TryParse(value, CultureInfo.InvariantCulture, out width);
            else if (key.SequenceEqual("height")) int.TryParse(value, CultureInfo.InvariantCulture, out height);
            else if (key.SequenceEqual("nb_frames") && int.TryParse(value, CultureInfo.InvariantCulture, out int n) && n > 0) frames = n;
        }
        if (process.ExitCode != 0 || width <= 0 || height <= 0)
        {
            string reason = stderr.Length > 0 ? FirstLine(stderr) : "no video stream found";
            throw new CliException(CliExitCode.InvalidInput, $"cannot read video '{path}': {reason}");
        }
        return (width, height, frames);
    }

    private static string FirstLine(string text)
    {
        int nl = text.IndexOf('\n');
        return nl < 0 ? text : text[..nl].Trim();
    }

    private static Process StartTool(ProcessStartInfo start, string tool)
    {
        try
        {
            return Process.Start(start) ?? throw new CliException(CliExitCode.MissingDependency, $"could not start {tool}");
        }
        catch (Win32Exception ex)
        {
            throw new CliException(CliExitCode.MissingDependency,
                $"{tool} is needed to read video files but could not be started ({ex.Message}); install it with: apt-get install ffmpeg (or run scripts/setup.sh)", ex);
        }
    }

    public override void Dispose()
    {
        if (!_ffmpeg.HasExited)
        {
            // Stopped early (--frames reached, or an error): the decoder has nothing left to do.
            _ffmpeg.Kill();
            _ffmpeg.WaitForExit();
        }
        _ffmpeg.Dispose();
    }
}
