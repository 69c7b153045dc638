using TriVision.Capture.Imaging;

namespace TriVision.Service.Cli.Detect;

/// <summary>Turns <c>--source</c> into a <see cref="DetectSource"/>, or a clear error saying why it cannot.</summary>
internal static class DetectSourceFactory
{
    /// <summary>Extensions ffmpeg is asked to decode. Anything else that is not an image is refused up front.</summary>
    public static readonly IReadOnlyList<string> VideoExtensions =
        [".mp4", ".m4v", ".mkv", ".webm", ".avi", ".mov", ".mpg", ".mpeg", ".ts", ".flv", ".wmv", ".y4m", ".mjpeg", ".mjpg", ".h264", ".h265", ".hevc"];

    public static DetectSource Open(string source, int? maxFrames, TextWriter log)
    {
        if (source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) source = source["file:".Length..];
        else if (source.StartsWith("folder:", StringComparison.OrdinalIgnoreCase)) source = source["folder:".Length..];
        else if (source.Contains("://", StringComparison.Ordinal) || source.StartsWith("simulator", StringComparison.OrdinalIgnoreCase))
            return CaptureDetectSource.Open(source, log);

        if (Directory.Exists(source)) return OpenFolder(source, maxFrames);
        if (!File.Exists(source)) throw new CliException(CliExitCode.NotFound, $"source not found: {source}");

        var reader = ImageFileReader.CreateDefault();
        try
        {
            if (reader.HasImageExtension(source))
                return new ImageListSource(reader, [source], isFolder: false, Path.GetFileName(source));
            string ext = Path.GetExtension(source);
            foreach (var video in VideoExtensions)
                if (string.Equals(ext, video, StringComparison.OrdinalIgnoreCase))
                {
                    reader.Dispose();
                    return VideoFileSource.Open(source, maxFrames);
                }
            throw new CliException(CliExitCode.InvalidInput,
                $"unsupported source '{source}': expected an image ({reader.DescribeExtensions()}), a folder of images, or a video file ({string.Join(", ", VideoExtensions)})");
        }
        catch (CliException)
        {
            reader.Dispose();
            throw;
        }
    }

    private static ImageListSource OpenFolder(string folder, int? maxFrames)
    {
        var reader = ImageFileReader.CreateDefault();
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder))
            if (reader.HasImageExtension(file)) files.Add(file);
        if (files.Count == 0)
        {
            string known = reader.DescribeExtensions();
            reader.Dispose();
            throw new CliException(CliExitCode.InvalidInput, $"no images ({known}) in folder '{folder}'");
        }
        files.Sort(StringComparer.Ordinal);
        if (maxFrames is { } max && files.Count > max) files.RemoveRange(max, files.Count - max);
        return new ImageListSource(reader, files, isFolder: true, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)));
    }
}
