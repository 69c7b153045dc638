namespace TriVision.Capture.Imaging;

/// <summary>
/// The still-image decoders the folder source can use, by file extension; more plug in with
/// <see cref="Add"/>.
/// </summary>
public sealed class ImageDecoders
{
    private readonly Dictionary<string, IImageDecoder> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    public ImageDecoders(params IImageDecoder[] decoders)
    {
        foreach (var d in decoders) Add(d);
    }

    /// <summary>Every decoder TriVision has: JPEG (libturbojpeg), PNG, PPM/PGM, BMP.</summary>
    public static ImageDecoders CreateDefault() => new(new JpegImageDecoder(), new PngImageDecoder(), new PnmImageDecoder(), new BmpImageDecoder());

    /// <summary>Adds (or replaces) the decoder for each of its extensions.</summary>
    public ImageDecoders Add(IImageDecoder decoder)
    {
        foreach (var ext in decoder.Extensions) _byExtension[ext] = decoder;
        return this;
    }

    public bool TryGet(string path, out IImageDecoder decoder) =>
        _byExtension.TryGetValue(Path.GetExtension(path), out decoder!);

    public IReadOnlyCollection<string> Extensions => _byExtension.Keys;
}
