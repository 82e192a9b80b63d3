using Degeneracy.JFunctions;

namespace Degeneracy;

/// <summary>
/// Front door to the J functions J_{a,b}(θ) = E[φ(G)^a φ(Ĝ)^b] of the ReLU φ (docs/THEORY.md §2): G, Ĝ standard Gaussians
/// with correlation cos θ; 0 ≤ a, b ≤ 200 and 0 ≤ θ ≤ π.
/// </summary>
public static class J
{
    /// <summary>The exact closed form of J_{a,b}(θ), a polynomial in cos θ, sin θ and (π − θ) over π.</summary>
    /// <example><code>Console.WriteLine(J.ClosedForm(1, 1).Print()); // (sin(theta) + (pi - theta)*cos(theta))/(2*pi)</code></example>
    /// <exception cref="ArgumentOutOfRangeException">a or b outside [0, 200].</exception>
    public static JClosedForm ClosedForm(int a, int b) => JClosedForm.Build(a, b);

    /// <summary>J_{a,b}(θ) as a double, accurate to a few ulps on 0 ≤ θ ≤ π; requires a + b ≤ 301 (beyond, J(0) exceeds the largest double).</summary>
    /// <example><code>double j11 = J.Value(1, 1, Math.PI / 2); // 1/(2π) = 0.15915494309189535</code></example>
    /// <exception cref="ArgumentOutOfRangeException">a or b outside [0, 200], a + b &gt; 301, or θ outside [0, π] or NaN.</exception>
    public static double Value(int a, int b, double theta) => JFunction.Evaluate(a, b, theta);

    /// <summary>ln J_{a,b}(θ) for every a, b ≤ 200, also where J itself exceeds the double range; −∞ where J = 0.</summary>
    /// <example><code>double ln = J.LogValue(200, 200, 1.0); // J_{200,200}(1) ≈ 10^400, beyond any double</code></example>
    /// <exception cref="ArgumentOutOfRangeException">a or b outside [0, 200], or θ outside [0, π] or NaN.</exception>
    public static double LogValue(int a, int b, double theta) => JFunction.LogEvaluate(a, b, theta);

    /// <summary>The exact coefficients of θ⁰ … θ^order of J_{a,b} about θ = 0 (order 0 … 400).</summary>
    /// <example><code>var c = J.SeriesAboutZero(2, 2, 4); // 3/2, 0, −1, 0, 1/3</code></example>
    /// <exception cref="ArgumentOutOfRangeException">a, b or order out of range.</exception>
    public static IReadOnlyList<SqrtHalfPiMultiple> SeriesAboutZero(int a, int b, int order) => JSeries.AboutZero(a, b, order);
}
