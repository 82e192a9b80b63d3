using Degeneracy.Verify.FiniteWidth;

namespace Degeneracy.Verify.Prediction;

/// <summary>
/// The <c>exact</c> method: the law of x = ln sin²θ^ℓ carried through the network by the finite-width one-step law
/// (<see cref="FiniteWidthLaws"/>) as a transfer operator on a grid of <see cref="GridPoints"/> points. Each source point
/// (and the atom at θ = π/2) loses its collapse probability (exact), sends its right-angle atom (exact) to x = 0 and its
/// continuous cells to x + L, each cell spread uniformly with its conditional mean and standard deviation, deposited
/// linearly on a grid that is quadratically finer towards x = 0 (which keeps the mean). Per layer it
/// reports the mean, sd and quantiles over surviving pairs and the fraction of all pairs collapsed so far.
/// </summary>
public sealed class ExactPredictor : IAnglePredictor
{
    /// <summary>Source masses below this are skipped.</summary>
    public const double NegligibleMass = 1e-14;

    /// <summary>A cell is spread over at most this many point masses.</summary>
    public const int MaxPieces = 64;

    /// <summary>Target number of point deposits per layer (bounds the cost of a layer with many sources).</summary>
    public const long DepositBudget = 1_000_000;

    /// <summary>√3: a uniform law of standard deviation sd has half-width √3·sd.</summary>
    private static readonly double HalfWidth = Math.Sqrt(3);

    private readonly OneStepLawTable _table;

    /// <param name="gridPoints">Grid size N ∈ [64, 10⁶] (default 2000).</param>
    /// <param name="table">The one-step table (default the shipped one).</param>
    public ExactPredictor(int gridPoints = 2000, OneStepLawTable? table = null)
    {
        if (gridPoints < 64 || gridPoints > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(gridPoints), gridPoints, "gridPoints must lie in [64, 1000000]");
        GridPoints = gridPoints;
        _table = table ?? OneStepLawTable.Default;
    }

    /// <summary>The exact method for φ_s: ReLU or abs (<see cref="OneStepLawTable.For"/>).</summary>
    /// <exception cref="ArgumentException">An activation without a shipped table.</exception>
    public ExactPredictor(JFunctions.Activation activation, int gridPoints = 2000) : this(gridPoints, OneStepLawTable.For(activation))
    {
    }

    /// <summary>The activation of the one-step table in use.</summary>
    public JFunctions.Activation Activation => _table.Activation;

    /// <inheritdoc/>
    public string Name => "exact";
    /// <summary>Grid points of the per-layer measure.</summary>
    public int GridPoints { get; }

    /// <summary>The per-layer laws of the last <see cref="Predict"/> call's result are in <see cref="ExactPrediction.Measures"/>.</summary>
    public NetworkPrediction Predict(IReadOnlyList<int> widths, double theta0) => PredictMeasures(widths, theta0);

