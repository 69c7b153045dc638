using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace TriVision.Messaging.Contract;

/// <summary>
/// Writes the publish time into a serialised payload just before it goes to the broker, in place:
/// the <c>published_at</c> value has a fixed width (ISO 8601 round-trip, UTC), so a replayed alarm
/// carries the time of the publish that delivered it without re-serialising.
/// </summary>
public static class PublishStamp
{
    /// <summary>Placeholder value; serialises to the same width as any real UTC timestamp.</summary>
    public static readonly DateTimeOffset Placeholder = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly byte[] Marker = Encoding.UTF8.GetBytes("\"published_at\":\"");
    private const int Width = 28; // yyyy-MM-ddTHH:mm:ss.fffffffZ

    /// <summary>Overwrites the last <c>published_at</c> value in <paramref name="json"/>; false when there is none.</summary>
    public static bool Stamp(Span<byte> json, DateTimeOffset now)
    {
        int at = json.LastIndexOf(Marker);
        if (at < 0) return false;
        var value = json.Slice(at + Marker.Length);
        if (value.Length < Width + 1 || value[Width] != (byte)'"') return false;
        return Utf8Formatter.TryFormat(now.UtcDateTime, value.Slice(0, Width), out int written, new StandardFormat('O')) && written == Width;
    }
}
