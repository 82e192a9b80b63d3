namespace Degeneracy.Series.Modular;

/// <summary>
/// The monomials t₁^i t₂^j t₃^k of total degree ≤ <see cref="MaxDegree"/>, numbered by increasing degree, with the
/// tables the truncated multivariate products need (index of a sum, |α|, α!).
/// </summary>
internal sealed class MultiIndex3
{
    public int MaxDegree { get; }
    public int Count => Exponents.Length;
    public (int I, int J, int K)[] Exponents { get; }
    public int[] Degree { get; }
    private readonly int[,,] _index;

    public MultiIndex3(int maxDegree)
    {
        MaxDegree = maxDegree;
        var list = new List<(int, int, int)>();
        for (int d = 0; d <= maxDegree; d++)
            for (int i = d; i >= 0; i--)
                for (int j = d - i; j >= 0; j--)
                    list.Add((i, j, d - i - j));
        Exponents = list.ToArray();
        Degree = Exponents.Select(e => e.Item1 + e.Item2 + e.Item3).ToArray();
        _index = new int[maxDegree + 1, maxDegree + 1, maxDegree + 1];
        for (int n = 0; n < Exponents.Length; n++) _index[Exponents[n].Item1, Exponents[n].Item2, Exponents[n].Item3] = n;
    }

    /// <summary>Index of (i, j, k), or −1 beyond the maximal degree.</summary>
    public int Index(int i, int j, int k) => i + j + k > MaxDegree || i < 0 || j < 0 || k < 0 ? -1 : _index[i, j, k];
}
