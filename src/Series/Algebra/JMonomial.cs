namespace Degeneracy.Series.Algebra;

/// <summary>
/// A monomial in the symbols of closed forms: variable 0 is D⁻¹ with D = 1 − 4J_{1,1}², variable i ≥ 1 is J_{a,b}
/// (a ≥ b ≥ 1, numbered by <see cref="JSymbols"/>). Exponents are stored densely, trailing zeros trimmed; value equality.
/// </summary>
public readonly struct JMonomial : IEquatable<JMonomial>
{
    private readonly byte[]? _e;
    private readonly int _hash;

    /// <summary>The monomial with these exponents (each in [0, 255]; trailing zeros trimmed).</summary>
    public JMonomial(ReadOnlySpan<int> exponents)
    {
        int n = exponents.Length;
        while (n > 0 && exponents[n - 1] == 0) n--;
        var e = new byte[n];
        for (int i = 0; i < n; i++)
        {
            if (exponents[i] is < 0 or > 255) throw new ArgumentOutOfRangeException(nameof(exponents), "exponents must lie in [0, 255].");
            e[i] = (byte)exponents[i];
        }
        _e = e;
        _hash = Hash(e);
    }

    private JMonomial(byte[] e) { _e = e; _hash = Hash(e); }

    private static int Hash(byte[] e)
    {
        var h = new HashCode();
        h.AddBytes(e);
        return h.ToHashCode();
    }

    /// <summary>The empty monomial 1.</summary>
    public static readonly JMonomial One = new(Array.Empty<byte>());

    /// <summary>The single variable with index <paramref name="var"/>.</summary>
    public static JMonomial Variable(int var, int power = 1)
    {
        var e = new byte[var + 1]; e[var] = checked((byte)power); return new(e);
    }

    /// <summary>One more than the highest variable index with a non-zero exponent.</summary>
    public int VariableCount => _e?.Length ?? 0;
    /// <summary>The exponent of variable <paramref name="var"/> (0 beyond <see cref="VariableCount"/>).</summary>
    public int this[int var] => _e is not null && var < _e.Length ? _e[var] : 0;
    /// <summary>Total degree: the sum of the exponents.</summary>
    public int Degree { get { int d = 0; if (_e != null) foreach (var x in _e) d += x; return d; } }

    /// <summary>The product.</summary>
    public static JMonomial operator *(JMonomial a, JMonomial b)
    {
        var ea = a._e ?? [];
        var eb = b._e ?? [];
        var r = new byte[Math.Max(ea.Length, eb.Length)];
        for (int i = 0; i < r.Length; i++)
        {
            int s = (i < ea.Length ? ea[i] : 0) + (i < eb.Length ? eb[i] : 0);
            if (s > 255) throw new OverflowException("monomial exponent above 255");
            r[i] = (byte)s;
        }
        return new(r);
    }

    /// <summary>This monomial with variable <paramref name="var"/> set to exponent <paramref name="power"/>.</summary>
    public JMonomial With(int var, int power)
    {
        var e = new int[Math.Max(VariableCount, var + 1)];
        for (int i = 0; i < e.Length; i++) e[i] = this[i];
        e[var] = power;
        return new(e);
    }

    /// <inheritdoc/>
    public bool Equals(JMonomial other) => _hash == other._hash && (_e ?? []).AsSpan().SequenceEqual(other._e ?? []);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JMonomial m && Equals(m);
    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <summary>Deterministic ordering: by total degree, then reverse-lexicographic by variable index (for printing).</summary>
    public static int Compare(JMonomial a, JMonomial b)
    {
        int c = a.Degree.CompareTo(b.Degree);
        if (c != 0) return -c;
        int n = Math.Max(a.VariableCount, b.VariableCount);
        for (int i = n - 1; i >= 0; i--)
        {
            c = a[i].CompareTo(b[i]);
            if (c != 0) return -c;
        }
        return 0;
    }
}

/// <summary>The numbering of J symbols: index ≥ 1 for J_{a,b} with a ≥ b ≥ 1, ordered by a + b then by b.</summary>
public static class JSymbols
{
    /// <summary>Index 0 is D⁻¹ = 1/(1 − 4J_{1,1}²).</summary>
    public const int InverseD = 0;

    /// <summary>The variable index of J_{a,b} (a ≥ b ≥ 1).</summary>
    public static int Index(int a, int b)
    {
        if (a < b) (a, b) = (b, a);
        if (b < 1) throw new ArgumentOutOfRangeException(nameof(b), b, "J symbols need a, b >= 1 (J_{a,0} is a constant).");
        int s = a + b, idx = 1;
        for (int t = 2; t < s; t++) idx += t / 2;
        return idx + (b - 1);
    }

    /// <summary>The pair (a, b) of variable index <paramref name="index"/> ≥ 1.</summary>
    public static (int A, int B) Pair(int index)
    {
        if (index < 1) throw new ArgumentOutOfRangeException(nameof(index), index, "index must be >= 1.");
        int s = 2, idx = 1;
        while (idx + s / 2 <= index) { idx += s / 2; s++; }
        int b = index - idx + 1;
        return (s - b, b);
    }
}
