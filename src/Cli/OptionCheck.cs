namespace Degeneracy.Cli;

/// <summary>Range and choice checks for command-line values: a <see cref="BadInputException"/> naming the option and what is allowed.</summary>
internal static class OptionCheck
{
    /// <summary>Throws unless <paramref name="min"/> ≤ value ≤ <paramref name="max"/>.</summary>
    public static int Integer(string option, int value, int min, int max) =>
        value >= min && value <= max ? value : throw new BadInputException($"{option} must be an integer in [{min}, {max}]; got {value}.");

    /// <summary>Throws unless <paramref name="min"/> ≤ value ≤ <paramref name="max"/>.</summary>
    public static long Integer(string option, long value, long min, long max) =>
        value >= min && value <= max ? value : throw new BadInputException($"{option} must be an integer in [{min}, {max}]; got {value}.");

    /// <summary>Throws unless the value is one of <paramref name="allowed"/>.</summary>
    public static string OneOf(string option, string value, IReadOnlyCollection<string> allowed) =>
        allowed.Contains(value) ? value : throw new BadInputException($"{option} must be one of {string.Join(", ", allowed)}; got '{value}'.");

    /// <summary>Throws with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition) throw new BadInputException(message);
    }

    /// <summary>
    /// The time/memory guard of the exact series through θ^J n^{−K} (<see cref="Series.Derivation.DerivationCost"/>), decided
    /// before any work: one line with the estimate and the limit, as bad input of --n-order.
    /// </summary>
    public static void SeriesCost(int thetaOrder, int nOrder, JFunctions.Activation? activation = null)
    {
        var act = activation ?? JFunctions.Activation.Relu;
        var c = Series.Derivation.DerivationCost.SeriesSeconds(thetaOrder, nOrder, act);
        var b = Series.Derivation.DerivationCost.SeriesBytes(thetaOrder, nOrder, act);
        if (Series.Derivation.DerivationCost.Refusal(c, b, $"theta-order {thetaOrder}, n-order {nOrder}") is { } why)
            throw new BadInputException("--n-order: " + why);
    }

    /// <summary>As <see cref="SeriesCost"/> for the symbolic closed forms in J's (--closed-form, generated evaluators).</summary>
    public static void ClosedFormCost(int nOrder)
    {
        var c = Series.Derivation.DerivationCost.ClosedFormSeconds(nOrder);
        var b = Series.Derivation.DerivationCost.ClosedFormBytes(nOrder);
        if (Series.Derivation.DerivationCost.Refusal(c, b, $"closed forms in J's at n-order {nOrder}") is { } why)
            throw new BadInputException("--n-order: " + why);
    }
}
