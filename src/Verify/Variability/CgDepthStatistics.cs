namespace Degeneracy.Verify.Variability;

/// <summary>
/// Spectral norms of the C- and G-matrices at depth L over parameter samples, as means of log₁₀ with standard errors
/// (the norms spread over orders of magnitude, so the geometric mean is the informative average).
/// </summary>
/// <param name="Depth">L ≥ 1.</param>
/// <param name="Count">Number of samples.</param>
/// <param name="MeanLog10C">Mean of log₁₀‖C_L(x, x̄)‖₂.</param>
/// <param name="StdErrorLog10C">Its standard error.</param>
/// <param name="MeanLog10G">Mean of log₁₀‖G_L(x)‖₂.</param>
/// <param name="StdErrorLog10G">Its standard error.</param>
/// <param name="MeanLog10GBar">Mean of log₁₀‖G_L(x̄)‖₂.</param>
/// <param name="StdErrorLog10GBar">Its standard error.</param>
/// <param name="MeanLog10COverG">Mean of log₁₀‖C_L‖ − ½(log₁₀‖G_L(x)‖ + log₁₀‖G_L(x̄)‖), paired per sample.</param>
/// <param name="StdErrorLog10COverG">Its standard error.</param>
/// <param name="Collapsed">Samples whose two inputs have met exactly (z_k = z̄_k) at some layer k ≤ L; from there on the 0/0 := 1
/// convention makes D_φ = I.</param>
/// <param name="ZeroC">Samples with C_L = 0 exactly (ReLU: every unit of some layer negative for both inputs); the means
/// of log₁₀ are over the other samples.</param>
/// <param name="ZeroG">Samples with G_L(x) = 0 or G_L(x̄) = 0 exactly (a layer with every unit negative); excluded likewise.</param>
public sealed record CgDepthStatistics(int Depth, int Count, double MeanLog10C, double StdErrorLog10C, double MeanLog10G, double StdErrorLog10G,
    double MeanLog10GBar, double StdErrorLog10GBar, double MeanLog10COverG, double StdErrorLog10COverG, int Collapsed, int ZeroC = 0, int ZeroG = 0);
