using Microsoft.Extensions.Logging;
using TriVision.Capture.Configuration;
using TriVision.Capture.Logging;
using TriVision.Capture.Sources;
using TriVision.Core.Frames;
using TriVision.Core.Time;

namespace TriVision.Capture.Aravis;

/// <summary>
/// A GigE Vision / USB3 Vision camera through Aravis. Each pool buffer is wrapped once per session
/// in an ArvBuffer over the pool's own memory (<c>arv_buffer_new_full</c> with preallocated data),
/// so the camera stack writes the image straight into the frame the pipeline reads: no copy after
/// the camera stack. A frame held by the pipeline is simply not in the stream; it goes back in
/// when its last holder releases it and the capture thread rents it again.
/// </summary>
public sealed unsafe class GenICamSource : FrameSourceBase
{
    private const ulong PopSliceUs = 100_000;

    private readonly string? _deviceId;
    private GObjectHandle? _camera;
    private GObjectHandle? _stream;
    private nint[] _arvBuffers = [];
    private Frame?[] _inStream = [];
    private int _inStreamCount;
    private int _payload;
    private bool _isGv;
    private GenICamStatistics _previousSessions;
    private GenICamStatistics _currentSession;
    private readonly object _statsGate = new();

    /// <param name="deviceId">Aravis device id (e.g. "Aravis-Fake-GV01", "Fake_1", an IP address), or null for the first camera found.</param>
    public GenICamSource(string cameraId, string? deviceId, CameraSourceOptions options, ILogger logger)
        : base(cameraId, options, logger)
    {
        _deviceId = string.IsNullOrEmpty(deviceId) ? null : deviceId;
        AravisLibrary.EnsureRegistered();
    }

    public override string Description => $"genicam://{_deviceId ?? "(first found)"}";

    /// <summary>The Aravis device id actually opened.</summary>
    public string? OpenedDeviceId { get; private set; }

    /// <summary>Stream statistics over all sessions so far (sampled by the capture thread).</summary>
    public GenICamStatistics Statistics
    {
        get { lock (_statsGate) return _previousSessions + _currentSession; }
    }

    /// <summary>Buffers currently queued in the Aravis stream (written by the camera stack).</summary>
    public int BuffersInStream => Volatile.Read(ref _inStreamCount);

    /// <summary>Bytes copied per frame by TriVision on this path: none, the camera stack writes into pool memory.</summary>
    public const int BytesCopiedPerFrame = 0;

    /// <summary>Ids of the cameras Aravis can see now (for error messages and the CLI).</summary>
    public static IReadOnlyList<string> ListDevices(bool includeFake = false)
    {
        AravisLibrary.EnsureRegistered();
        if (includeFake) AravisNative.EnableInterface("Fake");
        AravisNative.UpdateDeviceList();
        uint n = AravisNative.GetNDevices();
        var ids = new List<string>((int)n);
        for (uint i = 0; i < n; i++)
            if (AravisNative.Utf8(AravisNative.GetDeviceId(i)) is { } id) ids.Add(id);
        return ids;
    }

    protected override FrameFormat Connect()
    {
        bool fake = _deviceId is not null && _deviceId.StartsWith("Fake", StringComparison.Ordinal);
        var devices = ListDevices(includeFake: fake);
        string? id = _deviceId;
        if (id is null)
        {
            if (devices.Count == 0)
                throw new FrameSourceException($"Camera '{CameraId}': no GenICam camera found (genicam://). Check the cable and network, or start the simulator: arv-fake-gv-camera-0.8 -i 127.0.0.1");
            id = devices[0];
        }
        bool loopback = IsLoopback(id);

        GError* error = null;
        nint camera = AravisNative.CameraNew(id, &error);
        if (error != null || camera == 0)
        {
            string detail = error != null ? AravisNative.Utf8(error->Message) ?? "" : "";
            if (error != null) AravisNative.ErrorFree(error);
            throw new FrameSourceException(
                $"Camera '{CameraId}': GenICam camera '{id}' not found or not reachable ({detail}). Cameras found: {(devices.Count == 0 ? "none" : string.Join(", ", devices))}.");
        }
        _camera = new GObjectHandle(camera);
        OpenedDeviceId = id;
        _isGv = AravisNative.CameraIsGvDevice(camera) != 0;
        Configure(camera);

        int x, y, width, height;
        AravisNative.CameraGetRegion(camera, &x, &y, &width, &height, &error);
        AravisException.Check(error, "arv_camera_get_region");
        uint pfnc = AravisNative.CameraGetPixelFormat(camera, &error);
        AravisException.Check(error, "arv_camera_get_pixel_format");
        if (!GenICamPixelFormats.TryFromPfnc(pfnc, out var pixelFormat))
            throw new FrameSourceException($"Camera '{CameraId}': pixel format 0x{pfnc:x8} of '{id}' is not supported; set PixelFormat to one of {string.Join(", ", Enum.GetNames<PixelFormat>())}.");
        _payload = (int)AravisNative.CameraGetPayload(camera, &error);
        AravisException.Check(error, "arv_camera_get_payload");

        if (_isGv)
        {
            // Raw packet sockets cannot capture on loopback (the simulator); the UDP socket path can.
            if (loopback) AravisNative.CameraGvSetStreamOptions(camera, AravisNative.GvStreamOptionPacketSocketDisabled);
        }
        nint stream = AravisNative.CameraCreateStream(camera, 0, 0, &error);
        AravisException.Check(error, "arv_camera_create_stream");
        if (stream == 0) throw new FrameSourceException($"Camera '{CameraId}': arv_camera_create_stream returned no stream for '{id}'.");
        _stream = new GObjectHandle(stream);
        // A socket buffer the size of a frame: the default one overflows at full-HD rates.
        if (_isGv) AravisNative.ObjectSetInt(stream, "socket-buffer", AravisNative.GvStreamSocketBufferAuto);

        _currentSession = default;
        return new FrameFormat(width, height, pixelFormat);
    }

