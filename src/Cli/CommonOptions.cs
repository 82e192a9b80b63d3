using System.CommandLine;
using System.CommandLine.Parsing;
using Degeneracy.Series.Derivation;
using Degeneracy.Verify;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Cli;

/// <summary>
/// The options every command shares, defined once: one name, one parser (strict, invariant numbers), one range check
/// and one default per concept. A command creates fresh instances (<c>CommonOptions.NOrder()</c>) and adds them; range
/// errors are parse errors (exit 2) reported before any work starts.
/// </summary>
internal static class CommonOptions
{
    /// <summary>Default θ-order of printed and checked series (θ⁰ … θ⁴).</summary>
    public const int DefaultThetaOrder = 4;

    /// <summary>Default 1/n-order of series, evaluators and predictors.</summary>
    public const int DefaultNOrder = 1;

    /// <summary>Default Monte Carlo seed.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>Every output format a command may offer; each command allows a subset.</summary>
    public static readonly string[] AllFormats = ["text", "json", "csv", "latex", "csharp"];

    /// <summary><c>--format</c> restricted to <paramref name="allowed"/> (a subset of <see cref="AllFormats"/>); the first is the default.</summary>
    public static Option<string> Format(params string[] allowed)
    {
        if (allowed.Length == 0 || allowed.Any(a => !AllFormats.Contains(a))) throw new ArgumentException("unknown format", nameof(allowed));
        var o = new Option<string>("--format") { Description = "output format: " + string.Join(", ", allowed), DefaultValueFactory = _ => allowed[0] };
        o.Validators.Add(r =>
        {
            if (!TryValue(r, out string? v)) return;
            if (v is null || !allowed.Contains(v)) r.AddError($"--format must be one of {string.Join(", ", allowed)}; got '{v}'.");
        });
        return o;
    }

    /// <summary>Deprecated <c>--json</c> (hidden): the same as <c>--format json</c>.</summary>
    public static Option<bool> JsonAlias() => new("--json") { Description = "deprecated: use --format json", Hidden = true };

    /// <summary>Resolves <c>--format</c> with the deprecated boolean aliases (<c>--json</c>, <c>--csv</c>); both given is bad input.</summary>
    public static string ResolveFormat(string format, bool json, bool csv = false)
    {
        if (json && csv) throw new BadInputException("--json and --csv are mutually exclusive (use --format json|csv).");
        if ((json || csv) && format != "text") throw new BadInputException("give either --format or the deprecated --json/--csv, not both.");
        return json ? "json" : csv ? "csv" : format;
    }

    /// <summary><c>--samples S</c>: Monte Carlo sample count in [<paramref name="min"/>, 2^52] (null when absent and not required).</summary>
    public static Option<long?> Samples(string description, bool required, long min = 2)
    {
        var o = new Option<long?>("--samples") { Description = description + $" ({min} … 2^52)", Required = required, CustomParser = r => InvariantNumber.ParseLong(r) };
        o.Validators.Add(r =>
        {
            if (TryValue(r, out long? v) && v is long s && (s < min || s > MonteCarloConfiguration.MaxSamples))
                r.AddError($"--samples must lie in [{min}, 2^52 = {MonteCarloConfiguration.MaxSamples}]; got {s}.");
        });
        return o;
    }

    /// <summary><c>--seed K</c>: 64-bit Monte Carlo seed (default 1); results depend only on (seed, sample index).</summary>
    public static Option<ulong> Seed() => new("--seed")
    {
        Description = "64-bit Monte Carlo seed; results depend only on (seed, sample index)",
        DefaultValueFactory = _ => DefaultSeed,
        CustomParser = r => InvariantNumber.ParseUnsigned(r),
    };

    /// <summary>
    /// <c>--out FILE</c>: write the result to this file (atomically, see <see cref="AtomicFile"/>) instead of stdout; the
    /// file must be creatable, which is checked while parsing, before any work.
    /// </summary>
    public static Option<string?> Out(string description = "write the result to this file (atomically) instead of stdout")
    {
        var o = new Option<string?>("--out") { Description = description };
        o.Validators.Add(r =>
        {
            if (!TryValue(r, out string? v) || v is not string path) return;
            try { AtomicFile.CheckWritable("--out", path); }
            catch (BadInputException e) { r.AddError(e.Message); }
        });
        return o;
    }

    /// <summary>
    /// <c>--n-order K</c>: order in ε = 1/n, K ≥ 0 (default 1); no fixed cap: each command refuses up front what its
    /// time/memory guard (<see cref="DerivationCost"/>) says would be too costly.
    /// </summary>
    public static Option<int> NOrder() => Integer("--n-order", "order in ε = 1/n (≥ 0; bounded by the time/memory guards, see README)", DefaultNOrder, 0, MaxNOrderSyntax);

    /// <summary>Syntactic bound of --n-order (the cost guards refuse far below it).</summary>
    public const int MaxNOrderSyntax = 10000;

