namespace Degeneracy.Series.CodeGen;

/// <summary>A switch point θ_s (θ-series below, closed form at and above) and the estimated worst absolute error with it.</summary>
public sealed record SwitchChoice(double Theta, double EstimatedError);

/// <summary>
/// Chooses where a sum of pieces Σ w_k·piece_k switches from its θ-series to its closed form, from the error model of
/// <see cref="StablePiece"/>: the θ_s minimising max(worst series error on [0, θ_s], worst closed-form error on
/// [θ_s, 2]) over a log-spaced grid on [10⁻³, 2], rounded down to two significant digits so that the choice does not
/// depend on the last bits of a libm (generated code must be reproducible).
/// </summary>
public static class SwitchPoint
{
    private const int GridSize = 240;
    private const double Low = 1e-3, High = 2.0;

    /// <summary>The switch point of Σ w_k·piece_k (weights ≥ 0, e.g. w_k = 2^−k for ε^k with n ≥ 2).</summary>
    public static SwitchChoice Choose(IReadOnlyList<(StablePiece Piece, double Weight)> pieces)
    {
        if (pieces.Count == 0) throw new ArgumentException("need at least one piece.", nameof(pieces));
        var grid = new double[GridSize + 1];
        for (int i = 0; i <= GridSize; i++) grid[i] = Low * Math.Pow(High / Low, (double)i / GridSize);
        var ser = grid.Select(t => pieces.Sum(p => p.Weight * p.Piece.SeriesError(t))).ToArray();
        var cf = grid.Select(t => pieces.Sum(p => p.Weight * p.Piece.ClosedFormError(t))).ToArray();
        var serUpTo = new double[GridSize + 1];
        var cfFrom = new double[GridSize + 1];
        for (int i = 0; i <= GridSize; i++) serUpTo[i] = Math.Max(i > 0 ? serUpTo[i - 1] : 0, ser[i]);
        for (int i = GridSize; i >= 0; i--) cfFrom[i] = Math.Max(i < GridSize ? cfFrom[i + 1] : 0, cf[i]);
        int best = 0;
        for (int i = 1; i <= GridSize; i++)
            if (Math.Max(serUpTo[i], cfFrom[i]) < Math.Max(serUpTo[best], cfFrom[best])) best = i;
        return new SwitchChoice(RoundDown2(grid[best]), Math.Max(serUpTo[best], cfFrom[best]));
    }

    private static double RoundDown2(double x)
    {
        int e = (int)Math.Floor(Math.Log10(x)) - 1;
        decimal scale = e >= 0 ? (decimal)Math.Pow(10, e) : 1m / (decimal)Math.Pow(10, -e);
        return (double)(Math.Floor((decimal)x / scale) * scale);
    }
}
