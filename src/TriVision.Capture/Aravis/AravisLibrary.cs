using TriVision.Core.Native;

namespace TriVision.Capture.Aravis;

/// <summary>How the Aravis binding finds its native libraries (through the one resolver).</summary>
internal static class AravisLibrary
{
    public const string Aravis = "aravis-0.8";
    public const string GObject = "gobject-2.0";
    public const string GLib = "glib-2.0";

    public static readonly NativeLibrarySpec AravisSpec = new(
        "Aravis 0.8", ["libaravis-0.8.so.0", "libaravis-0.8.so"], "TRIVISION_ARAVIS_LIBRARY", null,
        "apt-get install libaravis-0.8-0 (and aravis-tools for the arv-fake-gv-camera-0.8 simulator)");

    public static readonly NativeLibrarySpec GObjectSpec = new(
        "GObject 2.0", ["libgobject-2.0.so.0"], null, null, "apt-get install libglib2.0-0");

    public static readonly NativeLibrarySpec GLibSpec = new(
        "GLib 2.0", ["libglib-2.0.so.0"], null, null, "apt-get install libglib2.0-0");

    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        NativeLibraryResolver.Register(typeof(AravisLibrary).Assembly, new Dictionary<string, NativeLibrarySpec>
        {
            [Aravis] = AravisSpec,
            [GObject] = GObjectSpec,
            [GLib] = GLibSpec,
        });
    }

    /// <summary>True when Aravis can be loaded here (tests use it to say why they cannot run).</summary>
    public static bool IsAvailable() => NativeLibraryResolver.TryLoad(AravisSpec, out _);
}
