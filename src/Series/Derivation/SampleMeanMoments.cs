using System.Collections.Concurrent;
using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Derivation;

/// <summary>
/// Exact moments of the fluctuations of sample means of the iid vector v = (X², Y², XY), X = φ(G), Y = φ(Ĝ):
/// with δ = (1/n)Σ_j (v_j − E v),
///   E[δ_{i_1} ⋯ δ_{i_r}] = Σ_π n^{−r}(n)_{|π|} Π_{B∈π} E[Π_{t∈B} w_{i_t}],
/// summed over the set partitions π of {1..r} into blocks of size ≥ 2 ((n)_b the falling factorial, w = v − E v).
/// Every central moment of w is a polynomial in J's, since E[(X²)^p (Y²)^q (XY)^s] = J_{2p+s, 2q+s}. The result is an
/// exact polynomial in ε = 1/n, returned truncated at ε^K (the combinatorial correction of docs/THEORY.md §3).
/// The same polynomials come, far faster, from the cumulants (no partitions; used for every degree ≤ 2K): 1.1 s → 0.07 s
/// at K = 4, 4.2 s → 0.3 s at K = 5 for all moments; the partition sum stays as <see cref="MomentByPartitions"/>.
/// </summary>
public sealed class SampleMeanMoments
{
    private readonly int _order;
    private readonly JFunctions.Activation _activation;
    private readonly Func<int, int, int, JPolynomial>? _centralOverride;

    /// <summary>
    /// Sample-mean moments of another iid vector w = (w₁, w₂, w₃), given its exact central moments
    /// E[w₁^p w₂^q w₃^s] (e.g. rational constants): the same partition sum, used by the small-angle law of φ_s.
    /// </summary>
    internal SampleMeanMoments(int order, Func<int, int, int, JPolynomial> central) : this(order, JFunctions.Activation.Relu)
        => _centralOverride = central;
    private readonly ConcurrentDictionary<(int, int, int), JPolynomial[]> _moments = new();
    private readonly ConcurrentDictionary<(int, int, int), JPolynomial> _central = new();

    /// <param name="order">K: moments are returned as polynomials in ε truncated after ε^K.</param>
    public SampleMeanMoments(int order) : this(order, JFunctions.Activation.Relu) { }

