using System.CommandLine;
using TriVision.Capture.Imaging;
using TriVision.Capture.Imaging.TurboJpeg;
using TriVision.Core.Native;
using TriVision.Service.Cli;

namespace TriVision.Service;

public static class Program
{
    /// <summary>Every verb of the CLI. Adding one: a file under Cli/ implementing ICliVerb, and a line here.</summary>
    public static IReadOnlyList<ICliVerb> Verbs { get; } =
    [
        new DetectVerb(),
        new DatasetVerb(),
        new EvalVerb(),
        new ScenariosVerb(),
        new RunVerb(),
    ];

    public static int Main(string[] args) => Run(args, CliContext.CreateDefault());

    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand("TriVision: edge computer vision for waste sorting centers (hazard detection, jam prediction, alarms to the PLC)");
        foreach (var verb in Verbs) root.Add(verb.Create(context));
        return root;
    }

    /// <summary>Parses and runs one command line; every failure becomes one line on stderr and an exit code from <see cref="CliExitCode"/>.</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = BuildRootCommand(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors go to stderr only, so a script reading stdout never sees help text.
            foreach (var error in parse.Errors) context.Error.WriteLine($"trivision: error: {OneLine(error.Message)}");
            context.Error.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
            return CliExitCode.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException ex)
        {
            return Fail(context, ex.ExitCode, ex.Message);
        }
        catch (NativeLibraryNotFoundException ex)
        {
            return Fail(context, CliExitCode.MissingDependency, ex.Message);
        }
        catch (ImageReadException ex)
        {
            return Fail(context, CliExitCode.InvalidInput, ex.Message);
        }
        catch (TurboJpegException ex)
        {
            return Fail(context, CliExitCode.RuntimeFailure, ex.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(context, CliExitCode.Interrupted, "interrupted");
        }
        catch (Exception ex)
        {
            // A bug, not a user error: still one line, with the stack on request.
            if (Environment.GetEnvironmentVariable("TRIVISION_TRACE") == "1") context.Error.WriteLine(ex.ToString());
            return Fail(context, CliExitCode.InternalError, $"internal error ({ex.GetType().Name}): {ex.Message} (set TRIVISION_TRACE=1 for the stack trace)");
        }
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command is RootCommand ? "trivision" : result.Command.Name);
        return string.Join(' ', names);
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static int Fail(CliContext context, int exitCode, string message)
    {
        context.Error.WriteLine($"trivision: error: {OneLine(message)}");
        return exitCode;
    }
}
