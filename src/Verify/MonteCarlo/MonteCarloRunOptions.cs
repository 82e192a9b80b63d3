namespace Degeneracy.Verify.MonteCarlo;

/// <summary>How to execute a run; none of these changes the sampled values.</summary>
public sealed record MonteCarloRunOptions
{
    /// <summary>Worker threads, 1 … 1024; null means <see cref="Environment.ProcessorCount"/>. Results do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>Which shard of the sample range to compute; default the whole range.</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.Whole;

    /// <summary>Keep every sample's ln sin²θ^ℓ (memory S·L doubles) for KS tests and plots.</summary>
    public bool CollectSamples { get; init; }

    /// <summary>Optional progress counter to poll.</summary>
    public SamplingProgress? Progress { get; init; }

    /// <summary>Cancels the run (throws <see cref="OperationCanceledException"/>).</summary>
    public CancellationToken CancellationToken { get; init; }
}
