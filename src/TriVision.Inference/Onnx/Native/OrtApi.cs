namespace TriVision.Inference.Onnx.Native;

/// <summary>
/// The part of ONNX Runtime's <c>OrtApi</c> function table (ORT_API_VERSION 29) that TriVision
/// uses, read as unmanaged function pointers. Slot numbers are the zero-based position of each
/// member in <c>struct OrtApi</c> of <c>onnxruntime_c_api.h</c>: the table is append-only, so a
/// slot never moves between versions, and a wrong number here is caught by the binding tests
/// (each slot below is exercised by at least one of them).
/// Opaque ORT objects are passed as <see cref="nint"/>; every <c>OrtStatus*</c> result goes through
/// <see cref="OrtStatusCheck"/>.
/// </summary>
internal sealed unsafe class OrtApi
{
    public const uint ApiVersion = 29;

    public readonly delegate* unmanaged[Cdecl]<nint, int> GetErrorCode;                       // 1
    public readonly delegate* unmanaged[Cdecl]<nint, byte*> GetErrorMessage;                  // 2
    public readonly delegate* unmanaged[Cdecl]<int, byte*, nint*, nint> CreateEnv;            // 3
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint> CreateSession; // 7
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray; // 8
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateSessionOptions;             // 10
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint> SetOptimizedModelFilePath;  // 11
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionExecutionMode;      // 13
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionGraphOptimizationLevel; // 23
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetIntraOpNumThreads;         // 24
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetInterOpNumThreads;         // 25
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetInputCount;      // 30
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetOutputCount;     // 31
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetInputTypeInfo;  // 33
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetOutputTypeInfo; // 34
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetInputName;  // 36
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetOutputName; // 37
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue; // 49
    public readonly delegate* unmanaged[Cdecl]<nint, void**, nint> GetTensorMutableData;      // 51
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToTensorInfo;   // 55
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetOnnxTypeFromTypeInfo;     // 56
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetTensorElementType;        // 60
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetDimensionsCount;        // 61
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, nint> GetDimensions;       // 62
    public readonly delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint> GetSymbolicDimensions; // 63
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> GetTensorTypeAndShape;      // 65
    public readonly delegate* unmanaged[Cdecl]<int, int, nint*, nint> CreateCpuMemoryInfo;    // 69
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nint> AllocatorFree;              // 76
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> GetAllocatorWithDefaultOptions;  // 78
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseEnv;                        // 92
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseStatus;                     // 93
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseMemoryInfo;                 // 94
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSession;                    // 95
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseValue;                      // 96
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTypeInfo;                   // 98
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTensorTypeAndShapeInfo;     // 99
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSessionOptions;             // 100
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> SessionGetModelMetadata;    // 111
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetProducerName; // 112
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetGraphName;    // 113
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte*, byte**, nint> ModelMetadataLookupCustomMetadataMap; // 116
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseModelMetadata;              // 118
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte***, long*, nint> ModelMetadataGetCustomMetadataMapKeys; // 123
    public readonly delegate* unmanaged[Cdecl]<byte***, int*, nint> GetAvailableProviders;    // 125
    public readonly delegate* unmanaged[Cdecl]<byte**, int, nint> ReleaseAvailableProviders;  // 126
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint> AddSessionConfigEntry; // 130
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, nint> RunWithBinding;        // 133
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CreateIoBinding;            // 134
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseIoBinding;                  // 135
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint> BindInput;            // 136
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint> BindOutput;           // 137
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint> BindOutputToDevice;   // 138
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint**, nuint*, nint> GetBoundOutputValues; // 140
    public readonly delegate* unmanaged[Cdecl]<nint, void> ClearBoundOutputs;                 // 142
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> SessionOptionsAppendExecutionProvider_TensorRT_V2; // 170
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateTensorRTProviderOptions;    // 171
    public readonly delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint> UpdateTensorRTProviderOptions; // 172
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTensorRTProviderOptions;    // 174
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> SessionOptionsAppendExecutionProvider_CUDA_V2; // 204
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateCUDAProviderOptions;        // 205
    public readonly delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint> UpdateCUDAProviderOptions; // 206
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseCUDAProviderOptions;        // 208
    public readonly delegate* unmanaged[Cdecl]<byte*> GetBuildInfoString;                     // 254

