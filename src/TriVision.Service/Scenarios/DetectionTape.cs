using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TriVision.Core.Detections;

namespace TriVision.Service.Scenarios;

/// <summary>
/// The detector's output for one scenario run, frame by frame, kept on disk so that tuning the analytics
/// (tracker, rules, jam predictor) replays the model's boxes instead of running the model again: a run at 15 fps
/// costs ~27 ms of inference per frame on a 2-core CPU and ~2 ms of rendering. A tape is only valid for the
/// exact model file, score threshold, scenario, seed and frame rate it was recorded with (<see cref="Key"/>); a
/// tape with another key, or too few frames, is not used and is recorded again. Each frame also carries a
/// fingerprint of the pixels the model saw (<see cref="FrameFingerprint"/>): if the simulator renders a frame
/// differently from when the tape was recorded (a newer simulator), replaying stops with an error naming
/// the tape and the frame instead of scoring stale boxes against new frames.
/// </summary>
public sealed class DetectionTape
{
    private const string Magic = "TVDTAPE2";
    private const string MagicWithoutFingerprints = "TVDTAPE1";

    private readonly int[] _offsets; // frame i: detections [_offsets[i], _offsets[i + 1])
    private readonly Detection[] _detections;
    private readonly ulong[] _fingerprints;

    private DetectionTape(string key, int[] offsets, Detection[] detections, ulong[] fingerprints)
    {
        Key = key;
        _offsets = offsets;
        _detections = detections;
        _fingerprints = fingerprints;
    }

    public string Key { get; }

    public long FrameCount => _offsets.Length - 1;

    /// <summary>The tape's file for one scenario run.</summary>
    public static string PathFor(string directory, string scenario, ulong seed, double fps) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{scenario}-seed{seed}-fps{fps:0.###}.tvdet"));

    /// <summary>What a tape must match: the model file's SHA-256 (not its name: a retrained model keeps its name), the threshold, scenario, seed and frame rate.</summary>
    public static string MakeKey(string modelSha256, float conf, string scenario, ulong seed, double fps) =>
        string.Create(CultureInfo.InvariantCulture, $"model={modelSha256};conf={conf:R};scenario={scenario};seed={seed};fps={fps:R}");

    /// <summary>
    /// A 64-bit fingerprint of a frame's pixels (multiply-xorshift over 8-byte words, then the tail):
    /// the same in every process and on every little-endian machine (x64, arm64), unlike <see cref="HashCode"/>.
    /// </summary>
    public static ulong FrameFingerprint(ReadOnlySpan<byte> pixels)
    {
        const ulong Prime = 0x9E3779B97F4A7C15UL;
        ulong h = (ulong)pixels.Length * Prime;
        ReadOnlySpan<ulong> words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(pixels);
        foreach (ulong w in words)
        {
            h ^= w * Prime;
            h = (h << 27 | h >> 37) * 0xC2B2AE3D27D4EB4FUL;
        }
        foreach (byte b in pixels[(words.Length * 8)..]) h = (h ^ b) * Prime;
        h ^= h >> 31;
        return h * Prime;
    }

    /// <summary>The fingerprint of the pixels frame <paramref name="frame"/> was recorded on.</summary>
    public ulong Fingerprint(long frame) => _fingerprints[frame];

    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// The tape at <paramref name="path"/> if it exists, carries <paramref name="key"/> and holds at least
    /// <paramref name="frames"/> frames; otherwise null and <paramref name="reason"/> says why (to record anew).
    /// A file that is not a tape, or is cut short, is an error: it names the file.
    /// </summary>
    public static DetectionTape? TryLoad(string path, string key, long frames, out string reason)
    {
        if (!File.Exists(path))
        {
            reason = "no tape yet";
            return null;
        }
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            string magic = reader.ReadString();
            if (magic == MagicWithoutFingerprints)
            {
                reason = "recorded by an older TriVision, without frame fingerprints";
                return null;
            }
            if (magic != Magic) throw new InvalidDataException("not a detection tape (bad header)");
            string fileKey = reader.ReadString();
            if (fileKey != key)
            {
                reason = $"recorded for {fileKey}";
                return null;
            }
            long count = reader.ReadInt64();
            if (count < frames)
            {
                reason = $"holds {count} frames, {frames} needed";
                return null;
            }
            if (count > int.MaxValue - 1) throw new InvalidDataException($"frame count {count} out of range");
            var offsets = new int[count + 1];
            var fingerprints = new ulong[count];
            var detections = new List<Detection>((int)Math.Min(count * 16, 1 << 24));
            for (long i = 0; i < count; i++)
            {
                fingerprints[i] = reader.ReadUInt64();
                int n = reader.ReadInt32();
                if (n < 0 || n > 65535) throw new InvalidDataException($"frame {i}: {n} detections");
                for (int k = 0; k < n; k++)
                {
                    var box = new BoxF(reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle());
                    detections.Add(new Detection(box, reader.ReadSingle(), reader.ReadInt32()));
                }
                offsets[i + 1] = detections.Count;
            }
            reason = "";
            return new DetectionTape(key, offsets, detections.ToArray(), fingerprints);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException)
        {
            throw new InvalidDataException($"detection tape {path}: {(ex is EndOfStreamException ? "cut short" : ex.Message)}; delete it to record again", ex);
        }
    }

    /// <summary>Copies frame <paramref name="frame"/>'s detections into <paramref name="results"/> (as many as fit) and returns their count.</summary>
    public int Read(long frame, Span<Detection> results)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, FrameCount);
        int start = _offsets[frame], n = Math.Min(_offsets[frame + 1] - start, results.Length);
        _detections.AsSpan(start, n).CopyTo(results);
        return n;
    }

    /// <summary>Records a tape: frames appended in order, then <see cref="Commit"/> writes the file whole (a temporary file renamed into place, so an interrupted run leaves no half tape).</summary>
    public sealed class Recorder
    {
        private readonly string _key;
        private readonly List<int> _counts = [];
        private readonly List<ulong> _fingerprints = [];
        private readonly List<Detection> _detections = [];

        public Recorder(string key) => _key = key;

        /// <summary>Appends a frame: the <see cref="FrameFingerprint"/> of the pixels the model saw, and its detections.</summary>
        public void Append(ulong fingerprint, ReadOnlySpan<Detection> detections)
        {
            _fingerprints.Add(fingerprint);
            _counts.Add(detections.Length);
            foreach (var d in detections) _detections.Add(d);
        }

        public void Commit(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            string temp = path + ".partial";
            using (var writer = new BinaryWriter(File.Create(temp), Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(_key);
                writer.Write((long)_counts.Count);
                int next = 0;
                for (int f = 0; f < _counts.Count; f++)
                {
                    int n = _counts[f];
                    writer.Write(_fingerprints[f]);
                    writer.Write(n);
                    for (int k = 0; k < n; k++)
                    {
                        var d = _detections[next++];
                        writer.Write(d.Box.X1);
                        writer.Write(d.Box.Y1);
                        writer.Write(d.Box.X2);
                        writer.Write(d.Box.Y2);
                        writer.Write(d.Score);
                        writer.Write(d.ClassId);
                    }
                }
            }
            File.Move(temp, path, overwrite: true);
        }
    }
}
