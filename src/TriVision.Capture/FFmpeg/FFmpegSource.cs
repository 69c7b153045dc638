using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using TriVision.Capture.Configuration;
using TriVision.Capture.Logging;
using TriVision.Capture.Sources;
using TriVision.Core.Frames;
using TriVision.Core.Time;

namespace TriVision.Capture.FFmpeg;

/// <summary>
/// RTSP, files, V4L2 and HTTP MJPEG through an <c>ffmpeg</c> child process that decodes to raw
/// frames on its stdout. The pipe is read with System.IO.Pipelines and its segments are copied
/// straight into pool buffers: one copy, which no pipe can avoid, and no intermediate frame
/// buffer. A stalled stream (no frame within the fault timeout), a dead URL or a broken file is a
/// fault event with ffmpeg's own explanation; the process is killed and, for streams, restarted.
/// </summary>
public sealed class FFmpegSource : FrameSourceBase
{
    private readonly FFmpegInputKind _kind;
    private readonly string _input;
    private readonly PixelFormat _pixelFormat;
    private Process? _process;
    private FFmpegStderr? _stderr;
    private PipeReader? _reader;
    private Frame? _current;
    private int _filled;
    private bool _skipping;
    private int _frameSize;
    private long _bytesCopied;
    private long _framesCopied;

    public FFmpegSource(string cameraId, FFmpegInputKind kind, string input, CameraSourceOptions options, ILogger logger)
        : base(cameraId, options, logger)
    {
        _kind = kind;
        _input = input;
        _pixelFormat = options.ParsedPixelFormat ?? PixelFormat.Bgr8;
        FFmpegArguments.PixelFormatName(_pixelFormat); // validates now, not on the capture thread
    }

    public override string Description => $"{_kind.ToString().ToLowerInvariant()} {RedactedInput}";

    public FFmpegInputKind Kind => _kind;

    /// <summary>Bytes copied from the pipe into frames, divided by frames: the one unavoidable copy of this path.</summary>
    public double BytesCopiedPerFrame => Interlocked.Read(ref _framesCopied) == 0 ? 0 : (double)Interlocked.Read(ref _bytesCopied) / Interlocked.Read(ref _framesCopied);

    /// <summary>The ffmpeg process of the current session (for CPU accounting in benchmarks).</summary>
    public Process? CurrentProcess => _process;

    /// <summary>A broken file stays broken: only streams and devices reconnect.</summary>
    protected override bool ReconnectOnFault => Options.Reconnect && _kind != FFmpegInputKind.File;

    private string RedactedInput =>
        Uri.TryCreate(_input, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.UserInfo)
            ? _input.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : _input;

