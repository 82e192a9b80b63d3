namespace Degeneracy.Series.Derivation;

/// <summary>
/// Up-front estimates of what a derivation costs, and the guards that refuse what would exceed them before any work
/// starts (there is no fixed cap on the 1/n order). The series (exact θ^j n^{−k} coefficients) come from the
/// multi-modular engine, whose work is (evaluations) × (products of truncated series) × (series length)²:
/// evaluations ≈ (⌊J/2⌋ + 3)(⌈K/2⌉ + 3), products ≈ C(2K + 6, 6)(1 + K/2), length W = J + 4K + 3, calibrated on a
/// 2-core machine (docs/BENCHMARKS.md: about ×3 per 1/n order at K ≈ 5–8). The symbolic closed forms in J's (needed
/// only by --closed-form and by evaluator generation) grow faster: about 6 s at K = 6, 25 s at K = 7, ×5 per order beyond.
/// Limits: <see cref="MaxSeconds"/> (default 600 s, environment variable DEGENERACY_MAX_SECONDS) and
/// <see cref="MaxBytes"/> (default 8 GB, DEGENERACY_MAX_MEMORY_GB).
/// </summary>
public static class DerivationCost
{
    /// <summary>Wall seconds per unit of work of the modular engine on 2 cores (calibrated on θ⁸n⁻⁵, θ⁴n⁻⁷, θ⁰n⁻⁸, θ⁴n⁻⁸).</summary>
    private const double SecondsPerUnit = 0.7e-9;

    /// <summary>Fixed part of the estimate (start-up, exact J-series inputs at low order).</summary>
    private const double FixedSeconds = 0.5;

    /// <summary>Time guard in seconds: DEGENERACY_MAX_SECONDS when set to a positive number, else 600.</summary>
    public static double MaxSeconds => ReadEnv("DEGENERACY_MAX_SECONDS", 600);

    /// <summary>Memory guard in bytes: DEGENERACY_MAX_MEMORY_GB (in GB) when set, else 8 GB.</summary>
    public static double MaxBytes => ReadEnv("DEGENERACY_MAX_MEMORY_GB", 8) * 1e9;

    private static double ReadEnv(string name, double fallback)
    {
        var s = Environment.GetEnvironmentVariable(name);
        return double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }

    /// <summary>Estimated wall-clock seconds (2 cores) of the exact series through θ^J and n^{−K}.</summary>
    public static double SeriesSeconds(int thetaOrder, int nOrder)
    {
        if (nOrder <= 0) return 0.01;
        double K = nOrder, w = thetaOrder + 4 * K + 3;
        double evaluations = (thetaOrder / 2 + 3) * (Math.Ceiling(K / 2) + 3);
        double products = Binomial(2 * nOrder + 6, 6) * (1 + K / 2);
        return FixedSeconds + SecondsPerUnit * evaluations * products * w * w / 2;
    }

    /// <summary>
    /// As <see cref="SeriesSeconds(int, int)"/> for an activation: at θ-order 0 the coefficients come from the exact
    /// small-angle law instead — polygamma expansions for relu, abs and linear (milliseconds to order
    /// <see cref="SmallAngleSeriesMaxOrder"/>), the cumulant delta method of <see cref="SmallAngle.SlopeDeltaSeries"/> for
    /// other slopes (about order⁷ in time: 0.2 s at order 12, a minute at order 28).
    /// </summary>
    public static double SeriesSeconds(int thetaOrder, int nOrder, JFunctions.Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (!UsesSmallAngleLaw(thetaOrder, nOrder, activation)) return SeriesSeconds(thetaOrder, nOrder);
        return SmallAngle.ActivationSmallAngleLaw.HasClosedForm(activation) ? 0.05 : SmallAngle.SlopeDeltaSeries.EstimatedSeconds(nOrder, activation.Slope);
    }

    /// <summary>Highest n-order the θ⁰ route through the polygamma expansions (relu, abs, linear) is used for.</summary>
    public const int SmallAngleSeriesMaxOrder = SmallAngle.SmallAngleLaw.MaxSeriesOrder;

    /// <summary>
    /// True when the θ⁰ coefficients come from the exact small-angle law: θ-order 0 and either another slope than
    /// 0, ±1 (any n-order) or relu, abs, linear with n-order ≤ <see cref="SmallAngleSeriesMaxOrder"/>.
    /// </summary>
    public static bool UsesSmallAngleLaw(int thetaOrder, int nOrder, JFunctions.Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return thetaOrder == 0 && (!SmallAngle.ActivationSmallAngleLaw.HasClosedForm(activation) || nOrder <= SmallAngleSeriesMaxOrder);
    }

