using System.Runtime.InteropServices;
using TriVision.Inference.Onnx.Native;

namespace TriVision.Inference.Onnx;

public sealed partial class OnnxSession
{
    private unsafe TensorDescription[] DescribeAll(bool isInput)
    {
        var api = OrtLibrary.Api;
        nuint count;
        if (isInput) OrtStatusCheck.Check(api.SessionGetInputCount(_handle.Ptr, &count), "SessionGetInputCount");
        else OrtStatusCheck.Check(api.SessionGetOutputCount(_handle.Ptr, &count), "SessionGetOutputCount");
        nint allocator = OrtStrings.DefaultAllocator;
        var result = new TensorDescription[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            if (isInput) OrtStatusCheck.Check(api.SessionGetInputName(_handle.Ptr, i, allocator, &name), "SessionGetInputName");
            else OrtStatusCheck.Check(api.SessionGetOutputName(_handle.Ptr, i, allocator, &name), "SessionGetOutputName");
            string tensorName = OrtStrings.TakeAllocated(allocator, name) ?? "";

            using var typeInfo = new OrtTypeInfoHandle();
            nint info;
            if (isInput) OrtStatusCheck.Check(api.SessionGetInputTypeInfo(_handle.Ptr, i, &info), "SessionGetInputTypeInfo");
            else OrtStatusCheck.Check(api.SessionGetOutputTypeInfo(_handle.Ptr, i, &info), "SessionGetOutputTypeInfo");
            typeInfo.Attach(info);
            result[(int)i] = Describe(tensorName, info);
        }
        return result;
    }

    private static unsafe TensorDescription Describe(string name, nint typeInfo)
    {
        var api = OrtLibrary.Api;
        int onnxType;
        OrtStatusCheck.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType), "GetOnnxTypeFromTypeInfo");
        if (onnxType != 1 /* ONNX_TYPE_TENSOR */)
            return new TensorDescription(name, TensorElementType.Undefined, [], []);
        // Owned by typeInfo: not released here.
        nint tensorInfo;
        OrtStatusCheck.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), "CastTypeInfoToTensorInfo");
        return DescribeTensor(name, tensorInfo);
    }

    internal static unsafe TensorDescription DescribeTensor(string name, nint tensorInfo)
    {
        var api = OrtLibrary.Api;
        int elementType;
        OrtStatusCheck.Check(api.GetTensorElementType(tensorInfo, &elementType), "GetTensorElementType");
        nuint rank;
        OrtStatusCheck.Check(api.GetDimensionsCount(tensorInfo, &rank), "GetDimensionsCount");
        var shape = new long[(int)rank];
        var symbols = new string[(int)rank];
        if (rank > 0)
        {
            fixed (long* dims = shape)
                OrtStatusCheck.Check(api.GetDimensions(tensorInfo, dims, rank), "GetDimensions");
            byte** names = stackalloc byte*[(int)rank];
            OrtStatusCheck.Check(api.GetSymbolicDimensions(tensorInfo, names, rank), "GetSymbolicDimensions");
            for (int d = 0; d < (int)rank; d++)
                symbols[d] = names[d] == null ? "" : Marshal.PtrToStringUTF8((nint)names[d]) ?? "";
        }
        return new TensorDescription(name, (TensorElementType)elementType, shape, symbols);
    }

    private unsafe ModelMetadata ReadMetadata()
    {
        var api = OrtLibrary.Api;
        nint allocator = OrtStrings.DefaultAllocator;
        using var meta = new OrtModelMetadataHandle();
        nint ptr;
        OrtStatusCheck.Check(api.SessionGetModelMetadata(_handle.Ptr, &ptr), "SessionGetModelMetadata");
        meta.Attach(ptr);

        byte* producer, graph;
        OrtStatusCheck.Check(api.ModelMetadataGetProducerName(ptr, allocator, &producer), "ModelMetadataGetProducerName");
        string producerName = OrtStrings.TakeAllocated(allocator, producer) ?? "";
        OrtStatusCheck.Check(api.ModelMetadataGetGraphName(ptr, allocator, &graph), "ModelMetadataGetGraphName");
        string graphName = OrtStrings.TakeAllocated(allocator, graph) ?? "";

        byte** keys;
        long keyCount;
        OrtStatusCheck.Check(api.ModelMetadataGetCustomMetadataMapKeys(ptr, allocator, &keys, &keyCount), "ModelMetadataGetCustomMetadataMapKeys");
        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys != null)
        {
            try
            {
                for (long k = 0; k < keyCount; k++)
                {
                    byte* value;
                    OrtStatusCheck.Check(api.ModelMetadataLookupCustomMetadataMap(ptr, allocator, keys[k], &value), "ModelMetadataLookupCustomMetadataMap");
                    string key = Marshal.PtrToStringUTF8((nint)keys[k]) ?? "";
                    custom[key] = OrtStrings.TakeAllocated(allocator, value) ?? "";
                }
            }
            finally
            {
                // Keys and the array holding them were allocated by ORT with our allocator.
                for (long k = 0; k < keyCount; k++)
                    OrtStatusCheck.Check(api.AllocatorFree(allocator, keys[k]), "AllocatorFree");
                OrtStatusCheck.Check(api.AllocatorFree(allocator, keys), "AllocatorFree");
            }
        }
        return new ModelMetadata(producerName, graphName, custom);
    }

    /// <summary>One float32 input [1|N,3,H,W] and float32 outputs: what every TriVision detector is.</summary>
    private void ValidateImageModel()
    {
        if (Inputs.Count != 1)
            throw new OnnxModelException(Model, $"has {Inputs.Count} inputs ({string.Join("; ", Inputs)}); an image detector has exactly one, float32 [1,3,H,W]");
        var input = Inputs[0];
        var shape = input.Shape;
        if (input.ElementType != TensorElementType.Float || shape.Length != 4 || shape[1] != 3
            || shape[0] == 0 || shape[2] == 0 || shape[3] == 0)
            throw new OnnxModelException(Model, $"input '{input.Name}' is {input.ElementType} [{string.Join(",", shape)}], not an image tensor: it must be float32 [1,3,H,W] or [N,3,H,W]");
        if (Outputs.Count == 0)
            throw new OnnxModelException(Model, "has no outputs");
        foreach (var output in Outputs)
        {
            if (output.ElementType != TensorElementType.Float)
                throw new OnnxModelException(Model, $"output '{output.Name}' is {output.ElementType} [{string.Join(",", output.Shape)}]; TriVision reads float32 outputs only");
        }
    }

    /// <summary>The input shape a runner uses: dynamic batch becomes 1, dynamic H/W come from the config.</summary>
    internal long[] ResolveInputShape()
    {
        var input = Inputs[0];
        var shape = (long[])input.Shape.Clone();
        if (shape[0] < 0) shape[0] = 1;
        if (shape[2] < 0)
            shape[2] = Config.InputHeight ?? throw new OnnxModelException(Model, $"input '{input.Name}' has a dynamic height ('{input.DimensionNames[2]}'); set SessionConfig.InputHeight");
        if (shape[3] < 0)
            shape[3] = Config.InputWidth ?? throw new OnnxModelException(Model, $"input '{input.Name}' has a dynamic width ('{input.DimensionNames[3]}'); set SessionConfig.InputWidth");
        return shape;
    }
}
