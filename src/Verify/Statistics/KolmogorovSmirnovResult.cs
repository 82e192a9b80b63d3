namespace Degeneracy.Verify.Statistics;

/// <summary>One-sample Kolmogorov–Smirnov outcome: D = sup |F_n − F|, its p-value and the sample size n.</summary>
public readonly record struct KolmogorovSmirnovResult(double Statistic, double PValue, int SampleSize);
