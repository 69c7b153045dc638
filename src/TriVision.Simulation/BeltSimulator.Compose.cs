using TriVision.Simulation.Objects;
using TriVision.Simulation.Rendering;

namespace TriVision.Simulation;

public sealed partial class BeltSimulator
{
    private void Compose(Span<byte> dst, double speed)
    {
        int w = _o.Width, h = _o.Height, stride = w * 3, tw = _tile.Width;
        ReadOnlySpan<byte> tile = _tile.Pixels;
        long shift = (long)Math.Floor(_beltTravelM * _ppm);
        int start = (int)(((-shift) % tw + tw) % tw);
        int first = Math.Min(w, tw - start);
        for (int y = 0; y < h; y++)
        {
            ReadOnlySpan<byte> row = tile.Slice(y * tw * 3, tw * 3);
            Span<byte> d = dst.Slice(y * stride, stride);
            row.Slice(start * 3, first * 3).CopyTo(d);
            if (first < w) row[..((w - first) * 3)].CopyTo(d[(first * 3)..]);
        }

        Array.Clear(_ids);
        for (int i = 0; i < _objects.Count; i++)
        {
            Shadow(dst, _objects[i]);
            Blit(dst, _objects[i], (ushort)(i + 1));
        }

        int blur = (int)Math.Round(speed * _o.ExposureMs / 1000.0 * _ppm);
        if (blur >= 2) MotionBlur(dst, Math.Min(blur, w / 4));
        ApplyLightAndNoise(dst);
    }

    /// <summary>Darkens what lies under the object's silhouette shifted away from the light: a contact shadow.</summary>
    private void Shadow(Span<byte> dst, SimObject o)
    {
        var s = o.Sprite;
        if (s.ShadowDx == 0 && s.ShadowDy == 0) return;
        int w = _o.Width, h = _o.Height;
        int x0 = (int)Math.Round(Geometry.ToPixelX(o.X) - s.OriginX) + s.ShadowDx;
        int y0 = (int)Math.Round(Geometry.BeltTopPx + o.Y * _ppm - s.OriginY) + s.ShadowDy;
        int sx0 = Math.Max(0, -x0), sy0 = Math.Max(0, -y0);
        int sx1 = Math.Min(s.Width, w - x0), sy1 = Math.Min(s.Height, h - y0);
        byte[] px = s.Pixels;
        for (int sy = sy0; sy < sy1; sy++)
        {
            int srow = sy * s.Width * 4 + 3;
            int drow = (y0 + sy) * w * 3;
            for (int sx = sx0; sx < sx1; sx++)
            {
                int a = px[srow + sx * 4];
                if (a == 0) continue;
                // 45% darker under an opaque object; ambient light from the rest of the hall fills the rest.
                int k = 256 - (a * 115 >> 8);
                int di = drow + (x0 + sx) * 3;
                dst[di] = (byte)(dst[di] * k >> 8);
                dst[di + 1] = (byte)(dst[di + 1] * k >> 8);
                dst[di + 2] = (byte)(dst[di + 2] * k >> 8);
            }
        }
    }

