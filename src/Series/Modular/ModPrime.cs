using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Modular;

/// <summary>
/// A word-size prime p &lt; 2³⁰ and exact maps from ℚ into 𝔽_p (products of two residues fit a ulong with room to add
/// fifteen of them before reducing). The primes are the largest below 2³⁰, in decreasing order.
/// </summary>
public sealed class ModPrime
{
    /// <summary>The prime.</summary>
    public uint P { get; }

    private ModPrime(uint p) => P = p;

    private static readonly List<ModPrime> Primes = [];
    private static readonly Lock Gate = new();

    /// <summary>The i-th prime below 2³⁰ (i = 0 is the largest), generated on demand by trial division.</summary>
    public static ModPrime Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        lock (Gate)
        {
            uint next = Primes.Count == 0 ? (1u << 30) - 1 : Primes[^1].P - 2;
            while (Primes.Count <= index)
            {
                while (!IsPrime(next)) next -= 2;
                Primes.Add(new ModPrime(next));
                next -= 2;
            }
            return Primes[index];
        }
    }

    private static bool IsPrime(uint n)
    {
        if (n % 2 == 0) return n == 2;
        for (uint d = 3; (ulong)d * d <= n; d += 2) if (n % d == 0) return false;
        return true;
    }

    /// <summary>a·b mod p.</summary>
    public uint Mul(uint a, uint b) => (uint)((ulong)a * b % P);
    /// <summary>a + b mod p.</summary>
    public uint Add(uint a, uint b) { uint s = a + b; return s >= P ? s - P : s; }
    /// <summary>a − b mod p.</summary>
    public uint Sub(uint a, uint b) => a >= b ? a - b : a + P - b;
    /// <summary>−a mod p.</summary>
    public uint Neg(uint a) => a == 0 ? 0 : P - a;

    /// <summary>aᵉ mod p (e ≥ 0).</summary>
    public uint Pow(uint a, long e)
    {
        ulong r = 1, b = a % P;
        while (e > 0) { if ((e & 1) != 0) r = r * b % P; b = b * b % P; e >>= 1; }
        return (uint)r;
    }

    /// <summary>a⁻¹ mod p; throws <see cref="DivideByZeroException"/> for a ≡ 0.</summary>
    public uint Inverse(uint a)
    {
        if (a % P == 0) throw new DivideByZeroException($"{a} is not invertible modulo {P}.");
        return Pow(a, P - 2);
    }

    /// <summary>The residue of an integer.</summary>
    public uint Reduce(BigInteger n)
    {
        var r = (long)(n % P);
        return (uint)(r < 0 ? r + P : r);
    }

    /// <summary>The residue of the integer n (any sign).</summary>
    public uint Reduce(long n) { long r = n % P; return (uint)(r < 0 ? r + P : r); }

    /// <summary>The residue of q = a/b; throws <see cref="DivideByZeroException"/> when p divides b.</summary>
    public uint Reduce(Rational q) => Mul(Reduce(q.Numerator), Inverse(Reduce(q.Denominator)));

    /// <summary>The image of Σ q_k π^k under π ↦ u⁻¹ (u = the evaluation point of π⁻¹, non-zero mod p).</summary>
    public uint Reduce(PiLaurent x, uint u)
    {
        if (x.IsZero) return 0;
        uint inv = Inverse(u);
        uint s = 0;
        foreach (var (k, q) in x.Terms)
            s = Add(s, Mul(Reduce(q), k <= 0 ? Pow(u, -k) : Pow(inv, k)));
        return s;
    }
}
