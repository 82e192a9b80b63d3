namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// det [[E, G], [G, F]] = EF − G² of the Gram matrix of two vectors e, f, free of cancellation when they are nearly
/// parallel: below a relative size of 1e-8 it is recomputed by Lagrange's identity, Σ_{i&lt;m} (e_i f_m − e_m f_i)².
/// </summary>
internal static class GramDeterminant
{
    /// <summary>EF − G² for E = Σe², F = Σf², G = Σef over the first <paramref name="count"/> entries of e and f.</summary>
    public static double Stable(double e2, double f2, double ef, double[] es, double[] fs, int count)
    {
        double det = e2 * f2 - ef * ef;
        if (det > 1e-8 * e2 * f2) return det;
        det = 0;
        for (int i = 0; i < count; i++)
            for (int m = i + 1; m < count; m++)
            {
                double t = es[i] * fs[m] - es[m] * fs[i];
                det += t * t;
            }
        return det;
    }
}
