using BenchmarkDotNet.Attributes;
using Degeneracy.Series.Evaluation.Generated;

namespace Degeneracy.Bench;

/// <summary>
/// The plain double transcription of the published μ_pub (docs/THEORY.md §3) with inline J closed forms: the baseline the
/// generated evaluator must not be slower than. (Inaccurate for θ ≲ 1e-4; used for timing only.)
/// </summary>
internal static class PlainPublished
{
    public static double Mu(double theta, double n)
    {
        var (s, c) = Math.SinCos(theta);
        double t = Math.PI - theta;
        const double inv2Pi = 1 / (2 * Math.PI);
        double j11 = (s + t * c) * inv2Pi;
        double j22 = (t * (1 + 2 * c * c) + 3 * s * c) * inv2Pi;
        double j31 = (3 * t * c + s * (2 + c * c)) * inv2Pi;
        double d = 1 - 4 * j11 * j11;
        double k = 8 * j11 * j11 * j22 - 8 * j11 * j11 * j11 * j11 + 4 * j11 * j11 - 8 * j11 * j31 + j22 + 1;
        double a = (4 * j22 - 1) / n + 1, b = 1 - 1 / n;
        return Math.Log((n - 1) * d / (4 * j22 - 1 + n)) + 4 * (j22 + 1) / (n * a * a) - 4 * k / (n * b * b * d * d);
    }
}

/// <summary>
/// Time per call of the generated μ(θ, n) at ε¹ (target ≤ 40 ns, and no slower than the plain μ_pub): 1024 (θ, n)
/// pairs, θ uniform on (0, π) (so ~19 % in the θ-series branch below 0.6) and n from 2 to 4096.
/// </summary>
public class EvaluatorBenchmarks
{
    private const int Calls = 1024;
    private readonly double[] _theta = new double[Calls], _n = new double[Calls];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(12345);
        for (int i = 0; i < Calls; i++)
        {
            _theta[i] = Math.PI * (i + 0.5) / Calls;
            _n[i] = Math.Round(Math.Pow(2, 1 + 11 * rng.NextDouble()));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public double PlainPublishedMu()
    {
        double s = 0;
        for (int i = 0; i < Calls; i++) s += PlainPublished.Mu(_theta[i], _n[i]);
        return s;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public double GeneratedMu()
    {
        double s = 0;
        for (int i = 0; i < Calls; i++) s += LayerLawOrder1.Mu(_theta[i], _n[i]);
        return s;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public double GeneratedSigma2()
    {
        double s = 0;
        for (int i = 0; i < Calls; i++) s += LayerLawOrder1.Sigma2(_theta[i], _n[i]);
        return s;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public double GeneratedMuOrder2()
    {
        double s = 0;
        for (int i = 0; i < Calls; i++) s += LayerLawOrder2.Mu(_theta[i], _n[i]);
        return s;
    }
}

/// <summary>
/// Algorithm 1 over a 50-layer architecture (widths 64 … 1024, θ⁰ = 1): θ^{ℓ+1} = arcsin(exp(μ(θ^ℓ, n_{ℓ+1})/2)), the
/// step into layer ℓ + 1 using its width n_{ℓ+1}. Target ≤ 5 µs with the generated evaluator.
/// </summary>
public class Algorithm1Benchmarks
{
    private const int Layers = 50;
    private readonly double[] _widths = new double[Layers];

    [GlobalSetup]
    public void Setup()
    {
        for (int l = 0; l < Layers; l++) _widths[l] = 64 << (l % 5);
    }

    private double Run(Func<double, double, double> mu)
    {
        double theta = 1.0;
        for (int l = 0; l < Layers; l++) theta = Math.Asin(Math.Exp(mu(theta, _widths[l]) / 2));
        return theta;
    }

    [Benchmark(Baseline = true)]
    public double PlainPublished50Layers()
    {
        double theta = 1.0;
        for (int l = 0; l < Layers; l++) theta = Math.Asin(Math.Exp(PlainPublished.Mu(theta, _widths[l]) / 2));
        return theta;
    }

    [Benchmark]
    public double Generated50Layers()
    {
        double theta = 1.0;
        for (int l = 0; l < Layers; l++) theta = Math.Asin(Math.Exp(LayerLawOrder1.Mu(theta, _widths[l]) / 2));
        return theta;
    }

    [Benchmark]
    public double GeneratedViaDelegate50Layers() => Run(LayerLawOrder1.Mu);
}
