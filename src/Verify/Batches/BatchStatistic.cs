using Degeneracy.Verify.Statistics;

namespace Degeneracy.Verify.Batches;

/// <summary>Monte Carlo summary of one value (an observable or a Gram entry at one layer) over the samples where it is defined.</summary>
/// <param name="Count">Samples where the value was defined.</param>
/// <param name="Mean">Sample mean (NaN if Count = 0).</param>
/// <param name="StdError">Standard error of the mean √(s²/Count) (NaN if Count &lt; 2).</param>
/// <param name="Variance">Sample variance s² (NaN if Count &lt; 2).</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public readonly record struct BatchStatistic(long Count, double Mean, double StdError, double Variance, double Min, double Max)
{
    /// <summary>The summary of an accumulator.</summary>
    public static BatchStatistic Of(in MomentAccumulator a) =>
        new(a.Count, a.Count > 0 ? a.Mean : double.NaN, a.MeanStdError, a.Variance, a.Min, a.Max);
}
