namespace TriVision.Messaging.Tests.Infrastructure;

internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("trivision-mqtt-").FullName;
        // Readable by the broker, which drops from root to the mosquitto user (certificates live here).
        System.IO.File.SetUnixFileMode(Path, (UnixFileMode)0x1ED);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, true); }
        catch (IOException) { /* best effort */ }
    }
}
