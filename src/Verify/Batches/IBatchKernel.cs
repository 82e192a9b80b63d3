namespace Degeneracy.Verify.Batches;

/// <summary>Samples one network of a batch configuration; one instance per worker thread (it owns buffers).</summary>
internal interface IBatchKernel
{
    /// <summary>Writes every layer's values (<see cref="BatchLayout"/>) of sample <paramref name="sample"/>; NaN where undefined.</summary>
    void Run(long sample, Span<double> values);
}
