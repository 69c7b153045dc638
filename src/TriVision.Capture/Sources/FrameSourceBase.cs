using Microsoft.Extensions.Logging;
using TriVision.Capture.Configuration;
using TriVision.Capture.Logging;
using TriVision.Core.Frames;
using TriVision.Core.Time;

namespace TriVision.Capture.Sources;

/// <summary>
/// The life cycle every source shares: a dedicated capture thread that connects, captures until
/// the source ends, stalls or fails, reports the fault, tears everything down and reconnects with
/// exponential backoff. Subclasses implement one session (<see cref="Connect"/>,
/// <see cref="RunSession"/>, <see cref="Disconnect"/>) and call <see cref="Deliver"/> per frame.
/// </summary>
public abstract class FrameSourceBase : IFrameSource
{
    private readonly object _gate = new();
    private readonly ManualResetEventSlim _stopSignal = new(false);
    private CancellationTokenSource _stopCts = new();
    private Thread? _thread;
    private IFrameSink? _sink;
    private FramePool? _pool;
    private bool _connected;
    private bool _faulted;
    private long _faultSinceNs;
    private int _attempts;
    private long _sequence;
    private long _delivered;
    private volatile FrameSourceState _state = FrameSourceState.Created;

    protected FrameSourceBase(string cameraId, CameraSourceOptions options, ILogger logger)
    {
        CameraId = cameraId;
        Options = options;
        Logger = logger;
    }

    public string CameraId { get; }
    public CameraSourceOptions Options { get; }
    protected ILogger Logger { get; }

    public FrameFormat Format { get; private set; }

    public FramePool Pool => _pool ?? throw new InvalidOperationException($"Camera '{CameraId}' has not connected yet: Open() it, or wait for its first frame.");

    /// <summary>The pool, or null before the first successful connection.</summary>
    public FramePool? PoolOrNull => _pool;

    public FrameSourceState State => _state;

    /// <summary>Frames handed to the sink since start.</summary>
    public long DeliveredCount => Interlocked.Read(ref _delivered);

    /// <summary>Faults raised since start.</summary>
    public int FaultCount { get; private set; }

    /// <summary>A description of the source for logs (URI without credentials).</summary>
    public abstract string Description { get; }

    public event EventHandler<CameraFaultEventArgs>? Faulted;
    public event EventHandler<CameraRecoveredEventArgs>? Recovered;
    public event EventHandler? Completed;

    /// <summary>True when the source is finite and an error means it will not get better by retrying (a broken file).</summary>
    protected virtual bool ReconnectOnFault => Options.Reconnect;

    /// <summary>Cancelled when <see cref="Stop"/> is called: sessions must return promptly.</summary>
    protected CancellationToken StopToken => _stopCts.Token;

    protected bool StopRequested => _stopSignal.IsSet;

    public void Open()
    {
        lock (_gate)
        {
            if (_state != FrameSourceState.Created) return;
            FrameFormat format;
            try
            {
                format = Connect();
            }
            catch (Exception)
            {
                SafeDisconnect(); // a half-opened device must not leak its handles
                throw;
            }
            _connected = true;
            Format = format;
            _pool = new FramePool(format, Options.PoolSize, CameraId, RequiredBufferSize(format));
            _state = FrameSourceState.Opened;
        }
        CaptureLog.Opened(Logger, CameraId, Description, Format.ToString());
    }

