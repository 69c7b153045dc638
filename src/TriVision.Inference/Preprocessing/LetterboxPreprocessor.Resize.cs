using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TriVision.Inference.Preprocessing;

public sealed partial class LetterboxPreprocessor
{
    // The horizontal pass is a gather (two source pixels per output pixel at arbitrary offsets),
    // which SIMD does not speed up for 8-bit interleaved pixels; it runs once per source row used.
    private void ResizeRowRgb(ReadOnlySpan<byte> src, float[] dst, bool swapRb)
    {
        int n = _newW;
        ref byte s = ref MemoryMarshal.GetReference(src);
        Span<float> d = dst.AsSpan(0, 3 * n);
        Span<float> first = d[..n];
        Span<float> green = d.Slice(n, n);
        Span<float> last = d.Slice(2 * n, n);
        if (swapRb)
        {
            Span<float> t = first;
            first = last;
            last = t;
        }
        ref float r0 = ref MemoryMarshal.GetReference(first);
        ref float r1 = ref MemoryMarshal.GetReference(green);
        ref float r2 = ref MemoryMarshal.GetReference(last);
        ref int i0 = ref MemoryMarshal.GetArrayDataReference(_x0);
        ref int i1 = ref MemoryMarshal.GetArrayDataReference(_x1);
        ref float fr = ref MemoryMarshal.GetArrayDataReference(_fx);
        // The lookup tables only hold indices below the source width, which src was checked against.
        for (int x = 0; x < n; x++)
        {
            int o0 = Unsafe.Add(ref i0, x) * 3;
            int o1 = Unsafe.Add(ref i1, x) * 3;
            float f = Unsafe.Add(ref fr, x);
            float a0 = Unsafe.Add(ref s, o0);
            float a1 = Unsafe.Add(ref s, o0 + 1);
            float a2 = Unsafe.Add(ref s, o0 + 2);
            Unsafe.Add(ref r0, x) = a0 + f * (Unsafe.Add(ref s, o1) - a0);
            Unsafe.Add(ref r1, x) = a1 + f * (Unsafe.Add(ref s, o1 + 1) - a1);
            Unsafe.Add(ref r2, x) = a2 + f * (Unsafe.Add(ref s, o1 + 2) - a2);
        }
    }

    private void ResizeRowMono(ReadOnlySpan<byte> src, float[] dst)
    {
        int n = _newW;
        Span<float> d = dst.AsSpan(0, n);
        ReadOnlySpan<int> x0 = _x0.AsSpan(0, n);
        ReadOnlySpan<int> x1 = _x1.AsSpan(0, n);
        ReadOnlySpan<float> fx = _fx.AsSpan(0, n);
        for (int x = 0; x < d.Length; x++)
        {
            float a = src[x0[x]];
            d[x] = a + fx[x] * (src[x1[x]] - a);
        }
    }

    // out = (a + fy * (b - a)) / 255, written into each plane's row; for one-plane (mono) rows the
    // same values go to R, G and B.
    private void BlendRow(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float fy, Span<float> nchw, int dy, int planes)
    {
        int n = _newW;
        int plane = _dstW * _dstH;
        int rowStart = (_top + dy) * _dstW + _left;
        for (int c = 0; c < 3; c++)
        {
            int srcPlane = planes == 1 ? 0 : c;
            ReadOnlySpan<float> pa = a.Slice(srcPlane * n, n);
            ReadOnlySpan<float> pb = b.Slice(srcPlane * n, n);
            Span<float> o = nchw.Slice(c * plane + rowStart, n);
            Blend(pa, pb, fy, o);
        }
    }

    private static void Blend(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float fy, Span<float> o)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var vfy = new Vector<float>(fy);
            var vk = new Vector<float>(Inv255);
            ref float ra = ref MemoryMarshal.GetReference(a);
            ref float rb = ref MemoryMarshal.GetReference(b);
            ref float ro = ref MemoryMarshal.GetReference(o);
            int last = a.Length - Vector<float>.Count;
            for (; i <= last; i += Vector<float>.Count)
            {
                var va = Vector.LoadUnsafe(ref ra, (nuint)i);
                var vb = Vector.LoadUnsafe(ref rb, (nuint)i);
                ((va + vfy * (vb - va)) * vk).StoreUnsafe(ref ro, (nuint)i);
            }
        }
        for (; i < a.Length; i++)
            o[i] = (a[i] + fy * (b[i] - a[i])) * Inv255;
    }
}
