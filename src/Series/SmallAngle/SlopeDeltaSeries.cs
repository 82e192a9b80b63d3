using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// The exact 1/n expansion of the small-angle law of φ_s for every rational slope s, to any order (docs/SMALL_ANGLE.md,
/// "The 1/n expansion for every slope"). R = (AB − C²)/A² with A, B, C the sample means of the iid
/// v = (λg², λh², λgh), g, h independent N(0, 1) and λ ∈ {p², q²} (s = p/q) with probability ½ each; R is unchanged by
/// the scale of λ, so everything stays in integers until the last step. With x, y, z the fluctuations of A, B, C about
/// (μ, μ, 0), μ = E λ, divided by μ:
/// ln R = ln(1 + y) − ln(1 + x) + ln(1 − z²/((1 + x)(1 + y))), whose Taylor coefficients are products of binomials.
/// The moments of δ = (A, B, C) − E v come from the cumulants, with no partitions:
/// E[e^{t·δ}] = exp(Σ_{|β|≥2} ε^{|β|−1} κ_β t^β/β!) exactly (ε = 1/n), κ_β from ln E[e^{t·v}] and the raw moments
/// E[v^β] = E[λ^{|β|}]·(2i+k−1)!!·(2j+k−1)!! (β = (i, j, k), k even; odd k vanish). A monomial of degree d contributes
/// from ε^{⌈d/2⌉} on, so order K needs the monomials of degree ≤ 2K: O(K⁶) products of exact rationals.
/// </summary>
public static class SlopeDeltaSeries
{
    /// <summary>
    /// Exact coefficients (c_i, d_i), i = 0 … <paramref name="order"/>, of ρ_exact(n; s) ~ Σ c_i n^{−i} and
    /// σ²_exact(0, n; s) ~ Σ d_i n^{−i}, for every rational slope s (for s = 0 up to terms O(n·2^{−n}), which no power of
    /// 1/n sees). Cost grows as about order⁶ (docs/BENCHMARKS.md); <see cref="EstimatedSeconds"/> gives the estimate.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">order negative.</exception>
    public static (Rational[] Rho, Rational[] Variance) Compute(int order, Rational slope)
    {
        if (order < 0) throw new ArgumentOutOfRangeException(nameof(order), order, "order must be a non-negative integer.");
        int K = order, D = 2 * K;
        BigInteger p2 = BigInteger.Pow(slope.Numerator, 2), q2 = BigInteger.Pow(slope.Denominator, 2);
        var idx = new EvenIndex(D);
        int n = idx.Count;

        // c_β = E[v^β]/β!.
        var lambdaMoment = new Rational[D + 1];
        for (int d = 0; d <= D; d++) lambdaMoment[d] = new Rational(BigInteger.Pow(p2, d) + BigInteger.Pow(q2, d), 2);
        var c = new Rational[n];
        for (int a = 0; a < n; a++)
        {
            var (i, j, k) = idx.Exponents[a];
            c[a] = lambdaMoment[i + j + k] * OddFactorial(2 * i + k - 1) * OddFactorial(2 * j + k - 1)
                   / (Rational.Factorial(i) * Rational.Factorial(j) * Rational.Factorial(k));
        }

        // Ls_β = |β|·κ_β/β! from |α| L_α = |α| c_α − Σ_{0<β<α} |β| L_β c_{α−β}.
        var ls = new Rational[n];
        idx.ForEachByDegree(a =>
        {
            var (i, j, k) = idx.Exponents[a];
            int da = i + j + k;
            Rational acc = da * c[a];
            for (int bi = 0; bi <= i; bi++)
                for (int bj = 0; bj <= j; bj++)
                    for (int bk = 0; bk <= k; bk += 2)
                    {
                        int db = bi + bj + bk;
                        if (db == 0 || db == da) continue;
                        var l = ls[idx.Index(bi, bj, bk)];
                        if (l.IsZero) continue;
                        acc -= l * c[idx.Index(i - bi, j - bj, k - bk)];
                    }
            ls[a] = acc;
        });

        // G = exp(Σ_{|β|≥2} ε^{|β|−1} L_β t^β): |α| G_α[e] = Σ_β |β| L_β G_{α−β}[e − |β| + 1]; E[δ^α] = α!·G_α.
        // Only e ≤ K is kept; G_α[e] vanishes for e < ⌈|α|/2⌉.
        var G = new Rational[n][];
        G[0] = [Rational.One];
        idx.ForEachByDegree(a =>
        {
            var (i, j, k) = idx.Exponents[a];
            int da = i + j + k, lo = (da + 1) / 2;
            var row = new Rational[Math.Max(0, K - lo + 1)];
            for (int bi = 0; bi <= i; bi++)
                for (int bj = 0; bj <= j; bj++)
                    for (int bk = 0; bk <= k; bk += 2)
                    {
                        int db = bi + bj + bk;
                        if (db < 2) continue;
                        var l = ls[idx.Index(bi, bj, bk)];
                        if (l.IsZero) continue;
                        var rest = G[idx.Index(i - bi, j - bj, k - bk)];
                        int restLo = (da - db + 1) / 2;
                        for (int r = 0; r < rest.Length; r++)
                        {
                            int e = restLo + r + db - 1;
                            if (e > K) break;
                            if (!rest[r].IsZero) row[e - lo] += l * rest[r];
                        }
                    }
            for (int r = 0; r < row.Length; r++) row[r] = row[r] / da;
            G[a] = row;
        });

        // H_α[e] = E[(δ/μ)^α][e] = α!·G_α[e]/μ^{|α|}.
        var mu = new Rational(p2 + q2, 2);
        var muInvPow = new Rational[D + 1];
        muInvPow[0] = Rational.One;
        for (int d = 1; d <= D; d++) muInvPow[d] = muInvPow[d - 1] / mu;

        // F = ln R in the normalised fluctuations (x, y, z), truncated at degree 2K.
        var F = new Rational[n];
        for (int a = 1; a < n; a++)
        {
            var (i, j, k) = idx.Exponents[a];
            F[a] = LogRatioCoefficient(i, j, k);
        }
        var F2 = new Rational[n];
        for (int a = 1; a < n; a++)
        {
            if (F[a].IsZero) continue;
            var (i, j, k) = idx.Exponents[a];
            for (int b = a; b < n; b++)
            {
                if (F[b].IsZero) continue;
                var (bi, bj, bk) = idx.Exponents[b];
                int g = idx.Index(i + bi, j + bj, k + bk);
                if (g < 0) continue;
                var t = F[a] * F[b];
                F2[g] += b == a ? t : 2 * t;
            }
        }

        var mean = new Rational[K + 1];
        var second = new Rational[K + 1];
        for (int a = 1; a < n; a++)
        {
            var (i, j, k) = idx.Exponents[a];
            int da = i + j + k, lo = (da + 1) / 2;
            if (F[a].IsZero && F2[a].IsZero) continue;
            var w = Rational.Factorial(i) * Rational.Factorial(j) * Rational.Factorial(k) * muInvPow[da];
            for (int r = 0; r < G[a].Length; r++)
            {
                if (G[a][r].IsZero) continue;
                var h = w * G[a][r];
                if (!F[a].IsZero) mean[lo + r] += F[a] * h;
                if (!F2[a].IsZero) second[lo + r] += F2[a] * h;
            }
        }
        var rho = new Rational[K + 1];
        var variance = new Rational[K + 1];
        for (int e = 0; e <= K; e++)
        {
            rho[e] = -mean[e];
            Rational sq = Rational.Zero;
            for (int i = 0; i <= e; i++) sq += mean[i] * mean[e - i];
            variance[e] = second[e] - sq;
        }
        return (rho, variance);
    }

