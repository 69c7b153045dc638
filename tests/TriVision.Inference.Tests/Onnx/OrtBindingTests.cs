using System.Runtime.InteropServices;
using TriVision.Core.Native;
using TriVision.Inference.Onnx;
using TriVision.Inference.Onnx.Native;

namespace TriVision.Inference.Tests.Onnx;

/// <summary>The raw binding against the real libonnxruntime: slots, status handling, library lookup.</summary>
[Collection(OrtCollection.Name)]
public sealed unsafe class OrtBindingTests
{
    [Fact]
    public void Loads_the_pinned_version_from_the_setup_folder()
    {
        Assert.Equal("1.29.0", OnnxRuntimeInfo.Version);
        Assert.NotNull(OnnxRuntimeInfo.LibraryPath);
        Assert.EndsWith("libonnxruntime.so.1", OnnxRuntimeInfo.LibraryPath);
    }

    [Fact]
    public void Build_info_slot_returns_the_build_string()
    {
        // GetBuildInfoString is slot 254: a wrong slot would crash or return garbage, not this text.
        string info = OnnxRuntimeInfo.BuildInfo;
        Assert.StartsWith("ORT Build Info", info);
    }

    [Fact]
    public void Available_providers_include_cpu()
    {
        var providers = OnnxRuntimeInfo.AvailableProviders();
        Assert.Contains("CPUExecutionProvider", providers);
    }

    [Fact]
    public void Failing_status_becomes_exception_with_call_code_and_ort_message()
    {
        var api = OrtLibrary.Api;
        var env = OrtEnvironment.Get(OrtLogLevel.Warning);
        nint created;
        OrtStatusCheck.Check(api.CreateSessionOptions(&created), "CreateSessionOptions");
        nint options = created;
        try
        {
            byte[] path = System.Text.Encoding.UTF8.GetBytes("/nonexistent/model.onnx\0");
            var ex = Assert.Throws<OnnxRuntimeException>(() =>
            {
                nint session;
                fixed (byte* p = path)
                    OrtStatusCheck.Check(api.CreateSession(env.Ptr, p, options, &session), "CreateSession");
            });
            Assert.Equal("CreateSession", ex.CallName);
            Assert.Equal(OrtErrorCode.NoSuchFile, ex.ErrorCode);
            Assert.StartsWith("ORT CreateSession failed (NoSuchFile): ", ex.Message);
            Assert.Contains("/nonexistent/model.onnx", ex.OrtMessage);
        }
        finally
        {
            api.ReleaseSessionOptions(options);
        }
    }

    [Fact]
    public void Invalid_argument_status_is_reported_with_its_code()
    {
        var api = OrtLibrary.Api;
        nint created;
        OrtStatusCheck.Check(api.CreateSessionOptions(&created), "CreateSessionOptions");
        nint options = created;
        try
        {
            // An unknown optimisation level is rejected by SetSessionGraphOptimizationLevel (slot 23).
            var ex = Assert.Throws<OnnxRuntimeException>(() =>
                OrtStatusCheck.Check(api.SetSessionGraphOptimizationLevel(options, 42), "SetSessionGraphOptimizationLevel"));
            Assert.Equal(OrtErrorCode.InvalidArgument, ex.ErrorCode);
            Assert.Contains("SetSessionGraphOptimizationLevel", ex.Message);
        }
        finally
        {
            api.ReleaseSessionOptions(options);
        }
    }

    [Fact]
    public void Library_spec_names_the_setup_script()
    {
        var spec = OnnxRuntimeInfo.LibrarySpec;
        Assert.Equal("ONNX Runtime", spec.DisplayName);
        Assert.Equal(new[] { "libonnxruntime.so.1", "libonnxruntime.so" }, spec.FileNames);
        Assert.Equal("TRIVISION_ORT_LIBRARY", spec.EnvironmentVariable);
        Assert.Equal("onnxruntime", spec.SetupFolder);
        Assert.Equal("scripts/setup.sh", spec.InstallHint);
    }

    [Fact]
    public void Missing_library_message_says_to_run_setup()
    {
        // Same spec, file names that exist nowhere: what a fresh clone without setup sees.
        var missing = OnnxRuntimeInfo.LibrarySpec with
        {
            DisplayName = "ONNX Runtime (missing-library test)",
            FileNames = ["libonnxruntime-not-installed.so.1"],
            EnvironmentVariable = null,
        };
        var ex = Assert.Throws<NativeLibraryNotFoundException>(() => NativeLibraryResolver.Load(missing));
        Assert.Contains("Install it with: scripts/setup.sh", ex.Message);
        Assert.Contains("libonnxruntime-not-installed.so.1", ex.Message);
    }

    [Fact]
    public void Gpu_build_folder_is_found_when_setup_put_one_there()
    {
        _ = OnnxRuntimeInfo.Version; // the real library is loaded before the variable changes
        string native = Directory.CreateTempSubdirectory("trivision-native-").FullName;
        string? before = Environment.GetEnvironmentVariable(NativeLibraryResolver.NativeDirVariable);
        try
        {
            Environment.SetEnvironmentVariable(NativeLibraryResolver.NativeDirVariable, native);
            Assert.Null(OrtLibrary.GpuBuildPath());
            string arch = RuntimeInformation.RuntimeIdentifier.Contains("arm64") ? "linux-arm64" : "linux-x64";
            string folder = Path.Combine(native, "onnxruntime-gpu", arch);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "libonnxruntime.so.1"), []);
            Assert.Equal(Path.Combine(folder, "libonnxruntime.so.1"), OrtLibrary.GpuBuildPath());
        }
        finally
        {
            Environment.SetEnvironmentVariable(NativeLibraryResolver.NativeDirVariable, before);
            Directory.Delete(native, recursive: true);
        }
    }
}
