using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Modular;

/// <summary>
/// The θ-series coefficients of m_k(θ) and v_k(θ) (the ε^k terms of the drift μ − ln sin²θ and of σ², k ≥ 1) by
/// multi-modular evaluation: the whole expansion is run over 𝔽_p with π⁻¹ ↦ u for several small u and several primes
/// p &lt; 2³⁰ (<see cref="LogRatioEvaluation"/>), each coefficient of θ^j ε^k — a polynomial in π⁻¹ — is interpolated in u,
/// then lifted to ℚ by Chinese remaindering and rational reconstruction. Certificates: every interpolant is checked
/// at two further points, and the rationals reconstructed from the first t primes must agree with prime t + 1
/// before they are accepted (a false acceptance needs a coincidence of probability about 2⁻³⁰ per coefficient).
/// </summary>
public static class ModularLogRatio
{

    /// <summary>Evaluations run so far in this process (for benchmarks and the cost model).</summary>
    public static long Evaluations => Interlocked.Read(ref _evaluations);
    private static long _evaluations;

    /// <summary>Diagnostics of the last <see cref="Derive"/> (any thread): milliseconds building the exact J-series inputs and in the modular evaluations, the working θ-precision, the primes and the interpolation points used.</summary>
    public static (double InputsMs, double EvaluationsMs, int WorkingPrecision, int Primes, int Points) LastTimings { get; private set; }

    /// <summary>
    /// c_{jk} for the drift and σ² with 1 ≤ k ≤ <paramref name="nOrder"/>, 0 ≤ j ≤ <paramref name="thetaOrder"/>:
    /// result[k − 1][j]. Throws <see cref="NotSupportedException"/> for inputs with positive powers of π.
    /// </summary>
    public static (PiLaurent[][] Drift, PiLaurent[][] Variance) Derive(int thetaOrder, int nOrder, JFunctions.Activation activation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(thetaOrder);
        ArgumentOutOfRangeException.ThrowIfLessThan(nOrder, 1);
        ArgumentNullException.ThrowIfNull(activation);
        int K = nOrder;
        int W = thetaOrder + 1 + 4 * K + 2;
        LogRatioInputs inputs;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double inputsMs = 0;
        for (int attempt = 0; ; attempt++, W += 4)
        {
            var t0 = clock.Elapsed.TotalMilliseconds;
            inputs = new LogRatioInputs(K, W, activation);
            inputsMs += clock.Elapsed.TotalMilliseconds - t0;
            if (inputs.MinInversePiPower() < 0) throw new NotSupportedException("inputs with positive powers of pi.");
            var probe = Run(inputs, ModPrime.Get(0), 1);
            bool ok = true;
            for (int k = 1; k <= K; k++)
                if (probe.Mean[k].Precision <= thetaOrder || probe.Variance[k].Precision <= thetaOrder) ok = false;
            if (ok) break;
            if (attempt >= 8) throw new Algebra.SeriesOrderException($"could not reach theta^{thetaOrder} at 1/n order {K}.");
        }

        int values = 2 * K * (thetaOrder + 1); // (quantity, k, j) flattened
        var knownDenominator = KnownDenominator(activation);
        int points = thetaOrder / 2 + 3;
        var primes = new List<uint>();
        var coefs = new List<uint[][]>(); // per prime: per value, coefficients in u
        for (int t = 0; ; t++)
        {
            var f = ModPrime.Get(t);
            uint[][]? c = null;
            while (c is null)
            {
                c = EvaluatePrime(inputs, f, thetaOrder, points);
                if (c is null)
                {
                    points = 2 * points;
                    primes.Clear(); coefs.Clear(); t = 0; f = ModPrime.Get(0);
                }
            }
            if (t >= 1)
            {
                var rec = TryReconstruct(primes, coefs, f, c, K, thetaOrder, knownDenominator);
                if (rec is not null)
                {
                    LastTimings = (inputsMs, clock.Elapsed.TotalMilliseconds - inputsMs, W, primes.Count + 1, points);
                    return Split(rec, K, thetaOrder);
                }
            }
            primes.Add(f.P); coefs.Add(c);
            if (t > 64) throw new InvalidOperationException("rational reconstruction did not stabilise within 64 primes.");
        }
    }

    private static (ModSeries[] Mean, ModSeries[] Variance) Run(LogRatioInputs inputs, ModPrime f, uint u)
    {
        Interlocked.Increment(ref _evaluations);
        return LogRatioEvaluation.Evaluate(inputs, f, u);
    }

