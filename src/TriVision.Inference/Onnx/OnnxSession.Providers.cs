using System.Globalization;
using Microsoft.Extensions.Logging;
using TriVision.Inference.Onnx.Native;

namespace TriVision.Inference.Onnx;

public sealed partial class OnnxSession
{
    /// <summary>
    /// Picks the provider honestly: a requested GPU provider that is missing or fails to start is
    /// either an error (strict) or a logged, counted, visible fallback to CPU, never silent.
    /// A model that fails on CPU too is a model problem and is reported as such.
    /// </summary>
    private static (OrtSessionHandle, ExecutionProvider, SessionHealth) CreateWithProvider(
        OrtEnvHandle env, string model, ModelSource source, SessionConfig config, ILogger log)
    {
        var available = OnnxRuntimeInfo.AvailableProviders();
        var requested = config.Provider;
        if (requested == ExecutionProvider.Cpu)
            return (CreateOrModelError(env, model, source, config, ExecutionProvider.Cpu), ExecutionProvider.Cpu, SessionHealth.Healthy);

        ExecutionProvider[] candidates = requested == ExecutionProvider.Auto
            ? [ExecutionProvider.TensorRt, ExecutionProvider.Cuda]
            : [requested];
        var reasons = new List<string>();
        OnnxRuntimeException? firstFailure = null;
        bool anyInstalled = false;
        foreach (var candidate in candidates)
        {
            string ortName = OnnxRuntimeInfo.OrtName(candidate)!;
            if (WhyNotInstalled(candidate, available) is { } missing)
            {
                reasons.Add(missing);
                continue;
            }
            anyInstalled = true;
            try
            {
                return (CreateSession(env, source, config, candidate), candidate, SessionHealth.Healthy);
            }
            catch (OnnxRuntimeException e)
            {
                // Listed but not startable (no driver, no device, missing CUDA/TensorRT libraries),
                // unless the model itself is bad: the CPU attempt below tells the two apart.
                reasons.Add($"{ortName} failed to start: {e.Message}");
                firstFailure ??= e;
            }
        }

        string reason = string.Join("; ", reasons);
        if (requested == ExecutionProvider.Auto && !anyInstalled)
        {
            OnnxLog.AutoOnCpu(log, reason, model);
            return (CreateOrModelError(env, model, source, config, ExecutionProvider.Cpu), ExecutionProvider.Cpu, SessionHealth.Healthy);
        }

        // Open on CPU before deciding, so a corrupt model is reported as a model error even in strict mode.
        var cpu = CreateOrModelError(env, model, source, config, ExecutionProvider.Cpu);
        if (config.Strict)
        {
            cpu.Dispose();
            throw new ProviderUnavailableException(requested, available, reason, firstFailure);
        }
        OnnxLog.ProviderFallback(log, requested, reason, model, string.Join(", ", available));
        OnnxMetrics.ProviderFallbacks.Add(1, new KeyValuePair<string, object?>("provider", requested.ToString().ToLowerInvariant()));
        return (cpu, ExecutionProvider.Cpu, new SessionHealth(HealthStatus.Degraded, $"{requested} requested, running on CPU: {reason}"));
    }