    /// <summary>As <see cref="SeriesBytes(int, int)"/> for an activation (the small-angle routes at θ⁰ need little memory).</summary>
    public static double SeriesBytes(int thetaOrder, int nOrder, JFunctions.Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (!UsesSmallAngleLaw(thetaOrder, nOrder, activation)) return SeriesBytes(thetaOrder, nOrder);
        return SmallAngle.ActivationSmallAngleLaw.HasClosedForm(activation) ? 1e8 : SmallAngle.SlopeDeltaSeries.EstimatedBytes(nOrder);
    }

    /// <summary>Estimated peak memory in bytes of the exact series (the modular engine keeps O(products·W) words).</summary>
    public static double SeriesBytes(int thetaOrder, int nOrder)
    {
        double K = nOrder, w = thetaOrder + 4 * K + 3;
        return 1.5e8 + 2 * Binomial(2 * nOrder + 3, 3) * (K + 1) * w * 8 * 4;
    }

    /// <summary>
    /// Estimated seconds of the symbolic closed forms in J's to order n^{−K}. Since the sample-mean moments come from the
    /// cumulants (no set partitions), `derive --closed-form --theta-order 2` measured 2.2 / 5.7 / 18.6 / 92.6 s of CPU
    /// (2.7 / 9.2 / 26 / 153 s wall on a loaded 2-core machine) at K = 5 / 6 / 7 / 8: about ×5 per order from 6 on, so
    /// 25·5^{K−7} s beyond 5 (n-order 9 is refused by the default guard). Before, the partition sums cost ×22 per order.
    /// </summary>
    public static double ClosedFormSeconds(int nOrder) => nOrder <= 5 ? 3.0 * Math.Pow(3.5, nOrder - 5) : 25.0 * Math.Pow(5, nOrder - 7);

    /// <summary>Estimated peak bytes of the symbolic closed forms (peak RSS 77 / 122 / 193 / 689 MB at K = 5 / 6 / 7 / 8).</summary>
    public static double ClosedFormBytes(int nOrder) => nOrder <= 5 ? 1e8 * Math.Pow(2, nOrder - 5) : 1.2e8 * Math.Pow(3.6, nOrder - 6);

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="argument"/> when the series through
    /// θ^J n^{−K} would exceed a guard; the message says the estimate and the limit.
    /// </summary>
    public static void Check(int thetaOrder, int nOrder, string argument = "nOrder") => Check(thetaOrder, nOrder, JFunctions.Activation.Relu, argument);

    /// <summary>As <see cref="Check(int, int, string)"/> for an activation.</summary>
    public static void Check(int thetaOrder, int nOrder, JFunctions.Activation activation, string argument = "nOrder")
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (nOrder < 0) throw new ArgumentOutOfRangeException(argument, nOrder, "the 1/n order must be a non-negative integer.");
        if (Refusal(SeriesSeconds(thetaOrder, nOrder, activation), SeriesBytes(thetaOrder, nOrder, activation), $"theta-order {thetaOrder}, n-order {nOrder}") is { } why)
            throw new ArgumentOutOfRangeException(argument, nOrder, why);
    }

    /// <summary>As <see cref="Check(int, int, string)"/> for the symbolic closed forms to order n^{−K}.</summary>
    public static void CheckClosedForms(int nOrder, string argument = "nOrder")
    {
        if (nOrder < 0) throw new ArgumentOutOfRangeException(argument, nOrder, "the 1/n order must be a non-negative integer.");
        if (Refusal(ClosedFormSeconds(nOrder), ClosedFormBytes(nOrder), $"closed forms in J's at n-order {nOrder}") is { } why)
            throw new ArgumentOutOfRangeException(argument, nOrder, why);
    }

    /// <summary>The one-line refusal for an estimate beyond the guards, or null when it fits.</summary>
    public static string? Refusal(double seconds, double bytes, string what)
    {
        if (seconds > MaxSeconds)
            return $"{what} would take about {Format(seconds)} s (estimate), over the {Format(MaxSeconds)} s guard (set DEGENERACY_MAX_SECONDS to raise it).";
        if (bytes > MaxBytes)
            return $"{what} would need about {Format(bytes / 1e9)} GB (estimate), over the {Format(MaxBytes / 1e9)} GB guard (set DEGENERACY_MAX_MEMORY_GB to raise it).";
        return null;
    }

    private static string Format(double x) => x.ToString(x >= 100 ? "G3" : "0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static double Binomial(int n, int k)
    {
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }
}
