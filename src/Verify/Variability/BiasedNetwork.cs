namespace Degeneracy.Verify.Variability;

/// <summary>
/// One network with explicit weights and biases (see <see cref="BiasedNetworkSpec"/>): forward propagation of single
/// inputs, and the C- and G-matrices of Zhang &amp; Yu's eqs. 7–9 for exact checks such as Proposition 1.
/// </summary>
public sealed class BiasedNetwork
{
    private readonly double[][] _weights, _biases;

    private BiasedNetwork(BiasedNetworkSpec spec, double[][] weights, double[][] biases)
    {
        Spec = spec;
        _weights = weights;
        _biases = biases;
    }

    /// <summary>The architecture and distributions this network was drawn from.</summary>
    public BiasedNetworkSpec Spec { get; }

    /// <summary>Draws sample <paramref name="sample"/> of <paramref name="spec"/> (see <see cref="NetworkParameters"/>).</summary>
    public static BiasedNetwork Sample(BiasedNetworkSpec spec, ulong seed, long sample)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int count = spec.LayerCount;
        var w = new double[count][];
        var b = new double[count][];
        for (int k = 1; k <= count; k++)
        {
            w[k - 1] = new double[spec.Rows(k) * spec.Columns(k)];
            b[k - 1] = new double[spec.Rows(k)];
            NetworkParameters.Weights(spec, seed, sample, k, w[k - 1]);
            NetworkParameters.Biases(spec, seed, sample, k, b[k - 1]);
        }
        return new BiasedNetwork(spec, w, b);
    }

    /// <summary>W_k, row-major Rows(k) × Columns(k), k ∈ [1, LayerCount] (a view; do not modify).</summary>
    public ReadOnlySpan<double> Weights(int layer) => _weights[CheckLayer(layer) - 1];

    /// <summary>b_k, k ∈ [1, LayerCount].</summary>
    public ReadOnlySpan<double> Biases(int layer) => _biases[CheckLayer(layer) - 1];

    /// <summary>F(x): the output (length n_out, or d without an output layer).</summary>
    public double[] Evaluate(ReadOnlySpan<double> x)
    {
        var last = PreActivations(x)[^1];
        return Spec.OutputDimension > 0 ? last : Array.ConvertAll(last, Spec.Activation.Apply);
    }

    /// <summary>z₁ … z_L (and the output-layer value F when there is an output layer) for the input x.</summary>
    /// <exception cref="ArgumentException">x's length is not n_in.</exception>
    public double[][] PreActivations(ReadOnlySpan<double> x)
    {
        if (x.Length != Spec.InputDimension) throw new ArgumentException($"x must have length {Spec.InputDimension}", nameof(x));
        var z = new double[Spec.LayerCount][];
        double[] s = x.ToArray();
        for (int k = 1; k <= Spec.LayerCount; k++)
        {
            int rows = Spec.Rows(k), cols = Spec.Columns(k);
            var zk = new double[rows];
            var w = _weights[k - 1];
            for (int i = 0; i < rows; i++)
            {
                double acc = _biases[k - 1][i];
                for (int j = 0; j < cols; j++) acc += w[i * cols + j] * s[j];
                zk[i] = acc;
            }
            z[k - 1] = zk;
            s = k <= Spec.Depth ? Array.ConvertAll(zk, Spec.Activation.Apply) : zk;
        }
        return z;
    }

    /// <summary>
    /// C_L(x, x̄) = Π_k W_kᵀ D_φ(z_k, z̄_k) (eq. 8), an n_in × (n_out or d) matrix (row-major); the linear output layer
    /// contributes W_{L+1}ᵀ. Proposition 1: F(x) − F(x̄) = C_Lᵀ(x − x̄).
    /// </summary>
    public double[,] CMatrix(ReadOnlySpan<double> x, ReadOnlySpan<double> xBar)
    {
        var z = PreActivations(x);
        var zBar = PreActivations(xBar);
        return Product(k => z[k - 1].Select((u, i) => Spec.Activation.DifferenceQuotient(u, zBar[k - 1][i])).ToArray());
    }

    /// <summary>G_L(x) = Π_k W_kᵀ ∇φ(z_k) (eq. 7), the Jacobian of F transposed.</summary>
    public double[,] GMatrix(ReadOnlySpan<double> x)
    {
        var z = PreActivations(x);
        return Product(k => Array.ConvertAll(z[k - 1], Spec.Activation.Derivative));
    }

    private double[,] Product(Func<int, double[]> diagonal)
    {
        int n = Spec.InputDimension;
        var m = new double[n, n];
        for (int i = 0; i < n; i++) m[i, i] = 1;
        for (int k = 1; k <= Spec.LayerCount; k++)
        {
            int rows = Spec.Rows(k), cols = Spec.Columns(k);
            double[] d = k <= Spec.Depth ? diagonal(k) : Enumerable.Repeat(1.0, rows).ToArray();
            var w = _weights[k - 1];
            var next = new double[n, rows];
            for (int a = 0; a < n; a++)
                for (int i = 0; i < rows; i++)
                {
                    double acc = 0;
                    for (int j = 0; j < cols; j++) acc += m[a, j] * w[i * cols + j];
                    next[a, i] = acc * d[i];
                }
            m = next;
        }
        return m;
    }

    private int CheckLayer(int layer)
    {
        if (layer < 1 || layer > Spec.LayerCount)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must lie in [1, {Spec.LayerCount}]");
        return layer;
    }
}