    /// <summary>
    /// Why a GPU provider cannot even be tried, or null when it can. ORT's CPU packages list CUDA and
    /// TensorRT among their "available" providers although the provider libraries that implement them
    /// (libonnxruntime_providers_cuda.so, ..._tensorrt.so) ship only with the GPU build; so a provider
    /// counts as installed when it is listed and its library sits next to libonnxruntime.
    /// </summary>
    internal static string? WhyNotInstalled(ExecutionProvider provider, IReadOnlyList<string> available)
    {
        string ortName = OnnxRuntimeInfo.OrtName(provider)!;
        string library = OrtLibrary.LoadedFrom ?? "?";
        if (!Contains(available, ortName))
            return $"{ortName} is not in this ONNX Runtime build ({library})";
        string? folder = Path.GetDirectoryName(library);
        if (string.IsNullOrEmpty(folder))
            return null; // loaded by bare name from the system path: let ORT say whether it can load it
        string plugin = provider == ExecutionProvider.TensorRt ? "libonnxruntime_providers_tensorrt.so" : "libonnxruntime_providers_cuda.so";
        return File.Exists(Path.Combine(folder, plugin))
            ? null
            : $"{ortName} is listed by ONNX Runtime but its provider library {plugin} is not installed in {folder} (this is the CPU build)";
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name) return true;
        return false;
    }

    private static OrtSessionHandle CreateOrModelError(OrtEnvHandle env, string model, ModelSource source, SessionConfig config, ExecutionProvider provider)
    {
        try
        {
            return CreateSession(env, source, config, provider);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxModelException(model, $"ONNX Runtime cannot load it as a model (corrupt, truncated or unsupported file?): {e.Message}", e);
        }
    }

    private static unsafe OrtSessionHandle CreateSession(OrtEnvHandle env, ModelSource source, SessionConfig config, ExecutionProvider provider)
    {
        var api = OrtLibrary.Api;
        using var options = CreateOptions(config);
        if (provider == ExecutionProvider.TensorRt)
        {
            AppendTensorRt(options, config);
            // TensorRT hands nodes it cannot build to the next provider; CUDA keeps them on the GPU.
            AppendCuda(options, config);
        }
        else if (provider == ExecutionProvider.Cuda)
        {
            AppendCuda(options, config);
        }

        var session = new OrtSessionHandle();
        nint ptr;
        if (source.Path is { } path)
        {
            fixed (byte* p = Utf8Z(path))
                OrtStatusCheck.Check(api.CreateSession(env.Ptr, p, options.Ptr, &ptr), "CreateSession");
        }
        else
        {
            fixed (byte* data = source.Bytes.Span)
                OrtStatusCheck.Check(api.CreateSessionFromArray(env.Ptr, data, (nuint)source.Bytes.Length, options.Ptr, &ptr), "CreateSessionFromArray");
        }
        session.Attach(ptr, env);
        return session;
    }

    private static unsafe OrtSessionOptionsHandle CreateOptions(SessionConfig config)
    {
        var api = OrtLibrary.Api;
        var options = new OrtSessionOptionsHandle();
        nint ptr;
        OrtStatusCheck.Check(api.CreateSessionOptions(&ptr), "CreateSessionOptions");
        options.Attach(ptr);
        try
        {
            OrtStatusCheck.Check(api.SetSessionExecutionMode(ptr, 0 /* ORT_SEQUENTIAL */), "SetSessionExecutionMode");
            OrtStatusCheck.Check(api.SetSessionGraphOptimizationLevel(ptr, (int)config.Optimization), "SetSessionGraphOptimizationLevel");
            OrtStatusCheck.Check(api.SetIntraOpNumThreads(ptr, config.IntraOpThreads), "SetIntraOpNumThreads");
            OrtStatusCheck.Check(api.SetInterOpNumThreads(ptr, config.InterOpThreads), "SetInterOpNumThreads");
            if (config.AllowSpinning is { } spin)
            {
                fixed (byte* value = Utf8Z(spin ? "1" : "0"))
                {
                    fixed (byte* intra = Utf8Z("session.intra_op.allow_spinning"))
                        OrtStatusCheck.Check(api.AddSessionConfigEntry(ptr, intra, value), "AddSessionConfigEntry(session.intra_op.allow_spinning)");
                    fixed (byte* inter = Utf8Z("session.inter_op.allow_spinning"))
                        OrtStatusCheck.Check(api.AddSessionConfigEntry(ptr, inter, value), "AddSessionConfigEntry(session.inter_op.allow_spinning)");
                }
            }
            if (!string.IsNullOrWhiteSpace(config.OptimizedModelPath))
            {
                fixed (byte* p = Utf8Z(Path.GetFullPath(config.OptimizedModelPath)))
                    OrtStatusCheck.Check(api.SetOptimizedModelFilePath(ptr, p), "SetOptimizedModelFilePath");
            }
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    private static unsafe void AppendCuda(OrtSessionOptionsHandle options, SessionConfig config)
    {
        var api = OrtLibrary.Api;
        using var cuda = new OrtCudaProviderOptionsHandle();
        nint ptr;
        OrtStatusCheck.Check(api.CreateCUDAProviderOptions(&ptr), "CreateCUDAProviderOptions");
        cuda.Attach(ptr);
        UpdateProviderOptions(ptr, [("device_id", config.DeviceId.ToString(CultureInfo.InvariantCulture))], isTensorRt: false);
        OrtStatusCheck.Check(api.SessionOptionsAppendExecutionProvider_CUDA_V2(options.Ptr, ptr), "SessionOptionsAppendExecutionProvider_CUDA_V2");
    }

    private static unsafe void AppendTensorRt(OrtSessionOptionsHandle options, SessionConfig config)
    {
        var api = OrtLibrary.Api;
        using var trt = new OrtTensorRtProviderOptionsHandle();
        nint ptr;
        OrtStatusCheck.Check(api.CreateTensorRTProviderOptions(&ptr), "CreateTensorRTProviderOptions");
        trt.Attach(ptr);
        var pairs = new List<(string, string)>
        {
            ("device_id", config.DeviceId.ToString(CultureInfo.InvariantCulture)),
            ("trt_fp16_enable", config.TensorRtFp16 ? "1" : "0"),
        };
        if (!string.IsNullOrWhiteSpace(config.TensorRtEngineCachePath))
        {
            string cache = Path.GetFullPath(config.TensorRtEngineCachePath);
            Directory.CreateDirectory(cache);
            pairs.Add(("trt_engine_cache_enable", "1"));
            pairs.Add(("trt_engine_cache_path", cache));
        }
        UpdateProviderOptions(ptr, pairs, isTensorRt: true);
        OrtStatusCheck.Check(api.SessionOptionsAppendExecutionProvider_TensorRT_V2(options.Ptr, ptr), "SessionOptionsAppendExecutionProvider_TensorRT_V2");
    }

    private static unsafe void UpdateProviderOptions(nint providerOptions, IReadOnlyList<(string Key, string Value)> pairs, bool isTensorRt)
    {
        var api = OrtLibrary.Api;
        var keyBytes = new byte[pairs.Count][];
        var valueBytes = new byte[pairs.Count][];
        for (int i = 0; i < pairs.Count; i++)
        {
            keyBytes[i] = Utf8Z(pairs[i].Key);
            valueBytes[i] = Utf8Z(pairs[i].Value);
        }
        var handles = new System.Runtime.InteropServices.GCHandle[pairs.Count * 2];
        try
        {
            byte** keys = stackalloc byte*[pairs.Count];
            byte** values = stackalloc byte*[pairs.Count];
            for (int i = 0; i < pairs.Count; i++)
            {
                handles[2 * i] = System.Runtime.InteropServices.GCHandle.Alloc(keyBytes[i], System.Runtime.InteropServices.GCHandleType.Pinned);
                handles[2 * i + 1] = System.Runtime.InteropServices.GCHandle.Alloc(valueBytes[i], System.Runtime.InteropServices.GCHandleType.Pinned);
                keys[i] = (byte*)handles[2 * i].AddrOfPinnedObject();
                values[i] = (byte*)handles[2 * i + 1].AddrOfPinnedObject();
            }
            if (isTensorRt)
                OrtStatusCheck.Check(api.UpdateTensorRTProviderOptions(providerOptions, keys, values, (nuint)pairs.Count), "UpdateTensorRTProviderOptions");
            else
                OrtStatusCheck.Check(api.UpdateCUDAProviderOptions(providerOptions, keys, values, (nuint)pairs.Count), "UpdateCUDAProviderOptions");
        }
        finally
        {
            foreach (var h in handles)
                if (h.IsAllocated) h.Free();
        }
    }
}
