using System.Runtime.InteropServices;
using TriVision.Core.Native;

namespace TriVision.Messaging.Mqtt.Native;

/// <summary>
/// libmosquitto's C API (mosquitto.h, 2.0), bound by hand from the header. Only the calls
/// TriVision uses. Callbacks are registered as unmanaged function pointers, never delegates,
/// so there is no delegate lifetime to get wrong.
/// </summary>
internal static unsafe partial class MosquittoNative
{
    internal const string Library = "mosquitto";

    internal static readonly NativeLibrarySpec Spec = new(
        "libmosquitto",
        ["libmosquitto.so.1", "libmosquitto.so"],
        "TRIVISION_LIBMOSQUITTO",
        null,
        "apt-get install libmosquitto1");

    // enum mosq_opt_t
    internal const int OptProtocolVersion = 1;
    internal const int OptReceiveMaximum = 4;
    internal const int OptSendMaximum = 5;
    internal const int OptTcpNoDelay = 11;

    // MQTT_PROTOCOL_V311 / V5 and MQTT_PROP_USER_PROPERTY from mqtt_protocol.h
    internal const int ProtocolV311 = 4;
    internal const int ProtocolV5 = 5;
    internal const int PropUserProperty = 38;
    internal const int PropSessionExpiryInterval = 17;

    // enum mosq_err_t values we branch on
    internal const int ErrSuccess = 0;
    internal const int ErrProtocol = 2;
    internal const int ErrNoConn = 4;
    internal const int ErrConnLost = 7;
    internal const int ErrTls = 8;
    /// <summary>MOSQ_ERR_ERRNO: a system call failed; <c>mosquitto_strerror</c> gives errno's text (EPROTO, "Protocol error", when a TLS handshake is cut).</summary>
    internal const int ErrErrno = 14;

    // An explicit static constructor runs before the first native call through this class.
    static MosquittoNative() =>
        NativeLibraryResolver.Register(typeof(MosquittoNative).Assembly,
            new Dictionary<string, NativeLibrarySpec> { [Library] = Spec });

    [LibraryImport(Library)] internal static partial int mosquitto_lib_init();
    [LibraryImport(Library)] internal static partial int mosquitto_lib_version(out int major, out int minor, out int revision);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial MosquittoHandle mosquitto_new(string? id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, nint userdata);

    [LibraryImport(Library)] internal static partial void mosquitto_destroy(nint mosq);

    [LibraryImport(Library)] internal static partial int mosquitto_int_option(MosquittoHandle mosq, int option, int value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_username_pw_set(MosquittoHandle mosq, string? username, string? password);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_tls_set(MosquittoHandle mosq, string? cafile, string? capath, string? certfile, string? keyfile, nint pwCallback);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_will_set(MosquittoHandle mosq, string topic, int payloadlen, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_connect_async(MosquittoHandle mosq, string host, int port, int keepalive);

    // Blocking TCP connect; used only to hand MQTT 5 CONNECT properties to libmosquitto, which keeps
    // them for every later automatic reconnect.
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_connect_bind_v5(MosquittoHandle mosq, string host, int port, int keepalive, string? bindAddress, nint properties);

    [LibraryImport(Library)] internal static partial int mosquitto_disconnect(MosquittoHandle mosq);
    [LibraryImport(Library)] internal static partial int mosquitto_loop_start(MosquittoHandle mosq);
    [LibraryImport(Library)] internal static partial int mosquitto_loop_stop(MosquittoHandle mosq, [MarshalAs(UnmanagedType.U1)] bool force);

    [LibraryImport(Library)]
    internal static partial int mosquitto_reconnect_delay_set(MosquittoHandle mosq, uint delay, uint delayMax, [MarshalAs(UnmanagedType.U1)] bool exponentialBackoff);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_publish_v5(MosquittoHandle mosq, int* mid, string topic, int payloadlen, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain, nint properties);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_subscribe(MosquittoHandle mosq, int* mid, string sub, int qos);

    [LibraryImport(Library)] internal static partial void mosquitto_connect_v5_callback_set(MosquittoHandle mosq, delegate* unmanaged<nint, nint, int, int, nint, void> callback);
    [LibraryImport(Library)] internal static partial void mosquitto_disconnect_v5_callback_set(MosquittoHandle mosq, delegate* unmanaged<nint, nint, int, nint, void> callback);
    [LibraryImport(Library)] internal static partial void mosquitto_publish_v5_callback_set(MosquittoHandle mosq, delegate* unmanaged<nint, nint, int, int, nint, void> callback);
    [LibraryImport(Library)] internal static partial void mosquitto_message_v5_callback_set(MosquittoHandle mosq, delegate* unmanaged<nint, nint, MosquittoMessage*, nint, void> callback);
    [LibraryImport(Library)] internal static partial void mosquitto_log_callback_set(MosquittoHandle mosq, delegate* unmanaged<nint, nint, int, byte*, void> callback);

    [LibraryImport(Library)] internal static partial byte* mosquitto_strerror(int errno);
    [LibraryImport(Library)] internal static partial byte* mosquitto_connack_string(int code);
    [LibraryImport(Library)] internal static partial byte* mosquitto_reason_string(int code);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_property_add_string_pair(nint* proplist, int identifier, string name, string value);

    [LibraryImport(Library)]
    internal static partial nint mosquitto_property_read_string_pair(nint proplist, int identifier, byte** name, byte** value, [MarshalAs(UnmanagedType.U1)] bool skipFirst);

    [LibraryImport(Library)] internal static partial int mosquitto_property_add_int32(nint* proplist, int identifier, uint value);

    [LibraryImport(Library)] internal static partial void mosquitto_property_free_all(nint* properties);

    /// <summary>struct mosquitto_message, as laid out by the C compiler on LP64.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct MosquittoMessage
    {
        public int Mid;
        public byte* Topic;
        public byte* Payload;
        public int PayloadLength;
        public int Qos;
        public byte Retain;
    }

    internal static string Text(byte* s) => s is null ? "" : Marshal.PtrToStringUTF8((nint)s) ?? "";

    internal static string ErrorText(int rc) => Text(mosquitto_strerror(rc));
}
