namespace TriVision.Core.Native;

/// <summary>A native library TriVision needs could not be loaded; the message says what to install.</summary>
public sealed class NativeLibraryNotFoundException : Exception
{
    public NativeLibraryNotFoundException(string message) : base(message) { }
}