    /// <summary>
    /// Estimated CPU seconds of <see cref="Compute"/> at this order for slope p/q: 2.15e-9·K⁷·(1 + 0.15·log₂ max(|p|, q)),
    /// fitted on a 2-core machine (K = 12 … 28, s = 1/2 and 1/100; docs/BENCHMARKS.md): the products grow as K⁶ and the
    /// size of the exact rationals about as K·log q.
    /// </summary>
    public static double EstimatedSeconds(int order, Rational slope)
    {
        if (order <= 0) return 0.001;
        double bits = Math.Max(BigInteger.Abs(slope.Numerator).GetBitLength(), slope.Denominator.GetBitLength());
        return 0.001 + 2.15e-9 * Math.Pow(order, 7) * (1 + 0.15 * bits);
    }

    /// <summary>Estimated peak bytes of <see cref="Compute"/> at this order (the rows G_α, α of degree ≤ 2K, of exact rationals).</summary>
    public static double EstimatedBytes(int order) => 5e7 + Math.Pow(2 * order + 3, 3) / 12 * (order + 1) * (64 + 16.0 * order * order);

    /// <summary>Coefficient of x^i y^j z^k in ln(1 + y) − ln(1 + x) + ln(1 − z²/((1 + x)(1 + y))).</summary>
    private static Rational LogRatioCoefficient(int i, int j, int k)
    {
        if (k % 2 == 1) return Rational.Zero;
        if (k == 0)
        {
            if (i > 0 && j > 0) return Rational.Zero;
            if (j > 0) return new Rational(j % 2 == 1 ? 1 : -1, j);
            return i > 0 ? new Rational(i % 2 == 1 ? -1 : 1, i) : Rational.Zero;
        }
        // −(1/m) z^{2m} (1 + x)^{−m} (1 + y)^{−m}: coefficient −(1/m)(−1)^{i+j} C(m+i−1, i) C(m+j−1, j).
        int m = k / 2;
        var b = Rational.Binomial(m + i - 1, i) * Rational.Binomial(m + j - 1, j);
        return new Rational((i + j) % 2 == 0 ? -b : b, m);
    }

