using Degeneracy.JFunctions;
using Degeneracy.Series.Algebra;
using Degeneracy.Series.Evaluation;

namespace Degeneracy.Series.CodeGen;

/// <summary>
/// The evaluator of an <see cref="EvaluatorPlan"/> as data instead of code: per ε^k term, the same θ-series below that
/// term's switch point (coefficients rounded once, Horner in θ² for even and odd parts) and the same closed forms
/// N_k(J̄)/D^{p_k} at and above it (coefficient tables, all J̄'s from one <c>Math.SinCos</c>), for any activation φ_s, with no code compiled. For |x| and
/// the identity (<see cref="EvaluatorSpec.FoldsAtHalfPi"/>) θ ∈ (π/2, π] is folded to π − θ. Valid on 0 ≤ θ ≤ π, n ≥ 2;
/// immutable and thread-safe.
/// </summary>
public sealed class TabulatedLaw : ILayerLaw
{
    private const double PiLow = 1.2246467991473532e-16; // π − Math.PI

    private readonly QuantityTable _drift, _sigma2;
    private readonly JRow[] _js;
    private readonly bool _fold;

    /// <summary>Tables for <paramref name="plan"/>.</summary>
    public TabulatedLaw(EvaluatorPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _fold = plan.Spec.FoldsAtHalfPi;
        var index = new Dictionary<int, int>(); // J-variable → slot in _js
        var rows = new List<JRow> { JRow.Create(1, 1, plan.Spec.Activation) };
        index[JSymbols.Index(1, 1)] = 0;
        int Slot(int v)
        {
            if (index.TryGetValue(v, out int i)) return i;
            var (a, b) = JSymbols.Pair(v);
            rows.Add(JRow.Create(a, b, plan.Spec.Activation));
            return index[v] = rows.Count - 1;
        }
        _drift = QuantityTable.Create(plan.Drift, Slot);
        _sigma2 = QuantityTable.Create(plan.Sigma2, Slot);
        _js = rows.ToArray();
    }

    /// <summary>The analysis the tables come from.</summary>
    public EvaluatorPlan Plan { get; }
    /// <inheritdoc/>
    public string Name => "series";
    /// <summary>θ-order of the series near 0.</summary>
    public int ThetaOrder => Plan.Spec.ThetaOrder;
    /// <summary>Order in ε = 1/n.</summary>
    public int NOrder => Plan.Spec.NOrder;

    /// <summary>μ(θ, n) = ln sin²θ + E[L] (−∞ at θ = 0, and at θ = π for |x| and the identity); θ ∈ [0, π], n ≥ 2.</summary>
    public double Mu(double theta, double n)
    {
        LawArguments.Check(theta, n);
        double t = Fold(theta), eps = 1.0 / n;
        if (t < _drift.Switch) return _drift.Series(t, eps) + LayerLaws.LnSin2(t);
        return ClosedForm(_drift, t, eps, mu: true);
    }

    /// <inheritdoc/>
    public double Drift(double theta, double n)
    {
        LawArguments.Check(theta, n);
        double t = Fold(theta), eps = 1.0 / n;
        return t < _drift.Switch ? _drift.Series(t, eps) : ClosedForm(_drift, t, eps, mu: false);
    }

    /// <summary>σ²(θ, n), clamped at 0 (the truncated law can dip below 0 where the variance is tiny, e.g. leaky ReLU at ε²
    /// near θ ≈ 2.7 for small n); θ ∈ [0, π], n ≥ 2.</summary>
    public double Sigma2(double theta, double n)
    {
        LawArguments.Check(theta, n);
        double t = Fold(theta), eps = 1.0 / n;
        return t < _sigma2.Switch ? _sigma2.Series(t, eps) : Math.Max(0.0, ClosedForm(_sigma2, t, eps, mu: false));
    }

    /// <summary>ρ(n) = −Drift(0, n), finite n ≥ 2.</summary>
    public double Rho(double n)
    {
        LawArguments.Check(0, n);
        return -_drift.Series(0.0, 1.0 / n);
    }

    /// <summary>π − θ (formed without rounding π) for θ &gt; π/2 when the law is symmetric, else θ.</summary>
    private double Fold(double theta) => _fold && theta > Math.PI / 2 ? (Math.PI - theta) + PiLow : theta;

    private double ClosedForm(QuantityTable q, double theta, double eps, bool mu)
    {
        var (s, c) = Math.SinCos(theta);
        double t = (Math.PI - theta) + PiLow;
        Span<double> j = stackalloc double[_js.Length];
        for (int i = 0; i < _js.Length; i++) j[i] = _js[i].Evaluate(theta, t, s, c);
        double d = 1.0 - 4.0 * j[0] * j[0];
        double sum = 0;
        for (int k = q.Pieces.Length - 1; k >= 0; k--)
        {
            var piece = q.Pieces[k];
            double m = theta < q.Switches[k]
                ? q.PieceSeries(k, theta) + (mu && piece.IsInfiniteWidthDrift ? 2.0 * Math.Log(s) : 0.0) // below this piece's own switch
                : piece.IsInfiniteWidthDrift ? Math.Log(mu ? d : d / (s * s)) : piece.Value(j, d);
            sum = sum * eps + m;
            for (int skip = piece.Gap; skip > 0; skip--) sum *= eps;
        }
        return sum;
    }