    /// <summary>As <see cref="Predict"/>, keeping each layer's <see cref="LayerMeasure"/>.</summary>
    public ExactPrediction PredictMeasures(IReadOnlyList<int> widths, double theta0)
    {
        AngleCoordinates.CheckNetwork(widths, theta0);
        var layers = new LayerPrediction[widths.Count];
        var measures = new LayerMeasure[widths.Count];
        double survived = 1;
        // Sources: (x, θ, mass); layer 1 starts from the point θ⁰ itself.
        var xs = new List<double> { AngleCoordinates.X(theta0) };
        var thetas = new List<double> { theta0 };
        var qs = new List<double> { 1.0 };
        for (int l = 0; l < widths.Count; l++)
        {
            int n = widths[l];
            var laws = new OneStepLaw[xs.Count];
            double lo = 0, collapsed = 0;
            for (int i = 0; i < xs.Count; i++)
            {
                var law = laws[i] = FiniteWidthLaws.Evaluate(thetas[i], n, _table);
                collapsed += qs[i] * law.Collapse;
                if (law.RightAngle < 1)
                    for (int c = 0; c < law.CellMasses.Count; c++)
                        lo = Math.Min(lo, xs[i] + law.CellMeans[c] - 2 * HalfWidth * law.CellSpreads[c] - 1e-12);
            }
            // Nodes x_j = lo·(1 − s_j)², s_j = j/(N − 1): spacing 2|lo|/N far out, 2|lo|/N² next to x = 0, where the
            // law of ln sin²θ' piles up when θ is near π/2.
            lo = Math.Min(lo, -1e-9);
            var nodes = new double[GridPoints];
            for (int j = 0; j < GridPoints; j++)
            {
                double r = 1 - (double)j / (GridPoints - 1);
                nodes[j] = lo * r * r;
            }
            nodes[^1] = 0;
            var masses = new double[GridPoints];
            double atom = 0;
            // At most ~DepositBudget point deposits per layer: many pieces per cell for a few sources (layer 1), few
            // for many sources, whose mixture is smooth anyway.
            int maxPieces = (int)Math.Clamp(DepositBudget / ((long)xs.Count * _table.Cells), 1, MaxPieces);
            for (int i = 0; i < xs.Count; i++)
            {
                var law = laws[i];
                double q = qs[i] * (1 - law.Collapse);
                atom += q * law.RightAngle;
                double qc = q * (1 - law.RightAngle);
                if (qc <= 0) continue;
                for (int c = 0; c < law.CellMasses.Count; c++)
                {
                    // The cell's mass spread uniformly over [mean − √3·sd, mean + √3·sd]: the cell's mean and variance.
                    double half = HalfWidth * law.CellSpreads[c], centre = xs[i] + law.CellMeans[c];
                    double a = centre - half, b = centre + half;
                    if (half == 0)
                    {
                        Deposit(nodes, masses, lo, Math.Min(0, centre), qc * law.CellMasses[c]);
                        continue;
                    }
                    // Node spacing near x is 2√(lo·x)/(N − 1): use at least one piece per spacing at the cell's upper end.
                    double top = Math.Max(Math.Min(0, b), 0.25 * lo / ((double)(GridPoints - 1) * (GridPoints - 1)));
                    double spacing = 2 * Math.Sqrt(lo * Math.Min(top, -1e-300)) / (GridPoints - 1);
                    int pieces = (int)Math.Clamp(Math.Ceiling((b - a) / spacing), 2, Math.Max(2, maxPieces));
                    // p equal point masses at the midpoints of p equal slices have variance (1 − 1/p²) of the uniform's:
                    // widen by p/√(p² − 1) so that the pieces carry the cell's variance exactly.
                    double stretch = pieces / Math.Sqrt((double)pieces * pieces - 1);
                    a = centre - stretch * half;
                    b = centre + stretch * half;
                    double m = qc * law.CellMasses[c] / pieces, width = (b - a) / pieces;
                    for (int k = 0; k < pieces; k++)
                        Deposit(nodes, masses, lo, Math.Min(0, a + (k + 0.5) * width), m);
                }
            }
            double alive = 1 - collapsed;
            for (int j = 0; j < GridPoints; j++) masses[j] /= alive;
            atom /= alive;
            survived *= alive;
            var measure = measures[l] = new LayerMeasure(nodes, masses, atom);
            layers[l] = new LayerPrediction(l + 1, n, measure.Mean, measure.Sd, 1 - survived, measure.StandardQuantiles());
            xs.Clear();
            thetas.Clear();
            qs.Clear();
            for (int j = 0; j < GridPoints; j++)
                if (masses[j] > NegligibleMass)
                {
                    double x = nodes[j];
                    xs.Add(x);
                    thetas.Add(AngleCoordinates.Theta(x));
                    qs.Add(masses[j]);
                }
            if (atom > NegligibleMass)
            {
                xs.Add(0);
                thetas.Add(Math.PI / 2);
                qs.Add(atom);
            }
        }
        return new ExactPrediction(Name, layers, measures);
    }

    /// <summary>Splits mass m at x ∈ [lo, 0] linearly between the two nodes around it (which keeps the mean).</summary>
    private static void Deposit(double[] nodes, double[] masses, double lo, double x, double m)
    {
        int last = nodes.Length - 1;
        double s = 1 - Math.Sqrt(Math.Clamp(x / lo, 0, 1));
        int j = Math.Clamp((int)(s * last), 0, last - 1);
        while (j > 0 && nodes[j] > x) j--;
        while (j < last - 1 && nodes[j + 1] < x) j++;
        double f = Math.Clamp((x - nodes[j]) / (nodes[j + 1] - nodes[j]), 0, 1);
        masses[j] += m * (1 - f);
        masses[j + 1] += m * f;
    }
}

/// <summary>A <see cref="NetworkPrediction"/> that also carries each layer's <see cref="LayerMeasure"/>.</summary>
public sealed class ExactPrediction(string method, IReadOnlyList<LayerPrediction> layers, IReadOnlyList<LayerMeasure> measures)
    : NetworkPrediction(method, layers)
{
    /// <summary>The law of ln sin²θ^ℓ over surviving pairs, per layer (index ℓ − 1).</summary>
    public IReadOnlyList<LayerMeasure> Measures { get; } = measures;
}
