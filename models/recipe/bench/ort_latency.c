/* Measures one-frame inference latency of an ONNX model through the ONNX Runtime C API on the CPU.
 * Build:  gcc -O2 -I../../../.native/include ort_latency.c -o /tmp/ort_latency -ldl
 * Run:    /tmp/ort_latency model.onnx [runs] [threads] [input.f32 output.f32]
 *         (loads libonnxruntime.so.1 via ORT_LIB or the repository's .native/onnxruntime/linux-x64 folder;
 *         with input/output files it runs the raw float32 input and writes the raw first output, so the
 *         recipe can check ONNX Runtime against PyTorch)
 * Prints median / p90 / mean milliseconds of Run() for a [1,3,H,W] float input read from the model. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "onnxruntime_c_api.h"

static const OrtApi *api;

static void check(OrtStatus *st, const char *call) {
    if (st) {
        fprintf(stderr, "%s failed: %s\n", call, api->GetErrorMessage(st));
        exit(2);
    }
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s model.onnx [runs] [threads]\n", argv[0]); return 1; }
    int runs = argc > 2 ? atoi(argv[2]) : 200;
    int threads = argc > 3 ? atoi(argv[3]) : 2;
    const char *lib = getenv("ORT_LIB") ? getenv("ORT_LIB") : ".native/onnxruntime/linux-x64/libonnxruntime.so.1";
    void *h = dlopen(lib, RTLD_NOW);
    if (!h) { fprintf(stderr, "cannot load %s: %s (run scripts/setup.sh or set ORT_LIB)\n", lib, dlerror()); return 1; }
    const OrtApiBase *(*get_base)(void) = (const OrtApiBase *(*)(void))dlsym(h, "OrtGetApiBase");
    api = get_base()->GetApi(ORT_API_VERSION);
    if (!api) { fprintf(stderr, "library does not provide ORT API version %d\n", ORT_API_VERSION); return 1; }

    OrtEnv *env; check(api->CreateEnv(ORT_LOGGING_LEVEL_WARNING, "bench", &env), "CreateEnv");
    OrtSessionOptions *so; check(api->CreateSessionOptions(&so), "CreateSessionOptions");
    check(api->SetIntraOpNumThreads(so, threads), "SetIntraOpNumThreads");
    check(api->SetSessionGraphOptimizationLevel(so, ORT_ENABLE_ALL), "SetSessionGraphOptimizationLevel");
    OrtSession *sess; check(api->CreateSession(env, argv[1], so, &sess), "CreateSession");

    OrtTypeInfo *ti; check(api->SessionGetInputTypeInfo(sess, 0, &ti), "SessionGetInputTypeInfo");
    const OrtTensorTypeAndShapeInfo *tsi; check(api->CastTypeInfoToTensorInfo(ti, &tsi), "CastTypeInfoToTensorInfo");
    int64_t shape[4]; check(api->GetDimensions(tsi, shape, 4), "GetDimensions");
    size_t n = (size_t)(shape[0] * shape[1] * shape[2] * shape[3]);
    float *data = malloc(n * sizeof(float));
    for (size_t i = 0; i < n; i++) data[i] = (float)((i * 2654435761u) % 255) / 255.0f;
    if (argc > 5) {
        FILE *f = fopen(argv[4], "rb");
        if (!f || fread(data, sizeof(float), n, f) != n) { fprintf(stderr, "cannot read %zu floats from %s\n", n, argv[4]); return 1; }
        fclose(f);
    }

    OrtAllocator *alloc; check(api->GetAllocatorWithDefaultOptions(&alloc), "GetAllocatorWithDefaultOptions");
    char *in_name, *out_name;
    check(api->SessionGetInputName(sess, 0, alloc, &in_name), "SessionGetInputName");
    check(api->SessionGetOutputName(sess, 0, alloc, &out_name), "SessionGetOutputName");
    OrtMemoryInfo *mi; check(api->CreateCpuMemoryInfo(OrtArenaAllocator, OrtMemTypeDefault, &mi), "CreateCpuMemoryInfo");
    OrtValue *input = NULL;
    check(api->CreateTensorWithDataAsOrtValue(mi, data, n * sizeof(float), shape, 4, ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, &input), "CreateTensorWithDataAsOrtValue");

    double *t = malloc(sizeof(double) * runs);
    const char *ins[] = {in_name}, *outs[] = {out_name};
    for (int i = -10; i < runs; i++) {  /* 10 warm-up runs */
        OrtValue *output = NULL;
        double t0 = now_ms();
        check(api->Run(sess, NULL, ins, (const OrtValue *const *)&input, 1, outs, 1, &output), "Run");
        double dt = now_ms() - t0;
        if (i >= 0) t[i] = dt;
        if (i == runs - 1 && argc > 5) {
            OrtTensorTypeAndShapeInfo *oi; check(api->GetTensorTypeAndShape(output, &oi), "GetTensorTypeAndShape");
            size_t count; check(api->GetTensorShapeElementCount(oi, &count), "GetTensorShapeElementCount");
            float *od; check(api->GetTensorMutableData(output, (void **)&od), "GetTensorMutableData");
            FILE *f = fopen(argv[5], "wb");
            if (!f || fwrite(od, sizeof(float), count, f) != count) { fprintf(stderr, "cannot write %s\n", argv[5]); return 1; }
            fclose(f);
            api->ReleaseTensorTypeAndShapeInfo(oi);
        }
        api->ReleaseValue(output);
    }
    double sum = 0; for (int i = 0; i < runs; i++) sum += t[i];
    qsort(t, runs, sizeof(double), cmp);
    printf("model=%s input=[%lld,%lld,%lld,%lld] threads=%d runs=%d median_ms=%.2f p90_ms=%.2f mean_ms=%.2f min_ms=%.2f\n",
           argv[1], (long long)shape[0], (long long)shape[1], (long long)shape[2], (long long)shape[3],
           threads, runs, t[runs / 2], t[(int)(runs * 0.9)], sum / runs, t[0]);
    return 0;
}
