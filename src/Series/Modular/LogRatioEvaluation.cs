using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Modular;

/// <summary>
/// The exact inputs of one modular evaluation of the log-ratio expansion: the θ-series of every J̄_{a,b} with
/// a + b ≤ 4K (a, b ≥ 1) at working precision W, and the constants J̄_{a,0} = E[φ̄(G)^a]. Built once, shared by all
/// primes and evaluation points.
/// </summary>
internal sealed class LogRatioInputs
{
    public int Order { get; }
    public int WorkingPrecision { get; }
    public JFunctions.Activation Activation { get; }
    private readonly Dictionary<(int, int), ThetaSeries> _series = new();
    private readonly Dictionary<int, Rational> _constants = new();

    public LogRatioInputs(int order, int workingPrecision, JFunctions.Activation activation)
    {
        Order = order; WorkingPrecision = workingPrecision; Activation = activation;
        int maxAb = 4 * order;
        var pairs = new List<(int, int)>();
        for (int s = 2; s <= Math.Max(2, maxAb); s += 2)
        {
            for (int b = 1; b <= s / 2; b++) pairs.Add((s - b, b));
            _constants[s] = ConstantOf(s, activation);
        }
        var arr = new ThetaSeries[pairs.Count];
        Parallel.For(0, pairs.Count, i => arr[i] = Derivation.ClosedFormSeries.J(pairs[i].Item1, pairs[i].Item2, workingPrecision, activation));
        for (int i = 0; i < pairs.Count; i++) _series[pairs[i]] = arr[i];
    }

    private static Rational ConstantOf(int a, JFunctions.Activation act)
    {
        var t = JPolynomial.J(a, 0, act).Terms.ToList();
        return t.Count == 0 ? Rational.Zero : t[0].Coefficient;
    }

    /// <summary>J̄_{a,b} for a ≥ b ≥ 1 (exact series).</summary>
    public ThetaSeries Series(int a, int b) => a >= b ? _series[(a, b)] : _series[(b, a)];
    /// <summary>E[φ̄(G)^a] (even a).</summary>
    public Rational Constant(int a) => a == 0 ? Rational.One : _constants[a];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<uint, Lazy<Dictionary<(int, int), (int[] Powers, uint[] Q)[]>>> _reduced = new();

    /// <summary>Every input coefficient reduced modulo p once: per J̄_{a,b}, per θ^j, the π-powers and their residues.</summary>
    public Dictionary<(int, int), (int[] Powers, uint[] Q)[]> Reduced(ModPrime f) => _reduced.GetOrAdd(f.P, _ => new(() =>
    {
        var d = new Dictionary<(int, int), (int[], uint[])[]>();
        foreach (var (key, s) in _series)
        {
            int top = Math.Min(s.Precision, WorkingPrecision);
            var row = new (int[], uint[])[top];
            for (int j = 0; j < top; j++)
            {
                var terms = s[j].Terms.ToArray();
                row[j] = (terms.Select(t => t.Power).ToArray(), terms.Select(t => f.Reduce(t.Coefficient)).ToArray());
            }
            d[key] = row;
        }
        return d;
    })).Value;

    /// <summary>Lowest power of π⁻¹ in any input coefficient (negative when π itself appears).</summary>
    public int MinInversePiPower() =>
        _series.Values.SelectMany(s => Enumerable.Range(0, Math.Min(s.Precision, WorkingPrecision)).Select(j => s[j]))
            .Where(c => !c.IsZero).Select(c => -c.MaxPower).DefaultIfEmpty(0).Min();
}

/// <summary>
/// One evaluation of the log-ratio expansion (docs/THEORY.md §3) over 𝔽_p with π⁻¹ ↦ u: the θ-series of m_k(θ) and
/// v_k(θ), k = 1 … K, computed without any symbolic J-polynomial. Moments of the sample-mean fluctuations come from
/// the cumulants: E[e^{t·δ}] = exp(Σ_β ε^{|β|−1} κ_β t^β/β!), the κ_β of (X², Y², XY) from ln E[e^{t·v}] with
/// E[v^β] = J̄_{2p+s, 2q+s}; the random part F is the same truncated Taylor polynomial as in
/// <see cref="Derivation.LogRatioExpansion"/>.
/// </summary>
internal static class LogRatioEvaluation
{

