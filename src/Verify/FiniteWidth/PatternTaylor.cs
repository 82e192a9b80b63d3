namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// The second-order Taylor polynomial of ℓ = ln sin²θ' = ln 4 + ln(EF − G²) − ln(E + F + 2G) − ln(E + F − 2G) about the
/// exact conditional mean m of (E, F, G) = Σ(e², f², ef) given an activation pattern (k both, j X-only, l Y-only units),
/// with its exact conditional moments: E[Q | pattern] = ℓ(m) + ½ tr(HΣ) and E[(∇ℓ·δ)² | pattern] = ∇ℓᵀΣ∇ℓ, Σ the
/// conditional covariance (<see cref="PatternUnitMoments"/>, units independent given the pattern). Requires k ≥ 1 and
/// EF − G² &gt; 0 at m (true for every pattern without collapse, by Cauchy–Schwarz).
/// </summary>
public readonly struct PatternTaylor
{
    private readonly double _mE, _mF, _mG;
    private readonly double _gE, _gF, _gG;
    private readonly double _hEE, _hEF, _hEG, _hFF, _hFG, _hGG;

    /// <summary>(EF − G²)/(EF) at the conditional mean: sin²θ' there; small values mean an ill-conditioned expansion.</summary>
    public double Conditioning { get; }

    /// <summary>ℓ at the conditional mean.</summary>
    public double AtMean { get; }
    /// <summary>E[Q | pattern] = ℓ(m) + ½ tr(HΣ).</summary>
    public double ExpectedQ { get; }
    /// <summary>E[(∇ℓ·δ)² | pattern] = ∇ℓᵀΣ∇ℓ.</summary>
    public double LinearVariance { get; }

    /// <summary>The expansion for pattern (k, j, l) from the per-class moments.</summary>
    public PatternTaylor(PatternUnitMoments u, int k, int j, int l)
        : this(Combine(u, k, j, l, mean: true), Combine(u, k, j, l, mean: false))
    {
    }

    private static double[] Combine(PatternUnitMoments u, int k, int j, int l, bool mean)
    {
        ArgumentNullException.ThrowIfNull(u);
        var (b, x, y) = mean ? (u.BothMean, u.XMean, u.YMean) : (u.BothCov, u.XCov, u.YCov);
        var result = new double[b.Length];
        for (int r = 0; r < b.Length; r++) result[r] = k * b[r] + j * x[r] + l * y[r];
        return result;
    }

    /// <summary>The expansion about mean m (3) with covariance s (3×3, row-major) of (E, F, G).</summary>
    public PatternTaylor(double[] m, double[] s)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(s);
        _mE = m[0]; _mF = m[1]; _mG = m[2];
        double d = _mE * _mF - _mG * _mG, sp = _mE + _mF + 2 * _mG, sm = _mE + _mF - 2 * _mG;
        AtMean = Math.Log(4 * d / (sp * sm));
        Conditioning = d / (_mE * _mF);
        // ∇ ln D = (F, E, −2G)/D; ∇ ln S± = (1, 1, ±2)/S±.
        _gE = _mF / d - 1 / sp - 1 / sm;
        _gF = _mE / d - 1 / sp - 1 / sm;
        _gG = -2 * _mG / d - 2 / sp + 2 / sm;
        // H ln D = HD/D − ∇D∇Dᵀ/D², HD = [[0,1,0],[1,0,0],[0,0,−2]]; H ln S± = −a a ᵀ/S±², a = (1, 1, ±2).
        double d2 = d * d, p2 = sp * sp, q2 = sm * sm;
        _hEE = -_mF * _mF / d2 + 1 / p2 + 1 / q2;
        _hFF = -_mE * _mE / d2 + 1 / p2 + 1 / q2;
        _hEF = 1 / d - _mF * _mE / d2 + 1 / p2 + 1 / q2;
        _hGG = -2 / d - 4 * _mG * _mG / d2 + 4 / p2 + 4 / q2;
        _hEG = 2 * _mF * _mG / d2 + 2 / p2 - 2 / q2;
        _hFG = 2 * _mE * _mG / d2 + 2 / p2 - 2 / q2;
        double trace = _hEE * s[0] + _hFF * s[4] + _hGG * s[8] + 2 * (_hEF * s[1] + _hEG * s[2] + _hFG * s[5]);
        ExpectedQ = AtMean + 0.5 * trace;
        LinearVariance = _gE * _gE * s[0] + _gF * _gF * s[4] + _gG * _gG * s[8]
            + 2 * (_gE * _gF * s[1] + _gE * _gG * s[2] + _gF * _gG * s[5]);
    }

    /// <summary>The conditional mean of (E, F, G).</summary>
    public (double E, double F, double G) Mean => (_mE, _mF, _mG);

    /// <summary>Q = ℓ(m) + ∇ℓ·δ + ½δᵀHδ and its linear part ∇ℓ·δ at the sample (E, F, G), δ = (E, F, G) − m.</summary>
    public (double Q, double Linear) Evaluate(double e, double f, double g)
    {
        double de = e - _mE, df = f - _mF, dg = g - _mG;
        double linear = _gE * de + _gF * df + _gG * dg;
        double quad = _hEE * de * de + _hFF * df * df + _hGG * dg * dg + 2 * (_hEF * de * df + _hEG * de * dg + _hFG * df * dg);
        return (AtMean + linear + 0.5 * quad, linear);
    }
}
