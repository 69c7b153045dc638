using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TriVision.Core.Frames;

namespace TriVision.Inference.Preprocessing;

public sealed partial class LetterboxPreprocessor
{
    // On a vertical downscale of an RGB, BGR or mono frame, every output row reads two source
    // rows that no other output row reads, so resizing source rows horizontally first would
    // gather twice per output pixel. Blending the two source rows first (SIMD over the whole
    // row, bytes widened to floats) leaves one scalar gather per output pixel.
    private void RunVerticalFirst(ReadOnlySpan<byte> frame, in FrameFormat format, Span<float> nchw)
    {
        int bpp = format.PixelFormat.BytesPerPixel();
        int rowBytes = format.Width * bpp;
        Span<float> blended = _blendRow.AsSpan(0, rowBytes);
        int plane = _dstW * _dstH;
        for (int dy = 0; dy < _newH; dy++)
        {
            ReadOnlySpan<byte> a = frame.Slice(_y0[dy] * format.Stride, rowBytes);
            ReadOnlySpan<byte> b = frame.Slice(_y1[dy] * format.Stride, rowBytes);
            BlendBytes(a, b, _fy[dy], blended);

            int rowStart = (_top + dy) * _dstW + _left;
            Span<float> r = nchw.Slice(rowStart, _newW);
            Span<float> g = nchw.Slice(plane + rowStart, _newW);
            Span<float> bl = nchw.Slice(2 * plane + rowStart, _newW);
            switch (format.PixelFormat)
            {
                case PixelFormat.Mono8:
                    GatherMono(blended, r);
                    r.CopyTo(g);
                    r.CopyTo(bl);
                    break;
                case PixelFormat.Bgr8:
                    GatherRgb(blended, bl, g, r);
                    break;
                default:
                    GatherRgb(blended, r, g, bl);
                    break;
            }
        }
    }

    // o = a + fy * (b - a), bytes in, floats out.
    private static void BlendBytes(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, float fy, Span<float> o)
    {
        int i = 0;
        ref byte ra = ref MemoryMarshal.GetReference(a);
        ref byte rb = ref MemoryMarshal.GetReference(b);
        ref float ro = ref MemoryMarshal.GetReference(o);
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<byte>.Count)
        {
            var vfy = new Vector<float>(fy);
            int step = Vector<byte>.Count;
            int quarter = Vector<float>.Count;
            int last = a.Length - step;
            for (; i <= last; i += step)
            {
                Vector.Widen(Vector.LoadUnsafe(ref ra, (nuint)i), out Vector<ushort> a16lo, out Vector<ushort> a16hi);
                Vector.Widen(Vector.LoadUnsafe(ref rb, (nuint)i), out Vector<ushort> b16lo, out Vector<ushort> b16hi);
                Vector.Widen(a16lo, out Vector<uint> a0, out Vector<uint> a1);
                Vector.Widen(a16hi, out Vector<uint> a2, out Vector<uint> a3);
                Vector.Widen(b16lo, out Vector<uint> b0, out Vector<uint> b1);
                Vector.Widen(b16hi, out Vector<uint> b2, out Vector<uint> b3);
                Lerp(a0, b0, vfy).StoreUnsafe(ref ro, (nuint)i);
                Lerp(a1, b1, vfy).StoreUnsafe(ref ro, (nuint)(i + quarter));
                Lerp(a2, b2, vfy).StoreUnsafe(ref ro, (nuint)(i + 2 * quarter));
                Lerp(a3, b3, vfy).StoreUnsafe(ref ro, (nuint)(i + 3 * quarter));
            }
        }
        for (; i < a.Length; i++)
        {
            float va = Unsafe.Add(ref ra, i);
            Unsafe.Add(ref ro, i) = va + fy * (Unsafe.Add(ref rb, i) - va);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Lerp(Vector<uint> a, Vector<uint> b, Vector<float> fy)
    {
        Vector<float> fa = Vector.ConvertToSingle(a);
        return fa + fy * (Vector.ConvertToSingle(b) - fa);
    }

    private void GatherRgb(ReadOnlySpan<float> row, Span<float> c0, Span<float> c1, Span<float> c2)
    {
        ref float s = ref MemoryMarshal.GetReference(row);
        ref int i0 = ref MemoryMarshal.GetArrayDataReference(_x0);
        ref int i1 = ref MemoryMarshal.GetArrayDataReference(_x1);
        ref float fr = ref MemoryMarshal.GetArrayDataReference(_fx);
        ref float r0 = ref MemoryMarshal.GetReference(c0);
        ref float r1 = ref MemoryMarshal.GetReference(c1);
        ref float r2 = ref MemoryMarshal.GetReference(c2);
        // The lookup tables hold indices below the source width, the length row was sliced to.
        for (int x = 0; x < c0.Length; x++)
        {
            int o0 = Unsafe.Add(ref i0, x) * 3;
            int o1 = Unsafe.Add(ref i1, x) * 3;
            float f = Unsafe.Add(ref fr, x);
            float a0 = Unsafe.Add(ref s, o0);
            float a1 = Unsafe.Add(ref s, o0 + 1);
            float a2 = Unsafe.Add(ref s, o0 + 2);
            Unsafe.Add(ref r0, x) = (a0 + f * (Unsafe.Add(ref s, o1) - a0)) * Inv255;
            Unsafe.Add(ref r1, x) = (a1 + f * (Unsafe.Add(ref s, o1 + 1) - a1)) * Inv255;
            Unsafe.Add(ref r2, x) = (a2 + f * (Unsafe.Add(ref s, o1 + 2) - a2)) * Inv255;
        }
    }

    private void GatherMono(ReadOnlySpan<float> row, Span<float> o)
    {
        for (int x = 0; x < o.Length; x++)
        {
            float a = row[_x0[x]];
            o[x] = (a + _fx[x] * (row[_x1[x]] - a)) * Inv255;
        }
    }
}
