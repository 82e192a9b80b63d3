using Degeneracy.TestSupport.Properties;
using Degeneracy.JFunctions;
using Degeneracy.Verify.Batches;
using Degeneracy.Verify.MonteCarlo;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Verify.Tests.Batches;

public class ObservableTests
{
    private static double[] Spectral(double[,] k, double tolerance = 1e-3)
    {
        int m = k.GetLength(0);
        var flat = new double[m * m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) flat[i * m + j] = k[i, j];
        var output = new double[BatchObservables.Count];
        GramObserver.Spectral(flat, m, tolerance, new double[m * m + m], new double[m], output);
        return output;
    }

    [Fact]
    public void Spectral_KnownMatrices_GiveClosedFormValues()
    {
        // I₄: PR = 4, entropy rank 4, rank 4. Eigenvalues (3, 1) of [[2,1],[1,2]]: PR = 16/10, H = −(¾ln¾ + ¼ln¼).
        var identity = Spectral(new double[,] { { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } });
        Assert.Equal(4, identity[(int)BatchObservable.ParticipationRatio], 14);
        Assert.Equal(4, identity[(int)BatchObservable.EntropyRank], 13);
        Assert.Equal(4, identity[(int)BatchObservable.Rank]);
        var two = Spectral(new double[,] { { 2, 1 }, { 1, 2 } });
        Assert.Equal(1.6, two[(int)BatchObservable.ParticipationRatio], 14);
        Assert.Equal(Math.Exp(-(0.75 * Math.Log(0.75) + 0.25 * Math.Log(0.25))), two[(int)BatchObservable.EntropyRank], 13);
        // rank-one 11ᵀ: every effective dimension is 1
        var one = Spectral(new double[,] { { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 } });
        Assert.Equal(1, one[(int)BatchObservable.ParticipationRatio], 14);
        Assert.Equal(1, one[(int)BatchObservable.Rank]);
        Assert.Equal(1, one[(int)BatchObservable.NumericalRank]);
        // diag(1, 10⁻², 10⁻⁴): numerical rank 2 at τ = 10⁻³, 3 at τ = 10⁻⁵
        var graded = new double[,] { { 1, 0, 0 }, { 0, 1e-2, 0 }, { 0, 0, 1e-4 } };
        Assert.Equal(2, Spectral(graded, 1e-3)[(int)BatchObservable.NumericalRank]);
        Assert.Equal(3, Spectral(graded, 1e-5)[(int)BatchObservable.NumericalRank]);
    }

    private static Arbitrary<(int M, int Seed)> Sizes() =>
        (from m in Gen.Choose(2, 12) from seed in Gen.Choose(0, 100000) select (m, seed)).ToArbitrary();

