using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriVision.Capture.Aravis;
using TriVision.Capture.Configuration;
using TriVision.Capture.FFmpeg;
using TriVision.Capture.Folder;
using TriVision.Capture.Imaging;
using TriVision.Capture.Simulator;
using TriVision.Simulation;
using TriVision.Core.Frames;

namespace TriVision.Capture.Sources;

/// <summary>Turns a source URI (and the camera's options) into a frame source.</summary>
public static class FrameSourceFactory
{
    /// <summary>Creates a source for <paramref name="uri"/>; <paramref name="options"/>.Source is ignored in favour of the URI.</summary>
    /// <exception cref="CaptureConfigurationException">The URI or an option is invalid; the message says which and what is allowed.</exception>
    public static FrameSourceBase Create(string uri, CameraSourceOptions? options = null, ILoggerFactory? loggerFactory = null, ImageDecoders? decoders = null)
    {
        var o = options?.Clone() ?? new CameraSourceOptions();
        o.Source = uri;
        return Create(o, loggerFactory, decoders);
    }

    /// <summary>Creates the source a camera's options declare, after validating them.</summary>
    public static FrameSourceBase Create(CameraSourceOptions options, ILoggerFactory? loggerFactory = null, ImageDecoders? decoders = null)
    {
        string key = options.Name is { Length: > 0 } n ? $"Cameras:{n}" : "Camera";
        options.Validate(key);
        var parsed = SourceUri.Parse(options.Source);
        string cameraId = options.Name is { Length: > 0 } name ? name : parsed.DefaultCameraId;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("TriVision.Capture." + parsed.Kind);
        switch (parsed.Kind)
        {
            case SourceKind.GenICam:
                return new GenICamSource(cameraId, parsed.Target, options, logger);
            case SourceKind.Rtsp:
                return new FFmpegSource(cameraId, FFmpegInputKind.Rtsp, parsed.Target!, options, logger);
            case SourceKind.Http:
                return new FFmpegSource(cameraId, FFmpegInputKind.Http, parsed.Target!, options, logger);
            case SourceKind.V4l2:
                return new FFmpegSource(cameraId, FFmpegInputKind.V4l2, parsed.Target!, options, logger);
            case SourceKind.File:
                if (!File.Exists(parsed.Target))
                    throw new CaptureConfigurationException($"{key}:Source = '{options.Source}': file '{parsed.Target}' does not exist.");
                return new FFmpegSource(cameraId, FFmpegInputKind.File, parsed.Target!, options, logger);
            case SourceKind.Folder:
            {
                if (!Directory.Exists(parsed.Target))
                    throw new CaptureConfigurationException($"{key}:Source = '{options.Source}': folder '{parsed.Target}' does not exist.");
                var d = decoders ?? ImageDecoders.CreateDefault();
                var pixelFormat = options.ParsedPixelFormat ?? PixelFormat.Bgr8;
                string dir = parsed.Target!;
                bool loop = options.Loop;
                return new RenderedFrameSource(cameraId, () => new FolderRenderer(dir, d, pixelFormat, loop), options, logger);
            }
            case SourceKind.Simulator:
            {
                SimulatorOptions sim;
                try
                {
                    sim = SimulatorOptions.Parse(parsed.Target);
                }
                catch (ArgumentException ex)
                {
                    throw new CaptureConfigurationException($"{key}:Source = '{options.Source}': {ex.Message}");
                }
                // Simulated time advances 1/fps per frame: pace the source at the same rate so the
                // belt moves at its real speed in wall-clock time. A camera FrameRate without an fps
                // in the URI sets the simulator's fps; with neither, the simulator's default is used.
                var paced = options.Clone();
                bool fpsInUri = parsed.Target is { } q && q.Contains("fps=", StringComparison.OrdinalIgnoreCase);
                if (paced.FrameRate == 0) paced.FrameRate = sim.Fps;
                else if (!fpsInUri) sim.Fps = paced.FrameRate;
                return new RenderedFrameSource(cameraId, () => new SimulatorRenderer(sim), paced, logger);
            }
            default:
                throw new CaptureConfigurationException($"{key}:Source = '{options.Source}' is not supported; expected one of: {SourceUri.Forms}.");
        }
    }
}
