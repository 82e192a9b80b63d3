namespace Degeneracy.Verify.MonteCarlo;

/// <summary>Computes ln sin²θ^ℓ of one sample for every layer; one instance per worker thread (it owns buffers).</summary>
internal interface ISampleKernel
{
    /// <summary>
    /// Writes ln sin²θ^ℓ to <paramref name="lnSinSquared"/>[ℓ − 1] for the layers before the first degenerate step and
    /// returns that step's 0-based layer index, or −1 if no step was degenerate.
    /// </summary>
    int Run(long sample, Span<double> lnSinSquared);
}
