using Degeneracy.JFunctions;
using Degeneracy.Series.Algebra;
using Degeneracy.Series.CodeGen;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Evaluation;

/// <summary>
/// The published O(1/n) law of docs/THEORY.md §3 (Jakub &amp; Nica / the authors' code), with D = 1 − 4J_{1,1}²,
/// K = 8J_{1,1}²J_{2,2} − 8J_{1,1}⁴ + 4J_{1,1}² − 8J_{1,1}J_{3,1} + J_{2,2} + 1, K₂ = 2J_{1,1}² − 4J_{1,1}J_{3,1} + J_{2,2} + 1:
/// μ_pub = ln((n−1)D/(4J_{2,2} − 1 + n)) + 4(J_{2,2}+1)/(n((4J_{2,2}−1)/n + 1)²) − 4K/(n(1 − 1/n)²D²),
/// σ²_pub = 8K/(n(1 − 1/n)²D²) + 8(J_{2,2}+1)/(n((4J_{2,2}−1)/n + 1)²) − 16K₂/(n(1 − 1/n)D((4J_{2,2}−1)/n + 1)).
/// Evaluated stably: below switch points chosen from error estimates (<see cref="StablePiece.ChooseSwitch"/>),
/// ln(D/sin²θ), K/D² and K₂/D are replaced by their exact θ-series (<see cref="Derivation.ClosedFormSeries"/>), since
/// in double K/D² loses every digit for θ ≲ 10⁻⁴ (both vanish like θ⁴). Valid on 0 ≤ θ ≤ π, n ≥ 2.
/// </summary>
public sealed class PublishedLaw : ILayerLaw
{
    /// <summary>θ-order of the series used near 0.</summary>
    public const int SeriesOrder = 24;

    private static readonly Lazy<PublishedLaw> Lazy = new(() => new PublishedLaw(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared instance.</summary>
    public static PublishedLaw Instance => Lazy.Value;

    private readonly Piece _m0, _kOverD2, _k2OverD;

    private PublishedLaw()
    {
        _m0 = new Piece(StablePiece.InfiniteWidthDrift(SeriesOrder));
        _kOverD2 = new Piece(StablePiece.Create(K, 2, SeriesOrder));
        _k2OverD = new Piece(StablePiece.Create(K2, 1, SeriesOrder));
    }

    /// <summary>K as a polynomial in J's.</summary>
    public static JPolynomial K
    {
        get
        {
            JPolynomial j11 = JPolynomial.J(1, 1), j22 = JPolynomial.J(2, 2), j31 = JPolynomial.J(3, 1);
            Rational Q(int x) => x;
            return Q(8) * (j11.Pow(2) * j22) - Q(8) * j11.Pow(4) + Q(4) * j11.Pow(2) - Q(8) * (j11 * j31) + j22 + JPolynomial.One;
        }
    }

    /// <summary>K₂ as a polynomial in J's.</summary>
    public static JPolynomial K2
    {
        get
        {
            JPolynomial j11 = JPolynomial.J(1, 1), j22 = JPolynomial.J(2, 2), j31 = JPolynomial.J(3, 1);
            Rational Q(int x) => x;
            return Q(2) * j11.Pow(2) - Q(4) * (j11 * j31) + j22 + JPolynomial.One;
        }
    }

    /// <inheritdoc/>
    public string Name => "paper";

    /// <summary>Switch points (series below) of ln(D/sin²θ), K/D² and K₂/D.</summary>
    public (double M0, double KOverD2, double K2OverD) SwitchPoints => (_m0.Switch, _kOverD2.Switch, _k2OverD.Switch);

    /// <summary>μ_pub(θ, n) − ln sin²θ.</summary>
    public double Drift(double theta, double n)
    {
        LawArguments.Check(theta, n);
        double j22 = JFunction.Evaluate(2, 2, theta);
        double a = (4 * j22 - 1) / n + 1, b = 1 - 1 / n;
        return _m0.Value(theta) + Math.Log((n - 1) / (4 * j22 - 1 + n)) + 4 * (j22 + 1) / (n * a * a)
               - 4 * _kOverD2.Value(theta) / (n * b * b);
    }

    /// <summary>σ²_pub(θ, n).</summary>
    public double Sigma2(double theta, double n)
    {
        LawArguments.Check(theta, n);
        double j22 = JFunction.Evaluate(2, 2, theta);
        double a = (4 * j22 - 1) / n + 1, b = 1 - 1 / n;
        return 8 * _kOverD2.Value(theta) / (n * b * b) + 8 * (j22 + 1) / (n * a * a) - 16 * _k2OverD.Value(theta) / (n * b * a);
    }

    /// <summary>The published ρ(n) = ln((n+5)/(n−1)) − 10n/(n+5)² + 6n/(n−1)² (Jakub &amp; Nica, eq. 2), n ≥ 2.</summary>
    public static double Rho(double n)
    {
        if (!(n >= 2) || double.IsInfinity(n))
            throw new ArgumentOutOfRangeException(nameof(n), n, "n must be a finite width >= 2.");
        return Math.Log((n + 5) / (n - 1)) - 10 * n / ((n + 5) * (n + 5)) + 6 * n / ((n - 1) * (n - 1));
    }

    private sealed class Piece
    {
        private readonly StablePiece _p;
        private readonly double[] _c;
        public double Switch { get; }

        public Piece(StablePiece p)
        {
            _p = p;
            _c = p.Series.Select(x => x.ToDouble()).ToArray();
            Switch = p.ChooseSwitch().Theta;
        }

        public double Value(double theta)
        {
            if (theta >= Switch) return _p.ClosedForm(theta);
            double r = 0;
            for (int j = _c.Length - 1; j >= 0; j--) r = r * theta + _c[j];
            return r;
        }
    }
}
