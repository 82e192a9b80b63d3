namespace Degeneracy.Verify.Variability;

/// <summary>
/// Zhang &amp; Yu's activation ratio (Section 2.3) for L square layers with N_w = (d² + d)L parameters: the width is the positive
/// root d(L) = (−1 + √(1 + 4N_w/L))/2 and ρ(L) = Ld/N_w = (√(L² + 4LN_w) − L)/(2N_w), with
/// ρ′(L) = (1/(2N_w))·((1 + 2N_w/L)/√(1 + 4N_w/L) − 1) &gt; 0, decreasing in L. Also the formulas as printed (eq. 6 and its
/// derivative), which are off by a factor 2 and a sign.
/// </summary>
public static class ActivationRatio
{
    /// <summary>d(L) = (−1 + √(1 + 4N_w/L))/2, L ≥ 1, N_w ≥ 1 (real, not rounded).</summary>
    public static double Width(double parameters, double depth)
    {
        Check(parameters, depth);
        double a = 4 * parameters / depth;
        return a / (1 + Math.Sqrt(1 + a)) / 2;   // (√(1+a) − 1)/2 without cancellation
    }

    /// <summary>ρ(L) = L·d(L)/N_w.</summary>
    public static double Ratio(double parameters, double depth) => depth * Width(parameters, depth) / parameters;

    /// <summary>ρ′(L) = (1/(2N_w))·((1 + 2N_w/L)/√(1 + 4N_w/L) − 1), written as a quotient free of cancellation:
    /// (1 + 2a)/√(1 + 4a) − 1 = 4a²/(√(1 + 4a)(1 + 2a + √(1 + 4a))) with a = N_w/L.</summary>
    public static double Derivative(double parameters, double depth)
    {
        Check(parameters, depth);
        double a = parameters / depth, r = Math.Sqrt(1 + 4 * a);
        return 4 * a * a / (r * (1 + 2 * a + r)) / (2 * parameters);
    }

    /// <summary>The width as printed: d = (1 + √(1 + 4N_w/L))/2 (the root of d² − d = N_w/L).</summary>
    public static double PublishedWidth(double parameters, double depth)
    {
        Check(parameters, depth);
        return (1 + Math.Sqrt(1 + 4 * parameters / depth)) / 2;
    }

    /// <summary>Eq. 6 as printed: ρ(L) = (L + √(L² + 4LN_w))/N_w.</summary>
    public static double PublishedRatio(double parameters, double depth)
    {
        Check(parameters, depth);
        return (depth + Math.Sqrt(depth * depth + 4 * depth * parameters)) / parameters;
    }

    /// <summary>The derivative as printed: ρ′(L) = (1/N_w)(1 + (1 + 2N_w/L)/√(1 + 4N_w/L)).</summary>
    public static double PublishedDerivative(double parameters, double depth)
    {
        Check(parameters, depth);
        double a = parameters / depth;
        return (1 + (1 + 2 * a) / Math.Sqrt(1 + 4 * a)) / parameters;
    }

    private static void Check(double parameters, double depth)
    {
        if (!(parameters >= 1) || double.IsInfinity(parameters))
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters, "parameters must be a finite number ≥ 1");
        if (!(depth >= 1) || double.IsInfinity(depth))
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth must be a finite number ≥ 1");
    }
}