    private static Rational OddFactorial(int m)
    {
        BigInteger r = BigInteger.One;
        for (int i = m; i > 1; i -= 2) r *= i;
        return r;
    }

    /// <summary>Monomials t₁^i t₂^j t₃^k of degree ≤ D with k even (odd powers of z have zero moments).</summary>
    private sealed class EvenIndex
    {
        public (int I, int J, int K)[] Exponents { get; }
        public int Count => Exponents.Length;
        private readonly int[,,] _index;
        private readonly int _max;

        public EvenIndex(int maxDegree)
        {
            _max = maxDegree;
            var list = new List<(int, int, int)>();
            for (int d = 0; d <= maxDegree; d++)
                for (int k = 0; k <= d; k += 2)
                    for (int i = d - k; i >= 0; i--)
                        list.Add((i, d - k - i, k));
            Exponents = list.ToArray();
            _index = new int[maxDegree + 1, maxDegree + 1, maxDegree / 2 + 1];
            for (int a = 0; a < Exponents.Length; a++) _index[Exponents[a].Item1, Exponents[a].Item2, Exponents[a].Item3 / 2] = a;
        }

        /// <summary>Runs <paramref name="body"/> on every monomial of degree ≥ 1, one degree after the other, in parallel
        /// within a degree (the recurrences read only lower degrees).</summary>
        public void ForEachByDegree(Action<int> body)
        {
            int start = 1;
            while (start < Exponents.Length)
            {
                var (i0, j0, k0) = Exponents[start];
                int d = i0 + j0 + k0, end = start;
                while (end < Exponents.Length && Exponents[end].Item1 + Exponents[end].Item2 + Exponents[end].Item3 == d) end++;
                Parallel.For(start, end, body);
                start = end;
            }
        }

        /// <summary>Index of (i, j, k) (k even), or −1 beyond the maximal degree.</summary>
        public int Index(int i, int j, int k) => i + j + k > _max ? -1 : _index[i, j, k / 2];
    }
}