    /// <summary><c>--theta-order J</c>: highest power of θ, 0 … 40 (default 4).</summary>
    public static Option<int> ThetaOrder() => Integer("--theta-order", $"highest power of θ (0 … {Derivation.MaxThetaOrder})", DefaultThetaOrder, 0, Derivation.MaxThetaOrder);

    /// <summary><c>--widths SPEC</c> (required): layer widths n₁ … n_L, e.g. <c>256x32</c>, <c>784,100,100</c>, <c>10x5,20x5</c>.</summary>
    public static Option<IReadOnlyList<int>> Widths() => new("--widths")
    {
        Description = "layer widths n₁…n_L, e.g. 256x32, 784,100,100 or 10x5,20x5",
        Required = true,
        CustomParser = r =>
        {
            try { return WidthSpec.Parse(r.Tokens.Count == 0 ? "" : r.Tokens[0].Value).Widths; }
            catch (FormatException e) { r.AddError("--widths: " + e.Message); return []; }
        },
    };

    /// <summary><c>--theta0 T</c> (required): the input angle θ⁰ in radians, 0 &lt; θ⁰ &lt; π.</summary>
    public static Option<double> Theta0()
    {
        var o = new Option<double>("--theta0") { Description = "input angle θ⁰ in radians, 0 < θ⁰ < π", Required = true, CustomParser = r => InvariantNumber.ParseReal(r) };
        o.Validators.Add(r =>
        {
            if (TryValue(r, out double t) && !(t > 0 && t < Math.PI)) r.AddError($"--theta0 must lie strictly between 0 and π; got {t.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.");
        });
        return o;
    }

    /// <summary><c>--shard i/N</c>: compute shard i of N (0 ≤ i &lt; N) of the sample range; combine with <c>merge</c>.</summary>
    public static Option<ShardSpec?> Shard() => new("--shard")
    {
        Description = "compute shard i/N of the sample range (0 ≤ i < N); combine the shards with `merge`",
        CustomParser = r =>
        {
            try { return ShardSpec.Parse(r.Tokens[0].Value); }
            catch (Exception e) when (e is FormatException or ArgumentException) { r.AddError("--shard: " + BadInputException.Plain(e)); return null; }
        },
    };

    /// <summary><c>--threads P</c>: worker threads, 1 … 1024 (default: all cores); results do not depend on it.</summary>
    public static Option<int?> Threads()
    {
        var o = new Option<int?>("--threads") { Description = "worker threads, 1 … 1024 (default: all cores); does not change results", CustomParser = r => InvariantNumber.ParseInt(r) };
        o.Validators.Add(r =>
        {
            if (TryValue(r, out int? v) && v is int t && (t < 1 || t > 1024)) r.AddError($"--threads must lie in [1, 1024]; got {t}.");
        });
        return o;
    }

    /// <summary>
    /// <c>--activation relu|abs|linear|leaky:S</c> (default relu): the activation φ_s, S a decimal or fraction read exactly
    /// (<c>leaky:0.01</c> = <c>leaky:1/100</c>); numerator and denominator of s at most 10⁶. Malformed or out-of-range
    /// spellings are parse errors (exit 2).
    /// </summary>
    public static Option<JFunctions.Activation> Activation() => new("--activation")
    {
        Description = "activation φ_s: relu, abs, linear or leaky:S with S a decimal (0.01) or fraction (1/100), |numerator|, denominator ≤ 10^6",
        DefaultValueFactory = _ => JFunctions.Activation.Relu,
        CustomParser = r =>
        {
            string text = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
            try { return JFunctions.Activation.Parse(text); }
            catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
            {
                r.AddError("--activation: " + BadInputException.Plain(e));
                return JFunctions.Activation.Relu;
            }
        },
    };

    /// <summary><c>--verbose</c> (every command): print the stack trace of an internal error.</summary>
    public static Option<bool> Verbose() => new("--verbose") { Description = "on an internal error, also print the stack trace", Recursive = true };

    /// <summary>An integer option with a default and an inclusive range, checked while parsing.</summary>
    public static Option<int> Integer(string name, string description, int defaultValue, int min, int max)
    {
        var o = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue, CustomParser = r => InvariantNumber.ParseInt(r) };
        o.Validators.Add(r =>
        {
            if (TryValue(r, out int v) && (v < min || v > max)) r.AddError($"{name} must be an integer in [{min}, {max}]; got {v}.");
        });
        return o;
    }

    /// <summary>The option's value for a validator; false when parsing it already failed (that error is reported).</summary>
    private static bool TryValue<T>(OptionResult r, out T? value)
    {
        value = default;
        if (r.Tokens.Count > 0 && r.Errors.Any()) return false;
        try
        {
            value = r.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A repeatable real-valued option (<c>--theta 0.1 --theta 0.2</c> or <c>--theta 0.1 0.2</c>), strictly parsed.</summary>
    public static Option<double[]> Reals(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = r => InvariantNumber.ParseReals(r),
    };
}
