using TriVision.Inference.Onnx.Native;

namespace TriVision.Inference.Onnx;

/// <summary>
/// Runs one session with pre-bound native buffers: write the image into <see cref="Input"/>, call
/// <see cref="Run"/>, read <see cref="Output"/>. Steady-state <see cref="Run"/> is one native call
/// and allocates nothing managed. Not thread-safe: one runner per inference thread.
/// </summary>
/// <remarks>
/// Dynamic output shapes are resolved once, at creation: a first run on a zero input with the
/// outputs bound to CPU memory tells ORT's real shapes, then every output is bound to a pinned
/// buffer of that shape. This holds for detectors, whose output shape depends only on the input
/// shape (fixed here). A model whose output shape changes with the input values fails on the
/// next run with ORT's message instead of silently reading the wrong shape.
/// </remarks>
public sealed unsafe class OnnxRunner : IDisposable
{
    private readonly OnnxSession _session;
    private readonly OrtIoBindingHandle _binding;
    private readonly NativeBufferHandle _inputBuffer;
    private readonly OrtValueHandle _inputValue;
    private readonly long[] _inputShape;
    private readonly int _inputLength;
    private readonly NativeBufferHandle[] _outputBuffers;
    private readonly OrtValueHandle[] _outputValues;
    private readonly long[][] _outputShapes;
    private readonly int[] _outputLengths;
    private bool _disposed;

    internal OnnxRunner(OnnxSession session)
    {
        _session = session;
        var api = OrtLibrary.Api;
        int outputs = session.Outputs.Count;
        _outputBuffers = new NativeBufferHandle[outputs];
        _outputValues = new OrtValueHandle[outputs];
        _outputShapes = new long[outputs][];
        _outputLengths = new int[outputs];
        _inputShape = session.ResolveInputShape();
        _inputLength = checked((int)Product(_inputShape));
        _binding = new OrtIoBindingHandle();
        try
        {
            (_inputBuffer, _inputValue) = CreateTensor(session, _inputShape);
            nint binding;
            OrtStatusCheck.Check(api.CreateIoBinding(session.Handle.Ptr, &binding), "CreateIoBinding");
            _binding.Attach(binding, session.Handle);
            fixed (byte* name = OnnxSession.Utf8Z(session.Inputs[0].Name))
                OrtStatusCheck.Check(api.BindInput(binding, name, _inputValue.Ptr), "BindInput");

            bool anyDynamic = false;
            for (int i = 0; i < outputs; i++)
                anyDynamic |= session.Outputs[i].IsDynamic;
            if (anyDynamic)
                ResolveDynamicOutputShapes();
            else
                for (int i = 0; i < outputs; i++)
                    _outputShapes[i] = (long[])session.Outputs[i].Shape.Clone();

            for (int i = 0; i < outputs; i++)
            {
                (_outputBuffers[i], _outputValues[i]) = CreateTensor(session, _outputShapes[i]);
                _outputLengths[i] = checked((int)Product(_outputShapes[i]));
                fixed (byte* name = OnnxSession.Utf8Z(session.Outputs[i].Name))
                    OrtStatusCheck.Check(api.BindOutput(binding, name, _outputValues[i].Ptr), "BindOutput");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public OnnxSession Session => _session;

    /// <summary>The model input as NCHW float32, in native memory that ORT reads directly.</summary>
    public Span<float> Input => new(_inputBuffer.Pointer, _inputLength);

    /// <summary>The input shape actually bound: [N,3,H,W] with dynamic dims resolved.</summary>
    public ReadOnlySpan<long> InputShape => _inputShape;

    public int OutputCount => _outputValues.Length;

    /// <summary>Output <paramref name="index"/> of the last <see cref="Run"/>, row-major.</summary>
    public ReadOnlySpan<float> Output(int index) => new(_outputBuffers[index].Pointer, _outputLengths[index]);

    /// <summary>Shape of output <paramref name="index"/> (fixed for the runner's life).</summary>
    public ReadOnlySpan<long> OutputShape(int index) => _outputShapes[index];

    /// <summary>Runs the model on <see cref="Input"/>; results land in the output buffers.</summary>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        OrtStatusCheck.Check(OrtLibrary.Api.RunWithBinding(_session.Handle.Ptr, 0, _binding.Ptr), "RunWithBinding");
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        // Each handle holds what it depends on, so this order is for clarity, not safety.
        _binding.Dispose();
        _inputValue?.Dispose();
        _inputBuffer?.Dispose();
        for (int i = 0; i < _outputValues.Length; i++)
        {
            _outputValues[i]?.Dispose();
            _outputBuffers[i]?.Dispose();
        }
    }

    private void ResolveDynamicOutputShapes()
    {
        var api = OrtLibrary.Api;
        var outputs = _session.Outputs;
        for (int i = 0; i < outputs.Count; i++)
            fixed (byte* name = OnnxSession.Utf8Z(outputs[i].Name))
                OrtStatusCheck.Check(api.BindOutputToDevice(_binding.Ptr, name, _session.CpuMemory.Ptr), "BindOutputToDevice");
        OrtStatusCheck.Check(api.RunWithBinding(_session.Handle.Ptr, 0, _binding.Ptr), "RunWithBinding");

        nint allocator = OrtStrings.DefaultAllocator;
        nint* values;
        nuint count;
        OrtStatusCheck.Check(api.GetBoundOutputValues(_binding.Ptr, allocator, &values, &count), "GetBoundOutputValues");
        try
        {
            for (int i = 0; i < (int)count && i < outputs.Count; i++)
            {
                nint info;
                OrtStatusCheck.Check(api.GetTensorTypeAndShape(values[i], &info), "GetTensorTypeAndShape");
                using var infoHandle = new OrtTensorTypeAndShapeInfoHandle();
                infoHandle.Attach(info);
                _outputShapes[i] = OnnxSession.DescribeTensor(outputs[i].Name, info).Shape;
            }
        }
        finally
        {
            for (int i = 0; i < (int)count; i++)
                api.ReleaseValue(values[i]);
            OrtStatusCheck.Check(api.AllocatorFree(allocator, values), "AllocatorFree");
        }
        api.ClearBoundOutputs(_binding.Ptr);
    }

    private static (NativeBufferHandle, OrtValueHandle) CreateTensor(OnnxSession session, long[] shape)
    {
        long elements = Product(shape);
        var buffer = new NativeBufferHandle(checked((nuint)(elements * sizeof(float))));
        var value = new OrtValueHandle();
        nint ptr;
        fixed (long* dims = shape)
            OrtStatusCheck.Check(OrtLibrary.Api.CreateTensorWithDataAsOrtValue(
                session.CpuMemory.Ptr, buffer.Pointer, buffer.Bytes, dims, (nuint)shape.Length,
                (int)TensorElementType.Float, &ptr), "CreateTensorWithDataAsOrtValue");
        value.Attach(ptr, buffer, session.CpuMemory);
        return (buffer, value);
    }

    private static long Product(long[] shape)
    {
        long n = 1;
        foreach (long d in shape) n *= d;
        return n;
    }
}
