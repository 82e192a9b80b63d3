using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Modular;

/// <summary>Chinese remaindering and rational reconstruction (Wang's algorithm, bounds |a|, b ≤ √(M/2)).</summary>
internal static class RationalReconstruction
{
    /// <summary>The x mod Π p_i with x ≡ r_i (mod p_i).</summary>
    public static (BigInteger X, BigInteger M) Crt(IReadOnlyList<uint> residues, IReadOnlyList<uint> primes)
    {
        BigInteger x = 0, m = 1;
        for (int i = 0; i < residues.Count; i++)
        {
            uint p = primes[i];
            // x' = x + m·((r − x)·m⁻¹ mod p)
            long xm = (long)(x % p), mm = (long)(m % p);
            long diff = ((long)residues[i] - xm) % p; if (diff < 0) diff += p;
            long inv = (long)BigInteger.ModPow(mm, p - 2, p);
            long t = (long)((ulong)diff * (ulong)inv % p);
            x += m * t;
            m *= p;
        }
        return (x, m);
    }

    /// <summary>a/b with a ≡ b·x (mod M), |a|, 0 &lt; b ≤ √(M/2); null when none exists.</summary>
    public static Rational? Reconstruct(BigInteger x, BigInteger m)
    {
        var bound = Sqrt(m / 2);
        return Reconstruct(x, m, bound, bound);
    }

    /// <summary>
    /// Candidates a/b with a ≡ b·x (mod M) for unbalanced bounds: b ≤ 2^w and |a| ≤ M/2^{w+1} for w = 20, 40, 80, … (each
    /// unique when it exists), for values whose denominator is known to be small; the caller checks each at another prime.
    /// </summary>
    public static IEnumerable<Rational> ReconstructUnbalanced(BigInteger x, BigInteger m)
    {
        for (int w = 20; 2 * w + 2 < m.GetBitLength(); w *= 2)
            if (Reconstruct(x, m, m >> (w + 1), BigInteger.One << w) is { } r) yield return r;
    }

    /// <summary>Wang's half-extended Euclid: a/b with a ≡ b·x (mod M), |a| ≤ numeratorBound, 0 &lt; |b| ≤ denominatorBound,
    /// gcd(b, M) = 1; null when the remainder sequence gives none.</summary>
    private static Rational? Reconstruct(BigInteger x, BigInteger m, BigInteger numeratorBound, BigInteger denominatorBound)
    {
        x %= m; if (x.Sign < 0) x += m;
        BigInteger r0 = m, r1 = x, t0 = 0, t1 = 1;
        while (r1 > numeratorBound)
        {
            var q = BigInteger.DivRem(r0, r1, out var r2);
            (r0, r1) = (r1, r2);
            (t0, t1) = (t1, t0 - q * t1);
        }
        if (t1.IsZero || BigInteger.Abs(t1) > denominatorBound || BigInteger.GreatestCommonDivisor(t1, m) != 1) return null;
        return new Rational(r1, t1);
    }

    /// <summary>⌊√n⌋ by Newton's iteration from above.</summary>
    private static BigInteger Sqrt(BigInteger n)
    {
        if (n < 2) return n;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }

    /// <summary>
    /// Coefficients (mod p) of the polynomial of degree ≤ d = points − 1 through (u_i, y_i), by Newton's divided differences.
    /// </summary>
    public static uint[] Interpolate(ModPrime f, uint[] u, uint[] y)
    {
        int n = u.Length;
        var dd = (uint[])y.Clone();
        for (int level = 1; level < n; level++)
            for (int i = n - 1; i >= level; i--)
                dd[i] = f.Mul(f.Sub(dd[i], dd[i - 1]), f.Inverse(f.Sub(u[i], u[i - level])));
        // Newton form → monomial coefficients: P = dd[n−1]; P = P·(x − u_i) + dd[i].
        var c = new uint[n];
        for (int i = n - 1; i >= 0; i--)
        {
            // c ← c·(x − u_i) + dd[i]
            for (int k = n - 1; k >= 1; k--) c[k] = f.Sub(c[k - 1], f.Mul(c[k], u[i]));
            c[0] = f.Sub(dd[i], f.Mul(c[0], u[i]));
        }
        return c;
    }

    /// <summary>Σ c_k u^k mod p.</summary>
    public static uint Evaluate(ModPrime f, uint[] c, uint u)
    {
        uint s = 0;
        for (int k = c.Length - 1; k >= 0; k--) s = f.Add(f.Mul(s, u), c[k]);
        return s;
    }
}
