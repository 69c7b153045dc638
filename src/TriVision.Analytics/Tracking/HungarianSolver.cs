namespace TriVision.Analytics.Tracking;

/// <summary>
/// Minimum-cost assignment on a square matrix (Kuhn-Munkres with row/column potentials, O(n³)).
/// Buffers grow to the largest size seen and are reused: no allocation in steady state.
/// </summary>
internal sealed class HungarianSolver
{
    private double[] _cost = Array.Empty<double>();
    private double[] _u = Array.Empty<double>(), _v = Array.Empty<double>(), _minv = Array.Empty<double>();
    private int[] _p = Array.Empty<int>(), _way = Array.Empty<int>();
    private bool[] _used = Array.Empty<bool>();
    private int _n;

    /// <summary>Prepares an n×n matrix (1-based inside) filled with <paramref name="fill"/>.</summary>
    public void Reset(int n, double fill)
    {
        _n = n;
        int size = (n + 1) * (n + 1);
        if (_cost.Length < size) _cost = new double[Math.Max(size, _cost.Length * 2)];
        if (_u.Length < n + 1)
        {
            int len = Math.Max(n + 1, _u.Length * 2);
            _u = new double[len]; _v = new double[len]; _minv = new double[len];
            _p = new int[len]; _way = new int[len]; _used = new bool[len];
        }
        _cost.AsSpan(0, size).Fill(fill);
    }

    /// <summary>Sets the cost of row <paramref name="row"/>, column <paramref name="col"/> (0-based).</summary>
    public void Set(int row, int col, double cost) => _cost[(row + 1) * (_n + 1) + col + 1] = cost;

    public double Get(int row, int col) => _cost[(row + 1) * (_n + 1) + col + 1];

    /// <summary>Solves; afterwards <see cref="RowOfColumn"/> gives each column's row.</summary>
    public void Solve()
    {
        int n = _n, w = n + 1;
        Array.Clear(_u, 0, w); Array.Clear(_v, 0, w); Array.Clear(_p, 0, w); Array.Clear(_way, 0, w);
        for (int i = 1; i <= n; i++)
        {
            _p[0] = i;
            int j0 = 0;
            _minv.AsSpan(0, w).Fill(double.PositiveInfinity);
            Array.Clear(_used, 0, w);
            do
            {
                _used[j0] = true;
                int i0 = _p[j0], j1 = 0;
                double delta = double.PositiveInfinity;
                int rowBase = i0 * w;
                for (int j = 1; j <= n; j++)
                {
                    if (_used[j]) continue;
                    double cur = _cost[rowBase + j] - _u[i0] - _v[j];
                    if (cur < _minv[j]) { _minv[j] = cur; _way[j] = j0; }
                    if (_minv[j] < delta) { delta = _minv[j]; j1 = j; }
                }
                for (int j = 0; j <= n; j++)
                {
                    if (_used[j]) { _u[_p[j]] += delta; _v[j] -= delta; }
                    else _minv[j] -= delta;
                }
                j0 = j1;
            } while (_p[j0] != 0);
            do
            {
                int j1 = _way[j0];
                _p[j0] = _p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
    }

    /// <summary>0-based row assigned to 0-based column <paramref name="col"/>.</summary>
    public int RowOfColumn(int col) => _p[col + 1] - 1;
}