    protected override FrameFormat Connect()
    {
        if (_kind == FFmpegInputKind.File && !File.Exists(_input))
            throw new FrameSourceException($"Camera '{CameraId}': file '{_input}' does not exist.");
        var psi = new ProcessStartInfo(Options.FFmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in FFmpegArguments.Build(_kind, _input, _pixelFormat, Options)) psi.ArgumentList.Add(arg);
        var stderr = new FFmpegStderr(Logger, CameraId);
        _stderr = stderr;
        try
        {
            _process = Process.Start(psi) ?? throw new FrameSourceException($"Camera '{CameraId}': ffmpeg did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new FrameSourceException($"Camera '{CameraId}': cannot run '{Options.FFmpegPath}' ({ex.Message}); install it with: apt-get install ffmpeg", ex);
        }
        _process.ErrorDataReceived += (_, e) => stderr.OnLine(e.Data);
        _process.BeginErrorReadLine();

        int width, height;
        if (Options.Width > 0)
        {
            (width, height) = (Options.Width, Options.Height);
        }
        else
        {
            var exited = _process.WaitForExitAsync(StopToken);
            var sized = stderr.OutputSize.Task;
            int which = Task.WaitAny([sized, exited], Options.StartTimeout);
            if (which != 0)
            {
                if (StopRequested) throw new OperationCanceledException(StopToken);
                string why = which == 1
                    ? $"ffmpeg exited with code {SafeExitCode()} before the first frame"
                    : $"no video from ffmpeg within {Options.StartTimeout.TotalSeconds:0.#} s";
                throw new FrameSourceException($"Camera '{CameraId}': cannot read {Description}: {why}: {stderr.Explanation()}");
            }
            (width, height) = sized.Result;
        }
        var format = new FrameFormat(width, height, _pixelFormat);
        _frameSize = format.BufferSize;
        _reader = PipeReader.Create(_process.StandardOutput.BaseStream, new StreamPipeReaderOptions(bufferSize: Math.Clamp(_frameSize, 4096, 1 << 20), minimumReadSize: 4096));
        return format;
    }

    private string SafeExitCode() => _process is { HasExited: true } p ? p.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";

    protected override bool RunSession() => RunSessionAsync().GetAwaiter().GetResult();

    private async Task<bool> RunSessionAsync()
    {
        var reader = _reader!;
        var pool = Pool;
        using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
        var timeout = Options.StartTimeout;
        bool any = false;
        while (true)
        {
            readTimeout.CancelAfter(timeout);
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(readTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!StopRequested)
            {
                throw new FrameSourceException($"Camera '{CameraId}': no frame from {Description} within {timeout.TotalMilliseconds:0} ms: stream stalled or disconnected. ffmpeg: {_stderr!.Explanation()}");
            }
            if (!readTimeout.TryReset())
                throw new OperationCanceledException(StopToken);
            long delivered = DeliveredCount;
            Consume(result.Buffer, pool);
            reader.AdvanceTo(result.Buffer.End);
            if (DeliveredCount != delivered)
            {
                any = true;
                timeout = Options.FaultTimeout;
            }
            if (result.IsCompleted) break;
        }
        // stdout closed: ffmpeg ended or died.
        await _process!.WaitForExitAsync(StopToken).ConfigureAwait(false);
        _process.WaitForExit(); // drains the stderr reader so the explanation is complete
        int code = _process.ExitCode;
        if (_filled > 0)
            throw new FrameSourceException($"Camera '{CameraId}': {Description} ended inside a frame ({_filled} of {_frameSize} bytes): truncated input. ffmpeg: {_stderr!.Explanation()}");
        if (code != 0)
            throw new FrameSourceException($"Camera '{CameraId}': ffmpeg exited with code {code} reading {Description}: {_stderr!.Explanation()}");
        if (_kind == FFmpegInputKind.File && !Options.Loop)
        {
            if (!any) throw new FrameSourceException($"Camera '{CameraId}': {Description} has no video frames. ffmpeg: {_stderr!.Explanation()}");
            return true;
        }
        throw new FrameSourceException($"Camera '{CameraId}': {Description} ended.");
    }

    /// <summary>Copies pipe segments into pool frames; a frame that finds no free buffer is skipped and counted.</summary>
    private void Consume(in ReadOnlySequence<byte> buffer, FramePool pool)
    {
        foreach (var segment in buffer)
        {
            var span = segment.Span;
            while (!span.IsEmpty)
            {
                if (_current is null && !_skipping)
                {
                    if (pool.TryRent(out var frame)) _current = frame;
                    else _skipping = true; // the pool counted the drop
                }
                int n = Math.Min(_frameSize - _filled, span.Length);
                if (_current is not null)
                {
                    span[..n].CopyTo(_current.Span[_filled..]);
                    _bytesCopied += n;
                }
                _filled += n;
                span = span[n..];
                if (_filled == _frameSize)
                {
                    _filled = 0;
                    if (_current is { } done)
                    {
                        _current = null;
                        done.CaptureTimestampNs = MonotonicClock.NowNs;
                        Interlocked.Increment(ref _framesCopied);
                        Deliver(done);
                    }
                    _skipping = false;
                }
            }
        }
    }

    protected override void Disconnect()
    {
        _current?.Release();
        _current = null;
        _filled = 0;
        _skipping = false;
        if (_reader is not null)
        {
            _reader.Complete();
            _reader = null;
        }
        if (_process is { } p)
        {
            _process = null;
            try
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }
            catch (InvalidOperationException ex)
            {
                CaptureLog.CleanupFailed(Logger, CameraId, $"ffmpeg process: {ex.Message}");
            }
            p.Dispose();
        }
    }
}
