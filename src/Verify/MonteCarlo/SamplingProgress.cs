namespace Degeneracy.Verify.MonteCarlo;

/// <summary>Thread-safe count of completed samples of a running Monte Carlo run, for polling by a progress display.</summary>
public sealed class SamplingProgress
{
    private long _completed;
    private long _total;

    /// <summary>Samples completed so far.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Samples this run will compute (set when the run starts).</summary>
    public long Total => Interlocked.Read(ref _total);

    internal void Start(long total) => Interlocked.Exchange(ref _total, total);

    internal void Advance(long samples) => Interlocked.Add(ref _completed, samples);
}