    /// <summary>
    /// Interpolated coefficients in u for every value, or null when a check point disagrees (more points needed). The
    /// coefficient of θ^j is u^{j mod 2}·S(u²) (J(θ; π) = J(−θ; −π) for every J, so c_j(−π) = (−1)^j c_j(π)): S is
    /// interpolated in u² from points − 2 nodes and checked at the last two.
    /// </summary>
    private static uint[][]? EvaluatePrime(LogRatioInputs inputs, ModPrime f, int thetaOrder, int points)
    {
        int K = inputs.Order;
        var u = Enumerable.Range(1, points).Select(i => (uint)i).ToArray();
        var u2 = u.Select(x => f.Mul(x, x)).ToArray();
        var results = new (ModSeries[] Mean, ModSeries[] Variance)[points];
        Parallel.For(0, points, i => results[i] = Run(inputs, f, u[i]));
        var coef = new uint[2 * K * (thetaOrder + 1)][];
        int d = points - 2;
        for (int q = 0; q < 2; q++)
            for (int k = 1; k <= K; k++)
                for (int j = 0; j <= thetaOrder; j++)
                {
                    var y = new uint[points];
                    for (int i = 0; i < points; i++)
                    {
                        uint v = (q == 0 ? results[i].Mean : results[i].Variance)[k][j];
                        y[i] = j % 2 == 1 ? f.Mul(v, f.Inverse(u[i])) : v;
                    }
                    var s = RationalReconstruction.Interpolate(f, u2[..d], y[..d]);
                    for (int extra = d; extra < points; extra++)
                        if (RationalReconstruction.Evaluate(f, s, u2[extra]) != y[extra]) return null;
                    var c = new uint[2 * d];
                    for (int i = 0; i < d; i++) c[2 * i + j % 2] = s[i];
                    coef[Flat(q, k, j, K, thetaOrder)] = c;
                }
        return coef;
    }

    private static int Flat(int q, int k, int j, int K, int thetaOrder) => (q * K + (k - 1)) * (thetaOrder + 1) + j;

    /// <summary>
    /// D = p² + q² for the slope s = p/q (1 for ReLU): the normalised J̄'s carry (1 + s²)^{−(a+b)/2} = (q²/D)^{(a+b)/2}, so
    /// the coefficient of θ^j ε^k has D^e, e ≤ j + 2k (observed), in its denominator — for leaky ReLU 1/100, 10001^e, by
    /// far the largest part of it.
    /// </summary>
    internal static BigInteger KnownDenominator(JFunctions.Activation activation)
    {
        var s = activation.Slope;
        return s.IsZero ? BigInteger.One : s.Numerator * s.Numerator + s.Denominator * s.Denominator;
    }

    /// <summary>Exponent of the known denominator tried for the coefficient of θ^j ε^k.</summary>
    internal static int KnownDenominatorExponent(int j, int k) => j + 2 * k;

    private static Rational[][]? TryReconstruct(List<uint> primes, List<uint[][]> coefs, ModPrime check, uint[][] checkCoefs,
        int K, int thetaOrder, BigInteger knownDenominator)
    {
        int nv = checkCoefs.Length;
        var result = new Rational[nv][];
        for (int v = 0; v < nv; v++)
        {
            int deg = checkCoefs[v].Length;
            int j = v % (thetaOrder + 1), k = v / (thetaOrder + 1) % K + 1;
            // Multiplying the residues by D^E leaves a rational with a small denominator and a numerator of about the old
            // size, recovered from about half the modulus (unbalanced bounds) instead of twice the larger of the two.
            BigInteger scale = knownDenominator.IsOne ? BigInteger.One : BigInteger.Pow(knownDenominator, KnownDenominatorExponent(j, k));
            result[v] = new Rational[deg];
            for (int i = 0; i < deg; i++)
            {
                var res = coefs.Select(c => c[v][i]).ToArray();
                var (x, m) = RationalReconstruction.Crt(res, primes);
                Rational? found = null;
                if (!scale.IsOne)
                    foreach (var candidate in RationalReconstruction.ReconstructUnbalanced(x * scale % m, m))
                    {
                        var q = candidate / Rational.FromInteger(scale);
                        if (Agrees(check, q, checkCoefs[v][i])) { found = q; break; }
                    }
                if (found is null && RationalReconstruction.Reconstruct(x, m) is { } plain && Agrees(check, plain, checkCoefs[v][i])) found = plain;
                if (found is not { } accepted) return null;
                result[v][i] = accepted;
            }
        }
        return result;
    }

    /// <summary>True when q reduces to the residue c at the check prime (and its denominator is invertible there).</summary>
    private static bool Agrees(ModPrime check, Rational q, uint c)
    {
        uint den = check.Reduce(q.Denominator);
        return den != 0 && check.Reduce(q.Numerator) == check.Mul(c, den);
    }

    private static (PiLaurent[][], PiLaurent[][]) Split(Rational[][] rec, int K, int thetaOrder)
    {
        var drift = new PiLaurent[K][];
        var variance = new PiLaurent[K][];
        for (int k = 1; k <= K; k++)
        {
            drift[k - 1] = new PiLaurent[thetaOrder + 1];
            variance[k - 1] = new PiLaurent[thetaOrder + 1];
            for (int j = 0; j <= thetaOrder; j++)
            {
                drift[k - 1][j] = ToPi(rec[Flat(0, k, j, K, thetaOrder)]);
                variance[k - 1][j] = ToPi(rec[Flat(1, k, j, K, thetaOrder)]);
            }
        }
        return (drift, variance);
    }

    private static PiLaurent ToPi(Rational[] c) => PiLaurent.FromTerms(c.Select((q, i) => (-i, q)));
}
