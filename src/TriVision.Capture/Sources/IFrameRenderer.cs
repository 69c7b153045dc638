using TriVision.Core.Frames;

namespace TriVision.Capture.Sources;

/// <summary>
/// Something that draws frames on demand into a buffer it is given: a folder of images, the belt
/// simulator. <see cref="RenderedFrameSource"/> paces it and gives it pool buffers, so a renderer
/// writes each image once, straight into the frame the pipeline reads.
/// </summary>
public interface IFrameRenderer : IDisposable
{
    /// <summary>Prepares the renderer and returns the format of every frame it will render.</summary>
    FrameFormat Open();

    /// <summary>
    /// Writes the next image into <paramref name="frame"/>'s buffer (its <see cref="Frame.Span"/>)
    /// and may set the device metadata (<see cref="Frame.DeviceFrameId"/>, <see cref="Frame.DeviceTimestampNs"/>).
    /// Returns false when a finite renderer has no more frames. Throws <see cref="FrameSourceException"/> on a broken input.
    /// </summary>
    bool RenderNext(Frame frame);

    /// <summary>Text for logs, e.g. "folder /data/belt (120 images)".</summary>
    string Description { get; }
}
