namespace TriVision.Capture.FFmpeg;

public enum FFmpegInputKind
{
    File,
    Rtsp,
    V4l2,
    /// <summary>HTTP(S) MJPEG or any stream ffmpeg reads over HTTP.</summary>
    Http,
}
