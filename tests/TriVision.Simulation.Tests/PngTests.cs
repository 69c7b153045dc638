using System.Diagnostics;
using TriVision.Core.Frames;
using TriVision.Core.Imaging;

namespace TriVision.Simulation.Tests;

public class PngTests
{
    private static byte[] RandomImage(int w, int h, int channels, int seed)
    {
        var rng = new Random(seed);
        var px = new byte[w * h * channels];
        for (int i = 0; i < px.Length; i++) px[i] = (byte)(i % 7 == 0 ? rng.Next(256) : (i / channels % w) * 3 + (i % channels) * 40);
        return px;
    }

    [Theory]
    [InlineData(PixelFormat.Mono8, 1)]
    [InlineData(PixelFormat.Rgb8, 3)]
    [InlineData(PixelFormat.Bgr8, 3)]
    public void RoundTripsExactly(PixelFormat format, int channels)
    {
        byte[] px = RandomImage(37, 23, channels, 1);
        byte[] png = PngEncoder.Encode(px, new FrameFormat(37, 23, format));
        PngImage back = PngDecoder.Decode(png, format);
        Assert.Equal(37, back.Width);
        Assert.Equal(23, back.Height);
        Assert.Equal(px, back.Pixels);
    }

    [Fact]
    public void LargeImagesSpanSeveralIdatChunks()
    {
        byte[] px = RandomImage(640, 400, 3, 4);
        var rng = new Random(5);
        for (int i = 0; i < px.Length; i += 2) px[i] = (byte)rng.Next(256); // incompressible half
        byte[] png = PngEncoder.Encode(px, new FrameFormat(640, 400, PixelFormat.Bgr8));
        int idats = 0;
        for (int i = 8; i + 8 <= png.Length;)
        {
            int len = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(i));
            if (png.AsSpan(i + 4, 4).SequenceEqual("IDAT"u8)) idats++;
            i += 12 + len;
        }
        Assert.True(idats > 1, $"{idats} IDAT chunk(s)");
        Assert.Equal(px, PngDecoder.Decode(png, PixelFormat.Bgr8).Pixels);
    }

    [Fact]
    public void ConvertsBetweenChannelOrders()
    {
        byte[] bgr = [10, 20, 30, 40, 50, 60];
        byte[] png = PngEncoder.Encode(bgr, new FrameFormat(2, 1, PixelFormat.Bgr8));
        Assert.Equal(new byte[] { 30, 20, 10, 60, 50, 40 }, PngDecoder.Decode(png, PixelFormat.Rgb8).Pixels);
    }

    [Fact]
    public void HonoursStride()
    {
        var fmt = new FrameFormat(3, 2, PixelFormat.Mono8, stride: 8);
        byte[] px = [1, 2, 3, 99, 99, 99, 99, 99, 4, 5, 6, 99, 99, 99, 99, 99];
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, PngDecoder.Decode(PngEncoder.Encode(px, fmt), PixelFormat.Mono8).Pixels);
    }

    [Fact]
    public void RejectsCorruptData()
    {
        byte[] png = PngEncoder.Encode(RandomImage(8, 8, 3, 2), new FrameFormat(8, 8, PixelFormat.Rgb8));
        png[40] ^= 0xFF;
        Assert.Throws<PngFormatException>(() => PngDecoder.Decode(png));
        Assert.Throws<PngFormatException>(() => PngDecoder.Decode(png.AsSpan(0, 20)));
        Assert.Throws<PngFormatException>(() => PngDecoder.Decode(new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public void Crc32MatchesTheStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, PngCrc32.Compute("123456789"u8));
    }

    /// <summary>OpenCV (Debian's python3-opencv) must read our files: datasets feed Python trainers.</summary>
    [Fact]
    public void OpenCvDecodesOurPng()
    {
        if (!File.Exists("/usr/bin/python3")) Assert.Fail("/usr/bin/python3 is missing (Debian python3 with python3-opencv is part of the set-up).");
        byte[] px = RandomImage(41, 17, 3, 3);
        string path = Path.Combine(Path.GetTempPath(), $"trivision-png-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, PngEncoder.Encode(px, new FrameFormat(41, 17, PixelFormat.Bgr8)));
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", "import cv2,sys; im=cv2.imread(sys.argv[1]); print(im.shape[1], im.shape[0], int(im.astype('int64').sum()), int(im[0,0,0]), int(im[0,0,2]))", path])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd().Trim();
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, "python3/cv2 failed: " + err);
            long sum = 0;
            foreach (byte b in px) sum += b;
            Assert.Equal($"41 17 {sum} {px[0]} {px[2]}", output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
