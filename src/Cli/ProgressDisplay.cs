using Degeneracy.Verify.MonteCarlo;
using Spectre.Console;

namespace Degeneracy.Cli;

/// <summary>
/// Runs long work on a worker task and, on an interactive terminal, shows a progress bar on stderr after one second
/// (silent when redirected or in tests). The work reports through a <see cref="SamplingProgress"/> it receives.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>; exceptions surface unwrapped.</summary>
    public static T Run<T>(CliContext ctx, string label, Func<Func<SamplingProgress>, T> work)
    {
        var counters = new List<SamplingProgress>();
        SamplingProgress Next()
        {
            var p = new SamplingProgress();
            lock (counters) counters.Add(p);
            return p;
        }
        var run = Task.Run(() => work(Next));
        if (Shows(ctx) && !Finished(run, TimeSpan.FromSeconds(1)))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().AutoClear(true).Start(display =>
            {
                var task = display.AddTask(label, maxValue: 1);
                while (!Finished(run, TimeSpan.FromMilliseconds(200)))
                {
                    lock (counters)
                    {
                        long total = counters.Sum(c => c.Total), done = counters.Sum(c => c.Completed);
                        task.MaxValue = Math.Max(1, total);
                        task.Value = done;
                    }
                }
                task.Value = task.MaxValue;
            });
        }
        return run.GetAwaiter().GetResult();
    }

    private static bool Shows(CliContext ctx) =>
        ReferenceEquals(ctx.Err, Console.Error) && !Console.IsErrorRedirected && !Console.IsOutputRedirected && Environment.UserInteractive;

    private static bool Finished(Task run, TimeSpan timeout)
    {
        try { return run.Wait(timeout); }
        catch (AggregateException) { return true; }
    }
}
