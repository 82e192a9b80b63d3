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
    }

    /// <summary>The 1/n order of these moments.</summary>
    public int Order => _order;

    /// <summary>E[δa^i δb^j δc^k] as coefficients of ε^0 … ε^K.</summary>
    public JPolynomial[] Moment(int i, int j, int k) => _moments.GetOrAdd((i, j, k), key => Compute(key.Item1, key.Item2, key.Item3));

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
