using Spectre.Console;

namespace TriVision.Service.Cli;

/// <summary>
/// Runs a loop under a Spectre progress bar on stderr when stderr is a terminal, and plainly
/// otherwise (pipes and CI logs get no control sequences). The loop calls the step action once
/// per item.
/// </summary>
public static class CliProgress
{
    public static void Run(CliContext context, string description, int? total, Action<Action> loop)
    {
        if (!context.InteractiveError)
        {
            loop(static () => { });
            return;
        }
        context.CreateErrorConsole().Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: total is > 0 ? total.Value : 1);
                task.IsIndeterminate = total is not > 0;
                loop(() => task.Increment(1));
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
            });
    }
}
