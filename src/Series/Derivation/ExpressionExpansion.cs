using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Derivation;

/// <summary>
/// A bivariate series plus explicit logarithms: S + α·ln θ + β·ln ε (α, β rational), which is what ln of a series
/// with leading term θ^v ε^w produces. The log parts must cancel (or be compared) explicitly; products of logs are
/// not representable and are reported as such.
/// </summary>
public sealed record LogSeries(BivariateSeries Series, Rational LnTheta, Rational LnEps)
{
    /// <summary>True when the expansion has a ln θ or ln ε term.</summary>
    public bool HasLogs => !LnTheta.IsZero || !LnEps.IsZero;
}

/// <summary>
/// Expands an ordinary formula in θ, n (ε = 1/n), π, J(a,b) and ln/exp/sqrt/sin/cos/arcsin as an exact double
/// series in θ and 1/n, to compare it coefficient by coefficient with the derivation (the <c>check</c> command).
/// </summary>
public static class ExpressionExpansion
{
    /// <summary>
    /// Expands <paramref name="e"/> through θ^<paramref name="thetaOrder"/> and ε^<paramref name="nOrder"/>; the
    /// working precision is raised automatically until those orders are exact.
    /// </summary>
    public static LogSeries Expand(Expression e, int thetaOrder, int nOrder) => Expand(e, thetaOrder, nOrder, JFunctions.Activation.Relu);