    /// <summary>
    /// Starts the capture thread. Never throws for a source that cannot be reached: when the
    /// source was not opened, the first connection happens on the capture thread and its failure
    /// is a <see cref="Faulted"/> event (then reconnect, or stop for a broken file).
    /// </summary>
    public void Start(IFrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_gate)
        {
            if (_thread is not null) throw new InvalidOperationException($"Camera '{CameraId}' is already started.");
            _sink = sink;
            _stopSignal.Reset();
            if (!_stopCts.TryReset()) _stopCts = new CancellationTokenSource();
            _state = FrameSourceState.Running;
            _thread = new Thread(CaptureLoop) { IsBackground = true, Name = $"capture {CameraId}" };
            _thread.Start();
        }
    }

    public void Stop()
    {
        Thread? thread;
        lock (_gate)
        {
            thread = _thread;
            _thread = null;
            _stopSignal.Set();
            _stopCts.Cancel();
        }
        thread?.Join();
        bool wasActive;
        lock (_gate)
        {
            SafeDisconnect();
            wasActive = _state is not (FrameSourceState.Created or FrameSourceState.Stopped);
            if (_state != FrameSourceState.Created) _state = FrameSourceState.Stopped;
        }
        if (wasActive) CaptureLog.Stopped(Logger, CameraId, DeliveredCount);
    }

    public void Dispose()
    {
        Stop();
        _pool?.Dispose();
        _stopCts.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the device or process and returns the frame format. Throws <see cref="FrameSourceException"/> with a clear message.</summary>
    protected abstract FrameFormat Connect();

    /// <summary>Captures until stop (return <c>false</c>), the end of a finite source (return <c>true</c>), or a fault (throw).</summary>
    protected abstract bool RunSession();

    /// <summary>Releases everything the session holds: every frame back to the pool, no thread or handle left. Must not throw.</summary>
    protected abstract void Disconnect();

    /// <summary>Bytes each pool buffer needs; a device may need more than the format (payload with chunks).</summary>
    protected virtual int RequiredBufferSize(FrameFormat format) => format.BufferSize;

    /// <summary>Stamps and hands a filled frame to the sink (which takes the reference).</summary>
    protected void Deliver(Frame frame)
    {
        frame.CameraId = CameraId;
        frame.Sequence = _sequence++;
        if (frame.CaptureTimestampNs == 0) frame.CaptureTimestampNs = MonotonicClock.NowNs;
        Interlocked.Increment(ref _delivered);
        FrameMetrics.FrameDelivered(CameraId);
        if (_faulted) OnRecovered();
        _attempts = 0;
        var sink = _sink;
        if (sink is null) frame.Release();
        else sink.OnFrame(frame);
    }

    private void CaptureLoop()
    {
        while (!StopRequested)
        {
            bool completed = false;
            try
            {
                if (!_connected)
                {
                    var format = Connect();
                    _connected = true;
                    if (_pool is null)
                    {
                        Format = format;
                        _pool = new FramePool(format, Options.PoolSize, CameraId, RequiredBufferSize(format));
                        CaptureLog.Opened(Logger, CameraId, Description, format.ToString());
                    }
                    else if (format != Format)
                    {
                        throw new FrameSourceException($"Camera '{CameraId}' came back as {format}, not {Format}; restart the pipeline for a new format.");
                    }
                }
                completed = RunSession();
            }
            catch (Exception ex) when (!StopRequested)
            {
                // The edge of the source: any failure of the device, process or library becomes a fault event.
                RaiseFault(ex is FrameSourceException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", ex);
            }
            catch (Exception) when (StopRequested)
            {
                // A session interrupted by Stop() may fail in any way; nothing to report.
            }
            // Also after a failed Connect: Disconnect releases whatever part of the session exists.
            lock (_gate) SafeDisconnect();
            if (StopRequested) break;
            if (completed)
            {
                _state = FrameSourceState.Completed;
                CaptureLog.Completed(Logger, CameraId);
                Invoke(() => Completed?.Invoke(this, EventArgs.Empty));
                break;
            }
            if (!ReconnectOnFault)
            {
                _state = FrameSourceState.Faulted;
                break;
            }
            var delay = BackoffDelay();
            CaptureLog.Reconnecting(Logger, CameraId, (long)delay.TotalMilliseconds);
            if (_stopSignal.Wait(delay)) break;
        }
    }

    private TimeSpan BackoffDelay()
    {
        double ms = Options.ReconnectMinDelay.TotalMilliseconds * Math.Pow(2, Math.Min(_attempts - 1, 16));
        return TimeSpan.FromMilliseconds(Math.Min(Math.Max(ms, Options.ReconnectMinDelay.TotalMilliseconds), Options.ReconnectMaxDelay.TotalMilliseconds));
    }

    /// <summary>Reports a fault now, without ending the session (e.g. a stream that keeps trying by itself).</summary>
    protected void RaiseFault(string message, Exception? exception)
    {
        _attempts++;
        FaultCount++;
        if (!_faulted)
        {
            _faulted = true;
            _faultSinceNs = MonotonicClock.NowNs;
        }
        _state = FrameSourceState.Faulted;
        if (_attempts == 1) CaptureLog.Fault(Logger, CameraId, _attempts, message, exception is FrameSourceException ? null : exception);
        else CaptureLog.FaultRepeated(Logger, CameraId, _attempts, message);
        var args = new CameraFaultEventArgs(CameraId, message, exception, MonotonicClock.NowNs, _attempts);
        Invoke(() => Faulted?.Invoke(this, args));
    }

    private void OnRecovered()
    {
        _faulted = false;
        _state = FrameSourceState.Running;
        var downtime = TimeSpan.FromTicks((MonotonicClock.NowNs - _faultSinceNs) / 100);
        CaptureLog.Recovered(Logger, CameraId, (long)downtime.TotalMilliseconds, _attempts);
        var args = new CameraRecoveredEventArgs(CameraId, downtime, _attempts);
        Invoke(() => Recovered?.Invoke(this, args));
    }

    private void SafeDisconnect()
    {
        _connected = false;
        try
        {
            Disconnect();
        }
        catch (Exception ex)
        {
            CaptureLog.CleanupFailed(Logger, CameraId, ex.Message);
        }
    }

    private void Invoke(Action raise)
    {
        try
        {
            raise();
        }
        catch (Exception ex)
        {
            // A subscriber's bug must not kill the capture thread of a camera.
            CaptureLog.HandlerFailed(Logger, CameraId, ex);
        }
    }
}
