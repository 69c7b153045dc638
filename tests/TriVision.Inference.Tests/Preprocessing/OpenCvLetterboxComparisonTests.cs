using System.Diagnostics;
using TriVision.Core.Frames;
using TriVision.Inference.Preprocessing;

namespace TriVision.Inference.Tests.Preprocessing;

/// <summary>
/// Checks the preprocessor against the real thing: Ultralytics' LetterBox steps run with OpenCV
/// (Debian's python3-opencv, installed by scripts/setup.sh). OpenCV rounds the resized image to
/// 8 bits before the /255, so values may differ by up to one grey level.
/// </summary>
public class OpenCvLetterboxComparisonTests
{
    private const string Script = """
import sys, numpy as np, cv2
w, h, dw, dh = (int(a) for a in sys.argv[3:7])
img = np.fromfile(sys.argv[1], dtype=np.uint8).reshape(h, w, 3)
r = min(dh / h, dw / w)
nw, nh = int(round(w * r)), int(round(h * r))
px, py = (dw - nw) / 2, (dh - nh) / 2
if (w, h) != (nw, nh):
    img = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_LINEAR)
top, bottom = int(round(py - 0.1)), int(round(py + 0.1))
left, right = int(round(px - 0.1)), int(round(px + 0.1))
img = cv2.copyMakeBorder(img, top, bottom, left, right, cv2.BORDER_CONSTANT, value=(114, 114, 114))
x = np.ascontiguousarray(img[..., ::-1].transpose(2, 0, 1)).astype(np.float32) / 255.0
x.tofile(sys.argv[2])
""";

    [Theory]
    [InlineData(1920, 1080, 640, 640)]
    [InlineData(777, 1001, 640, 480)]
    [InlineData(200, 150, 640, 640)]
    public void Bgr_letterbox_matches_ultralytics_with_opencv_within_one_grey_level(int w, int h, int dw, int dh)
    {
        // Smooth content: OpenCV's fixed-point weights (11 bits) differ from exact ones by more than
        // a grey level only on random noise with 255-step edges.
        var f = new FrameFormat(w, h, PixelFormat.Bgr8);
        var frame = new byte[f.BufferSize];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            int o = y * f.Stride + 3 * x;
            frame[o] = (byte)(x * 255 / w);
            frame[o + 1] = (byte)(y * 255 / h);
            frame[o + 2] = (byte)((x + y) % 256);
        }
        string dir = Directory.CreateTempSubdirectory("trivision-opencv-").FullName;
        try
        {
            string input = Path.Combine(dir, "frame.bgr");
            string output = Path.Combine(dir, "input.f32");
            File.WriteAllBytes(input, frame);
            RunPython(input, output, w, h, dw, dh);
            byte[] raw = File.ReadAllBytes(output);
            var expected = new float[raw.Length / 4];
            Buffer.BlockCopy(raw, 0, expected, 0, raw.Length);

            var pre = new LetterboxPreprocessor(dw, dh);
            var actual = new float[pre.OutputLength];
            pre.Run(frame, f, actual);

            Assert.Equal(expected.Length, actual.Length);
            float worst = 0;
            for (int i = 0; i < actual.Length; i++) worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
            Assert.True(worst <= 1.01f / 255f, $"largest difference to OpenCV is {worst * 255:F2} grey levels");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void RunPython(string input, string output, int w, int h, int dw, int dh)
    {
        // Debian's interpreter: the one on PATH may be a pyenv build without OpenCV.
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in new[] { "-c", Script, input, output, $"{w}", $"{h}", $"{dw}", $"{dh}" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("Could not start /usr/bin/python3.");
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"/usr/bin/python3 with OpenCV failed (run scripts/setup.sh to install python3-opencv): {err}");
    }
}
