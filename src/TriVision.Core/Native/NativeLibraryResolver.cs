using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace TriVision.Core.Native;

/// <summary>
/// The one place that finds native libraries. Order: a path configured by the caller, the
/// spec's environment variable, the <c>.native/</c> folder that scripts/setup.sh fills, then the
/// system loader. A failure names every place tried and the command that installs the library.
/// </summary>
public static class NativeLibraryResolver
{
    /// <summary>Environment variable that overrides where the <c>.native/</c> folder is.</summary>
    public const string NativeDirVariable = "TRIVISION_NATIVE_DIR";

    private static readonly ConcurrentDictionary<string, nint> Loaded = new();
    private static readonly ConcurrentDictionary<string, string> LoadedFrom = new();
    private static readonly ConcurrentDictionary<string, string?> ConfiguredPaths = new();
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, NativeLibrarySpec>> Registrations = new();

    /// <summary>Where each library was loaded from, for start-up logs and health output.</summary>
    public static IReadOnlyDictionary<string, string> LoadedLibraries => LoadedFrom;

    /// <summary>Sets an explicit path for a library (from configuration) before its first use.</summary>
    public static void Configure(NativeLibrarySpec spec, string? path) => ConfiguredPaths[spec.DisplayName] = path;

    /// <summary>
    /// Routes the <c>[LibraryImport]</c>/<c>[DllImport]</c> names used by <paramref name="assembly"/>
    /// through this resolver. Call once per binding assembly (a static constructor is the usual place).
    /// </summary>
    public static void Register(Assembly assembly, IReadOnlyDictionary<string, NativeLibrarySpec> byImportName)
    {
        if (!Registrations.TryAdd(assembly, byImportName)) return;
        NativeLibrary.SetDllImportResolver(assembly, (name, _, _) =>
            byImportName.TryGetValue(name, out var spec) ? Load(spec) : 0);
    }

    /// <summary>Loads the library or throws <see cref="NativeLibraryNotFoundException"/>.</summary>
    public static nint Load(NativeLibrarySpec spec)
    {
        if (Loaded.TryGetValue(spec.DisplayName, out var h)) return h;
        lock (Loaded)
        {
            if (Loaded.TryGetValue(spec.DisplayName, out h)) return h;
            var tried = new List<string>();
            foreach (var candidate in Candidates(spec))
            {
                tried.Add(candidate);
                if (NativeLibrary.TryLoad(candidate, out h))
                {
                    Loaded[spec.DisplayName] = h;
                    LoadedFrom[spec.DisplayName] = candidate;
                    return h;
                }
            }
            throw new NativeLibraryNotFoundException(
                $"{spec.DisplayName} native library not found (tried: {string.Join(", ", tried)}). Install it with: {spec.InstallHint}");
        }
    }

    /// <summary>True when the library can be loaded; never throws.</summary>
    public static bool TryLoad(NativeLibrarySpec spec, out nint handle)
    {
        try { handle = Load(spec); return true; }
        catch (NativeLibraryNotFoundException) { handle = 0; return false; }
    }

    private static IEnumerable<string> Candidates(NativeLibrarySpec spec)
    {
        if (ConfiguredPaths.TryGetValue(spec.DisplayName, out var configured) && !string.IsNullOrWhiteSpace(configured))
            yield return configured;
        if (spec.EnvironmentVariable is { } env && Environment.GetEnvironmentVariable(env) is { Length: > 0 } fromEnv)
            yield return fromEnv;
        if (spec.SetupFolder is { } sub && FindNativeDirectory() is { } nativeDir)
        {
            string folder = Path.Combine(nativeDir, sub, RuntimeInformation.RuntimeIdentifier.Contains("arm64") ? "linux-arm64" : "linux-x64");
            foreach (var file in spec.FileNames)
                yield return Path.Combine(folder, file);
        }
        foreach (var file in spec.FileNames)
            yield return file;
    }

    /// <summary>
    /// The <c>.native/</c> folder: <c>$TRIVISION_NATIVE_DIR</c>, else the nearest ancestor of the
    /// application folder (or the working directory) that has one.
    /// </summary>
    public static string? FindNativeDirectory()
    {
        if (Environment.GetEnvironmentVariable(NativeDirVariable) is { Length: > 0 } env && Directory.Exists(env))
            return env;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, ".native");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
