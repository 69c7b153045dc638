using Spectre.Console;
using TriVision.Service.Detectors;

namespace TriVision.Service.Cli;

/// <summary>
/// What verbs share: where results go (stdout, machine-readable only), where people-facing text
/// goes (stderr: progress, warnings, errors), and the detector factory. Tests build one over
/// string writers and a test detector.
/// </summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, IDetectorFactory detectorFactory, bool interactiveError = false)
    {
        Output = output;
        Error = error;
        DetectorFactory = detectorFactory;
        InteractiveError = interactiveError;
    }

    /// <summary>Results only (JSON lines); scripts parse it.</summary>
    public TextWriter Output { get; }

    /// <summary>Progress, warnings and error lines.</summary>
    public TextWriter Error { get; }

    public IDetectorFactory DetectorFactory { get; }

    /// <summary>True when stderr is a terminal, so live progress bars make sense there.</summary>
    public bool InteractiveError { get; }

    /// <summary>The process's own console. The ONNX detector factory is plugged in here.</summary>
    public static CliContext CreateDefault() =>
        new(Console.Out, Console.Error, new OnnxDetectorFactory(), interactiveError: !Console.IsErrorRedirected);

    /// <summary>A Spectre console that writes to <see cref="Error"/>, never to stdout.</summary>
    public IAnsiConsole CreateErrorConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Interactive = InteractiveError ? InteractionSupport.Yes : InteractionSupport.No,
        Ansi = InteractiveError ? AnsiSupport.Detect : AnsiSupport.No,
    });
}