    /// <summary>The version string of the loaded library (from <c>OrtApiBase::GetVersionString</c>).</summary>
    public readonly string Version;

    public OrtApi(nint* table, string version)
    {
        Version = version;
        GetErrorCode = (delegate* unmanaged[Cdecl]<nint, int>)table[1];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)table[2];
        CreateEnv = (delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)table[3];
        CreateSession = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint>)table[7];
        CreateSessionFromArray = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint>)table[8];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[10];
        SetOptimizedModelFilePath = (delegate* unmanaged[Cdecl]<nint, byte*, nint>)table[11];
        SetSessionExecutionMode = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[13];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[23];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[24];
        SetInterOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[25];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[30];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[31];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)table[33];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)table[34];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)table[36];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)table[37];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)table[49];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<nint, void**, nint>)table[51];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[55];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged[Cdecl]<nint, int*, nint>)table[56];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)table[60];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[61];
        GetDimensions = (delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)table[62];
        GetSymbolicDimensions = (delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint>)table[63];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[65];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, nint*, nint>)table[69];
        AllocatorFree = (delegate* unmanaged[Cdecl]<nint, void*, nint>)table[76];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[78];
        ReleaseEnv = (delegate* unmanaged[Cdecl]<nint, void>)table[92];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<nint, void>)table[93];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[94];
        ReleaseSession = (delegate* unmanaged[Cdecl]<nint, void>)table[95];
        ReleaseValue = (delegate* unmanaged[Cdecl]<nint, void>)table[96];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[98];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[99];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<nint, void>)table[100];
        SessionGetModelMetadata = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[111];
        ModelMetadataGetProducerName = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)table[112];
        ModelMetadataGetGraphName = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)table[113];
        ModelMetadataLookupCustomMetadataMap = (delegate* unmanaged[Cdecl]<nint, nint, byte*, byte**, nint>)table[116];
        ReleaseModelMetadata = (delegate* unmanaged[Cdecl]<nint, void>)table[118];
        ModelMetadataGetCustomMetadataMapKeys = (delegate* unmanaged[Cdecl]<nint, nint, byte***, long*, nint>)table[123];
        GetAvailableProviders = (delegate* unmanaged[Cdecl]<byte***, int*, nint>)table[125];
        ReleaseAvailableProviders = (delegate* unmanaged[Cdecl]<byte**, int, nint>)table[126];
        AddSessionConfigEntry = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint>)table[130];
        RunWithBinding = (delegate* unmanaged[Cdecl]<nint, nint, nint, nint>)table[133];
        CreateIoBinding = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[134];
        ReleaseIoBinding = (delegate* unmanaged[Cdecl]<nint, void>)table[135];
        BindInput = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint>)table[136];
        BindOutput = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint>)table[137];
        BindOutputToDevice = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint>)table[138];
        GetBoundOutputValues = (delegate* unmanaged[Cdecl]<nint, nint, nint**, nuint*, nint>)table[140];
        ClearBoundOutputs = (delegate* unmanaged[Cdecl]<nint, void>)table[142];
        SessionOptionsAppendExecutionProvider_TensorRT_V2 = (delegate* unmanaged[Cdecl]<nint, nint, nint>)table[170];
        CreateTensorRTProviderOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[171];
        UpdateTensorRTProviderOptions = (delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint>)table[172];
        ReleaseTensorRTProviderOptions = (delegate* unmanaged[Cdecl]<nint, void>)table[174];
        SessionOptionsAppendExecutionProvider_CUDA_V2 = (delegate* unmanaged[Cdecl]<nint, nint, nint>)table[204];
        CreateCUDAProviderOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[205];
        UpdateCUDAProviderOptions = (delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint>)table[206];
        ReleaseCUDAProviderOptions = (delegate* unmanaged[Cdecl]<nint, void>)table[208];
        GetBuildInfoString = (delegate* unmanaged[Cdecl]<byte*>)table[254];
    }
}
