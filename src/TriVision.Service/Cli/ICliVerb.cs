using System.CommandLine;

namespace TriVision.Service.Cli;

/// <summary>
/// One CLI verb (detect, dataset, eval, scenarios, bench, run). Each lives in its own file under
/// Cli/ and is listed once in <see cref="Program.Verbs"/>. The action it sets returns an exit code
/// from <see cref="CliExitCode"/> and throws <see cref="CliException"/> for expected failures.
/// </summary>
public interface ICliVerb
{
    Command Create(CliContext context);
}