    private void Blit(Span<byte> dst, SimObject o, ushort slot)
    {
        var s = o.Sprite;
        int w = _o.Width, h = _o.Height;
        int x0 = (int)Math.Round(Geometry.ToPixelX(o.X) - s.OriginX);
        int y0 = (int)Math.Round(Geometry.BeltTopPx + o.Y * _ppm - s.OriginY);
        int sx0 = Math.Max(0, -x0), sy0 = Math.Max(0, -y0);
        int sx1 = Math.Min(s.Width, w - x0), sy1 = Math.Min(s.Height, h - y0);
        // Remember the on-screen rectangle for the truth scan.
        o.MinX = x0 + sx0; o.MinY = y0 + sy0; o.MaxX = x0 + sx1; o.MaxY = y0 + sy1;
        if (sx0 >= sx1 || sy0 >= sy1) return;
        byte[] px = s.Pixels;
        ushort[] ids = _ids;
        for (int sy = sy0; sy < sy1; sy++)
        {
            int dy = y0 + sy;
            int srow = sy * s.Width * 4;
            int drow = dy * w * 3;
            int irow = dy * w;
            for (int sx = sx0; sx < sx1; sx++)
            {
                int si = srow + sx * 4;
                int a = px[si + 3];
                if (a == 0) continue;
                int dx = x0 + sx;
                int di = drow + dx * 3;
                if (a == 255)
                {
                    dst[di] = px[si]; dst[di + 1] = px[si + 1]; dst[di + 2] = px[si + 2];
                }
                else
                {
                    int ia = 255 - a;
                    dst[di] = (byte)((px[si] * a + dst[di] * ia + 127) / 255);
                    dst[di + 1] = (byte)((px[si + 1] * a + dst[di + 1] * ia + 127) / 255);
                    dst[di + 2] = (byte)((px[si + 2] * a + dst[di + 2] * ia + 127) / 255);
                }
                // Translucent parts (clear film, bottle walls) belong to the object but do not hide what is beneath.
                if (Sprite.Hides(a) || (a >= Sprite.SilhouetteAlpha && ids[irow + dx] == 0)) ids[irow + dx] = slot;
            }
        }
    }

    /// <summary>Box blur along the direction of travel: the belt moves <paramref name="n"/> pixels during the exposure.</summary>
    private void MotionBlur(Span<byte> dst, int n)
    {
        int w = _o.Width, stride = w * 3;
        byte[] tmp = _blurRow;
        for (int y = 0; y < _o.Height; y++)
        {
            Span<byte> row = dst.Slice(y * stride, stride);
            row.CopyTo(tmp);
            for (int c = 0; c < 3; c++)
            {
                int sum = 0;
                for (int x = 0; x < w; x++)
                {
                    sum += tmp[x * 3 + c];
                    int count;
                    if (x >= n) { sum -= tmp[(x - n) * 3 + c]; count = n; }
                    else count = x + 1;
                    row[x * 3 + c] = (byte)(sum / count);
                }
            }
        }
    }

    private void ApplyLightAndNoise(Span<byte> dst)
    {
        double t = _time;
        double level = _light.Level * _o.LightLevel;
        if (_o.FlickerHz > 0) level *= 1 + _o.FlickerDepth * Math.Sin(2 * Math.PI * _o.FlickerHz * t + _flickerPhase);
        if (_o.Drift > 0) level *= 1 + _o.Drift * (0.6 * Math.Sin(2 * Math.PI * t / 97 + _driftPhase1) + 0.4 * Math.Sin(2 * Math.PI * t / 23 + _driftPhase2));
        int gb = (int)(level * _light.ChannelB * 256), gg = (int)(level * _light.ChannelG * 256), gr = (int)(level * _light.ChannelR * 256);
        int w = _o.Width, stride = w * 3;
        ushort[] gain = _light.Gain;
        sbyte[] noise = _noise;
        bool noisy = _o.Noise > 0;
        for (int y = 0; y < _o.Height; y++)
        {
            Span<byte> row = dst.Slice(y * stride, stride);
            int n0 = noisy ? _renderRng.Next(0, noise.Length - stride) : 0;
            int g0 = y * w;
            for (int x = 0, i = 0; x < w; x++, i += 3)
            {
                int g = gain[g0 + x];
                int b = ((row[i] * g * gb) >> 16) + noise[n0 + i];
                int gv = ((row[i + 1] * g * gg) >> 16) + noise[n0 + i + 1];
                int r = ((row[i + 2] * g * gr) >> 16) + noise[n0 + i + 2];
                row[i] = (byte)(b < 0 ? 0 : b > 255 ? 255 : b);
                row[i + 1] = (byte)(gv < 0 ? 0 : gv > 255 ? 255 : gv);
                row[i + 2] = (byte)(r < 0 ? 0 : r > 255 ? 255 : r);
            }
        }
    }
}
