using System.Buffers.Binary;
using TriVision.Capture.Configuration;
using TriVision.Capture.Sources;
using TriVision.Capture.Tests.Frames;
using TriVision.Capture.Tests.Support;
using TriVision.Core.Frames;
using Xunit.Abstractions;

namespace TriVision.Capture.Tests.Sources;

public sealed class FolderSourceTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trivision-folder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Ppm(int w, int h, byte r, byte g, byte b)
    {
        var header = System.Text.Encoding.ASCII.GetBytes($"P6\n# test\n{w} {h}\n255\n");
        var data = new byte[header.Length + w * h * 3];
        header.CopyTo(data, 0);
        for (int i = 0; i < w * h; i++) { data[header.Length + i * 3] = r; data[header.Length + i * 3 + 1] = g; data[header.Length + i * 3 + 2] = b; }
        return data;
    }

    private static byte[] Bmp(int w, int h, byte r, byte g, byte b)
    {
        int row = (w * 3 + 3) & ~3;
        var data = new byte[54 + row * h];
        data[0] = (byte)'B'; data[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(2), data.Length);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(18), w);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(22), h);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(28), 24);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) { int o = 54 + y * row + x * 3; data[o] = b; data[o + 1] = g; data[o + 2] = r; }
        return data;
    }

    [Fact]
    public void Images_arrive_in_name_order_decoded_to_bgr()
    {
        File.WriteAllBytes(Path.Combine(_dir, "001.ppm"), Ppm(16, 8, 10, 20, 30));
        File.WriteAllBytes(Path.Combine(_dir, "002.bmp"), Bmp(16, 8, 40, 50, 60));
        File.WriteAllBytes(Path.Combine(_dir, "003.ppm"), Ppm(16, 8, 70, 80, 90));
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "ignored");
        using var source = FrameSourceFactory.Create($"folder:{_dir}", new CameraSourceOptions { FrameRate = 50 });
        var events = new SourceEvents(source);
        var frames = new List<byte[]>();
        var sink = new DelegateSink(f => { lock (frames) frames.Add(f.Span[..3].ToArray()); });
        source.Start(sink);
        Assert.True(events.CompletedSeen.Wait(TimeSpan.FromSeconds(10)), events.Describe());
        source.Stop();
        Assert.Equal(new FrameFormat(16, 8, PixelFormat.Bgr8), source.Format);
        Assert.Equal(3, frames.Count);
        Assert.Equal(new byte[] { 30, 20, 10 }, frames[0]);
        Assert.Equal(new byte[] { 60, 50, 40 }, frames[1]);
        Assert.Equal(new byte[] { 90, 80, 70 }, frames[2]);
        FramePoolTests.AssertClean(source.Pool);
    }

    [Fact]
    public void Jpeg_and_png_frames_decode_through_the_shared_image_decoders()
    {
        var format = new FrameFormat(32, 16, PixelFormat.Bgr8);
        var pixels = new byte[format.BufferSize];
        for (int i = 0; i < pixels.Length; i += 3) { pixels[i] = 200; pixels[i + 1] = 100; pixels[i + 2] = 50; }
        using (var encoder = new TriVision.Capture.Imaging.TurboJpeg.JpegEncoder())
            File.WriteAllBytes(Path.Combine(_dir, "001.jpg"), encoder.Encode(pixels, format, quality: 95).ToArray());
        File.WriteAllBytes(Path.Combine(_dir, "002.png"), TriVision.Core.Imaging.PngEncoder.Encode(pixels, format));
        File.WriteAllBytes(Path.Combine(_dir, "003.jpg"), [0xFF, 0xD8, 0xFF, 0xDB, 0, 1, 2]); // truncated
        using var source = FrameSourceFactory.Create($"folder:{_dir}", new CameraSourceOptions { FrameRate = 50, Reconnect = false });
        var events = new SourceEvents(source);
        var frames = new List<byte[]>();
        source.Start(new DelegateSink(f => { lock (frames) frames.Add(f.Span[..3].ToArray()); }));
        Assert.True(events.FaultSeen.Wait(TimeSpan.FromSeconds(10)), events.Describe());
        source.Stop();
        Assert.Equal(2, frames.Count);
        foreach (var first in frames)
        {
            Assert.InRange(first[0], 195, 205); // JPEG is lossy: within a few levels
            Assert.InRange(first[1], 95, 105);
            Assert.InRange(first[2], 45, 55);
        }
        Assert.Contains("003.jpg", events.Faults.First().Args.Message);
        FramePoolTests.AssertClean(source.Pool);
    }

    [Fact]
    public void An_image_of_another_size_is_a_fault_naming_the_file()
    {
        File.WriteAllBytes(Path.Combine(_dir, "a.ppm"), Ppm(16, 8, 1, 2, 3));
        File.WriteAllBytes(Path.Combine(_dir, "b.ppm"), Ppm(8, 8, 1, 2, 3));
        using var source = FrameSourceFactory.Create($"folder:{_dir}", new CameraSourceOptions { Reconnect = false });
        var events = new SourceEvents(source);
        source.Start(new CollectingSink());
        Assert.True(events.FaultSeen.Wait(TimeSpan.FromSeconds(10)));
        source.Stop();
        var message = events.Faults.First().Args.Message;
        output.WriteLine(message);
        Assert.Contains("b.ppm", message);
        Assert.Contains("16x8", message);
        FramePoolTests.AssertClean(source.Pool);
    }

    private sealed class DelegateSink(Action<Frame> onFrame) : IFrameSink
    {
        public void OnFrame(Frame frame)
        {
            onFrame(frame);
            frame.Release();
        }
    }
}
