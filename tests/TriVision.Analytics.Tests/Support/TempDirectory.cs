namespace TriVision.Analytics.Tests.Support;

internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("trivision-analytics-").FullName;
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
