using System.CommandLine;
using Degeneracy.Cli.Json;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.MonteCarlo.Gpu;
using Spectre.Console;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy mc --widths SPEC --theta0 T --samples S [--seed K] [--backend chain|network|gpu] [--input-dim D]
/// [--shard i/N] [--threads P] [--out FILE.json]</c>: Monte Carlo of ln sin²θ^ℓ per layer (docs/THEORY.md §1) as JSON.
/// </summary>
internal static class McCommand
{
    public static Command Create(CliContext ctx)
    {
        var widths = CommonOptions.Widths();
        var theta0 = CommonOptions.Theta0();
        var samples = CommonOptions.Samples("number of samples", required: true);
        var seed = CommonOptions.Seed();
        var backend = new Option<string>("--backend") { Description = "chain (reduced chain, fast), network (explicit weights) or gpu (reduced chain on ILGPU: CUDA if present, else its CPU accelerator)", DefaultValueFactory = _ => "chain" };
        var inputDim = new Option<int?>("--input-dim") { Description = "network input dimension n_in ≥ 2 (default n₁)", CustomParser = r => InvariantNumber.ParseInt(r) };
        var shard = CommonOptions.Shard();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out("write the JSON here (atomically) instead of stdout");
        var activation = CommonOptions.Activation();
        var batch = new McBatch();
        theta0.Required = false; // required for the angle chain, checked below; a batch has no θ⁰

        var cmd = new Command("mc", "Monte Carlo of the angle chain (per-layer statistics of ln sin²θ^ℓ, as JSON), or with --batch of m inputs (docs/BATCHES.md).");
        foreach (var option in new Option[] { widths, theta0, samples, seed, backend, inputDim, shard, threads, output, activation }.Concat(batch.Options))
            cmd.Options.Add(option);
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(batch.Batch) is not null)
            {
                OptionCheck.That(parse.GetResult(theta0) is null, "--theta0 does not apply to --batch (the inputs fix every angle).");
                return batch.Run(ctx, parse, parse.GetValue(widths)!, parse.GetValue(samples)!.Value, parse.GetValue(seed), parse.GetValue(backend) ?? "chain",
                    parse.GetValue(inputDim), parse.GetValue(shard), parse.GetValue(threads), parse.GetValue(output), parse.GetValue(activation)!,
                    (work, progress) => Execute(ctx, work, progress));
            }
            foreach (var option in batch.Options)
                OptionCheck.That(parse.GetResult(option) is null || parse.GetResult(option)!.Implicit, $"{option.Name} applies only with --batch.");
            OptionCheck.That(parse.GetResult(theta0) is not null, "mc needs --theta0 (or --batch).");
            return Run(ctx, parse.GetValue(widths)!, parse.GetValue(theta0), parse.GetValue(samples)!.Value, parse.GetValue(seed),
                parse.GetValue(backend) ?? "chain", parse.GetValue(inputDim), parse.GetValue(shard), parse.GetValue(threads), parse.GetValue(output),
                parse.GetValue(activation)!);
        });
        return cmd;
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar on an interactive terminal after one second.</summary>
    private static T Execute<T>(CliContext ctx, Func<T> work, SamplingProgress progress)
    {
        var run = Task.Run(work);
        if (ShowsProgress(ctx) && !Finished(run, TimeSpan.FromSeconds(1)))
            DisplayProgress(run, progress);
        return run.GetAwaiter().GetResult();
    }

    /// <summary>Validates everything, runs (with a progress bar on an interactive terminal after one second), writes the JSON.</summary>
    private static int Run(CliContext ctx, IReadOnlyList<int> widths, double theta0, long samples, ulong seed, string backendName,
        int? inputDimension, ShardSpec? shardOption, int? threads, string? outputPath, Degeneracy.JFunctions.Activation activation)
    {
        bool gpu = backendName == "gpu"; // the reduced chain on an ILGPU accelerator: same configuration, other executor
        OptionCheck.That(!gpu || activation.IsRelu, "--backend gpu supports only --activation relu; use chain or network for other activations.");
        var backend = gpu ? MonteCarloBackend.Chain : BadInputException.Check("--backend", () => MonteCarloJson.ParseBackend(backendName, "--backend"));
        OptionCheck.That(backend != MonteCarloBackend.Chain || inputDimension is null, "--input-dim applies only to --backend network.");
        var configuration = BadInputException.Check("--widths/--theta0/--samples/--input-dim",
            () => new MonteCarloConfiguration(widths, theta0, samples, seed, backend, inputDimension, activation));
        var shard = shardOption ?? ShardSpec.Whole;

        var progress = new SamplingProgress();
        var options = new MonteCarloRunOptions { Threads = threads, Shard = shard, Progress = progress };
        string? accelerator = null;
        var run = Task.Run(() =>
        {
            if (!gpu) return MonteCarloSampler.Run(configuration, options);
            using var sampler = ReducedChainGpuSampler.Create(preferCuda: true);
            accelerator = sampler.AcceleratorName;
            return sampler.Run(configuration, options);
        });
        if (ShowsProgress(ctx) && !Finished(run, TimeSpan.FromSeconds(1)))
            DisplayProgress(run, progress);
        var result = run.GetAwaiter().GetResult();

        string json = MonteCarloJson.Write(result, gpu ? accelerator : null);
        AtomicFile.WriteTextOrPrint(outputPath, json, ctx.Out);
        return CliRunner.Ok;
    }

    /// <summary>Only for the real console on an interactive terminal; silent when redirected or in tests.</summary>
    private static bool ShowsProgress(CliContext ctx) =>
        ReferenceEquals(ctx.Err, Console.Error) && !Console.IsErrorRedirected && !Console.IsOutputRedirected && Environment.UserInteractive;

    /// <summary>Waits up to <paramref name="timeout"/>; true once the task has ended (a fault is rethrown later, unwrapped).</summary>
    private static bool Finished(Task run, TimeSpan timeout)
    {
        try
        {
            return run.Wait(timeout);
        }
        catch (AggregateException)
        {
            return true;
        }
    }

    private static void DisplayProgress(Task run, SamplingProgress progress)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().AutoClear(true).Start(display =>
        {
            var task = display.AddTask("sampling", maxValue: Math.Max(1, progress.Total));
            while (!Finished(run, TimeSpan.FromMilliseconds(100)))
                task.Value = progress.Completed;
            task.Value = task.MaxValue;
        });
    }
}
