using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriVision.Inference.Onnx.Native;

namespace TriVision.Inference.Onnx;

/// <summary>
/// An opened image-detection model: its tensors, metadata, the provider it really runs on and
/// whether that is what was asked for. Run it through <see cref="CreateRunner"/>.
/// Open checks that the model is an image model (one float32 input [1|N,3,H,W], float32 outputs)
/// so that a wrong file is reported at start-up, not on the first frame.
/// </summary>
public sealed partial class OnnxSession : IDisposable
{
    private readonly OrtSessionHandle _handle;
    private readonly OrtMemoryInfoHandle _cpuMemory;

    private OnnxSession(OrtSessionHandle handle, string model, string hash, SessionConfig config,
        ExecutionProvider active, SessionHealth health)
    {
        _handle = handle;
        Model = model;
        ModelHash = hash;
        Config = config;
        ActiveProvider = active;
        Health = health;
        _cpuMemory = CreateCpuMemoryInfo();
        Inputs = DescribeAll(isInput: true);
        Outputs = DescribeAll(isInput: false);
        Metadata = ReadMetadata();
    }

    /// <summary>The model file's full path, or "memory:&lt;hash&gt;" for a model opened from bytes.</summary>
    public string Model { get; }

    /// <summary>First 16 hex digits of the SHA-256 of the model bytes: identifies the model in logs and results.</summary>
    public string ModelHash { get; }

    public SessionConfig Config { get; }

    /// <summary>The provider the session really runs on (never the requested one when that failed).</summary>
    public ExecutionProvider ActiveProvider { get; }

    /// <summary>Degraded, with the reason, when the requested provider could not be used.</summary>
    public SessionHealth Health { get; }

    public IReadOnlyList<TensorDescription> Inputs { get; }

    public IReadOnlyList<TensorDescription> Outputs { get; }

    public ModelMetadata Metadata { get; }

    internal OrtSessionHandle Handle => _handle;

    internal OrtMemoryInfoHandle CpuMemory => _cpuMemory;

    /// <summary>Opens a model file. Throws <see cref="OnnxModelException"/> for a missing, unreadable, corrupt or non-image model.</summary>
    public static OnnxSession Open(string path, SessionConfig config, ILogger? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new OnnxModelException(full, Directory.Exists(full) ? "is a folder, not an .onnx model file" : "model file not found");
        string hash;
        try
        {
            using var stream = File.OpenRead(full);
            hash = ShortHash(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OnnxModelException(full, $"cannot read the model file: {e.Message}", e);
        }
        return Create(full, hash, ModelSource.FromFile(full), config, log ?? NullLogger.Instance);
    }

    /// <summary>Opens a model held in memory (e.g. decrypted or embedded).</summary>
    public static OnnxSession Open(ReadOnlyMemory<byte> model, SessionConfig config, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        string hash = ShortHash(SHA256.HashData(model.Span));
        return Create("memory:" + hash, hash, ModelSource.FromBytes(model), config, log ?? NullLogger.Instance);
    }

    /// <summary>A runner with its own pinned input/output buffers bound to this session; one per thread.</summary>
    public OnnxRunner CreateRunner() => new(this);

    public void Dispose()
    {
        _cpuMemory.Dispose();
        _handle.Dispose();
    }

    private static OnnxSession Create(string model, string hash, ModelSource source, SessionConfig config, ILogger log)
    {
        var api = OrtLibrary.Load(preferGpu: config.Provider != ExecutionProvider.Cpu, config.LibraryPath);
        var env = OrtEnvironment.Get(config.LogLevel);
        var (handle, active, health) = CreateWithProvider(env, model, source, config, log);
        OnnxSession? session = null;
        try
        {
            session = new OnnxSession(handle, model, hash, config, active, health);
            session.ValidateImageModel();
            OnnxLog.Opened(log, model, hash, active, api.Version, OrtLibrary.LoadedFrom ?? "?");
            return session;
        }
        catch
        {
            if (session is not null) session.Dispose();
            else handle.Dispose();
            throw;
        }
    }

    private static string ShortHash(byte[] sha256) => Convert.ToHexStringLower(sha256, 0, 8);

    private unsafe OrtMemoryInfoHandle CreateCpuMemoryInfo()
    {
        var info = new OrtMemoryInfoHandle();
        nint ptr;
        // OrtArenaAllocator = 1, OrtMemTypeDefault = 0: plain CPU memory, which our native buffers are.
        OrtStatusCheck.Check(OrtLibrary.Api.CreateCpuMemoryInfo(1, 0, &ptr), "CreateCpuMemoryInfo");
        info.Attach(ptr);
        return info;
    }

    internal static byte[] Utf8Z(string s) => Encoding.UTF8.GetBytes(s + "\0");
}