    [Fact]
    public void SymmetricEigen_ReconstructsTheMatrix() =>
        PropertyCheck.Run(Prop.ForAll(Sizes(), size =>
        {
            var (m, seed) = size;
            var random = new Random(seed);
            var a = new double[m * m];
            for (int i = 0; i < m; i++)
                for (int j = 0; j <= i; j++) a[i * m + j] = a[j * m + i] = random.NextDouble() * 2 - 1;
            var copy = a.ToArray();
            var values = new double[m];
            var vectors = new double[m * m];
            SymmetricEigen.Compute(a, m, values, vectors);
            double error = 0;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++)
                {
                    double s = 0;
                    for (int c = 0; c < m; c++) s += vectors[i * m + c] * values[c] * vectors[j * m + c];
                    error = Math.Max(error, Math.Abs(s - copy[i * m + j]));
                }
            bool sorted = values.Zip(values.Skip(1)).All(p => p.First >= p.Second);
            return (error < 1e-12 && sorted).Label($"m {m}, seed {seed}: reconstruction error {error}, sorted {sorted}");
        }), 100);

    [Fact]
    public void TridiagonalEigen_AgreesWithJacobi_OnFullAndLowRankMatrices() =>
        PropertyCheck.Run(Prop.ForAll(Sizes(), size =>
        {
            // Jacobi (checked above by reconstruction) is the independent reference; half the cases are PSD of rank ≤ m/2
            // with a zero row, the shape of a Gram matrix after collapse.
            var (m, seed) = size;
            var random = new Random(seed);
            var a = new double[m * m];
            if (seed % 2 == 0)
                for (int i = 0; i < m; i++)
                    for (int j = 0; j <= i; j++) a[i * m + j] = a[j * m + i] = random.NextDouble() * 2 - 1;
            else
            {
                int rank = Math.Max(1, m / 2);
                var f = Enumerable.Range(0, m * rank).Select(_ => random.NextDouble() - 0.5).ToArray();
                for (int c = 0; c < rank; c++) f[c] = 0; // row 0 of the factor is zero: a zero row and column
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < m; j++)
                        for (int c = 0; c < rank; c++) a[i * m + j] += f[i * rank + c] * f[j * rank + c];
            }
            var jacobi = new double[m];
            var tridiagonal = new double[m];
            SymmetricEigen.Compute(a.ToArray(), m, jacobi);
            TridiagonalEigen.Compute(a.ToArray(), m, tridiagonal, new double[m]);
            double scale = jacobi.Max(Math.Abs), error = jacobi.Zip(tridiagonal, (x, y) => Math.Abs(x - y)).Max();
            return (error <= 1e-13 * Math.Max(scale, 1e-300)).Label($"m {m}, seed {seed}: max |λ_Jacobi − λ_QL| = {error} (scale {scale})");
        }), 150);

    [Fact]
    public void Orthonormalizer_GivesQRWithOrthonormalQ() =>
        PropertyCheck.Run(Prop.ForAll(Sizes(), size =>
        {
            var (k, seed) = size;
            int n = k + 3;
            var random = new Random(seed);
            var v = Enumerable.Range(0, k * n).Select(_ => random.NextDouble() - 0.5).ToArray();
            var original = v.ToArray();
            var r = new double[k * k];
            Orthonormalizer.Orthonormalize(v, k, n, r);
            double orthogonality = 0, reconstruction = 0;
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++)
                    orthogonality = Math.Max(orthogonality, Math.Abs(Orthonormalizer.Dot(v.AsSpan(i * n, n), v.AsSpan(j * n, n)) - (i == j ? 1 : 0)));
            for (int j = 0; j < k; j++)
                for (int t = 0; t < n; t++)
                {
                    double s = 0;
                    for (int i = 0; i <= j; i++) s += v[i * n + t] * r[i + j * k];
                    reconstruction = Math.Max(reconstruction, Math.Abs(s - original[j * n + t]));
                }
            return (orthogonality < 1e-14 && reconstruction < 1e-14).Label($"k {k}, seed {seed}: ‖QᵀQ − I‖ {orthogonality}, ‖QR − V‖ {reconstruction}");
        }), 60);

    [Fact]
    public void OrthogonalWeights_LinearSquareNetwork_PreservesTheGramMatrixExactly()
    {
        // With φ = identity, σ_w² = 1 and square layers, z = Q h for a Haar Q: K^ℓ = K⁰ for every sample and layer
        // (a Gaussian network would scatter it), so the Monte Carlo variance of every Gram entry is zero to rounding.
        var inputs = BatchInputs.Random(4, 16, 2);
        var configuration = new BatchConfiguration([16, 16, 16], inputs, 64, 3, Activation.Linear, weightVariance: 1,
            weights: WeightLaw.Orthogonal, backend: BatchBackend.Network);
        var result = BatchSampler.Run(configuration);
        for (int l = 1; l <= 3; l++)
            for (int i = 0; i < 4; i++)
                for (int j = i; j < 4; j++)
                {
                    var s = result.GramStatistic(l, i, j);
                    Assert.Equal(inputs.Gram[i, j], s.Mean, 12);
                    Assert.True(s.Max - s.Min < 1e-12, $"layer {l} K[{i},{j}] spread {s.Max - s.Min}");
                }
    }

    [Fact]
    public void OrthogonalWeights_AreOnlyForTheExplicitBackend()
    {
        var e = Assert.Throws<ArgumentException>(() => new BatchConfiguration([4], BatchInputs.Orthogonal(2, 2), 10, 1, weights: WeightLaw.Orthogonal));
        Assert.Contains("explicit network backend", e.Message);
    }

    [Fact]
    public void CollapsedPairs_NarrowReluNetwork_CountsAbsorbingCollapse()
    {
        // Width 2: pairs collapse often and stay collapsed without bias, so the mean count never decreases with depth.
        var result = BatchSampler.Run(new BatchConfiguration([2, 2, 2, 2, 2, 2], BatchInputs.Random(4, 4, 1), 2000, 7));
        double previous = 0;
        for (int l = 1; l <= 6; l++)
        {
            double mean = result.Statistic(l, BatchObservable.CollapsedPairs).Mean;
            Assert.True(mean >= previous, $"layer {l}: {mean} < {previous}");
            previous = mean;
        }
        Assert.True(previous > 1);
    }
}
