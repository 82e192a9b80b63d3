namespace Degeneracy.Series.Modular;

/// <summary>
/// A truncated Laurent series Σ_{j ≥ v} c_j θ^j over 𝔽_p, known modulo θ^N (the same semantics as
/// <see cref="Algebra.ThetaSeries"/>, including the precision rule for products: min(N_a + v_b, N_b + v_a)). Products
/// compute only the coefficients below the guaranteed precision. Immutable by convention (arrays are never mutated
/// after construction).
/// </summary>
public sealed class ModSeries
{
    internal readonly uint[] C; // C[i] = coefficient of θ^(Valuation + i), Valuation + i < Precision

    /// <summary>Lowest exponent with a non-zero coefficient (= Precision for the zero series).</summary>
    public int Valuation { get; }
    /// <summary>Known modulo θ^Precision.</summary>
    public int Precision { get; }

    /// <summary>Precision of values known exactly.</summary>
    public const int Exact = int.MaxValue / 4;

    internal ModSeries(int valuation, uint[] c, int precision)
    {
        int lead = 0;
        while (lead < c.Length && c[lead] == 0) lead++;
        int end = c.Length;
        if (precision < Exact) end = Math.Min(end, precision - valuation);
        else while (end > lead && c[end - 1] == 0) end--;
        if (lead >= end) { Valuation = precision; C = []; Precision = precision; return; }
        C = lead == 0 && end == c.Length ? c : c.AsSpan(lead, end - lead).ToArray();
        Valuation = valuation + lead;
        Precision = precision;
    }

    /// <summary>True when every known coefficient is zero.</summary>
    public bool IsZero => C.Length == 0;

    /// <summary>The zero series known modulo θ^precision.</summary>
    public static ModSeries ZeroTo(int precision) => new(0, [], precision);

    /// <summary>The exact constant c.</summary>
    public static ModSeries Constant(uint c) => new(0, [c], Exact);

    /// <summary>Coefficient of θ^j (j &lt; Precision).</summary>
    public uint this[int j]
    {
        get
        {
            if (j >= Precision) throw new ArgumentOutOfRangeException(nameof(j), j, $"known only modulo theta^{Precision}.");
            int i = j - Valuation;
            return i >= 0 && i < C.Length ? C[i] : 0u;
        }
    }

    /// <summary>The same series known modulo θ^n (n ≤ Precision).</summary>
    public ModSeries Truncate(int n) => n >= Precision ? this : new(Valuation, C, n);

    /// <summary>a + b.</summary>
    public static ModSeries Add(ModPrime f, ModSeries a, ModSeries b)
    {
        int prec = Math.Min(a.Precision, b.Precision);
        if (a.IsZero) return b.Truncate(prec);
        if (b.IsZero) return a.Truncate(prec);
        int v = Math.Min(a.Valuation, b.Valuation);
        int hi = Math.Min(prec, Math.Max(a.Valuation + a.C.Length, b.Valuation + b.C.Length));
        if (hi <= v) return ZeroTo(prec);
        var c = new uint[hi - v];
        uint p = f.P;
        for (int i = 0; i < a.C.Length && a.Valuation + i < hi; i++) c[a.Valuation + i - v] = a.C[i];
        for (int i = 0; i < b.C.Length && b.Valuation + i < hi; i++)
        {
            uint s = c[b.Valuation + i - v] + b.C[i];
            c[b.Valuation + i - v] = s >= p ? s - p : s;
        }
        return new(v, c, prec);
    }

    /// <summary>q·a for a scalar q.</summary>
    public static ModSeries Scale(ModPrime f, ModSeries a, uint q)
    {
        if (q == 0) return ZeroTo(a.Precision);
        if (q == 1) return a;
        var c = new uint[a.C.Length];
        for (int i = 0; i < c.Length; i++) c[i] = (uint)((ulong)a.C[i] * q % f.P);
        return new(a.Valuation, c, a.Precision);
    }

    /// <summary>a·b, known to min(N_a + v_b, N_b + v_a); only the known coefficients are computed.</summary>
    public static ModSeries Mul(ModPrime f, ModSeries a, ModSeries b)
    {
        long pl = Math.Min((long)a.Precision + b.Valuation, (long)b.Precision + a.Valuation);
        int prec = (int)Math.Clamp(pl, -Exact, Exact);
        if (a.IsZero || b.IsZero) return ZeroTo(prec);
        int v = a.Valuation + b.Valuation;
        int len = (int)Math.Min((long)a.C.Length + b.C.Length - 1, (long)prec - v);
        if (len <= 0) return ZeroTo(prec);
        var c = new uint[len];
        MulInto(f.P, a.C, b.C, c);
        return new(v, c, prec);
    }

    /// <summary>c[k] = Σ_i a[i]·b[k − i] mod p for k &lt; c.Length (truncated product).</summary>
    internal static void MulInto(uint p, uint[] a, uint[] b, uint[] c)
    {
        int la = a.Length, lb = b.Length;
        for (int k = 0; k < c.Length; k++)
        {
            int lo = Math.Max(0, k - lb + 1), hi = Math.Min(k, la - 1);
            ulong acc = 0;
            int n = 0;
            for (int i = lo; i <= hi; i++)
            {
                acc += (ulong)a[i] * b[k - i];
                if (++n == 15) { acc %= p; n = 0; }
            }
            c[k] = (uint)(acc % p);
        }
    }

    /// <summary>1/x for x = θ^v(c_v + …), c_v ≢ 0; known modulo θ^{N − 2v}.</summary>
    public static ModSeries Inverse(ModPrime f, ModSeries x)
    {
        if (x.IsZero) throw new Algebra.SeriesOrderException($"cannot invert a series that vanishes to theta^{x.Precision}.");
        int v = x.Valuation;
        uint inv0 = f.Inverse(x.C[0]);
        if (x.Precision >= Exact)
        {
            if (x.C.Length == 1) return new(-v, [inv0], Exact);
            throw new Algebra.SeriesOrderException("the inverse of an exact non-monomial series is infinite.");
        }
        int n = x.Precision - v;
        var r = new uint[n];
        r[0] = inv0;
        uint p = f.P;
        for (int k = 1; k < n; k++)
        {
            ulong acc = 0; int m = 0;
            for (int i = 1; i <= Math.Min(k, x.C.Length - 1); i++)
            {
                acc += (ulong)x.C[i] * r[k - i];
                if (++m == 15) { acc %= p; m = 0; }
            }
            r[k] = (uint)((ulong)(p - (uint)(acc % p)) % p * inv0 % p);
        }
        return new(-v, r, x.Precision - 2 * v);
    }
}
