namespace TriVision.Inference.Tests.Evaluation;

/// <summary>Finds the repository root (the folder holding TriVision.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TriVision.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("TriVision.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Recipe => Path.Combine(Root, "models", "recipe");

    /// <summary>Debian's python, which has torch/onnx/numpy (a pyenv python3 on PATH may not).</summary>
    public const string Python = "/usr/bin/python3";
}
