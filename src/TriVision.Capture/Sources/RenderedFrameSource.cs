using Microsoft.Extensions.Logging;
using TriVision.Capture.Configuration;
using TriVision.Core.Frames;
using TriVision.Core.Time;

namespace TriVision.Capture.Sources;

/// <summary>
/// A source that renders frames at a fixed rate (<see cref="CameraSourceOptions.FrameRate"/>, or
/// as fast as the pipeline releases buffers when 0). Late ticks are skipped rather than caught up,
/// like a real camera: a source never produces a backlog.
/// </summary>
public sealed class RenderedFrameSource : FrameSourceBase
{
    private readonly Func<IFrameRenderer> _createRenderer;
    private IFrameRenderer? _renderer;

    /// <param name="createRenderer">Makes a fresh renderer per session (after a fault the old one is disposed).</param>
    public RenderedFrameSource(string cameraId, Func<IFrameRenderer> createRenderer, CameraSourceOptions options, ILogger logger)
        : base(cameraId, options, logger)
    {
        _createRenderer = createRenderer;
    }

    public override string Description => _renderer?.Description ?? Options.Source;

    protected override FrameFormat Connect()
    {
        _renderer = _createRenderer();
        return _renderer.Open();
    }

    protected override bool RunSession()
    {
        var renderer = _renderer!;
        var pool = Pool;
        long periodNs = Options.FrameRate > 0 ? (long)(1e9 / Options.FrameRate) : 0;
        long nextNs = MonotonicClock.NowNs;
        while (!StopRequested)
        {
            if (periodNs > 0)
            {
                long wait = nextNs - MonotonicClock.NowNs;
                if (wait > 0 && StopToken.WaitHandle.WaitOne(TimeSpan.FromTicks(wait / 100))) return false;
                nextNs += periodNs;
                long now = MonotonicClock.NowNs;
                if (nextNs < now) nextNs = now + periodNs; // late: skip ticks, never catch up
            }
            if (!pool.TryRent(out var frame))
            {
                // The pipeline holds every buffer: this tick's image is dropped (the pool counted it).
                if (periodNs == 0) StopToken.WaitHandle.WaitOne(1);
                continue;
            }
            bool rendered;
            try
            {
                rendered = renderer.RenderNext(frame);
            }
            catch
            {
                frame.Release();
                throw;
            }
            if (!rendered)
            {
                frame.Release();
                return true;
            }
            frame.CaptureTimestampNs = MonotonicClock.NowNs;
            Deliver(frame);
        }
        return false;
    }

    protected override void Disconnect()
    {
        _renderer?.Dispose();
        _renderer = null;
    }
}
