using TriVision.Capture.Sources;
using TriVision.Core.Frames;

namespace TriVision.Service.Cli.Detect;

/// <summary>
/// Cameras and streams (genicam://, rtsp://, http://, v4l2://, folder:, simulator) through the
/// capture layer: the source captures into its pool on its own thread and hands the newest frame
/// to a <see cref="LatestFrameSlot"/>; detect always works on the freshest frame and older ones are
/// dropped and counted, exactly as in the service.
/// </summary>
internal sealed class CaptureDetectSource : DetectSource
{
    private static readonly TimeSpan FirstFrameTimeout = TimeSpan.FromSeconds(30);

    private readonly FrameSourceBase _source;
    private readonly LatestFrameSlot _slot;
    private readonly TextWriter _log;
    private readonly CancellationTokenSource _firstFault = new();
    private Frame? _current;
    private bool _completed;
    private bool _hadFrame;
    private string? _firstFaultMessage;

    private CaptureDetectSource(FrameSourceBase source, LatestFrameSlot slot, TextWriter log)
    {
        _source = source;
        _slot = slot;
        _log = log;
    }

    public static CaptureDetectSource Open(string uri, TextWriter log)
    {
        FrameSourceBase source;
        try
        {
            source = FrameSourceFactory.Create(uri);
        }
        catch (FrameSourceException ex)
        {
            throw new CliException(CliExitCode.InvalidInput, ex.Message, ex);
        }
        var slot = new LatestFrameSlot(source.CameraId, capacity: 1);
        var result = new CaptureDetectSource(source, slot, log);
        source.Faulted += (_, e) =>
        {
            // Before the first frame a fault means the source cannot be read at all: stop waiting.
            if (!result._hadFrame)
            {
                result._firstFaultMessage ??= e.Message;
                result._firstFault.Cancel();
            }
            else log.WriteLine($"trivision: warning: camera fault on {source.CameraId}: {e.Message}");
        };
        source.Recovered += (_, _) => log.WriteLine($"trivision: camera {source.CameraId} recovered");
        source.Completed += (_, _) => slot.Complete();
        try
        {
            source.Open();
            source.Start(slot);
        }
        catch (FrameSourceException ex)
        {
            result.Dispose();
            throw new CliException(CliExitCode.InvalidInput, $"cannot open source '{uri}': {ex.Message}", ex);
        }
        return result;
    }

    public override string Description => _source.Description;

    public override int? FrameCount => null;

    public override bool SkipsBadFrames => false;

    public long DroppedFrames => _slot.DroppedCount;

    public override bool TryReadNext(out SourceFrame frame)
    {
        _current?.Release();
        _current = null;
        frame = default;
        if (_completed) return false;
        Frame? next;
        if (_hadFrame)
        {
            next = _slot.DequeueAsync().AsTask().GetAwaiter().GetResult();
        }
        else
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_firstFault.Token);
            timeout.CancelAfter(FirstFrameTimeout);
            try
            {
                next = _slot.DequeueAsync(timeout.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                throw new CliException(CliExitCode.InvalidInput, _firstFaultMessage is { } fault
                    ? $"cannot read source {_source.Description}: {fault}"
                    : $"no frame from {_source.Description} within {FirstFrameTimeout.TotalSeconds:0} s (state {_source.State})");
            }
            _hadFrame = true;
        }
        if (next is null)
        {
            _completed = true;
            return false;
        }
        _current = next;
        frame = new SourceFrame(_source.CameraId, $"{_source.CameraId}-{next.Sequence:D6}", next.Format, next.Span);
        return true;
    }

    public override void Dispose()
    {
        _current?.Release();
        _current = null;
        _source.Stop();
        _slot.ReleaseAll();
        if (_slot.DroppedCount > 0)
            _log.WriteLine($"detect: {_slot.DroppedCount} frame(s) dropped by the latest-frame slot (detector slower than the camera)");
        _source.Dispose();
        _firstFault.Dispose();
    }
}
