namespace Degeneracy.Series.Modular;

/// <summary>
/// A mutable sum Σ q·a·b of products of <see cref="ModSeries"/> over 𝔽_p without temporaries: the known precision is
/// the least of the terms' precisions, and no coefficient at or above the current precision is ever computed.
/// </summary>
internal sealed class ModAccumulator
{
    private readonly ModPrime _f;
    private readonly int _base;
    private readonly uint[] _acc;
    private int _prec = ModSeries.Exact;
    private bool _touched;

    /// <param name="f">The prime.</param>
    /// <param name="lowest">Lowest exponent any term may have.</param>
    /// <param name="highest">Highest exponent ever needed (coefficients above are dropped: the precision is capped there).</param>
    public ModAccumulator(ModPrime f, int lowest, int highest)
    {
        _f = f; _base = lowest; _acc = new uint[highest - lowest + 1];
        _prec = highest + 1;
    }

    /// <summary>Adds q·a·b.</summary>
    public void Add(ModSeries a, ModSeries b, uint q = 1)
    {
        long pl = Math.Min((long)a.Precision + b.Valuation, (long)b.Precision + a.Valuation);
        _touched = true;
        if (pl < _prec) _prec = (int)Math.Max(pl, _base);
        if (a.IsZero || b.IsZero || q == 0) return;
        int v = a.Valuation + b.Valuation;
        if (v < _base) throw new InvalidOperationException("accumulator base too high.");
        uint p = _f.P;
        var ac = a.C; var bc = b.C;
        int la = ac.Length, lb = bc.Length;
        int len = Math.Min(la + lb - 1, _prec - v);
        for (int k = 0; k < len; k++)
        {
            int lo = Math.Max(0, k - lb + 1), hi = Math.Min(k, la - 1);
            ulong s = 0;
            int n = 0;
            for (int i = lo; i <= hi; i++)
            {
                s += (ulong)ac[i] * bc[k - i];
                if (++n == 15) { s %= p; n = 0; }
            }
            s %= p;
            if (q != 1) s = s * q % p;
            ref uint slot = ref _acc[v + k - _base];
            uint t = slot + (uint)s;
            slot = t >= p ? t - p : t;
        }
    }

    /// <summary>Adds q·a.</summary>
    public void Add(ModSeries a, uint q = 1)
    {
        _touched = true;
        if (a.Precision < _prec) _prec = Math.Max(a.Precision, _base);
        if (a.IsZero || q == 0) return;
        uint p = _f.P;
        int v = a.Valuation;
        if (v < _base) throw new InvalidOperationException("accumulator base too high.");
        int len = Math.Min(a.C.Length, _prec - v);
        for (int k = 0; k < len; k++)
        {
            ref uint slot = ref _acc[v + k - _base];
            uint t = (uint)((slot + (ulong)a.C[k] * q) % p);
            slot = t;
        }
    }

    /// <summary>True when no term (not even a zero one) has been added.</summary>
    public bool IsEmpty => !_touched;

    /// <summary>The sum as a series (scaled by q).</summary>
    public ModSeries ToSeries(uint q = 1)
    {
        int len = Math.Max(0, _prec - _base);
        var c = new uint[len];
        for (int i = 0; i < len; i++) c[i] = q == 1 ? _acc[i] : (uint)((ulong)_acc[i] * q % _f.P);
        return new ModSeries(_base, c, _prec);
    }
}