    private void Configure(nint camera)
    {
        GError* error = null;
        var o = Options;
        AravisNative.CameraSetAcquisitionMode(camera, AravisNative.AcquisitionModeContinuous, &error);
        AravisException.Check(error, "arv_camera_set_acquisition_mode(Continuous)");
        if (o.ParsedPixelFormat is { } pf)
        {
            AravisNative.CameraSetPixelFormat(camera, GenICamPixelFormats.ToPfnc(pf), &error);
            Check(error, $"arv_camera_set_pixel_format({pf})", "PixelFormat");
        }
        if (o.Width > 0)
        {
            AravisNative.CameraSetRegion(camera, o.OffsetX, o.OffsetY, o.Width, o.Height, &error);
            Check(error, $"arv_camera_set_region({o.OffsetX},{o.OffsetY},{o.Width},{o.Height})", "Width/Height/OffsetX/OffsetY");
        }
        if (o.ExposureUs > 0)
        {
            AravisNative.CameraSetExposureTime(camera, o.ExposureUs, &error);
            Check(error, $"arv_camera_set_exposure_time({o.ExposureUs})", "ExposureUs");
        }
        if (o.GainDb >= 0)
        {
            AravisNative.CameraSetGain(camera, o.GainDb, &error);
            Check(error, $"arv_camera_set_gain({o.GainDb})", "GainDb");
        }
        if (o.FrameRate > 0)
        {
            AravisNative.CameraSetFrameRate(camera, o.FrameRate, &error);
            Check(error, $"arv_camera_set_frame_rate({o.FrameRate})", "FrameRate");
        }
        if (_isGv)
        {
            if (o.PacketSize > 0)
            {
                AravisNative.CameraGvSetPacketSize(camera, o.PacketSize, &error);
                Check(error, $"arv_camera_gv_set_packet_size({o.PacketSize})", "PacketSize");
            }
            else
            {
                AravisNative.CameraGvAutoPacketSize(camera, &error);
                if (error != null)
                {
                    // Negotiation is an optimisation: the default packet size still works.
                    CaptureLog.Detail(Logger, CameraId, $"packet size negotiation failed: {AravisNative.Utf8(error->Message)}");
                    AravisNative.ErrorFree(error);
                    error = null;
                }
            }
            if (o.PacketDelayNs > 0)
            {
                AravisNative.CameraGvSetPacketDelay(camera, o.PacketDelayNs, &error);
                Check(error, $"arv_camera_gv_set_packet_delay({o.PacketDelayNs})", "PacketDelayNs");
            }
        }
    }

    private void Check(GError* error, string call, string key)
    {
        if (error == null) return;
        string? message = AravisNative.Utf8(error->Message);
        AravisNative.ErrorFree(error);
        throw new FrameSourceException($"Camera '{CameraId}': {call} failed: {message}. Check the camera's {key} setting.");
    }

    protected override int RequiredBufferSize(FrameFormat format) => Math.Max(format.BufferSize, _payload);