    /// <param name="order">K: moments are returned as polynomials in ε truncated after ε^K.</param>
    /// <param name="activation">φ_s: the J's are those of the normalised φ_s/√(1 + s²) (<see cref="JPolynomial.J(int, int, JFunctions.Activation)"/>).</param>
    public SampleMeanMoments(int order, JFunctions.Activation activation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        ArgumentNullException.ThrowIfNull(activation);
        _order = order;
        _activation = activation;
        _table = new(CumulantTable, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The 1/n order of these moments.</summary>
    public int Order => _order;

    /// <summary>
    /// E[δa^i δb^j δc^k] as coefficients of ε^0 … ε^K. For i + j + k ≤ 2K (all the log-ratio expansion needs) every
    /// moment comes at once from the cumulants (<see cref="CumulantTable"/>); beyond, and for the small-angle override,
    /// from the set-partition sum (<see cref="MomentByPartitions"/>).
    /// </summary>
    public JPolynomial[] Moment(int i, int j, int k)
    {
        if (_centralOverride is null && i + j + k <= 2 * _order && i >= 0 && j >= 0 && k >= 0)
            return _table.Value[(i, j, k)];
        return MomentByPartitions(i, j, k);
    }

    /// <summary>E[δa^i δb^j δc^k] by the set-partition sum of the class summary (the first route; cost grows like the
    /// number of set partitions of i + j + k elements, so it serves as the independent check at low order).</summary>
    public JPolynomial[] MomentByPartitions(int i, int j, int k) => _moments.GetOrAdd((i, j, k), key => Compute(key.Item1, key.Item2, key.Item3));

    private readonly Lazy<Dictionary<(int, int, int), JPolynomial[]>> _table;

    /// <summary>
    /// Every moment of total degree ≤ 2K from the cumulants, with no partitions: E[e^{t·δ}] = exp(Σ_{|β|≥2} ε^{|β|−1} κ_β t^β/β!)
    /// exactly, the κ_β of v = (X², Y², XY) from the logarithm of Σ_β E[v^β] t^β/β! (E[v^β] = J_{2p+s, 2q+s}, a single
    /// J), by |α|L_α = |α|c_α − Σ_{0&lt;β&lt;α} |β|L_β c_{α−β} and |α|G_α = Σ_β |β| ε^{|β|−1} L_β G_{α−β}; E[δ^α] = α!·G_α.
    /// Polynomial identities in the raw moments, so the result equals the partition sum term by term.
    /// </summary>
    private Dictionary<(int, int, int), JPolynomial[]> CumulantTable()
    {
        int K = _order, D = 2 * K;
        var idx = new Modular.MultiIndex3(D);
        int n = idx.Count;
        var c = new JPolynomial[n];
        for (int a = 0; a < n; a++)
        {
            var (p, q, s) = idx.Exponents[a];
            var fact = Rational.Factorial(p) * Rational.Factorial(q) * Rational.Factorial(s);
            c[a] = fact.Reciprocal() * (a == 0 ? JPolynomial.One : JPolynomial.J(2 * p + s, 2 * q + s, _activation));
        }
        var ls = new JPolynomial[n];
        ls[0] = JPolynomial.Zero;
        ByDegree(idx, a =>
        {
            var (i, j, k) = idx.Exponents[a];
            int da = i + j + k;
            var acc = (Rational)da * c[a];
            for (int bi = 0; bi <= i; bi++)
                for (int bj = 0; bj <= j; bj++)
                    for (int bk = 0; bk <= k; bk++)
                    {
                        int db = bi + bj + bk;
                        if (db == 0 || db == da) continue;
                        var l = ls[idx.Index(bi, bj, bk)];
                        if (l.IsZero) continue;
                        acc += Rational.MinusOne * (l * c[idx.Index(i - bi, j - bj, k - bk)]);
                    }
            ls[a] = acc;
        });
        var G = new JPolynomial[n][];
        G[0] = [JPolynomial.One];
        ByDegree(idx, a =>
        {
            var (i, j, k) = idx.Exponents[a];
            int da = i + j + k, lo = (da + 1) / 2;
            var row = new JPolynomial[Math.Max(0, K - lo + 1)];
            for (int r = 0; r < row.Length; r++) row[r] = JPolynomial.Zero;
            for (int bi = 0; bi <= i; bi++)
                for (int bj = 0; bj <= j; bj++)
                    for (int bk = 0; bk <= k; bk++)
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
            var inv = new Rational(1, da);
            for (int r = 0; r < row.Length; r++) row[r] = inv * row[r];
            G[a] = row;
        });
        var table = new Dictionary<(int, int, int), JPolynomial[]>();
        for (int a = 0; a < n; a++)
        {
            var (i, j, k) = idx.Exponents[a];
            int lo = (i + j + k + 1) / 2;
            var fact = Rational.Factorial(i) * Rational.Factorial(j) * Rational.Factorial(k);
            var result = new JPolynomial[K + 1];
            for (int e = 0; e <= K; e++) result[e] = JPolynomial.Zero;
            for (int r = 0; r < G[a].Length; r++) result[lo + r] = fact * G[a][r];
            table[(i, j, k)] = result;
        }
        return table;
    }

    /// <summary>Runs body on every multi-index of degree ≥ 1, degree by degree, in parallel within a degree.</summary>
    private static void ByDegree(Modular.MultiIndex3 idx, Action<int> body)
    {
        int start = 1;
        while (start < idx.Count)
        {
            int d = idx.Degree[start], end = start;
            while (end < idx.Count && idx.Degree[end] == d) end++;
            Parallel.For(start, end, body);
            start = end;
        }
    }

    /// <summary>Central moment E[(X² − ½)^p (Y² − ½)^q (XY − J_{1,1})^s] as a polynomial in J's.</summary>
    public JPolynomial Central(int p, int q, int s) => _central.GetOrAdd((p, q, s), key =>
    {
        if (_centralOverride is not null) return _centralOverride(key.Item1, key.Item2, key.Item3);
        var (pp, qq, ss) = key;
        var sum = JPolynomial.Zero;
        var minusHalf = new Rational(-1, 2);
        var minusJ11 = -JPolynomial.J(1, 1);
        for (int a = 0; a <= pp; a++)
            for (int b = 0; b <= qq; b++)
                for (int c = 0; c <= ss; c++)
                {
                    Rational w = (Rational)Rational.Binomial(pp, a) * Rational.Binomial(qq, b) * Rational.Binomial(ss, c)
                                 * minusHalf.Pow(pp - a) * minusHalf.Pow(qq - b);
                    sum += w * (minusJ11.Pow(ss - c) * JPolynomial.J(2 * a + c, 2 * b + c, _activation));
                }
        return sum;
    });

    private JPolynomial[] Compute(int i, int j, int k)
    {
        int r = i + j + k;
        var result = new JPolynomial[_order + 1];
        for (int e = 0; e <= _order; e++) result[e] = JPolynomial.Zero;
        if (r == 0) { result[0] = JPolynomial.One; return result; }
        var types = new int[r];
        for (int t = 0; t < r; t++) types[t] = t < i ? 0 : t < i + j ? 1 : 2;

        // Count partitions by their multiset of block types (p, q, s); only blocks of size ≥ 2 (E w = 0).
        var counts = new Dictionary<string, (List<(int, int, int)> Blocks, long Count)>();
        var assigned = new int[r];
        Array.Fill(assigned, -1);
        var blocks = new List<List<int>>();
        void Recurse(int first)
        {
            while (first < r && assigned[first] >= 0) first++;
            if (first == r)
            {
                var shape = blocks.Select(bl => (bl.Count(t => types[t] == 0), bl.Count(t => types[t] == 1), bl.Count(t => types[t] == 2)))
                                  .OrderBy(x => x).ToList();
                // ε-order of this partition: r − |π|; skip if beyond K.
                if (r - shape.Count > _order) return;
                string key = string.Join(";", shape);
                counts[key] = counts.TryGetValue(key, out var old) ? (old.Blocks, old.Count + 1) : (shape, 1);
                return;
            }
            // Start a new block with `first`, choose ≥ 1 companions among later unassigned positions.
            var free = Enumerable.Range(first + 1, r - first - 1).Where(t => assigned[t] < 0).ToArray();
            int nb = blocks.Count;
            for (int mask = 1; mask < (1 << free.Length); mask++)
            {
                var block = new List<int> { first };
                for (int b = 0; b < free.Length; b++) if ((mask & (1 << b)) != 0) block.Add(free[b]);
                foreach (var t in block) assigned[t] = nb;
                blocks.Add(block);
                Recurse(first + 1);
                blocks.RemoveAt(blocks.Count - 1);
                foreach (var t in block) assigned[t] = -1;
            }
        }
        Recurse(0);

        foreach (var (shape, count) in counts.Values)
        {
            int b = shape.Count;
            var product = JPolynomial.One;
            foreach (var (p, q, s) in shape) product *= Central(p, q, s);
            // n^{−r}(n)_b = ε^{r−b} Π_{l=0}^{b−1} (1 − lε)
            var falling = new Rational[_order + 1];
            falling[0] = Rational.One;
            for (int l = 1; l < b; l++)
                for (int e = _order; e >= 1; e--) falling[e] -= l * falling[e - 1];
            for (int e = 0; r - b + e <= _order; e++)
                if (!falling[e].IsZero) result[r - b + e] += (falling[e] * count) * product;
        }
        return result;
    }
}
