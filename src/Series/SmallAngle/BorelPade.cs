using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// Borel–Padé summation of an asymptotic series S(ε) ~ Σ_{k≥1} c_k ε^k: Borel transform B(x) = Σ_{k≥1} c_k x^k/k!,
/// its [M−1/M] Padé approximant x·P(x)/Q(x) built exactly from the first 2M coefficients, and the Laplace integral
/// S(ε) = ∫₀^∞ e^{−u} B(εu) du taken along the ray arg u = <see cref="RayAngle"/> (a lateral sum: when Q has zeros on the
/// positive axis, as for non-alternating factorially divergent series, the result is complex, its real part is the
/// principal-value sum and its imaginary part measures the ambiguity).
/// </summary>
public sealed class BorelPade
{
    /// <summary>The angle of the integration ray above the positive real axis (radians).</summary>
    public const double RayAngle = 0.05;

    private readonly double[] _p;
    private readonly double[] _q;

    /// <summary>The Padé half-order M (numerator degree M − 1, denominator degree M).</summary>
    public int M { get; }

    /// <summary>Builds the approximant from c[1..2M] (c[0] is ignored and must be 0 for the Borel form used); M ≥ 1.</summary>
    /// <exception cref="ArgumentException">Fewer than 2M + 1 coefficients, or a singular Padé system.</exception>
    public BorelPade(IReadOnlyList<Rational> c, int m)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        if (c.Count < 2 * m + 1) throw new ArgumentException($"need c[0..{2 * m}].", nameof(c));
        M = m;
        // a_i = c_{i+1}/(i+1)!, i = 0 … 2M − 1: B(x) = x·Σ a_i x^i.
        var a = new Rational[2 * m];
        Rational fact = Rational.One;
        for (int i = 0; i < 2 * m; i++) { fact *= i + 1; a[i] = c[i + 1] / fact; }
        int l = m - 1;
        // Σ_{j=0}^{M} q_j a_{k−j} = 0 for k = L+1 … L+M, q_0 = 1.
        var mat = new Rational[m, m + 1];
        for (int r = 0; r < m; r++)
        {
            int k = l + 1 + r;
            for (int j = 1; j <= m; j++) mat[r, j - 1] = k - j >= 0 ? a[k - j] : Rational.Zero;
            mat[r, m] = -a[k];
        }
        var q = Solve(mat, m);
        var qFull = new Rational[m + 1];
        qFull[0] = Rational.One;
        for (int j = 1; j <= m; j++) qFull[j] = q[j - 1];
        var p = new Rational[l + 1];
        for (int k = 0; k <= l; k++)
        {
            Rational s = Rational.Zero;
            for (int j = 0; j <= Math.Min(k, m); j++) s += qFull[j] * a[k - j];
            p[k] = s;
        }
        _p = p.Select(x => x.ToDouble()).ToArray();
        _q = qFull.Select(x => x.ToDouble()).ToArray();
    }

    /// <summary>The lateral Borel–Padé sum at ε = 1/n (n &gt; 0): ∫₀^∞ e^{−u} B(u/n) du along the ray, by 16-point
    /// Gauss–Legendre panels of length ¼ (in |u|) up to |u| = 80.</summary>
    public Complex Sum(double n)
    {
        if (!(n > 0)) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be > 0.");
        var dir = Complex.FromPolarCoordinates(1, RayAngle);
        Complex total = Complex.Zero;
        const double panel = 0.25;
        for (double left = 0; left < 80; left += panel)
        {
            for (int i = 0; i < Nodes.Length; i++)
            {
                double r = left + 0.5 * panel * (1 + Nodes[i]);
                Complex u = r * dir, x = u / n;
                total += 0.5 * panel * Weights[i] * Complex.Exp(-u) * x * Horner(_p, x) / Horner(_q, x) * dir;
            }
        }
        return total;
    }

    private static Complex Horner(double[] coefficients, Complex x)
    {
        Complex s = Complex.Zero;
        for (int i = coefficients.Length - 1; i >= 0; i--) s = s * x + coefficients[i];
        return s;
    }

    private static Rational[] Solve(Rational[,] a, int m)
    {
        for (int col = 0; col < m; col++)
        {
            int pivot = col;
            while (pivot < m && a[pivot, col].IsZero) pivot++;
            if (pivot == m) throw new ArgumentException("singular Padé system.", nameof(a));
            if (pivot != col)
                for (int j = 0; j <= m; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            for (int r = col + 1; r < m; r++)
            {
                if (a[r, col].IsZero) continue;
                Rational f = a[r, col] / a[col, col];
                for (int j = col; j <= m; j++) a[r, j] -= f * a[col, j];
            }
        }
        var x = new Rational[m];
        for (int r = m - 1; r >= 0; r--)
        {
            Rational s = a[r, m];
            for (int j = r + 1; j < m; j++) s -= a[r, j] * x[j];
            x[r] = s / a[r, r];
        }
        return x;
    }

    // 16-point Gauss–Legendre nodes and weights on [−1, 1].
    private static readonly double[] Nodes =
    [
        -0.9894009349916499, -0.9445750230732326, -0.8656312023878318, -0.7554044083550030,
        -0.6178762444026438, -0.4580167776572274, -0.2816035507792589, -0.0950125098376374,
        0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438,
        0.7554044083550030, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499,
    ];

    private static readonly double[] Weights =
    [
        0.0271524594117541, 0.0622535239386479, 0.0951585116824928, 0.1246289712555339,
        0.1495959888165767, 0.1691565193950025, 0.1826034150449236, 0.1894506104550685,
        0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767,
        0.1246289712555339, 0.0951585116824928, 0.0622535239386479, 0.0271524594117541,
    ];
}