    protected override bool RunSession()
    {
        nint camera = _camera!.DangerousGetHandle();
        nint stream = _stream!.DangerousGetHandle();
        var pool = Pool;
        if (_arvBuffers.Length != pool.Capacity)
        {
            _arvBuffers = new nint[pool.Capacity];
            _inStream = new Frame?[pool.Capacity];
        }
        if (pool.BufferSize < _payload)
            throw new FrameSourceException($"Camera '{CameraId}': payload grew to {_payload} bytes, larger than the pool's {pool.BufferSize}; restart the pipeline.");
        TopUp(stream, pool);

        GError* error = null;
        AravisNative.CameraStartAcquisition(camera, &error);
        AravisException.Check(error, "arv_camera_start_acquisition");

        long lastFrameNs = MonotonicClock.NowNs;
        long timeoutNs = (long)Options.StartTimeout.TotalMilliseconds * 1_000_000;
        long faultNs = (long)Options.FaultTimeout.TotalMilliseconds * 1_000_000;
        ulong sliceUs = Math.Min(PopSliceUs, (ulong)Math.Max(1, faultNs / 1000 / 4));
        int sinceStats = 0;
        while (!StopRequested)
        {
            nint buffer = AravisNative.StreamTimeoutPopBuffer(stream, sliceUs);
            long now = MonotonicClock.NowNs;
            if (buffer == 0)
            {
                TopUp(stream, pool);
                if (now - lastFrameNs > timeoutNs)
                {
                    SampleStatistics(stream);
                    throw new FrameSourceException($"Camera '{CameraId}': no frame from '{OpenedDeviceId}' within {(now - lastFrameNs) / 1_000_000} ms (fault timeout {Options.FaultTimeout.TotalMilliseconds:0} ms): camera stalled or disconnected.");
                }
                continue;
            }
            int index = (int)AravisNative.BufferGetUserData(buffer);
            var frame = _inStream[index]!;
            _inStream[index] = null;
            Interlocked.Decrement(ref _inStreamCount);
            if (AravisNative.BufferGetStatus(buffer) == AravisNative.BufferStatusSuccess)
            {
                frame.DeviceFrameId = AravisNative.BufferGetFrameId(buffer);
                frame.DeviceTimestampNs = AravisNative.BufferGetTimestamp(buffer);
                frame.CaptureTimestampNs = now;
                lastFrameNs = now;
                timeoutNs = faultNs;
                Deliver(frame);
            }
            else
            {
                FrameMetrics.Dropped(CameraId, "source");
                frame.Release();
            }
            TopUp(stream, pool);
            if (++sinceStats >= 30)
            {
                sinceStats = 0;
                SampleStatistics(stream);
            }
        }
        return false;
    }

    /// <summary>Keeps the stream supplied with free pool buffers; a buffer comes back only when the pipeline has released its frame.</summary>
    private void TopUp(nint stream, FramePool pool)
    {
        while (Volatile.Read(ref _inStreamCount) < Options.StreamBuffers && pool.TryRent(out var frame))
        {
            int index = frame.Index;
            nint arvBuffer = _arvBuffers[index];
            if (arvBuffer == 0)
            {
                arvBuffer = AravisNative.BufferNewFull((nuint)pool.BufferSize, frame.Pointer, index, 0);
                _arvBuffers[index] = arvBuffer;
            }
            _inStream[index] = frame;
            Interlocked.Increment(ref _inStreamCount);
            // The stream takes our reference to the ArvBuffer; popping gives it back.
            AravisNative.StreamPushBuffer(stream, arvBuffer);
        }
    }

    private void SampleStatistics(nint stream)
    {
        ulong completed, failures, underruns;
        AravisNative.StreamGetStatistics(stream, &completed, &failures, &underruns);
        ulong resent = 0, missing = 0;
        if (_isGv)
        {
            resent = AravisNative.StreamGetInfoUInt64ByName(stream, "n_resent_packets");
            missing = AravisNative.StreamGetInfoUInt64ByName(stream, "n_missing_packets");
        }
        lock (_statsGate) _currentSession = new GenICamStatistics(completed, failures, underruns, resent, missing);
    }

    protected override void Disconnect()
    {
        if (_camera is { IsInvalid: false } camera && _stream is { IsInvalid: false } stream)
        {
            GError* error = null;
            AravisNative.CameraStopAcquisition(camera.DangerousGetHandle(), &error);
            if (error != null)
            {
                // Expected when the camera is gone: there is nobody to tell to stop.
                CaptureLog.Detail(Logger, CameraId, $"arv_camera_stop_acquisition: {AravisNative.Utf8(error->Message)}");
                AravisNative.ErrorFree(error);
            }
            SampleStatistics(stream.DangerousGetHandle());
        }
        // Dropping the stream joins its thread and unrefs the ArvBuffers still queued in it;
        // their memory is the pool's (preallocated), so only the frames go back to the pool.
        _stream?.Dispose();
        _stream = null;
        for (int i = 0; i < _inStream.Length; i++)
        {
            if (_inStream[i] is { } frame)
            {
                _inStream[i] = null;
                _arvBuffers[i] = 0;
                frame.Release();
            }
        }
        Volatile.Write(ref _inStreamCount, 0);
        for (int i = 0; i < _arvBuffers.Length; i++)
        {
            if (_arvBuffers[i] != 0)
            {
                AravisNative.ObjectUnref(_arvBuffers[i]);
                _arvBuffers[i] = 0;
            }
        }
        _camera?.Dispose();
        _camera = null;
        lock (_statsGate)
        {
            _previousSessions += _currentSession;
            _currentSession = default;
        }
    }

    private static bool IsLoopback(string id)
    {
        if (System.Net.IPAddress.TryParse(id, out var ip)) return System.Net.IPAddress.IsLoopback(ip);
        uint n = AravisNative.GetNDevices();
        for (uint i = 0; i < n; i++)
        {
            if (AravisNative.Utf8(AravisNative.GetDeviceId(i)) != id) continue;
            string? address = AravisNative.Utf8(AravisNative.GetDeviceAddress(i));
            return address is not null && System.Net.IPAddress.TryParse(address, out var a) && System.Net.IPAddress.IsLoopback(a);
        }
        return false;
    }
}
