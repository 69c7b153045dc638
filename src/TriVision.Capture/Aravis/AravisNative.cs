using System.Runtime.InteropServices;

namespace TriVision.Capture.Aravis;

/// <summary>
/// The part of Aravis 0.8's C API that capture uses, written from /usr/include/aravis-0.8.
/// Pointers to GObjects are <c>nint</c> here and owned by <see cref="GObjectHandle"/> above this layer.
/// </summary>
internal static unsafe partial class AravisNative
{
    static AravisNative() => AravisLibrary.EnsureRegistered();

    public const int BufferStatusSuccess = 0;
    public const int AcquisitionModeContinuous = 0;
    public const int GvStreamOptionPacketSocketDisabled = 1;
    public const int GvStreamSocketBufferAuto = 1;

    // System (arvsystem.h)
    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_enable_interface", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void EnableInterface(string interfaceId);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_update_device_list")]
    public static partial void UpdateDeviceList();

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_get_n_devices")]
    public static partial uint GetNDevices();

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_get_device_id")]
    public static partial nint GetDeviceId(uint index);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_get_device_address")]
    public static partial nint GetDeviceAddress(uint index);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_get_device_protocol")]
    public static partial nint GetDeviceProtocol(uint index);

    // Camera (arvcamera.h)
    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_new", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint CameraNew(string? name, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_create_stream")]
    public static partial nint CameraCreateStream(nint camera, nint callback, nint userData, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_set_pixel_format")]
    public static partial void CameraSetPixelFormat(nint camera, uint format, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_get_pixel_format")]
    public static partial uint CameraGetPixelFormat(nint camera, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_set_region")]
    public static partial void CameraSetRegion(nint camera, int x, int y, int width, int height, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_get_region")]
    public static partial void CameraGetRegion(nint camera, int* x, int* y, int* width, int* height, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_set_exposure_time")]
    public static partial void CameraSetExposureTime(nint camera, double microseconds, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_set_gain")]
    public static partial void CameraSetGain(nint camera, double gain, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_set_frame_rate")]
    public static partial void CameraSetFrameRate(nint camera, double frameRate, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_set_acquisition_mode")]
    public static partial void CameraSetAcquisitionMode(nint camera, int mode, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_get_payload")]
    public static partial uint CameraGetPayload(nint camera, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_start_acquisition")]
    public static partial void CameraStartAcquisition(nint camera, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_stop_acquisition")]
    public static partial void CameraStopAcquisition(nint camera, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_is_gv_device")]
    public static partial int CameraIsGvDevice(nint camera);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_gv_set_packet_size")]
    public static partial void CameraGvSetPacketSize(nint camera, int packetSize, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_gv_auto_packet_size")]
    public static partial uint CameraGvAutoPacketSize(nint camera, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_gv_set_packet_delay")]
    public static partial void CameraGvSetPacketDelay(nint camera, long delayNs, GError** error);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_gv_set_stream_options")]
    public static partial void CameraGvSetStreamOptions(nint camera, int options);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_camera_get_device_id")]
    public static partial nint CameraGetDeviceId(nint camera, GError** error);

    // Buffers (arvbuffer.h)
    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_buffer_new_full")]
    public static partial nint BufferNewFull(nuint size, nint preallocated, nint userData, nint userDataDestroy);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_buffer_get_status")]
    public static partial int BufferGetStatus(nint buffer);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_buffer_get_user_data")]
    public static partial nint BufferGetUserData(nint buffer);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_buffer_get_data")]
    public static partial nint BufferGetData(nint buffer, nuint* size);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_buffer_get_timestamp")]
    public static partial ulong BufferGetTimestamp(nint buffer);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_buffer_get_frame_id")]
    public static partial ulong BufferGetFrameId(nint buffer);

    // Streams (arvstream.h)
    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_stream_push_buffer")]
    public static partial void StreamPushBuffer(nint stream, nint buffer);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_stream_timeout_pop_buffer")]
    public static partial nint StreamTimeoutPopBuffer(nint stream, ulong timeoutUs);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_stream_try_pop_buffer")]
    public static partial nint StreamTryPopBuffer(nint stream);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_stream_get_statistics")]
    public static partial void StreamGetStatistics(nint stream, ulong* completed, ulong* failures, ulong* underruns);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_stream_get_info_uint64_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ulong StreamGetInfoUInt64ByName(nint stream, string name);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_stream_get_n_infos")]
    public static partial uint StreamGetNInfos(nint stream);

    [LibraryImport(AravisLibrary.Aravis, EntryPoint = "arv_stream_get_info_name")]
    public static partial nint StreamGetInfoName(nint stream, uint id);

    // GObject / GLib
    [LibraryImport(AravisLibrary.GObject, EntryPoint = "g_object_unref")]
    public static partial void ObjectUnref(nint instance);

    [LibraryImport(AravisLibrary.GLib, EntryPoint = "g_error_free")]
    public static partial void ErrorFree(GError* error);

    /// <summary>
    /// <c>g_object_set(object, name, int value, NULL)</c>. It is variadic; on the SysV x64 and
    /// AAPCS64 (Linux) ABIs integer variadic arguments travel exactly like fixed ones, so an
    /// unmanaged function pointer with the fixed signature calls it correctly.
    /// </summary>
    public static void ObjectSetInt(nint instance, string property, int value)
    {
        var fn = (delegate* unmanaged<nint, byte*, int, nint, void>)GObjectSetPointer.Value;
        int length = System.Text.Encoding.UTF8.GetByteCount(property);
        byte* name = stackalloc byte[length + 1];
        System.Text.Encoding.UTF8.GetBytes(property, new Span<byte>(name, length));
        name[length] = 0;
        fn(instance, name, value, 0);
    }

    private static readonly Lazy<nint> GObjectSetPointer = new(() =>
        System.Runtime.InteropServices.NativeLibrary.GetExport(
            TriVision.Core.Native.NativeLibraryResolver.Load(AravisLibrary.GObjectSpec), "g_object_set"));

    public static string? Utf8(nint text) => text == 0 ? null : Marshal.PtrToStringUTF8(text);
}

/// <summary>GLib's GError: domain quark, code, message.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GError
{
    public uint Domain;
    public int Code;
    public nint Message;
}