    /// <summary>As <see cref="Expand(Expression, int, int)"/> with J(a,b) read as the normalised J̄_{a,b} of φ_s
    /// (J^{(s)}_{a,b}/(1 + s²)^{(a+b)/2}, the symbols of the derived closed forms).</summary>
    public static LogSeries Expand(Expression e, int thetaOrder, int nOrder, JFunctions.Activation activation)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(activation);
        SeriesOrderException? last = null;
        // Working margins (θ, ε) above the requested orders, raised until the orders are reached exactly: a small ε
        // margin first (most formulas lose at most one power of 1/n), then the wide margins.
        foreach (var (thetaMargin, epsMargin) in Margins)
        {
            try
            {
                var ctx = new Context(thetaOrder + 1 + thetaMargin, nOrder + 1 + epsMargin, activation);
                var r = ctx.Eval(e);
                if (r.Series.EpsPrecision <= nOrder) throw new SeriesOrderException($"only known to eps^{r.Series.EpsPrecision - 1}");
                bool ok = true;
                for (int k = Math.Min(r.Series.EpsValuation, 0); k <= nOrder; k++)
                    if (r.Series[k].Precision <= thetaOrder) ok = false;
                if (ok) return r with { Series = r.Series.TruncateEps(nOrder + 1) };
                last = new SeriesOrderException("theta order not reached");
            }
            catch (SeriesOrderException ex) { last = ex; }
        }
        throw new SeriesOrderException($"cannot expand the formula to theta^{thetaOrder}, 1/n^{nOrder}: {last?.Message}");
    }

    private static readonly (int Theta, int Eps)[] Margins = [(4, 1), (4, 4), (12, 12), (20, 20), (28, 28)];

    private sealed class Context(int thetaPrecision, int epsPrecision, JFunctions.Activation activation)
    {
        private BivariateSeries Const(PiLaurent q) => BivariateSeries.Constant(ThetaSeries.Constant(q).Truncate(thetaPrecision), epsPrecision);
        private LogSeries Plain(BivariateSeries s) => new(s, Rational.Zero, Rational.Zero);

        // Repeated subexpressions (J(1,1), D = 1 − 4J(1,1)², K, … occur many times in the published formulas) are expanded
        // once per working precision: keyed by their text, which the parser reads back to an equal tree.
        private readonly Dictionary<string, LogSeries> _memo = new(StringComparer.Ordinal);

        public LogSeries Eval(Expression e)
        {
            if (e is not (BinaryExpression or CallExpression)) return EvalNode(e);
            var key = e.ToString();
            if (_memo.TryGetValue(key, out var known)) return known;
            var r = EvalNode(e);
            _memo[key] = r;
            return r;
        }

        private LogSeries EvalNode(Expression e) => e switch
        {
            NumberExpression n => Plain(Const(n.Value)),
            SymbolExpression { Name: "pi" } => Plain(Const(PiLaurent.Pi)),
            SymbolExpression { Name: "theta" } => Plain(BivariateSeries.Constant(ThetaSeries.Monomial(PiLaurent.One, 1).Truncate(thetaPrecision), epsPrecision)),
            SymbolExpression { Name: "n" } => Plain(BivariateSeries.Monomial(ThetaSeries.One.Truncate(thetaPrecision), -1, epsPrecision)),
            SymbolExpression s => throw new ArgumentException($"unknown variable '{s.Name}' (allowed: theta, n, pi).", "formula"),
            NegateExpression ne => Negate(Eval(ne.Operand)),
            BinaryExpression b => Binary(b),
            CallExpression c => Call(c),
            _ => throw new ArgumentException($"cannot expand '{e}'.", "formula"),
        };

        private static LogSeries Negate(LogSeries x) => new(-x.Series, -x.LnTheta, -x.LnEps);

        private LogSeries Binary(BinaryExpression b)
        {
            var x = Eval(b.Left);
            if (b.Operator == '^') return Power(x, b.Right);
            var y = Eval(b.Right);
            switch (b.Operator)
            {
                case '+': return new(x.Series + y.Series, x.LnTheta + y.LnTheta, x.LnEps + y.LnEps);
                case '-': return new(x.Series - y.Series, x.LnTheta - y.LnTheta, x.LnEps - y.LnEps);
                case '*':
                    if (!x.HasLogs && !y.HasLogs) return Plain(x.Series * y.Series);
                    if (!x.HasLogs && ExactRational(x.Series) is { } qx) return Scale(y, qx);
                    if (!y.HasLogs && ExactRational(y.Series) is { } qy) return Scale(x, qy);
                    throw new ArgumentException("a product involving ln(theta) or ln(n) is not a power series in theta and 1/n.", "formula");
                default:
                    if (y.HasLogs) throw new ArgumentException("division by ln(theta) or ln(n) is not a power series in theta and 1/n.", "formula");
                    if (!x.HasLogs) return Plain(x.Series * y.Series.Inverse());
                    if (ExactRational(y.Series) is { } q && !q.IsZero) return Scale(x, q.Reciprocal());
                    throw new ArgumentException("ln(theta) or ln(n) divided by a series is not a power series.", "formula");
            }
        }

        private static LogSeries Scale(LogSeries x, Rational q) =>
            new(x.Series * ThetaSeries.Constant(q), x.LnTheta * q, x.LnEps * q);

        /// <summary>The value when the series is an exact rational constant, else null.</summary>
        private static Rational? ExactRational(BivariateSeries s)
        {
            if (s.IsZero) return Rational.Zero;
            if (s.EpsValuation != 0) return null;
            for (int k = 1; k < Math.Min(s.EpsPrecision, 64); k++) if (!s[k].IsZero) return null;
            var t = s[0];
            if (t.Valuation != 0) return null;
            for (int j = 1; j < Math.Min(t.Precision, 64); j++) if (!t[j].IsZero) return null;
            return t[0].IsRational ? t[0][0] : null;
        }

        private LogSeries Power(LogSeries x, Expression exponent)
        {
            var ev = Eval(exponent);
            if (!ev.HasLogs && ExactRational(ev.Series) is { } q)
            {
                if (x.HasLogs)
                {
                    if (q.IsInteger && q.Numerator == 1) return x;
                    throw new ArgumentException("a power of ln(theta) or ln(n) is not a power series.", "formula");
                }
                if (q.IsInteger && System.Numerics.BigInteger.Abs(q.Numerator) <= 64) return Plain(x.Series.Pow((int)q.Numerator));
                return Plain(RationalPower(x.Series, q));
            }
            // x^y = exp(y ln x)
            return Exp(MulPlain(ev, Log(x)));
        }

        private static LogSeries MulPlain(LogSeries a, LogSeries b)
        {
            if (a.HasLogs || b.HasLogs) throw new ArgumentException("exponent times ln(theta) is not a power series.", "formula");
            return new(a.Series * b.Series, Rational.Zero, Rational.Zero);
        }

        private LogSeries Call(CallExpression c)
        {
            if (c.Function == "J")
            {
                int a = c.JIndex(0), b = c.JIndex(1);
                if ((a + b) % 2 == 1) throw new ArgumentException($"J({a},{b}) has odd order; its series carries sqrt(pi/2).", "formula");
                return Plain(BivariateSeries.Constant(ClosedFormSeries.J(a, b, thetaPrecision, activation), epsPrecision));
            }
            var x = Eval(c.Arguments[0]);
            return c.Function switch
            {
                "ln" or "log" => Log(x),
                "exp" => Exp(x),
                "sqrt" => x.HasLogs ? throw new ArgumentException("sqrt of a logarithm is not a power series.", "formula") : Plain(RationalPower(x.Series, Rational.Half)),
                "sin" => Plain(Small(x, "sin").Sin()),
                "cos" => Plain(Small(x, "cos").Cos()),
                "arcsin" => Plain(Small(x, "arcsin").Arcsin()),
                _ => throw new ArgumentException($"unknown function '{c.Function}'.", "formula"),
            };
        }

        private static BivariateSeries Small(LogSeries x, string f)
        {
            if (x.HasLogs) throw new ArgumentException($"{f} of a logarithm is not a power series.", "formula");
            var s = x.Series;
            if (!s.IsZero && (s.EpsValuation < 0 || (s.EpsValuation == 0 && s[0].Valuation < 1)))
                throw new ArgumentException($"{f}(u) is expanded only for u vanishing at theta = 0, n = infinity.", "formula");
            return s;
        }

        /// <summary>ln x = w ln ε + v ln θ + ln c + ln(1 + u); requires c = 1 (ln of other constants is not in the ring).</summary>
        private LogSeries Log(LogSeries x)
        {
            if (x.HasLogs) throw new ArgumentException("ln of a logarithm is not a power series.", "formula");
            var (w, v, c, u) = Split(x.Series);
            if (c != PiLaurent.One)
                throw new ArgumentException($"ln of a series with leading coefficient {c} (not 1) needs ln({c}), outside Q[pi, 1/pi].", "formula");
            return new(u.Log1p(), v, w);
        }

        /// <summary>x = c·θ^v·ε^w·(1 + u) with u small.</summary>
        private (int W, int V, PiLaurent C, BivariateSeries U) Split(BivariateSeries x)
        {
            if (x.IsZero) throw new SeriesOrderException("the argument vanishes to the working order.");
            int w = x.EpsValuation;
            var lead = x[w];
            if (lead.IsZero) throw new SeriesOrderException("leading coefficient vanishes to the working order.");
            int v = lead.Valuation;
            var c = lead.Leading;
            var mono = BivariateSeries.Monomial(ThetaSeries.Monomial(c, v), w, ThetaSeries.Exact);
            var u = x * mono.Inverse() - BivariateSeries.Constant(ThetaSeries.One, ThetaSeries.Exact);
            return (w, v, c, u);
        }

        private LogSeries Exp(LogSeries x)
        {
            // exp(α ln θ + β ln ε + c + u) = θ^α ε^β e^c e^u: needs integer α, β and c = 0.
            if (!x.LnTheta.IsInteger || !x.LnEps.IsInteger)
                throw new ArgumentException("exp of a non-integer multiple of ln(theta) or ln(n) is not a power series.", "formula");
            var s = x.Series;
            PiLaurent c = s.IsZero || s.EpsValuation > 0 || s[0].Valuation > 0 ? PiLaurent.Zero : s[0][0];
            if (s.EpsValuation < 0 || (!s.IsZero && s.EpsValuation == 0 && s[0].Valuation < 0))
                throw new ArgumentException("exp of a series with negative powers is not a power series.", "formula");
            if (!c.IsZero) throw new ArgumentException($"exp({c}) is outside Q[pi, 1/pi].", "formula");
            var e = s.Exp();
            var mono = BivariateSeries.Monomial(ThetaSeries.Monomial(PiLaurent.One, (int)x.LnTheta.Numerator), (int)x.LnEps.Numerator, ThetaSeries.Exact);
            return Plain(e * mono);
        }

        /// <summary>x^q = c^q θ^{vq} ε^{wq} (1 + u)^q; needs vq, wq integers and c^q rational.</summary>
        private BivariateSeries RationalPower(BivariateSeries x, Rational q)
        {
            var (w, v, c, u) = Split(x);
            var vq = q * v; var wq = q * w;
            if (!vq.IsInteger || !wq.IsInteger)
                throw new ArgumentException($"x^{q} has a fractional power of theta or 1/n.", "formula");
            if (!c.IsRational || RationalRoot(c[0], q) is not { } cq)
                throw new ArgumentException($"({c})^{q} is outside Q[pi, 1/pi].", "formula");
            var binom = u.OnePlusPower(q);
            var mono = BivariateSeries.Monomial(ThetaSeries.Monomial(cq, (int)vq.Numerator), (int)wq.Numerator, ThetaSeries.Exact);
            return binom * mono;
        }

        private static Rational? RationalRoot(Rational c, Rational q)
        {
            if (q.IsInteger) return c.Pow((int)q.Numerator);
            int den = (int)q.Denominator;
            if (c.Sign < 0) return null;
            var n = IntegerRoot(c.Numerator, den); var d = IntegerRoot(c.Denominator, den);
            if (n is null || d is null) return null;
            return new Rational(n.Value, d.Value).Pow((int)q.Numerator);
        }

        private static System.Numerics.BigInteger? IntegerRoot(System.Numerics.BigInteger x, int k)
        {
            var r = (System.Numerics.BigInteger)Math.Round(Math.Pow((double)x, 1.0 / k));
            for (var t = r - 2; t <= r + 2; t++) if (t >= 0 && System.Numerics.BigInteger.Pow(t, k) == x) return t;
            return null;
        }
    }
}
