namespace TriVision.Core.Native;

/// <summary>
/// How to find one native library: the file names to try, the environment variable that may
/// point at it, the folder under <c>.native/</c> that scripts/setup.sh fills, and what to tell
/// the user when it is nowhere.
/// </summary>
/// <param name="DisplayName">Human name used in messages, e.g. "ONNX Runtime".</param>
/// <param name="FileNames">File names to try in each folder and on the system path, most specific first.</param>
/// <param name="EnvironmentVariable">Variable holding a full path to the library file, or null.</param>
/// <param name="SetupFolder">Sub-folder of the <c>.native/</c> folder that setup fills, or null for system-only libraries.</param>
/// <param name="InstallHint">What to run when the library is missing, e.g. "scripts/setup.sh" or "apt-get install libmosquitto1".</param>
public sealed record NativeLibrarySpec(
    string DisplayName,
    IReadOnlyList<string> FileNames,
    string? EnvironmentVariable,
    string? SetupFolder,
    string InstallHint);
