namespace TriVision.Inference.Decoding;

/// <summary>The buffers one <see cref="Nms.Run"/> call needs for up to <see cref="Capacity"/> candidates; allocate once, reuse per frame.</summary>
public sealed class NmsScratch
{
    private readonly int[] _order;
    private readonly float[] _keys;
    private readonly bool[] _suppressed;
    private readonly int[] _next;

    public NmsScratch(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _order = new int[capacity];
        _keys = new float[capacity];
        _suppressed = new bool[capacity];
        _next = new int[capacity];
    }

    public int Capacity => _order.Length;

    /// <summary>After <see cref="Nms.Run"/>: candidate indices sorted by descending score.</summary>
    public Span<int> Order => _order;

    internal Span<float> Keys => _keys;
    internal Span<bool> Suppressed => _suppressed;
    internal Span<int> Next => _next;
}
