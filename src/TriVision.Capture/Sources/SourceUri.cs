using TriVision.Capture.Configuration;

namespace TriVision.Capture.Sources;

/// <summary>What kind of source a URI names.</summary>
public enum SourceKind
{
    GenICam,
    Rtsp,
    File,
    V4l2,
    Http,
    Folder,
    Simulator,
}

/// <summary>
/// A parsed source URI (the stable interface scripts rely on): <c>genicam://ID</c> or
/// <c>genicam://</c>, <c>rtsp://…</c>, <c>file:PATH</c> or a plain path, <c>v4l2:///dev/videoN</c>,
/// <c>http(s)://…</c>, <c>folder:DIR</c>, <c>simulator[?options]</c>.
/// </summary>
/// <param name="Kind">The source kind.</param>
/// <param name="Target">Camera id (null: first found), URL, file or folder path, device path, or the simulator's query.</param>
public sealed record SourceUri(SourceKind Kind, string? Target)
{
    public const string Forms = "genicam://CAMERA_ID, genicam://, rtsp://HOST/PATH, file:PATH or a plain path, v4l2:///dev/videoN, http://HOST/PATH (MJPEG), folder:DIR, simulator[?options]";

    public static SourceUri Parse(string uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
            throw new CaptureConfigurationException($"Source is empty; expected one of: {Forms}.");
        uri = uri.Trim();
        if (StartsWith(uri, "genicam://"))
        {
            string id = uri["genicam://".Length..].TrimEnd('/');
            return new SourceUri(SourceKind.GenICam, id.Length == 0 ? null : Uri.UnescapeDataString(id));
        }
        if (StartsWith(uri, "rtsp://") || StartsWith(uri, "rtsps://"))
            return new SourceUri(SourceKind.Rtsp, uri);
        if (StartsWith(uri, "http://") || StartsWith(uri, "https://"))
            return new SourceUri(SourceKind.Http, uri);
        if (StartsWith(uri, "v4l2:"))
        {
            string device = uri["v4l2:".Length..];
            if (device.StartsWith("//", StringComparison.Ordinal)) device = device[2..];
            if (!device.StartsWith("/dev/", StringComparison.Ordinal))
                throw new CaptureConfigurationException($"Source '{uri}': expected v4l2:///dev/videoN.");
            return new SourceUri(SourceKind.V4l2, device);
        }
        if (StartsWith(uri, "folder:"))
            return new SourceUri(SourceKind.Folder, LocalPath(uri["folder:".Length..]));
        if (StartsWith(uri, "file:"))
            return new SourceUri(SourceKind.File, LocalPath(uri["file:".Length..]));
        if (uri.Equals("simulator", StringComparison.OrdinalIgnoreCase) || StartsWith(uri, "simulator?") || StartsWith(uri, "simulator:"))
        {
            int q = uri.IndexOf('?');
            return new SourceUri(SourceKind.Simulator, q < 0 ? "" : uri[(q + 1)..]);
        }
        int colon = uri.IndexOf("://", StringComparison.Ordinal);
        if (colon > 0)
            throw new CaptureConfigurationException($"Source '{uri}': scheme '{uri[..colon]}' is not supported; expected one of: {Forms}.");
        return new SourceUri(SourceKind.File, uri);
    }

    /// <summary>A default camera name for metrics and logs.</summary>
    public string DefaultCameraId => Kind switch
    {
        SourceKind.GenICam => Target ?? "genicam",
        SourceKind.File or SourceKind.Folder => Path.GetFileNameWithoutExtension(Target!.TrimEnd('/')) is { Length: > 0 } n ? n : Kind.ToString().ToLowerInvariant(),
        SourceKind.V4l2 => Path.GetFileName(Target!),
        SourceKind.Rtsp or SourceKind.Http => Uri.TryCreate(Target, UriKind.Absolute, out var u) ? $"{u.Host}{u.AbsolutePath}".TrimEnd('/') : Target!,
        _ => "simulator",
    };

    private static bool StartsWith(string s, string prefix) => s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static string LocalPath(string rest)
    {
        // file:///abs/path and file:/abs/path both mean /abs/path; file:relative stays relative.
        if (rest.StartsWith("///", StringComparison.Ordinal)) rest = rest[2..];
        else if (rest.StartsWith("//", StringComparison.Ordinal))
            throw new CaptureConfigurationException($"Source 'file:{rest}': remote file URIs are not supported; use file:///absolute/path or file:relative/path.");
        rest = Uri.UnescapeDataString(rest);
        if (rest.Length == 0) throw new CaptureConfigurationException("Source 'file:' or 'folder:' has no path.");
        return rest;
    }
}
