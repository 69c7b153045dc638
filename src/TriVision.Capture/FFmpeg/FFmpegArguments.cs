using TriVision.Capture.Configuration;
using TriVision.Core.Frames;

namespace TriVision.Capture.FFmpeg;

/// <summary>Builds ffmpeg's argument list (never a shell line: a URL cannot inject anything).</summary>
internal static class FFmpegArguments
{
    public static string PixelFormatName(PixelFormat format) => format switch
    {
        PixelFormat.Bgr8 => "bgr24",
        PixelFormat.Rgb8 => "rgb24",
        PixelFormat.Mono8 => "gray",
        _ => throw new CaptureConfigurationException($"PixelFormat = {format} is not available from ffmpeg sources; allowed: Bgr8, Rgb8, Mono8."),
    };

    public static List<string> Build(FFmpegInputKind kind, string input, PixelFormat pixelFormat, CameraSourceOptions o)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info" };
        switch (kind)
        {
            case FFmpegInputKind.File:
                if (o.Loop) args.AddRange(["-stream_loop", "-1"]);
                if (o.NativeRate) args.Add("-re");
                break;
            case FFmpegInputKind.Rtsp:
                args.AddRange(["-rtsp_transport", o.RtspTransport]);
                if (o.RtspListen) args.AddRange(["-rtsp_flags", "listen"]);
                // Low-latency demuxing: no probing backlog, no reordering buffer.
                args.AddRange(["-fflags", "nobuffer", "-flags", "low_delay"]);
                break;
            case FFmpegInputKind.V4l2:
                args.AddRange(["-f", "v4l2"]);
                if (o.Width > 0) args.AddRange(["-video_size", $"{o.Width}x{o.Height}"]);
                if (o.FrameRate > 0) args.AddRange(["-framerate", o.FrameRate.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                break;
            case FFmpegInputKind.Http:
                args.AddRange(["-fflags", "nobuffer"]);
                break;
        }
        if (!string.IsNullOrEmpty(o.HwAccel)) args.AddRange(["-hwaccel", o.HwAccel]);
        args.AddRange(o.ExtraInputArguments);
        args.AddRange(["-i", input, "-an", "-sn", "-dn"]);
        var filters = new List<string>();
        if (o.FrameRate > 0 && kind != FFmpegInputKind.V4l2)
            filters.Add($"fps={o.FrameRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        if (o.Width > 0) filters.Add($"scale={o.Width}:{o.Height}");
        if (filters.Count > 0) args.AddRange(["-vf", string.Join(',', filters)]);
        args.AddRange(["-pix_fmt", PixelFormatName(pixelFormat), "-f", "rawvideo", "pipe:1"]);
        return args;
    }
}
