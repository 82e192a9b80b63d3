using System.Globalization;

namespace Degeneracy.Verify.Prediction;

/// <summary>A published test accuracy: mean ± sd over 10 training runs.</summary>
public readonly record struct Accuracy(double Mean, double Sd);

/// <summary>
/// One architecture of the depth-degeneracy paper (Jakub &amp; Nica, Tables 2 and 4): hidden widths n₁ … n_L, the depth and average
/// width as printed, the input angle θ⁰ and input dimension of the experiment, and the published test accuracies.
/// </summary>
public sealed record PaperArchitecture(int Network, IReadOnlyList<int> Widths, int ListedDepth, double ListedAverageWidth,
    double Theta0, int InputDimension, Accuracy Mnist, Accuracy FashionMnist, Accuracy Cifar)
{
    /// <summary>The CSV header <see cref="Parse"/> expects.</summary>
    public const string Header = "network,widths,listed_depth,listed_avg_width,theta0,input_dim,mnist_mean,mnist_sd,fmnist_mean,fmnist_sd,cifar_mean,cifar_sd";

    /// <summary>The shipped <c>data/paper-architectures.csv</c> (embedded in this assembly).</summary>
    public static IReadOnlyList<PaperArchitecture> Shipped()
    {
        using var stream = typeof(PaperArchitecture).Assembly.GetManifestResourceStream("Degeneracy.Verify.paper-architectures.csv")
            ?? throw new InvalidOperationException("the embedded resource paper-architectures.csv is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>
    /// Parses the CSV of <c>data/paper-architectures.csv</c>: the <see cref="Header"/> line, then one row per network with
    /// widths separated by ';'. Lines starting with '#' and blank lines are skipped.
    /// </summary>
    /// <exception cref="InvalidDataException">A malformed line (its number is in the message).</exception>
    public static IReadOnlyList<PaperArchitecture> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new List<PaperArchitecture>();
        bool header = false;
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (!header)
            {
                if (line.Trim() != Header) throw new InvalidDataException($"line {lineNumber}: expected the header '{Header}'");
                header = true;
                continue;
            }
            var f = line.Split(',');
            if (f.Length != 12) throw new InvalidDataException($"line {lineNumber}: expected 12 fields, found {f.Length}");
            try
            {
                var widths = f[1].Split(';').Select(w => int.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
                double D(int i) => double.Parse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture);
                result.Add(new PaperArchitecture(int.Parse(f[0], CultureInfo.InvariantCulture), widths,
                    int.Parse(f[2], CultureInfo.InvariantCulture), D(3), D(4), int.Parse(f[5], CultureInfo.InvariantCulture),
                    new Accuracy(D(6), D(7)), new Accuracy(D(8), D(9)), new Accuracy(D(10), D(11))));
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"line {lineNumber}: {e.Message}", e);
            }
        }
        if (!header) throw new InvalidDataException("no header line");
        return result;
    }
}
