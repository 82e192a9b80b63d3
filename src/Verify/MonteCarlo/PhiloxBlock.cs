namespace Degeneracy.Verify.MonteCarlo;

/// <summary>A 128-bit Philox counter or output block as four 32-bit words (X0 is the Random123 word 0).</summary>
public readonly record struct PhiloxBlock(uint X0, uint X1, uint X2, uint X3);