    /// <summary>(mean[k], variance[k]) for k = 0 … K as series over 𝔽_p.</summary>
    public static (ModSeries[] Mean, ModSeries[] Variance) Evaluate(LogRatioInputs inputs, ModPrime f, uint u)
    {
        int K = inputs.Order, W = inputs.WorkingPrecision, maxDeg = 2 * K;
        var idx = new MultiIndex3(maxDeg);
        int n = idx.Count;
        var reduced = inputs.Reduced(f);
        uint uInv = f.Inverse(u);
        var uPow = new Dictionary<int, uint>();
        uint PiPower(int k) // π^k ↦ u^{−k}
        {
            if (!uPow.TryGetValue(k, out var v)) uPow[k] = v = k <= 0 ? f.Pow(u, -k) : f.Pow(uInv, k);
            return v;
        }
        ModSeries Lift((int[] Powers, uint[] Q)[] row)
        {
            var c = new uint[row.Length];
            for (int j = 0; j < row.Length; j++)
            {
                uint acc = 0;
                for (int t = 0; t < row[j].Powers.Length; t++) acc = f.Add(acc, f.Mul(row[j].Q[t], PiPower(row[j].Powers[t])));
                c[j] = acc;
            }
            return new ModSeries(0, c, row.Length);
        }
        var jCache = new Dictionary<(int, int), ModSeries>();
        ModSeries J(int a, int b)
        {
            if (a == 0 || b == 0) return ModSeries.Constant(f.Reduce(inputs.Constant(a + b)));
            if (a < b) (a, b) = (b, a);
            if (!jCache.TryGetValue((a, b), out var s)) jCache[(a, b)] = s = Lift(reduced[(a, b)]);
            return s;
        }
        var invFact = new uint[maxDeg + 2];
        var fact = new uint[maxDeg + 2];
        fact[0] = 1;
        for (int i = 1; i < fact.Length; i++) fact[i] = f.Mul(fact[i - 1], (uint)i);
        for (int i = 0; i < fact.Length; i++) invFact[i] = f.Inverse(fact[i]);
        var invInt = new uint[maxDeg + 2];
        for (int i = 1; i < invInt.Length; i++) invInt[i] = f.Inverse((uint)i);

        // c_β = E[v^β]/β!, v = (X², Y², XY): E[v^β] = J̄_{2p+s, 2q+s}.
        var c = new ModSeries[n];
        for (int a = 0; a < n; a++)
        {
            var (p, q, s) = idx.Exponents[a];
            uint w = f.Mul(f.Mul(invFact[p], invFact[q]), invFact[s]);
            c[a] = ModSeries.Scale(f, J(2 * p + s, 2 * q + s), w);
        }
        // L = ln Σ c_β t^β (cumulants/β!): L_α = c_α − (1/|α|) Σ_{0<β<α} |β| L_β c_{α−β}; Ls_β = |β| L_β.
        int hiExp = W + 2;
        var Ls = new ModSeries[n];
        for (int a = 1; a < n; a++)
        {
            var (i, j, k) = idx.Exponents[a];
            int da = idx.Degree[a];
            var acc = new ModAccumulator(f, 0, hiExp);
            for (int bi = 0; bi <= i; bi++)
                for (int bj = 0; bj <= j; bj++)
                    for (int bk = 0; bk <= k; bk++)
                    {
                        int db = bi + bj + bk;
                        if (db == 0 || db == da) continue;
                        acc.Add(Ls[idx.Index(bi, bj, bk)], c[idx.Index(i - bi, j - bj, k - bk)]);
                    }
            // |α| L_α = |α| c_α − acc
            var la = new ModAccumulator(f, 0, hiExp);
            la.Add(c[a], (uint)da);
            la.Add(acc.ToSeries(), f.Neg(1));
            Ls[a] = la.ToSeries();
        }
        // G = exp(Σ_{|β|≥2} ε^{|β|−1} L_β t^β): |α| G_α[k] = Σ_β |β| L_β G_{α−β}[k − |β| + 1].
        var G = new ModSeries?[n, K + 1];
        G[0, 0] = ModSeries.Constant(1);
        for (int a = 1; a < n; a++)
        {
            var (i, j, k) = idx.Exponents[a];
            int da = idx.Degree[a];
            var sums = new ModAccumulator?[K + 1];
            for (int bi = 0; bi <= i; bi++)
                for (int bj = 0; bj <= j; bj++)
                    for (int bk = 0; bk <= k; bk++)
                    {
                        int db = bi + bj + bk;
                        if (db < 2) continue;
                        var lbs = Ls[idx.Index(bi, bj, bk)];
                        int rest = idx.Index(i - bi, j - bj, k - bk);
                        for (int e = 0; e + db - 1 <= K; e++)
                        {
                            var g = G[rest, e];
                            if (g is null) continue;
                            int kk = e + db - 1;
                            (sums[kk] ??= new ModAccumulator(f, 0, hiExp)).Add(lbs, g);
                        }
                    }
            for (int e = 0; e <= K; e++)
                if (sums[e] is not null) G[a, e] = sums[e]!.ToSeries(invInt[da]);
        }

        // Δ = ½δa + ½δb − 2J₁₁δc + δaδb − δc²; F = Σ_m (−1)^{m+1}/m (4D⁻¹Δ)^m − Σ_m (−1)^{m+1} 2^m/m (δa^m + δb^m).
        var j11 = J(1, 1);
        var d = ModSeries.Add(f, ModSeries.Constant(1).Truncate(j11.Precision), ModSeries.Scale(f, ModSeries.Mul(f, j11, j11), f.Neg(4)));
        var fourInvD = ModSeries.Scale(f, ModSeries.Inverse(f, d), 4);
        uint half = f.Inverse(2);
        var deltaTerms = new (int I, int J, int K, ModSeries C)[]
        {
            (1, 0, 0, ModSeries.Constant(half)), (0, 1, 0, ModSeries.Constant(half)),
            (0, 0, 1, ModSeries.Scale(f, j11, f.Neg(2))), (1, 1, 0, ModSeries.Constant(1)), (0, 0, 2, ModSeries.Constant(f.Neg(1))),
        };
        var F = new ModSeries?[n];
        void AddF(int a, ModSeries t) => F[a] = F[a] is null ? t : ModSeries.Add(f, F[a]!, t);
        var power = new ModSeries?[n];
        power[0] = ModSeries.Constant(1);
        var scalePow = ModSeries.Constant(1);
        for (int m = 1; m <= maxDeg; m++)
        {
            var next = new ModSeries?[n];
            for (int a = 0; a < n; a++)
            {
                if (power[a] is null) continue;
                var (i, j, k) = idx.Exponents[a];
                foreach (var (ti, tj, tk, tc) in deltaTerms)
                {
                    int b = idx.Index(i + ti, j + tj, k + tk);
                    if (b < 0) continue;
                    var t = ModSeries.Mul(f, power[a]!, tc);
                    next[b] = next[b] is null ? t : ModSeries.Add(f, next[b]!, t);
                }
            }
            power = next;
            scalePow = ModSeries.Mul(f, scalePow, fourInvD);
            uint coef = m % 2 == 1 ? invInt[m] : f.Neg(invInt[m]);
            var sp = ModSeries.Scale(f, scalePow, coef);
            for (int a = 0; a < n; a++)
                if (power[a] is not null) AddF(a, ModSeries.Mul(f, power[a]!, sp));
            uint lnCoef = f.Neg(f.Mul(coef, f.Pow(2, m)));
            AddF(idx.Index(m, 0, 0), ModSeries.Constant(lnCoef));
            AddF(idx.Index(0, m, 0), ModSeries.Constant(lnCoef));
        }

        // E[δ^α] = α!·G_α; mean[k] = Σ F_α E_α[k]; second[k] = Σ (F²)_γ E_γ[k].
        int lowF = -(8 * K + 8), hiF = W + 2;
        var F2acc = new ModAccumulator?[n];
        for (int a = 1; a < n; a++)
        {
            if (F[a] is null) continue;
            var (i, j, k) = idx.Exponents[a];
            for (int b = a; b < n; b++)
            {
                if (F[b] is null) continue;
                var (bi, bj, bk) = idx.Exponents[b];
                int g = idx.Index(i + bi, j + bj, k + bk);
                if (g < 0) continue;
                (F2acc[g] ??= new ModAccumulator(f, lowF, hiF)).Add(F[a]!, F[b]!, b == a ? 1u : 2u);
            }
        }
        var F2 = F2acc.Select(x => x?.ToSeries()).ToArray();
        var mean = new ModSeries[K + 1];
        var second = new ModSeries[K + 1];
        for (int e = 0; e <= K; e++)
        {
            var sm = new ModAccumulator(f, lowF, hiF);
            var s2 = new ModAccumulator(f, lowF, hiF);
            for (int a = 1; a < n; a++)
            {
                if (G[a, e] is null) continue;
                var (i, j, k) = idx.Exponents[a];
                uint af = f.Mul(f.Mul(fact[i], fact[j]), fact[k]);
                if (F[a] is not null) sm.Add(F[a]!, G[a, e]!, af);
                if (F2[a] is not null) s2.Add(F2[a]!, G[a, e]!, af);
            }
            mean[e] = sm.IsEmpty ? ModSeries.ZeroTo(ModSeries.Exact) : sm.ToSeries();
            second[e] = s2.IsEmpty ? ModSeries.ZeroTo(ModSeries.Exact) : s2.ToSeries();
        }
        var variance = new ModSeries[K + 1];
        for (int e = 0; e <= K; e++)
        {
            var sq = ModSeries.ZeroTo(ModSeries.Exact);
            for (int i = 0; i <= e; i++) sq = ModSeries.Add(f, sq, ModSeries.Mul(f, mean[i], mean[e - i]));
            variance[e] = ModSeries.Add(f, second[e], ModSeries.Scale(f, sq, f.Neg(1)));
        }
        return (mean, variance);
    }
}
