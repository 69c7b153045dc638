namespace TriVision.Analytics.BeltState;

/// <summary>
/// 1-D phase correlation between consecutive signals: the normalised cross-power spectrum keeps only
/// phase, whose inverse transform peaks at the shift. Robust to lighting changes (amplitude is discarded).
/// Radix-2 FFT written here; buffers are reused between calls of the same length.
/// </summary>
internal sealed class PhaseCorrelator
{
    private double[] _prevRe = Array.Empty<double>();
    private double[] _prevIm = Array.Empty<double>();
    private double[] _re = Array.Empty<double>();
    private double[] _im = Array.Empty<double>();
    private double[] _window = Array.Empty<double>();
    private int _length = -1;
    private bool _hasPrevious;

    /// <summary>Returns the shift (pixels, positive = content moved towards higher indices) from the previous signal, NaN for the first.</summary>
    public float Push(ReadOnlySpan<byte> signal)
    {
        if (signal.Length != _length) Resize(signal.Length);
        int n = _re.Length;
        double mean = 0;
        for (int i = 0; i < signal.Length; i++) mean += signal[i];
        mean /= signal.Length;
        for (int i = 0; i < n; i++)
        {
            _re[i] = i < signal.Length ? (signal[i] - mean) * _window[i] : 0;
            _im[i] = 0;
        }
        Fft(_re, _im, inverse: false);

        float shift = float.NaN;
        if (_hasPrevious)
        {
            // cross = conj(prev) * cur, normalised; stored in the previous buffers (they are replaced below anyway).
            for (int k = 0; k < n; k++)
            {
                double ar = _prevRe[k], ai = -_prevIm[k];
                double br = _re[k], bi = _im[k];
                double cr = ar * br - ai * bi, ci = ar * bi + ai * br;
                double mag = Math.Sqrt(cr * cr + ci * ci);
                if (mag > 1e-12) { cr /= mag; ci /= mag; } else { cr = 0; ci = 0; }
                _prevRe[k] = cr;
                _prevIm[k] = ci;
            }
            Fft(_prevRe, _prevIm, inverse: true);
            int best = 0;
            for (int k = 1; k < n; k++) if (_prevRe[k] > _prevRe[best]) best = k;
            double l = _prevRe[(best - 1 + n) % n], c = _prevRe[best], r = _prevRe[(best + 1) % n];
            double denom = l - 2 * c + r;
            double frac = Math.Abs(denom) > 1e-12 ? 0.5 * (l - r) / denom : 0;
            double s = best > n / 2 ? best - n : best;
            shift = (float)(s + frac);
        }
        Array.Copy(_re, _prevRe, n);
        Array.Copy(_im, _prevIm, n);
        _hasPrevious = true;
        return shift;
    }

    public void Reset() => _hasPrevious = false;

    private void Resize(int length)
    {
        int n = 16;
        while (n < length) n <<= 1;
        _re = new double[n];
        _im = new double[n];
        _prevRe = new double[n];
        _prevIm = new double[n];
        _window = new double[n];
        for (int i = 0; i < length; i++)
            _window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / Math.Max(1, length - 1)); // Hann: the strip ends do not wrap into a false edge
        _length = length;
        _hasPrevious = false;
    }

    private static void Fft(double[] re, double[] im, bool inverse)
    {
        int n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        for (int len = 2; len <= n; len <<= 1)
        {
            double ang = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.Cos(ang), wi = Math.Sin(ang);
            for (int i = 0; i < n; i += len)
            {
                double cr = 1, ci = 0;
                for (int k = 0; k < len / 2; k++)
                {
                    int a = i + k, b = i + k + len / 2;
                    double tr = re[b] * cr - im[b] * ci;
                    double ti = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - tr; im[b] = im[a] - ti;
                    re[a] += tr; im[a] += ti;
                    double ncr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = ncr;
                }
            }
        }
        if (inverse)
        {
            for (int i = 0; i < n; i++) { re[i] /= n; im[i] /= n; }
        }
    }
}
