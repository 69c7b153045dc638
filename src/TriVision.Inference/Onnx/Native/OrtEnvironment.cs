using System.Text;

namespace TriVision.Inference.Onnx.Native;

/// <summary>
/// The process's one <c>OrtEnv</c>. ORT keeps a single environment per process (later CreateEnv
/// calls return the same object), so it is created once and lives as long as the process.
/// </summary>
internal static unsafe class OrtEnvironment
{
    private static readonly object Gate = new();
    private static OrtEnvHandle? _env;

    public static OrtEnvHandle Get(OrtLogLevel level)
    {
        if (_env is { } env) return env;
        lock (Gate)
        {
            if (_env is { } again) return again;
            var api = OrtLibrary.Api;
            var handle = new OrtEnvHandle();
            byte[] logId = Encoding.UTF8.GetBytes("TriVision\0");
            nint ptr;
            fixed (byte* id = logId)
                OrtStatusCheck.Check(api.CreateEnv((int)level, id, &ptr), "CreateEnv");
            handle.Attach(ptr);
            _env = handle;
            return handle;
        }
    }
}