    /// <summary>One J̄_{a,b} = κ̄[(π − θ)P + θT + sin θ·Q + R](cos θ) + K̄, coefficients already multiplied by κ̄.</summary>
    private sealed record JRow(double[] P, double[] T, double[] Q, double[] R, double K)
    {
        public static JRow Create(int a, int b, Activation act)
        {
            var cf = ActivationJClosedForm.Build(a, b, act);
            double norm = act.IsRelu ? 1.0 : Math.Pow(1 + act.SlopeValue * act.SlopeValue, -(a + b) / 2.0);
            if ((a + b) % 2 == 0 && !act.IsRelu) norm = ActivationJClosedForm.NormalisingFactor(a + b, act).ToDouble();
            if (cf.IsConstant) return new JRow([], [], [], [], norm * cf.Constant.ToDouble());
            double kappa = norm * cf.Scale.ToDouble();
            double[] S(Symbolic.RationalPolynomial p) => p.Coefficients.Select(x => kappa * x.ToDouble()).ToArray();
            return new JRow(S(cf.P), S(cf.T), S(cf.Q), S(cf.R), 0.0);
        }

        public double Evaluate(double theta, double piMinusTheta, double s, double c) =>
            P.Length + T.Length + Q.Length + R.Length == 0 ? K
                : Math.FusedMultiplyAdd(piMinusTheta, Horner(P, c), Math.FusedMultiplyAdd(theta, Horner(T, c), Math.FusedMultiplyAdd(s, Horner(Q, c), Horner(R, c))));
    }

    /// <summary>One closed form N(J̄)/D^p as (coefficient, J-slots with powers) terms.</summary>
    private sealed record PieceTable(bool IsInfiniteWidthDrift, int DPower, double[] Coefficients, (int Slot, int Power)[][] Factors, int Gap)
    {
        public double Value(ReadOnlySpan<double> j, double d)
        {
            double n = 0;
            for (int i = 0; i < Coefficients.Length; i++)
            {
                double t = Coefficients[i];
                foreach (var (slot, power) in Factors[i])
                    for (int e = 0; e < power; e++) t *= j[slot];
                n += t;
            }
            for (int e = 0; e < DPower; e++) n /= d;
            return n;
        }
    }

    /// <summary>A quantity: lowest switch point, per-ε^k switch points, series tables and closed forms (k ascending; Gap =
    /// missing powers below).</summary>
    private sealed record QuantityTable(double Switch, double[] Switches, PieceTable[] Pieces, double[][] Even, double[][] Odd, int[] Powers)
    {
        public static QuantityTable Create(QuantityPlan q, Func<int, int> slot)
        {
            var pieces = new List<PieceTable>();
            var even = new List<double[]>();
            var odd = new List<double[]>();
            int previous = -1;
            foreach (var (k, p) in q.Pieces)
            {
                var coefs = new List<double>();
                var factors = new List<(int, int)[]>();
                foreach (var (m, r) in p.Numerator.Terms)
                {
                    coefs.Add(r.ToDouble());
                    var f = new List<(int, int)>();
                    for (int v = 1; v < m.VariableCount; v++)
                        if (m[v] > 0) f.Add((slot(v), m[v]));
                    factors.Add(f.ToArray());
                }
                // Gap: the number of ε factors between this piece and the previous (lower) one, minus one.
                pieces.Add(new PieceTable(p.IsInfiniteWidthDrift, p.DPower, coefs.ToArray(), factors.ToArray(), k - previous - 1));
                previous = k;
                var series = p.Series.Select(x => x.ToDouble()).ToArray();
                even.Add(series.Where((_, i) => i % 2 == 0).ToArray());
                odd.Add(series.Where((_, i) => i % 2 == 1).ToArray());
            }
            return new QuantityTable(q.Switch.Theta, q.Switches.Select(c => c.Theta).ToArray(), pieces.ToArray(), even.ToArray(), odd.ToArray(), q.Pieces.Select(x => x.InvNPower).ToArray());
        }

        /// <summary>The series of piece <paramref name="i"/>: E_k(θ²) + θ·O_k(θ²).</summary>
        public double PieceSeries(int i, double theta) => Horner(Even[i], theta * theta) + theta * Horner(Odd[i], theta * theta);

        /// <summary>Σ_k ε^k (E_k(θ²) + θ·O_k(θ²)).</summary>
        public double Series(double theta, double eps)
        {
            if (Pieces.Length == 0) return 0.0;
            double theta2 = theta * theta, sum = 0;
            for (int i = Pieces.Length - 1; i >= 0; i--)
            {
                double m = Horner(Even[i], theta2) + theta * Horner(Odd[i], theta2);
                sum = sum * eps + m;
                for (int skip = Pieces[i].Gap; skip > 0; skip--) sum *= eps;
            }
            return sum;
        }
    }

    private static double Horner(double[] c, double x)
    {
        double r = 0.0;
        for (int i = c.Length - 1; i >= 0; i--) r = Math.FusedMultiplyAdd(r, x, c[i]);
        return r;
    }
}
