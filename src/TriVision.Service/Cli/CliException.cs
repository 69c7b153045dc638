namespace TriVision.Service.Cli;

/// <summary>An expected failure at the CLI's edge: printed as one line with its exit code, never a stack trace.</summary>
public sealed class CliException : Exception
{
    public CliException(int exitCode, string message, Exception? inner = null) : base(message, inner) => ExitCode = exitCode;

    /// <summary>One of <see cref="CliExitCode"/>.</summary>
    public int ExitCode { get; }
}
