using TriVision.Analytics.Tracking;

namespace TriVision.Analytics.Tests.Tracking;

public class HungarianSolverTests
{
    [Fact]
    public void Finds_the_minimum_total_where_greedy_would_not()
    {
        // Greedy takes (0,0)=1 first and is then forced into (1,1)=9: total 10. Optimal: (0,1)+(1,0) = 2+3 = 5.
        var h = new HungarianSolver();
        h.Reset(2, 0);
        h.Set(0, 0, 1); h.Set(0, 1, 2);
        h.Set(1, 0, 3); h.Set(1, 1, 9);
        h.Solve();
        Assert.Equal(1, h.RowOfColumn(0));
        Assert.Equal(0, h.RowOfColumn(1));
    }

    [Fact]
    public void Matches_brute_force_on_random_matrices()
    {
        var r = new Random(4);
        var h = new HungarianSolver();
        for (int trial = 0; trial < 50; trial++)
        {
            int n = r.Next(1, 6);
            var c = new double[n, n];
            h.Reset(n, 0);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) h.Set(i, j, c[i, j] = r.Next(0, 20));
            h.Solve();
            double total = 0;
            for (int j = 0; j < n; j++) total += c[h.RowOfColumn(j), j];
            Assert.Equal(BruteForce(c, n), total);
        }
    }

    private static double BruteForce(double[,] c, int n)
    {
        var perm = Enumerable.Range(0, n).ToArray();
        double best = double.MaxValue;
        void Permute(int k)
        {
            if (k == n)
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += c[perm[j], j];
                best = Math.Min(best, s);
                return;
            }
            for (int i = k; i < n; i++)
            {
                (perm[k], perm[i]) = (perm[i], perm[k]);
                Permute(k + 1);
                (perm[k], perm[i]) = (perm[i], perm[k]);
            }
        }
        Permute(0);
        return best;
    }
}
