using System.Buffers;

namespace TriVision.Core.Imaging;

/// <summary>
/// Write-only stream that cuts what zlib produces into IDAT chunks of up to 64 KiB and writes
/// them straight to the destination, so encoding never holds the whole compressed image.
/// </summary>
internal sealed class PngIdatStream : Stream
{
    private const int ChunkSize = 1 << 16;
    private readonly Stream _destination;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _count;

    public PngIdatStream(Stream destination) => _destination = destination;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        while (data.Length > 0)
        {
            int n = Math.Min(ChunkSize - _count, data.Length);
            data[..n].CopyTo(_buffer.AsSpan(_count));
            _count += n;
            data = data[n..];
            if (_count == ChunkSize) Emit();
        }
    }

    private void Emit()
    {
        if (_count == 0) return;
        PngEncoder.WriteChunk(_destination, "IDAT"u8, _buffer.AsSpan(0, _count));
        _count = 0;
    }

    public override void Flush() { }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is not null)
        {
            Emit();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
